package lint

import (
	"fmt"
	"sort"
	"strings"

	"github.com/newslint/newslint/draft"
)

// DirectiveKind is the verb of an inline directive.
type DirectiveKind int

// Directive verbs, written as HTML comments in Markdown and HTML drafts.
const (
	Disable         DirectiveKind = iota // <!-- newslint-disable [RULE, ...] -->
	Enable                               // <!-- newslint-enable [RULE, ...] -->
	DisableLine                          // <!-- newslint-disable-line [RULE, ...] -->
	DisableNextLine                      // <!-- newslint-disable-next-line [RULE, ...] -->
)

var directiveVerbs = map[string]DirectiveKind{
	"newslint-disable":           Disable,
	"newslint-enable":            Enable,
	"newslint-disable-line":      DisableLine,
	"newslint-disable-next-line": DisableNextLine,
}

// Directive is a parsed inline directive.
type Directive struct {
	Kind  DirectiveKind
	Rules []string // empty means every rule
	Span  draft.Span
	// Lines is the range of lines it applies to for DisableLine and
	// DisableNextLine.
	FirstLine, LastLine int
}

// Directives is the list of a draft's directives and the problems found
// while reading them.
type Directives struct {
	List     []Directive
	Problems []Diagnostic
}

// ParseDirectives reads the newslint directives among a draft's HTML
// comments. A rule ID not in known, or an unknown directive verb, is a
// problem; the directive still applies to the rules it names correctly.
// Text after " -- " is a reason and is ignored.
func ParseDirectives(doc *draft.Document, known map[string]bool) Directives {
	var ds Directives
	for _, c := range doc.Comments {
		if !strings.HasPrefix(c.Body, "newslint-") {
			continue
		}
		body, _, _ := strings.Cut(c.Body, " -- ")
		fields := strings.FieldsFunc(body, func(r rune) bool { return r == ',' || r == ' ' || r == '\t' || r == '\n' || r == '\r' })
		kind, ok := directiveVerbs[fields[0]]
		if !ok {
			ds.Problems = append(ds.Problems, Diagnostic{Span: c.Span,
				Message: fmt.Sprintf("unknown directive %q (want newslint-disable, newslint-enable, newslint-disable-line or newslint-disable-next-line)", fields[0])})
			continue
		}
		d := Directive{Kind: kind, Span: c.Span}
		for _, id := range fields[1:] {
			if !known[id] {
				msg := fmt.Sprintf("unknown rule %q in %s directive", id, fields[0])
				if s := Closest(id, sortedIDs(known)); s != "" {
					msg += fmt.Sprintf("; did you mean %q?", s)
				}
				ds.Problems = append(ds.Problems, Diagnostic{Span: c.Span, Message: msg})
				continue
			}
			d.Rules = append(d.Rules, id)
		}
		if len(fields) > 1 && len(d.Rules) == 0 {
			continue // only unknown rules: applying it to every rule would hide too much
		}
		start, end := doc.Position(c.Span.Start).Line, doc.Position(c.Span.End).Line
		switch kind {
		case DisableLine:
			d.FirstLine, d.LastLine = start, end
		case DisableNextLine:
			next := end + 1
			for next < doc.LineCount() && strings.TrimSpace(doc.Line(next)) == "" {
				next++
			}
			d.FirstLine, d.LastLine = next, next
		}
		ds.List = append(ds.List, d)
	}
	return ds
}

// Suppressed reports whether directives turn off rule at the finding f.
func (ds Directives) Suppressed(rule string, f *Finding) bool {
	allOff := false
	off := map[string]bool{}
	except := map[string]bool{}
	for _, d := range ds.List {
		switch d.Kind {
		case DisableLine, DisableNextLine:
			if f.Start.Line >= d.FirstLine && f.Start.Line <= d.LastLine && (len(d.Rules) == 0 || contains(d.Rules, rule)) {
				return true
			}
			continue
		}
		if d.Span.End > f.Span.Start {
			continue
		}
		switch {
		case d.Kind == Disable && len(d.Rules) == 0:
			allOff = true
			clear(except)
		case d.Kind == Disable:
			for _, r := range d.Rules {
				off[r] = true
			}
		case len(d.Rules) == 0:
			allOff = false
			clear(off)
		default:
			for _, r := range d.Rules {
				off[r] = false
				if allOff {
					except[r] = true
				}
			}
		}
	}
	return off[rule] || allOff && !except[rule]
}

func sortedIDs(known map[string]bool) []string {
	ids := make([]string, 0, len(known))
	for id := range known {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	return ids
}

func contains(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}

// Closest returns the candidate within two edits of s, the nearest first
// and the alphabetically first among equals, or "" when none is that
// close. Messages use it for "did you mean".
func Closest(s string, candidates []string) string {
	best, bestDist := "", 3
	for _, c := range candidates {
		if d := editDistance(s, c); d < bestDist || d == bestDist && c < best {
			best, bestDist = c, d
		}
	}
	return best
}

func editDistance(a, b string) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}
