package attribution

import (
	"fmt"
	"strings"

	"github.com/newslint/newslint/draft"
)

// Phrase is a word pattern such as "sources say|said" or "[senior]
// officials said|say": words separated by spaces, alternatives separated
// by "|", and a word in square brackets optional. Matching ignores case
// and looks at whole words.
type Phrase struct {
	// Text is the pattern as written.
	Text  string
	steps []step
}

type step struct {
	alts     []string
	optional bool
}

// ParsePhrase reads a pattern.
func ParsePhrase(text string) (Phrase, error) {
	ph := Phrase{Text: text}
	for _, f := range strings.Fields(strings.ToLower(text)) {
		st := step{}
		if strings.HasPrefix(f, "[") && strings.HasSuffix(f, "]") {
			st.optional = true
			f = f[1 : len(f)-1]
		}
		for _, alt := range strings.Split(f, "|") {
			if alt == "" || strings.ContainsAny(alt, "[]") {
				return Phrase{}, fmt.Errorf("phrase %q: bad word %q (write words separated by spaces, alternatives with |, optional words in [ ])", text, f)
			}
			st.alts = append(st.alts, alt)
		}
		ph.steps = append(ph.steps, st)
	}
	if len(ph.steps) == 0 {
		return Phrase{}, fmt.Errorf("phrase %q is empty", text)
	}
	if ph.steps[len(ph.steps)-1].optional {
		return Phrase{}, fmt.Errorf("phrase %q: the last word cannot be optional", text)
	}
	return ph, nil
}

// First returns the words a match can start with: the leading optional
// words and the first required one.
func (ph Phrase) First() []string {
	var out []string
	for _, st := range ph.steps {
		out = append(out, st.alts...)
		if !st.optional {
			break
		}
	}
	return out
}

// MatchAt reports whether the phrase matches the paragraph's words from
// word i, outside quotations and within one sentence, and returns the
// index just past the match.
func (ph Phrase) MatchAt(v *Para, i int) (int, bool) {
	return ph.match(v, 0, i, i, v.Sentence(i))
}

// match matches steps from si at word wi, for a match that began at word
// from.
func (ph Phrase) match(v *Para, si, wi, from, sent int) (int, bool) {
	if si == len(ph.steps) {
		return wi, true
	}
	st := ph.steps[si]
	// The words of a match are outside quotations, in one sentence, with
	// nothing but spaces between them.
	if wi < len(v.P.Words) && v.Outside(wi) && v.Sentence(wi) == sent &&
		(wi == from || strings.TrimSpace(v.P.Text[v.P.Words[wi-1].End():v.P.Words[wi].Off]) == "") {
		w := lower(v.P.Words[wi].Text)
		w = strings.ReplaceAll(w, "’", "'")
		for _, alt := range st.alts {
			if w == alt {
				if end, ok := ph.match(v, si+1, wi+1, from, sent); ok {
					return end, true
				}
				break
			}
		}
	}
	if st.optional {
		return ph.match(v, si+1, wi, from, sent)
	}
	return 0, false
}

// textMatch reports whether the phrase's steps from si can match the
// words from wi on, looking at the words alone.
func (ph Phrase) textMatch(ws []draft.Word, si, wi int) bool {
	if si == len(ph.steps) {
		return true
	}
	st := ph.steps[si]
	if wi < len(ws) {
		w := ws[wi].Text
		for _, alt := range st.alts {
			if strings.EqualFold(w, alt) || strings.ContainsRune(w, '’') && strings.EqualFold(strings.ReplaceAll(w, "’", "'"), alt) {
				if ph.textMatch(ws, si+1, wi+1) {
					return true
				}
				break
			}
		}
	}
	return st.optional && ph.textMatch(ws, si+1, wi)
}

// PhraseSet is a list of phrases indexed by their first words.
type PhraseSet struct {
	phrases []Phrase
	first   *Index[[]int]
}

// NewPhraseSet indexes phrases.
func NewPhraseSet(phrases []Phrase) *PhraseSet {
	first := map[string][]int{}
	for k, ph := range phrases {
		for _, w := range ph.First() {
			if l := first[w]; len(l) == 0 || l[len(l)-1] != k {
				first[w] = append(l, k)
			}
		}
	}
	s := &PhraseSet{phrases: phrases, first: NewIndex[[]int]()}
	for w, ks := range first {
		s.first.Set(w, ks)
	}
	return s
}

// Match is a phrase found in a paragraph: words [Start, End).
type Match struct {
	Para       int
	Start, End int
	Phrase     *Phrase
}

// Scan calls fn for each match in the draft's prose paragraphs, outside
// quotations, in order; matches do not overlap. A paragraph's view is
// made only when one of its words can start a phrase.
func (s *PhraseSet) Scan(d *Doc, fn func(v *Para, m Match)) {
	for pi := range d.D.Paragraphs {
		p := &d.D.Paragraphs[pi]
		if !Prose(p) {
			continue
		}
		var v *Para
		for wi := 0; wi < len(p.Words); wi++ {
			cands, _ := s.first.Get(p.Words[wi].Text)
			if len(cands) == 0 {
				continue
			}
			for _, k := range cands {
				if !s.phrases[k].textMatch(p.Words, 0, wi) {
					continue // the words alone rule it out: no view needed
				}
				if v == nil {
					v = d.Para(pi)
				}
				if end, ok := s.phrases[k].MatchAt(v, wi); ok {
					fn(v, Match{Para: pi, Start: wi, End: end, Phrase: &s.phrases[k]})
					wi = end - 1
					break
				}
			}
		}
	}
}
