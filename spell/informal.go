package spell

import (
	_ "embed"
	"fmt"
	"strings"
	"sync"
)

// builtinInformalData is the informal-words list shipped with newslint.
//
//go:embed data/informal.txt
var builtinInformalData []byte

// Informal is a parsed list of chat and slang words that a news story should
// not carry outside quotations, each with an optional replacement.
//
// The list format, one entry a line, lower case, "#" starting a comment
// line:
//
//	gonna -> going to
//	lol ->
//	bae
//
// "word -> replacement" suggests the replacement (one or more words);
// "word ->" with nothing after the arrow suggests deleting the word; a bare
// "word" has no replacement, leaving the choice to context.
//
// An Informal is never changed after it is made, so one value may be used by
// many goroutines at once.
type Informal struct {
	entries map[string]informalEntry
}

type informalEntry struct {
	repl    string
	hasRepl bool
}

// Lookup reports whether word (lower case, straight apostrophes) is on the
// list, and its replacement if the list gives one. A replacement of "" with
// hasReplacement true means the word should simply be deleted.
func (in *Informal) Lookup(word string) (replacement string, hasReplacement bool, ok bool) {
	if in == nil {
		return "", false, false
	}
	e, ok := in.entries[word]
	return e.repl, e.hasRepl, ok
}

// Len reports the number of entries.
func (in *Informal) Len() int {
	if in == nil {
		return 0
	}
	return len(in.entries)
}

// Merge returns a new list with the entries of both in and o; where both
// have a word, o's entry wins. Either may be nil.
func (in *Informal) Merge(o *Informal) *Informal {
	m := &Informal{entries: map[string]informalEntry{}}
	for _, src := range []*Informal{in, o} {
		if src == nil {
			continue
		}
		for w, e := range src.entries {
			m.entries[w] = e
		}
	}
	return m
}

// BuiltinInformal returns the list shipped with newslint
// (spell/data/informal.txt), parsed on first use. The value is shared and
// read-only.
func BuiltinInformal() *Informal {
	return builtinInformal()
}

var builtinInformal = sync.OnceValue(func() *Informal {
	in, err := ParseInformal("data/informal.txt", builtinInformalData)
	if err != nil {
		panic("spell: built-in informal list: " + err.Error())
	}
	return in
})

// ParseInformal parses an informal-words list in the format described at
// Informal. name is used in error messages, which read "name:line: message".
func ParseInformal(name string, data []byte) (*Informal, error) {
	in := &Informal{entries: map[string]informalEntry{}}
	for n, line := range strings.Split(string(data), "\n") {
		line = strings.TrimSpace(line)
		if line == "" || line[0] == '#' {
			continue
		}
		fail := func(format string, args ...any) error {
			return fmt.Errorf("%s:%d: %s", name, n+1, fmt.Sprintf(format, args...))
		}
		head, repl, hasRepl := strings.Cut(line, "->")
		f := strings.Fields(head)
		if len(f) != 1 {
			return nil, fail("want one word before %q, got %q", "->", strings.TrimSpace(head))
		}
		w, ok := normWord(f[0])
		if !ok {
			return nil, fail("bad word %q", f[0])
		}
		if _, dup := in.entries[w]; dup {
			return nil, fail("%q listed twice", w)
		}
		rf := strings.Fields(repl)
		for k, r := range rf {
			nr, ok := normWord(r)
			if !ok {
				return nil, fail("bad word %q in replacement", r)
			}
			rf[k] = nr
		}
		in.entries[w] = informalEntry{repl: strings.Join(rf, " "), hasRepl: hasRepl}
	}
	return in, nil
}
