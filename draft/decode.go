package draft

import (
	"bytes"
	"fmt"
	"strings"
	"unicode/utf16"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
)

// Encoding names the character encoding a file was read in.
type Encoding int

// Encodings that newslint reads.
const (
	UTF8 Encoding = iota
	UTF8BOM
	UTF16LE
	UTF16BE
	Windows1252
)

// String returns the conventional name of the encoding.
func (e Encoding) String() string {
	switch e {
	case UTF8BOM:
		return "UTF-8 with BOM"
	case UTF16LE:
		return "UTF-16LE"
	case UTF16BE:
		return "UTF-16BE"
	case Windows1252:
		return "Windows-1252"
	}
	return "UTF-8"
}

// BinaryError reports that a file holds binary data and was not parsed.
type BinaryError struct {
	Offset int // offset of the first NUL byte
}

// Error describes the binary file.
func (e *BinaryError) Error() string {
	return fmt.Sprintf("binary file (NUL byte at offset %d), skipped", e.Offset)
}

// origin maps offsets in decoded text back to offsets in the original
// bytes. A nil table means the mapping is a constant shift (UTF-8, where the
// shift is the length of a byte-order mark).
type origin struct {
	shift int
	table []int32 // table[i] is the original offset of decoded byte i; len(src)+1 entries
}

func (o origin) offset(off int) int {
	if o.table == nil {
		return off + o.shift
	}
	if off < 0 {
		off = 0
	}
	if off >= len(o.table) {
		off = len(o.table) - 1
	}
	return int(o.table[off])
}

// decoded is the result of reading a file's bytes as text.
type decoded struct {
	src     string
	enc     Encoding
	origin  origin
	badByte int // offset of the first invalid UTF-8 byte when enc is Windows1252
}

// decode turns raw file bytes into UTF-8 text. UTF-8 is used when valid
// (a byte-order mark is dropped); UTF-16 is recognised by its byte-order
// mark; any other file with a NUL byte is binary; anything else that is not
// valid UTF-8 is read as Windows-1252, the encoding of most legacy CMS
// exports labelled Latin-1.
func decode(raw []byte) (decoded, error) {
	switch {
	case bytes.HasPrefix(raw, []byte{0xEF, 0xBB, 0xBF}) && utf8.Valid(raw[3:]):
		if i := bytes.IndexByte(raw, 0); i >= 0 {
			return decoded{}, &BinaryError{Offset: i}
		}
		return decoded{src: string(raw[3:]), enc: UTF8BOM, origin: origin{shift: 3}}, nil
	case bytes.HasPrefix(raw, []byte{0xFF, 0xFE}):
		return decodeUTF16(raw, UTF16LE), nil
	case bytes.HasPrefix(raw, []byte{0xFE, 0xFF}):
		return decodeUTF16(raw, UTF16BE), nil
	}
	if i := bytes.IndexByte(raw, 0); i >= 0 {
		return decoded{}, &BinaryError{Offset: i}
	}
	if utf8.Valid(raw) {
		return decoded{src: string(raw), enc: UTF8}, nil
	}
	if bytes.HasPrefix(raw, []byte{0xEF, 0xBB, 0xBF}) {
		// A byte-order mark, then something that is not UTF-8: drop the
		// mark and read the rest as Windows-1252.
		d := decodeWindows1252(raw[3:])
		for i := range d.origin.table {
			d.origin.table[i] += 3
		}
		d.badByte += 3
		return d, nil
	}
	return decodeWindows1252(raw), nil
}

func decodeWindows1252(raw []byte) decoded {
	bad := firstInvalidUTF8(raw)
	var b strings.Builder
	b.Grow(len(raw) + len(raw)/8)
	table := make([]int32, 0, len(raw)+len(raw)/8+1)
	var buf [utf8.UTFMax]byte
	for i, c := range raw {
		if c < utf8.RuneSelf {
			b.WriteByte(c)
			table = append(table, int32(i))
			continue
		}
		n := utf8.EncodeRune(buf[:], charmap.Windows1252.DecodeByte(c))
		b.Write(buf[:n])
		for k := 0; k < n; k++ {
			table = append(table, int32(i))
		}
	}
	table = append(table, int32(len(raw)))
	return decoded{src: b.String(), enc: Windows1252, origin: origin{table: table}, badByte: bad}
}

func decodeUTF16(raw []byte, enc Encoding) decoded {
	var b strings.Builder
	b.Grow(len(raw))
	table := make([]int32, 0, len(raw)+1)
	var buf [utf8.UTFMax]byte
	unit := func(i int) uint16 {
		if enc == UTF16LE {
			return uint16(raw[i]) | uint16(raw[i+1])<<8
		}
		return uint16(raw[i])<<8 | uint16(raw[i+1])
	}
	i := 2 // skip the byte-order mark
	for i+1 < len(raw) {
		start := i
		r := rune(unit(i))
		i += 2
		if utf16.IsSurrogate(r) {
			r2 := utf8.RuneError
			if i+1 < len(raw) {
				r2 = rune(unit(i))
			}
			if dec := utf16.DecodeRune(r, r2); dec != utf8.RuneError {
				r = dec
				i += 2
			} else {
				r = utf8.RuneError
			}
		}
		n := utf8.EncodeRune(buf[:], r)
		b.Write(buf[:n])
		for k := 0; k < n; k++ {
			table = append(table, int32(start))
		}
	}
	table = append(table, int32(len(raw)))
	return decoded{src: b.String(), enc: enc, origin: origin{table: table}}
}

func firstInvalidUTF8(raw []byte) int {
	for i := 0; i < len(raw); {
		r, n := utf8.DecodeRune(raw[i:])
		if r == utf8.RuneError && n <= 1 {
			return i
		}
		i += n
	}
	return -1
}
