package reporter_test

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/newslint/newslint/lint"
	"github.com/newslint/newslint/reporter"
)

// rdjsonResult mirrors reviewdog's DiagnosticResult (proto/rdf).
type rdjsonResult struct {
	Source      rdSource       `json:"source"`
	Severity    string         `json:"severity"`
	Diagnostics []rdDiagnostic `json:"diagnostics"`
}

type rdSource struct {
	Name string `json:"name"`
	URL  string `json:"url"`
}

type rdDiagnostic struct {
	Message  string     `json:"message"`
	Location rdLocation `json:"location"`
	Severity string     `json:"severity"`
	Source   *rdSource  `json:"source"`
	Code     struct {
		Value string `json:"value"`
		URL   string `json:"url"`
	} `json:"code"`
	Suggestions []struct {
		Range rdRange `json:"range"`
		Text  string  `json:"text"`
	} `json:"suggestions"`
	OriginalOutput   string `json:"original_output"`
	RelatedLocations []struct {
		Message  string     `json:"message"`
		Location rdLocation `json:"location"`
	} `json:"related_locations"`
}

type rdLocation struct {
	Path  string  `json:"path"`
	Range rdRange `json:"range"`
}

type rdRange struct {
	Start rdPosition  `json:"start"`
	End   *rdPosition `json:"end"`
}

type rdPosition struct {
	Line   int `json:"line"`
	Column int `json:"column"`
}

func parseRDJSON(t *testing.T, out string) rdjsonResult {
	t.Helper()
	dec := json.NewDecoder(strings.NewReader(out))
	dec.DisallowUnknownFields()
	var res rdjsonResult
	if err := dec.Decode(&res); err != nil {
		t.Fatalf("output is not rdjson: %v\n%s", err, out)
	}
	return res
}

// selects returns the text that reviewdog takes a range to cover in src:
// lines are 1-based, columns 1-based UTF-8 byte offsets into the line.
func selects(t *testing.T, src string, r rdRange) string {
	t.Helper()
	lines := strings.SplitAfter(src, "\n")
	offset := func(p rdPosition) int {
		if p.Line < 1 || p.Line > len(lines) || p.Column < 1 || p.Column-1 > len(strings.TrimSuffix(lines[p.Line-1], "\n")) {
			t.Fatalf("position %+v outside the text", p)
		}
		off := 0
		for _, l := range lines[:p.Line-1] {
			off += len(l)
		}
		return off + p.Column - 1
	}
	if r.End == nil {
		t.Fatalf("range %+v has no end", r)
	}
	return src[offset(r.Start):offset(*r.End)]
}

func TestRDJSON(t *testing.T) {
	run := fullRun(t)
	res := parseRDJSON(t, report(t, reporter.RDJSON{}, run))
	if res.Source.Name != "newslint" || !strings.HasPrefix(res.Source.URL, "https://") {
		t.Errorf("source = %+v", res.Source)
	}
	findings := run.Findings()
	if len(res.Diagnostics) != len(findings) {
		t.Fatalf("%d diagnostics, want %d", len(res.Diagnostics), len(findings))
	}
	texts := map[string]string{council.path: council.text, vote.path: vote.text}
	suggestions := 0
	for i, d := range res.Diagnostics {
		f := findings[i]
		src := texts[f.Path]
		wantSev := map[lint.Severity]string{lint.Error: "ERROR", lint.Warning: "WARNING", lint.Info: "INFO"}[f.Severity]
		if d.Message != f.Message || d.Severity != wantSev || d.Code.Value != f.Rule || d.Location.Path != f.Path {
			t.Errorf("diagnostic %d = %q %s %s %s, want %q %s %s %s", i, d.Message, d.Severity, d.Code.Value, d.Location.Path,
				f.Message, wantSev, f.Rule, f.Path)
		}
		// The range covers exactly the finding's text, counted in bytes.
		if got, want := selects(t, src, d.Location.Range), src[f.Span.Start:f.Span.End]; got != want {
			t.Errorf("%s: range %+v-%+v selects %q, want %q", f.Rule, d.Location.Range.Start, *d.Location.Range.End, got, want)
		}
		if len(d.Suggestions) != len(f.Suggestions) {
			t.Fatalf("%s: %d suggestions, want %d", f.Rule, len(d.Suggestions), len(f.Suggestions))
		}
		for j, s := range d.Suggestions {
			suggestions++
			want := f.Suggestions[j]
			if got := selects(t, src, s.Range); got != want.Old || s.Text != want.Text {
				t.Errorf("%s: suggestion replaces %q with %q, want %q with %q", f.Rule, got, s.Text, want.Old, want.Text)
			}
		}
		if !strings.HasPrefix(d.OriginalOutput, f.Path+":") || !strings.Contains(d.OriginalOutput, f.Message) {
			t.Errorf("%s: original_output %q", f.Rule, d.OriginalOutput)
		}
	}
	if suggestions != 4 {
		t.Errorf("%d suggestions, want 4", suggestions)
	}
	rel := res.Diagnostics[5].RelatedLocations
	if len(rel) != 1 || rel[0].Location.Path != "archive/2023/budget.md" || rel[0].Location.Range.Start != (rdPosition{14, 1}) ||
		!strings.HasPrefix(rel[0].Message, "archived article, published 2023-05-01\n") || !strings.Contains(rel[0].Message, "[-2-] {+3+}") {
		t.Errorf("related locations = %+v", rel)
	}
	if d := res.Diagnostics[0]; !strings.Contains(d.OriginalOutput, `help: delete "the "`) {
		t.Errorf("original_output lacks the suggestion: %q", d.OriginalOutput)
	}
}

// TestRDJSONText checks that a run that kept the drafts' text gives the
// same output for the fixture, whose positions the source lines suffice
// for.
func TestRDJSONText(t *testing.T) {
	without := report(t, reporter.RDJSON{}, fullRun(t))
	run := fullRun(t)
	run.Results[0].Text, run.Results[1].Text = council.text, vote.text
	if with := report(t, reporter.RDJSON{}, run); with != without {
		t.Errorf("output with text differs:\n%s\nwithout:\n%s", with, without)
	}
	if !(reporter.RDJSON{}).NeedsText() {
		t.Error("RDJSON does not ask for the drafts' text")
	}
}

// TestRDJSONColumns covers the byte columns of spans and suggestions that
// end on another line, with the draft's text, with only the lines
// findings start on, and with neither.
func TestRDJSONColumns(t *testing.T) {
	doc := source{path: "a.md", text: "Straße one\nCafé crème two\nnaïve\n"}
	multi := doc.finding(t, "r", lint.Warning, "m", "one\nCafé crème")
	multi.Suggestions = []lint.Suggestion{doc.suggest(t, "crème two", "crème", "creme")}
	second := doc.finding(t, "r", lint.Info, "m", "two")
	tests := []struct {
		name       string
		text       bool
		findings   []lint.Finding
		end, sugg  rdPosition // of the first diagnostic and its suggestion's start
		exactRange bool
	}{
		// Text kept: every column is exact.
		{"text", true, []lint.Finding{multi}, rdPosition{2, 13}, rdPosition{2, 7}, true},
		// Line 2 is known from the second finding: exact too.
		{"lines", false, []lint.Finding{multi, second}, rdPosition{2, 13}, rdPosition{2, 7}, true},
		// Neither: the code-point columns, short by the extra bytes of é
		// and è.
		{"neither", false, []lint.Finding{multi}, rdPosition{2, 11}, rdPosition{2, 6}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := doc.result(tt.findings...)
			if tt.text {
				res.Text = doc.text
			}
			out := report(t, reporter.RDJSON{}, &reporter.Run{Files: 1, Results: []lint.FileResult{res}})
			d := parseRDJSON(t, out).Diagnostics[0]
			if got := d.Location.Range.Start; got != (rdPosition{1, 9}) {
				t.Errorf("start = %+v, want {1 9} (ß is two bytes)", got)
			}
			if got := *d.Location.Range.End; got != tt.end {
				t.Errorf("end = %+v, want %+v", got, tt.end)
			}
			if got := d.Suggestions[0].Range.Start; got != tt.sugg {
				t.Errorf("suggestion start = %+v, want %+v", got, tt.sugg)
			}
			if got := selects(t, doc.text, d.Location.Range); (got == "one\nCafé crème") != tt.exactRange {
				t.Errorf("range selects %q; exact = %v, want %v", got, !tt.exactRange, tt.exactRange)
			}
		})
	}
}

func TestRDJSONEmptyAndEscaping(t *testing.T) {
	out := report(t, reporter.RDJSON{}, emptyRun())
	if res := parseRDJSON(t, out); len(res.Diagnostics) != 0 || res.Source.Name != "newslint" || !strings.Contains(out, `"diagnostics": []`) {
		t.Errorf("empty run:\n%s", out)
	}
	for _, msg := range []string{escapeMessage, "nul\x00 bell\x07 «ñ» 東京 \u2028", `back\slash "q"`} {
		d := parseRDJSON(t, report(t, reporter.RDJSON{}, oneFinding(`q&a "<x>".md`, "r", lint.Error, msg))).Diagnostics[0]
		if d.Message != msg || d.Location.Path != `q&a "<x>".md` {
			t.Errorf("message %q, path %q; want %q", d.Message, d.Location.Path, msg)
		}
	}
}

// TestReviewdog feeds the rdjson and checkstyle output of a run on real
// files to reviewdog's local reporter, which must print every finding.
func TestReviewdog(t *testing.T) {
	bin, err := exec.LookPath("reviewdog")
	if err != nil {
		t.Skip("reviewdog not found: go install github.com/reviewdog/reviewdog/cmd/reviewdog@latest (.ci/run installs v0.17.4)")
	}
	dir := t.TempDir()
	run := fullRun(t)
	for _, s := range []source{council, vote} {
		path := filepath.Join(dir, filepath.FromSlash(s.path))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(s.text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for _, tt := range []struct {
		format   string
		reporter reporter.Reporter
		want     []string
	}{
		{"rdjson", reporter.RDJSON{}, []string{
			`drafts/city-council.md:3:1 error repeated-word repeated word "the"`,
			`help: delete "the "`,
			`drafts/city-council.md:5:33 warning name-spelling check the spelling of "Zoe Müller"`,
			`help: replace "Zoe" with "Zoë"`,
			`drafts/city-council.md:12:158 info wordy-phrase "in order to" can be "to"`,
			`drafts/q&a: vote, 2024.md:3:14 warning raw-markup raw HTML "<b>" & 50% text`,
			`drafts/q&a: vote, 2024.md:5:1 error archive-copy paragraph repeats an archived article`,
		}},
		{"checkstyle", reporter.Checkstyle{}, []string{
			`drafts/city-council.md:3:1: error: repeated word "the" (newslint.repeated-word)`,
			`drafts/city-council.md:5:33: warning: check the spelling of "Zoe Müller" (newslint.name-spelling)`,
			`drafts/city-council.md:7:1: info: sentence of 18 words spans two lines (newslint.long-sentence)`,
			`drafts/q&a: vote, 2024.md:5:1: error: paragraph repeats an archived article (newslint.archive-copy)`,
		}},
	} {
		t.Run(tt.format, func(t *testing.T) {
			input := report(t, tt.reporter, run)
			out, err := reviewdog(bin, dir, tt.format, input)
			if err != nil && tt.format == "rdjson" && strings.Contains(string(out), `unknown field "related_locations"`) {
				// reviewdog before v0.18 (v0.17.4 is the newest the module
				// proxy here serves whole) predates related_locations, which
				// later versions read. Check the rest with it removed.
				t.Logf("this reviewdog predates related_locations; retrying without them")
				out, err = reviewdog(bin, dir, tt.format, withoutRelated(t, input))
			}
			if err != nil {
				t.Fatalf("reviewdog: %v\n%s", err, out)
			}
			for _, w := range tt.want {
				if !strings.Contains(string(out), w) {
					t.Errorf("reviewdog output lacks %q:\n%s", w, out)
				}
			}
		})
	}
}

// reviewdog runs reviewdog's local reporter on input in format.
func reviewdog(bin, dir, format, input string) ([]byte, error) {
	cmd := exec.Command(bin, "-f="+format, "-reporter=local", "-filter-mode=nofilter", "-name=newslint")
	cmd.Dir = dir
	cmd.Stdin = strings.NewReader(input)
	return cmd.CombinedOutput()
}

// withoutRelated drops related_locations from every diagnostic of an
// rdjson document.
func withoutRelated(t *testing.T, input string) string {
	t.Helper()
	var doc map[string]any
	if err := json.Unmarshal([]byte(input), &doc); err != nil {
		t.Fatal(err)
	}
	diags, _ := doc["diagnostics"].([]any)
	for _, d := range diags {
		delete(d.(map[string]any), "related_locations")
	}
	out, err := json.Marshal(doc)
	if err != nil {
		t.Fatal(err)
	}
	return string(out)
}
