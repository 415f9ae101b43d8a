package lsp

import (
	"testing"
	"unicode/utf16"
	"unicode/utf8"
)

// The text of the position tests: an emoji (two UTF-16 units, four bytes),
// a CRLF, a non-BMP letter, a lone CR and an accented letter (one unit,
// two bytes).
const posText = "a😀b\r\n𝒳y\rcé\n"

func TestConverterPosition(t *testing.T) {
	tests := []struct {
		encoding string
		off      int
		want     Position
	}{
		{encodingUTF16, 0, Position{0, 0}},
		{encodingUTF16, 1, Position{0, 1}},                // the emoji
		{encodingUTF16, 5, Position{0, 3}},                // b: after a surrogate pair
		{encodingUTF16, 6, Position{0, 4}},                // \r: the end of the line
		{encodingUTF16, 7, Position{0, 4}},                // inside \r\n: still the end
		{encodingUTF16, 8, Position{1, 0}},                // 𝒳
		{encodingUTF16, 12, Position{1, 2}},               // y
		{encodingUTF16, 14, Position{2, 0}},               // c after a lone \r
		{encodingUTF16, 17, Position{2, 2}},               // after é
		{encodingUTF16, 18, Position{3, 0}},               // the empty last line
		{encodingUTF16, 99, Position{3, 0}},               // clamped
		{encodingUTF16, -1, Position{0, 0}},               // clamped
		{encodingUTF8, 5, Position{0, 5}},                 // bytes
		{encodingUTF8, 12, Position{1, 4}},                // bytes
		{encodingUTF32, 5, Position{0, 2}},                // code points
		{encodingUTF32, 17, Position{2, 2}},               // code points
		{"", 5, Position{0, 3}},                           // UTF-16 by default
		{encodingUTF16, len(posText) - 1, Position{2, 2}}, // the final \n
	}
	for _, tt := range tests {
		got := newConverter(posText, tt.encoding).position(tt.off)
		if got != tt.want {
			t.Errorf("%s position(%d) = %v, want %v", tt.encoding, tt.off, got, tt.want)
		}
	}
}

func TestConverterOffset(t *testing.T) {
	tests := []struct {
		encoding string
		pos      Position
		want     int
	}{
		{encodingUTF16, Position{0, 3}, 5},
		{encodingUTF16, Position{0, 2}, 1},  // inside the surrogate pair: the emoji's start
		{encodingUTF16, Position{0, 40}, 6}, // past the line's end: before \r\n
		{encodingUTF16, Position{1, 2}, 12},
		{encodingUTF16, Position{2, 1}, 15},
		{encodingUTF16, Position{3, 0}, 18},
		{encodingUTF16, Position{9, 0}, len(posText)}, // past the last line
		{encodingUTF16, Position{-1, 0}, 0},
		{encodingUTF8, Position{0, 5}, 5},
		{encodingUTF8, Position{0, 3}, 1}, // inside the emoji's bytes
		{encodingUTF32, Position{0, 2}, 5},
	}
	for _, tt := range tests {
		got := newConverter(posText, tt.encoding).offset(tt.pos)
		if got != tt.want {
			t.Errorf("%s offset(%v) = %d, want %d", tt.encoding, tt.pos, got, tt.want)
		}
	}
}

// TestConverterRoundTrip checks that every code point boundary maps to a
// position and back, and that UTF-16 characters agree with encoding the
// line as UTF-16.
func TestConverterRoundTrip(t *testing.T) {
	text := "one 😀 two\r\n\r\n𝒳𝒴 three\n\tfour ü 🇫🇷"
	for _, enc := range []string{encodingUTF8, encodingUTF16, encodingUTF32} {
		c := newConverter(text, enc)
		for off := 0; off <= len(text); off++ {
			if off < len(text) && !utf8.RuneStart(text[off]) {
				continue
			}
			p := c.position(off)
			back := c.offset(p)
			if text[min(off, len(text)-1)] == '\n' && off > 0 && text[off-1] == '\r' {
				continue // inside \r\n: maps to the line's end, before \r
			}
			if back != off {
				t.Errorf("%s: offset(position(%d) = %v) = %d", enc, off, p, back)
			}
			if enc == encodingUTF16 {
				start := c.starts[p.Line]
				if n := len(utf16.Encode([]rune(text[start:off]))); n != p.Character {
					t.Errorf("utf-16 position(%d).Character = %d, want %d", off, p.Character, n)
				}
			}
		}
	}
}

func TestDocumentApply(t *testing.T) {
	rng := func(l1, c1, l2, c2 int) *Range { return &Range{Position{l1, c1}, Position{l2, c2}} }
	tests := []struct {
		name    string
		text    string
		changes []contentChange
		want    string
	}{
		{"insert", "ab", []contentChange{{Range: rng(0, 1, 0, 1), Text: "X"}}, "aXb"},
		{"replace an emoji", "a😀b", []contentChange{{Range: rng(0, 1, 0, 3), Text: "c"}}, "acb"},
		{"after an emoji", "a😀b", []contentChange{{Range: rng(0, 3, 0, 4), Text: "B"}}, "a😀B"},
		{"across a CRLF", "ab\r\ncd", []contentChange{{Range: rng(0, 1, 1, 1), Text: ""}}, "ad"},
		{"delete a line break", "ab\r\ncd", []contentChange{{Range: rng(0, 2, 1, 0), Text: " "}}, "ab cd"},
		{"append at the end", "ab\n", []contentChange{{Range: rng(1, 0, 1, 0), Text: "c"}}, "ab\nc"},
		{"in order", "abc", []contentChange{
			{Range: rng(0, 0, 0, 1), Text: "😀"},
			{Range: rng(0, 2, 0, 3), Text: "B"}, // after the emoji inserted first
		}, "😀Bc"},
		{"whole text", "abc", []contentChange{{Text: "new"}}, "new"},
		{"reversed range", "abcd", []contentChange{{Range: rng(0, 3, 0, 1), Text: "-"}}, "a-d"},
	}
	for _, tt := range tests {
		d := &document{text: tt.text}
		d.apply(tt.changes, encodingUTF16)
		if d.text != tt.want {
			t.Errorf("%s: got %q, want %q", tt.name, d.text, tt.want)
		}
	}
}

func TestURIs(t *testing.T) {
	tests := []struct{ uri, path string }{
		{"file:///tmp/drafts/a%20b.md", "/tmp/drafts/a b.md"},
		{"file:///tmp/caf%C3%A9.md", "/tmp/café.md"},
		{"untitled:Untitled-1", "Untitled-1"},
	}
	for _, tt := range tests {
		if got := uriToPath(tt.uri); got != tt.path {
			t.Errorf("uriToPath(%q) = %q, want %q", tt.uri, got, tt.path)
		}
	}
	if got, want := pathToURI("/tmp/a b.md"), "file:///tmp/a%20b.md"; got != want {
		t.Errorf("pathToURI = %q, want %q", got, want)
	}
}
