package draft

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// textLine is a line of a plain-text draft.
type textLine struct {
	start, end int // end excludes the line terminator
	runes      int // length in code points, white space trimmed
	blank      bool
}

func splitLines(src string) []textLine {
	lines := make([]textLine, 0, strings.Count(src, "\n")+1)
	for start := 0; start <= len(src); {
		end := strings.IndexByte(src[start:], '\n')
		next := 0
		if end < 0 {
			end = len(src)
			next = len(src) + 1
		} else {
			end += start
			next = end + 1
		}
		if end > start && src[end-1] == '\r' {
			end--
		}
		body := strings.TrimSpace(src[start:end])
		lines = append(lines, textLine{start: start, end: end, runes: utf8.RuneCountInString(body), blank: body == ""})
		start = next
	}
	return lines
}

// parseText reads a plain-text draft. The first line is the headline when
// it is short, has no final punctuation and the next line does not
// continue it; the rest is split into paragraphs by the layout
// detectLayout finds.
func parseText(doc *Document) {
	lines := splitLines(doc.Src)
	var width int
	doc.Layout, width = detectLayout(doc.Src, lines)
	src := doc.Src
	// deliberate reports whether the break between two lines of a block
	// ends a paragraph rather than wrapping one: the next line opens with a
	// paragraph indent, or the next word would have fit and either a
	// sentence ended there (wire copy without blank lines) or the line is
	// far shorter than the wrap width (pasted chrome, a byline). A short
	// line in the middle of a sentence is taken as a ragged hand wrap.
	deliberate := func(prev, cur textLine) bool {
		if doc.Layout == LayoutLines || indent(src, cur) > indent(src, prev) {
			return true
		}
		if prev.runes+1+firstWordRunes(src, cur) > width-3 {
			return false
		}
		return prev.runes < width/2 || lineEndsSentence(src, prev) && lineStartsSentence(src, cur)
	}
	b := newBuilder(doc)
	first := 0
	for first < len(lines) && lines[first].blank {
		first++
	}
	if first < len(lines) && isHeadline(src[lines[first].start:lines[first].end]) &&
		(first+1 == len(lines) || lines[first+1].blank || deliberate(lines[first], lines[first+1])) {
		b.start(BlockHeadline, 0, false)
		b.exact(lines[first].start, lines[first].end)
		b.finish()
		if doc.Meta.Title == "" {
			doc.Meta.Title = strings.TrimSpace(src[lines[first].start:lines[first].end])
		}
		first++
	}
	open := false
	for i := first; i < len(lines); i++ {
		ln := lines[i]
		switch {
		case ln.blank:
			if open {
				b.finish()
				open = false
			}
		case !open || deliberate(lines[i-1], ln):
			b.start(BlockParagraph, 0, false)
			b.exact(ln.start, ln.end)
			open = true
		default:
			b.exact(b.srcEnd, ln.end) // the line break and the next line
		}
	}
	b.finish()
}

// lineEndsSentence reports whether a line ends with sentence punctuation,
// perhaps followed by closing quotation marks or brackets.
func lineEndsSentence(src string, ln textLine) bool {
	body := strings.TrimRight(src[ln.start:ln.end], " \t\r\"')]\u201d\u2019")
	last, _ := utf8.DecodeLastRuneInString(body)
	return strings.ContainsRune(".!?\u2026", last)
}

// lineStartsSentence reports whether a line starts as a sentence does: with a
// capital letter, a digit or an opening quotation mark.
func lineStartsSentence(src string, ln textLine) bool {
	r, _ := utf8.DecodeRuneInString(strings.TrimSpace(src[ln.start:ln.end]))
	return unicode.IsUpper(r) || unicode.IsDigit(r) || isOpeningQuote(r)
}

// firstWordRunes returns the length in code points of a line's first word.
func firstWordRunes(src string, ln textLine) int {
	body := strings.TrimSpace(src[ln.start:ln.end])
	if k := strings.IndexFunc(body, unicode.IsSpace); k >= 0 {
		body = body[:k]
	}
	return utf8.RuneCountInString(body)
}

// indent returns the width of a line's leading white space, a tab
// counting as four.
func indent(src string, ln textLine) int {
	n := 0
	for _, c := range []byte(src[ln.start:ln.end]) {
		switch c {
		case ' ':
			n++
		case '\t':
			n += 4
		default:
			return n
		}
	}
	return n
}

// isHeadline reports whether a first line reads as a headline: short, and
// with no final punctuation.
func isHeadline(line string) bool {
	line = strings.TrimSpace(line)
	if line == "" || utf8.RuneCountInString(line) > 120 || len(strings.Fields(line)) > 20 {
		return false
	}
	trimmed := strings.TrimRight(line, "\"')]\u201d\u2019")
	last, _ := utf8.DecodeLastRuneInString(trimmed)
	if strings.ContainsRune(".!?,;:\u2026", last) {
		return false
	}
	for _, r := range line {
		if unicode.IsLetter(r) {
			return true
		}
	}
	return false
}

// detectLayout tells hard-wrapped text (paragraphs separated by blank
// lines, lines broken where the next word would not fit) from text with
// one paragraph per line, and estimates the wrap width. Lines much longer
// than anyone wraps at mean one paragraph per line. Otherwise each line
// break inside a block votes, weighted by the length of the line before
// it (so a footer of short lines cannot outvote wrapped prose): a wrapping
// editor broke the line if the next word would not have fit within the
// wrap width and no sentence ended there.
func detectLayout(src string, lines []textLine) (Layout, int) {
	var all, inner []int
	type brk struct {
		runes, next int
		sentenceEnd bool
	}
	var breaks []brk
	for i, ln := range lines {
		if ln.blank {
			continue
		}
		all = append(all, ln.runes)
		if i+1 < len(lines) && !lines[i+1].blank {
			inner = append(inner, ln.runes)
			body := strings.TrimRight(src[ln.start:ln.end], " \t\r")
			last, _ := utf8.DecodeLastRuneInString(strings.TrimRight(body, "\"')\u201d\u2019"))
			breaks = append(breaks, brk{ln.runes, firstWordRunes(src, lines[i+1]), strings.ContainsRune(".!?:\u2026", last)})
		}
	}
	width := percentile(inner, 0.9)
	if len(breaks) == 0 {
		return LayoutBlocks, width
	}
	if percentile(all, 0.9) > 120 {
		return LayoutLines, width
	}
	wrapped, total := 0, 0
	for _, b := range breaks {
		total += b.runes
		if b.runes+1+b.next > width-3 && !b.sentenceEnd {
			wrapped += b.runes
		}
	}
	if wrapped*10 >= total*6 {
		return LayoutBlocks, width
	}
	return LayoutLines, width
}

func percentile(v []int, q float64) int {
	if len(v) == 0 {
		return 0
	}
	s := append([]int(nil), v...)
	sort.Ints(s)
	return s[int(q*float64(len(s)-1))]
}
