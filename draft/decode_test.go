package draft

import (
	"errors"
	"strings"
	"testing"
)

func TestDecode(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name    string
		raw     string
		want    string
		enc     Encoding
		notices int
	}{
		{"utf8", "Café “quoted”", "Café “quoted”", UTF8, 0},
		{"bom", "\xef\xbb\xbfCafé", "Café", UTF8BOM, 0},
		{"windows-1252", "Caf\xe9 \x93quoted\x94 \x85", "Café “quoted” …", Windows1252, 1},
		{"utf16le", "\xff\xfeC\x00a\x00f\x00\xe9\x00", "Café", UTF16LE, 0},
		{"utf16be", "\xfe\xff\x00C\x00a\x00f\x00\xe9", "Café", UTF16BE, 0},
		{"empty", "", "", UTF8, 0},
		{"bom then windows-1252", "\xef\xbb\xbfCaf\xe9", "Café", Windows1252, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := parse(t, "d.txt", tt.raw)
			if doc.Src != tt.want || doc.Encoding != tt.enc || len(doc.Notices) != tt.notices {
				t.Errorf("got %q, %v, %d notices; want %q, %v, %d", doc.Src, doc.Encoding, len(doc.Notices), tt.want, tt.enc, tt.notices)
			}
		})
	}
}

func TestDecodeOffsetsMapToOriginal(t *testing.T) {
	t.Parallel()
	// "é" is one byte in Windows-1252 and two in UTF-8: offsets after it
	// must map back to the original file.
	doc := parse(t, "d.txt", "caf\xe9 the the end\n")
	i := strings.Index(doc.Src, "the the")
	if got := doc.Position(i).Offset; got != 5 {
		t.Errorf("original offset of %q = %d, want 5", "the the", got)
	}
	if got := doc.Position(i).Column; got != 6 {
		t.Errorf("column = %d, want 6", got)
	}
	n := doc.Notices[0]
	if !strings.Contains(n.Message, "line 1, column 4") || !strings.Contains(n.Message, "Windows-1252") {
		t.Errorf("notice %q should name line 1, column 4 and Windows-1252", n.Message)
	}
	if doc.Slice(n.Span) != "é" {
		t.Errorf("notice span covers %q, want the decoded é", doc.Slice(n.Span))
	}

	bom := parse(t, "d.txt", "\xef\xbb\xbfthe end")
	if got := bom.Position(4).Offset; got != 7 {
		t.Errorf("BOM file: original offset of byte 4 = %d, want 7", got)
	}
	bomBad := parse(t, "d.txt", "\xef\xbb\xbfCaf\xe9 the")
	if got := bomBad.Position(strings.Index(bomBad.Src, "the")); got.Offset != 8 || got.Column != 6 {
		t.Errorf("BOM then Windows-1252: %q at %+v, want offset 8, column 6", "the", got)
	}
	if !strings.Contains(bomBad.Notices[0].Message, "line 1, column 4") {
		t.Errorf("notice %q should point at column 4", bomBad.Notices[0].Message)
	}
	u16 := parse(t, "d.txt", "\xff\xfea\x00b\x00")
	if got := u16.Position(1).Offset; got != 4 {
		t.Errorf("UTF-16 file: original offset of byte 1 = %d, want 4", got)
	}
}

func TestDecodeBinary(t *testing.T) {
	t.Parallel()
	_, err := NewParser().Parse("x.txt", []byte("PNG\x00\x01\x02"))
	var be *BinaryError
	if !errors.As(err, &be) || be.Offset != 3 {
		t.Fatalf("err = %v, want a BinaryError at offset 3", err)
	}
	if !strings.Contains(err.Error(), "x.txt") {
		t.Errorf("error %q should name the file", err)
	}
}
