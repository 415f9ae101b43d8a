package spell

import (
	_ "embed"
	"fmt"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/language"
)

var (
	//go:embed data/en-US.dafsa
	enUSData []byte
	//go:embed data/en-GB.dafsa
	enGBData []byte
	//go:embed data/en-US.rare.dafsa
	enUSRare []byte
	//go:embed data/en-GB.rare.dafsa
	enGBRare []byte
	//go:embed data/es.dafsa
	esData []byte
	//go:embed data/en.lm
	enLMData []byte
	//go:embed data/en-common.txt
	enCommon string
)

// A Dictionary is one language's word list with, for English, word and
// word-pair frequencies. It is immutable and safe for concurrent use.
type Dictionary struct {
	// Name is the dictionary's language tag: en-US, en-GB or es.
	Name  string
	words *Automaton
	rare  *Automaton // rarer words, or nil
	// frequent holds the commonest words, as written and capitalized: a
	// hash lookup answers most of a story's words before the automaton.
	frequent map[string]struct{}
	lm       *LanguageModel // nil when no frequencies are known
	total    float64        // log₂ of the sum of unigram counts
}

// dictionaries parses each embedded dictionary once, on first use; after
// that a Dictionary is shared read-only.
var dictionaries = map[string]func() (*Dictionary, error){
	"en-US": sync.OnceValues(func() (*Dictionary, error) { return load("en-US", enUSData, enUSRare, englishStats) }),
	"en-GB": sync.OnceValues(func() (*Dictionary, error) { return load("en-GB", enGBData, enGBRare, englishStats) }),
	"es":    sync.OnceValues(func() (*Dictionary, error) { return load("es", esData, nil, nil) }),
}

// stats is a language model with what is derived from it at load time,
// shared by the dictionaries of one language.
type stats struct {
	lm       *LanguageModel
	total    float64
	frequent map[string]struct{}
}

// englishStats parses the English word statistics once for both English
// dictionaries.
var englishStats = sync.OnceValues(func() (*stats, error) {
	lm, err := ParseLanguageModel(enLMData)
	if err != nil {
		return nil, err
	}
	st := &stats{lm: lm, total: lm.logTotal(), frequent: map[string]struct{}{}}
	for _, w := range strings.Split(enCommon, "\n") {
		if w != "" && !strings.HasPrefix(w, "#") {
			st.frequent[w] = struct{}{}
			st.frequent[capitalize(w)] = struct{}{}
		}
	}
	return st, nil
})

func load(name string, words, rare []byte, statsOf func() (*stats, error)) (*Dictionary, error) {
	a, err := ParseAutomaton(words)
	if err != nil {
		return nil, fmt.Errorf("spell: dictionary %s: %w", name, err)
	}
	d := &Dictionary{Name: name, words: a}
	if rare != nil {
		if d.rare, err = ParseAutomaton(rare); err != nil {
			return nil, fmt.Errorf("spell: dictionary %s: %w", name, err)
		}
	}
	if statsOf != nil {
		st, err := statsOf()
		if err != nil {
			return nil, fmt.Errorf("spell: dictionary %s: %w", name, err)
		}
		d.lm, d.total, d.frequent = st.lm, st.total, st.frequent
	}
	return d, nil
}

// DictionaryName returns the name of the dictionary for a language tag:
// en-GB (and other Commonwealth English but Canada) for British spelling,
// es for any Spanish, en-US for other English and for an unknown
// language; "" for a language with no dictionary.
func DictionaryName(tag language.Tag) string {
	base, _ := tag.Base()
	switch base.String() {
	case "und":
		return "en-US"
	case "es":
		return "es"
	case "en":
		region, conf := tag.Region()
		if conf == language.Exact {
			switch region.String() {
			case "GB", "IE", "AU", "NZ", "ZA", "IN":
				return "en-GB"
			}
		}
		return "en-US"
	}
	return ""
}

// Names lists the built-in dictionaries.
func Names() []string { return []string{"en-GB", "en-US", "es"} }

// LoadName returns the built-in dictionary of that name (see Names).
func LoadName(name string) (*Dictionary, bool, error) {
	load, ok := dictionaries[name]
	if !ok {
		return nil, false, nil
	}
	d, err := load()
	return d, err == nil, err
}

// HasNear reports whether any word is within two edits of w.
func (d *Dictionary) HasNear(w string) bool {
	found := false
	d.words.Near(strings.ToLower(w), 2, func(string, int) bool { found = true; return false })
	return found
}

// Load returns the built-in dictionary for tag (see DictionaryName), or
// false when the language has none.
func Load(tag language.Tag) (*Dictionary, bool, error) {
	name := DictionaryName(tag)
	if name == "" {
		return nil, false, nil
	}
	d, err := dictionaries[name]()
	return d, err == nil, err
}

// Contains reports whether the dictionary holds w as written, or, for a
// word capitalized only at its start (as at the start of a sentence), in
// lower case. Curly apostrophes count as straight ones.
func (d *Dictionary) Contains(w string) bool {
	if _, ok := d.frequent[w]; ok {
		return true
	}
	if strings.ContainsRune(w, '’') {
		w = strings.ReplaceAll(w, "’", "'")
	}
	return d.words.containsAsWritten(w)
}

// ProperNoun reports whether the dictionary holds w capitalized, as a
// name: "Smith" and "Monday" are, "Turnout" is not.
func (d *Dictionary) ProperNoun(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r) && d.words.Contains(strings.ReplaceAll(w, "’", "'"))
}

// containsAsWritten reports whether a holds w as written or, for a word
// capitalized only at its start, in lower case.
func (a *Automaton) containsAsWritten(w string) bool {
	if a.Contains(w) {
		return true
	}
	r, n := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r) && !hasUpper(w[n:]) && a.Contains(string(unicode.ToLower(r))+w[n:])
}

// rareShadow is the log₂ count of a common word that makes a rare word
// one slip away from it more likely a slip than itself: "thier" (their),
// "untill" (until), "frome" (from).
const rareShadow = 23.0

// Rare reports whether w is a rare word (SCOWL's larger sizes: trailhead,
// floodwall, amicus) that is not one slip from a common word.
func (d *Dictionary) Rare(w string) bool {
	if d.rare == nil {
		return false
	}
	w = strings.ReplaceAll(w, "’", "'")
	if !d.rare.containsAsWritten(w) {
		return false
	}
	lower := strings.ToLower(w)
	shadowed := false
	d.words.Near(lower, 1, func(c string, _ int) bool {
		if c != lower && d.LogFreq(c) >= rareShadow {
			shadowed = true
			return false
		}
		return true
	})
	return !shadowed
}

// ContainsFolded reports whether the dictionary holds w in some
// capitalization: "english" finds "English".
func (d *Dictionary) ContainsFolded(w string) (string, bool) {
	found := ""
	d.words.Near(w, 0, func(word string, _ int) bool { found = word; return false })
	return found, found != ""
}

// LogFreq returns log₂ of how often w occurs in the frequency list (lower
// case), or 0 when unknown or when the dictionary has no frequencies.
func (d *Dictionary) LogFreq(w string) float64 {
	if d.lm == nil {
		return 0
	}
	return d.lm.LogFreq(strings.ToLower(w))
}

func hasUpper(s string) bool {
	for _, r := range s {
		if unicode.IsUpper(r) {
			return true
		}
	}
	return false
}

// logTotal returns log₂ of the sum of all unigram counts.
func (m *LanguageModel) logTotal() float64 {
	sum := 0.0
	for _, q := range m.freq {
		if q != 0 {
			sum += pow2(dequantize(q))
		}
	}
	if sum == 0 {
		return 0
	}
	return log2(sum)
}

// commonLogFreq is the log₂ count from which a word of the frequency list
// counts as known even when the dictionary lacks it.
const commonLogFreq = 17.0

// Common reports whether w, in lower case, is a frequent word of the
// frequency list, which is larger than the dictionary: livestream,
// cryptocurrency.
func (d *Dictionary) Common(w string) bool {
	return d.lm != nil && d.lm.LogFreq(strings.ToLower(w)) >= commonLogFreq
}

// Spells reports whether every letter of w, in either case, is a letter
// the dictionary's words use: "parāoa" is not English.
func (d *Dictionary) Spells(w string) bool {
	for _, r := range w {
		if d.words.code(r) == 0 && d.words.code(unicode.ToLower(r)) == 0 {
			return false
		}
	}
	return true
}
