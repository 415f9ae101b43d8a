package attribution

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/newslint/newslint/draft"
)

// Para is a paragraph seen for attribution: its words with their lexicon
// classes, which of them lie inside a quotation, and which sentence each
// is in.
type Para struct {
	P  *draft.Paragraph
	lx *Lexicon
	// inside[i] is the index in P.Quotations of the top-level quotation
	// word i lies in, or -1.
	inside []int16
	// sent[i] is the index in P.Sentences of word i's sentence.
	sent []int16
	// first[s] is the index of sentence s's first word.
	first []int32
	cls   []Class
	done  []bool
}

// NewPara prepares paragraph p for lx.
func NewPara(p *draft.Paragraph, lx *Lexicon) *Para {
	n := len(p.Words)
	v := &Para{P: p, lx: lx, inside: make([]int16, n), sent: make([]int16, n), cls: make([]Class, n),
		done: make([]bool, n), first: make([]int32, len(p.Sentences)+1)}
	qi := 0
	tops := topLevel(p)
	for i, w := range p.Words {
		v.inside[i] = -1
		for qi < len(tops) && rangeEnd(p, tops[qi]) <= w.Off {
			qi++
		}
		if qi < len(tops) {
			if s, _ := p.Quotations[tops[qi]].TextRange(p); s <= w.Off {
				v.inside[i] = int16(tops[qi])
			}
		}
	}
	// Sentences hold slices of p.Words in order.
	wi := 0
	for si, s := range p.Sentences {
		v.first[si] = int32(wi)
		for k := 0; k < len(s.Words) && wi < n; k++ {
			v.sent[wi] = int16(si)
			wi++
		}
	}
	for ; wi < n; wi++ {
		v.sent[wi] = int16(max(len(p.Sentences)-1, 0))
	}
	v.first[len(p.Sentences)] = int32(n)
	return v
}

// topLevel returns the indexes of the paragraph's level-0 quotations.
func topLevel(p *draft.Paragraph) []int {
	var out []int
	for i, q := range p.Quotations {
		if q.Level == 0 {
			out = append(out, i)
		}
	}
	return out
}

func rangeEnd(p *draft.Paragraph, qi int) int {
	_, e := p.Quotations[qi].TextRange(p)
	return e
}

// Class returns word i's lexicon classes.
func (v *Para) Class(i int) Class {
	if !v.done[i] {
		v.cls[i] = v.lx.Class(lower(v.P.Words[i].Text))
		v.done[i] = true
	}
	return v.cls[i]
}

// Outside reports whether word i lies outside every quotation.
func (v *Para) Outside(i int) bool { return v.inside[i] < 0 }

// Inside returns the quotation word i lies in, or -1.
func (v *Para) Inside(i int) int { return int(v.inside[i]) }

// Sentence returns word i's sentence.
func (v *Para) Sentence(i int) int { return int(v.sent[i]) }

// SentenceWords returns the range of word indexes of sentence s.
func (v *Para) SentenceWords(s int) (int, int) { return int(v.first[s]), int(v.first[s+1]) }

// SentenceAt returns the sentence holding text offset off.
func (v *Para) SentenceAt(off int) int {
	ss := v.P.Sentences
	lo, hi := 0, len(ss)
	for lo < hi {
		m := (lo + hi) / 2
		if ss[m].Off <= off {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return max(lo-1, 0)
}

// Initial reports whether word i opens its sentence.
func (v *Para) Initial(i int) bool { return int(v.first[v.sent[i]]) == i }

// lower returns s in lower case, without allocating for ASCII words
// already in lower case.
func lower(s string) string {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf {
			return strings.ToLower(s)
		}
		if 'A' <= c && c <= 'Z' {
			return strings.ToLower(s)
		}
	}
	return s
}

// capitalized reports whether s starts with an upper-case letter.
func capitalized(s string) bool {
	if s == "" {
		return false
	}
	if c := s[0]; c < utf8.RuneSelf {
		return 'A' <= c && c <= 'Z'
	}
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r)
}
