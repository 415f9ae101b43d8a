package reporter_test

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/newslint/newslint/draft"
	"github.com/newslint/newslint/lint"
	"github.com/newslint/newslint/reporter"
)

// TestGitLabCodeQuality reads the report back as GitLab does: an array
// of issues, each with the fields GitLab requires (description,
// check_name, fingerprint, severity from its scale, location.path and
// location.lines.begin), unique fingerprints, and paths without ./.
func TestGitLabCodeQuality(t *testing.T) {
	run := fullRun(t)
	run.Results[0].Findings[0].Path = "./" + run.Results[0].Findings[0].Path
	var issues []map[string]any
	dec := json.NewDecoder(strings.NewReader(report(t, reporter.GitLab{}, run)))
	if err := dec.Decode(&issues); err != nil {
		t.Fatal(err)
	}
	if len(issues) != len(run.Findings()) {
		t.Fatalf("%d issues for %d findings", len(issues), len(run.Findings()))
	}
	seen := map[string]bool{}
	scale := map[string]bool{"info": true, "minor": true, "major": true, "critical": true, "blocker": true}
	for i, is := range issues {
		f := run.Findings()[i]
		loc, _ := is["location"].(map[string]any)
		lines, _ := loc["lines"].(map[string]any)
		fp, _ := is["fingerprint"].(string)
		switch {
		case is["description"] != f.Message || is["check_name"] != "newslint/"+f.Rule:
			t.Errorf("issue %d: description %q, check %q", i, is["description"], is["check_name"])
		case fp == "" || seen[fp]:
			t.Errorf("issue %d: fingerprint %q empty or repeated", i, fp)
		case !scale[is["severity"].(string)]:
			t.Errorf("issue %d: severity %q is not on GitLab's scale", i, is["severity"])
		case strings.HasPrefix(loc["path"].(string), "./") || loc["path"] != strings.TrimPrefix(f.Path, "./"):
			t.Errorf("issue %d: path %q for %q", i, loc["path"], f.Path)
		case lines["begin"] != float64(f.Start.Line):
			t.Errorf("issue %d: begins at %v, want line %d", i, lines["begin"], f.Start.Line)
		}
		seen[fp] = true
	}
}

func TestGitLabSeverityAndEmpty(t *testing.T) {
	if got := report(t, reporter.GitLab{}, emptyRun()); got != "[]\n" {
		t.Errorf("empty run: %q, want []", got)
	}
	mk := func(sev lint.Severity, from, to int) lint.Finding {
		return lint.Finding{Path: "a.md", Rule: "r", Severity: sev, Message: "m",
			Start: draft.Position{Line: from, Column: 1}, End: draft.Position{Line: to, Column: 1}}
	}
	run := &reporter.Run{Files: 1, Results: []lint.FileResult{{Path: "a.md", Findings: []lint.Finding{
		mk(lint.Error, 1, 1), mk(lint.Warning, 2, 4), mk(lint.Info, 5, 5),
	}}}}
	var issues []struct {
		Fingerprint string
		Severity    string
		Location    struct {
			Lines struct{ Begin, End int }
		}
	}
	if err := json.Unmarshal([]byte(report(t, reporter.GitLab{}, run)), &issues); err != nil {
		t.Fatal(err)
	}
	want := []struct {
		sev        string
		begin, end int
	}{{"major", 1, 0}, {"minor", 2, 4}, {"info", 5, 0}}
	for i, w := range want {
		is := issues[i]
		if is.Severity != w.sev || is.Location.Lines.Begin != w.begin || is.Location.Lines.End != w.end || is.Fingerprint == "" {
			t.Errorf("issue %d = %+v, want %s lines %d-%d with a fingerprint", i, is, w.sev, w.begin, w.end)
		}
	}
}
