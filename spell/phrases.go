package spell

import (
	_ "embed"
	"strings"
	"sync"
)

//go:embed data/phrases-en.txt
var phrasesEN string

// Phrases is a list of foreign phrases used as they are in English copy
// (en masse, per se, et al), whose words a spelling check accepts where
// the whole phrase stands.
type Phrases struct {
	byWord map[string][][]string // word → phrases containing it
}

// BuiltinPhrases returns the built-in English list, parsed once.
var BuiltinPhrases = sync.OnceValue(func() *Phrases { return ParsePhrases(phrasesEN) })

// ParsePhrases reads one phrase a line; # starts a comment line.
func ParsePhrases(text string) *Phrases {
	p := &Phrases{byWord: map[string][][]string{}}
	for _, line := range strings.Split(text, "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		words := strings.Fields(strings.ToLower(line))
		for _, w := range words {
			p.byWord[w] = append(p.byWord[w], words)
		}
	}
	return p
}

// Covers reports whether words[i] (lower case, straight apostrophes) is
// part of a listed phrase that stands whole around it.
func (p *Phrases) Covers(words []string, i int) bool {
	for _, phrase := range p.byWord[words[i]] {
		for k, w := range phrase {
			if w != words[i] {
				continue
			}
			start := i - k
			if start < 0 || start+len(phrase) > len(words) {
				continue
			}
			match := true
			for j, pw := range phrase {
				if words[start+j] != pw {
					match = false
					break
				}
			}
			if match {
				return true
			}
		}
	}
	return false
}
