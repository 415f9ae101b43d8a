package reuse

import (
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Token is a normalized word of a paragraph: its hash and where it lies
// in the paragraph's text.
type Token struct {
	Hash       uint64
	Start, End int
}

const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

// Tokenize appends the words of text to buf and returns it. Words are runs
// of letters, digits and combining marks; apostrophes inside a word are
// dropped, so that "Mexico's" and "Mexico’s" are one word; every other
// character (punctuation, quotation marks, dashes, spaces) separates words.
// Each word is folded before it is hashed: lower case, with diacritics
// removed through Unicode decomposition, so that composed and decomposed
// forms (NFC and NFD) hash alike.
func Tokenize(text string, buf []Token) []Token {
	start := -1
	var h uint64
	flush := func(end int) {
		if start >= 0 {
			buf = append(buf, Token{Hash: h, Start: start, End: end})
			start = -1
		}
	}
	for i := 0; i < len(text); {
		c := text[i]
		if c < utf8.RuneSelf {
			switch {
			case 'a' <= c && c <= 'z', '0' <= c && c <= '9':
			case 'A' <= c && c <= 'Z':
				c += 'a' - 'A'
			case c == '\'' && start >= 0 && i+1 < len(text) && isWordStart(text[i+1:]):
				i++
				continue
			default:
				flush(i)
				i++
				continue
			}
			if start < 0 {
				start, h = i, fnvOffset
			}
			h = (h ^ uint64(c)) * fnvPrime
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		switch {
		case (r == '’' || r == 'ʼ') && start >= 0 && i+size < len(text) && isWordStart(text[i+size:]):
			i += size
			continue
		case unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r):
		default:
			flush(i)
			i += size
			continue
		}
		if start < 0 {
			start, h = i, fnvOffset
		}
		h = foldRune(h, r)
		i += size
	}
	flush(len(text))
	return buf
}

// isWordStart reports whether s begins with a letter or digit.
func isWordStart(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

// foldRune adds the folded form of a non-ASCII rune to hash h: its
// decomposition without combining marks, in lower case.
func foldRune(h uint64, r rune) uint64 {
	if unicode.Is(unicode.Mn, r) {
		return h
	}
	var buf [utf8.UTFMax]byte
	n := utf8.EncodeRune(buf[:], r)
	if d := norm.NFD.Properties(buf[:n]).Decomposition(); len(d) > 0 {
		r, _ = utf8.DecodeRune(d)
	}
	r = unicode.ToLower(r)
	for r != 0 {
		h = (h ^ uint64(r&0xff)) * fnvPrime
		r >>= 8
	}
	return h
}
