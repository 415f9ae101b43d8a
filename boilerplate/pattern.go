package boilerplate

import (
	"fmt"
	"slices"
	"sort"
	"strings"
)

// Pattern is a line pattern such as "sign up|subscribe to read ...":
// words separated by spaces, alternatives separated by "|", a word in
// square brackets optional, "#" any number and "..." any words. Without
// "..." at its end the pattern must match the whole line, or the part of
// it before a colon ("Related: ..."); "..." at the end lets the line go
// on. Matching ignores case, accents and punctuation. A pattern may start
// with its kind, as in "newsletter: get the morning briefing ...".
type Pattern struct {
	// Text is the pattern as written.
	Text  string
	Kind  Kind
	steps []step
}

type step struct {
	alts     []string // "#" matches a number
	optional bool
	any      bool // "...": any number of words
}

// ParsePattern reads a pattern.
func ParsePattern(text string) (Pattern, error) {
	ph := Pattern{Text: text, Kind: Furniture}
	body := text
	if name, rest, ok := strings.Cut(text, ":"); ok {
		k := Kind(strings.ToLower(strings.TrimSpace(name)))
		if _, known := kinds[k]; !known || k == Repeated {
			return Pattern{}, fmt.Errorf("phrase %q: unknown kind %q (known: %s)", text, name, strings.Join(kindNames(), ", "))
		}
		ph.Kind, body = k, rest
	}
	for _, f := range strings.Fields(body) {
		if f == "..." {
			if n := len(ph.steps); n == 0 || !ph.steps[n-1].any {
				ph.steps = append(ph.steps, step{any: true})
			}
			continue
		}
		st := step{}
		if strings.HasPrefix(f, "[") && strings.HasSuffix(f, "]") {
			st.optional = true
			f = f[1 : len(f)-1]
		}
		for _, alt := range strings.Split(f, "|") {
			toks, _ := tokens(alt)
			if alt != "#" && (len(toks) != 1 || strings.ContainsAny(alt, "[]")) {
				return Pattern{}, fmt.Errorf("phrase %q: bad word %q (write words separated by spaces, alternatives with |, optional words in [ ], # for a number, ... for any words)", text, f)
			}
			if alt != "#" {
				alt = toks[0]
			}
			st.alts = append(st.alts, alt)
		}
		ph.steps = append(ph.steps, st)
	}
	if !slices.ContainsFunc(ph.steps, func(st step) bool { return !st.any && !st.optional }) {
		return Pattern{}, fmt.Errorf("phrase %q has no required word", text)
	}
	return ph, nil
}

// kindNames lists the kinds a phrase may name.
func kindNames() []string {
	var out []string
	for k := range kinds {
		if k != Repeated {
			out = append(out, string(k))
		}
	}
	sort.Strings(out)
	return out
}

// firstWords returns the words a line the pattern matches can start
// with, or any when it can start with any word ("#", "...").
func (ph *Pattern) firstWords() (words []string, any bool) {
	for _, st := range ph.steps {
		if st.any || slices.Contains(st.alts, "#") {
			return nil, true
		}
		words = append(words, st.alts...)
		if !st.optional {
			break
		}
	}
	return words, false
}

// match reports whether the pattern matches all of toks.
func (ph *Pattern) match(toks []string) bool { return ph.matchFrom(0, toks) }

func (ph *Pattern) matchFrom(si int, toks []string) bool {
	if si == len(ph.steps) {
		return len(toks) == 0
	}
	st := ph.steps[si]
	if st.any {
		for k := 0; k <= len(toks); k++ {
			if ph.matchFrom(si+1, toks[k:]) {
				return true
			}
		}
		return false
	}
	if len(toks) > 0 && st.accepts(toks[0]) && ph.matchFrom(si+1, toks[1:]) {
		return true
	}
	return st.optional && ph.matchFrom(si+1, toks)
}

// accepts reports whether the step accepts word w.
func (st step) accepts(w string) bool {
	for _, alt := range st.alts {
		if alt == w || alt == "#" && w[0] >= '0' && w[0] <= '9' {
			return true
		}
	}
	return false
}
