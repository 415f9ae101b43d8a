package reporter_test

import (
	"encoding/xml"
	"path/filepath"
	"strings"
	"testing"

	"github.com/newslint/newslint/draft"
	"github.com/newslint/newslint/lint"
	"github.com/newslint/newslint/reporter"
)

// checkstyleDoc mirrors what reviewdog's and Jenkins' Checkstyle parsers
// read.
type checkstyleDoc struct {
	XMLName xml.Name `xml:"checkstyle"`
	Version string   `xml:"version,attr"`
	Files   []struct {
		Name   string `xml:"name,attr"`
		Errors []struct {
			Line     int    `xml:"line,attr"`
			Column   int    `xml:"column,attr"`
			Severity string `xml:"severity,attr"`
			Message  string `xml:"message,attr"`
			Source   string `xml:"source,attr"`
		} `xml:"error"`
	} `xml:"file"`
}

func parseCheckstyle(t *testing.T, out string) checkstyleDoc {
	t.Helper()
	var doc checkstyleDoc
	if err := xml.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatalf("output is not Checkstyle XML: %v\n%s", err, out)
	}
	return doc
}

// TestFormatGolden compares the CI formats' output for fullRun with
// testdata/NAME.golden. Run `go test ./reporter -update` to rewrite them.
func TestFormatGolden(t *testing.T) {
	for name, r := range map[string]reporter.Reporter{
		"checkstyle": reporter.Checkstyle{}, "junit": reporter.JUnit{}, "rdjson": reporter.RDJSON{},
	} {
		t.Run(name, func(t *testing.T) {
			golden(t, filepath.Join("testdata", name+".golden"), report(t, r, fullRun(t)))
		})
	}
}

func TestCheckstyle(t *testing.T) {
	doc := parseCheckstyle(t, report(t, reporter.Checkstyle{}, fullRun(t)))
	if doc.Version == "" {
		t.Error("no version attribute")
	}
	if len(doc.Files) != 2 || doc.Files[0].Name != council.path || doc.Files[1].Name != vote.path {
		t.Fatalf("files = %+v, want %s and %s", doc.Files, council.path, vote.path)
	}
	type row struct {
		line, col        int
		sev, source, msg string
	}
	var got []row
	for _, f := range doc.Files {
		for _, e := range f.Errors {
			got = append(got, row{e.Line, e.Column, e.Severity, e.Source, e.Message})
		}
	}
	want := []row{
		{3, 1, "error", "newslint.repeated-word", `repeated word "the"`},
		{5, 33, "warning", "newslint.name-spelling", `check the spelling of "Zoe Müller"`},
		{7, 1, "info", "newslint.long-sentence", "sentence of 18 words spans two lines"},
		{12, 158, "info", "newslint.wordy-phrase", `"in order to" can be "to"`},
		{3, 14, "warning", "newslint.raw-markup", escapeMessage},
		{5, 1, "error", "newslint.archive-copy", "paragraph repeats an archived article"},
	}
	if len(got) != len(want) {
		t.Fatalf("%d errors, want %d: %+v", len(got), len(want), got)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("error %d = %+v, want %+v", i, got[i], want[i])
		}
	}
}

// TestCheckstyleEscaping checks that markup, quotes, newlines, non-ASCII
// text and control characters in paths and messages survive a round
// trip, control characters (not allowed in XML 1.0) as U+FFFD.
func TestCheckstyleEscaping(t *testing.T) {
	tests := []struct{ path, msg, wantMsg string }{
		{"a.md", escapeMessage, escapeMessage},
		{`q&a "<x>".md`, "it's 'quoted' & <b>bold</b>", "it's 'quoted' & <b>bold</b>"},
		{"naïve/日本.md", "tab\there\r\nand CRLF", "tab\there\r\nand CRLF"},
		{"a.md", "bell\x07 nul\x00 esc\x1b end", "bell\uFFFD nul\uFFFD esc\uFFFD end"},
		{"a.md", "", ""},
	}
	for _, tt := range tests {
		run := oneFinding(tt.path, "rule-x", lint.Warning, tt.msg)
		out := report(t, reporter.Checkstyle{}, run)
		doc := parseCheckstyle(t, out)
		if len(doc.Files) != 1 || len(doc.Files[0].Errors) != 1 {
			t.Fatalf("%q: want one file with one error:\n%s", tt.msg, out)
		}
		if got := doc.Files[0].Name; got != tt.path {
			t.Errorf("name = %q, want %q", got, tt.path)
		}
		if got := doc.Files[0].Errors[0].Message; got != tt.wantMsg {
			t.Errorf("message = %q, want %q\n%s", got, tt.wantMsg, out)
		}
	}
}

func TestCheckstyleEmpty(t *testing.T) {
	out := report(t, reporter.Checkstyle{}, emptyRun())
	doc := parseCheckstyle(t, out)
	if len(doc.Files) != 0 {
		t.Errorf("empty run has files:\n%s", out)
	}
	if !strings.HasPrefix(out, `<?xml version="1.0" encoding="UTF-8"?>`) {
		t.Errorf("no XML declaration:\n%s", out)
	}
	// A result without findings (none is produced today) is no <file>.
	run := emptyRun()
	run.Results = []lint.FileResult{{Path: "clean.md"}}
	if doc := parseCheckstyle(t, report(t, reporter.Checkstyle{}, run)); len(doc.Files) != 0 {
		t.Errorf("file without findings listed: %+v", doc.Files)
	}
}

// oneFinding is a run with a single finding on line 1 of path.
func oneFinding(path, rule string, sev lint.Severity, msg string) *reporter.Run {
	f := lint.Finding{Path: path, Rule: rule, Severity: sev, Message: msg,
		Span:  draft.Span{Start: 0, End: 4},
		Start: draft.Position{Line: 1, Column: 1}, End: draft.Position{Line: 1, Column: 5, Offset: 4}}
	return &reporter.Run{Files: 1, Results: []lint.FileResult{{Path: path, Findings: []lint.Finding{f},
		Lines: map[int]string{1: "text of the line"}}}}
}

// TestNewCIFormats checks that the CI formats are registered by name.
func TestNewCIFormats(t *testing.T) {
	for name, want := range map[string]reporter.Reporter{
		"checkstyle": reporter.Checkstyle{}, "junit": reporter.JUnit{}, "rdjson": reporter.RDJSON{},
	} {
		r, err := reporter.New(name, reporter.Options{Color: true})
		if err != nil {
			t.Fatalf("New(%q): %v", name, err)
		}
		if r != want {
			t.Errorf("New(%q) = %#v, want %#v", name, r, want)
		}
	}
}
