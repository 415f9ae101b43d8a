package reporter

import (
	"bufio"
	"fmt"
	"io"
	"strings"

	"github.com/newslint/newslint/draft"
	"github.com/newslint/newslint/lint"
)

// RDJSON writes reviewdog's Diagnostic Format as one JSON object (rdjson,
// a DiagnosticResult), for `reviewdog -f=rdjson`:
//
//	{"source": {"name": "newslint", "url": …}, "diagnostics": [...]}
//
// Each finding is a diagnostic with its rule as code, every suggestion
// (safe or not) as a reviewdog suggestion, related locations, and the
// text format's line for it as original_output, which reviewdog's local
// reporter prints.
//
// reviewdog's columns count UTF-8 bytes from the start of the line, not
// code points: they are computed from the draft's text, which the run
// keeps for this format (NeedsText), or else from the source lines of the
// run (FileResult.Lines, the lines findings start on). A position on a
// line neither holds, such as the end of a finding that spans lines when
// no text was kept, keeps its code-point column, which is exact when the
// line is ASCII up to it. Related locations are in other files or
// archived articles whose text the run does not have: they give the line
// alone, with a column only when it is 1.
type RDJSON struct{}

// NeedsText reports that the run should keep the text of drafts with
// findings, for exact byte columns (see internal/cli's TextReporter).
func (RDJSON) NeedsText() bool { return true }

type rdjsonSource struct {
	Name string `json:"name"`
	URL  string `json:"url,omitempty"`
}

type rdjsonDiagnostic struct {
	Message          string             `json:"message"`
	Location         rdjsonLocation     `json:"location"`
	Severity         string             `json:"severity"`
	Code             rdjsonCode         `json:"code"`
	Suggestions      []rdjsonSuggestion `json:"suggestions,omitempty"`
	OriginalOutput   string             `json:"original_output"`
	RelatedLocations []rdjsonRelated    `json:"related_locations,omitempty"`
}

type rdjsonLocation struct {
	Path  string      `json:"path"`
	Range rdjsonRange `json:"range"`
}

type rdjsonRange struct {
	Start rdjsonPosition  `json:"start"`
	End   *rdjsonPosition `json:"end,omitempty"`
}

type rdjsonPosition struct {
	Line   int `json:"line"`
	Column int `json:"column,omitempty"`
}

type rdjsonCode struct {
	Value string `json:"value"`
}

type rdjsonSuggestion struct {
	Range rdjsonRange `json:"range"`
	Text  string      `json:"text"`
}

type rdjsonRelated struct {
	Message  string         `json:"message,omitempty"`
	Location rdjsonLocation `json:"location"`
}

// Report writes the run, encoding one diagnostic at a time so that a run
// with many findings does not hold its whole output in memory.
func (RDJSON) Report(w io.Writer, run *Run) error {
	bw := bufio.NewWriter(w)
	fmt.Fprintf(bw, "{\n  \"source\": {\n    \"name\": \"newslint\",\n    \"url\": %q\n  },\n  \"diagnostics\": [", projectURL)
	enc := newItemEncoder(bw, "    ")
	n := 0
	for _, res := range run.Results {
		cols := newByteColumns(res)
		for _, f := range res.Findings {
			if err := enc.item(n, rdjsonFor(f, cols)); err != nil {
				return err
			}
			n++
		}
	}
	if n > 0 {
		bw.WriteString("\n  ")
	}
	bw.WriteString("]\n}\n")
	return bw.Flush()
}

// projectURL is newslint's home page.
const projectURL = "https://github.com/newslint/newslint"

func rdjsonFor(f lint.Finding, cols byteColumns) rdjsonDiagnostic {
	d := rdjsonDiagnostic{
		Message:  f.Message,
		Location: rdjsonLocation{Path: f.Path, Range: cols.rangeOf(f.Start, f.End, f.Span)},
		Severity: strings.ToUpper(f.Severity.String()),
		Code:     rdjsonCode{Value: f.Rule},
	}
	out := fmt.Sprintf("%s:%d:%d %s %s %s", f.Path, f.Start.Line, f.Start.Column, f.Severity, f.Rule, f.Message)
	for _, s := range f.Suggestions {
		d.Suggestions = append(d.Suggestions, rdjsonSuggestion{Range: cols.rangeOf(s.Start, s.End, s.Span), Text: s.Text})
		out += "\n  = help: " + describeEdit(s)
	}
	d.OriginalOutput = out
	for _, r := range f.Related {
		path := r.Path
		if path == "" {
			path = f.Path
		}
		start := rdjsonPosition{Line: r.Pos.Line}
		if r.Pos.Column == 1 {
			start.Column = 1
		}
		msg := r.Message
		if r.Diff != "" {
			msg += "\n" + strings.TrimRight(r.Diff, "\n")
		}
		d.RelatedLocations = append(d.RelatedLocations, rdjsonRelated{Message: msg,
			Location: rdjsonLocation{Path: path, Range: rdjsonRange{Start: start}}})
	}
	return d
}

// byteColumns turns positions in one draft into reviewdog's columns:
// 1-based, counting UTF-8 bytes from the start of the line.
type byteColumns struct {
	text   string         // the draft's text, if the run kept it
	lines  map[int]string // the lines findings start on
	starts map[int]int    // offset in the text of those lines' starts
}

func newByteColumns(res lint.FileResult) byteColumns {
	c := byteColumns{text: res.Text, lines: res.Lines, starts: map[int]int{}}
	for _, f := range res.Findings {
		if line, ok := res.Lines[f.Start.Line]; ok {
			if start := f.Span.Start - len(prefix(line, f.Start.Column-1)); start >= 0 {
				c.starts[f.Start.Line] = start
			}
		}
	}
	return c
}

// rangeOf returns the range from start to end, off being the same range
// as offsets in the draft's text.
func (c byteColumns) rangeOf(start, end draft.Position, off draft.Span) rdjsonRange {
	return rdjsonRange{
		Start: rdjsonPosition{Line: start.Line, Column: c.column(start, off.Start)},
		End:   &rdjsonPosition{Line: end.Line, Column: c.column(end, off.End)},
	}
}

// column returns the byte column of position p, at offset off in the
// draft's text.
func (c byteColumns) column(p draft.Position, off int) int {
	switch {
	case p.Column <= 1:
		return p.Column
	case c.text != "" && off <= len(c.text):
		return off - (strings.LastIndexByte(c.text[:off], '\n') + 1) + 1
	}
	if start, ok := c.starts[p.Line]; ok && off >= start {
		return off - start + 1
	}
	if line, ok := c.lines[p.Line]; ok {
		return len(prefix(line, p.Column-1)) + 1
	}
	return p.Column
}

// prefix returns the first n code points of s, or all of s.
func prefix(s string, n int) string {
	for i := range s {
		if n == 0 {
			return s[:i]
		}
		n--
	}
	return s
}
