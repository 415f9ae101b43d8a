package rules

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"github.com/newslint/newslint/draft"
	"github.com/newslint/newslint/lint"
	"github.com/newslint/newslint/spell"
)

// spellCheck is what typo knows about one draft while checking it: its
// dictionaries, the words the draft itself marks as names, and which
// quotations are in another language.
type spellCheck struct {
	pass   *lint.Pass
	dict   *spell.Dictionary   // the draft's language
	extra  []*spell.Dictionary // languages the draft mixes in
	names  map[string]bool     // stems capitalized in mid-sentence somewhere
	counts map[string]int      // uses of each lower-case stem in the draft

	knownCache map[string]bool // answers of known, by word

	para    *draft.Paragraph
	foreign []bool  // per quotation of para: in another language
	plain   []uint8 // per word of para: 0 not yet known, 1 plain dictionary word, 2 not
}

// newSpellCheck returns the checker for a draft, or nil when its language
// has no dictionary.
func newSpellCheck(p *lint.Pass) *spellCheck {
	dict, ok, err := spell.Load(p.Language)
	if !ok || err != nil {
		return nil
	}
	c := &spellCheck{pass: p, dict: dict, knownCache: map[string]bool{}}
	// British spelling is not a slip in American copy, nor the reverse:
	// the other English accepts its words too (a style rule may prefer one).
	for _, name := range []string{"en-US", "en-GB"} {
		if strings.HasPrefix(dict.Name, "en") && name != dict.Name {
			if d, ok, err := spell.LoadName(name); ok && err == nil {
				c.extra = append(c.extra, d)
			}
		}
	}
	for _, tag := range p.Languages {
		if d, ok, err := spell.Load(tag); ok && err == nil && d != dict {
			c.extra = append(c.extra, d)
		}
	}
	c.names = draftNames(p.Doc)
	return c
}

// uses returns how often a lower-case stem is used in the draft. The
// counts are made on first use: most drafts never need them.
func (c *spellCheck) uses(stem string) int {
	if c.counts == nil {
		c.counts = map[string]int{}
		for pi := range c.pass.Doc.Paragraphs {
			for _, w := range c.pass.Doc.Paragraphs[pi].Words {
				if w.Kind == draft.WordPlain {
					st, _ := stemOf(w.Text)
					c.counts[strings.ToLower(st)]++
				}
			}
		}
	}
	return c.counts[strings.ToLower(stem)]
}

// draftNames returns the capitalized words that the draft uses in
// mid-sentence or next to another capitalized word: its names.
func draftNames(doc *draft.Document) map[string]bool {
	names := map[string]bool{}
	for pi := range doc.Paragraphs {
		para := &doc.Paragraphs[pi]
		for si := range para.Sentences {
			words := para.Sentences[si].Words
			for i, w := range words {
				if w.Kind != draft.WordPlain || !w.Capitalized() {
					continue
				}
				nextCap := i+1 < len(words) && words[i+1].Capitalized() && adjacent(para, w, words[i+1])
				if i > 0 && !opensQuote(para, words[i-1], w) || nextCap {
					stem, _ := stemOf(w.Text)
					names[stem] = true
					for _, part := range para.Parts(w) {
						stem, _ := stemOf(part.Text)
						names[stem] = true
					}
				}
			}
		}
	}
	return names
}

// adjacent reports whether only spaces separate two words: "Chidi
// Nwachukwu", not "Lagos. Nwachukwu".
func adjacent(para *draft.Paragraph, a, b draft.Word) bool {
	return strings.TrimSpace(para.Text[a.End():b.Off]) == ""
}

// opensQuote reports whether a quoted sentence starts at b: an opening
// quotation mark after a comma, colon or dash (she said, "We...). A
// quotation that follows a word directly is more likely a title (the
// "Nightline" show) or a partial quotation.
func opensQuote(para *draft.Paragraph, a, b draft.Word) bool {
	gap := para.Text[a.End():b.Off]
	return strings.ContainsAny(gap, "\"“‘«„") && strings.ContainsAny(gap, ",:—")
}

// paragraph prepares for checking para: which of its quotations are in
// another language. It returns false when the whole paragraph seems to be.
func (c *spellCheck) paragraph(para *draft.Paragraph) bool {
	c.para = para
	c.plain = append(c.plain[:0], make([]uint8, len(para.Words))...)
	var t tally
	for k, w := range para.Words {
		c.count(&t, w, w.Kind == draft.WordPlain && !w.Capitalized() && c.plainAt(k))
	}
	if t.unknown >= 3 && t.unknown*5 >= t.checked {
		// A fifth of the words unknown: another language, or not prose.
		return false
	}
	c.foreign = c.foreign[:0]
	for _, q := range para.Quotations {
		c.foreign = append(c.foreign, c.foreignText(para, q))
	}
	return true
}

// foreignText reports whether a quotation is in another language: at
// least three checkable words, most of them unknown.
func (c *spellCheck) foreignText(para *draft.Paragraph, q draft.Quotation) bool {
	start, end := q.TextRange(para)
	var t tally
	for _, w := range para.Words {
		if w.Off >= start && w.End() <= end {
			c.count(&t, w, false)
		}
	}
	return t.checked >= 3 && t.unknown*2 > t.checked || t.foreign()
}

// foreignSentence reports whether most of a sentence's lower-case words
// are unknown: a sentence in another language, or not prose at all.
func (c *spellCheck) foreignSentence(para *draft.Paragraph, s *draft.Sentence) bool {
	var t tally
	for i, w := range s.Words {
		c.count(&t, w, w.Kind == draft.WordPlain && c.plainAt(c.wordIndex(s, i)))
	}
	return t.checked >= 4 && t.unknown*5 > t.checked*3 || t.foreign()
}

// tally counts a run of words: the lower-case words checked, the unknown
// ones, and the unknown ones another built-in dictionary knows.
type tally struct{ checked, unknown, elsewhere int }

// foreign reports whether the unknown words are mostly another language's.
func (t tally) foreign() bool { return t.unknown >= 2 && t.elsewhere*5 >= t.unknown*4 }

// count adds a word to t; plain says it is already known as a plain
// dictionary word.
func (c *spellCheck) count(t *tally, w draft.Word, plain bool) {
	if w.Kind != draft.WordPlain || w.Capitalized() {
		return
	}
	if plain {
		t.checked++
		return
	}
	stem, _ := stemOf(w.Text)
	if !c.checkable(stem) {
		return
	}
	t.checked++
	if !c.known(stem) {
		t.unknown++
		if c.knownElsewhere(stem) {
			t.elsewhere++
		}
	}
}

// skipped reports whether w lies in a quotation in another language.
func (c *spellCheck) skipped(para *draft.Paragraph, w draft.Word) bool {
	for k, q := range para.Quotations {
		if k < len(c.foreign) && c.foreign[k] {
			if s, e := q.TextRange(para); w.Off >= s && w.End() <= e {
				return true
			}
		}
	}
	return false
}

// quoted reports whether w lies in a quotation or a block quotation.
func (c *spellCheck) quoted(para *draft.Paragraph, w draft.Word) bool {
	if para.Quote {
		return true
	}
	for _, q := range para.Quotations {
		if s, e := q.TextRange(para); w.Off >= s && w.End() <= e {
			return true
		}
	}
	return false
}

// plainKnown reports whether w is a plain word (no apostrophe, hyphen or
// inner capital) of the draft's dictionary: the fast path most words take.
func (c *spellCheck) plainKnown(w string) bool {
	return !strings.ContainsAny(w, "'’-\u2010\u2011") && !hasUpperAfterFirst(w) && c.dict.Contains(w)
}

// plainAt is plainKnown for the k-th word of the current paragraph,
// worked out once for the paragraph's three passes.
func (c *spellCheck) plainAt(k int) bool {
	if c.plain[k] == 0 {
		c.plain[k] = 2
		if c.plainKnown(c.para.Words[k].Text) {
			c.plain[k] = 1
		}
	}
	return c.plain[k] == 1
}

// wordIndex returns the index in the current paragraph of the i-th word
// of s: a sentence's words are a run of the paragraph's.
func (c *spellCheck) wordIndex(s *draft.Sentence, i int) int {
	if len(s.Words) == 0 {
		return 0
	}
	first := s.Words[0].Off
	words := c.para.Words
	return sort.Search(len(words), func(k int) bool { return words[k].Off >= first }) + i
}

// known reports whether a dictionary or the vocabulary knows w. Answers
// are kept for the draft: a word's second use costs a map lookup.
func (c *spellCheck) known(w string) bool {
	if k, ok := c.knownCache[w]; ok {
		return k
	}
	k := c.lookup(w)
	c.knownCache[w] = k
	return k
}

// lookup is known without the cache.
func (c *spellCheck) lookup(w string) bool {
	if c.dict.Contains(w) || c.pass.Vocabulary.Accepts(w) {
		return true
	}
	for _, d := range c.extra {
		if d.Contains(w) {
			return true
		}
	}
	// A word of the frequency list, which is larger than the dictionary.
	if c.dict.Common(w) {
		return true
	}
	// Accents written or left out: résumé, doppelgangers.
	if plain := withoutAccents(w); plain != w && c.dict.Contains(plain) {
		return true
	}
	if isASCII(w) && strings.HasPrefix(c.dict.Name, "en") { // in Spanish, a missing accent is a slip
		if found, ok := c.dict.ContainsFolded(w); ok && withoutAccents(found) == w {
			return true
		}
	}
	// A contraction of a known word: there'll, who've.
	if i := strings.LastIndexAny(w, "'’"); i > 0 {
		_, n := utf8.DecodeRuneInString(w[i:])
		switch strings.ToLower(w[i+n:]) {
		case "ll", "ve", "d", "re", "m", "s":
			if stem := w[:i]; c.dict.Contains(stem) {
				return true
			}
		}
	}
	// A rarer word or a closed compound (trailhead), unless it is a small
	// slip from a common word.
	if (c.dict.Rare(w) || c.dict.Compound(w)) && !c.dict.LikelySlip(w) {
		return true
	}
	// A derived form (schoolers, chiles), unless it is a small slip from a
	// word at least a quarter as common as its base.
	if base, ok := c.derived(w); ok {
		return !c.dict.LikelySlipAbove(w, c.dict.LogFreq(base)-2)
	}
	return false
}

// withoutAccents returns w with its diacritics removed: résumé, resume.
func withoutAccents(w string) string {
	if isASCII(w) {
		return w
	}
	var b strings.Builder
	for _, r := range norm.NFD.String(w) {
		if !unicode.Is(unicode.Mn, r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// knownElsewhere reports whether another built-in dictionary, one the
// draft does not declare, knows w: a sign of a phrase in another language.
func (c *spellCheck) knownElsewhere(w string) bool {
	for _, name := range spell.Names() {
		if name == c.dict.Name || strings.HasPrefix(name, "en") == strings.HasPrefix(c.dict.Name, "en") {
			continue
		}
		if d, ok, err := spell.LoadName(name); ok && err == nil && d.Contains(w) {
			return true
		}
	}
	return false
}

// vocabAccepts reports whether the vocabulary accepts a word as written
// or its stem.
func (c *spellCheck) vocabAccepts(text, stem string) bool {
	v := c.pass.Vocabulary
	return v.Accepts(text) || v.Accepts(stem)
}

// term reports whether an unknown lower-case word is used as a term: at
// least three times in the draft, and not one of the cheapest slips
// (a doubled letter, a transposition) of a common word. Writers repeat jargon (forex, telework); a slip is usually made
// once.
func (c *spellCheck) term(stem string) bool {
	return c.uses(stem) >= 3 && !c.dict.CheapSlip(stem)
}

// vowelless reports whether a short word has no vowel: bpd, gmt, nbt are
// abbreviations, not words.
func vowelless(w string) bool {
	return utf8.RuneCountInString(w) <= 5 && !strings.ContainsAny(strings.ToLower(w), "aeiouyáéíóúü")
}

// units are lower-case unit symbols and abbreviations of news copy.
var units = wordSet(`km kg mg mcg ml cl dl mm cm nm µm mi ft yd lb lbs oz mph kph kmh kw kwh mw mwh gw gwh tw twh ns µs ms
	kb mb gb tb pb kbps mbps gbps ghz mhz khz hz db dba ppm ppb bpm rpm psi mpg hp cc sq hr hrs mins secs
	km² m² ha bn tn mln bln pct dlrs yr yrs`)

// checkable reports whether a word should be looked up at all: letters
// (with inner apostrophes), two or more, not all capitals (an
// abbreviation), no capital after the first letter (iPhone, McCain), not
// a unit.
func (c *spellCheck) checkable(w string) bool {
	if len(w) < 2 || len(w) <= 5 && units[strings.ToLower(w)] {
		return false
	}
	upper := 0
	for i, r := range w {
		switch {
		case unicode.IsUpper(r):
			upper++
			if i > 0 {
				return false
			}
		case unicode.IsLetter(r), r == '\'':
		default:
			return false
		}
	}
	// A letter no dictionary of the draft uses (the macron of parāoa)
	// marks a word of another language.
	return isASCII(w) || c.dict.Spells(w)
}

// sic reports whether [sic] or (sic) follows offset off.
func (c *spellCheck) sic(para *draft.Paragraph, off int) bool {
	rest := strings.TrimLeft(para.Text[off:], " \u00a0'’\"”,.")
	if len(rest) < 5 {
		return false
	}
	head := strings.ToLower(rest[:5])
	return head == "[sic]" || head == "(sic)"
}

// sentenceStart reports whether the i-th word of s stands where any word
// is capitalized: first in the sentence, or first in a quotation or
// parenthesis.
func (c *spellCheck) sentenceStart(para *draft.Paragraph, s *draft.Sentence, i int) bool {
	return i == 0 || opensQuote(para, s.Words[i-1], s.Words[i])
}

// isName reports whether the draft marks a capitalized word as a name.
func (c *spellCheck) isName(w string) bool { return c.names[w] }

// context returns the words around a word for ranking corrections.
func (c *spellCheck) context(s *draft.Sentence, i int, w, part draft.Word) spell.Context {
	var ctx spell.Context
	if part.Off == w.Off && i > 0 && s.Words[i-1].Kind == draft.WordPlain {
		ctx.Prev = normalizeApostrophes(s.Words[i-1].Text)
	}
	if part.End() == w.End() && i+1 < len(s.Words) && s.Words[i+1].Kind == draft.WordPlain {
		ctx.Next = normalizeApostrophes(s.Words[i+1].Text)
	}
	return ctx
}

// stemOf strips a possessive or a trailing apostrophe (students',
// Sheinbaum's) from a word, returning the stem and its length in the
// word.
func stemOf(w string) (string, int) {
	if strings.HasPrefix(w, "'") || strings.HasPrefix(w, "’") {
		return "", 0 // an elision ('em, 'til, 'n'): not a word to look up
	}
	n := len(w)
	for _, suffix := range []string{"'s", "’s", "'S", "’S"} {
		if strings.HasSuffix(w, suffix) && len(w) > len(suffix) {
			n = len(w) - len(suffix)
			return w[:n], n
		}
	}
	for _, suffix := range []string{"'", "’"} {
		if strings.HasSuffix(w, suffix) {
			n = len(w) - len(suffix)
			return w[:n], n
		}
	}
	return w, n
}

func normalizeApostrophes(w string) string {
	if strings.ContainsRune(w, '’') {
		return strings.ReplaceAll(w, "’", "'")
	}
	return w
}

func isCapitalizedWord(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r)
}

func hasUpperAfterFirst(w string) bool {
	_, n := utf8.DecodeRuneInString(w)
	return strings.IndexFunc(w[n:], unicode.IsUpper) >= 0
}

// matchCase capitalizes repl when w is capitalized.
func matchCase(repl, w string) string {
	if !isCapitalizedWord(w) || isCapitalizedWord(repl) {
		return repl
	}
	r, n := utf8.DecodeRuneInString(repl)
	return string(unicode.ToUpper(r)) + repl[n:]
}

// followedByApostrophe reports whether an apostrophe follows offset off.
func followedByApostrophe(para *draft.Paragraph, off int) bool {
	rest := para.Text[off:]
	return strings.HasPrefix(rest, "'") || strings.HasPrefix(rest, "’")
}

// derivations are productive endings that word lists do not list for
// every word: schoolers, cringey, minerality. Endings that make verb
// forms (-ed, -ing) and adverbs (-ly) are left out: the word lists have
// those for every word that takes them, so a missing one is a slip
// (trafficed, oftenly).
var derivations = []string{"s", "er", "ers", "r", "rs", "y", "ey", "ier", "iest", "ness", "ity", "ism", "ist",
	"ists", "ize", "ized", "izing", "ise", "ised", "ising"}

// derived returns the base of w when w is a known word with a productive
// ending: a word of four letters or more for the plural s, a dictionary
// word of five letters or more for the other endings, or a known -ize
// word for a British -ise form (alchemised). Shorter bases are left out,
// since "maner" is a slip for "manner", not one who mans.
func (c *spellCheck) derived(w string) (string, bool) {
	lw := strings.ToLower(w)
	for _, suffix := range derivations {
		base, ok := strings.CutSuffix(lw, suffix)
		if !ok {
			continue
		}
		n := utf8.RuneCountInString(base)
		if n < 4 || n < 5 && suffix != "s" {
			continue
		}
		if c.dict.Contains(base) || c.dict.Common(base) {
			return base, true
		}
		if suffix != "s" && c.dict.Contains(base+"e") { // cringey
			return base + "e", true
		}
	}
	if i := strings.LastIndex(lw, "is"); i > 0 {
		switch lw[i+2:] {
		case "e", "ed", "es", "ing", "ation", "ations":
			if z := lw[:i] + "iz" + lw[i+2:]; c.dict.Contains(z) {
				return z, true
			}
		}
	}
	return "", false
}

// foreignNeighbour reports whether the i-th word of s sits in a run of
// foreign words: next to another unknown lower-case word (ang buong
// statement, von der Leyen), or between two capitalized words (Bouffes du
// Nord). Slips rarely come in pairs.
func (c *spellCheck) foreignNeighbour(para *draft.Paragraph, s *draft.Sentence, i int) bool {
	w := s.Words[i]
	if w.Capitalized() {
		return false
	}
	stem, _ := stemOf(w.Text)
	if !c.checkable(stem) || c.known(stem) {
		return false
	}
	unknownAt := func(k int) bool {
		if k < 0 || k >= len(s.Words) {
			return false
		}
		x := s.Words[k]
		if x.Kind != draft.WordPlain || x.Capitalized() || !adjacent(para, s.Words[min(i, k)], s.Words[max(i, k)]) {
			return false
		}
		st, _ := stemOf(x.Text)
		return c.checkable(st) && !vowelless(st) && !c.known(st)
	}
	capitalAt := func(k int) bool {
		return k >= 0 && k < len(s.Words) && s.Words[k].Capitalized() && adjacent(para, s.Words[min(i, k)], s.Words[max(i, k)])
	}
	if (unknownAt(i-1) || unknownAt(i+1)) && !c.dict.LikelySlip(stem) {
		return true // not "cyber activites"
	}
	// A particle of a name: Bouffes du Nord, Ursula von der Leyen; not a
	// doubled letter: Prince andd Princess.
	if !capitalAt(i-1) || c.dict.SlipWithin(stem, 0.5) {
		return false
	}
	return capitalAt(i+1) || i+2 < len(s.Words) && !s.Words[i+1].Capitalized() &&
		utf8.RuneCountInString(s.Words[i+1].Text) <= 3 && capitalAt(i+2) && adjacent(para, s.Words[i+1], s.Words[i+2])
}

func isHyphen(r rune) bool { return r == '-' || r == '\u2010' || r == '\u2011' }

// inDottedName reports whether w is joined without a space to a dot,
// slash or underscore and more letters: a domain (thewest.com.au), a file
// extension (.rar), a path or an identifier, not prose.
func (c *spellCheck) inDottedName(para *draft.Paragraph, w draft.Word) bool {
	before, after := para.Text[:w.Off], para.Text[w.End():]
	if before != "" {
		switch before[len(before)-1] {
		case '.', '/', '\\', '_':
			return true
		}
	}
	if len(after) >= 2 {
		switch after[0] {
		case '.', '/', '\\', '_':
			r, _ := utf8.DecodeRuneInString(after[1:])
			return unicode.IsLetter(r) || unicode.IsDigit(r)
		}
	}
	return false
}

// partsKnown reports whether every part of a hyphenated compound is a
// dictionary word, a name, or too short to check (co-chairs, mid-May).
func (c *spellCheck) partsKnown(parts []draft.Word) bool {
	for _, p := range parts {
		stem, _ := stemOf(p.Text)
		if utf8.RuneCountInString(stem) > 4 && !isCapitalizedWord(stem) && !c.dict.Contains(stem) {
			return false
		}
	}
	return true
}
