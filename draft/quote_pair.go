package draft

import (
	"sort"
	"unicode/utf8"
)

// lookahead bounds how many marks pairing looks ahead for a closing mark,
// which keeps it linear on pathological input.
const lookahead = 256

// maxDepth is the deepest nesting pairing looks into.
const maxDepth = 64

// pairer pairs the quotation marks of a document's paragraphs in order,
// carrying quotations that run on from one paragraph into the next.
type pairer struct {
	style *QuoteStyle

	marks  []qmark
	quotes []Quotation
	probs  []QuoteProblem
	stack  []int // indexes into quotes of the open quotations
	// revOpen is a ’ before a word that is not an elision: an apostrophe
	// unless a stray closing mark later proves it opens a quotation.
	revOpen int
	// carry holds the quotations open at the end of the previous
	// paragraph that its next paragraph reopens.
	carry []carried

	outMarks  []QuoteMark
	outQuotes []Quotation
	outProbs  []QuoteProblem
	arenaSize int // marks to allocate room for at a time
}

type carried struct {
	fam   uint8
	first Span
}

// pairQuotes finds, classifies and pairs the quotation marks of every
// paragraph of doc in the given style. pr is scratch space, reused across
// documents.
func pairQuotes(doc *Document, style *QuoteStyle, pr *pairer) {
	*pr = pairer{
		style: style,
		marks: pr.marks[:0], quotes: pr.quotes[:0], probs: pr.probs[:0], stack: pr.stack[:0], carry: pr.carry[:0],
		// News copy has about one mark (mostly apostrophes) per 60 bytes.
		arenaSize: min(max(len(doc.Src)/60, 16), 4096),
	}
	for i := range doc.Paragraphs {
		var next *Paragraph
		if i+1 < len(doc.Paragraphs) {
			next = &doc.Paragraphs[i+1]
		}
		pr.paragraph(&doc.Paragraphs[i], next)
	}
	pr.outMarks, pr.outQuotes, pr.outProbs = nil, nil, nil // the document keeps them
}

func (pr *pairer) paragraph(p *Paragraph, next *Paragraph) {
	pr.marks = scanMarks(p.Text, pr.marks[:0])
	if len(pr.marks) == 0 {
		pr.carry = pr.carry[:0]
		return
	}
	shapeMarks(p.Text, pr.marks)
	pr.quotes, pr.probs, pr.stack, pr.revOpen = pr.quotes[:0], pr.probs[:0], pr.stack[:0], -1

	start := 0
	if continues(p) {
		for start < len(pr.carry) && start < len(pr.marks) && pr.marks[start].off == leadOffset(p.Text, start, pr.marks) &&
			pr.reopens(pr.carry[start].fam, pr.marks[start].r) {
			c := pr.carry[start]
			q := pr.open(start)
			pr.quotes[q].FromPrevious, pr.quotes[q].First = true, c.first
			if c.fam == famSingle {
				if j, _ := pr.scanSingle(start); j >= 0 {
					pr.marks[j].reservedFor = q
				}
			}
			start++
		}
	}
	pr.carry = pr.carry[:0]
	for i := start; i < len(pr.marks); i++ {
		pr.step(p, i, next)
	}
	pr.finishParagraph(p, next)
}

// continues reports whether a paragraph may take part in a quotation that
// runs over several paragraphs.
func continues(p *Paragraph) bool { return p.Kind == BlockParagraph || p.Kind == BlockListItem }

// leadOffset returns the offset mark k would have if it belonged to the
// run of marks at the start of the text.
func leadOffset(t string, k int, marks []qmark) int {
	if k == 0 {
		return 0
	}
	off := marks[k-1].off + runeLen(marks[k-1].r)
	if off < len(t) && t[off] == ' ' && (marks[k-1].fam == famGuil || marks[k-1].fam == famSGuil) {
		off++ // « “...
	}
	return off
}

// reopens reports whether mark r at the start of a paragraph reopens a
// quotation of family fam that the previous paragraph left open.
func (pr *pairer) reopens(fam uint8, r rune) bool {
	switch fam {
	case famDouble:
		return r == '"' || r == ldq || r == lowdq
	case famSingle:
		return r == '\'' || r == lsq || r == lowsq
	case famGuil:
		return r == laq || r == raq
	case famSGuil:
		return r == lsaq || r == rsaq
	}
	return false
}

// leadingMarks returns the marks that open a paragraph: the run of
// quotation marks at the start of its text.
func (pr *pairer) leadingMarks(t string) []rune {
	var lead []rune
	for i := 0; i < len(t); {
		r, n := rune(t[i]), 1
		if t[i] >= 0x80 {
			r, n = utf8.DecodeRuneInString(t[i:])
		}
		if familyOf(r) == famNone {
			if r == ' ' && len(lead) > 0 && familyOf(lead[len(lead)-1]) >= famGuil {
				i += n
				continue
			}
			break
		}
		lead = append(lead, r)
		i += n
	}
	return lead
}

func (pr *pairer) step(p *Paragraph, i int, next *Paragraph) {
	m := &pr.marks[i]
	if m.done {
		return
	}
	if q := m.reservedFor; q >= 0 {
		if k := pr.stackPos(q); k >= 0 {
			pr.close(k, i)
			return
		}
		m.reservedFor = -1
	}
	if m.fam == famSingle {
		pr.single(i, next)
	} else {
		pr.other(i)
	}
}

// other places a double quotation mark or a guillemet.
func (pr *pairer) other(i int) {
	m := &pr.marks[i]
	if m.prime {
		pr.settle(i, RolePrime)
		return
	}
	open := false
	switch m.shape {
	case shapeOpen:
		open = true
	case shapeClose:
		if m.left == sideDigit && m.r == '"' && (pr.findOpen(m.fam) < 0 || pr.laterCloser(i, m.fam) >= 0) {
			pr.settle(i, RolePrime) // a 12" pipe
			return
		}
	case shapeInner:
		open = pr.naturalOpen(m)
	case shapeFree:
		// A mark standing alone closes an open quotation or opens one
		// that a later mark closes; otherwise it is a ditto mark.
		if pr.findOpen(m.fam) >= 0 {
			if pr.laterCloser(i, m.fam) >= 0 {
				pr.settle(i, RoleDitto)
				return
			}
		} else {
			if !pr.nextCloses(i) {
				pr.settle(i, RoleDitto)
				return
			}
			open = true
		}
	}
	use := pr.style.use(m.r)
	if open && use.asOpen == notUsed || !open && use.asClose == notUsed {
		pr.settle(i, RoleUnknown)
		return
	}
	if open {
		q := pr.open(i)
		if use.asOpen > 0 {
			pr.problem(WrongWay, i, q, use.asOpen)
		}
		return
	}
	if k := pr.findOpen(m.fam); k >= 0 {
		pr.close(k, i)
		return
	}
	pr.strayOrMismatch(i)
}

// naturalOpen decides a mark inside a word: a curly mark by the way it
// faces, a straight one by whether a quotation of its kind is open.
func (pr *pairer) naturalOpen(m *qmark) bool {
	use := pr.style.use(m.r)
	switch {
	case m.r == '"' || m.r == '\'':
	case use.asOpen == 0 && use.asClose != 0:
		return true
	case use.asClose == 0 && use.asOpen != 0:
		return false
	case m.r == ldq || m.r == lsq || m.r == laq || m.r == lsaq || m.r == lowdq || m.r == lowsq:
		return pr.findOpen(m.fam) < 0
	}
	return pr.findOpen(m.fam) < 0
}

// single places a single quotation mark or apostrophe.
func (pr *pairer) single(i int, next *Paragraph) {
	m := &pr.marks[i]
	switch {
	case m.prime:
		pr.settle(i, RolePrime)
		return
	case m.elided:
		pr.apostrophe(i)
		return
	}
	switch m.shape {
	case shapeFree:
		pr.settle(i, RoleDitto)
	case shapeInner:
		if m.left == sidePunct && !m.possessive {
			pr.singleOpen(i, next) // said,'Yes
			return
		}
		pr.apostrophe(i) // don't, U.S.'s
	case shapeOpen:
		pr.singleOpen(i, next)
	case shapeClose:
		pr.singleClose(i)
	}
}

// apostrophe settles a mark as an apostrophe; ‘ there faces the wrong way
// in languages whose apostrophe is ’.
func (pr *pairer) apostrophe(i int) {
	pr.settle(i, RoleApostrophe)
	if pr.marks[i].r == lsq && pr.style.use(lsq).asClose == rsq {
		pr.problem(WrongWay, i, -1, rsq)
	}
}

func (pr *pairer) singleOpen(i int, next *Paragraph) {
	m := &pr.marks[i]
	if m.r == rsq {
		// ’ before a word is an apostrophe (’tis, ’90s) unless a stray
		// closing mark later proves otherwise.
		pr.settle(i, RoleApostrophe)
		if !m.elision && pr.style.use(rsq).asOpen > 0 {
			pr.revOpen = i
		}
		return
	}
	use := pr.style.use(m.r)
	if use.asOpen == notUsed {
		pr.settle(i, RoleUnknown)
		return
	}
	j, atEnd := pr.scanSingle(i)
	switch {
	case j >= 0:
	case m.elision:
		pr.apostrophe(i)
		return
	case m.r == '\'' && !(atEnd && next != nil && pr.nextReopens(next, famSingle)):
		pr.settle(i, RoleUnknown) // 'bout, or an unclosed quotation: unsure
		return
	}
	q := pr.open(i)
	if j >= 0 {
		pr.marks[j].reservedFor = q
	}
	if use.asOpen > 0 {
		pr.problem(WrongWay, i, q, use.asOpen)
	}
}

// scanSingle looks for the mark that closes a single quotation opened at
// mark i. It prefers a mark after punctuation (,’), then one after a word
// not ending in s (fake’), then one after s (the Joneses’), taking the
// first of the best kind. It stops where a new single quotation opens or
// an enclosing quotation closes. atEnd reports that it reached the end of
// the paragraph.
func (pr *pairer) scanSingle(i int) (best int, atEnd bool) {
	best = -1
	bestClass := 0
	var inner [famSGuil + 1]int // quotations of other kinds opened inside
	for j := i + 1; j < len(pr.marks); j++ {
		if j-i > lookahead {
			return best, false
		}
		n := &pr.marks[j]
		if n.done {
			continue
		}
		if n.reservedFor >= 0 {
			return best, false
		}
		if n.fam != famSingle {
			switch {
			case n.shape == shapeOpen:
				inner[n.fam]++
			case n.shape == shapeClose && inner[n.fam] > 0:
				inner[n.fam]--
			case n.shape == shapeClose && pr.findOpen(n.fam) >= 0:
				return best, false // the quotation around this one closes
			}
			continue
		}
		if n.prime || n.elided {
			continue
		}
		switch n.shape {
		case shapeOpen:
			if n.r == rsq || n.elision {
				continue
			}
			return best, false
		case shapeClose:
			if n.r == lowsq {
				continue
			}
			class := 1
			switch {
			case n.left == sidePunct && !n.initialism:
				return j, false
			case !n.leftS:
				class = 2 // fake’, and ‘Madden NFL 17’
			}
			if class > bestClass {
				best, bestClass = j, class
			}
		}
	}
	return best, true
}

func (pr *pairer) singleClose(i int) {
	m := &pr.marks[i]
	if m.left == sideDigit && m.r != lsq {
		pr.settle(i, RolePrime) // 5', 45° 30' N
		return
	}
	if m.left != sidePunct || m.initialism {
		pr.apostrophe(i) // students', goin', the U.S.' role
		return
	}
	if k := pr.findOpen(famSingle); k >= 0 {
		pr.close(k, i)
		return
	}
	if r := pr.revOpen; r >= 0 {
		// ’Hello,’ he said: the first ’ opens the quotation, facing the
		// wrong way.
		pr.revOpen = -1
		pr.marks[r].done = false
		q := pr.open(r)
		pr.problem(WrongWay, r, q, pr.style.use(rsq).asOpen)
		pr.close(len(pr.stack)-1, i)
		return
	}
	pr.strayOrMismatch(i)
}

// strayOrMismatch places a closing mark with no open quotation of its
// kind: it closes the innermost open quotation of another kind, as a
// mismatch, when no mark of that quotation's kind closes it later;
// otherwise it is stray.
func (pr *pairer) strayOrMismatch(i int) {
	if n := len(pr.stack); n > 0 {
		q := pr.stack[n-1]
		fam := familyOf(pr.quotes[q].Open.Rune)
		if pr.laterCloser(i, fam) < 0 {
			pr.close(n-1, i)
			return
		}
	}
	pr.settle(i, RoleClosing)
	pr.problem(StrayClosing, i, -1, 0)
}

// open starts a quotation at mark i and returns its index.
func (pr *pairer) open(i int) int {
	parent, level := -1, len(pr.stack)
	if level > 0 {
		parent = pr.stack[level-1]
	}
	pr.settle(i, RoleOpening)
	m := pr.mark(i)
	pr.quotes = append(pr.quotes, Quotation{Open: m, Level: level, Parent: parent, First: m.Span})
	q := len(pr.quotes) - 1
	pr.stack = append(pr.stack, q)
	pr.revOpen = -1
	return q
}

// close closes the quotation at stack position k with mark i. Quotations
// opened inside it and still open either close later (crossed) or never.
func (pr *pairer) close(k, i int) {
	for s := len(pr.stack) - 1; s > k; s-- {
		q := pr.stack[s]
		if j := pr.closerOf(q, i); j >= 0 {
			pr.settle(j, RoleClosing)
			pr.quotes[q].Close = pr.mark(j)
			pr.problem(Crossed, j, q, 0)
			pr.probs[len(pr.probs)-1].Mark = pr.quotes[q].Open
		} else {
			pr.problem(Unclosed, -1, q, 0)
		}
	}
	q := pr.stack[k]
	pr.stack = pr.stack[:k]
	pr.settle(i, RoleClosing)
	c := pr.mark(i)
	pr.quotes[q].Close = c
	pr.revOpen = -1
	open := pr.quotes[q].Open.Rune
	switch {
	case familyOf(open) != familyOf(c.Rune):
		pr.problem(Mismatched, i, q, 0)
	case open == '"' || open == '\'':
		if !c.Straight() {
			pr.problem(Mismatched, i, q, 0)
			pr.probs[len(pr.probs)-1].Mark = pr.quotes[q].Open
			pr.probs[len(pr.probs)-1].Want = pr.curlyFor(open, c.Rune, true)
		}
	case c.Straight():
		pr.problem(Mismatched, i, q, pr.curlyFor(c.Rune, open, false))
	case !pr.style.validPair(open, c.Rune) || pr.style.use(open).asOpen > 0 && pr.style.use(c.Rune).asClose > 0:
		if want := pr.style.use(c.Rune).asClose; want > 0 {
			pr.problem(WrongWay, i, q, want)
		} else {
			pr.problem(Mismatched, i, q, 0)
		}
	}
}

// curlyFor returns the curly mark that replaces straight mark r facing
// curly mark other: the opening mark of other's pair, or its closing one.
func (pr *pairer) curlyFor(r, other rune, opening bool) rune {
	pairs := append(append([]QuotePair(nil), pr.style.Pairs...), foreignPairs...)
	for _, p := range pairs {
		if opening && p.Close == other && familyOf(p.Open) == familyOf(r) {
			return p.Open
		}
		if !opening && p.Open == other && familyOf(p.Close) == familyOf(r) {
			return p.Close
		}
	}
	return 0
}

// closerOf finds the mark after i that closes quotation q, still open when
// an enclosing quotation closed at i: its reserved mark, or the next
// closing mark of its kind.
func (pr *pairer) closerOf(q, i int) int {
	fam := familyOf(pr.quotes[q].Open.Rune)
	for j := i + 1; j < len(pr.marks) && j-i <= lookahead; j++ {
		n := &pr.marks[j]
		if n.reservedFor == q {
			return j
		}
		if !n.done && n.reservedFor < 0 && n.fam == fam && n.shape == shapeClose &&
			(fam != famSingle || n.left == sidePunct && !n.initialism) {
			return j
		}
	}
	return -1
}

// laterCloser returns the next mark after i of family fam that closes a
// quotation, before one of that family opens, or -1.
func (pr *pairer) laterCloser(i int, fam uint8) int {
	for j := i + 1; j < len(pr.marks) && j-i <= lookahead; j++ {
		n := &pr.marks[j]
		if n.fam != fam || n.done || n.prime || n.elided {
			continue
		}
		if n.reservedFor >= 0 {
			return j
		}
		switch n.shape {
		case shapeClose:
			if fam == famSingle && (n.left != sidePunct || n.initialism) {
				continue // an apostrophe, most likely
			}
			return j
		case shapeOpen:
			if fam == famSingle && (n.r == rsq || n.elision) {
				continue
			}
			return -1
		}
	}
	return -1
}

// nextCloses reports whether the next mark of mark i's family after it
// closes a quotation.
func (pr *pairer) nextCloses(i int) bool {
	fam := pr.marks[i].fam
	for j := i + 1; j < len(pr.marks) && j-i <= lookahead; j++ {
		if n := &pr.marks[j]; n.fam == fam {
			return n.shape == shapeClose || n.shape == shapeInner
		}
	}
	return false
}

// findOpen returns the stack position of the innermost open quotation of
// family fam, or -1. It looks no deeper than maxDepth quotations, which
// keeps pairing linear on input that only opens quotations.
func (pr *pairer) findOpen(fam uint8) int {
	for k := len(pr.stack) - 1; k >= 0 && k >= len(pr.stack)-maxDepth; k-- {
		if familyOf(pr.quotes[pr.stack[k]].Open.Rune) == fam {
			return k
		}
	}
	return -1
}

func (pr *pairer) stackPos(q int) int {
	for k := len(pr.stack) - 1; k >= 0 && k >= len(pr.stack)-maxDepth; k-- {
		if pr.stack[k] == q {
			return k
		}
	}
	return -1
}

func (pr *pairer) settle(i int, role MarkRole) {
	pr.marks[i].role, pr.marks[i].done = role, true
}

func (pr *pairer) problem(kind QuoteProblemKind, i, q int, want rune) {
	var m QuoteMark
	if i >= 0 {
		m = pr.mark(i)
	} else if q >= 0 {
		m = pr.quotes[q].Open
	}
	pr.probs = append(pr.probs, QuoteProblem{Kind: kind, Mark: m, Quotation: q, Want: want})
}

// mark returns mark i as the model's QuoteMark; its span is set when the
// paragraph is finished.
func (pr *pairer) mark(i int) QuoteMark {
	m := &pr.marks[i]
	return QuoteMark{Off: m.off, Rune: m.r, Role: m.role}
}

// nextReopens reports whether paragraph next opens with a mark that
// reopens a quotation of family fam.
func (pr *pairer) nextReopens(next *Paragraph, fam uint8) bool {
	lead := pr.leadingMarks(next.Text)
	return continues(next) && len(lead) > 0 && pr.reopens(fam, lead[0])
}

// finishParagraph decides what happens to quotations still open at the
// end of paragraph p, finds the quotation each stray mark most likely
// belongs to, and stores the results in p.
func (pr *pairer) finishParagraph(p *Paragraph, next *Paragraph) {
	var lead []rune
	if next != nil && continues(p) && continues(next) && len(pr.stack) > 0 {
		lead = pr.leadingMarks(next.Text)
	}
	for k, q := range pr.stack {
		fam := familyOf(pr.quotes[q].Open.Rune)
		if k < len(lead) && len(pr.carry) == k && pr.reopens(fam, lead[k]) {
			pr.quotes[q].IntoNext = true
			pr.carry = append(pr.carry, carried{fam: fam, first: pr.quotes[q].First})
			continue
		}
		pr.problem(Unclosed, -1, q, 0)
	}
	for k := range pr.probs {
		if pr.probs[k].Kind == StrayClosing {
			pr.probs[k].Quotation = pr.nearest(pr.probs[k].Mark.Off)
		}
	}
	pr.store(p)
}

// nearest returns the quotation a stray mark at off most likely belongs
// to: the last one closed before it, else the first one after it.
func (pr *pairer) nearest(off int) int {
	best := -1
	for q := range pr.quotes {
		c := pr.quotes[q].Close
		if pr.quotes[q].Closed() && c.Off < off && (best < 0 || c.Off > pr.quotes[best].Close.Off) {
			best = q
		}
	}
	if best >= 0 {
		return best
	}
	for q := range pr.quotes {
		if pr.quotes[q].Open.Off > off {
			return q
		}
	}
	return -1
}

// store copies the paragraph's marks, quotations and problems into p,
// with source spans and final roles.
func (pr *pairer) store(p *Paragraph) {
	if cap(pr.outMarks)-len(pr.outMarks) < len(pr.marks) {
		pr.outMarks = make([]QuoteMark, 0, max(pr.arenaSize, len(pr.marks)))
	}
	n := len(pr.outMarks)
	cur := spanCursor{p: p}
	for k := range pr.marks {
		m := &pr.marks[k]
		pr.outMarks = append(pr.outMarks, QuoteMark{Off: m.off, Rune: m.r, Role: m.role,
			Span: cur.span(m.off, m.off+runeLen(m.r))})
	}
	marks := pr.outMarks[n:len(pr.outMarks):len(pr.outMarks)]
	p.QuoteMarks = marks
	// final returns the stored mark at m's offset.
	final := func(m *QuoteMark) {
		if m.Rune == 0 {
			return
		}
		k := sort.Search(len(marks), func(k int) bool { return marks[k].Off >= m.Off })
		if k < len(marks) {
			*m = marks[k]
		}
	}
	for q := range pr.quotes {
		final(&pr.quotes[q].Open)
		final(&pr.quotes[q].Close)
		if !pr.quotes[q].FromPrevious {
			pr.quotes[q].First = pr.quotes[q].Open.Span
		}
	}
	p.Quotations = carve(&pr.outQuotes, pr.quotes, pr.arenaSize/8)
	sort.SliceStable(pr.probs, func(a, b int) bool { return pr.probs[a].Mark.Off < pr.probs[b].Mark.Off })
	for k := range pr.probs {
		final(&pr.probs[k].Mark)
	}
	p.QuoteProblems = carve(&pr.outProbs, pr.probs, 8)
}

// spanCursor maps text ranges in increasing order to source spans,
// walking the paragraph's segments once instead of searching them for
// every range.
type spanCursor struct {
	p *Paragraph
	k int
}

func (c *spanCursor) span(start, end int) Span {
	segs := c.p.segs
	for c.k+1 < len(segs) && segs[c.k].text+segs[c.k].textLen <= start {
		c.k++
	}
	if c.k < len(segs) {
		sg := segs[c.k]
		if start >= sg.text && end <= sg.text+sg.textLen && sg.textLen == sg.srcLen {
			return Span{Start: sg.src + start - sg.text, End: sg.src + end - sg.text}
		}
	}
	return c.p.SourceSpan(start, end)
}

// carve copies items into the arena and returns the copy, so that many
// paragraphs share a few allocations of at least size items.
func carve[T any](arena *[]T, items []T, size int) []T {
	if len(items) == 0 {
		return nil
	}
	if cap(*arena)-len(*arena) < len(items) {
		*arena = make([]T, 0, max(size, len(items)))
	}
	n := len(*arena)
	*arena = append(*arena, items...)
	return (*arena)[n : n+len(items) : n+len(items)]
}
