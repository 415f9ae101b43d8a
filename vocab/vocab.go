// Package vocab holds a project's vocabulary: the words its spelling
// rules accept although no dictionary knows them (names, jargon) and the
// words they reject although a dictionary knows them (house style). An
// entry is a word, or a regular expression written /.../ that must match
// a whole word.
package vocab

import (
	"bufio"
	"bytes"
	"fmt"
	"os"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Vocabulary is a set of accepted and rejected words. The zero value and
// nil accept and reject nothing. It is immutable once built.
type Vocabulary struct {
	accept, reject list
}

// list matches words: exactly, case-insensitively for an entry written in
// lower case (so that "fintech" also accepts "Fintech" at the start of a
// sentence), or by regular expression.
type list struct {
	exact   map[string]bool
	folded  map[string]bool
	regexps []*regexp.Regexp
}

// Entry is one vocabulary entry and where it was written, for errors.
type Entry struct {
	Text  string
	Where string // "path:line" or a description of the place
}

// New builds a vocabulary. An error names the entry's place.
func New(accept, reject []Entry) (*Vocabulary, error) {
	v := &Vocabulary{}
	for _, l := range []struct {
		entries []Entry
		into    *list
	}{{accept, &v.accept}, {reject, &v.reject}} {
		for _, e := range l.entries {
			if err := l.into.add(e.Text); err != nil {
				if e.Where != "" {
					return nil, fmt.Errorf("%s: %w", e.Where, err)
				}
				return nil, err
			}
		}
	}
	return v, nil
}

// Check reports whether text is a valid entry, with the reason when not.
func Check(text string) error { return (&list{}).add(text) }

func (l *list) add(text string) error {
	text = strings.TrimSpace(text)
	if text == "" {
		return fmt.Errorf("empty vocabulary entry")
	}
	if len(text) >= 2 && strings.HasPrefix(text, "/") && strings.HasSuffix(text, "/") {
		re, err := regexp.Compile(`^(?:` + text[1:len(text)-1] + `)$`)
		if err != nil {
			return fmt.Errorf("vocabulary entry %s is not a valid regular expression: %v", text, err)
		}
		l.regexps = append(l.regexps, re)
		return nil
	}
	if strings.ContainsFunc(text, unicode.IsSpace) {
		return fmt.Errorf("vocabulary entry %q is more than one word", text)
	}
	text = strings.ReplaceAll(text, "’", "'")
	if l.exact == nil {
		l.exact, l.folded = map[string]bool{}, map[string]bool{}
	}
	if strings.ToLower(text) == text {
		l.folded[text] = true
	} else {
		l.exact[text] = true
	}
	return nil
}

func (l *list) has(w string) bool {
	if l.exact == nil && l.regexps == nil {
		return false
	}
	if strings.ContainsRune(w, '’') {
		w = strings.ReplaceAll(w, "’", "'")
	}
	if l.exact[w] || len(l.folded) > 0 && l.folded[strings.ToLower(w)] {
		return true
	}
	for _, re := range l.regexps {
		if re.MatchString(w) {
			return true
		}
	}
	return false
}

// Accepts reports whether the vocabulary accepts w.
func (v *Vocabulary) Accepts(w string) bool { return v != nil && v.accept.has(w) }

// Rejects reports whether the vocabulary rejects w.
func (v *Vocabulary) Rejects(w string) bool { return v != nil && v.reject.has(w) }

// Empty reports whether the vocabulary has no entries.
func (v *Vocabulary) Empty() bool {
	return v == nil || v.accept.exact == nil && v.accept.regexps == nil && v.reject.exact == nil && v.reject.regexps == nil
}

// ReadFile reads a vocabulary file: one entry a line; blank lines and
// lines starting with # are skipped. Each entry carries its path and line.
func ReadFile(path string) ([]Entry, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("vocabulary: %w", err)
	}
	if !utf8.Valid(data) {
		return nil, fmt.Errorf("vocabulary: %s is not UTF-8 text", path)
	}
	var entries []Entry
	sc := bufio.NewScanner(bytes.NewReader(bytes.TrimPrefix(data, []byte("\ufeff"))))
	sc.Buffer(make([]byte, 64<<10), 1<<20)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		entries = append(entries, Entry{Text: line, Where: fmt.Sprintf("%s:%d", path, n)})
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("vocabulary: %s: %w", path, err)
	}
	return entries, nil
}
