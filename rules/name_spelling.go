package rules

import (
	"fmt"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/newslint/newslint/draft"
	"github.com/newslint/newslint/lint"
	"github.com/newslint/newslint/spell"
	"golang.org/x/text/language"
)

// NameSpellingRule flags a name spelled two ways in one draft: a
// capitalized word that is a small slip from a name the draft uses more
// often, or a surname that differs from the one a person was introduced
// with.
type NameSpellingRule struct{}

// Meta describes the rule.
func (NameSpellingRule) Meta() lint.Meta {
	return lint.Meta{
		ID:    "name-spelling",
		Title: "a name spelled two ways in one draft",
		Doc: "Compares the draft's capitalized words with each other. A name used once that is one or two " +
			"edits from a name used at least twice (Sheinbuam beside four Sheinbaums), or a name used at least " +
			"three times less often than such a neighbour, is flagged with the frequent form as the fix; so is " +
			"a surname that differs slightly from the surname a person was introduced with in full, unless " +
			"someone else is introduced with it. Names that share their first letter and are both used " +
			"consistently (Johnson twice, Johnston twice) are left alone, as are names any dictionary knows " +
			"and plurals (the Joneses).",
		Severity: lint.Warning,
		Bad:      "Claudia Sheinbaum met the governors. Sheinbuam said the plan would pass.",
		Good:     "Claudia Sheinbaum met the governors. Sheinbaum said the plan would pass.",
	}
}

// nameUse is one occurrence of a capitalized word.
type nameUse struct {
	span  draft.Span
	first string // the word before, when both form a full name
	alone bool   // no capitalized word next to it: a surname on its own
}

// Check reports the draft's inconsistent names.
func (NameSpellingRule) Check(p *lint.Pass) {
	if base, _ := p.Language.Base(); capitalizesNouns[base.String()] {
		return // every noun looks like a name
	}
	uses := map[string][]nameUse{}
	var order []string
	for pi := range p.Doc.Paragraphs {
		para := &p.Doc.Paragraphs[pi]
		if para.Kind == draft.BlockHeadline || para.Kind == draft.BlockHeading {
			continue // title case makes every word look like a name
		}
		for si := range para.Sentences {
			words := para.Sentences[si].Words
			for i, w := range words {
				if w.Kind != draft.WordPlain || !w.Capitalized() || hasUpperAfterFirst(w.Text) && !isAllCaps(w.Text) {
					continue
				}
				if isAllCaps(w.Text) {
					continue
				}
				stem, end := stemOf(w.Text)
				if utf8.RuneCountInString(stem) < 4 || strings.ContainsAny(stem, "-‐‑'’") {
					continue
				}
				u := nameUse{span: para.SourceSpan(w.Off, w.Off+end)}
				if i > 0 && words[i-1].Capitalized() && words[i-1].Kind == draft.WordPlain && adjacent(para, words[i-1], w) {
					u.first = words[i-1].Text
				}
				u.alone = u.first == "" && !(i+1 < len(words) && words[i+1].Capitalized() && adjacent(para, w, words[i+1]))
				if _, ok := uses[stem]; !ok {
					order = append(order, stem)
				}
				uses[stem] = append(uses[stem], u)
			}
		}
	}
	if len(uses) < 2 {
		return
	}
	// A family's plural (the Petersens) is a use of the name.
	for _, name := range order {
		for _, base := range []string{strings.TrimSuffix(name, "s"), strings.TrimSuffix(name, "es")} {
			if base != name && len(uses[base]) > 0 {
				uses[base] = append(uses[base], uses[name]...)
				delete(uses, name)
				break
			}
		}
	}
	kept := order[:0]
	for _, name := range order {
		if _, ok := uses[name]; ok {
			kept = append(kept, name)
		}
	}
	order = kept
	dicts := dictionariesFor(p)
	known := func(w string) bool {
		for _, d := range dicts {
			if d.Contains(w) || d.Contains(strings.ToLower(w)) {
				return true
			}
		}
		return p.Vocabulary.Accepts(w)
	}
	// Surnames a person was introduced with: "Claudia Sheinbaum", where
	// the word before is a name, not a function word ("In Iran").
	introduced := map[string]bool{}
	for _, name := range order {
		for _, u := range uses[name] {
			if u.first != "" && !functionWords[strings.ToLower(u.first)] {
				introduced[name] = true
			}
		}
	}
	// What each name is, worked out once, in a slice ordered by use: the
	// pairs compared below are many.
	type entry struct {
		name, lower string
		uses        []nameUse
		runes       int
		initial     rune
		known       bool
		introduced  bool
	}
	entries := make([]entry, 0, len(order))
	for _, name := range order {
		r, _ := utf8.DecodeRuneInString(name)
		entries = append(entries, entry{name: name, lower: strings.ToLower(name), uses: uses[name],
			runes: utf8.RuneCountInString(name), initial: r, known: known(name), introduced: introduced[name]})
	}
	sort.SliceStable(entries, func(i, j int) bool { return len(entries[i].uses) > len(entries[j].uses) })
	for oi := range entries {
		o := &entries[oi]
		odd, n := o.name, len(o.uses)
		limit := 1
		if o.runes > 5 {
			limit = 2
		}
		best, bestCount := "", 0
		for ci := range entries {
			c := &entries[ci]
			m := len(c.uses)
			if m < n {
				break // most used first
			}
			if ci == oi || c.initial != o.initial || c.runes-o.runes > limit || o.runes-c.runes > limit {
				continue
			}
			if strings.HasPrefix(c.lower, o.lower) || strings.HasPrefix(o.lower, c.lower) {
				continue // Israel and Israeli, York and Yorker, Jones and Joneses
			}
			if o.known && c.known {
				continue // Iran and Iraq, Obama and Osama: two real names
			}
			if spell.Distance(c.lower, o.lower) > limit {
				continue
			}
			// A rare name beside its twin that is no dictionary word
			// either (Sheinbuam, Sheinbaum); "Monsey" beside "Monday" is
			// a place, not a slip.
			frequent := !o.known && !c.known && (n == 1 && m >= 2 || m >= 3*n)
			// A surname that differs from the one a person was introduced
			// with, and is never itself part of a full name.
			person := c.introduced && !o.introduced && usedAlone(o.uses) && !o.known
			if (frequent || person) && m > bestCount {
				best, bestCount = c.name, m
			}
		}
		if best == "" {
			continue
		}
		for _, u := range o.uses {
			p.Report(lint.Diagnostic{Span: u.span,
				Message:     fmt.Sprintf("%q may be a misspelling of %q, used %s in this draft", odd, best, times(bestCount)),
				Suggestions: []lint.Edit{{Span: u.span, NewText: best}}})
		}
	}
}

// capitalizesNouns lists languages that capitalize every noun.
var capitalizesNouns = map[string]bool{"de": true, "lb": true}

// dictionariesFor returns the dictionaries of a draft's languages.
func dictionariesFor(p *lint.Pass) []*spell.Dictionary {
	var out []*spell.Dictionary
	for _, tag := range append([]language.Tag{p.Language}, p.Languages...) {
		if d, ok, err := spell.Load(tag); ok && err == nil {
			out = append(out, d)
		}
	}
	return out
}

// usedAlone reports whether no use of a name stands next to another
// capitalized word.
func usedAlone(uses []nameUse) bool {
	for _, u := range uses {
		if !u.alone {
			return false
		}
	}
	return true
}

func times(n int) string {
	if n == 1 {
		return "once"
	}
	if n == 2 {
		return "twice"
	}
	return fmt.Sprintf("%d times", n)
}

func sameInitial(a, b string) bool {
	ra, _ := utf8.DecodeRuneInString(a)
	rb, _ := utf8.DecodeRuneInString(b)
	return ra == rb
}

func isAllCaps(w string) bool {
	return strings.ToUpper(w) == w
}
