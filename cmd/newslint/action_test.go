package main

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/goccy/go-yaml"
)

// actionFile is the part of a GitHub composite action's metadata the test
// reads.
type actionFile struct {
	Name    string
	Inputs  map[string]struct{ Description, Default string }
	Outputs map[string]struct{ Description, Value string }
	Runs    struct {
		Using string
		Steps []actionStep
	}
}

type actionStep struct {
	Name  string
	ID    string
	If    string
	Uses  string
	Shell string
	Run   string
	Env   map[string]string
	With  map[string]string
}

// expression matches a GitHub Actions ${{ }} expression.
var expression = regexp.MustCompile(`\$\{\{\s*(.*?)\s*\}\}`)

// TestAction runs the composite action's shell steps as the GitHub runner
// would, on a content checkout with a broken draft: the steps that use
// other actions (setup-go, upload-sarif) are the runner's business and
// are checked only for their inputs. Every ${{ }} expression in a run
// step must be one the test can evaluate, which keeps the action simple.
func TestAction(t *testing.T) {
	if _, err := exec.LookPath("bash"); err != nil {
		t.Skip("bash is not installed; the action's steps are bash scripts")
	}
	data, err := os.ReadFile(filepath.Join(repoRoot, "action.yml"))
	if err != nil {
		t.Fatal(err)
	}
	var a actionFile
	if err := yaml.Unmarshal(data, &a); err != nil {
		t.Fatalf("action.yml: %v", err)
	}
	if a.Runs.Using != "composite" || a.Name == "" {
		t.Fatalf("action.yml: runs.using %q, name %q", a.Runs.Using, a.Name)
	}
	for _, m := range expression.FindAllStringSubmatch(string(data), -1) {
		for _, ref := range regexp.MustCompile(`inputs\.([a-z-]+)`).FindAllStringSubmatch(m[1], -1) {
			if _, ok := a.Inputs[ref[1]]; !ok {
				t.Errorf("action.yml uses undeclared input %q", ref[1])
			}
		}
	}
	for name, in := range a.Inputs {
		if in.Description == "" {
			t.Errorf("input %s has no description", name)
		}
	}

	content := writeFiles(t, map[string]string{
		"stories/budget.md": "# Council agrees on a budget\n\nThe vote was held in the the main chamber.\n",
		"stories/clean.md":  "# Ferry timetable changes\n\nThe ferry will leave at 7 a.m. from Monday, the operator said.\n",
	})
	cases := []struct {
		name    string
		inputs  map[string]string
		exit    string // the lint step's exit-code output
		final   int    // the last step's exit status
		stdout  []string
		noSARIF bool
	}{
		{"findings fail the job", map[string]string{"paths": "stories", "sarif": "newslint.sarif", "args": "--format html=report.html"}, "1", 1,
			[]string{"::error file=stories/budget.md,line=3,", "repeated word"}, false},
		{"a rule turned off passes", map[string]string{"paths": "stories/clean.md\nstories/budget.md", "args": "--disable repeated-word"}, "0", 0,
			nil, true},
		{"a bad flag is an error", map[string]string{"paths": "stories", "args": "--no-such-flag"}, "2", 2, nil, true},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			inputs := map[string]string{}
			for name, in := range a.Inputs {
				inputs[name] = in.Default
			}
			for k, v := range c.inputs {
				inputs[k] = v
			}
			temp := t.TempDir()
			outputs := map[string]map[string]string{}
			var stdout strings.Builder
			lastStatus := -1
			for _, step := range a.Runs.Steps {
				if step.Uses != "" {
					for k, v := range step.With {
						if strings.Contains(v, "${{") && !expression.MatchString(v) {
							t.Errorf("step %q: malformed expression in %s: %s", step.Name, k, v)
						}
					}
					continue
				}
				if step.Shell != "bash" {
					t.Fatalf("step %q: shell %q, want bash", step.Name, step.Shell)
				}
				eval := func(s string) string {
					return expression.ReplaceAllStringFunc(s, func(e string) string {
						expr := expression.FindStringSubmatch(e)[1]
						switch {
						case strings.HasPrefix(expr, "inputs."):
							return inputs[strings.TrimPrefix(expr, "inputs.")]
						case strings.HasPrefix(expr, "steps."):
							parts := strings.Split(expr, ".") // steps.ID.outputs.NAME
							if len(parts) == 4 && parts[2] == "outputs" {
								return outputs[parts[1]][parts[3]]
							}
						}
						t.Fatalf("step %q: the test cannot evaluate ${{ %s }}", step.Name, expr)
						return ""
					})
				}
				outFile := filepath.Join(temp, "output-"+step.ID)
				// As the runner does: bash --noprofile --norc -eo pipefail {0}.
				cmd := exec.Command("bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", eval(step.Run))
				cmd.Dir = content
				cmd.Env = append(os.Environ(), "GITHUB_ACTION_PATH="+repoRoot, "RUNNER_TEMP="+temp,
					"GITHUB_PATH="+filepath.Join(temp, "path"), "GITHUB_OUTPUT="+outFile, "GITHUB_WORKSPACE="+content, "NO_COLOR=1")
				for k, v := range step.Env {
					cmd.Env = append(cmd.Env, k+"="+eval(v))
				}
				out, err := cmd.CombinedOutput()
				stdout.Write(out)
				lastStatus = 0
				if ee, ok := err.(*exec.ExitError); ok {
					lastStatus = ee.ExitCode()
				} else if err != nil {
					t.Fatal(err)
				}
				if step.ID != "" {
					outputs[step.ID] = map[string]string{}
					if data, err := os.ReadFile(outFile); err == nil {
						for _, line := range strings.Split(strings.TrimSpace(string(data)), "\n") {
							if k, v, ok := strings.Cut(line, "="); ok {
								outputs[step.ID][k] = v
							}
						}
					}
				}
				if lastStatus != 0 && step.Name != a.Runs.Steps[len(a.Runs.Steps)-1].Name {
					t.Fatalf("step %q failed (%d):\n%s", step.Name, lastStatus, out)
				}
			}
			if got := outputs["lint"]["exit-code"]; got != c.exit {
				t.Errorf("exit-code output %q, want %q\n%s", got, c.exit, stdout.String())
			}
			if lastStatus != c.final {
				t.Errorf("the job's last step exited %d, want %d\n%s", lastStatus, c.final, stdout.String())
			}
			for _, s := range c.stdout {
				if !strings.Contains(stdout.String(), s) {
					t.Errorf("log lacks %q:\n%s", s, stdout.String())
				}
			}
			sarif, err := os.ReadFile(filepath.Join(content, "newslint.sarif"))
			if c.noSARIF {
				return
			}
			if page, err := os.ReadFile(filepath.Join(content, "report.html")); err != nil || !strings.Contains(string(page), "repeated word") {
				t.Errorf("the HTML report asked for in args: %v", err)
			}
			var doc struct {
				Version string
				Runs    []struct{ Results []json.RawMessage }
			}
			if err != nil || json.Unmarshal(sarif, &doc) != nil || doc.Version != "2.1.0" || len(doc.Runs) != 1 || len(doc.Runs[0].Results) == 0 {
				t.Errorf("SARIF file: %v\n%.300s", err, sarif)
			}
		})
	}
}
