package draft

import (
	"sort"
	"unicode/utf8"
)

// Span is a half-open byte range [Start, End) into Document.Src.
type Span struct {
	Start, End int
}

// Len returns the number of bytes in the span.
func (s Span) Len() int { return s.End - s.Start }

// Contains reports whether offset off lies inside the span.
func (s Span) Contains(off int) bool { return off >= s.Start && off < s.End }

// Position is a location in a file. Line and Column are 1-based; Column
// counts Unicode code points. Offset is the 0-based byte offset in the
// original file (before any decoding from a legacy encoding).
type Position struct {
	Line, Column, Offset int
}

// lineIndex maps byte offsets of a text to lines, the way go/token.File does:
// a table of line starts searched by binary search.
type lineIndex struct {
	src    string
	starts []int
	// marks are column checkpoints inside long lines, so that a column is
	// counted from a nearby mark rather than from the start of a line that
	// may be megabytes long (text pasted without line breaks).
	marks []colMark
}

// colMark records that byte offset off is column col (0-based) of its line.
type colMark struct{ off, col int }

// markEvery is the spacing of column checkpoints in long lines.
const markEvery = 512

func newLineIndex(src string) *lineIndex {
	starts := make([]int, 1, 1+len(src)/64)
	for i := 0; i < len(src); i++ {
		if src[i] == '\n' {
			starts = append(starts, i+1)
		}
	}
	li := &lineIndex{src: src, starts: starts}
	for n, start := range starts {
		end := len(src)
		if n+1 < len(starts) {
			end = starts[n+1]
		}
		if end-start <= 2*markEvery {
			continue
		}
		col := 0
		next := start + markEvery
		for i := start; i < end; {
			if i >= next {
				li.marks = append(li.marks, colMark{off: i, col: col})
				next = i + markEvery
			}
			_, size := utf8.DecodeRuneInString(src[i:])
			i += size
			col++
		}
	}
	return li
}

// lineCol returns the 1-based line and code-point column of offset off.
// Offsets past the end are clamped to the end of the text.
func (li *lineIndex) lineCol(off int) (line, col int) {
	if off < 0 {
		off = 0
	}
	if off > len(li.src) {
		off = len(li.src)
	}
	i := sort.Search(len(li.starts), func(i int) bool { return li.starts[i] > off }) - 1
	start := li.starts[i]
	// Do not count a split multi-byte sequence as extra characters: step
	// back to the start of the rune containing off.
	for off > start && off < len(li.src) && !utf8.RuneStart(li.src[off]) {
		off--
	}
	from, col := start, 0
	if len(li.marks) > 0 {
		k := sort.Search(len(li.marks), func(k int) bool { return li.marks[k].off > off }) - 1
		if k >= 0 && li.marks[k].off >= start {
			from, col = li.marks[k].off, li.marks[k].col
		}
	}
	return i + 1, col + utf8.RuneCountInString(li.src[from:off]) + 1
}

// line returns the text of 1-based line n without its line terminator.
func (li *lineIndex) line(n int) string {
	if n < 1 || n > len(li.starts) {
		return ""
	}
	start := li.starts[n-1]
	end := len(li.src)
	if n < len(li.starts) {
		end = li.starts[n] - 1
	}
	if end > start && li.src[end-1] == '\r' {
		end--
	}
	return li.src[start:end]
}

// lineCount returns the number of lines in the text.
func (li *lineIndex) lineCount() int { return len(li.starts) }
