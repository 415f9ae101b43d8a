package draft

import (
	"strings"
	"unicode/utf8"

	"golang.org/x/text/cases"
	"golang.org/x/text/unicode/norm"
)

// Key returns the form of s used to compare words: NFC, case-folded, with
// typographic apostrophes as ASCII ones. Offsets are never taken from it.
func Key(s string) string {
	if isASCII(s) {
		return strings.ToLower(s)
	}
	s = strings.ReplaceAll(s, "\u2019", "'")
	return cases.Fold().String(norm.NFC.String(s))
}

// SameWord reports whether a and b are the same word ignoring case and
// Unicode normalization.
func SameWord(a, b string) bool {
	if len(a) == len(b) && strings.EqualFold(a, b) {
		return true
	}
	if a == "" || b == "" || a[0] < utf8.RuneSelf && b[0] < utf8.RuneSelf && a[0]|0x20 != b[0]|0x20 {
		return false // different first letters: no need to normalize
	}
	if isASCII(a) && isASCII(b) {
		return false // ASCII words differ only in case or not at all
	}
	return Key(a) == Key(b)
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}
