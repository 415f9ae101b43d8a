package boilerplate

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// Normalize returns the form in which lines are compared: lower case,
// accents dropped, curly quotation marks made straight, runs of spaces
// collapsed to one, and leading and trailing spaces and punctuation
// trimmed. "  Related  Stories:" becomes "related stories".
func Normalize(line string) string {
	var b strings.Builder
	b.Grow(len(line))
	space := false
	if !ascii(line) {
		line = norm.NFD.String(line)
	}
	for _, r := range line {
		switch {
		case unicode.Is(unicode.Mn, r):
			continue
		case unicode.IsSpace(r):
			space = b.Len() > 0
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteRune(straight(unicode.ToLower(r)))
	}
	return strings.TrimRightFunc(b.String(), func(r rune) bool {
		return unicode.IsPunct(r) || unicode.IsSpace(r)
	})
}

// ascii reports whether s is all ASCII, which needs no decomposition.
func ascii(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}

// straight maps curly quotation marks and guillemets to straight ones.
func straight(r rune) rune {
	switch r {
	case '‘', '’', '‚', '‛', '′':
		return '\''
	case '“', '”', '„', '«', '»', '″':
		return '"'
	}
	return r
}

// tokens splits a line into the words patterns match: runs of letters
// and digits, with apostrophes, hyphens, "+" and "&" inside them, in
// normalized form; "©" is a word of its own and other punctuation is
// dropped. head is the number of words before the line's first colon, or
// -1 when it has none.
func tokens(line string) (toks []string, head int) {
	head = -1
	var cur []rune
	flush := func() {
		w := strings.Trim(string(cur), "'-&")
		if w != "" {
			toks = append(toks, w)
		}
		cur = cur[:0]
	}
	for _, r := range Normalize(line) {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			cur = append(cur, r)
		case len(cur) > 0 && (r == '\'' || r == '-' || r == '+' || r == '&'):
			cur = append(cur, r)
		case r == '©':
			flush()
			toks = append(toks, "©")
		default:
			flush()
			if r == ':' && head < 0 {
				head = len(toks)
			}
		}
	}
	flush()
	return toks, head
}
