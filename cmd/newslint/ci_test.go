package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"unicode/utf16"

	"github.com/goccy/go-yaml"
)

// story builds a draft from paragraphs.
func story(paras ...string) string {
	return "Council agrees on a budget\n\n" + strings.Join(paras, "\n\n") + "\n"
}

const (
	cleanPara1 = "The council approved the budget on Tuesday after a long debate about road repairs."
	cleanPara2 = "Members said the plan would be reviewed again in the spring."
	cleanPara3 = "A spokesperson for the mayor welcomed the vote in a statement."
	oldDefect  = "The vote was held in the the main chamber of the town hall."
	newDefect  = "Residents can comment on the plan until until the end of March."
)

func TestBaseline(t *testing.T) {
	dir := writeFiles(t, map[string]string{"story.txt": story(cleanPara1, oldDefect, cleanPara2)})
	runCases(t, dir, []cliCase{
		{"write needs a file", []string{"--write-baseline", "story.txt"}, 2, nil, []string{"--write-baseline: name the file with --baseline FILE"}},
		{"missing baseline", []string{"--baseline", "known.json", "story.txt"}, 2, nil, []string{"baseline known.json: no such file (create it with --write-baseline)"}},
		{"write", []string{"--baseline", "known.json", "--write-baseline", "story.txt"}, 0, nil, []string{"recorded 1 finding in baseline known.json"}},
		{"known finding hidden", []string{"--baseline", "known.json", "story.txt"}, 0, []string{"1 file checked"}, []string{"1 finding recorded in baseline known.json not shown"}},
	})
	data, err := os.ReadFile(filepath.Join(dir, "known.json"))
	if err != nil {
		t.Fatal(err)
	}
	var b struct {
		Version  int
		Findings []struct{ Fingerprint, Rule, Path, Message string }
	}
	if err := json.Unmarshal(data, &b); err != nil {
		t.Fatalf("baseline is not JSON: %v\n%s", err, data)
	}
	if b.Version != 1 || len(b.Findings) != 1 || b.Findings[0].Rule != "repeated-word" || b.Findings[0].Path != "story.txt" || len(b.Findings[0].Fingerprint) != 16 {
		t.Fatalf("baseline content: %+v", b)
	}
	// The fingerprint in the JSON output is the one the baseline holds.
	r := run(t, dir, "", "--format", "json", "story.txt")
	if !strings.Contains(r.stdout, `"fingerprint": "`+b.Findings[0].Fingerprint+`"`) {
		t.Errorf("JSON output lacks fingerprint %s:\n%s", b.Findings[0].Fingerprint, r.stdout)
	}

	// A paragraph added above moves the known finding down two lines: it
	// stays known. A new defect is reported, alone.
	putFile(t, dir, "story.txt", story(cleanPara3, cleanPara1, oldDefect, cleanPara2, newDefect))
	r = run(t, dir, "", "--baseline", "known.json", "story.txt")
	r.expect(t, 1, []string{`repeated word "until"`}, []string{"1 finding recorded in baseline known.json not shown"})
	if strings.Contains(r.stdout, `repeated word "the"`) {
		t.Errorf("the known finding was reported again after an edit above it:\n%s", r.stdout)
	}
	// The same run named by an absolute path, and after rewrapping the
	// paragraph of the known finding: still known.
	run(t, dir, "", "--baseline", "known.json", filepath.Join(dir, "story.txt")).expect(t, 1, []string{`repeated word "until"`},
		[]string{"1 finding recorded in baseline known.json not shown"})
	putFile(t, dir, "story.txt", story(cleanPara3, cleanPara1, strings.Replace(oldDefect, " the the ", " the\nthe ", 1), cleanPara2, newDefect))
	run(t, dir, "", "--baseline", "known.json", "story.txt").expect(t, 1, nil, []string{"1 finding recorded in baseline known.json not shown"})

	// A run that does not lint the known finding's draft does not call it
	// gone.
	putFile(t, dir, "other.txt", story(cleanPara1))
	r = run(t, dir, "", "--baseline", "known.json", "other.txt")
	r.expect(t, 0, nil, nil)
	if strings.Contains(r.stderr, "no longer") {
		t.Errorf("an entry for a draft not linted was called stale:\n%s", r.stderr)
	}

	// Fixing the known defect leaves a stale entry, which is reported.
	putFile(t, dir, "story.txt", story(cleanPara1, cleanPara2))
	run(t, dir, "", "--baseline", "known.json", "story.txt").expect(t, 0, nil,
		[]string{"1 finding in baseline known.json no longer occurs; shrink it with --baseline known.json --write-baseline"})

	// Two identical defects, one known: the second is new.
	putFile(t, dir, "story.txt", story(cleanPara1, oldDefect, cleanPara2, oldDefect))
	r = run(t, dir, "", "--baseline", "known.json", "--format", "json", "story.txt")
	if r.code != 1 || strings.Count(r.stdout, `"rule": "repeated-word"`) != 1 {
		t.Errorf("a second copy of a known defect: exit %d, want 1 with one finding:\n%s", r.code, r.stdout)
	}

	putFile(t, dir, "bad.json", "{\n  \"version\": 1,\n  \"findings\": [oops]\n}\n")
	putFile(t, dir, "old.json", `{"version": 9, "findings": []}`)
	runCases(t, dir, []cliCase{
		{"corrupt baseline", []string{"--baseline", "bad.json", "story.txt"}, 2, nil, []string{"baseline bad.json:3:16: invalid character"}},
		{"newer baseline", []string{"--baseline", "old.json", "story.txt"}, 2, nil, []string{"baseline old.json: version 9, this newslint reads version 1"}},
	})
}

func TestDiffBase(t *testing.T) {
	isolateGit(t)
	dir := newGitRepo(t)
	putFile(t, dir, "story.txt", story(cleanPara1, oldDefect, cleanPara2))
	putFile(t, dir, "other.txt", story(cleanPara3, oldDefect))
	runGit(t, dir, "add", ".")
	runGit(t, dir, "commit", "-q", "-m", "first")
	runGit(t, dir, "tag", "base")

	// Nothing changed: the old defects are not reported.
	run(t, dir, "", "--diff-base", "base", ".").expect(t, 0, []string{"2 files checked"}, nil)
	// Without --diff-base they are.
	run(t, dir, "", ".").expect(t, 1, []string{`repeated word "the"`}, nil)

	// A new defect on a changed line is reported, the old one above it is
	// not, nor the untouched file's; a new untracked draft is all new.
	putFile(t, dir, "story.txt", story(cleanPara1, oldDefect, cleanPara2, newDefect))
	putFile(t, dir, "new draft.txt", story(cleanPara3, "The budget adds money for for the library."))
	r := run(t, dir, "", "--diff-base", "base", "--format", "json", ".")
	if r.code != 1 {
		t.Fatalf("exit %d, want 1\n%s\n%s", r.code, r.stdout, r.stderr)
	}
	var out struct {
		Findings []struct{ Path, Message string }
	}
	if err := json.Unmarshal([]byte(r.stdout), &out); err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, f := range out.Findings {
		got = append(got, f.Path+": "+f.Message)
	}
	want := `new draft.txt: repeated word "for"|story.txt: repeated word "until"`
	if strings.Join(got, "|") != want {
		t.Errorf("findings on changed lines:\n got %s\nwant %s", strings.Join(got, "|"), want)
	}

	// Diff settings in the user's configuration change nothing: other
	// path prefixes, or none.
	for _, setting := range []string{"diff.mnemonicPrefix", "diff.noprefix"} {
		runGit(t, dir, "config", setting, "true")
		r := run(t, dir, "", "--diff-base", "base", "story.txt")
		r.expect(t, 1, []string{`repeated word "until"`}, nil)
		runGit(t, dir, "config", "--unset", setting)
	}

	// git diffs UTF-16 as binary, without lines: a changed UTF-16 draft
	// counts as changed throughout.
	putFile(t, dir, "wide.txt", utf16LE(story(cleanPara1)))
	runGit(t, dir, "add", "wide.txt")
	runGit(t, dir, "commit", "-q", "-m", "wide")
	putFile(t, dir, "wide.txt", utf16LE(story(cleanPara1, "The rates rise rise in May.")))
	run(t, dir, "", "--diff-base", "HEAD", "wide.txt").expect(t, 1, []string{`repeated word "rise"`}, nil)

	// Run from a subdirectory, naming the file from there.
	sub := filepath.Join(dir, "desk")
	if err := os.Mkdir(sub, 0o755); err != nil {
		t.Fatal(err)
	}
	putFile(t, sub, "late.txt", story(cleanPara1, oldDefect))
	runGit(t, dir, "add", "desk/late.txt")
	runGit(t, dir, "commit", "-q", "-m", "late")
	putFile(t, sub, "late.txt", story(cleanPara1, oldDefect, newDefect))
	run(t, sub, "", "--diff-base", "HEAD", "late.txt").expect(t, 1, []string{`repeated word "until"`}, nil)
	if r := run(t, sub, "", "--diff-base", "HEAD", "late.txt"); strings.Contains(r.stdout, `"the"`) {
		t.Errorf("an unchanged line's finding was reported from a subdirectory:\n%s", r.stdout)
	}

	// With --staged, the index is compared with the revision: a staged
	// new defect is reported, a defect only in the working tree is not.
	putFile(t, sub, "late.txt", story(cleanPara1, oldDefect, newDefect))
	runGit(t, dir, "add", "desk/late.txt")
	putFile(t, sub, "late.txt", story(cleanPara1, oldDefect, newDefect, "Fees rise rise in May."))
	r = run(t, sub, "", "--staged", "--diff-base", "HEAD")
	r.expect(t, 1, []string{`repeated word "until"`}, nil)
	if strings.Contains(r.stdout, `"rise"`) || strings.Contains(r.stdout, `"the"`) {
		t.Errorf("--staged --diff-base reported a working-tree or unchanged line:\n%s", r.stdout)
	}
	run(t, sub, "", "--diff-base", "HEAD", "late.txt").expect(t, 1, []string{`repeated word "rise"`}, nil)

	outside := writeFiles(t, map[string]string{"story.txt": story(cleanPara1)})
	runCases(t, dir, []cliCase{
		{"unknown revision", []string{"--diff-base", "no-such-branch", "."}, 2, nil, []string{`--diff-base: "no-such-branch" is not a commit, branch or tag`}},
	})
	run(t, outside, "", "--diff-base", "base", "story.txt").expect(t, 2, nil, []string{"--diff-base: not inside a git repository"})
}

// TestReadmeSnippets checks that every YAML block in the README, which
// people paste into their CI and pre-commit configurations, is valid
// YAML, and that the workflow uses only inputs action.yml declares.
func TestReadmeSnippets(t *testing.T) {
	readme, err := os.ReadFile(filepath.Join(repoRoot, "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	blocks := regexp.MustCompile("(?s)```yaml\n(.*?)```").FindAllStringSubmatch(string(readme), -1)
	if len(blocks) < 3 {
		t.Fatalf("README has %d YAML blocks, want the GitHub, GitLab and pre-commit ones at least", len(blocks))
	}
	action, err := os.ReadFile(filepath.Join(repoRoot, "action.yml"))
	if err != nil {
		t.Fatal(err)
	}
	var a actionFile
	if err := yaml.Unmarshal(action, &a); err != nil {
		t.Fatal(err)
	}
	for _, b := range blocks {
		var v any
		if err := yaml.Unmarshal([]byte(b[1]), &v); err != nil {
			t.Errorf("README YAML block does not parse: %v\n%s", err, b[1])
			continue
		}
		var wf struct {
			Jobs map[string]struct {
				Steps []struct {
					Uses string
					With map[string]any
				}
			}
		}
		if yaml.Unmarshal([]byte(b[1]), &wf) != nil {
			continue
		}
		for _, job := range wf.Jobs {
			for _, step := range job.Steps {
				if !strings.HasPrefix(step.Uses, "newslint/newslint@") {
					continue
				}
				for k := range step.With {
					if _, ok := a.Inputs[k]; !ok {
						t.Errorf("README workflow passes input %q, which action.yml does not declare", k)
					}
				}
			}
		}
	}
}

// utf16LE encodes s as UTF-16LE with a byte-order mark.
func utf16LE(s string) string {
	var b strings.Builder
	b.WriteString("\xff\xfe")
	for _, u := range utf16.Encode([]rune(s)) {
		b.WriteByte(byte(u))
		b.WriteByte(byte(u >> 8))
	}
	return b.String()
}
