package draft

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// builder assembles paragraphs from runs of source text. The parsers feed
// it prose runs, decoded entities, separators and placeholders; it keeps
// the map from paragraph text back to the source.
type builder struct {
	doc *Document
	src string

	buf     []byte
	segs    []segment
	srcEnd  int // source end of the last segment added
	pending []string

	kind  BlockKind
	level int
	quote bool

	scratch scratch
}

func newBuilder(doc *Document) *builder {
	b := &builder{doc: doc, src: doc.Src}
	// News copy averages over five bytes a word; later chunks come as needed.
	b.scratch.words = make([]Word, 0, min(len(doc.Src)/5+16, 1<<16))
	return b
}

// start begins a new paragraph of the given kind, finishing any open one.
func (b *builder) start(kind BlockKind, level int, quote bool) {
	b.finish()
	b.kind, b.level, b.quote = kind, level, quote
}

// exact appends src[start:end] verbatim.
func (b *builder) exact(start, end int) {
	if start >= end {
		return
	}
	b.resolvePending(start)
	b.appendSeg(b.src[start:end], start, end)
	b.srcEnd = end
}

// mapped appends text that stands for the source span [start, end) as a
// whole: a decoded entity, an escape, a line break in markup.
func (b *builder) mapped(text string, start, end int) {
	if text == "" {
		return
	}
	b.resolvePending(start)
	b.appendSeg(text, start, end)
	if end > b.srcEnd {
		b.srcEnd = end
	}
}

// appendSeg adds a segment, merging it into the previous one when both
// are exact and adjacent in text and source (a soft line break that is
// just "\n" joins the lines around it into one run).
func (b *builder) appendSeg(text string, start, end int) {
	exact := text == b.src[start:end]
	if n := len(b.segs); exact && n > 0 {
		last := &b.segs[n-1]
		if last.exact && last.src+last.srcLen == start && last.text+last.textLen == len(b.buf) {
			last.textLen += len(text)
			last.srcLen += len(text)
			b.buf = append(b.buf, text...)
			return
		}
	}
	b.segs = append(b.segs, segment{text: len(b.buf), textLen: len(text), src: start, srcLen: end - start, exact: exact})
	b.buf = append(b.buf, text...)
}

// gap appends text whose source is whatever lies between the previous
// prose and the next: a soft line break, a placeholder for inline code.
func (b *builder) gap(text string) {
	if len(b.segs) == 0 && len(b.pending) == 0 && strings.TrimSpace(text) == "" {
		return // leading white space never survives trimming
	}
	b.pending = append(b.pending, text)
}

func (b *builder) resolvePending(next int) {
	if len(b.pending) == 0 {
		return
	}
	start := b.srcEnd
	if len(b.segs) == 0 || start > next {
		start = next
	}
	for i, text := range b.pending {
		end := next
		if i > 0 {
			start = next
		}
		b.appendSeg(text, start, end)
	}
	b.pending = b.pending[:0]
	if next > b.srcEnd {
		b.srcEnd = next
	}
}

// prose appends the source run [start, end), decoding HTML character
// references and, for Markdown, backslash escapes.
func (b *builder) prose(start, end int, entities, escapes bool) {
	run := start
	for i := start; i < end; {
		k := strings.IndexAny(b.src[i:end], "&\\")
		if k < 0 {
			break
		}
		i += k
		c := b.src[i]
		switch {
		case c == '&' && entities:
			if text, n := entityAt(b.src[i:end]); n > 0 {
				b.exact(run, i)
				b.mapped(text, i, i+n)
				i += n
				run = i
				continue
			}
		case c == '\\' && escapes && i+1 < end && isASCIIPunct(b.src[i+1]):
			b.exact(run, i)
			b.mapped(b.src[i+1:i+2], i, i+2)
			i += 2
			run = i
			continue
		}
		i++
	}
	b.exact(run, end)
}

// finish closes the open paragraph: trims it, splits it into sentences and
// words, and adds it to the document when it holds any word.
func (b *builder) finish() {
	b.pending = b.pending[:0]
	if len(b.segs) == 0 {
		b.reset()
		return
	}
	lo, hi := trimSpace(b.buf)
	if lo >= hi {
		b.reset()
		return
	}
	p := Paragraph{Kind: b.kind, Level: b.level, Quote: b.quote}
	p.segs = clipSegments(b.segs, lo, hi)
	if len(p.segs) == 1 && p.segs[0].exact {
		sg := p.segs[0]
		p.Text = b.src[sg.src : sg.src+sg.srcLen]
	} else {
		p.Text = string(b.buf[lo:hi])
	}
	p.Span = p.SourceSpan(0, len(p.Text))
	if b.doc.textOnly {
		if hasWordRune(p.Text) {
			b.doc.Paragraphs = append(b.doc.Paragraphs, p)
		}
		b.reset()
		return
	}
	analyze(&p, &b.scratch)
	if len(p.Words) > 0 {
		b.doc.Paragraphs = append(b.doc.Paragraphs, p)
	}
	b.reset()
}

// hasWordRune reports whether s holds a letter or digit.
func hasWordRune(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return true
		}
	}
	return false
}

func (b *builder) reset() {
	b.buf = b.buf[:0]
	b.segs = nil
	b.pending = b.pending[:0]
	b.srcEnd = 0
}

// clipSegments returns the segments covering text [lo, hi), shifted so the
// text starts at zero. Cuts fall only in white space, so an atomic segment
// is either kept whole or dropped.
func clipSegments(segs []segment, lo, hi int) []segment {
	out := make([]segment, 0, len(segs))
	for _, sg := range segs {
		s, e := sg.text, sg.text+sg.textLen
		if e <= lo || s >= hi {
			continue
		}
		if s < lo || e > hi {
			if sg.textLen != sg.srcLen {
				continue // an atomic run straddling a cut is white space
			}
			cs, ce := max(s, lo), min(e, hi)
			sg.src += cs - s
			sg.srcLen = ce - cs
			sg.text, sg.textLen = cs, ce-cs
		}
		sg.text -= lo
		out = append(out, sg)
	}
	return out
}

// trimSpace returns the bounds of buf without leading and trailing white
// space (Unicode white space, including no-break spaces).
func trimSpace(buf []byte) (lo, hi int) {
	lo, hi = 0, len(buf)
	for lo < hi {
		r, n := utf8.DecodeRune(buf[lo:])
		if !unicode.IsSpace(r) {
			break
		}
		lo += n
	}
	for hi > lo {
		r, n := utf8.DecodeLastRune(buf[lo:hi])
		if !unicode.IsSpace(r) {
			break
		}
		hi -= n
	}
	return lo, hi
}

func isASCIIPunct(c byte) bool {
	return c >= '!' && c <= '/' || c >= ':' && c <= '@' || c >= '[' && c <= '`' || c >= '{' && c <= '~'
}
