package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"
)

// End-to-end tests of --fix and --fix --dry-run.

// fixable is a draft with two safe fixes (a repeated word, a quotation
// mark facing the wrong way) and one unsafe suggestion (a typo inside a
// quotation, left to a person).
const fixable = "Harbor notes\n\n" +
	"The ferry left at noon and and returned late.\n\n" +
	"\u201cWe will keep a seperate log,\u201d the captain said.\n\n" +
	"\u201dBack by six,\u201d the mate said.\n"

// fixed is fixable after --fix.
const fixed = "Harbor notes\n\n" +
	"The ferry left at noon and returned late.\n\n" +
	"\u201cWe will keep a seperate log,\u201d the captain said.\n\n" +
	"\u201cBack by six,\u201d the mate said.\n"

// clean is a draft with nothing to fix.
const clean = "Harbor notes\n\nThe ferry left at noon and returned late.\n"

// fileState is a file's bytes, mode and modification time.
type fileState struct {
	data  string
	mode  os.FileMode
	mtime time.Time
}

// snapshot records every file in dir, by slash-separated relative path.
func snapshot(t *testing.T, dir string) map[string]fileState {
	t.Helper()
	out := map[string]fileState{}
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		st, err := os.Lstat(p)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		out[filepath.ToSlash(rel)] = fileState{string(data), st.Mode(), st.ModTime()}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func names(m map[string]fileState) string {
	var ns []string
	for n := range m {
		ns = append(ns, n)
	}
	sort.Strings(ns)
	return strings.Join(ns, " ")
}

// TestFixWrites checks that --fix writes the safe fixes, keeps the file's
// mode, leaves no other file behind, reports what remains and exits on it.
func TestFixWrites(t *testing.T) {
	tests := []struct {
		name      string
		content   string
		args      []string
		code      int
		want      string
		stdoutHas []string
		stdoutNot []string
		stderr    string
	}{
		{name: "safe fixes written, unsafe finding reported", content: fixable, args: []string{"--fix", "a.md"}, code: 0, want: fixed,
			stdoutHas: []string{`unknown word "seperate"`, "1 file checked: 0 errors, 1 warning"},
			stdoutNot: []string{"repeated word", "wrong way"},
			stderr:    "newslint: fixed 2 findings in 1 file\n"},
		{name: "the finding left exits 1 at its level", content: fixable, args: []string{"--fix", "--fail-level", "warning", "a.md"}, code: 1, want: fixed,
			stdoutHas: []string{`unknown word "seperate"`}, stderr: "newslint: fixed 2 findings in 1 file\n"},
		{name: "JSON report of what remains", content: fixable, args: []string{"--fix", "--format", "json", "a.md"}, code: 0, want: fixed,
			stdoutHas: []string{`"rule": "typo"`}, stdoutNot: []string{`"rule": "repeated-word"`, `"rule": "broken-quote"`},
			stderr: "newslint: fixed 2 findings in 1 file\n"},
		{name: "a fix that reveals another: both made", content: "Harbor notes\n\nThe ferry returned to the teh dock.\n", args: []string{"--fix", "a.md"}, code: 0,
			want: "Harbor notes\n\nThe ferry returned to the dock.\n", stdoutHas: []string{"no problems found"}, stderr: "newslint: fixed 2 findings in 1 file\n"},
		{name: "nothing to fix", content: clean, args: []string{"--fix", "a.md"}, code: 0, want: clean,
			stdoutHas: []string{"no problems found"}, stderr: "newslint: fixed 0 findings in 0 files\n"},
		{name: "without --fix nothing is written", content: fixable, args: []string{"a.md"}, code: 1, want: fixable,
			stdoutHas: []string{"repeated word"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := writeFiles(t, map[string]string{"a.md": tt.content})
			p := filepath.Join(dir, "a.md")
			if err := os.Chmod(p, 0o640); err != nil {
				t.Fatal(err)
			}
			before := snapshot(t, dir)
			time.Sleep(10 * time.Millisecond) // a rewrite shows in the modification time
			r := run(t, dir, "", tt.args...)
			r.expect(t, tt.code, tt.stdoutHas, nil)
			if r.stderr != tt.stderr {
				t.Errorf("stderr %q, want %q", r.stderr, tt.stderr)
			}
			for _, s := range tt.stdoutNot {
				if strings.Contains(r.stdout, s) {
					t.Errorf("stdout has %q:\n%s", s, r.stdout)
				}
			}
			after := snapshot(t, dir)
			if names(after) != "a.md" {
				t.Errorf("files after the run: %s", names(after))
			}
			got := after["a.md"]
			if got.data != tt.want {
				t.Errorf("a.md holds %q, want %q", got.data, tt.want)
			}
			if got.mode != 0o640 {
				t.Errorf("mode %v, want -rw-r-----", got.mode)
			}
			if tt.want == tt.content && !got.mtime.Equal(before["a.md"].mtime) {
				t.Error("a file with nothing to fix was rewritten")
			}
		})
	}
}

// latin1 is a Windows-1252 draft (é is byte E9, the curly quotes 93 and
// 94) with a repeated word and a closing mark used to open a quotation.
const latin1 = "Caf\xe9 notes\n\nThe caf\xe9 opened at noon and and closed late.\n\n\x94We will be back,\x94 the owner said.\n"

// TestFixLatin1 checks that a Windows-1252 file stays Windows-1252: the
// new quotation mark is the byte 93, not UTF-8.
func TestFixLatin1(t *testing.T) {
	dir := writeFiles(t, map[string]string{"old.txt": latin1})
	want := "Caf\xe9 notes\n\nThe caf\xe9 opened at noon and closed late.\n\n\x93We will be back,\x94 the owner said.\n"
	run(t, dir, "", "--fix", "old.txt").expect(t, 0, []string{"read as Windows-1252"}, []string{"fixed 2 findings in 1 file"})
	if got := snapshot(t, dir)["old.txt"].data; got != want {
		t.Errorf("old.txt holds %q, want %q", got, want)
	}
	// Linted again, it is still read as Windows-1252 and has nothing to fix.
	run(t, dir, "", "--fix", "old.txt").expect(t, 0, []string{"read as Windows-1252"}, []string{"fixed 0 findings in 0 files"})
}

// TestFixDryRun checks that --fix --dry-run writes nothing, prints only a
// diff, in path order, that git apply accepts and that makes exactly the
// files --fix writes, and exits 1 when there are changes, 0 when none.
func TestFixDryRun(t *testing.T) {
	files := map[string]string{"b/story.md": fixable, "a.txt": latin1, "c.md": clean}
	dir := writeFiles(t, files)
	before := snapshot(t, dir)
	time.Sleep(10 * time.Millisecond)
	r := run(t, dir, "", "--fix", "--dry-run", ".")
	r.expect(t, 1, []string{"--- a/a.txt\n+++ b/a.txt\n@@ ", "--- a/b/story.md\n+++ b/b/story.md\n@@ "}, nil)
	if r.stderr != "newslint: would fix 4 findings in 2 files (--dry-run: nothing written)\n" {
		t.Errorf("stderr %q", r.stderr)
	}
	if strings.Index(r.stdout, "a/a.txt") > strings.Index(r.stdout, "a/b/story.md") || strings.Contains(r.stdout, "c.md") {
		t.Errorf("diffs out of path order, or a diff of the clean file:\n%s", r.stdout)
	}
	for _, line := range strings.SplitAfter(r.stdout, "\n") {
		if line != "" && !strings.HasPrefix(line, "--- a/") && !strings.HasPrefix(line, "+++ b/") && !strings.HasPrefix(line, "@@ -") &&
			!strings.ContainsAny(line[:1], " -+\\") {
			t.Errorf("standard output has a line that is not part of a diff: %q", line)
		}
	}
	after := snapshot(t, dir)
	for name, st := range before {
		if after[name] != st {
			t.Errorf("%s changed", name)
		}
	}
	if names(after) != names(before) {
		t.Errorf("files %s, want %s", names(after), names(before))
	}

	// The diff applies, and makes what --fix writes.
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git is not installed (apt-get install git); it checks that the diff applies")
	}
	apply := func(args ...string) {
		t.Helper()
		cmd := exec.Command("git", append([]string{"apply"}, args...)...)
		cmd.Dir = dir
		cmd.Stdin = strings.NewReader(r.stdout)
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("git apply %v: %v\n%s\ndiff:\n%s", args, err, out, r.stdout)
		}
	}
	apply("--check")
	apply()
	patched := snapshot(t, dir)
	fixedDir := writeFiles(t, files)
	run(t, fixedDir, "", "--fix", ".").expect(t, 0, nil, []string{"fixed 4 findings in 2 files"})
	for name, st := range snapshot(t, fixedDir) {
		if patched[name].data != st.data {
			t.Errorf("%s: the diff makes %q, --fix writes %q", name, patched[name].data, st.data)
		}
	}
	// Nothing left to fix: no diff, exit 0.
	r = run(t, dir, "", "--fix", "--dry-run", ".")
	r.expect(t, 0, nil, []string{"would fix 0 findings in 0 files"})
	if r.stdout != "" {
		t.Errorf("stdout %q, want nothing", r.stdout)
	}
}

// TestFixRefuses checks the uses of --fix and --dry-run that are refused
// or fail, and their exit statuses.
func TestFixRefuses(t *testing.T) {
	dir := writeFiles(t, map[string]string{"a.md": fixable, "ro.md": fixable})
	ro := filepath.Join(dir, "ro.md")
	if err := os.Chmod(ro, 0o444); err != nil {
		t.Fatal(err)
	}
	runCases(t, dir, []cliCase{
		{name: "--dry-run without --fix", args: []string{"--dry-run", "a.md"}, code: 2, stderrHas: []string{"--dry-run only goes with --fix"}},
		{name: "--fix on standard input", args: []string{"--fix", "-"}, code: 2, stderrHas: []string{"--fix cannot rewrite standard input"}},
		{name: "--fix with --staged", args: []string{"--fix", "--staged"}, code: 2, stderrHas: []string{"--fix rewrites the files in the working tree"}},
		{name: "--fix --write-baseline", args: []string{"--fix", "--baseline", "b.json", "--write-baseline", "a.md"}, code: 2},
		{name: "missing file", args: []string{"--fix", "missing.md"}, code: 2, stderrHas: []string{"missing.md: no such file"}},
		{name: "read-only file", args: []string{"--fix", "ro.md"}, code: 2,
			stdoutHas: []string{"repeated word"}, stderrHas: []string{"newslint: ro.md: file is read-only; fixes not written", "fixed 0 findings in 0 files"}},
		{name: "read-only file, dry run", args: []string{"--fix", "--dry-run", "ro.md"}, code: 1,
			stdoutHas: []string{"--- a/ro.md"}, stderrHas: []string{"would fix 2 findings in 1 file"}},
	})
	if got := snapshot(t, dir); got["a.md"].data != fixable || got["ro.md"].data != fixable || names(got) != "a.md ro.md" {
		t.Errorf("a refused run changed the files: %s", names(got))
	}
	// Standard input with --dry-run: a diff named by --stdin-filename.
	r := run(t, dir, fixable, "--fix", "--dry-run", "--stdin-filename", "drafts/story.md", "-")
	r.expect(t, 1, []string{"--- a/drafts/story.md\n+++ b/drafts/story.md\n", "-The ferry left at noon and and returned late.\n+The ferry left at noon and returned late.\n"}, nil)
}

// TestFixSymlink checks that fixing a draft through a symbolic link
// rewrites the file it points to and leaves the link a link.
func TestFixSymlink(t *testing.T) {
	dir := writeFiles(t, map[string]string{"real/a.md": fixable})
	if err := os.Symlink(filepath.Join("real", "a.md"), filepath.Join(dir, "link.md")); err != nil {
		t.Skipf("cannot make a symbolic link here: %v", err)
	}
	run(t, dir, "", "--fix", "link.md").expect(t, 0, nil, []string{"fixed 2 findings in 1 file"})
	st, err := os.Lstat(filepath.Join(dir, "link.md"))
	if err != nil || st.Mode()&os.ModeSymlink == 0 {
		t.Errorf("link.md is no longer a link (%v)", err)
	}
	if got := snapshot(t, dir)["real/a.md"].data; got != fixed {
		t.Errorf("real/a.md holds %q, want %q", got, fixed)
	}
}

// TestFixPathsNamed checks the names a dry run's diff gives files named
// with ./ or an absolute path (relative ones, so git apply takes the
// diff), and that a draft named both directly and through a link is fixed
// once.
func TestFixPathsNamed(t *testing.T) {
	dir := writeFiles(t, map[string]string{"real/a.md": fixable, "b.md": fixable})
	if err := os.Symlink(filepath.Join("real", "a.md"), filepath.Join(dir, "link.md")); err != nil {
		t.Skipf("cannot make a symbolic link here: %v", err)
	}
	r := run(t, dir, "", "--fix", "--dry-run", "link.md", "./real/a.md", filepath.Join(dir, "b.md"))
	r.expect(t, 1, []string{"--- a/b.md\n+++ b/b.md\n", "--- a/link.md\n"}, []string{"would fix 4 findings in 2 files"})
	if strings.Contains(r.stdout, "real/a.md") || strings.Contains(r.stdout, dir) {
		t.Errorf("the diff names a file twice or by an absolute path:\n%s", r.stdout)
	}
	run(t, dir, "", "--fix", "link.md", "real/a.md").expect(t, 0, nil, []string{"fixed 2 findings in 1 file"})
}

// TestFixMany checks --fix over a directory of drafts: every one fixed,
// the count right, the result the same as fixing each alone.
func TestFixMany(t *testing.T) {
	files := map[string]string{}
	for _, n := range []string{"a", "b", "c", "d", "e", "f", "g", "h"} {
		files["drafts/"+n+".md"] = fixable
	}
	files["drafts/clean.md"] = clean
	dir := writeFiles(t, files)
	run(t, dir, "", "--fix", "drafts").expect(t, 0, nil, []string{"fixed 16 findings in 8 files"})
	for name, st := range snapshot(t, dir) {
		if want := files[name]; want == fixable && st.data != fixed || want == clean && st.data != clean {
			t.Errorf("%s holds %q", name, st.data)
		}
	}
	if n := len(snapshot(t, dir)); n != len(files) {
		t.Errorf("%d files after the run, want %d", n, len(files))
	}
}
