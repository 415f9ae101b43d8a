package reporter

import (
	"encoding/xml"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/newslint/newslint/lint"
)

// JUnit writes JUnit XML, as GitLab's test reports and Jenkins' JUnit
// plugin read it: a <testsuite> per file with findings and a <testcase>
// per finding, named by rule and position,
//
//	<testcase name="repeated-word 3:1" classname="PATH" file="PATH" line="3">
//	  <failure message="…" type="error">the finding as the text format shows it</failure>
//	</testcase>
//
// Errors and warnings are failures. An info finding is advice that does
// not fail a run at any --fail-level but info, so it is a passing test
// case with the finding in its <system-out>. A last suite, "newslint",
// holds one passing test case for the checked files without findings
// (the run names only files with findings) and one skipped test case for
// drafts that could not be checked, so that a clean run still reports
// what it checked.
type JUnit struct{}

type junitSuite struct {
	XMLName  xml.Name    `xml:"testsuite"`
	Name     string      `xml:"name,attr"`
	Tests    int         `xml:"tests,attr"`
	Failures int         `xml:"failures,attr"`
	Errors   int         `xml:"errors,attr"`
	Skipped  int         `xml:"skipped,attr"`
	Cases    []junitCase `xml:"testcase"`
}

type junitCase struct {
	Name      string     `xml:"name,attr"`
	Classname string     `xml:"classname,attr"`
	File      string     `xml:"file,attr,omitempty"`
	Line      int        `xml:"line,attr,omitempty"`
	Failure   *junitBody `xml:"failure"`
	Skipped   *junitBody `xml:"skipped"`
	SystemOut *junitBody `xml:"system-out"`
}

// junitBody is a <failure>, <skipped> or <system-out> element: optional
// message and type attributes and text, written with its line breaks as
// they are rather than as character references.
type junitBody struct {
	Message, Type string
	Text          string
}

// MarshalXML writes the element.
func (b junitBody) MarshalXML(e *xml.Encoder, start xml.StartElement) error {
	for _, a := range [...]xml.Attr{{Name: xml.Name{Local: "message"}, Value: b.Message}, {Name: xml.Name{Local: "type"}, Value: b.Type}} {
		if a.Value != "" {
			start.Attr = append(start.Attr, a)
		}
	}
	if err := e.EncodeToken(start); err != nil {
		return err
	}
	if b.Text != "" {
		if err := e.EncodeToken(xml.CharData(b.Text)); err != nil {
			return err
		}
	}
	return e.EncodeToken(start.End())
}

// isFailure reports whether a finding fails its test case.
func isFailure(s lint.Severity) bool { return s >= lint.Warning }

// Report writes the run, one suite at a time.
func (JUnit) Report(w io.Writer, run *Run) error {
	var tests, failures, withFindings int
	for _, res := range run.Results {
		if len(res.Findings) > 0 {
			withFindings++
		}
		for _, f := range res.Findings {
			tests++
			if isFailure(f.Severity) {
				failures++
			}
		}
	}
	summary := junitSummary(run, withFindings)
	if summary != nil {
		tests += summary.Tests
	}

	attr := func(name string, n int) xml.Attr {
		return xml.Attr{Name: xml.Name{Local: name}, Value: strconv.Itoa(n)}
	}
	root := xml.StartElement{Name: xml.Name{Local: "testsuites"}, Attr: []xml.Attr{
		{Name: xml.Name{Local: "name"}, Value: "newslint"},
		attr("tests", tests), attr("failures", failures), attr("errors", 0),
	}}
	enc, err := startXML(w, root)
	if err != nil {
		return err
	}
	p := newPalette(false)
	for _, res := range run.Results {
		if len(res.Findings) == 0 {
			continue
		}
		if err := enc.encode(junitFileSuite(p, res)); err != nil {
			return err
		}
	}
	if summary != nil {
		if err := enc.encode(summary); err != nil {
			return err
		}
	}
	return enc.end()
}

// junitFileSuite returns the suite of one file's findings.
func junitFileSuite(p palette, res lint.FileResult) junitSuite {
	s := junitSuite{Name: res.Path, Tests: len(res.Findings)}
	for _, f := range res.Findings {
		c := junitCase{
			Name:      fmt.Sprintf("%s %d:%d", f.Rule, f.Start.Line, f.Start.Column),
			Classname: res.Path, File: res.Path, Line: f.Start.Line,
		}
		text := findingText(p, res, f)
		if isFailure(f.Severity) {
			s.Failures++
			c.Failure = &junitBody{Message: f.Message, Type: f.Severity.String(), Text: text}
		} else {
			c.SystemOut = &junitBody{Text: text}
		}
		s.Cases = append(s.Cases, c)
	}
	return s
}

// junitSummary returns the suite for what the run checked without
// findings and could not check, or nil when there is neither.
func junitSummary(run *Run, withFindings int) *junitSuite {
	s := &junitSuite{Name: "newslint"}
	if clean := run.Files - withFindings; clean > 0 {
		s.Cases = append(s.Cases, junitCase{Name: fmt.Sprintf("%s of %d checked without findings",
			plural(clean, "file"), run.Files), Classname: "newslint"})
	}
	if run.Unchecked > 0 {
		s.Skipped++
		s.Cases = append(s.Cases, junitCase{Name: plural(run.Unchecked, "draft") + " not checked", Classname: "newslint",
			Skipped: &junitBody{Message: "missing, binary, too large or excluded: see the log for the reasons"}})
	}
	if len(s.Cases) == 0 {
		return nil
	}
	s.Tests = len(s.Cases)
	return s
}

// findingText shows one finding as the text format does, without color:
// the position, severity, rule and message, the source line with the
// span underlined, then help and notes.
func findingText(p palette, res lint.FileResult, f lint.Finding) string {
	var sb strings.Builder
	indent := strings.Repeat(" ", gutterWidth(f.Start.Line))
	fmt.Fprintf(&sb, "%s:%d:%d %s %s %s\n", f.Path, f.Start.Line, f.Start.Column, f.Severity, f.Rule,
		indentLines(f.Message, indent+"   "))
	if line, ok := res.Lines[f.Start.Line]; ok {
		writeContext(&sb, p, f, line)
	}
	for _, s := range f.Suggestions {
		fmt.Fprintf(&sb, "%s = help: %s\n", indent, describeEdit(s))
	}
	for _, r := range f.Related {
		fmt.Fprintf(&sb, "%s = note: %s:%d:%d: %s\n", indent, r.Path, r.Pos.Line, r.Pos.Column,
			indentLines(r.Message, indent+"         "))
		if r.Diff != "" {
			fmt.Fprintf(&sb, "%s%s\n", indent+"     ", indentLines(strings.TrimRight(r.Diff, "\n"), indent+"     "))
		}
	}
	return sb.String()
}
