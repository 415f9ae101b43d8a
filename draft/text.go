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
// it is short and has no final punctuation; the rest is split into
// paragraphs by the layout detectLayout finds.
func parseText(doc *Document) {
	lines := splitLines(doc.Src)
	doc.Layout = detectLayout(doc.Src, lines)
	b := newBuilder(doc)
	first := 0
	for first < len(lines) && lines[first].blank {
		first++
	}
	if first < len(lines) && isHeadline(doc.Src[lines[first].start:lines[first].end]) {
		b.start(BlockHeadline, 0, false)
		b.exact(lines[first].start, lines[first].end)
		b.finish()
		if doc.Meta.Title == "" {
			doc.Meta.Title = strings.TrimSpace(doc.Src[lines[first].start:lines[first].end])
		}
		first++
	}
	open := false
	for _, ln := range lines[first:] {
		switch {
		case ln.blank:
			if open {
				b.finish()
				open = false
			}
		case doc.Layout == LayoutLines || !open:
			b.start(BlockParagraph, 0, false)
			b.exact(ln.start, ln.end)
			open = true
		default:
			b.exact(b.srcEnd, ln.end) // the line break and the next line
		}
	}
	b.finish()
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
// one paragraph per line. Lines much longer than anyone wraps at mean one
// paragraph per line. Otherwise, at each line break inside a block, a
// wrapping editor broke the line only if the next word would not have fit
// within the file's wrap width and no sentence ended there; when most
// breaks are not like that, the lines were broken on purpose and each is a
// paragraph.
func detectLayout(src string, lines []textLine) Layout {
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
			next := strings.TrimSpace(src[lines[i+1].start:lines[i+1].end])
			if k := strings.IndexFunc(next, unicode.IsSpace); k >= 0 {
				next = next[:k]
			}
			body := strings.TrimRight(src[ln.start:ln.end], " \t\r")
			last, _ := utf8.DecodeLastRuneInString(strings.TrimRight(body, "\"')\u201d\u2019"))
			breaks = append(breaks, brk{ln.runes, utf8.RuneCountInString(next), strings.ContainsRune(".!?:\u2026", last)})
		}
	}
	if len(breaks) == 0 {
		return LayoutBlocks
	}
	if percentile(all, 0.9) > 120 {
		return LayoutLines
	}
	width := percentile(inner, 0.9)
	wrapped := 0
	for _, b := range breaks {
		// A greedy wrapper seldom breaks right after a sentence ends, so
		// such a break counts as deliberate.
		if b.runes+1+b.next > width-3 && !b.sentenceEnd {
			wrapped++
		}
	}
	if wrapped*10 >= len(breaks)*6 {
		return LayoutBlocks
	}
	return LayoutLines
}

func percentile(v []int, q float64) int {
	if len(v) == 0 {
		return 0
	}
	s := append([]int(nil), v...)
	sort.Ints(s)
	return s[int(q*float64(len(s)-1))]
}
