package attribution

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/newslint/newslint/draft"
)

// Kind is what sort of quotation a quotation is.
type Kind uint8

// Quotation kinds. Only Full and Partial quotations need attribution.
const (
	// Full is a sentence or more of quoted speech or writing.
	Full Kind = iota
	// Partial is a quoted phrase of three or more words inside a sentence.
	Partial
	// Scare is a quoted word or two: a term, a scare quote, a nickname.
	Scare
	// Title is the name of a work or a thing, or words as words: the film
	// "Jaws", the slogan "...", known as "...", a title-case phrase.
	Title
	// Furniture is a quotation in a headline, heading, caption or table
	// cell.
	Furniture
	// Block is a quotation in a block quotation whose source is cited.
	Block
	// Broken is a quotation whose marks do not pair; broken-quote reports
	// it, and where it ends is a guess.
	Broken
	// Pull is a quoted subhead or pull quote: a short quotation standing
	// alone as a paragraph with no sentence mark, or one in single marks
	// in a draft that quotes with double marks, as headlines do.
	Pull
	// Foreign is a quotation in a paragraph not written in the lexicon's
	// language.
	Foreign
)

// String returns the kind's name.
func (k Kind) String() string {
	return [...]string{"full", "partial", "scare", "title", "furniture", "block", "broken", "pull", "foreign"}[k]
}

// Placement is where a quotation's attribution was found.
type Placement uint8

// Placements.
const (
	// None: the quotation has no attribution.
	None Placement = iota
	// SameSentence: a speech verb or speaker in the quotation's sentence.
	SameSentence
	// NearbySentence: the sentence just before or after names the speaker.
	NearbySentence
	// Inherited: an earlier quotation of the paragraph is attributed.
	Inherited
	// Chain: another paragraph of a quotation that runs over several
	// paragraphs is attributed.
	Chain
	// Introduced: the paragraph before ends with a colon and names the
	// speaker.
	Introduced
	// Label: a speaker label opens the paragraph ("Q:", "SMITH:").
	Label
)

// String returns the placement's name.
func (p Placement) String() string {
	return [...]string{"none", "same sentence", "nearby sentence", "inherited", "chain", "introduced", "label"}[p]
}

// Quote is one top-level quotation of a draft and how it is attributed.
type Quote struct {
	Para  int // index in Document.Paragraphs
	Index int // index in Paragraph.Quotations
	Kind  Kind
	// Words is the number of quoted words.
	Words     int
	Placement Placement
	// Head is the index in the result of the first quotation of the chain
	// this quotation belongs to: itself unless it continues a quotation
	// from an earlier paragraph.
	Head int
	// Paragraphs is, at a chain's head, the number of paragraphs the
	// quotation runs over.
	Paragraphs int
}

// NeedsAttribution reports whether the quotation's kind calls for an
// attribution.
func (q Quote) NeedsAttribution() bool { return q.Kind == Full || q.Kind == Partial }

// Analyze finds every top-level quotation of doc and how it is
// attributed, in document order. It returns nil when lx is nil.
func Analyze(doc *draft.Document, lx *Lexicon) []Quote {
	if lx == nil {
		return nil
	}
	a := analysis{doc: doc, lx: lx, d: NewDoc(doc, lx)}
	var out []Quote
	head := -1 // index in out of the open chain's head, or -1
	// dangling is the head of a chain whose last quotation was left open
	// and not reopened: pasted page furniture may have split the chain.
	dangling := -1
	for pi := range doc.Paragraphs {
		p := &doc.Paragraphs[pi]
		if p.Quote && (pi == 0 || !doc.Paragraphs[pi-1].Quote) {
			a.block = pi
		}
		if len(p.Quotations) == 0 {
			if !furnitureLike(p) {
				dangling = -1
			}
			continue
		}
		v := a.view(pi)
		attributed := false
		broken := brokenMarks(p)
		for qi, q := range p.Quotations {
			if q.Level != 0 {
				continue
			}
			a.focus(v, qi)
			r := Quote{Para: pi, Index: qi, Head: len(out), Paragraphs: 1}
			r.Kind, r.Words = a.kind(pi, v, qi, broken)
			switch {
			case q.FromPrevious && head >= 0:
				r.Head = head
				out[head].Paragraphs++
			case qi == 0 && dangling >= 0 && opensParagraph(p, qi):
				r.Head = dangling
				if r.Kind == Broken || r.Kind == Pull {
					r.Kind = Full
				}
			}
			switch {
			case !r.NeedsAttribution():
				// A quoted term with a speaker beside it still tells who
				// speaks in the paragraph.
				if r.Kind == Title || r.Kind == Scare {
					s0, s1 := a.frame(v, qi)
					attributed = attributed || a.sourcedIn(v, s0, s1)
				}
			case attributed:
				r.Placement = Inherited
			default:
				r.Placement = a.placement(pi, v, qi, r.Kind)
				// Only an unattributed quotation needs the costlier
				// check that its paragraph is in the lexicon's language.
				if r.Placement == None && a.foreign(v) {
					r.Kind = Foreign
				}
			}
			if r.Placement != None {
				attributed = true
			}
			out = append(out, r)
			switch {
			case q.IntoNext && r.Head == len(out)-1:
				head = r.Head
			case !q.IntoNext:
				head = -1
			}
		}
		dangling = -1
		if n := len(out); n > 0 && out[n-1].Para == pi {
			if last := p.Quotations[out[n-1].Index]; !last.Closed() && !last.IntoNext {
				dangling = out[n-1].Head
			}
		}
	}
	// A chain is attributed when any of its paragraphs is; one with a
	// paragraph that cannot be judged is not reported.
	for i := range out {
		if h := out[i].Head; h != i && out[i].Kind == Foreign && out[h].NeedsAttribution() {
			out[h].Kind = out[i].Kind
		}
	}
	for i := range out {
		if h := out[i].Head; h != i && out[i].Placement != None && out[h].Placement == None {
			out[h].Placement = Chain
		}
	}
	for i := range out {
		if h := out[i].Head; h != i && out[i].Placement == None && out[h].Placement != None {
			out[i].Placement = Chain
		}
	}
	return out
}

// analysis is the state of one Analyze call.
type analysis struct {
	doc *draft.Document
	lx  *Lexicon
	d   *Doc
	// cur is the paragraph of the quotation being analysed, and [lo, hi)
	// the words its checks may look at.
	cur    *Para
	lo, hi int
	// block is the first paragraph of the block quotation being read,
	// and cited caches blockCited by that paragraph.
	block int
	cited map[int]bool
	// doubles and singles count the draft's top-level quotations by mark.
	doubles, singles int
	counted          bool
}

func (a *analysis) view(pi int) *Para { return a.d.Para(pi) }

// kind classifies quotation qi of paragraph pi and counts its words.
func (a *analysis) kind(pi int, v *Para, qi int, broken bool) (Kind, int) {
	p := v.P
	q := p.Quotations[qi]
	start, end := q.TextRange(p)
	words, firstWord := 0, -1
	from := sort.Search(len(p.Words), func(i int) bool { return p.Words[i].Off >= start })
	to := from
	for ; to < len(p.Words) && p.Words[to].End() <= end; to++ {
		if isWordKind(p.Words[to].Kind) {
			if firstWord < 0 {
				firstWord = to
			}
			words++
		}
	}
	switch p.Kind {
	case draft.BlockHeadline, draft.BlockHeading, draft.BlockCaption, draft.BlockTableCell:
		return Furniture, words
	}
	// Marks that do not pair make every quotation of the paragraph a
	// guess; so does an opening mark glued to a word (Kuwait"s).
	// A doubled opening mark ("") is a slip whose extent is a guess too.
	if broken {
		return Broken, words
	}
	if q.Open.Off > 0 && glued(p.Text[:q.Open.Off]) || strings.HasPrefix(p.Text[start:], string(q.Open.Rune)) {
		return Broken, words
	}
	// A straight single mark before a digit is an elision ('08) that
	// pairing could not rule out as an opening mark.
	if q.Open.Rune == '\'' && start < len(p.Text) && p.Text[start] >= '0' && p.Text[start] <= '9' {
		return Broken, words
	}
	if p.Quote && a.blockCited() {
		return Block, words
	}
	if words == 0 {
		return Scare, 0
	}
	quoted := strings.TrimSpace(p.Text[start:end])
	if a.pullQuote(v, qi, quoted, words) {
		return Pull, words
	}
	if !q.FromPrevious && a.named(v, qi, firstWord) {
		return Title, words
	}
	standalone := a.standalone(v, qi)
	terminal := endsSentence(quoted)
	if !standalone && !terminal && words <= 10 && capitalized(p.Words[firstWord].Text) && titleCase(v, from, to) {
		return Title, words // "The Sound of Music", "Make America Great Again"
	}
	if words <= 2 && !(standalone && terminal) {
		return Scare, words
	}
	if standalone || q.FromPrevious || startsUpper(quoted) && (words >= 3 || terminal) || innerSentence(quoted) {
		return Full, words
	}
	return Partial, words
}

// titleCase reports whether words [from, to) are in title case: every
// word capitalized but small function words.
func titleCase(v *Para, from, to int) bool {
	for i := from; i < to; i++ {
		w := v.P.Words[i]
		if isWordKind(w.Kind) && !capitalized(w.Text) && v.Class(i)&Function == 0 {
			return false
		}
	}
	return true
}

// brokenMarks reports whether pairing left marks of the paragraph
// unpaired, so that where its quotations end is a guess.
func brokenMarks(p *draft.Paragraph) bool {
	for _, pr := range p.QuoteProblems {
		if pr.Kind == draft.StrayClosing || pr.Kind == draft.Unclosed || pr.Kind == draft.Crossed {
			return true
		}
	}
	return false
}

// focus sets the quotation the checks are about: quotation qi of v, with
// the window of words around it.
func (a *analysis) focus(v *Para, qi int) {
	p := v.P
	start, end := p.Quotations[qi].TextRange(p)
	first := sort.Search(len(p.Words), func(i int) bool { return p.Words[i].Off >= start })
	last := sort.Search(len(p.Words), func(i int) bool { return p.Words[i].Off >= end })
	a.cur, a.lo, a.hi = v, max(0, first-window), min(len(p.Words), last+window)
}

// glued reports whether the text before a mark ends with a letter or
// digit.
func glued(before string) bool {
	r, _ := utf8.DecodeLastRuneInString(before)
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

// isWordKind reports whether a word token is a word a reader counts.
func isWordKind(k draft.WordKind) bool { return k == draft.WordPlain || k == draft.WordNumber }

// prevOutside returns the word just before word i, skipping "the" and
// "a", when it is in the same sentence and outside quotations; else -1.
func (a *analysis) prevOutside(v *Para, i int) int {
	if i <= 0 {
		return -1
	}
	s := v.Sentence(i)
	for j := i - 1; j >= 0 && v.Sentence(j) == s; j-- {
		if !v.Outside(j) {
			return -1
		}
		switch lower(v.P.Words[j].Text) {
		case "the", "a", "an", "new", "old", "famous", "popular", "viral", "official", "so-called":
			if j < i-1 || v.Class(j)&Naming == 0 {
				continue
			}
		}
		return j
	}
	return -1
}

// standalone reports whether quotation qi is a sentence of its own: no
// word outside quotations shares its sentences.
func (a *analysis) standalone(v *Para, qi int) bool {
	s0, s1 := a.frame(v, qi)
	from, to := a.words(v, s0, s1)
	for i := from; i < to; i++ {
		if v.Outside(i) && isWordKind(v.P.Words[i].Kind) {
			return false
		}
	}
	return true
}

// frame returns the first and last sentence quotation qi touches.
func (a *analysis) frame(v *Para, qi int) (int, int) {
	q := v.P.Quotations[qi]
	s, e := q.TextRange(v.P)
	if q.Closed() {
		e = q.Close.Off
	}
	return v.SentenceAt(s), v.SentenceAt(max(e-1, s))
}

// endsSentence reports whether quoted text ends with a sentence mark,
// ignoring closing marks and brackets.
func endsSentence(s string) bool {
	s = strings.TrimRight(s, " \t\n\"'”’)]»›")
	r, _ := utf8.DecodeLastRuneInString(s)
	return r == '.' || r == '!' || r == '?' || r == '…'
}

// startsUpper reports whether quoted text starts with a capital letter or
// a digit, after any opening punctuation or ellipsis.
func startsUpper(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) {
			return unicode.IsUpper(r)
		}
		if unicode.IsDigit(r) {
			return true
		}
	}
	return false
}

// innerSentence reports whether quoted text holds a sentence boundary:
// "dead. We are done."
func innerSentence(s string) bool {
	for i := 0; i+2 < len(s); i++ {
		if (s[i] == '.' || s[i] == '?' || s[i] == '!') && s[i+1] == ' ' && startsUpper(s[i+2:min(len(s), i+6)]) {
			return true
		}
	}
	return false
}

// blockCited reports whether the block quotation being read, which starts
// at paragraph a.block, cites its source: a line opening with a dash
// inside the block, an attribution in the paragraph before it, or a dash
// line just after.
func (a *analysis) blockCited() bool {
	first := a.block
	if c, ok := a.cited[first]; ok {
		return c
	}
	c := a.blockCitedFrom(first)
	if a.cited == nil {
		a.cited = map[int]bool{}
	}
	a.cited[first] = c
	return c
}

func (a *analysis) blockCitedFrom(first int) bool {
	ps := a.doc.Paragraphs
	last := first
	for last+1 < len(ps) && ps[last+1].Quote {
		last++
	}
	for i := first; i <= last; i++ {
		if dashLed(ps[i].Text) || strings.Contains(ps[i].Text, "\n—") || strings.Contains(ps[i].Text, "\n-- ") {
			return true
		}
	}
	if last+1 < len(ps) && dashLed(ps[last+1].Text) {
		return true
	}
	if first > 0 {
		v := a.view(first - 1)
		for i := max(0, len(v.P.Words)-window); i < len(v.P.Words); i++ {
			if v.Outside(i) && a.speechVerb(v, i) {
				return true
			}
		}
		if strings.HasSuffix(strings.TrimSpace(v.P.Text), ":") {
			return true
		}
	}
	return false
}

// dashLed reports whether text opens with a dash: "— Jane Smith".
func dashLed(t string) bool {
	t = strings.TrimSpace(t)
	return strings.HasPrefix(t, "—") || strings.HasPrefix(t, "–") || strings.HasPrefix(t, "--") || strings.HasPrefix(t, "―")
}
