package draft

import "sort"

// Paragraph is a block of prose: a paragraph, heading, list item, table
// cell or caption.
//
// Text is the paragraph's prose as a reader sees it: markup is dropped,
// entities and escapes are decoded, and non-prose inline content (code,
// images, autolinks) is replaced by Placeholder. Offsets into Text map back
// to the source with SourceSpan.
type Paragraph struct {
	Kind  BlockKind
	Level int  // heading level, 1 to 6, for BlockHeading
	Quote bool // inside a block quotation (Markdown >, HTML blockquote)
	Span  Span // source span from the first to the last prose byte
	Text  string

	Sentences []Sentence
	Words     []Word

	// QuoteMarks are the paragraph's quotation marks and apostrophes, in
	// order, each with the role pairing gave it.
	QuoteMarks []QuoteMark
	// Quotations are the paragraph's quotations, in the order they open.
	Quotations []Quotation
	// QuoteProblems are the problems pairing found, in text order.
	QuoteProblems []QuoteProblem

	segs []segment
}

// Placeholder stands in Paragraph.Text for inline content that is not
// prose (inline code, an image, an autolink), so that the words around it
// are not read as adjacent.
const Placeholder = "\uFFFC"

// Sentence is a sentence of a paragraph.
type Sentence struct {
	Span  Span
	Off   int    // offset of the sentence in Paragraph.Text
	Text  string // the sentence's prose, a slice of Paragraph.Text
	Words []Word // a slice of Paragraph.Words
}

// segment maps a run of paragraph text to source bytes. When the lengths
// are equal the mapping is byte for byte; otherwise the run is atomic (an
// entity, an escape, a placeholder) and maps as a whole.
type segment struct {
	text, textLen int
	src, srcLen   int
	exact         bool // the text equals the source bytes
}

// SourceSpan maps a range of Paragraph.Text to a span of the source.
func (p *Paragraph) SourceSpan(start, end int) Span {
	s := p.sourceOffset(start, false)
	e := p.sourceOffset(end, true)
	if e < s {
		e = s
	}
	return Span{Start: s, End: e}
}

// Exact reports whether the text range [start, end) equals the source
// bytes at SourceSpan(start, end): no markup, entity or escape lies inside.
func (p *Paragraph) Exact(start, end int) bool {
	if len(p.segs) == 0 || start >= end {
		return start == end
	}
	i := p.segIndex(start, false)
	sg := p.segs[i]
	return sg.exact && end <= sg.text+sg.textLen
}

// segIndex finds the segment holding text offset off. At a boundary
// between two segments, a start offset belongs to the later segment and an
// end offset to the earlier one.
func (p *Paragraph) segIndex(off int, isEnd bool) int {
	i := sort.Search(len(p.segs), func(i int) bool {
		sg := p.segs[i]
		if isEnd {
			return sg.text+sg.textLen >= off
		}
		return sg.text+sg.textLen > off
	})
	if i >= len(p.segs) {
		i = len(p.segs) - 1
	}
	return i
}

func (p *Paragraph) sourceOffset(off int, isEnd bool) int {
	if len(p.segs) == 0 {
		return p.Span.Start
	}
	sg := p.segs[p.segIndex(off, isEnd)]
	rel := off - sg.text
	switch {
	case rel <= 0:
		return sg.src
	case rel >= sg.textLen:
		return sg.src + sg.srcLen
	case sg.textLen == sg.srcLen:
		return sg.src + rel
	case isEnd:
		return sg.src + sg.srcLen
	}
	return sg.src
}
