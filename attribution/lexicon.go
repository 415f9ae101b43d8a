package attribution

import (
	"strings"
	"sync"

	"golang.org/x/text/language"
)

// Class is what a word can do in an attribution, as a bit set.
type Class uint16

// Word classes.
const (
	// SpeechVerb is a verb of saying, writing or thinking in any form:
	// said, tells, wrote, tweeting, testified, recalled.
	SpeechVerb Class = 1 << iota
	// WeakVerb is a speech verb that is often something else (added 200
	// jobs, called a meeting, noted for, read the report): it attributes
	// only next to a quotation or a speaker.
	WeakVerb
	// Pronoun is a personal pronoun that can name a speaker: he, she,
	// they, I, we and their other cases.
	Pronoun
	// Role is a noun that names a speaker by role or kind: minister,
	// officials, spokeswoman, lawyer, police, company, court.
	Role
	// Source is a noun that names a written or recorded source: statement,
	// interview, report, ruling, indictment, post, letter.
	Source
	// Mention is a noun after which a quotation is named rather than
	// quoted: the phrase "...", the slogan "...", a sign "...".
	Mention
	// Naming is a verb or preposition after which a quotation is a name:
	// called "...", titled "...", known as "...", dubbed "...".
	Naming
	// Function is a closed-class word: articles, prepositions,
	// conjunctions, auxiliaries.
	Function
	// Calendar is a month or weekday name, capitalized but no speaker.
	Calendar
)

// Lexicon is one language's attribution vocabulary. It is immutable and
// safe for concurrent use.
type Lexicon struct {
	// Language is the lexicon's language.
	Language language.Tag
	words    *Index[Class]
	// according is the preposition phrase of attribution: "according to".
	according [2]string
}

// Class returns the classes of a word, in any case.
func (lx *Lexicon) Class(word string) Class {
	c, _ := lx.words.Get(word)
	return c
}

// For returns the lexicon for a draft's language, or nil when the
// language has none. English is the only lexicon so far; a draft with
// no language tag is taken as English.
func For(tag language.Tag) *Lexicon {
	base, _ := tag.Base()
	if tag == language.Und || base.String() == "en" {
		return english()
	}
	return nil
}

// english builds the English lexicon once.
var english = sync.OnceValue(func() *Lexicon {
	words := map[string]Class{}
	lx := &Lexicon{Language: language.English, according: [2]string{"according", "to"}}
	for _, v := range fields(speechVerbs) {
		for _, f := range verbForms(v) {
			words[f] |= SpeechVerb
		}
	}
	for _, f := range fields(irregularForms) {
		words[f] |= SpeechVerb
	}
	for _, v := range fields(weakVerbs) {
		for _, f := range verbForms(v) {
			words[f] |= SpeechVerb | WeakVerb
		}
	}
	for _, f := range fields(weakIrregularForms) {
		words[f] |= SpeechVerb | WeakVerb
	}
	add := func(list string, c Class) {
		for _, w := range fields(list) {
			words[w] |= c
		}
	}
	add(pronouns, Pronoun)
	for _, n := range fields(roles) {
		words[n] |= Role
		words[plural(n)] |= Role
	}
	add(collectiveRoles, Role)
	for _, n := range fields(sources) {
		words[n] |= Source
		words[plural(n)] |= Source
	}
	for _, n := range fields(mentions) {
		words[n] |= Mention
		words[plural(n)] |= Mention
	}
	add(naming, Naming)
	add(functionWords, Function)
	add(calendar, Calendar)
	lx.words = NewIndex[Class]()
	for w, c := range words {
		lx.words.Set(w, c)
	}
	return lx
})

func fields(s string) []string { return strings.Fields(s) }

// verbForms returns a regular verb's forms: say-style irregulars are
// listed separately.
func verbForms(base string) []string {
	forms := []string{base}
	last := base[len(base)-1]
	switch {
	case strings.HasSuffix(base, "e"):
		forms = append(forms, base+"s", base+"d", base[:len(base)-1]+"ing")
	case last == 'y' && !strings.ContainsRune("aeiou", rune(base[len(base)-2])):
		forms = append(forms, base[:len(base)-1]+"ies", base[:len(base)-1]+"ied", base+"ing")
	case strings.HasSuffix(base, "s") || strings.HasSuffix(base, "sh") || strings.HasSuffix(base, "ch") || strings.HasSuffix(base, "x"):
		forms = append(forms, base+"es", base+"ed", base+"ing")
	default:
		forms = append(forms, base+"s", base+"ed", base+"ing")
	}
	return forms
}

// plural returns a regular noun's plural.
func plural(n string) string {
	switch {
	case strings.HasSuffix(n, "man"):
		return n[:len(n)-3] + "men"
	case strings.HasSuffix(n, "y") && len(n) > 1 && !strings.ContainsRune("aeiou", rune(n[len(n)-2])):
		return n[:len(n)-1] + "ies"
	case strings.HasSuffix(n, "s") || strings.HasSuffix(n, "sh") || strings.HasSuffix(n, "ch") || strings.HasSuffix(n, "x"):
		return n + "es"
	}
	return n + "s"
}

// Lower returns a word in lower case, without allocating for a word
// already in lower case.
func Lower(w string) string { return lower(w) }

// Inflect returns the forms of a regular verb, with consonant doubling
// where the spelling allows it (admitted), each mapped to the matching
// form of "say": claims to says, claimed to said, claiming to saying.
func Inflect(base string) map[string]string {
	out := map[string]string{base: "say"}
	if base == "" {
		return out
	}
	forms := verbForms(base)
	out[forms[1]] = "says"
	out[forms[2]] = "said"
	out[forms[3]] = "saying"
	// admit → admitted, admitting: a final consonant after one vowel.
	n := len(base)
	if n >= 3 && !isVowel(base[n-1]) && isVowel(base[n-2]) && !isVowel(base[n-3]) && !strings.ContainsRune("wxy", rune(base[n-1])) {
		out[base+base[n-1:]+"ed"] = "said"
		out[base+base[n-1:]+"ing"] = "saying"
	}
	return out
}

func isVowel(c byte) bool { return strings.IndexByte("aeiou", c) >= 0 }
