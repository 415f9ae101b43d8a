package reporter

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
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
	Fingerprint string           `json:"fingerprint"`
}

type jsonSuggestion struct {
	Text      string `json:"text"`
	Safe      bool   `json:"safe"`
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

// Report writes the run, encoding one finding at a time so that a run
// with many findings does not hold its whole output in memory.
func (JSON) Report(w io.Writer, run *Run) error {
	bw := bufio.NewWriter(w)
	fmt.Fprintf(bw, "{\n  \"version\": %d,\n  \"files\": %d,\n  \"findings\": [", JSONVersion, run.Files)
	n, err := writeItems(bw, "    ", run, func(f lint.Finding) any { return toJSON(f) })
	if err != nil {
		return err
	}
	if n > 0 {
		bw.WriteString("\n  ")
	}
	bw.WriteString("]\n}\n")
	return bw.Flush()
}

// writeItems writes one JSON array element per finding of the run, made
// by item, and returns how many it wrote.
func writeItems(w *bufio.Writer, indent string, run *Run, item func(lint.Finding) any) (int, error) {
	enc := newItemEncoder(w, indent)
	n := 0
	for _, res := range run.Results {
		for _, f := range res.Findings {
			if err := enc.item(n, item(f)); err != nil {
				return n, err
			}
			n++
		}
	}
	return n, nil
}

// itemEncoder writes the elements of a JSON array one at a time, indented
// as json.Encoder with SetIndent would write the whole array.
type itemEncoder struct {
	w      *bufio.Writer
	buf    bytes.Buffer
	enc    *json.Encoder
	indent string
}

func newItemEncoder(w *bufio.Writer, indent string) *itemEncoder {
	e := &itemEncoder{w: w, indent: indent}
	e.enc = json.NewEncoder(&e.buf)
	e.enc.SetEscapeHTML(false)
	e.enc.SetIndent(indent, "  ")
	return e
}

// item writes element n (0-based) of the array.
func (e *itemEncoder) item(n int, v any) error {
	e.buf.Reset()
	if err := e.enc.Encode(v); err != nil {
		return err
	}
	if n > 0 {
		e.w.WriteByte(',')
	}
	e.w.WriteString("\n" + e.indent)
	_, err := e.w.Write(bytes.TrimRight(e.buf.Bytes(), "\n"))
	return err
}

func toJSON(f lint.Finding) jsonFinding {
	jf := jsonFinding{
		Path: f.Path, Rule: f.Rule, Severity: f.Severity.String(), Message: f.Message,
		Line: f.Start.Line, Column: f.Start.Column, EndLine: f.End.Line, EndColumn: f.End.Column,
		Offset: f.Start.Offset, EndOffset: f.End.Offset,
		Suggestions: []jsonSuggestion{}, Related: []jsonRelated{}, Fingerprint: f.Fingerprint,
	}
	for _, s := range f.Suggestions {
		jf.Suggestions = append(jf.Suggestions, jsonSuggestion{Text: s.Text, Safe: s.Safe, Offset: s.Start.Offset, EndOffset: s.End.Offset})
	}
	for _, r := range f.Related {
		jf.Related = append(jf.Related, jsonRelated{Path: r.Path, Line: r.Pos.Line, Column: r.Pos.Column, Message: r.Message, Diff: r.Diff})
	}
	return jf
}
