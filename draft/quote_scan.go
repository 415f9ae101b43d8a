package draft

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Mark families: marks of one family pair with each other.
const (
	famNone   uint8 = iota
	famDouble       // " “ ” „
	famSingle       // ' ‘ ’ ‚
	famGuil         // « »
	famSGuil        // ‹ ›
)

func familyOf(r rune) uint8 {
	switch r {
	case '"', ldq, rdq, lowdq:
		return famDouble
	case '\'', lsq, rsq, lowsq:
		return famSingle
	case laq, raq:
		return famGuil
	case lsaq, rsaq:
		return famSGuil
	}
	return famNone
}

// Shapes: where a mark stands, from the characters around it.
const (
	shapeOpen  uint8 = iota + 1 // after a space or the start, before a word
	shapeClose                  // after a word or punctuation, before a space, punctuation or the end
	shapeFree                   // a space or the edge on both sides
	shapeInner                  // inside a word, or between punctuation and a word
)

// Kinds of neighbor.
const (
	sideSpace  uint8 = iota // white space, the edge of the paragraph
	sideOpen                // an opening bracket, a dash or a slash, before a mark
	sidePunct               // , ; : ! ? . … and closing brackets
	sideDigit               // 0-9
	sideLetter              // a letter or anything else
)

// qmark is a mark while pairing.
type qmark struct {
	off   int
	r     rune
	fam   uint8
	shape uint8
	left  uint8 // kind of the character before
	// leftS: the word before ends in s (students', the Joneses').
	leftS bool
	// initialism: the stop before is an initialism's (the U.S.' role).
	initialism bool
	// elision: a single mark before a word that is usually elided ('em,
	// 'til, '90s); elided: part of rock 'n' roll.
	elision, elided bool
	prime           bool // feet and inches: 6'2", 5’ 11”
	possessive      bool // a single mark between a stop and s: U.S.'s
	done            bool // role settled
	role            MarkRole
	reservedFor     int // the quotation this mark will close, or -1
}

// quoteBytes are the bytes that can start a quotation mark: " ', 0xE2 (‘
// ’ ‚ “ ” „ ‹ ›) and 0xC2 (« »). Searching for each with IndexByte is much
// faster than testing every byte.
var quoteBytes = [...]byte{'"', '\'', 0xE2, 0xC2}

// scanMarks appends the quotation marks of text t to marks, in order. It
// keeps the next occurrence of each lead byte and takes the nearest, so
// the output comes sorted without a sort.
func scanMarks(t string, marks []qmark) []qmark {
	var next [len(quoteBytes)]int
	for k, c := range quoteBytes {
		next[k] = indexFrom(t, 0, c)
	}
	for {
		k := -1
		for j, at := range next {
			if at >= 0 && (k < 0 || at < next[k]) {
				k = j
			}
		}
		if k < 0 {
			return marks
		}
		i, c := next[k], quoteBytes[k]
		next[k] = indexFrom(t, i+1, c)
		r := rune(c)
		if c >= utf8.RuneSelf {
			r, _ = utf8.DecodeRuneInString(t[i:])
			if familyOf(r) == famNone {
				continue
			}
		}
		marks = append(marks, qmark{off: i, r: r, fam: familyOf(r), reservedFor: -1})
	}
}

// indexFrom returns the offset of the first byte c in t at or after from,
// or -1.
func indexFrom(t string, from int, c byte) int {
	if k := strings.IndexByte(t[from:], c); k >= 0 {
		return from + k
	}
	return -1
}

// shapeMarks works out each mark's shape and the hints pairing uses.
// Adjacent marks (."' or "') share the characters around their run.
func shapeMarks(t string, marks []qmark) {
	for i := 0; i < len(marks); {
		j := i + 1
		for j < len(marks) && marks[j].off == marks[j-1].off+runeLen(marks[j-1].r) {
			j++
		}
		start, end := marks[i].off, marks[j-1].off+runeLen(marks[j-1].r)
		for k := i; k < j; k++ {
			shapeMark(t, &marks[k], start, end)
		}
		i = j
	}
	for k := range marks {
		m := &marks[k]
		if m.elided && k+1 < len(marks) && marks[k+1].fam == famSingle &&
			marks[k+1].off == m.off+runeLen(m.r)+1 && (t[m.off+runeLen(m.r)]|0x20) == 'n' {
			marks[k+1].elided = true // rock 'n' roll
		}
		if m.fam == famSingle && m.left == sideDigit && m.r != lsq {
			if n := inchesAfter(t, m.off+runeLen(m.r)); n > 0 {
				m.prime = true
				for l := k + 1; l < len(marks); l++ {
					if marks[l].off == n {
						marks[l].prime = true
						break
					}
				}
			}
		}
	}
}

func shapeMark(t string, m *qmark, start, end int) {
	lb, rb := start, end
	// Guillemets often have a space on their inner side: « Bonjour ».
	switch m.r {
	case laq, lsaq:
		rb = skipInnerSpace(t, rb)
	case raq, rsaq:
		lb = skipInnerSpaceBack(t, lb)
	}
	left, lr := sideBefore(t, lb)
	right, rr, rAt := sideAfter(t, rb)
	m.left = left
	opens := left == sideSpace || left == sideOpen
	closes := right == sideSpace || right == sidePunct
	switch {
	case opens && closes:
		m.shape = shapeFree
	case opens:
		m.shape = shapeOpen
	case closes:
		m.shape = shapeClose
	default:
		m.shape = shapeInner
	}
	if m.fam != famSingle {
		return
	}
	m.leftS = lr == 's' || lr == 'S'
	if left == sidePunct && lr == '.' {
		m.initialism = endsWithInitialism(t[:lb])
		m.possessive = rr == 's' && !isLetterAt(t, rAt+1)
	}
	if m.shape == shapeOpen {
		m.elision, m.elided = isElision(t[rb:])
	}
}

func skipInnerSpace(t string, i int) int {
	if r, n := utf8.DecodeRuneInString(t[i:]); n > 0 && isInnerSpace(r) {
		return i + n
	}
	return i
}

func skipInnerSpaceBack(t string, i int) int {
	if r, n := utf8.DecodeLastRuneInString(t[:i]); n > 0 && isInnerSpace(r) {
		return i - n
	}
	return i
}

func isInnerSpace(r rune) bool { return r == ' ' || r == '\u00a0' || r == '\u202f' || r == '\u2009' }

// sideBefore classifies the character before offset i.
func sideBefore(t string, i int) (kind uint8, r rune) {
	if i == 0 {
		return sideSpace, 0
	}
	r, _ = utf8.DecodeLastRuneInString(t[:i])
	if r == '-' && i >= 2 && t[i-2] == '-' {
		return sideOpen, r // a double hyphen standing for a dash: with,--'Oh!
	}
	return sideOf(r, true), r
}

// sideAfter classifies the character at offset i. An ellipsis (… or two
// or more stops) before a word counts as the word: "...and then".
func sideAfter(t string, i int) (kind uint8, r rune, at int) {
	if i >= len(t) {
		return sideSpace, 0, i
	}
	r, n := utf8.DecodeRuneInString(t[i:])
	kind = sideOf(r, false)
	if r == '…' || r == '.' && strings.HasPrefix(t[i:], "..") {
		j := i + n
		for j < len(t) && (t[j] == '.' || strings.HasPrefix(t[j:], "…")) {
			if t[j] == '.' {
				j++
			} else {
				j += len("…")
			}
		}
		if isLetterAt(t, j) {
			kind = sideLetter
		}
	}
	if kind == sideOpen {
		kind = sideLetter // an opening bracket after a mark starts the quotation
	}
	if kind == sidePunct && (r == '—' || r == '–') {
		kind = sideSpace // "I thought—" she said; the dash ends the quotation
	}
	return kind, r, i
}

// asciiSide classifies ASCII characters for sideOf; dashes are not ASCII.
var asciiSide = func() (t [utf8.RuneSelf]uint8) {
	for c := range t {
		switch {
		case c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\v' || c == '\f':
			t[c] = sideSpace
		case c >= '0' && c <= '9':
			t[c] = sideDigit
		case strings.IndexByte("([{/", byte(c)) >= 0:
			t[c] = sideOpen
		case strings.IndexByte(".,;:!?)]}", byte(c)) >= 0:
			t[c] = sidePunct
		default:
			t[c] = sideLetter
		}
	}
	return t
}()

func sideOf(r rune, before bool) uint8 {
	if r < utf8.RuneSelf {
		return asciiSide[r]
	}
	switch {
	case r == ' ' || r == '\n' || r == '\t' || r == '\r':
		return sideSpace
	case r >= '0' && r <= '9':
		return sideDigit
	case r == '(' || r == '[' || r == '{' || r == '/':
		return sideOpen
	case r == '—' || r == '–':
		if before {
			return sideOpen
		}
		return sidePunct
	case strings.ContainsRune(".,;:!?…)]}", r):
		return sidePunct
	case r < utf8.RuneSelf:
		return sideLetter
	case unicode.IsSpace(r):
		return sideSpace
	case r == '¿' || r == '¡':
		return sideLetter
	}
	return sideLetter
}

// endsWithInitialism reports whether t ends with an initialism and its
// stop: U.S. or D.C.
func endsWithInitialism(t string) bool {
	n := len(t)
	return n >= 4 && t[n-1] == '.' && isLetterASCII(t[n-2]) && t[n-3] == '.' && isLetterASCII(t[n-4])
}

// elisions are words whose first letters are often elided with an
// apostrophe: 'em, 'til, 'cause.
var elisions = setOf("em", "n", "til", "tis", "twas", "twere", "twill", "twould", "cause", "cos", "coz", "cuz",
	"bout", "round", "cept", "fore", "nuff", "kay", "sup", "gainst", "neath", "tween", "ol", "im", "er", "ow",
	"ello", "ave", "alf", "ome", "scuse", "nother", "member", "cross", "course", "less", "prentice", "burbs")

// isElision reports whether s, the text after a mark, starts like an
// elision. Certain ones are always apostrophes: a two-digit year ('90s,
// '08), 'em, and 'n' in rock 'n' roll. Others ('til, 'cause) are unless
// a closing mark proves the mark opens a quotation.
func isElision(s string) (looksLike, certain bool) {
	if len(s) >= 2 && isDigitAt(s, 0) && isDigitAt(s, 1) && !isDigitAt(s, 2) {
		return true, len(s) > 2 && s[2] == 's' // '90s always, '11 only without a closing mark
	}
	end := 0
	for end < len(s) && isLetterASCII(s[end]) {
		end++
	}
	if end == 0 || end < len(s) && (isLetterAt(s, end) || isDigitAt(s, end)) {
		return false, false
	}
	w := strings.ToLower(s[:end])
	return elisions[w], w == "em" || w == "n"
}

// inchesAfter reports where a feet-and-inches measurement continues after
// a foot mark at i (6'2", 5' 11"): the offset of the inch mark, or 0.
func inchesAfter(t string, i int) int {
	if i < len(t) && t[i] == ' ' {
		i++
	}
	d := i
	for i < len(t) && (isDigitAt(t, i) || t[i] == '.' && isDigitAt(t, i+1)) {
		i++
	}
	if strings.HasPrefix(t[i:], "½") {
		i += len("½")
	}
	if i == d || i >= len(t) {
		return 0
	}
	if t[i] == '"' || strings.HasPrefix(t[i:], "\u201d") {
		return i
	}
	return 0
}
