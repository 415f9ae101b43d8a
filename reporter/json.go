package reporter

import (
	"encoding/json"
	"io"

	"github.com/newslint/newslint/lint"
)

// JSON writes one JSON object, the stable contract for editors and
// scripts (schema in the README):
//
//	{"version": 1, "files": N, "findings": [...]}
type JSON struct{}

// JSONVersion is the version of the JSON output schema.
const JSONVersion = 1

type jsonRun struct {
	Version  int           `json:"version"`
	Files    int           `json:"files"`
	Findings []jsonFinding `json:"findings"`
}

type jsonFinding struct {
	Path        string           `json:"path"`
	Rule        string           `json:"rule"`
	Severity    string           `json:"severity"`
	Message     string           `json:"message"`
	Line        int              `json:"line"`
	Column      int              `json:"column"`
	EndLine     int              `json:"end_line"`
	EndColumn   int              `json:"end_column"`
	Offset      int              `json:"offset"`
	EndOffset   int              `json:"end_offset"`
	Suggestions []jsonSuggestion `json:"suggestions"`
	Related     []jsonRelated    `json:"related"`
}

type jsonSuggestion struct {
	Text      string `json:"text"`
	Offset    int    `json:"offset"`
	EndOffset int    `json:"end_offset"`
}

type jsonRelated struct {
	Path    string `json:"path"`
	Line    int    `json:"line"`
	Column  int    `json:"column"`
	Message string `json:"message"`
	Diff    string `json:"diff,omitempty"`
}

// Report writes the run.
func (JSON) Report(w io.Writer, run *Run) error {
	out := jsonRun{Version: JSONVersion, Files: run.Files, Findings: []jsonFinding{}}
	for _, f := range run.Findings() {
		out.Findings = append(out.Findings, toJSON(f))
	}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}

func toJSON(f lint.Finding) jsonFinding {
	jf := jsonFinding{
		Path: f.Path, Rule: f.Rule, Severity: f.Severity.String(), Message: f.Message,
		Line: f.Start.Line, Column: f.Start.Column, EndLine: f.End.Line, EndColumn: f.End.Column,
		Offset: f.Start.Offset, EndOffset: f.End.Offset,
		Suggestions: []jsonSuggestion{}, Related: []jsonRelated{},
	}
	for _, s := range f.Suggestions {
		jf.Suggestions = append(jf.Suggestions, jsonSuggestion{Text: s.Text, Offset: s.Start.Offset, EndOffset: s.End.Offset})
	}
	for _, r := range f.Related {
		jf.Related = append(jf.Related, jsonRelated{Path: r.Path, Line: r.Pos.Line, Column: r.Pos.Column, Message: r.Message, Diff: r.Diff})
	}
	return jf
}
