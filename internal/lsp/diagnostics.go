package lsp

import (
	"encoding/json"
	"errors"
	"os"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/newslint/newslint/config"
	"github.com/newslint/newslint/lint"
)

// source names the server in every diagnostic.
const source = "newslint"

// diagnosticData is a diagnostic's data: its fixes, placed in the text of
// the document version they were computed for.
type diagnosticData struct {
	Version int32 `json:"version"`
	Fixes   []fix `json:"fixes"`
}

// fix is one suggestion as a text edit.
type fix struct {
	Title   string `json:"title"`
	Range   Range  `json:"range"`
	NewText string `json:"newText"`
	Safe    bool   `json:"safe"`
}

// diagnose turns a lint of text (version of the document uri) into
// diagnostics. A lint error becomes one diagnostic at the top of the
// document.
func diagnose(uri, text string, version int32, res lint.FileResult, err error, encoding string) []Diagnostic {
	c := newConverter(text, encoding)
	if err != nil {
		return []Diagnostic{errorDiagnostic(err, encoding)}
	}
	diags := make([]Diagnostic, 0, len(res.Findings))
	others := map[string]*converter{} // other files' text, by path
	for _, f := range res.Findings {
		d := Diagnostic{
			Range:    Range{Start: c.position(f.Start.Offset), End: c.position(f.End.Offset)},
			Severity: severity(f.Severity),
			Code:     f.Rule,
			Source:   source,
			Message:  f.Message,
		}
		for _, r := range f.Related {
			loc := Location{URI: uri}
			if r.Path == "" {
				p := c.position(r.Pos.Offset)
				loc.Range = Range{Start: p, End: p}
			} else {
				loc.URI = pathToURI(r.Path)
				p := otherPosition(others, r.Path, r.Pos.Line, r.Pos.Column, encoding)
				loc.Range = Range{Start: p, End: p}
			}
			msg := r.Message
			if r.Diff != "" {
				msg += "\n" + r.Diff
			}
			d.RelatedInformation = append(d.RelatedInformation, DiagnosticRelatedInformation{Location: loc, Message: msg})
		}
		if len(f.Suggestions) > 0 {
			data := diagnosticData{Version: version}
			for _, s := range f.Suggestions {
				data.Fixes = append(data.Fixes, fix{
					Title:   title(s),
					Range:   Range{Start: c.position(s.Start.Offset), End: c.position(s.End.Offset)},
					NewText: s.Text,
					Safe:    s.Safe,
				})
			}
			d.Data, _ = json.Marshal(data) // plain structs: cannot fail
		}
		diags = append(diags, d)
	}
	return diags
}

// errorDiagnostic reports a draft that could not be linted: a bad
// configuration file (named with its line and column, and linked) or a
// draft that is not text.
func errorDiagnostic(err error, encoding string) Diagnostic {
	d := Diagnostic{Severity: severityWarning, Source: source, Message: err.Error()}
	var ce *config.Error
	if errors.As(err, &ce) {
		d.Severity = severityError
		d.Code = "config"
		d.Message = "configuration error: " + err.Error()
		line, col := max(ce.Line, 1), max(ce.Column, 1)
		p := otherPosition(map[string]*converter{}, ce.Path, line, col, encoding)
		d.RelatedInformation = []DiagnosticRelatedInformation{{
			Location: Location{URI: pathToURI(ce.Path), Range: Range{Start: p, End: p}},
			Message:  ce.Msg,
		}}
	}
	return d
}

// otherPosition places a 1-based line and column (in code points) of
// another file, reading it to count code units; when it cannot be read, the
// column is taken as the character.
func otherPosition(cache map[string]*converter, path string, line, col int, encoding string) Position {
	p := Position{Line: max(line-1, 0), Character: max(col-1, 0)}
	c, ok := cache[path]
	if !ok {
		if data, err := os.ReadFile(path); err == nil && utf8.Valid(data) {
			c = newConverter(string(data), encoding)
		}
		cache[path] = c
	}
	if c == nil || p.Line >= len(c.starts) {
		return p
	}
	start, end := c.starts[p.Line], c.lineEnd(p.Line)
	i := start
	for n := 0; n < p.Character && i < end; n++ {
		_, size := utf8.DecodeRuneInString(c.text[i:end])
		i += size
	}
	return Position{Line: p.Line, Character: c.units(c.text[start:i])}
}

func severity(s lint.Severity) int {
	switch s {
	case lint.Error:
		return severityError
	case lint.Warning:
		return severityWarning
	}
	return severityInformation
}

// title describes a suggestion: Replace "teh" with "the", Delete "the",
// Insert ",".
func title(s lint.Suggestion) string {
	switch {
	case s.Old == "":
		return "Insert " + show(s.Text)
	case s.Text == "":
		return "Delete " + show(s.Old)
	}
	return "Replace " + show(s.Old) + " with " + show(s.Text)
}

// show quotes text for a title, without the spaces around it unless it is
// only spaces.
func show(s string) string {
	if t := strings.TrimSpace(s); t != "" {
		s = t
	}
	return strconv.Quote(s)
}
