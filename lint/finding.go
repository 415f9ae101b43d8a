package lint

import (
	"sort"

	"github.com/newslint/newslint/draft"
)

// Finding is a diagnostic placed in a file, with its rule and severity.
type Finding struct {
	Path        string
	Rule        string
	Severity    Severity
	Message     string
	Span        draft.Span // in the decoded text of the draft
	Start, End  draft.Position
	Suggestions []Suggestion
	Related     []Related
	// Fingerprint identifies the finding across edits elsewhere in the
	// file, for baselines: 16 hex digits from the rule, the path and the
	// text the finding concerns, never its line number.
	Fingerprint string
}

// Suggestion is a suggested edit placed in the file: replace the text
// between Start and End (Old) with Text.
type Suggestion struct {
	Text string
	// Safe marks an edit certain enough to apply without a person
	// choosing (see lint.Edit).
	Safe       bool
	Old        string
	Span       draft.Span
	Start, End draft.Position
}

// FileResult is everything reported for one file.
type FileResult struct {
	Path     string
	Findings []Finding
	// Lines holds the source text of every line a finding starts on, for
	// reporters that show context.
	Lines map[int]string
	// Text is the draft's decoded text, kept only when a reporter shows
	// whole drafts (the HTML report); empty otherwise.
	Text string
}

// SortFindings orders findings by path, then position, then rule and
// message, so that output is the same from run to run.
func SortFindings(fs []Finding) {
	sort.SliceStable(fs, func(i, j int) bool {
		a, b := &fs[i], &fs[j]
		switch {
		case a.Path != b.Path:
			return a.Path < b.Path
		case a.Span.Start != b.Span.Start:
			return a.Span.Start < b.Span.Start
		case a.Span.End != b.Span.End:
			return a.Span.End < b.Span.End
		case a.Rule != b.Rule:
			return a.Rule < b.Rule
		}
		return a.Message < b.Message
	})
}

// dedupe drops findings identical in rule, span and message to the one
// before them; fs must be sorted.
func dedupe(fs []Finding) []Finding {
	out := fs[:0]
	for i, f := range fs {
		if i > 0 {
			p := out[len(out)-1]
			if p.Rule == f.Rule && p.Span == f.Span && p.Message == f.Message {
				continue
			}
		}
		out = append(out, f)
	}
	return out
}
