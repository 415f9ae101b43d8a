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
	inside []int32
	// sent[i] is the index in P.Sentences of word i's sentence.
	sent []int32
	// first[s] is the index of sentence s's first word.
	first []int32
	// cls[i] is word i's class, or unknownClass until looked up.
	cls []Class
	// foreign caches foreign(): 0 not known, 1 no, 2 yes.
	foreign uint8
}

// unknownClass marks a class not looked up yet.
const unknownClass = ^Class(0)

// NewPara prepares paragraph p for lx.
func NewPara(p *draft.Paragraph, lx *Lexicon) *Para {
	v := makePara(p, lx, make([]int32, 2*len(p.Words)+len(p.Sentences)+1), make([]Class, len(p.Words)))
	return &v
}

// makePara prepares paragraph p for lx in the given storage: ints of
// 2×words+sentences+1 and cls of one per word.
func makePara(p *draft.Paragraph, lx *Lexicon, buf []int32, cls []Class) Para {
	n, ns := len(p.Words), len(p.Sentences)
	v := Para{P: p, lx: lx, inside: buf[:n:n], sent: buf[n : 2*n : 2*n], first: buf[2*n:], cls: cls}
	for i := range v.cls {
		v.cls[i] = unknownClass
	}
	k, kEnd := -1, -1 // the current top-level quotation and where it ends
	next := func() {
		for k++; k < len(p.Quotations) && p.Quotations[k].Level != 0; k++ {
		}
		if k < len(p.Quotations) {
			kEnd = quoteEnd(p, k)
		}
	}
	next()
	for i, w := range p.Words {
		v.inside[i] = -1
		for k < len(p.Quotations) && kEnd <= w.Off {
			next()
		}
		if k < len(p.Quotations) && p.Quotations[k].Open.Off < w.Off {
			v.inside[i] = int32(k)
		}
	}
	// Sentences hold slices of p.Words in order.
	wi := 0
	for si, s := range p.Sentences {
		v.first[si] = int32(wi)
		for k := 0; k < len(s.Words) && wi < n; k++ {
			v.sent[wi] = int32(si)
			wi++
		}
	}
	for ; wi < n; wi++ {
		v.sent[wi] = int32(max(ns-1, 0))
	}
	v.first[ns] = int32(n)
	return v
}

// quoteEnd returns where quotation k's quoted text ends.
func quoteEnd(p *draft.Paragraph, k int) int {
	_, e := p.Quotations[k].TextRange(p)
	return e
}

// Class returns word i's lexicon classes.
func (v *Para) Class(i int) Class {
	if v.cls[i] == unknownClass {
		v.cls[i] = v.lx.Class(v.P.Words[i].Text)
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
