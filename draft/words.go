package draft

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// WordKind classifies a word token.
type WordKind uint8

// Word kinds.
const (
	WordPlain   WordKind = iota // letters, with inner apostrophes and hyphens
	WordNumber                  // any token with a digit: 2019, 1.5, COVID-19, 5G
	WordURL                     // http://..., https://..., www....
	WordEmail                   // name@example.com
	WordHandle                  // @handle
	WordHashtag                 // #hashtag
)

// Word is a word of a paragraph.
type Word struct {
	Text string // as in Paragraph.Text (entities decoded)
	Off  int    // offset in Paragraph.Text
	Span Span   // source span
	Kind WordKind
}

// End returns the offset in Paragraph.Text just past the word.
func (w Word) End() int { return w.Off + len(w.Text) }

// Capitalized reports whether the word starts with an upper-case letter.
func (w Word) Capitalized() bool {
	r, _ := utf8.DecodeRuneInString(w.Text)
	return unicode.IsUpper(r)
}

// Parts returns the hyphen-separated parts of a compound word
// ("well-known" gives "well" and "known"), or the word itself.
func (p *Paragraph) Parts(w Word) []Word {
	if w.Kind != WordPlain && w.Kind != WordNumber || strings.IndexAny(w.Text, "-\u2010\u2011") < 0 {
		return []Word{w}
	}
	var parts []Word
	start := 0
	for i, r := range w.Text {
		if isHyphen(r) {
			parts = append(parts, p.word(w.Off+start, w.Off+i, w.Kind))
			start = i + utf8.RuneLen(r)
		}
	}
	return append(parts, p.word(w.Off+start, w.End(), w.Kind))
}

func (p *Paragraph) word(start, end int, kind WordKind) Word {
	if kind == WordNumber && !strings.ContainsAny(p.Text[start:end], "0123456789") {
		kind = WordPlain
	}
	return Word{Text: p.Text[start:end], Off: start, Span: p.SourceSpan(start, end), Kind: kind}
}

// tokenize appends the words of text t to words.
func tokenize(t string, words []Word) []Word {
	for i := 0; i < len(t); {
		c := t[i]
		if c < utf8.RuneSelf && !asciiWordStart[c] {
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(t[i:])
		if c >= utf8.RuneSelf && !isWordRune(r) && !isApostrophe(r) {
			i += n
			continue
		}
		end, kind := scanWord(t, i)
		if end <= i {
			i += n
			continue
		}
		words = append(words, Word{Text: t[i:end], Off: i, Kind: kind})
		i = end
	}
	return words
}

var asciiWordStart = func() (t [utf8.RuneSelf]bool) {
	for c := 0; c < utf8.RuneSelf; c++ {
		t[c] = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '@' || c == '#' || c == '\''
	}
	return t
}()

// scanWord returns the end of the word starting at i and its kind, or
// end == i when no word starts there.
func scanWord(t string, i int) (int, WordKind) {
	switch t[i] {
	case '@', '#':
		if i > 0 && isWordRune(lastRune(t[:i])) {
			return i, WordPlain
		}
		j := i + 1
		for j < len(t) && (isASCIIAlnum(t[j]) || t[j] == '_') {
			j++
		}
		if j == i+1 || t[i] == '#' && !hasLetter(t[i+1:j]) {
			return i, WordPlain
		}
		if t[i] == '@' {
			return j, WordHandle
		}
		return j, WordHashtag
	}
	if c := t[i] | 0x20; c == 'h' || c == 'w' {
		if end := urlEnd(t, i); end > i {
			return end, WordURL
		}
	}
	if r, n := utf8.DecodeRuneInString(t[i:]); (t[i] == '\'' || t[i] >= utf8.RuneSelf) && isApostrophe(r) {
		end := elisionEnd(t, i, n)
		if end > i+n && isDigitAt(t, i+n) {
			return end, WordNumber // ’90s
		}
		return end, WordPlain
	}
	j := i
	digits := false
scan:
	for j < len(t) {
		if c := t[j]; c < utf8.RuneSelf && (isLetterASCII(c) || c >= '0' && c <= '9') {
			digits = digits || c <= '9'
			j++
			continue // the common case, without decoding
		}
		r, n := utf8.DecodeRuneInString(t[j:])
		switch {
		case isWordRune(r):
			if r >= '0' && r <= '9' || unicode.IsDigit(r) {
				digits = true
			}
			j += n
			continue
		case isApostrophe(r) || isHyphen(r):
			if j > i && isLetterAt(t, j+n) && (isHyphen(r) || isLetterRune(lastRune(t[:j]))) {
				j += n
				continue
			}
			if isHyphen(r) && j > i && isWordRune(lastRune(t[:j])) && isDigitAt(t, j+n) {
				j += n
				continue
			}
		case r == '.':
			if isDigitAt(t, j+1) && unicode.IsDigit(lastRune(t[:j])) {
				j++
				continue
			}
			if initialismContinues(t, i, j) {
				j++
				continue
			}
		case r == ',':
			if unicode.IsDigit(lastRune(t[:j])) && thousands(t[j+1:]) {
				j++
				continue
			}
		case r == '&':
			if j > i && isUpperASCII(t[j-1]) && j+1 < len(t) && isUpperASCII(t[j+1]) {
				j++
				continue
			}
		case r == '@':
			if end := emailEnd(t, i, j); end > j {
				return end, WordEmail
			}
		}
		break scan
	}
	if j < len(t) && t[j] == '.' && isInitialism(t[i:j]) {
		j++ // U.S. keeps its final stop
	}
	if digits {
		return j, WordNumber
	}
	return j, WordPlain
}

// elisionEnd handles words that open with an apostrophe: ’90s, ’em, ’til,
// rock ’n’ roll. It returns i when the apostrophe opens no word.
func elisionEnd(t string, i, n int) int {
	rest := t[i+n:]
	if rest == "" {
		return i
	}
	if rest[0] >= '0' && rest[0] <= '9' {
		j := i + n
		for j < len(t) && (isASCIIAlnum(t[j])) {
			j++
		}
		return j
	}
	for _, e := range [...]string{"n", "em", "til", "tis", "twas", "cause"} {
		if !hasPrefixFold(rest, e) {
			continue
		}
		j := i + n + len(e)
		if e == "n" {
			// ’n’ needs its closing apostrophe.
			if r, m := utf8.DecodeRuneInString(t[j:]); isApostrophe(r) && !isLetterAt(t, j+m) {
				return j + m
			}
			continue
		}
		if !isLetterAt(t, j) {
			return j
		}
	}
	return i
}

func urlEnd(t string, i int) int {
	rest := t[i:]
	if !(hasPrefixFold(rest, "http://") || hasPrefixFold(rest, "https://") || hasPrefixFold(rest, "www.")) {
		return i
	}
	if i > 0 && isWordRune(lastRune(t[:i])) {
		return i
	}
	j := i
	for j < len(t) {
		r, n := utf8.DecodeRuneInString(t[j:])
		if unicode.IsSpace(r) || r == '<' || r == '>' || r == '"' || r == '\u201c' || r == '\u201d' || r == '\uFFFC' {
			break
		}
		j += n
	}
	for j > i {
		r, n := utf8.DecodeLastRuneInString(t[i:j])
		if !strings.ContainsRune(".,;:!?)]}'\u2019\u201d", r) {
			break
		}
		j -= n
	}
	return j
}

// emailEnd returns the end of an e-mail address whose local part is
// t[i:at], or at when t[at:] is not a domain.
func emailEnd(t string, i, at int) int {
	j := at + 1
	dot := false
	for j < len(t) && (isASCIIAlnum(t[j]) || t[j] == '.' || t[j] == '-') {
		if t[j] == '.' {
			dot = true
		}
		j++
	}
	for j > at+1 && t[j-1] == '.' {
		j--
	}
	if !dot || j == at+1 || i == at {
		return at
	}
	return j
}

// initialismContinues reports whether the stop at t[j] sits inside an
// initialism such as U.S. or J.D.: single letters each followed by a stop.
func initialismContinues(t string, i, j int) bool {
	if j == i || j+2 > len(t) || !isLetterASCII(t[j-1]) || !isLetterASCII(t[j+1]) {
		return false
	}
	if j-1 > i && t[j-2] != '.' {
		return false // the letter before is not a single letter
	}
	return j+2 == len(t) || !isLetterASCII(t[j+2])
}

// isInitialism reports whether w is single letters joined by stops (U.S,
// U.S., a.m.).
func isInitialism(w string) bool {
	w = strings.TrimSuffix(w, ".")
	if len(w) < 3 {
		return false
	}
	for k := 0; k < len(w); k++ {
		if k%2 == 0 && !isLetterASCII(w[k]) || k%2 == 1 && w[k] != '.' {
			return false
		}
	}
	return len(w)%2 == 1
}

func thousands(s string) bool {
	if len(s) < 3 {
		return false
	}
	for k := 0; k < 3; k++ {
		if s[k] < '0' || s[k] > '9' {
			return false
		}
	}
	return len(s) == 3 || s[3] < '0' || s[3] > '9'
}

func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9'
	}
	return r != '\uFFFC' && (unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r) || unicode.Is(unicode.Mc, r))
}

func isLetterRune(r rune) bool {
	return r < utf8.RuneSelf && isLetterASCII(byte(r)) || r >= utf8.RuneSelf && unicode.IsLetter(r)
}

func isLetterAt(t string, j int) bool {
	if j >= len(t) {
		return false
	}
	r, _ := utf8.DecodeRuneInString(t[j:])
	return isLetterRune(r)
}

func isDigitAt(t string, j int) bool { return j < len(t) && t[j] >= '0' && t[j] <= '9' }

func isApostrophe(r rune) bool { return r == '\'' || r == '\u2019' || r == '\u02bc' }

func isHyphen(r rune) bool { return r == '-' || r == '\u2010' || r == '\u2011' }

func isLetterASCII(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }

func isUpperASCII(c byte) bool { return c >= 'A' && c <= 'Z' }

func isASCIIAlnum(c byte) bool { return isLetterASCII(c) || c >= '0' && c <= '9' }

func hasLetter(s string) bool {
	for k := 0; k < len(s); k++ {
		if isLetterASCII(s[k]) {
			return true
		}
	}
	return false
}

func lastRune(s string) rune {
	r, _ := utf8.DecodeLastRuneInString(s)
	return r
}

func hasPrefixFold(s, prefix string) bool {
	return len(s) >= len(prefix) && strings.EqualFold(s[:len(prefix)], prefix)
}
