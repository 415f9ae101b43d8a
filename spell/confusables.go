package spell

import (
	_ "embed"
	"fmt"
	"strings"
	"sync"
	"unicode"
)

// builtinConfusablesData is the list shipped with newslint.
//
//go:embed data/confusables.txt
var builtinConfusablesData []byte

// Confusables is a parsed list of real-word confusions: sets of correctly
// spelled words that writers mistake for one another (trial and trail, its
// and it's), and rules saying which context favours which word of a set.
//
// The list format, one item a line:
//
//	# a comment; blank lines are ignored
//	= trial trail
//	trail -> trial: murder _ ; _ {judge,jury} ; stand _
//	trail -> trial: !campaign _
//
// A line "= w1 w2 ..." opens a confusion set. A rule "WRONG -> RIGHT:
// PATTERN ; PATTERN" says that WRONG, in a context matching one of the
// patterns, should be RIGHT; both must be words of the most recent set. A
// pattern is a space-separated list of tokens over the words of one
// sentence, with exactly one "_" standing for the word being checked: a
// literal word, "{a,b,c}" for any of those words, "*" for any one word, "^"
// for the start of the sentence (first token only) and "$" for its end (last
// token only). A pattern starting with "!" is an exception: when it matches,
// no rule WRONG -> RIGHT fires. Rule lines sharing WRONG -> RIGHT add up.
//
// A Confusables is never changed after it is made, so one value may be used
// by many goroutines at once.
type Confusables struct {
	rules map[string][]confRule // keyed by WRONG; rules in order of first appearance
	sets  int
}

// confRule gathers every pattern and exception of one WRONG -> RIGHT pair.
type confRule struct {
	right string
	pats  []confPattern
	excs  []confPattern
}

// confPattern is a context around the checked word. Both halves are stored
// nearest word first, so matching walks outward from the checked word.
type confPattern struct {
	before []confToken
	after  []confToken
}

type confTokenKind uint8

const (
	tokWord  confTokenKind = iota // one literal word
	tokAlt                        // any of several words
	tokAny                        // any one word
	tokStart                      // start of the sentence
	tokEnd                        // end of the sentence
)

type confToken struct {
	kind  confTokenKind
	words []string // the literal (tokWord) or the alternatives (tokAlt)
}

// match reports whether w fits a word token (tokWord, tokAlt, tokAny).
func (t *confToken) match(w string) bool {
	switch t.kind {
	case tokAny:
		return true
	case tokWord:
		return t.words[0] == w
	case tokAlt:
		for _, a := range t.words {
			if a == w {
				return true
			}
		}
	}
	return false
}

// match reports whether the pattern fits words around words[i].
func (p *confPattern) match(words []string, i int) bool {
	for k := range p.before {
		t := &p.before[k]
		j := i - 1 - k
		if t.kind == tokStart {
			if j != -1 {
				return false
			}
			break // "^" is always the farthest token
		}
		if j < 0 || !t.match(words[j]) {
			return false
		}
	}
	for k := range p.after {
		t := &p.after[k]
		j := i + 1 + k
		if t.kind == tokEnd {
			if j != len(words) {
				return false
			}
			break // "$" is always the farthest token
		}
		if j >= len(words) || !t.match(words[j]) {
			return false
		}
	}
	return true
}

// anyMatch reports whether one of pats fits words around words[i].
func anyMatch(pats []confPattern, words []string, i int) bool {
	for k := range pats {
		if pats[k].match(words, i) {
			return true
		}
	}
	return false
}

// Check reports the word the context favours for words[i] of a sentence,
// when a rule for words[i] matches and no exception of that rule does.
// words are the words of one sentence, lower case, with straight
// apostrophes and without punctuation. Check does not allocate; a word
// without rules costs one map lookup.
func (c *Confusables) Check(words []string, i int) (right string, ok bool) {
	if c == nil || i < 0 || i >= len(words) {
		return "", false
	}
	rules := c.rules[words[i]]
	for k := range rules {
		r := &rules[k]
		if anyMatch(r.excs, words, i) {
			continue
		}
		if anyMatch(r.pats, words, i) {
			return r.right, true
		}
	}
	return "", false
}

// Has reports whether w takes part in any rule as WRONG, so a caller can
// skip words that Check could never flag.
func (c *Confusables) Has(w string) bool {
	if c == nil {
		return false
	}
	_, ok := c.rules[w]
	return ok
}

// Sets reports the number of confusion sets in the list.
func (c *Confusables) Sets() int {
	if c == nil {
		return 0
	}
	return c.sets
}

// Merge returns a new list holding the sets and rules of both c and o;
// neither is changed. Patterns and exceptions of a WRONG -> RIGHT pair found
// in both lists add up, c's rules coming first. Either may be nil.
func (c *Confusables) Merge(o *Confusables) *Confusables {
	m := &Confusables{rules: map[string][]confRule{}}
	for _, src := range []*Confusables{c, o} {
		if src == nil {
			continue
		}
		m.sets += src.sets
		for wrong, rules := range src.rules {
			for _, r := range rules {
				m.add(wrong, r.right, r.pats, r.excs)
			}
		}
	}
	return m
}

// add appends patterns and exceptions to the rule wrong -> right, making
// the rule if needed. It copies, so slices are never shared between lists.
func (c *Confusables) add(wrong, right string, pats, excs []confPattern) {
	rules := c.rules[wrong]
	for k := range rules {
		if rules[k].right == right {
			r := &rules[k]
			r.pats = append(r.pats[:len(r.pats):len(r.pats)], pats...)
			r.excs = append(r.excs[:len(r.excs):len(r.excs)], excs...)
			return
		}
	}
	c.rules[wrong] = append(rules, confRule{
		right: right,
		pats:  append([]confPattern(nil), pats...),
		excs:  append([]confPattern(nil), excs...),
	})
}

// BuiltinConfusables returns the list shipped with newslint
// (spell/data/confusables.txt), parsed on first use. The value is shared
// and read-only; Merge it with a newsroom's own list to extend it.
func BuiltinConfusables() *Confusables {
	return builtinConfusables()
}

var builtinConfusables = sync.OnceValue(func() *Confusables {
	c, err := ParseConfusables("data/confusables.txt", builtinConfusablesData)
	if err != nil {
		panic("spell: built-in confusables: " + err.Error())
	}
	return c
})

// ParseConfusables parses a confusables list in the format described at
// Confusables. name is used in error messages, which read
// "name:line: message".
func ParseConfusables(name string, data []byte) (*Confusables, error) {
	c := &Confusables{rules: map[string][]confRule{}}
	var set []string // the most recent set
	for n, line := range strings.Split(string(data), "\n") {
		line = strings.TrimSpace(line)
		if line == "" || line[0] == '#' {
			continue
		}
		fail := func(format string, args ...any) error {
			return fmt.Errorf("%s:%d: %s", name, n+1, fmt.Sprintf(format, args...))
		}
		if line[0] == '=' {
			words := strings.Fields(line[1:])
			if len(words) < 2 {
				return nil, fail("a set needs at least two words")
			}
			for k, w := range words {
				w, ok := normWord(w)
				if !ok {
					return nil, fail("bad word %q in set", words[k])
				}
				for _, prev := range words[:k] {
					if prev == w {
						return nil, fail("word %q twice in set", w)
					}
				}
				words[k] = w
			}
			set = words
			c.sets++
			continue
		}
		head, body, found := strings.Cut(line, ":")
		if !found {
			return nil, fail(`want "= word word ..." or "WRONG -> RIGHT: patterns"`)
		}
		f := strings.Fields(head)
		if len(f) != 3 || f[1] != "->" {
			return nil, fail(`want "WRONG -> RIGHT" before ":", got %q`, strings.TrimSpace(head))
		}
		if set == nil {
			return nil, fail("rule before any set")
		}
		wrong, ok1 := normWord(f[0])
		right, ok2 := normWord(f[2])
		switch {
		case !ok1:
			return nil, fail("bad word %q", f[0])
		case !ok2:
			return nil, fail("bad word %q", f[2])
		case !inSet(set, wrong):
			return nil, fail("%q is not in the set %q", wrong, strings.Join(set, " "))
		case !inSet(set, right):
			return nil, fail("%q is not in the set %q", right, strings.Join(set, " "))
		case wrong == right:
			return nil, fail("%q -> %q: the words must differ", wrong, right)
		}
		var pats, excs []confPattern
		for _, src := range strings.Split(body, ";") {
			src = strings.TrimSpace(src)
			exc := strings.HasPrefix(src, "!")
			if exc {
				src = strings.TrimSpace(src[1:])
			}
			p, err := parseConfPattern(src)
			if err != nil {
				return nil, fail("%v", err)
			}
			if exc {
				excs = append(excs, p)
			} else {
				pats = append(pats, p)
			}
		}
		c.add(wrong, right, pats, excs)
	}
	return c, nil
}

// parseConfPattern parses one pattern, without its "!".
func parseConfPattern(src string) (confPattern, error) {
	var p confPattern
	toks := strings.Fields(src)
	if len(toks) == 0 {
		return p, fmt.Errorf("empty pattern")
	}
	blank := -1
	for k, t := range toks {
		if t == "_" {
			if blank >= 0 {
				return p, fmt.Errorf("pattern %q has more than one _", src)
			}
			blank = k
		}
	}
	if blank < 0 {
		return p, fmt.Errorf("pattern %q has no _", src)
	}
	for k := blank - 1; k >= 0; k-- {
		t, err := parseConfToken(toks[k])
		if err != nil {
			return p, fmt.Errorf("pattern %q: %v", src, err)
		}
		if t.kind == tokEnd || (t.kind == tokStart && k != 0) {
			return p, fmt.Errorf("pattern %q: %s", src, placeMsg(t.kind))
		}
		p.before = append(p.before, t)
	}
	for k := blank + 1; k < len(toks); k++ {
		t, err := parseConfToken(toks[k])
		if err != nil {
			return p, fmt.Errorf("pattern %q: %v", src, err)
		}
		if t.kind == tokStart || (t.kind == tokEnd && k != len(toks)-1) {
			return p, fmt.Errorf("pattern %q: %s", src, placeMsg(t.kind))
		}
		p.after = append(p.after, t)
	}
	return p, nil
}

func placeMsg(k confTokenKind) string {
	if k == tokStart {
		return "^ may only be the first token, before _"
	}
	return "$ may only be the last token, after _"
}

// parseConfToken parses one pattern token other than "_".
func parseConfToken(s string) (confToken, error) {
	switch s {
	case "*":
		return confToken{kind: tokAny}, nil
	case "^":
		return confToken{kind: tokStart}, nil
	case "$":
		return confToken{kind: tokEnd}, nil
	}
	if strings.HasPrefix(s, "{") || strings.HasSuffix(s, "}") {
		if len(s) < 2 || s[0] != '{' || s[len(s)-1] != '}' {
			return confToken{}, fmt.Errorf("unbalanced braces in %q", s)
		}
		t := confToken{kind: tokAlt}
		for _, w := range strings.Split(s[1:len(s)-1], ",") {
			nw, ok := normWord(w)
			if !ok {
				return confToken{}, fmt.Errorf("bad word %q in %q", w, s)
			}
			t.words = append(t.words, nw)
		}
		return t, nil
	}
	w, ok := normWord(s)
	if !ok {
		return confToken{}, fmt.Errorf("bad word %q", s)
	}
	return confToken{kind: tokWord, words: []string{w}}, nil
}

// normWord lower-cases w and straightens its apostrophes. It reports false
// unless w is a word as the caller's tokenizer makes them: letters, digits
// and apostrophes, with at least one letter or digit.
func normWord(w string) (string, bool) {
	w = strings.ToLower(strings.ReplaceAll(w, "\u2019", "'"))
	alnum := false
	for _, r := range w {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			alnum = true
		case r != '\'':
			return "", false
		}
	}
	return w, alnum
}

func inSet(set []string, w string) bool {
	for _, s := range set {
		if s == w {
			return true
		}
	}
	return false
}
