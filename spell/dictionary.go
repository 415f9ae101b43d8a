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
	//go:embed data/es.dafsa
	esData []byte
	//go:embed data/en.lm
	enLMData []byte
)

// A Dictionary is one language's word list with, for English, word and
// word-pair frequencies. It is immutable and safe for concurrent use.
type Dictionary struct {
	// Name is the dictionary's language tag: en-US, en-GB or es.
	Name  string
	words *Automaton
	lm    *LanguageModel // nil when no frequencies are known
	total float64        // log₂ of the sum of unigram counts
}

// dictionaries parses each embedded dictionary once, on first use; after
// that a Dictionary is shared read-only.
var dictionaries = map[string]func() (*Dictionary, error){
	"en-US": sync.OnceValues(func() (*Dictionary, error) { return load("en-US", enUSData, enLMData) }),
	"en-GB": sync.OnceValues(func() (*Dictionary, error) { return load("en-GB", enGBData, enLMData) }),
	"es":    sync.OnceValues(func() (*Dictionary, error) { return load("es", esData, nil) }),
}

func load(name string, words, lm []byte) (*Dictionary, error) {
	a, err := ParseAutomaton(words)
	if err != nil {
		return nil, fmt.Errorf("spell: dictionary %s: %w", name, err)
	}
	d := &Dictionary{Name: name, words: a}
	if lm != nil {
		if d.lm, err = ParseLanguageModel(lm); err != nil {
			return nil, fmt.Errorf("spell: dictionary %s: %w", name, err)
		}
		d.total = d.lm.logTotal()
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
	if strings.ContainsRune(w, '’') {
		w = strings.ReplaceAll(w, "’", "'")
	}
	if d.words.Contains(w) {
		return true
	}
	r, n := utf8.DecodeRuneInString(w)
	if unicode.IsUpper(r) && !hasUpper(w[n:]) {
		return d.words.Contains(string(unicode.ToLower(r)) + w[n:])
	}
	return false
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
