package lsp

import (
	"sort"
	"unicode/utf8"
)

// converter maps byte offsets in a document's text to LSP positions and
// back. Lines end at \n, \r\n or \r, as the specification says; characters
// are counted in the negotiated encoding's code units (UTF-16 unless the
// client chose otherwise).
type converter struct {
	text     string
	starts   []int // byte offset of each line's start
	encoding string
}

func newConverter(text, encoding string) *converter {
	starts := []int{0}
	for i := 0; i < len(text); i++ {
		switch text[i] {
		case '\r':
			if i+1 < len(text) && text[i+1] == '\n' {
				i++
			}
			starts = append(starts, i+1)
		case '\n':
			starts = append(starts, i+1)
		}
	}
	return &converter{text: text, starts: starts, encoding: encoding}
}

// lineEnd returns the byte offset where line's content ends, before its
// terminator.
func (c *converter) lineEnd(line int) int {
	if line+1 >= len(c.starts) {
		return len(c.text)
	}
	end := c.starts[line+1]
	if end > 0 && c.text[end-1] == '\n' {
		end--
	}
	if end > c.starts[line] && c.text[end-1] == '\r' {
		end--
	}
	return end
}

// position returns the position of byte offset off, clamped to the text.
func (c *converter) position(off int) Position {
	off = max(0, min(off, len(c.text)))
	line := sort.Search(len(c.starts), func(i int) bool { return c.starts[i] > off }) - 1
	start := c.starts[line]
	// An offset inside a line terminator is the end of the line.
	off = min(off, c.lineEnd(line))
	return Position{Line: line, Character: c.units(c.text[start:off])}
}

// offset returns the byte offset of p. A line past the end is the end of
// the text, a character past the end of its line is the line's end (as the
// specification asks), and a character inside a code point (half of a
// UTF-16 surrogate pair) is the code point's start.
func (c *converter) offset(p Position) int {
	switch {
	case p.Line < 0:
		return 0
	case p.Line >= len(c.starts):
		return len(c.text)
	}
	i, end := c.starts[p.Line], c.lineEnd(p.Line)
	for n := 0; i < end; {
		r, size := utf8.DecodeRuneInString(c.text[i:end])
		w := c.width(r, size)
		if n+w > p.Character {
			break
		}
		n += w
		i += size
	}
	return i
}

// units counts s in the converter's code units.
func (c *converter) units(s string) int {
	switch c.encoding {
	case encodingUTF8:
		return len(s)
	case encodingUTF32:
		return utf8.RuneCountInString(s)
	}
	n := 0
	for _, r := range s {
		n += c.width(r, 0)
	}
	return n
}

// width is the number of code units of rune r, size bytes long in UTF-8.
func (c *converter) width(r rune, size int) int {
	switch c.encoding {
	case encodingUTF8:
		if size == 0 {
			size = utf8.RuneLen(r)
		}
		return size
	case encodingUTF32:
		return 1
	}
	if r >= 0x10000 {
		return 2
	}
	return 1
}
