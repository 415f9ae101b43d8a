package rules

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/newslint/newslint/draft"
	"github.com/newslint/newslint/lint"
)

// Values of the broken-quote options.
const (
	QuoteStyleAny        = "any"
	QuoteStyleCurly      = "curly"
	QuoteStyleStraight   = "straight"
	QuoteStyleConsistent = "consistent"

	NestingLanguage      = "language"
	NestingDoubleOutside = "double-outside"
	NestingSingleOutside = "single-outside"
	NestingOff           = "off"
)

// BrokenQuoteOptions configures broken-quote.
type BrokenQuoteOptions struct {
	Style   string `yaml:"style" doc:"which quotation marks and apostrophes the drafts use: any (default), curly, straight, or consistent (whichever kind a draft mostly uses); marks of the other kind are flagged, with a fix"`
	Nesting string `yaml:"nesting" doc:"the order of marks for a quotation inside a quotation: language (default: “ ‘ ’ ” in American English, ‘ “ ” ’ in British English, « “ ‘ ’ ” » in Spanish, „ ‚ ‘ “ in German), double-outside, single-outside, or off"`
}

// BrokenQuoteRule flags quotation marks that do not pair up: a closing
// mark with no open quotation, a quotation never closed, marks facing the
// wrong way or of different kinds, quotations nested the wrong way for the
// draft's language, and (when configured) straight marks in curly copy or
// the reverse.
type BrokenQuoteRule struct {
	style   string
	nesting string
}

// Meta describes the rule.
func (BrokenQuoteRule) Meta() lint.Meta {
	return lint.Meta{
		ID:    "broken-quote",
		Title: "unbalanced, stray, mismatched or wrongly nested quotation marks",
		Doc: "Pairs every paragraph's quotation marks, straight and curly, by the conventions of the draft's " +
			"language (American or British English, Spanish, French, German), and flags a closing mark with " +
			"no open quotation (naming the quotation it most likely belongs with), a quotation never closed, " +
			"a curly mark facing the wrong way, a quotation closed by a mark of another kind, a quotation " +
			"inside a quotation that uses the wrong marks or closes after the outer one, and, in French, " +
			"guillemets without a no-break space inside. A quotation that runs over several paragraphs, each " +
			"reopening with a mark and only the last closing, is correct. Apostrophes (don't, the Joneses', " +
			"'90s, rock 'n' roll), feet and inches (6'2\"), ditto marks and code are not quotation marks. " +
			"Fixes are offered only where they are certain: a mark facing the wrong way, and the style option.",
		Severity: lint.Error,
		Bad:      "\"We are ready,\" the mayor said after the vote.\" \"We have been for weeks.\"",
		Good:     "\"We are ready,\" the mayor said after the vote. \"We have been for weeks.\"",
	}
}

// DefaultOptions returns the default options.
func (BrokenQuoteRule) DefaultOptions() any {
	return &BrokenQuoteOptions{Style: QuoteStyleAny, Nesting: NestingLanguage}
}

// WithOptions returns the rule configured with opts.
func (BrokenQuoteRule) WithOptions(opts any) (lint.Rule, error) {
	o := opts.(*BrokenQuoteOptions)
	switch o.Style {
	case QuoteStyleAny, QuoteStyleCurly, QuoteStyleStraight, QuoteStyleConsistent:
	default:
		return nil, fmt.Errorf("style: %q is not one of any, curly, straight, consistent", o.Style)
	}
	switch o.Nesting {
	case NestingLanguage, NestingDoubleOutside, NestingSingleOutside, NestingOff:
	default:
		return nil, fmt.Errorf("nesting: %q is not one of language, double-outside, single-outside, off", o.Nesting)
	}
	return BrokenQuoteRule{style: o.Style, nesting: o.Nesting}, nil
}

// Check reports the problems pairing found, wrong nesting, French
// spacing and, when configured, marks of the wrong style.
func (r BrokenQuoteRule) Check(p *lint.Pass) {
	style := draft.QuoteStyleFor(p.Doc.Language)
	levels := r.levels(&style)
	for pi := range p.Doc.Paragraphs {
		para := &p.Doc.Paragraphs[pi]
		if len(para.QuoteMarks) == 0 {
			continue
		}
		bad := map[int]bool{}
		for _, pr := range para.QuoteProblems {
			if pr.Quotation >= 0 {
				bad[pr.Quotation] = true
			}
			p.Report(r.problem(p.Doc, para, pr, &style))
		}
		r.checkNesting(p, para, levels, bad)
		if style.Name == "French" {
			checkFrenchSpacing(p, para)
		}
	}
	if r.style != QuoteStyleAny {
		r.checkStyle(p, &style)
	}
}

// problem turns a pairing problem into a diagnostic.
func (r BrokenQuoteRule) problem(doc *draft.Document, para *draft.Paragraph, pr draft.QuoteProblem, style *draft.QuoteStyle) lint.Diagnostic {
	d := lint.Diagnostic{Span: pr.Mark.Span}
	mark := string(pr.Mark.Rune)
	var q *draft.Quotation
	if pr.Quotation >= 0 {
		q = &para.Quotations[pr.Quotation]
	}
	switch pr.Kind {
	case draft.StrayClosing:
		d.Message = fmt.Sprintf("stray closing %s after %q: no quotation is open here", mark, wordsBefore(para, pr.Mark.Off, 3))
		if q != nil {
			where := "closed"
			pos := doc.Position(q.Close.Span.Start)
			if !q.Closed() || q.Open.Off > pr.Mark.Off {
				where, pos = "opens", doc.Position(q.Open.Span.Start)
			}
			d.Message += fmt.Sprintf("; the nearest quotation, %s, %s at %d:%d", excerpt(para, *q), where, pos.Line, pos.Column)
			d.Related = append(d.Related, lint.Related{Pos: doc.Position(q.Open.Span.Start), Message: "the nearest quotation opens here"})
		}
	case draft.Unclosed:
		d.Message = fmt.Sprintf("quotation %s is never closed", excerpt(para, *q))
		if q.FromPrevious {
			d.Message += " (it reopens here, continuing from an earlier paragraph, and the next paragraph does not reopen it)"
			d.Related = append(d.Related, lint.Related{Pos: doc.Position(q.First.Start), Message: "the quotation first opens here"})
		}
	case draft.WrongWay:
		d.Message = wrongWayMessage(para, pr, style)
		d.Suggestions = replaceMark(doc, pr.Mark.Span, pr.Want)
	case draft.Mismatched:
		if q.Close.Off == pr.Mark.Off {
			d.Message = fmt.Sprintf("quotation %s opens with %c but closes with %c", excerpt(para, *q), q.Open.Rune, q.Close.Rune)
		} else {
			d.Message = fmt.Sprintf("quotation %s closes with %c but opens with %c", excerpt(para, *q), q.Close.Rune, q.Open.Rune)
		}
		if pr.Want != 0 {
			d.Message += fmt.Sprintf(": use %c", pr.Want)
			d.Suggestions = replaceMark(doc, pr.Mark.Span, pr.Want)
		}
		pos := doc.Position(q.Open.Span.Start)
		if q.Close.Off == pr.Mark.Off {
			d.Related = append(d.Related, lint.Related{Pos: pos, Message: "the quotation opens here"})
		}
	case draft.Crossed:
		outer := para.Quotations[q.Parent]
		d.Message = fmt.Sprintf("quotation %s closes after the quotation around it, %s: close the inner one first",
			excerpt(para, *q), excerpt(para, outer))
		d.Related = append(d.Related, lint.Related{Pos: doc.Position(outer.Close.Span.Start), Message: "the outer quotation closes here"})
	}
	return d
}

// wrongWayMessage explains a mark facing the wrong way or not used that
// way in the language.
func wrongWayMessage(para *draft.Paragraph, pr draft.QuoteProblem, style *draft.QuoteStyle) string {
	m, want := pr.Mark.Rune, pr.Want
	switch pr.Mark.Role {
	case draft.RoleApostrophe:
		return fmt.Sprintf("apostrophe %c in %q faces the wrong way: use %c", m, wordAround(para, pr.Mark.Off), want)
	case draft.RoleOpening:
		if mirror(m) == want && style.Double.Close == '”' {
			return fmt.Sprintf("opening mark %c faces the wrong way: use %c", m, want)
		}
		return fmt.Sprintf("%s quotations do not open with %c: use %c", style.Name, m, want)
	}
	if mirror(m) == want && style.Double.Close == '”' {
		return fmt.Sprintf("closing mark %c faces the wrong way: use %c", m, want)
	}
	return fmt.Sprintf("%s quotations do not close with %c: use %c", style.Name, m, want)
}

// mirror returns the mark facing the other way: “ for ”.
func mirror(r rune) rune {
	for _, p := range []string{"“”", "‘’", "«»", "‹›"} {
		a, n := utf8.DecodeRuneInString(p)
		b, _ := utf8.DecodeRuneInString(p[n:])
		switch r {
		case a:
			return b
		case b:
			return a
		}
	}
	return 0
}

// levels returns the nesting order the rule checks.
func (r BrokenQuoteRule) levels(style *draft.QuoteStyle) []draft.QuotePair {
	double, single := draft.QuotePair{Open: '“', Close: '”'}, draft.QuotePair{Open: '‘', Close: '’'}
	switch r.nesting {
	case NestingOff:
		return nil
	case NestingDoubleOutside:
		return []draft.QuotePair{double, single}
	case NestingSingleOutside:
		return []draft.QuotePair{single, double}
	}
	if !style.Nested() {
		return nil
	}
	return style.Levels
}

// checkNesting flags a quotation inside a quotation that uses the wrong
// marks for its level. English styles fix the order: a quotation at
// nesting level L uses the marks of level L, cycling (“ ‘ “ in American
// English, ‘ “ ‘ in British English), except in headings, where American
// headlines put single marks outside, so only marks of the same kind
// directly nested are wrong. Other languages only require each level to go
// deeper than the one around it (Spanish « “ ‘, or “ ‘ without «).
func (r BrokenQuoteRule) checkNesting(p *lint.Pass, para *draft.Paragraph, levels []draft.QuotePair, bad map[int]bool) {
	if len(levels) == 0 {
		return
	}
	style := draft.QuoteStyleFor(p.Doc.Language)
	fixed := r.nesting != NestingLanguage || style.Ordered()
	heading := para.Kind == draft.BlockHeadline || para.Kind == draft.BlockHeading
	for qi, q := range para.Quotations {
		if q.Parent < 0 || bad[qi] || bad[q.Parent] {
			continue
		}
		outer := para.Quotations[q.Parent]
		inner, outside := rankIn(levels, &style, q.Open.Rune), rankIn(levels, &style, outer.Open.Rune)
		if inner < 0 || outside < 0 {
			continue // a foreign quotation
		}
		want := -1
		switch {
		case fixed && !heading:
			want = q.Level % len(levels)
		case fixed:
			want = (outside + 1) % len(levels)
		case inner <= outside && outside+1 < len(levels):
			want = outside + 1
		}
		if want < 0 || inner == want {
			continue
		}
		marks := levels[want].String()
		if q.Open.Straight() {
			marks = `" "`
			if levels[want].Open == style.Single.Open {
				marks = "' '"
			}
		}
		msg := fmt.Sprintf("quotation %s inside the quotation %s should use %s", excerpt(para, q), excerpt(para, outer), marks)
		if r.nesting == NestingLanguage {
			msg += fmt.Sprintf(" (%s nests %s inside %s)", style.Name, levels[1], levels[0])
		}
		p.Report(lint.Diagnostic{Span: q.Open.Span, Message: msg})
	}
}

// rankIn returns the level of an opening mark among levels, treating
// straight marks as the style's curly ones, or -1.
func rankIn(levels []draft.QuotePair, style *draft.QuoteStyle, open rune) int {
	switch open {
	case '"':
		open = style.Double.Open
	case '\'':
		open = style.Single.Open
	}
	for i, l := range levels {
		if l.Open == open {
			return i
		}
	}
	return -1
}

// checkFrenchSpacing flags guillemets without a no-break space on their
// inner side, as French typography requires: « Bonjour ».
func checkFrenchSpacing(p *lint.Pass, para *draft.Paragraph) {
	for _, m := range para.QuoteMarks {
		var next, at int // the neighbor on the inner side, and where it starts
		switch {
		case m.Rune == '«' && m.Role == draft.RoleOpening:
			at = m.Off + len("«")
			if at >= len(para.Text) {
				continue
			}
			r, _ := utf8.DecodeRuneInString(para.Text[at:])
			next = int(r)
		case m.Rune == '»' && m.Role == draft.RoleClosing:
			r, n := utf8.DecodeLastRuneInString(para.Text[:m.Off])
			next, at = int(r), m.Off-n
		default:
			continue
		}
		if next == '\u00a0' || next == '\u202f' {
			continue
		}
		d := lint.Diagnostic{Span: m.Span,
			Message: fmt.Sprintf("French guillemet %c needs a no-break space on its inner side", m.Rune)}
		switch {
		case next == ' ' && para.Exact(at, at+1):
			d.Suggestions = []lint.Edit{{Span: para.SourceSpan(at, at+1), NewText: "\u00a0", Safe: true}}
		case next != ' ' && m.Rune == '«':
			d.Suggestions = []lint.Edit{{Span: draft.Span{Start: m.Span.End, End: m.Span.End}, NewText: "\u00a0", Safe: true}}
		case next != ' ':
			d.Suggestions = []lint.Edit{{Span: draft.Span{Start: m.Span.Start, End: m.Span.Start}, NewText: "\u00a0", Safe: true}}
		}
		p.Report(d)
	}
}

// checkStyle flags the marks of the kind the style option excludes.
func (r BrokenQuoteRule) checkStyle(p *lint.Pass, style *draft.QuoteStyle) {
	wantCurly := r.style == QuoteStyleCurly
	if r.style == QuoteStyleConsistent {
		straight, curly := 0, 0
		for pi := range p.Doc.Paragraphs {
			for _, m := range p.Doc.Paragraphs[pi].QuoteMarks {
				switch {
				case !countsForStyle(m):
				case m.Straight():
					straight++
				case isCurly(m.Rune):
					curly++
				}
			}
		}
		if straight == 0 || curly == 0 {
			return
		}
		wantCurly = curly >= straight
	}
	for pi := range p.Doc.Paragraphs {
		for _, m := range p.Doc.Paragraphs[pi].QuoteMarks {
			if !countsForStyle(m) {
				continue
			}
			if wantCurly && m.Straight() {
				d := lint.Diagnostic{Span: m.Span, Message: fmt.Sprintf("straight %s %c in curly copy", roleName(m), m.Rune)}
				if c := curlyFor(m, style); c != 0 {
					d.Message += fmt.Sprintf(": use %c", c)
					d.Suggestions = replaceMark(p.Doc, m.Span, c)
				}
				p.Report(d)
			}
			if !wantCurly && isCurly(m.Rune) {
				s := '\''
				if m.Double() {
					s = '"'
				}
				p.Report(lint.Diagnostic{Span: m.Span, Message: fmt.Sprintf("curly %s %c in straight copy: use %c", roleName(m), m.Rune, s),
					Suggestions: replaceMark(p.Doc, m.Span, s)})
			}
		}
	}
}

// countsForStyle reports whether a mark is a quotation mark or apostrophe
// whose style matters: not a prime, a ditto mark or a guillemet.
func countsForStyle(m draft.QuoteMark) bool {
	return (m.Double() || m.Single()) && m.Role != draft.RolePrime && m.Role != draft.RoleDitto
}

func isCurly(r rune) bool { return strings.ContainsRune("“”‘’„‚", r) }

func roleName(m draft.QuoteMark) string {
	switch m.Role {
	case draft.RoleOpening:
		return "opening mark"
	case draft.RoleClosing:
		return "closing mark"
	case draft.RoleApostrophe:
		return "apostrophe"
	}
	return "quotation mark"
}

// curlyFor returns the curly mark for a straight one in its role, or 0
// when the role is unknown.
func curlyFor(m draft.QuoteMark, style *draft.QuoteStyle) rune {
	pair := style.Double
	if m.Rune == '\'' {
		pair = style.Single
	}
	switch m.Role {
	case draft.RoleOpening:
		return pair.Open
	case draft.RoleClosing:
		return pair.Close
	case draft.RoleApostrophe:
		if m.Rune == '\'' {
			return style.Apostrophe
		}
	}
	return 0
}

// replaceMark returns the edit that replaces the mark at span with r,
// written as the source wrote the mark: an HTML entity stays an entity.
func replaceMark(doc *draft.Document, span draft.Span, r rune) []lint.Edit {
	if r <= 0 {
		return nil
	}
	text := string(r)
	if src := doc.Slice(span); strings.HasPrefix(src, "&") {
		switch {
		case strings.HasPrefix(src, "&#x"), strings.HasPrefix(src, "&#X"):
			text = fmt.Sprintf("&#x%X;", r)
		case strings.HasPrefix(src, "&#"):
			text = fmt.Sprintf("&#%d;", r)
		default:
			if name, ok := quoteEntities[r]; ok {
				text = "&" + name + ";"
			}
		}
	}
	return []lint.Edit{{Span: span, NewText: text, Safe: true}}
}

var quoteEntities = map[rune]string{'“': "ldquo", '”': "rdquo", '‘': "lsquo", '’': "rsquo", '„': "bdquo",
	'‚': "sbquo", '«': "laquo", '»': "raquo", '‹': "lsaquo", '›': "rsaquo", '"': "quot", '\'': "apos"}

// excerpt quotes the start of a quotation with its marks: “We are ready…”.
func excerpt(para *draft.Paragraph, q draft.Quotation) string {
	s, e := q.TextRange(para)
	text := para.Text[s:e]
	const maxWords = 6
	words := strings.Fields(text)
	cut := len(words) > maxWords
	if cut {
		words = words[:maxWords]
	}
	out := string(q.Open.Rune) + strings.Join(words, " ")
	if cut || !q.Closed() {
		out += "…"
	}
	if q.Closed() {
		out += string(q.Close.Rune)
	}
	return out
}

// wordsBefore returns up to n words of the text before offset off.
func wordsBefore(para *draft.Paragraph, off, n int) string {
	words := strings.Fields(para.Text[:off])
	if len(words) > n {
		words = words[len(words)-n:]
	}
	return strings.Join(words, " ")
}

// wordAround returns the white-space-delimited token holding offset off,
// without trailing punctuation.
func wordAround(para *draft.Paragraph, off int) string {
	start := strings.LastIndexAny(para.Text[:off], " \n\t") + 1
	end := strings.IndexAny(para.Text[off:], " \n\t")
	if end < 0 {
		end = len(para.Text)
	} else {
		end += off
	}
	return strings.TrimRight(para.Text[start:end], ".,;:!?")
}
