package lint

import (
	"fmt"
	"maps"
	"slices"
	"sort"
	"strings"

	"github.com/newslint/newslint/draft"
	"github.com/newslint/newslint/spell"
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
	// states is the on/off state of the rules from each disable or enable
	// directive on, in order, so a finding's state is one search away.
	states []ruleState
}

// ruleState is which rules are off from offset from on.
type ruleState struct {
	from   int
	allOff bool
	off    map[string]bool // rules turned off by name
	on     map[string]bool // rules turned back on while all are off
}

func (s ruleState) suppresses(rule string) bool {
	return s.off[rule] || s.allOff && !s.on[rule]
}

// ParseDirectives reads the newslint directives among a draft's HTML
// comments, ignoring case. A rule ID not in known, or an unknown directive
// verb, is a problem; the directive still applies to the rules it names
// correctly. Text after " -- " is a reason and is ignored.
func ParseDirectives(doc *draft.Document, known map[string]bool) Directives {
	var ds Directives
	for _, c := range doc.Comments {
		if len(c.Body) < 9 || !strings.EqualFold(c.Body[:9], "newslint-") {
			continue
		}
		body, _, _ := strings.Cut(strings.ToLower(c.Body), " -- ")
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
	ds.states = rangeStates(ds.List)
	return ds
}

// rangeStates replays the disable and enable directives in order and
// records the state after each. Enabling one rule while all are off turns
// just that rule back on.
func rangeStates(list []Directive) []ruleState {
	var states []ruleState
	cur := ruleState{off: map[string]bool{}, on: map[string]bool{}}
	for _, d := range list {
		if d.Kind != Disable && d.Kind != Enable {
			continue
		}
		next := ruleState{from: d.Span.End, allOff: cur.allOff, off: maps.Clone(cur.off), on: maps.Clone(cur.on)}
		switch {
		case d.Kind == Disable && len(d.Rules) == 0:
			next.allOff, next.on = true, map[string]bool{}
		case d.Kind == Disable:
			for _, r := range d.Rules {
				next.off[r] = true
			}
		case len(d.Rules) == 0:
			next.allOff, next.off, next.on = false, map[string]bool{}, map[string]bool{}
		default:
			for _, r := range d.Rules {
				delete(next.off, r)
				if next.allOff {
					next.on[r] = true
				}
			}
		}
		states = append(states, next)
		cur = next
	}
	return states
}

// Suppressed reports whether directives turn off the finding's rule where
// the finding starts.
func (ds Directives) Suppressed(f *Finding) bool {
	for _, d := range ds.List {
		if (d.Kind == DisableLine || d.Kind == DisableNextLine) && f.Start.Line >= d.FirstLine && f.Start.Line <= d.LastLine &&
			(len(d.Rules) == 0 || slices.Contains(d.Rules, f.Rule)) {
			return true
		}
	}
	k := sort.Search(len(ds.states), func(k int) bool { return ds.states[k].from > f.Span.Start }) - 1
	return k >= 0 && ds.states[k].suppresses(f.Rule)
}

func sortedIDs(known map[string]bool) []string {
	ids := make([]string, 0, len(known))
	for id := range known {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	return ids
}

// Closest returns the candidate within two edits of s, the nearest first
// and the alphabetically first among equals, or "" when none is that
// close. Messages use it for "did you mean".
func Closest(s string, candidates []string) string {
	best, bestDist := "", 3
	for _, c := range candidates {
		if d := spell.Distance(s, c); d < bestDist || d == bestDist && c < best {
			best, bestDist = c, d
		}
	}
	return best
}
