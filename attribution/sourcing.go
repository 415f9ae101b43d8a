package attribution

import (
	"strings"
	"unicode/utf8"

	"github.com/newslint/newslint/draft"
	"github.com/newslint/newslint/spell"
	"golang.org/x/text/language"
)

// Doc is a draft seen for attribution: paragraph views made on demand.
type Doc struct {
	D  *draft.Document
	Lx *Lexicon
	// views holds a view per paragraph, made on first use; made says
	// which are made. The views share two arenas.
	views        []Para
	made         []bool
	ints         []int32
	cls          []Class
	names        map[string]int // capitalized words met inside sentences
	namesCounted bool           // names holds every such word
	// introduced caches IntroducedEarlier: for each role noun, the first
	// place it is qualified, as paragraph and word.
	introduced map[string][2]int
}

// Names returns how many times a capitalized word is used inside a
// sentence (not opening it) in the draft's prose: a word used so is a
// name rather than a capitalized common word. A short draft is searched
// for each word asked about; a long one is counted once.
func (d *Doc) Names(w string) int {
	if d.names == nil {
		d.names = map[string]int{}
		if len(d.D.Src) > namesScanLimit {
			d.countNames()
		}
	}
	if n, ok := d.names[w]; ok || d.namesCounted {
		return n
	}
	n := 0
	for pi := range d.D.Paragraphs {
		p := &d.D.Paragraphs[pi]
		if !Prose(p) || !strings.Contains(p.Text, w) {
			continue
		}
		for _, s := range p.Sentences {
			for k, x := range s.Words {
				if k > 0 && x.Text == w {
					n++
				}
			}
		}
	}
	d.names[w] = n
	return n
}

// namesScanLimit is the draft size above which Names counts every name
// once rather than searching for each.
const namesScanLimit = 64 << 10

// countNames counts every capitalized word used inside a sentence.
func (d *Doc) countNames() {
	for pi := range d.D.Paragraphs {
		p := &d.D.Paragraphs[pi]
		if !Prose(p) {
			continue
		}
		for _, s := range p.Sentences {
			for k, x := range s.Words {
				if k > 0 && capitalized(x.Text) && (x.Kind == draft.WordPlain || x.Kind == draft.WordNumber) {
					d.names[x.Text]++
				}
			}
		}
	}
	d.namesCounted = true
}

// nameByDictionary reports whether a capitalized word is a name by the
// English dictionary: stored capitalized (Smith), or unknown in lower
// case (Ortiz), where "Turnout" and "Nobody" are common words.
func (d *Doc) nameByDictionary(w string) bool {
	dict, ok, err := spell.Load(language.AmericanEnglish)
	if !ok || err != nil {
		return false
	}
	return dict.ProperNoun(w) || !dict.Contains(strings.ToLower(w))
}

// NewDoc prepares doc for lx.
func NewDoc(doc *draft.Document, lx *Lexicon) *Doc {
	return &Doc{D: doc, Lx: lx}
}

// Para returns the view of paragraph pi.
func (d *Doc) Para(pi int) *Para {
	if d.views == nil {
		d.views = make([]Para, len(d.D.Paragraphs))
		d.made = make([]bool, len(d.D.Paragraphs))
	}
	if !d.made[pi] {
		p := &d.D.Paragraphs[pi]
		n := 2*len(p.Words) + len(p.Sentences) + 1
		if len(d.ints) < n {
			d.ints = make([]int32, max(n, 1024))
		}
		if len(d.cls) < len(p.Words) {
			d.cls = make([]Class, max(len(p.Words), 512))
		}
		d.views[pi] = makePara(p, d.Lx, d.ints[:n:n], d.cls[:len(p.Words):len(p.Words)])
		d.ints, d.cls = d.ints[n:], d.cls[len(p.Words):]
		d.made[pi] = true
	}
	return &d.views[pi]
}

// Qualified reports whether a phrase starting at word start is qualified
// by a name or an agency just before it: "Pentagon officials said", "NASA
// experts say", "city officials said".
func Qualified(v *Para, start int) bool {
	if start == 0 || v.Sentence(start-1) != v.Sentence(start) || !v.Outside(start-1) {
		return false
	}
	w := v.P.Words[start-1]
	if agencies[lower(w.Text)] {
		return true
	}
	return capitalized(w.Text) && v.Class(start-1)&(Function|Calendar|Pronoun) == 0
}

// IntroducedEarlier reports whether the role noun at word wi of paragraph
// pi ("officials") refers back to the same noun qualified earlier in the
// draft: "State agriculture officials said ..." and later "officials
// said" are the same source.
func (d *Doc) IntroducedEarlier(pi, wi int) bool {
	noun := lower(d.Para(pi).P.Words[wi].Text)
	at, ok := d.introduced[noun]
	if !ok {
		at = [2]int{len(d.D.Paragraphs), 0}
	search:
		for qi := range d.D.Paragraphs {
			p := &d.D.Paragraphs[qi]
			if !Prose(p) && p.Kind != draft.BlockHeading {
				continue
			}
			for k := range p.Words {
				if strings.EqualFold(p.Words[k].Text, noun) && Qualified(d.Para(qi), k) {
					at = [2]int{qi, k}
					break search
				}
			}
		}
		if d.introduced == nil {
			d.introduced = map[string][2]int{}
		}
		d.introduced[noun] = at
	}
	return at[0] < pi || at[0] == pi && at[1] < wi
}

// agencies are words naming the body officials speak for.
var agencies = wordSet(`city county state federal town village school district port police fire health hospital
	airport transit university college company campaign court prison government army military navy embassy
	ministry council board agency department union league club team church tribal parish borough municipal
	provincial zoo museum library utility park parks water election elections treasury`)

func wordSet(list string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(list) {
		m[w] = true
	}
	return m
}

// NamedSourceAfter reports whether a named source follows word wi of
// paragraph pi, in the rest of the paragraph or in the next paragraph: a
// capitalized name beside a speech verb ("Ana Ruiz, an epidemiologist,
// said"; "said Ruiz"), or "according to" a capitalized name.
func (d *Doc) NamedSourceAfter(pi, wi int) bool {
	if d.namedIn(d.Para(pi), wi) {
		return true
	}
	for next := pi + 1; next < len(d.D.Paragraphs); next++ {
		p := &d.D.Paragraphs[next]
		if p.Kind == draft.BlockParagraph || p.Kind == draft.BlockListItem {
			return d.namedIn(d.Para(next), 0)
		}
	}
	return false
}

// namedIn reports whether words from wi on name a source, looking at
// most namedWindow words ahead.
func (d *Doc) namedIn(v *Para, wi int) bool {
	ws := v.P.Words
	for i := wi; i < len(ws) && i < wi+namedWindow; i++ {
		if !v.Outside(i) || !capitalized(ws[i].Text) || v.Class(i)&(Function|Calendar|Pronoun) != 0 {
			continue
		}
		if v.Initial(i) && !(i+1 < len(ws) && capitalized(ws[i+1].Text)) {
			continue // a capitalized sentence opener alone may be any word
		}
		if recipient(ws, i) {
			continue // told the Ledger: the outlet, not the source
		}
		for j := max(wi, i-6); j < len(ws) && j <= i+6; j++ {
			if j == i || !v.Outside(j) || v.Sentence(j) != v.Sentence(i) {
				continue
			}
			if c := v.Class(j); c&SpeechVerb != 0 && c&WeakVerb == 0 || strings.EqualFold(ws[j].Text, "according") {
				return true
			}
		}
	}
	return false
}

// namedWindow bounds how far a named source is looked for after vague
// sourcing, in words of one paragraph: a long paragraph and the next.
const namedWindow = 300

// recipient reports whether word i is the one spoken to: "told the
// Ledger", "said to Reuters".
func recipient(ws []draft.Word, i int) bool {
	for j := i - 1; j >= 0 && j >= i-2; j-- {
		switch lower(ws[j].Text) {
		case "told", "tells", "tell", "telling":
			return true
		case "to":
			return !(j > 0 && strings.EqualFold(ws[j-1].Text, "according"))
		}
	}
	return false
}

// anonymityReasons are the words that give a reason for an anonymous
// source.
var anonymityReasons = []string{"anonymity", "anonymously", "not authorized", "not authorised", "not permitted to",
	"not allowed to", "not to be named", "not to be identified", "declined to be named", "declined to be identified",
	"fear of reprisal", "fear of retaliation", "for fear of", "for their safety", "for his safety", "for her safety"}

// ReasonGiven reports whether sentence s of v says why a source is not
// named: "who spoke on condition of anonymity because...".
func ReasonGiven(v *Para, s int) bool {
	t := strings.ToLower(v.P.Sentences[s].Text)
	for _, r := range anonymityReasons {
		if strings.Contains(t, r) {
			return true
		}
	}
	return false
}

// AttributionVerb reports whether word i of v is a verb in attribution
// position: in a speech tag after a quotation (," Smith claimed / ,"
// claimed Smith / ," the minister later admitted), before a quotation
// (insisted: "... / conceded that "...), introducing reported speech
// after a speaker (she admitted that), or closing a clause of reported
// speech after a speaker (the plan will fail, he claimed).
func (d *Doc) AttributionVerb(v *Para, i int) bool {
	ws := v.P.Words
	if !v.Outside(i) {
		return false
	}
	t := v.P.Text
	s := v.Sentence(i)
	// A speech tag: the closing mark, then only the speaker's words.
	j := i - 1
	for ; j >= 0 && j > i-5 && v.Sentence(j) == s && v.Outside(j) && tagWord(v, j); j-- {
		if strings.TrimSpace(t[ws[j].End():ws[j+1].Off]) != "" {
			j = -2 // punctuation inside the tag
			break
		}
	}
	if j > -2 {
		var before string
		if j >= 0 && v.Sentence(j) == s {
			before = t[ws[j].End():ws[j+1].Off]
		} else if j < 0 || v.Sentence(j) != s {
			before = t[v.P.Sentences[s].Off:ws[j+1].Off]
		}
		if closesQuote(before) {
			return true
		}
	}
	if i+1 < len(ws) {
		// Before an opening mark: insisted: "... / insisted that "...
		gap := t[ws[i].End():ws[i+1].Off]
		if strings.ContainsAny(gap, "\"“«‘'") && !v.Outside(i+1) {
			return true
		}
		if strings.EqualFold(ws[i+1].Text, "that") {
			if i+2 < len(ws) && !v.Outside(i+2) && strings.ContainsAny(t[ws[i+1].End():ws[i+2].Off], "\"“«‘'") {
				return true
			}
			return d.subject(v, i)
		}
		if d.subject(v, i) && clauseFollows(v, i) {
			return true
		}
	}
	// Clause end: ..., he claimed. / ..., Smith insisted,
	if d.subject(v, i) {
		rest := strings.TrimLeft(t[ws[i].End():], " ")
		if rest == "" || strings.ContainsAny(rest[:1], ".,;!?") {
			k := i - 1
			for k > 0 && k > i-4 && v.Sentence(k-1) == s && tagWord(v, k-1) && strings.TrimSpace(t[ws[k-1].End():ws[k].Off]) == "" {
				k--
			}
			if k > 0 && v.Sentence(k-1) == s && strings.Contains(t[ws[k-1].End():ws[k].Off], ",") {
				return true
			}
		}
	}
	return false
}

// auxiliaries are the finite verbs that mark a clause: "claimed the rules
// were followed".
var auxiliaries = wordSet(`is was were are had has have would will could should can may might must did does
	'd 's`)

// clauseFollows reports whether a clause follows verb i in its sentence,
// unmarked by "that": a finite auxiliary within four words, before any
// conjunction or punctuation ("claims the rules were followed", not
// "admitted the charge and was fined").
func clauseFollows(v *Para, i int) bool {
	ws := v.P.Words
	t := v.P.Text
	for j := i + 1; j < len(ws) && j <= i+4 && v.Sentence(j) == v.Sentence(i); j++ {
		if strings.TrimSpace(t[ws[j-1].End():ws[j].Off]) != "" {
			return false
		}
		w := lower(ws[j].Text)
		switch w {
		case "and", "but", "or", "to", "for", "on", "in", "at", "with", "by", "from", "of":
			return false
		}
		if j > i+1 && auxiliaries[w] {
			return true
		}
	}
	return false
}

// closesQuote reports whether the text before a speech tag ends a
// quotation: ," or ?" or —".
func closesQuote(before string) bool {
	b := strings.TrimSpace(before)
	if b == "" {
		return false
	}
	r, n := utf8.DecodeLastRuneInString(b)
	if !strings.ContainsRune("\"”’»'", r) {
		return false
	}
	p, _ := utf8.DecodeLastRuneInString(b[:len(b)-n])
	return strings.ContainsRune(",?!—–…", p) || strings.HasPrefix(strings.TrimSpace(before[len(b)-len(strings.TrimLeft(b, " ")):]), ",")
}

// tagWord reports whether word j can stand in a speech tag beside the
// verb: the speaker's words or an adverb of time.
func tagWord(v *Para, j int) bool {
	w := v.P.Words[j]
	switch lower(w.Text) {
	case "the", "a", "an", "also", "later", "then", "again", "finally", "once", "quickly", "simply", "flatly", "earlier", "previously":
		return true
	}
	c := v.Class(j)
	return c&(Pronoun|Role) != 0 || capitalized(w.Text) && c&(Function|Calendar) == 0
}

// subject reports whether the word before word i can be its speaking
// subject: a pronoun, a role or a capitalized name, and not the last
// word of a noun phrase (recent Republican claims, the false claims).
func (d *Doc) subject(v *Para, i int) bool {
	if i == 0 || v.Sentence(i-1) != v.Sentence(i) || !v.Outside(i-1) {
		return false
	}
	c := v.Class(i - 1)
	w := v.P.Words[i-1]
	if c&(Pronoun|Role) == 0 && !(capitalized(w.Text) && c&(Function|Calendar|Source) == 0) {
		return false
	}
	if c&Pronoun != 0 {
		return !strings.EqualFold(w.Text, "his") && !strings.EqualFold(w.Text, "her") && !strings.EqualFold(w.Text, "their") && !strings.EqualFold(w.Text, "my") && !strings.EqualFold(w.Text, "our")
	}
	// A form of the verb that is also a plural noun (claims, boasts) after
	// a capitalized word may be a noun, "False claims that", unless the
	// word is a name the draft uses more than once.
	if strings.HasSuffix(lower(v.P.Words[i].Text), "s") && c&Role == 0 && d.Names(w.Text) < 2 {
		return false
	}
	if i >= 2 && v.Sentence(i-2) == v.Sentence(i) && v.Outside(i-2) {
		p := lower(v.P.Words[i-2].Text)
		pc := v.Class(i - 2)
		if determiner(p) || pc&Function == 0 && !capitalized(v.P.Words[i-2].Text) && pc&(SpeechVerb|Role|Pronoun) == 0 {
			return false
		}
	}
	return true
}

// Prose reports whether a paragraph is running prose: a paragraph or a
// list item, not a headline, heading, caption or table cell.
func Prose(p *draft.Paragraph) bool {
	return p.Kind == draft.BlockParagraph || p.Kind == draft.BlockListItem
}
