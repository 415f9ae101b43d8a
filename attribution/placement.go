package attribution

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/newslint/newslint/draft"
)

// placement finds where quotation qi of paragraph pi is attributed, or
// None.
func (a *analysis) placement(pi int, v *Para, qi int, kind Kind) Placement {
	s0, s1 := a.frame(v, qi)
	if kind == Partial {
		// A partial quotation needs a speech verb in its sentence or the
		// one before, which may end the previous paragraph, or the one
		// after it in the paragraph.
		if a.sourcedIn(v, s0, s1) {
			return SameSentence
		}
		if s0 > 0 {
			if a.sourcedIn(v, s0-1, s0-1) {
				return NearbySentence
			}
		} else if pv := a.prevProse(pi); pv != nil && len(pv.P.Sentences) > 0 {
			last := len(pv.P.Sentences) - 1
			if a.sourcedIn(pv, last, last) {
				return NearbySentence
			}
		}
		// The sentence after, in the paragraph: "... 'a negative as a
		// positive.' That is how Hoenig put it."
		if s1+1 < len(v.P.Sentences) && a.sourcedIn(v, s1+1, s1+1) {
			return NearbySentence
		}
		return None
	}
	if a.label(v) {
		return Label
	}
	if a.verbIn(v, s0, s1) || a.speakerIn(v, s0, s1) {
		return SameSentence
	}
	// The nearest sentences before and after with words of their own,
	// skipping a few sentences that are all quotation.
	for s := s0 - 1; s >= 0 && s >= s0-maxSkipped; s-- {
		if a.hasOutside(v, s) {
			if a.verbIn(v, s, s) || a.speakerIn(v, s, s) {
				return NearbySentence
			}
			break
		}
	}
	for s := s1 + 1; s < len(v.P.Sentences) && s <= s1+maxSkipped; s++ {
		if a.hasOutside(v, s) {
			if a.verbIn(v, s, s) || a.speakerIn(v, s, s) {
				return NearbySentence
			}
			break
		}
	}
	if a.introduced(pi, v, qi) {
		return Introduced
	}
	return None
}

// window is how many words on each side of a quotation the analysis
// looks at, and maxSkipped how many all-quotation sentences it looks
// past: attribution sits close to its quotation, and the bounds keep the
// work linear in a paragraph that is one endless sentence.
const (
	window     = 60
	maxSkipped = 4
)

// words returns the word range of sentences s0 to s1 of v, within the
// window around the quotation being analysed when v is its paragraph, or
// the last window words of the range in another paragraph.
func (a *analysis) words(v *Para, s0, s1 int) (int, int) {
	from, _ := v.SentenceWords(s0)
	_, to := v.SentenceWords(s1)
	if v == a.cur {
		from, to = max(from, a.lo), min(to, a.hi)
	} else {
		from = max(from, to-window)
	}
	return from, max(from, to)
}

// prevProse returns the view of the paragraph before pi, when it is prose.
func (a *analysis) prevProse(pi int) *Para {
	if pi == 0 {
		return nil
	}
	switch a.doc.Paragraphs[pi-1].Kind {
	case draft.BlockParagraph, draft.BlockListItem:
		return a.view(pi - 1)
	}
	return nil
}

// anyOutside reports whether a word outside quotations in sentences s0
// to s1 (within the window) satisfies ok.
func (a *analysis) anyOutside(v *Para, s0, s1 int, ok func(i int) bool) bool {
	from, to := a.words(v, s0, s1)
	for i := from; i < to; i++ {
		if v.Outside(i) && ok(i) {
			return true
		}
	}
	return false
}

// hasOutside reports whether sentence s has a word outside quotations.
func (a *analysis) hasOutside(v *Para, s int) bool {
	return a.anyOutside(v, s, s, func(i int) bool { return isWordKind(v.P.Words[i].Kind) })
}

// verbIn reports whether sentences s0 to s1 hold a speech verb outside
// quotations.
func (a *analysis) verbIn(v *Para, s0, s1 int) bool {
	return a.anyOutside(v, s0, s1, func(i int) bool { return a.speechVerb(v, i) })
}

// sourcedIn reports whether sentences s0 to s1 hold, outside quotations,
// a speech verb of any strength or a written source: what a partial
// quotation needs.
func (a *analysis) sourcedIn(v *Para, s0, s1 int) bool {
	return a.anyOutside(v, s0, s1, func(i int) bool { return v.Class(i)&(SpeechVerb|Source) != 0 || a.speechVerb(v, i) })
}

// speakerIn reports whether sentences s0 to s1 name a speaker outside
// quotations.
func (a *analysis) speakerIn(v *Para, s0, s1 int) bool {
	return a.anyOutside(v, s0, s1, func(i int) bool { return a.speaker(v, i) })
}

// speechVerb reports whether word i attributes speech: a speech verb, or
// "according to". A weak verb (added, noted, called) counts only beside
// a speaker or a quotation mark.
func (a *analysis) speechVerb(v *Para, i int) bool {
	c := v.Class(i)
	if c&SpeechVerb == 0 {
		if strings.EqualFold(v.P.Words[i].Text, "according") && i+1 < len(v.P.Words) && strings.EqualFold(v.P.Words[i+1].Text, "to") {
			return true
		}
		return false
	}
	if c&WeakVerb == 0 {
		return true
	}
	ws := v.P.Words
	if i > 0 && v.Outside(i-1) && a.speaker(v, i-1) || i+1 < len(ws) && v.Outside(i+1) && a.speaker(v, i+1) {
		return true
	}
	// Next to a quotation: ," she added / ," it noted / added: "...
	before := v.P.Text[max(0, ws[i].Off-4):ws[i].Off]
	if i > 0 && strings.EqualFold(ws[i-1].Text, "it") {
		before = v.P.Text[max(0, ws[i-1].Off-4):ws[i-1].Off]
	}
	after := v.P.Text[ws[i].End():min(len(v.P.Text), ws[i].End()+4)]
	return strings.ContainsAny(before, "\"”»'’") || strings.ContainsAny(after, "\"“«:")
}

// speaker reports whether word i can name a speaker: a pronoun, a role or
// source noun, or a capitalized word that is not a calendar word and,
// at the start of a sentence, is known as a name from elsewhere in the
// draft, opens a name of several words, or labels what follows.
func (a *analysis) speaker(v *Para, i int) bool {
	c := v.Class(i)
	if c&(Pronoun|Role|Source) != 0 {
		return true
	}
	w := v.P.Words[i]
	if !capitalized(w.Text) || c&(Calendar|Function) != 0 || !isWordKind(w.Kind) {
		return false
	}
	if !v.Initial(i) {
		return true
	}
	ws := v.P.Words
	if i+1 < len(ws) && v.Sentence(i+1) == v.Sentence(i) && capitalized(ws[i+1].Text) && v.Outside(i+1) {
		return true
	}
	if strings.HasPrefix(v.P.Text[w.End():], ":") {
		return true
	}
	return a.d.Names(w.Text) > 0 || a.d.nameByDictionary(w.Text)
}

// label reports whether the paragraph opens with a speaker label: "Q:",
// "A:", "SMITH:", "Jane Smith:".
func (a *analysis) label(v *Para) bool {
	t := v.P.Text
	colon := strings.IndexByte(t[:min(len(t), 41)], ':')
	if colon <= 0 {
		return false
	}
	n := 0
	for i, w := range v.P.Words {
		if w.Off >= colon {
			break
		}
		if !capitalized(w.Text) || !v.Outside(i) {
			return false
		}
		n++
	}
	if len(v.P.Quotations) > 0 && v.P.Quotations[0].Open.Off < colon {
		return false
	}
	return n >= 1 && n <= 4
}

// introduced reports whether quotation qi opens its paragraph and the
// paragraph before introduces it: it ends with a colon after naming a
// speaker, or it is a standfirst with no sentence mark whose speech verb
// announces what follows ("Kinsman told us what travel means to her").
func (a *analysis) introduced(pi int, v *Para, qi int) bool {
	if qi != 0 || !opensParagraph(v.P, qi) {
		return false
	}
	pv := a.prevProse(pi)
	if pv == nil || len(pv.P.Sentences) == 0 {
		return false
	}
	last := len(pv.P.Sentences) - 1
	if strings.HasSuffix(strings.TrimSpace(pv.P.Text), ":") {
		return a.verbIn(pv, last, last) || a.speakerIn(pv, last, last)
	}
	if endsSentence(pv.P.Text) || len(pv.P.Quotations) > 0 {
		return false
	}
	ws := pv.P.Words
	for i := range ws {
		if !a.speechVerb(pv, i) {
			continue
		}
		for j := i + 1; j < len(ws) && j <= i+3; j++ {
			switch lower(ws[j].Text) {
			case "what", "how", "why", "where", "when", "who":
				return true
			}
		}
		if i >= len(ws)-2 {
			return true
		}
	}
	return false
}

// opensParagraph reports whether quotation qi opens its paragraph, after
// nothing but spaces, a bullet or a dash.
func opensParagraph(p *draft.Paragraph, qi int) bool {
	for _, r := range p.Text[:p.Quotations[qi].Open.Off] {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return false
		}
	}
	return true
}

// furnitureLike reports whether a paragraph looks like page furniture
// between the paragraphs of a story (a caption, a "Read more" line): no
// quotation, and no sentence mark at its end.
func furnitureLike(p *draft.Paragraph) bool {
	if p.Kind != draft.BlockParagraph {
		return true
	}
	if len(p.Quotations) > 0 || len(p.Words) > 40 {
		return false
	}
	t := strings.TrimRight(p.Text, " \t\n")
	r, _ := utf8.DecodeLastRuneInString(t)
	return !strings.ContainsRune(".!?…:;\"”’»)", r)
}
