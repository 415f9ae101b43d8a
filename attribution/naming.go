package attribution

import (
	"strings"
	"unicode"

	"github.com/newslint/newslint/draft"
)

// named reports whether quotation qi, whose first word is firstWord, is a
// name or a term rather than quoted speech: it follows a naming word or a
// mention noun (called "...", the film "..."), a determiner (the "sting
// in the tail", a "click and collect" service), or it is an alternative
// to a quotation just before it ("mkono wa damu," or "the man with the
// bloody hand").
func (a *analysis) named(v *Para, qi, firstWord int) bool {
	p := v.P
	prev := -1
	if firstWord > 0 && v.Sentence(firstWord-1) == v.Sentence(firstWord) {
		prev = firstWord - 1
	}
	if prev < 0 {
		return false
	}
	if !v.Outside(prev) {
		return false
	}
	if q := v.Inside(prev); q < 0 && prev > 0 && !v.Outside(prev-1) {
		// "...," or "...": an alternative to the quotation before.
		switch lower(p.Words[prev].Text) {
		case "or", "and", "aka", "meaning", "i.e":
			return true
		}
	}
	// A name follows its naming word directly: "A: "..." is a label.
	if strings.TrimSpace(p.Text[p.Words[prev].End():p.Quotations[qi].Open.Off]) != "" {
		return false
	}
	w := lower(p.Words[prev].Text)
	c := v.Class(prev)
	switch {
	case c&(Mention|Naming) != 0:
		return true
	case w == "as" && prev > 0 && strings.EqualFold(p.Words[prev-1].Text, "known"):
		return true
	case determiner(w):
		return true
	}
	// the classic "dumb teens in the woods" horror trope: a determiner and
	// one word before, a noun after.
	if prev > 0 && v.Outside(prev-1) && determiner(lower(p.Words[prev-1].Text)) && v.Sentence(prev-1) == v.Sentence(prev) {
		q := p.Quotations[qi]
		if q.Closed() {
			rest := strings.TrimLeft(p.Text[q.Close.Off:], "\"'”’»› ")
			if r := []rune(rest); len(r) > 0 && unicode.IsLower(r[0]) {
				next := rest
				if k := strings.IndexAny(next, " ,.;:"); k > 0 {
					next = next[:k]
				}
				if a.lx.Class(lower(next))&(Function|SpeechVerb) == 0 {
					return true
				}
			}
		}
	}
	return false
}

// determiner reports whether w is an article or demonstrative, after
// which a quotation is a term: the "sting in the tail".
func determiner(w string) bool {
	switch w {
	case "the", "a", "an", "this", "these", "those":
		return true
	}
	return false
}

// pullQuote reports whether quotation qi is a quoted subhead or pull
// quote: it is the whole paragraph, short, with no sentence mark; or it is
// in single marks, as headlines quote, in a draft that quotes with double
// marks, and stands alone or in a paragraph with no sentence mark.
func (a *analysis) pullQuote(v *Para, qi int, quoted string, words int) bool {
	p := v.P
	q := p.Quotations[qi]
	if q.FromPrevious || q.IntoNext || !q.Closed() {
		return false
	}
	alone := strings.TrimSpace(p.Text[:q.Open.Off]) == "" &&
		strings.TrimSpace(strings.TrimLeft(p.Text[q.Close.Off:], "\"'”’»›")) == ""
	if alone && words <= 12 && !endsSentence(quoted) {
		return true
	}
	if !q.Open.Single() || !alone && endsSentence(p.Text) {
		return false
	}
	if !a.counted {
		a.counted = true
		for i := range a.doc.Paragraphs {
			for _, x := range a.doc.Paragraphs[i].Quotations {
				switch {
				case x.Level != 0:
				case x.Open.Double():
					a.doubles++
				case x.Open.Single():
					a.singles++
				}
			}
		}
	}
	return a.doubles > 2*a.singles
}

// foreign reports whether a paragraph's own words (outside quotations)
// are not in the lexicon's language: among ten or more of them, fewer
// than one in twelve is a function word of the language, where English
// prose has one in three.
func (a *analysis) foreign(v *Para) bool {
	if v.foreign == 0 {
		v.foreign = 1
		if a.countForeign(v) {
			v.foreign = 2
		}
	}
	return v.foreign == 2
}

func (a *analysis) countForeign(v *Para) bool {
	n, fn := 0, 0
	for i, w := range v.P.Words {
		if !v.Outside(i) || w.Kind != draft.WordPlain {
			continue
		}
		n++
		if v.Class(i)&(Function|Pronoun) != 0 {
			fn++
		}
	}
	return n >= 10 && fn*12 < n
}
