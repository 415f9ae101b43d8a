package reporter_test

import (
	"encoding/xml"
	"os/exec"
	"strings"
	"testing"

	"github.com/newslint/newslint/lint"
	"github.com/newslint/newslint/reporter"
)

// junitDoc mirrors what GitLab's and Jenkins' JUnit parsers read.
type junitDoc struct {
	XMLName  xml.Name `xml:"testsuites"`
	Name     string   `xml:"name,attr"`
	Tests    int      `xml:"tests,attr"`
	Failures int      `xml:"failures,attr"`
	Errors   int      `xml:"errors,attr"`
	Suites   []struct {
		Name     string `xml:"name,attr"`
		Tests    int    `xml:"tests,attr"`
		Failures int    `xml:"failures,attr"`
		Errors   int    `xml:"errors,attr"`
		Skipped  int    `xml:"skipped,attr"`
		Cases    []struct {
			Name      string      `xml:"name,attr"`
			Classname string      `xml:"classname,attr"`
			File      string      `xml:"file,attr"`
			Line      int         `xml:"line,attr"`
			Failure   *junitState `xml:"failure"`
			Error     *junitState `xml:"error"`
			Skipped   *junitState `xml:"skipped"`
			SystemOut *string     `xml:"system-out"`
		} `xml:"testcase"`
	} `xml:"testsuite"`
}

type junitState struct {
	Message string `xml:"message,attr"`
	Type    string `xml:"type,attr"`
	Text    string `xml:",chardata"`
}

func parseJUnit(t *testing.T, out string) junitDoc {
	t.Helper()
	var doc junitDoc
	if err := xml.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatalf("output is not JUnit XML: %v\n%s", err, out)
	}
	// The counts must agree with the test cases, at every level.
	var tests, failures int
	for _, s := range doc.Suites {
		var f, sk int
		for _, c := range s.Cases {
			if c.Failure != nil {
				f++
			}
			if c.Skipped != nil {
				sk++
			}
			if c.Error != nil {
				t.Errorf("%s: test case %q has an <error>", s.Name, c.Name)
			}
		}
		if s.Tests != len(s.Cases) || s.Failures != f || s.Skipped != sk || s.Errors != 0 {
			t.Errorf("suite %q: tests=%d failures=%d skipped=%d errors=%d, cases have %d, %d, %d, 0",
				s.Name, s.Tests, s.Failures, s.Skipped, s.Errors, len(s.Cases), f, sk)
		}
		tests += len(s.Cases)
		failures += f
	}
	if doc.Tests != tests || doc.Failures != failures || doc.Errors != 0 {
		t.Errorf("testsuites: tests=%d failures=%d errors=%d, suites have %d, %d, 0", doc.Tests, doc.Failures, doc.Errors, tests, failures)
	}
	return doc
}

func TestJUnit(t *testing.T) {
	doc := parseJUnit(t, report(t, reporter.JUnit{}, fullRun(t)))
	if doc.Name != "newslint" || len(doc.Suites) != 3 {
		t.Fatalf("testsuites %q with %d suites, want newslint with 3", doc.Name, len(doc.Suites))
	}
	type row struct {
		suite, name, classname, file string
		line                         int
		outcome, message, kind       string
	}
	var got []row
	for _, s := range doc.Suites {
		for _, c := range s.Cases {
			r := row{suite: s.Name, name: c.Name, classname: c.Classname, file: c.File, line: c.Line, outcome: "pass"}
			switch {
			case c.Failure != nil:
				r.outcome, r.message, r.kind = "failure", c.Failure.Message, c.Failure.Type
			case c.SystemOut != nil:
				r.outcome = "pass+out"
			}
			got = append(got, r)
		}
	}
	cp, vp := council.path, vote.path
	want := []row{
		{cp, "repeated-word 3:1", cp, cp, 3, "failure", `repeated word "the"`, "error"},
		{cp, "name-spelling 5:33", cp, cp, 5, "failure", `check the spelling of "Zoe Müller"`, "warning"},
		{cp, "long-sentence 7:1", cp, cp, 7, "pass+out", "", ""},
		{cp, "wordy-phrase 12:158", cp, cp, 12, "pass+out", "", ""},
		{vp, "raw-markup 3:14", vp, vp, 3, "failure", escapeMessage, "warning"},
		{vp, "archive-copy 5:1", vp, vp, 5, "failure", "paragraph repeats an archived article", "error"},
		{"newslint", "1 file of 3 checked without findings", "newslint", "", 0, "pass", "", ""},
	}
	if len(got) != len(want) {
		t.Fatalf("%d test cases, want %d: %+v", len(got), len(want), got)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("test case %d = %+v\nwant %+v", i, got[i], want[i])
		}
	}

	// The body shows the finding as the text format does: position,
	// source line, help and notes; info findings go to system-out.
	c := doc.Suites[0].Cases
	for _, part := range []string{"drafts/city-council.md:3:1 error repeated-word", " 3 | The the council", "^~~~~~~", `= help: delete "the "`} {
		if !strings.Contains(c[0].Failure.Text, part) {
			t.Errorf("failure text lacks %q:\n%s", part, c[0].Failure.Text)
		}
	}
	if out := *c[3].SystemOut; !strings.Contains(out, `= help: replace "in order to" with "to"`) {
		t.Errorf("system-out lacks the suggestion:\n%s", out)
	}
	body := doc.Suites[1].Cases[0].Failure.Text
	if !strings.Contains(body, `raw HTML "<b>" & 50% text, unescaped: use Markdown`) || !strings.Contains(body, "Turnout rose <b>50%</b>") {
		t.Errorf("markup in the failure text not kept:\n%s", body)
	}
	if note := doc.Suites[1].Cases[1].Failure.Text; !strings.Contains(note, "note: archive/2023/budget.md:14:1") || !strings.Contains(note, "[-2-] {+3+}") {
		t.Errorf("failure text lacks the related location and diff:\n%s", note)
	}
}

// TestJUnitRuns covers runs without findings, with unchecked drafts and
// with nothing checked.
func TestJUnitRuns(t *testing.T) {
	tests := []struct {
		name              string
		run               *reporter.Run
		cases             []string // suite/name
		skipped, failures int
	}{
		{"clean", emptyRun(), []string{"newslint/2 files of 2 checked without findings"}, 0, 0},
		{"one clean file", &reporter.Run{Files: 1}, []string{"newslint/1 file of 1 checked without findings"}, 0, 0},
		{"unchecked", &reporter.Run{Files: 2, Unchecked: 1},
			[]string{"newslint/2 files of 2 checked without findings", "newslint/1 draft not checked"}, 1, 0},
		{"nothing checked", &reporter.Run{Unchecked: 3}, []string{"newslint/3 drafts not checked"}, 1, 0},
		{"nothing at all", &reporter.Run{}, nil, 0, 0},
		{"only findings", oneFinding("a.md", "r", lint.Error, "m"), []string{"a.md/r 1:1"}, 0, 1},
		{"info only", oneFinding("a.md", "r", lint.Info, "m"), []string{"a.md/r 1:1"}, 0, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := parseJUnit(t, report(t, reporter.JUnit{}, tt.run))
			var cases []string
			skipped := 0
			for _, s := range doc.Suites {
				for _, c := range s.Cases {
					cases = append(cases, s.Name+"/"+c.Name)
					if c.Skipped != nil {
						skipped++
					}
				}
			}
			if strings.Join(cases, "|") != strings.Join(tt.cases, "|") {
				t.Errorf("test cases %q, want %q", cases, tt.cases)
			}
			if skipped != tt.skipped || doc.Failures != tt.failures {
				t.Errorf("skipped %d, failures %d; want %d, %d", skipped, doc.Failures, tt.skipped, tt.failures)
			}
		})
	}
}

func TestJUnitEscaping(t *testing.T) {
	tests := []struct{ path, msg, want string }{
		{`q&a "<x>".md`, "it's 'quoted' & <b>bold</b> ]]> end", "it's 'quoted' & <b>bold</b> ]]> end"},
		{"naïve/日本.md", "tab\there\r\nand CRLF", "tab\there\r\nand CRLF"},
		{"a.md", "bell\x07 nul\x00 esc\x1b end", "bell\uFFFD nul\uFFFD esc\uFFFD end"},
	}
	for _, tt := range tests {
		out := report(t, reporter.JUnit{}, oneFinding(tt.path, "rule-x", lint.Error, tt.msg))
		doc := parseJUnit(t, out)
		c := doc.Suites[0].Cases[0]
		if doc.Suites[0].Name != tt.path || c.Classname != tt.path || c.File != tt.path {
			t.Errorf("suite %q, classname %q, file %q; want %q", doc.Suites[0].Name, c.Classname, c.File, tt.path)
		}
		if c.Failure == nil || c.Failure.Message != tt.want {
			t.Fatalf("failure %+v, want message %q\n%s", c.Failure, tt.want, out)
		}
		// In the body the message's later lines are indented.
		if first, _, _ := strings.Cut(tt.want, "\n"); !strings.Contains(c.Failure.Text, first) {
			t.Errorf("failure text %q lacks %q", c.Failure.Text, first)
		}
	}
}

// TestJUnitSchema validates the output with xmllint against
// testdata/junit.xsd, and checks that the schema rejects broken reports.
func TestJUnitSchema(t *testing.T) {
	if _, err := exec.LookPath("xmllint"); err != nil {
		t.Skip("xmllint not found: apt-get install libxml2-utils")
	}
	validate := func(doc string) (string, error) {
		cmd := exec.Command("xmllint", "--noout", "--schema", "testdata/junit.xsd", "-")
		cmd.Stdin = strings.NewReader(doc)
		out, err := cmd.CombinedOutput()
		return string(out), err
	}
	unchecked := emptyRun()
	unchecked.Unchecked = 2
	for name, run := range map[string]*reporter.Run{
		"full": fullRun(t), "clean": emptyRun(), "unchecked": unchecked, "nothing": {},
		"control characters": oneFinding("a&b.md", "r", lint.Warning, "x\x00y\r\n<z>"),
	} {
		t.Run(name, func(t *testing.T) {
			doc := report(t, reporter.JUnit{}, run)
			if out, err := validate(doc); err != nil {
				t.Errorf("xmllint: %v\n%s\n%s", err, out, doc)
			}
		})
	}
	full := report(t, reporter.JUnit{}, fullRun(t))
	for name, doc := range map[string]string{
		"count not a number": strings.Replace(full, `tests="4"`, `tests="four"`, 1),
		"suite without name": strings.Replace(full, `<testsuite name="drafts/city-council.md"`, `<testsuite`, 1),
		"two outcomes":       strings.Replace(full, `</failure>`, `</failure><skipped/>`, 1),
		"unknown element":    strings.Replace(full, `<testcase `, `<test-case `, 1),
	} {
		t.Run("rejects "+name, func(t *testing.T) {
			if doc == full {
				t.Fatal("replacement did not apply: fix the test")
			}
			if out, err := validate(doc); err == nil {
				t.Errorf("xmllint accepted a broken report:\n%s\n%s", out, doc)
			}
		})
	}
}
