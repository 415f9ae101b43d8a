package boilerplate

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// DefaultMaxWords is the longest line, in words, that can be chrome. A
// rights line may be twice as long.
const DefaultMaxWords = 15

// Builtin returns the built-in phrases: English, then Spanish.
func Builtin() []string {
	return append(append([]string(nil), English...), Spanish...)
}

// ParsePatterns parses a list of phrases; an error names the bad one.
func ParsePatterns(list []string) ([]Pattern, error) {
	out := make([]Pattern, 0, len(list))
	for _, text := range list {
		ph, err := ParsePattern(text)
		if err != nil {
			return nil, err
		}
		out = append(out, ph)
	}
	return out, nil
}

// Matcher recognizes chrome lines. It is read-only once made, so one
// Matcher may serve many goroutines.
type Matcher struct {
	patterns []Pattern
	maxWords int
	// first maps a word to the patterns a line starting with it may
	// match, in order; anyFirst lists the patterns that may start with
	// any word.
	first    map[string][]int
	anyFirst []int
}

// NewMatcher returns a matcher of the patterns, for lines of at most
// maxWords words.
func NewMatcher(patterns []Pattern, maxWords int) (*Matcher, error) {
	if maxWords < 1 {
		return nil, fmt.Errorf("max_words: %d is not a positive number of words", maxWords)
	}
	m := &Matcher{patterns: patterns, maxWords: maxWords, first: map[string][]int{}}
	for i := range patterns {
		words, any := patterns[i].firstWords()
		if any {
			m.anyFirst = append(m.anyFirst, i)
			continue
		}
		for _, w := range words {
			if l := m.first[w]; len(l) == 0 || l[len(l)-1] != i {
				m.first[w] = append(l, i)
			}
		}
	}
	return m, nil
}

// candidates calls fn with the index of each pattern a line starting with
// word w may match, in the patterns' order, until fn returns true.
func (m *Matcher) candidates(w string, fn func(i int) bool) bool {
	a, b := m.first[w], m.anyFirst
	for len(a) > 0 || len(b) > 0 {
		var i int
		if len(b) == 0 || len(a) > 0 && a[0] < b[0] {
			i, a = a[0], a[1:]
		} else {
			i, b = b[0], b[1:]
		}
		if fn(i) {
			return true
		}
	}
	return false
}

// Match is a line found to be chrome.
type Match struct {
	Kind Kind
	// Start and End are the chrome's byte offsets in the line: the whole
	// line less its leading and trailing spaces, or the credit that ends
	// a caption.
	Start, End int
	// Pattern is the phrase that matched; it is empty for photo credits
	// and rows of share buttons.
	Pattern string
}

// Line reports whether a line is chrome. A line is chrome when it is a
// photo credit, when a pattern matches it whole (or the part before its
// colon), or when it is a row of share buttons; a line that opens with a
// quotation mark or reports speech (said, told, dijo) never is. A caption
// that ends with an agency credit yields the credit alone.
func (m *Matcher) Line(line string) (Match, bool) {
	start := len(line) - len(strings.TrimLeftFunc(line, blank))
	end := len(strings.TrimRightFunc(line, blank))
	if start >= end || opensQuote(line[start:]) {
		return Match{}, false
	}
	text := line[start:end]
	if !wordsAtMost(text, 2*m.maxWords) {
		// Too long to be chrome, but a caption may end with a credit.
		if k, ok := trailingCredit(text); ok {
			return Match{Kind: PhotoCredit, Start: start + k, End: end}, true
		}
		return Match{}, false
	}
	if IsCredit(text) {
		return Match{Kind: PhotoCredit, Start: start, End: end}, true
	}
	toks, head := tokens(text)
	if n := len(toks); n > 0 && n <= 2*m.maxWords && !reports(toks) {
		var found *Pattern
		m.candidates(toks[0], func(i int) bool {
			ph := &m.patterns[i]
			limit := m.maxWords
			if ph.Kind == Rights {
				limit *= 2
			}
			if n <= limit && (ph.match(toks) || head > 0 && ph.match(toks[:head])) {
				found = ph
			}
			return found != nil
		})
		if found != nil {
			return Match{Kind: found.Kind, Start: start, End: end, Pattern: found.Text}, true
		}
		if shareBar(toks) {
			return Match{Kind: Share, Start: start, End: end}, true
		}
	}
	if k, ok := trailingCredit(text); ok {
		return Match{Kind: PhotoCredit, Start: start + k, End: end}, true
	}
	return Match{}, false
}

// Repeats reports whether line repeats prev, the line before it, as a
// site name or label pasted twice does: the same normalized text, of two
// words or more and at most the word limit, with no final sentence
// punctuation (so that "Yes." answered twice in a transcript passes), and
// not laid out in columns (a table pasted as text).
func (m *Matcher) Repeats(prev, line string) bool {
	line = strings.TrimFunc(line, blank)
	if line == "" || !wordsAtMost(line, m.maxWords) {
		return false
	}
	if r, _ := utf8.DecodeLastRuneInString(strings.TrimRight(line, `"')]”’»`)); strings.ContainsRune(".?!…", r) {
		return false
	}
	key := Normalize(line)
	if key == "" || key != Normalize(strings.TrimFunc(prev, blank)) || opensQuote(line) ||
		strings.ContainsRune(line, '\t') || strings.Contains(line, "  ") {
		return false
	}
	toks, _ := tokens(line)
	if len(toks) < 2 || len(toks) > m.maxWords {
		return false
	}
	return strings.IndexFunc(key, unicode.IsLetter) >= 0
}

// wordsAtMost reports whether s has at most n words separated by
// spaces, without splitting it.
func wordsAtMost(s string, n int) bool {
	words, in := 0, false
	for _, r := range s {
		if unicode.IsSpace(r) {
			in = false
		} else if !in {
			in = true
			if words++; words > n {
				return false
			}
		}
	}
	return true
}

// blank reports whether r is a space or the mark the draft model puts
// for an image or inline code (U+FFFC).
func blank(r rune) bool { return unicode.IsSpace(r) || r == '\uFFFC' }

// opensQuote reports whether s opens with a quotation mark: a quotation
// is someone's words, not page furniture.
func opensQuote(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return strings.ContainsRune(`"'“‘«„‚‹`, r)
}

// speech holds words that report speech: a line with one is reporting.
var speech = wordSet(`said says say told tells tell according added asked explained wrote writes reported
	announced stated noted argued insisted claimed warned urged recalled dijo dice dicen decia afirmo afirma
	senalo senala explico explica indico indica aseguro asegura segun anadio agrego informo declaro sostuvo
	manifesto preciso apunto destaco comento advirtio`)

// reports reports whether any of toks reports speech.
func reports(toks []string) bool {
	for _, t := range toks {
		if speech[t] {
			return true
		}
	}
	return false
}

// networks are the names on share buttons; buttonWords may sit between
// them.
var (
	networks    = wordSet(`facebook twitter x whatsapp linkedin email e-mail mail pinterest reddit telegram messenger flipboard tumblr bluesky threads sms correo`)
	buttonWords = wordSet(`share print copy link tweet compartir imprimir copiar enlace`)
)

// shareBar reports whether toks are a row of share buttons: only network
// names and button words, with two networks or more.
func shareBar(toks []string) bool {
	seen := map[string]bool{}
	for _, t := range toks {
		switch {
		case networks[t]:
			seen[t] = true
		case !buttonWords[t]:
			return false
		}
	}
	return len(seen) >= 2
}
