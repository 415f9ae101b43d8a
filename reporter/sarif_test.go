package reporter_test

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/newslint/newslint/draft"
	"github.com/newslint/newslint/lint"
	"github.com/newslint/newslint/reporter"
	"github.com/santhosh-tekuri/jsonschema/v6"
)

// sarifSchema compiles the official SARIF 2.1.0 schema (draft-04, so
// formats such as uri and uri-reference are asserted too).
func sarifSchema(t *testing.T) *jsonschema.Schema {
	t.Helper()
	sch, err := jsonschema.NewCompiler().Compile("testdata/sarif-schema-2.1.0.json")
	if err != nil {
		t.Fatalf("compile SARIF schema: %v", err)
	}
	return sch
}

func parseJSON(t *testing.T, s string) any {
	t.Helper()
	v, err := jsonschema.UnmarshalJSON(strings.NewReader(s))
	if err != nil {
		t.Fatalf("output is not JSON: %v\n%s", err, s)
	}
	return v
}

func TestSARIFSchema(t *testing.T) {
	sch := sarifSchema(t)
	for name, run := range map[string]*reporter.Run{"full": fullRun(t), "empty": emptyRun()} {
		t.Run(name, func(t *testing.T) {
			out := report(t, reporter.SARIF{}, run)
			if err := sch.Validate(parseJSON(t, out)); err != nil {
				t.Errorf("output is not valid SARIF: %v\n%s", err, out)
			}
		})
	}
}

// TestSARIFSchemaRejects makes sure the validation above can fail.
func TestSARIFSchemaRejects(t *testing.T) {
	sch := sarifSchema(t)
	full := report(t, reporter.SARIF{}, fullRun(t))
	tests := map[string]string{
		"no runs":     `{"version":"2.1.0"}`,
		"bad version": strings.Replace(full, `"version": "2.1.0"`, `"version": "2.0.0"`, 1),
		"fatal level": strings.Replace(full, `"level": "error"`, `"level": "fatal"`, 1),
		"line 0":      strings.Replace(full, `"startLine": 3`, `"startLine": 0`, 1),
		"extra key":   strings.Replace(full, `"columnKind"`, `"columnKnd"`, 1),
		"bad uri":     strings.Replace(full, `"informationUri": "https://github.com/newslint/newslint"`, `"informationUri": "not a uri"`, 1),
	}
	for name, doc := range tests {
		t.Run(name, func(t *testing.T) {
			if doc == full {
				t.Fatal("replacement did not apply: fix the test")
			}
			if err := sch.Validate(parseJSON(t, doc)); err == nil {
				t.Errorf("invalid document passed validation:\n%s", doc)
			}
		})
	}
}

// TestSARIFContent checks what the schema cannot: rule indexes, regions
// and fixes agree with the run.
func TestSARIFContent(t *testing.T) {
	run := fullRun(t)
	var log struct {
		Runs []struct {
			ColumnKind string `json:"columnKind"`
			Tool       struct {
				Driver struct {
					Version string `json:"version"`
					Rules   []struct {
						ID                   string `json:"id"`
						DefaultConfiguration struct {
							Level string `json:"level"`
						} `json:"defaultConfiguration"`
					} `json:"rules"`
				} `json:"driver"`
			} `json:"tool"`
			Results []struct {
				RuleID    string `json:"ruleId"`
				RuleIndex int    `json:"ruleIndex"`
				Level     string `json:"level"`
				Message   struct {
					Text string `json:"text"`
				} `json:"message"`
				Locations []struct {
					PhysicalLocation struct {
						ArtifactLocation struct {
							URI string `json:"uri"`
						} `json:"artifactLocation"`
						Region struct {
							StartLine, StartColumn, EndLine, EndColumn int
							ByteOffset, ByteLength                     int
						} `json:"region"`
					} `json:"physicalLocation"`
				} `json:"locations"`
				RelatedLocations []json.RawMessage `json:"relatedLocations"`
				Fixes            []struct {
					ArtifactChanges []struct {
						Replacements []struct {
							DeletedRegion struct {
								ByteOffset, ByteLength int
							} `json:"deletedRegion"`
							InsertedContent *struct {
								Text string `json:"text"`
							} `json:"insertedContent"`
						} `json:"replacements"`
					} `json:"artifactChanges"`
				} `json:"fixes"`
			} `json:"results"`
		} `json:"runs"`
	}
	if err := json.Unmarshal([]byte(report(t, reporter.SARIF{}, run)), &log); err != nil {
		t.Fatal(err)
	}
	if len(log.Runs) != 1 {
		t.Fatalf("%d runs", len(log.Runs))
	}
	r := log.Runs[0]
	if r.ColumnKind != "unicodeCodePoints" || r.Tool.Driver.Version != "test" {
		t.Errorf("columnKind %q, version %q", r.ColumnKind, r.Tool.Driver.Version)
	}
	levels := map[string]string{"repeated-word": "error", "name-spelling": "warning", "long-sentence": "note", "passive-voice": "none"}
	for _, rule := range r.Tool.Driver.Rules {
		if want, ok := levels[rule.ID]; ok && rule.DefaultConfiguration.Level != want {
			t.Errorf("rule %s: default level %q, want %q", rule.ID, rule.DefaultConfiguration.Level, want)
		}
	}
	findings := run.Findings()
	if len(r.Results) != len(findings) {
		t.Fatalf("%d results, want %d", len(r.Results), len(findings))
	}
	for i, res := range r.Results {
		f := findings[i]
		if res.RuleIndex < 0 || res.RuleIndex >= len(r.Tool.Driver.Rules) || r.Tool.Driver.Rules[res.RuleIndex].ID != res.RuleID {
			t.Errorf("result %d: ruleIndex %d does not point at rule %s", i, res.RuleIndex, res.RuleID)
		}
		if res.Message.Text != f.Message {
			t.Errorf("result %d: message %q", i, res.Message.Text)
		}
		reg := res.Locations[0].PhysicalLocation.Region
		if reg.StartLine != f.Start.Line || reg.StartColumn != f.Start.Column || reg.EndLine != f.End.Line ||
			reg.EndColumn != f.End.Column || reg.ByteOffset != f.Start.Offset || reg.ByteLength != f.End.Offset-f.Start.Offset {
			t.Errorf("result %d: region %+v does not match finding %v-%v", i, reg, f.Start, f.End)
		}
		if len(res.RelatedLocations) != len(f.Related) || len(res.Fixes) != len(f.Suggestions) {
			t.Errorf("result %d: %d related, %d fixes", i, len(res.RelatedLocations), len(res.Fixes))
			continue
		}
		for j, fix := range res.Fixes {
			s := f.Suggestions[j]
			rep := fix.ArtifactChanges[0].Replacements[0]
			if rep.DeletedRegion.ByteOffset != s.Start.Offset || rep.DeletedRegion.ByteLength != len(s.Old) {
				t.Errorf("result %d fix %d: deleted region %+v, want %q at %d", i, j, rep.DeletedRegion, s.Old, s.Start.Offset)
			}
			switch {
			case s.Text == "" && rep.InsertedContent != nil:
				t.Errorf("result %d fix %d: deletion inserts %q", i, j, rep.InsertedContent.Text)
			case s.Text != "" && (rep.InsertedContent == nil || rep.InsertedContent.Text != s.Text):
				t.Errorf("result %d fix %d: inserted content %+v, want %q", i, j, rep.InsertedContent, s.Text)
			}
		}
	}
	if uri := r.Results[4].Locations[0].PhysicalLocation.ArtifactLocation.URI; uri != "drafts/q&a:%20vote%2C%202024.md" {
		t.Errorf("uri = %q", uri)
	}
}

// TestSARIFUnknownRule checks that a finding whose rule is not in the run's
// rule list has no ruleIndex rather than pointing at another rule.
func TestSARIFUnknownRule(t *testing.T) {
	f := lint.Finding{Path: "a.md", Rule: "not-listed", Severity: lint.Error, Message: "m",
		Start: draft.Position{Line: 1, Column: 1}, End: draft.Position{Line: 1, Column: 2, Offset: 1}}
	run := &reporter.Run{Files: 1, Rules: []lint.Meta{{ID: "listed", Severity: lint.Error}},
		Results: []lint.FileResult{{Path: "a.md", Findings: []lint.Finding{f}}}}
	out := report(t, reporter.SARIF{}, run)
	if strings.Contains(out, "ruleIndex") {
		t.Errorf("ruleIndex present for an unlisted rule:\n%s", out)
	}
	if err := sarifSchema(t).Validate(parseJSON(t, out)); err != nil {
		t.Errorf("invalid SARIF: %v", err)
	}
}

// TestSARIFURIs checks artifact URIs for awkward paths.
func TestSARIFURIs(t *testing.T) {
	for path, want := range map[string]string{
		"drafts/a b.md":  "drafts/a%20b.md",
		"a:b.md":         "./a:b.md",
		"/srv/news/x.md": "file:///srv/news/x.md",
	} {
		f := lint.Finding{Path: path, Rule: "r", Severity: lint.Error, Message: "m",
			Start: draft.Position{Line: 1, Column: 1}, End: draft.Position{Line: 1, Column: 2, Offset: 1}}
		run := &reporter.Run{Files: 1, Rules: []lint.Meta{{ID: "r"}}, Results: []lint.FileResult{{Path: path, Findings: []lint.Finding{f}}}}
		if out := report(t, reporter.SARIF{}, run); !strings.Contains(out, `"uri": "`+want+`"`) {
			t.Errorf("path %q: want uri %q in\n%s", path, want, out)
		}
	}
}
