package draft

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// parse parses src as a file called name and checks the model's
// invariants.
func parse(t testing.TB, name, src string) *Document {
	t.Helper()
	doc, err := NewParser().Parse(name, []byte(src))
	if err != nil {
		t.Fatalf("Parse(%s): %v", name, err)
	}
	checkInvariants(t, doc)
	checkOriginal(t, []byte(src), doc)
	return doc
}

// markupBytes are the characters through which a word's text may differ
// from its source bytes: entities, escapes, tags and inline markup.
const markupBytes = "&\\<>*_`[]~"

// checkInvariants asserts what every parse must guarantee: spans lie in
// the file and are ordered, each word's text is its paragraph's text at
// its offset, and a word whose source holds no markup is exactly its
// source bytes. In plain text every paragraph, sentence and word is
// exactly its source bytes.
func checkInvariants(t testing.TB, doc *Document) {
	t.Helper()
	n := len(doc.Src)
	inFile := func(what string, s Span) {
		if s.Start < 0 || s.End > n || s.Start > s.End {
			t.Fatalf("%s span %v outside file of %d bytes", what, s, n)
		}
	}
	prevEnd := 0
	for pi, p := range doc.Paragraphs {
		inFile("paragraph", p.Span)
		if p.Span.Start < prevEnd {
			t.Fatalf("paragraph %d span %v overlaps the previous one ending at %d", pi, p.Span, prevEnd)
		}
		prevEnd = p.Span.End
		if len(p.Words) == 0 || strings.TrimSpace(p.Text) != p.Text {
			t.Fatalf("paragraph %d %q: no words or untrimmed text", pi, p.Text)
		}
		if doc.Format == Text && doc.Slice(p.Span) != p.Text {
			t.Fatalf("text paragraph %d: text %q != source %q", pi, p.Text, doc.Slice(p.Span))
		}
		lastWord := -1
		for _, w := range p.Words {
			inFile("word", w.Span)
			if w.Span.Start < p.Span.Start || w.Span.End > p.Span.End {
				t.Fatalf("word %q span %v outside paragraph span %v", w.Text, w.Span, p.Span)
			}
			if w.Off <= lastWord || w.End() > len(p.Text) || p.Text[w.Off:w.End()] != w.Text {
				t.Fatalf("word %q at %d does not match paragraph text", w.Text, w.Off)
			}
			lastWord = w.Off
			if w.Text == "" || strings.ContainsFunc(w.Text, unicode.IsSpace) || !utf8.ValidString(w.Text) {
				t.Fatalf("bad word %q", w.Text)
			}
			raw := doc.Slice(w.Span)
			if doc.Format == Text || !strings.ContainsAny(raw, markupBytes) {
				if raw != w.Text {
					t.Fatalf("word %q: source bytes at %v are %q", w.Text, w.Span, raw)
				}
			}
			if p.Exact(w.Off, w.End()) && raw != w.Text {
				t.Fatalf("word %q reported exact but source is %q", w.Text, raw)
			}
		}
		checkQuotes(t, doc, &p, inFile)
		prevSent := -1
		for _, s := range p.Sentences {
			inFile("sentence", s.Span)
			if s.Span.Start < p.Span.Start || s.Span.End > p.Span.End || s.Off <= prevSent {
				t.Fatalf("sentence %q span %v outside paragraph %v or out of order", s.Text, s.Span, p.Span)
			}
			prevSent = s.Off
			if p.Text[s.Off:s.Off+len(s.Text)] != s.Text {
				t.Fatalf("sentence %q does not match paragraph text", s.Text)
			}
			if doc.Format == Text && doc.Slice(s.Span) != s.Text {
				t.Fatalf("text sentence %q != source %q", s.Text, doc.Slice(s.Span))
			}
			for _, w := range s.Words {
				if w.Off < s.Off || w.End() > s.Off+len(s.Text) {
					t.Fatalf("word %q outside its sentence %q", w.Text, s.Text)
				}
			}
		}
	}
	// Sentences and paragraphs whose source holds no markup read the same
	// as their source, white space aside (a soft line break may stand for
	// a newline and indentation).
	for _, p := range doc.Paragraphs {
		spans := []struct {
			text string
			span Span
		}{{p.Text, p.Span}}
		for _, s := range p.Sentences {
			spans = append(spans, struct {
				text string
				span Span
			}{s.Text, s.Span})
		}
		for _, x := range spans {
			raw := doc.Slice(x.span)
			if !strings.ContainsAny(raw, markupBytes) && !strings.Contains(x.text, Placeholder) &&
				strings.Join(strings.Fields(raw), " ") != strings.Join(strings.Fields(x.text), " ") {
				t.Fatalf("text %q differs from its markup-free source %q", x.text, raw)
			}
		}
	}
	for _, c := range doc.Comments {
		inFile("comment", c.Span)
		if !strings.HasPrefix(doc.Slice(c.Span), "<!--") || !strings.HasSuffix(doc.Slice(c.Span), "-->") {
			t.Fatalf("comment span %v is %q", c.Span, doc.Slice(c.Span))
		}
	}
	for off := 0; off <= n; off += max(1, n/50) {
		pos := doc.Position(off)
		if pos.Line < 1 || pos.Line > doc.LineCount() || pos.Column < 1 {
			t.Fatalf("Position(%d) = %+v", off, pos)
		}
	}
}

// checkOriginal asserts that offsets map back into the original bytes in
// order, and that every word's original bytes decode to the word's source
// text: what lets a finding's byte offsets be used on the file itself.
func checkOriginal(t testing.TB, raw []byte, doc *Document) {
	t.Helper()
	prev := 0
	for off := 0; off <= len(doc.Src); off++ {
		o := doc.OriginalOffset(off)
		if o < prev || o > len(raw) {
			t.Fatalf("OriginalOffset(%d) = %d after %d, file of %d bytes", off, o, prev, len(raw))
		}
		prev = o
	}
	for _, p := range doc.Paragraphs {
		for _, w := range p.Words {
			orig := raw[doc.OriginalOffset(w.Span.Start):doc.OriginalOffset(w.Span.End)]
			var dec string
			switch doc.Encoding {
			case UTF8, UTF8BOM:
				dec = string(orig)
			case Windows1252:
				dec = decodeWindows1252(orig).src
			case UTF16LE, UTF16BE:
				bom := []byte{0xFF, 0xFE}
				if doc.Encoding == UTF16BE {
					bom = []byte{0xFE, 0xFF}
				}
				dec = decodeUTF16(append(bom, orig...), doc.Encoding).src
			}
			if dec != doc.Slice(w.Span) {
				t.Fatalf("word %q: original bytes %q decode to %q", w.Text, orig, dec)
			}
		}
	}
}

// checkQuotes checks a paragraph's quotation marks: each lies in the
// paragraph, in order, reads as its rune in the text, and has a span in
// the file; each quotation opens before it closes, with a parent of a lower
// level; each problem names a mark of the paragraph.
func checkQuotes(t testing.TB, doc *Document, p *Paragraph, inFile func(string, Span)) {
	t.Helper()
	offs := map[int]bool{}
	last := -1
	for _, m := range p.QuoteMarks {
		inFile("quote mark", m.Span)
		if m.Off <= last || m.Off+runeLen(m.Rune) > len(p.Text) || !strings.HasPrefix(p.Text[m.Off:], string(m.Rune)) {
			t.Fatalf("quote mark %q at %d out of order or not in text %q", m.Rune, m.Off, p.Text)
		}
		if m.Span.Start < p.Span.Start || m.Span.End > p.Span.End || m.Span.Start == m.Span.End {
			t.Fatalf("quote mark %q span %v outside paragraph span %v", m.Rune, m.Span, p.Span)
		}
		if p.Exact(m.Off, m.Off+runeLen(m.Rune)) && doc.Slice(m.Span) != string(m.Rune) {
			t.Fatalf("quote mark %q: source is %q", m.Rune, doc.Slice(m.Span))
		}
		last = m.Off
		offs[m.Off] = true
	}
	for qi, q := range p.Quotations {
		if !offs[q.Open.Off] || q.Open.Role != RoleOpening {
			t.Fatalf("quotation %d opens with %+v, not an opening mark of the paragraph", qi, q.Open)
		}
		if q.Closed() && (!offs[q.Close.Off] || q.Close.Off <= q.Open.Off || q.Close.Role != RoleClosing) {
			t.Fatalf("quotation %d closes with %+v after opening at %d", qi, q.Close, q.Open.Off)
		}
		if q.Parent >= qi || q.Parent >= 0 && p.Quotations[q.Parent].Level != q.Level-1 || q.Parent < 0 && q.Level != 0 {
			t.Fatalf("quotation %d: level %d, parent %d", qi, q.Level, q.Parent)
		}
		inFile("quotation first mark", q.First)
		s, e := q.TextRange(p)
		if s > e || e > len(p.Text) {
			t.Fatalf("quotation %d text range %d-%d in %d bytes", qi, s, e, len(p.Text))
		}
	}
	for _, pr := range p.QuoteProblems {
		if !offs[pr.Mark.Off] || pr.Quotation >= len(p.Quotations) {
			t.Fatalf("problem %v names mark at %d (known: %v) and quotation %d", pr.Kind, pr.Mark.Off, offs, pr.Quotation)
		}
	}
}
