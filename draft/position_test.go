package draft

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestPosition(t *testing.T) {
	t.Parallel()
	src := "first line\r\nsecond “line”\nthird"
	doc := parse(t, "p.txt", src)
	tests := []struct {
		off        int
		line, col  int
		lineText   string
		wantOffset int
	}{
		{0, 1, 1, "first line", 0},
		{6, 1, 7, "first line", 6},
		{12, 2, 1, "second “line”", 12},
		{19, 2, 8, "second “line”", 19},     // the opening curly quote: 3 bytes, 1 column
		{22, 2, 9, "second “line”", 22},     // "l" after it
		{len(src), 3, 6, "third", len(src)}, // end of file
	}
	for _, tt := range tests {
		pos := doc.Position(tt.off)
		if pos.Line != tt.line || pos.Column != tt.col || pos.Offset != tt.wantOffset {
			t.Errorf("Position(%d) = %+v, want line %d col %d offset %d", tt.off, pos, tt.line, tt.col, tt.wantOffset)
		}
		if got := doc.Line(pos.Line); got != tt.lineText {
			t.Errorf("Line(%d) = %q, want %q", pos.Line, got, tt.lineText)
		}
	}
	if doc.LineCount() != 3 {
		t.Errorf("LineCount = %d, want 3", doc.LineCount())
	}
}

func TestPositionInsideRune(t *testing.T) {
	t.Parallel()
	doc := parse(t, "p.txt", "ab“cd")
	// An offset inside the 3-byte quote counts as the quote's column.
	for _, off := range []int{2, 3, 4} {
		if got := doc.Position(off).Column; got != 3 {
			t.Errorf("Position(%d).Column = %d, want 3", off, got)
		}
	}
	if got := doc.Position(5).Column; got != 4 {
		t.Errorf("Position(5).Column = %d, want 4", got)
	}
}

// TestPositionLongLine checks columns on a line long enough to use column
// checkpoints, with multi-byte characters on both sides of them.
func TestPositionLongLine(t *testing.T) {
	t.Parallel()
	line := strings.Repeat("ab “cd” é ", 600) // 6,000 code points, 9,000 bytes
	doc := parse(t, "long.txt", "Headline here\n"+line+"\nlast")
	base := len("Headline here\n")
	col := 1
	for off := base; off < base+len(line); {
		r, size := utf8.DecodeRuneInString(line[off-base:])
		if pos := doc.Position(off); pos.Line != 2 || pos.Column != col {
			t.Fatalf("Position(%d) = %d:%d, want 2:%d (rune %q)", off, pos.Line, pos.Column, col, r)
		}
		off += size
		col++
	}
	if pos := doc.Position(base + len(line) + 1); pos.Line != 3 || pos.Column != 1 {
		t.Errorf("next line starts at %+v", pos)
	}
}
