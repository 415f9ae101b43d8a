package draft

// MarkRole is what a quotation mark or apostrophe does in its paragraph,
// as pairing decided.
type MarkRole uint8

// Mark roles.
const (
	// RoleUnknown is a mark pairing could not place: a straight single
	// quote before a word with nothing to close it, which may be an
	// elision ('bout) or an unclosed quotation.
	RoleUnknown MarkRole = iota
	RoleOpening
	RoleClosing
	RoleApostrophe // don't, students', ’90s, rock ’n’ roll
	RolePrime      // feet and inches, minutes of arc: 6'2", 45° 30' N
	RoleDitto      // a mark standing alone: a ditto mark in a table
)

// String returns the role's name.
func (r MarkRole) String() string {
	return [...]string{"unknown", "opening", "closing", "apostrophe", "prime", "ditto"}[r]
}

// QuoteMark is a quotation mark or an apostrophe in a paragraph: one of
// " ' “ ” ‘ ’ „ ‚ « » ‹ ›.
type QuoteMark struct {
	Off  int  // offset in Paragraph.Text
	Span Span // source span (an entity such as &rdquo; in HTML)
	Rune rune
	Role MarkRole
}

// Straight reports whether the mark is a straight (typewriter) quote.
func (m QuoteMark) Straight() bool { return m.Rune == '"' || m.Rune == '\'' }

// Double reports whether the mark is a double quotation mark: " “ ” „.
func (m QuoteMark) Double() bool { return familyOf(m.Rune) == famDouble }

// Single reports whether the mark is a single quotation mark or an
// apostrophe: ' ‘ ’ ‚.
func (m QuoteMark) Single() bool { return familyOf(m.Rune) == famSingle }

// Quotation is a quotation in a paragraph: from an opening mark to its
// closing mark. A quotation that runs over several paragraphs appears once
// in each, linked by FromPrevious and IntoNext.
type Quotation struct {
	Open QuoteMark
	// Close is the closing mark; its Rune is 0 when the quotation is not
	// closed in this paragraph (it runs into the next one, or it is never
	// closed and a QuoteProblem says so).
	Close QuoteMark
	// Level is the nesting depth: 0 for a quotation, 1 for a quotation
	// inside it, and so on.
	Level int
	// Parent is the index in Paragraph.Quotations of the enclosing
	// quotation, or -1.
	Parent int
	// FromPrevious is set when the quotation began in an earlier paragraph
	// and Open is the mark that reopens it; First is then the mark that
	// first opened it.
	FromPrevious bool
	// IntoNext is set when the quotation runs on into the next paragraph.
	IntoNext bool
	First    Span
}

// Closed reports whether the quotation is closed in this paragraph.
func (q Quotation) Closed() bool { return q.Close.Rune != 0 }

// TextRange returns the range of Paragraph.Text between the marks: the
// quoted words. An unclosed quotation runs to the end of the paragraph.
func (q Quotation) TextRange(p *Paragraph) (start, end int) {
	start = q.Open.Off + runeLen(q.Open.Rune)
	end = len(p.Text)
	if q.Closed() {
		end = q.Close.Off
	}
	return start, max(start, end)
}

// Quoted returns the quoted text.
func (p *Paragraph) Quoted(q Quotation) string {
	s, e := q.TextRange(p)
	return p.Text[s:e]
}

// QuoteProblemKind says what is wrong with a quotation mark.
type QuoteProblemKind uint8

// Quotation-mark problems.
const (
	// StrayClosing: a closing mark with no open quotation.
	StrayClosing QuoteProblemKind = iota + 1
	// Unclosed: a quotation opened and never closed, and the next
	// paragraph does not reopen it.
	Unclosed
	// WrongWay: a curly mark facing the wrong way for its place (“ closing
	// a quotation, ‘ in ‘90s, » opening a Spanish quotation). Want holds
	// the right mark.
	WrongWay
	// Mismatched: a quotation closed by a mark of another kind (“...').
	Mismatched
	// Crossed: a quotation inside a quotation is still open when the
	// outer one closes; it closes later.
	Crossed
)

// String returns the kind's name.
func (k QuoteProblemKind) String() string {
	return [...]string{"", "stray closing mark", "unclosed quotation", "mark facing the wrong way",
		"mismatched marks", "crossed quotations"}[k]
}

// QuoteProblem is a problem found while pairing a paragraph's marks.
type QuoteProblem struct {
	Kind QuoteProblemKind
	Mark QuoteMark // the mark at fault
	// Quotation is the index in Paragraph.Quotations of the quotation
	// concerned, or -1: for StrayClosing, the quotation the mark most
	// likely belongs to (the nearest one before it, else after it); for
	// Unclosed and Crossed, the quotation itself; for
	// Mismatched, the quotation the mark closes.
	Quotation int
	// Want is the mark that belongs at Mark's place when that is certain
	// (WrongWay, some Mismatched), else 0.
	Want rune
}

func runeLen(r rune) int {
	switch {
	case r < 0x80:
		return 1
	case r < 0x800:
		return 2
	case r < 0x10000:
		return 3
	}
	return 4
}
