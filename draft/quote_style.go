package draft

import "golang.org/x/text/language"

// QuoteStyle is how a language writes quotations: which marks open and
// close them at each nesting level, and which curly marks replace straight
// ones.
type QuoteStyle struct {
	Name string // "American English"
	// Levels holds the pairs for each nesting level, outermost first: “ ”
	// then ‘ ’ in American English. It is empty for languages whose
	// nesting order newslint does not check.
	Levels []QuotePair
	// Double and Single are the curly pairs that stand for straight " and '.
	Double, Single QuotePair
	// Apostrophe is the typographic apostrophe, ’.
	Apostrophe rune

	// Pairs lists every pair the language uses, at any level, including
	// alternatives (German » « as well as „ “).
	Pairs []QuotePair
	// nested is set when the language's nesting order is checked; ordered
	// when each depth has its own marks, cycling through Levels.
	nested, ordered bool

	glyphs map[rune]glyphUse
	// continuers are marks that may reopen a guillemet quotation at the
	// start of a continuing paragraph (» in Spanish, « in French).
	continuers string
}

// QuotePair is an opening mark and its closing mark.
type QuotePair struct{ Open, Close rune }

// String returns the pair as text: “ ”.
func (p QuotePair) String() string { return string(p.Open) + " " + string(p.Close) }

// glyphUse says how a curly mark may be used in a language: as an opening
// mark, as a closing mark. 0 means it may; notUsed means the mark plays no
// such part and is ignored there; any other rune is the mark that belongs
// in that place instead.
type glyphUse struct{ asOpen, asClose rune }

const notUsed = -1

const (
	ldq   = '\u201c' // “
	rdq   = '\u201d' // ”
	lsq   = '\u2018' // ‘
	rsq   = '\u2019' // ’
	lowdq = '\u201e' // „
	lowsq = '\u201a' // ‚
	laq   = '\u00ab' // «
	raq   = '\u00bb' // »
	lsaq  = '\u2039' // ‹
	rsaq  = '\u203a' // ›
)

var (
	englishGlyphs = map[rune]glyphUse{
		ldq: {0, rdq}, rdq: {ldq, 0}, lsq: {0, rsq},
		rsq: {lsq, 0}, lowdq: {0, notUsed}, lowsq: {0, notUsed},
	}
	romanceGlyphs = map[rune]glyphUse{
		ldq: {0, rdq}, rdq: {ldq, 0}, lsq: {0, rsq},
		rsq: {lsq, 0}, lowdq: {0, notUsed}, lowsq: {0, notUsed},
		laq: {0, raq}, raq: {laq, 0}, lsaq: {0, rsaq}, rsaq: {lsaq, 0},
	}
	germanGlyphs = map[rune]glyphUse{
		lowdq: {0, ldq}, ldq: {lowdq, 0}, rdq: {lowdq, ldq},
		lowsq: {0, notUsed}, lsq: {lowsq, 0}, rsq: {notUsed, lsq},
	}
	otherGlyphs = map[rune]glyphUse{lowdq: {0, notUsed}, lowsq: {0, notUsed}}
)

// Quote styles.
var (
	englishPairs  = []QuotePair{{ldq, rdq}, {lsq, rsq}}
	americanStyle = QuoteStyle{Name: "American English", nested: true, ordered: true,
		Levels: englishPairs, Pairs: englishPairs,
		Double: QuotePair{ldq, rdq}, Single: QuotePair{lsq, rsq}, Apostrophe: rsq, glyphs: englishGlyphs}
	britishStyle = QuoteStyle{Name: "British English", nested: true, ordered: true,
		Levels: []QuotePair{{lsq, rsq}, {ldq, rdq}}, Pairs: englishPairs,
		Double: QuotePair{ldq, rdq}, Single: QuotePair{lsq, rsq}, Apostrophe: rsq, glyphs: englishGlyphs}
	spanishStyle = QuoteStyle{Name: "Spanish", nested: true,
		Levels: []QuotePair{{laq, raq}, {ldq, rdq}, {lsq, rsq}},
		Pairs:  []QuotePair{{laq, raq}, {ldq, rdq}, {lsq, rsq}, {lsaq, rsaq}},
		Double: QuotePair{ldq, rdq}, Single: QuotePair{lsq, rsq}, Apostrophe: rsq, glyphs: romanceGlyphs,
		continuers: "«»"}
	frenchStyle = QuoteStyle{Name: "French",
		Pairs:  []QuotePair{{laq, raq}, {ldq, rdq}, {lsaq, rsaq}, {lsq, rsq}},
		Double: QuotePair{ldq, rdq}, Single: QuotePair{lsq, rsq}, Apostrophe: rsq, glyphs: romanceGlyphs,
		continuers: "«»"}
	germanStyle = QuoteStyle{Name: "German", nested: true,
		Levels: []QuotePair{{lowdq, ldq}, {lowsq, lsq}},
		Pairs:  []QuotePair{{lowdq, ldq}, {lowsq, lsq}, {raq, laq}, {rsaq, lsaq}, {laq, raq}, {lsaq, rsaq}},
		Double: QuotePair{lowdq, ldq}, Single: QuotePair{lowsq, lsq}, Apostrophe: rsq, glyphs: germanGlyphs}
	otherStyle = QuoteStyle{Name: "other languages",
		Double: QuotePair{ldq, rdq}, Single: QuotePair{lsq, rsq}, Apostrophe: rsq, glyphs: otherGlyphs}

	// foreignPairs are the pairs other languages use, accepted around a
	// quotation whose opening mark the draft's language does not use: a
	// German title in an English story.
	foreignPairs = []QuotePair{{ldq, rdq}, {lsq, rsq}, {lowdq, ldq}, {lowdq, rdq}, {lowsq, lsq}, {lowsq, rsq},
		{laq, raq}, {raq, laq}, {lsaq, rsaq}, {rsaq, lsaq}, {rdq, rdq}, {rsq, rsq}, {raq, raq}}
)

// QuoteStyleFor returns the quotation style of a language: American
// English for English other than en-GB and for an unknown language
// (language.Und), British English for en-GB, Spanish, French and German.
// Other languages get a lenient style that pairs any marks and checks no
// nesting.
func QuoteStyleFor(tag language.Tag) QuoteStyle {
	base, conf := tag.Base()
	if conf == language.No || tag == language.Und {
		return americanStyle
	}
	switch base.String() {
	case "en":
		if region, c := tag.Region(); c == language.Exact && region.String() == "GB" {
			return britishStyle
		}
		return americanStyle
	case "es":
		return spanishStyle
	case "fr":
		return frenchStyle
	case "de":
		return germanStyle
	}
	return otherStyle
}

// Rank returns the nesting level a quotation's marks belong to in the
// style, or -1 when the marks are not among its levels (a foreign
// quotation, or a style that does not check nesting). Straight marks rank
// as the curly ones they stand for.
func (s *QuoteStyle) Rank(open rune) int {
	switch open {
	case '"':
		open = s.Double.Open
	case '\'':
		open = s.Single.Open
	}
	for i, p := range s.Levels {
		if p.Open == open {
			return i
		}
	}
	return -1
}

// use returns how the style uses a curly mark.
func (s *QuoteStyle) use(r rune) glyphUse { return s.glyphs[r] }

// validPair reports whether a quotation opened with open may close with
// close in this style: a pair of the language, a foreign pair around a
// quotation the language would not open that way, or any pair with a
// straight mark on one side, which the mismatch check handles.
func (s *QuoteStyle) validPair(open, close rune) bool {
	own := false
	for _, p := range s.Pairs {
		if p.Open == open {
			if p.Close == close {
				return true
			}
			own = true
		}
	}
	if own {
		return false
	}
	for _, p := range foreignPairs {
		if p.Open == open && p.Close == close {
			return true
		}
	}
	return false
}

// Nested reports whether the style's nesting order is checked: a
// quotation inside a quotation must use the next level's marks.
func (s *QuoteStyle) Nested() bool { return s.nested }

// Ordered reports whether each nesting depth has its own marks, cycling
// through Levels (English), rather than each level only having to go
// deeper than the one around it (Spanish, German).
func (s *QuoteStyle) Ordered() bool { return s.ordered }
