package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"
)

// Tests of `check --staged`, `hook install|uninstall` and the pre-commit
// framework hook (.pre-commit-hooks.yaml), each in temporary git
// repositories.

const (
	hookClean   = "The council met on Tuesday and approved the new budget for the library.\n"
	hookBroken  = "The council met on on Tuesday and approved the new budget for the library.\n"
	hookFinding = `repeated word "on"`
)

// isolateGit keeps the user's and the system's git configuration (a global
// core.hooksPath, commit signing) out of the tests' repositories.
func isolateGit(t *testing.T) {
	t.Helper()
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git is not installed (apt-get install git)")
	}
	empty := filepath.Join(t.TempDir(), "gitconfig")
	if err := os.WriteFile(empty, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	t.Setenv("GIT_CONFIG_GLOBAL", empty)
	t.Setenv("GIT_CONFIG_NOSYSTEM", "1")
}

// newGitRepo makes an empty repository with a local identity.
func newGitRepo(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	runGit(t, dir, "init", "-q")
	runGit(t, dir, "config", "user.name", "Test Editor")
	runGit(t, dir, "config", "user.email", "editor@example.com")
	return dir
}

// runGit runs git in dir and returns its standard output; it fails the test
// when git does.
func runGit(t *testing.T, dir string, args ...string) string {
	t.Helper()
	cmd := exec.Command("git", args...)
	cmd.Dir = dir
	var out, errOut bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errOut
	if err := cmd.Run(); err != nil {
		t.Fatalf("git %s: %v\n%s", strings.Join(args, " "), err, errOut.String())
	}
	return out.String()
}

// gitCommit runs git commit in dir; the hook's output is on standard error.
func gitCommit(t *testing.T, dir string, extra ...string) result {
	t.Helper()
	cmd := exec.Command("git", append([]string{"commit", "-q", "-m", "a commit"}, extra...)...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "NO_COLOR=1")
	return runCmd(t, cmd)
}

func putFile(t *testing.T, dir, name, content string) {
	t.Helper()
	p := filepath.Join(dir, filepath.FromSlash(name))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

func slurp(t *testing.T, path string) string {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

// commitCount is how many commits the repository has.
func commitCount(t *testing.T, dir string) string {
	t.Helper()
	cmd := exec.Command("git", "rev-list", "--count", "HEAD")
	cmd.Dir = dir
	out, err := cmd.Output()
	if err != nil {
		return "0"
	}
	return strings.TrimSpace(string(out))
}

// TestStagedCheck checks that check --staged lints the index's text of the
// drafts staged for commit, narrowed by PATHs, with paths relative to the
// working directory.
func TestStagedCheck(t *testing.T) {
	isolateGit(t)
	dir := newGitRepo(t)
	putFile(t, dir, ".newslint.yml", "files:\n  exclude: [\"old/**\"]\n")
	putFile(t, dir, "clean.md", hookClean)
	putFile(t, dir, "desk/ü draft one.md", hookBroken)   // space and non-ASCII
	putFile(t, dir, "desk/gone.txt", hookBroken)         // staged, then deleted
	putFile(t, dir, "desk/fixed.html", "<p>"+hookBroken) // staged broken, fixed after
	putFile(t, dir, "old/archived.md", hookBroken)       // excluded by the configuration
	putFile(t, dir, "code.go", hookBroken)               // not a draft
	putFile(t, dir, "unstaged.md", hookBroken)           // never staged
	runGit(t, dir, "add", ".newslint.yml", "clean.md", "desk", "old", "code.go")
	os.Remove(filepath.Join(dir, "desk/gone.txt"))
	putFile(t, dir, "desk/fixed.html", "<p>"+hookClean)

	runCases(t, dir, []cliCase{
		{name: "all staged drafts", args: []string{"check", "--staged"}, code: 1,
			stdoutHas: []string{"desk/ü draft one.md:1:17 error repeated-word", "desk/gone.txt:1:17", "desk/fixed.html:1:20", "4 files checked"}},
		{name: "default command", args: []string{"--staged", "--format", "json"}, code: 1,
			stdoutHas: []string{`"files": 4`}},
		{name: "narrowed to a clean draft", args: []string{"check", "--staged", "clean.md"}, code: 0,
			stdoutHas: []string{"1 file checked: no problems found"}},
		{name: "narrowed to a directory", args: []string{"check", "--staged", "desk/"}, code: 1,
			stdoutHas: []string{"3 files checked"}},
		{name: "a named file that is not a draft", args: []string{"check", "--staged", "code.go"}, code: 1,
			stdoutHas: []string{"code.go:1:17 error repeated-word", "1 file checked"}},
		{name: "a named excluded file", args: []string{"check", "--staged", "old/archived.md"}, code: 0,
			stdoutHas: []string{"0 files checked"}, stderrHas: []string{"old/archived.md: skipped: excluded by files.exclude"}},
		{name: "an unstaged draft", args: []string{"check", "--staged", "unstaged.md"}, code: 0,
			stderrHas: []string{"newslint: --staged: no staged drafts under unstaged.md"}},
		{name: "standard input", args: []string{"check", "--staged", "-"}, code: 2,
			stderrHas: []string{"cannot read standard input"}},
	})
	t.Run("unstaged lines are not linted", func(t *testing.T) {
		// The working tree's fixed.html is clean; the staged one is not.
		run(t, dir, "", "check", "desk/fixed.html").expect(t, 0, nil, nil)
		run(t, dir, "", "check", "--staged", "desk/fixed.html").expect(t, 1, []string{"desk/fixed.html:1:20"}, nil)
	})
	t.Run("from a subdirectory", func(t *testing.T) {
		run(t, filepath.Join(dir, "desk"), "", "check", "--staged").expect(t, 1,
			[]string{"ü draft one.md:1:17", "gone.txt:1:17", "4 files checked"}, nil)
		run(t, filepath.Join(dir, "desk"), "", "check", "--staged", ".").expect(t, 1,
			[]string{"3 files checked"}, nil)
		run(t, filepath.Join(dir, "desk"), "", "check", "--staged", "../clean.md").expect(t, 0,
			[]string{"1 file checked"}, nil)
	})

	t.Run("nothing staged", func(t *testing.T) {
		clean := newGitRepo(t)
		putFile(t, clean, "a.md", hookBroken)
		run(t, clean, "", "check", "--staged").expect(t, 0, []string{"0 files checked"}, []string{"newslint: --staged: no staged drafts to lint"})
	})
	t.Run("deletions and renames", func(t *testing.T) {
		repo := newGitRepo(t)
		putFile(t, repo, "a.md", hookBroken)
		putFile(t, repo, "b.md", hookBroken+"A second paragraph so the rename is found.\n")
		runGit(t, repo, "add", ".")
		runGit(t, repo, "commit", "-q", "-m", "broken drafts")
		runGit(t, repo, "rm", "-q", "a.md")
		run(t, repo, "", "check", "--staged").expect(t, 0, nil, []string{"no staged drafts"})
		runGit(t, repo, "mv", "b.md", "c.md")
		run(t, repo, "", "check", "--staged").expect(t, 1, []string{"c.md:1:17", "1 file checked"}, nil)
	})
	t.Run("outside a repository", func(t *testing.T) {
		outside := t.TempDir()
		t.Setenv("GIT_CEILING_DIRECTORIES", filepath.Dir(outside))
		putFile(t, outside, "a.md", hookClean)
		run(t, outside, "", "check", "--staged").expect(t, 2, nil, []string{"--staged needs a git repository", "not a git repository"})
	})
}

// TestHookInstall checks that the installed hook refuses a commit whose
// staged drafts have errors and lets a clean one through, judging the
// staged text, not the working tree's.
func TestHookInstall(t *testing.T) {
	isolateGit(t)
	dir := newGitRepo(t)
	run(t, dir, "", "hook", "install").expect(t, 0, []string{"installed the newslint pre-commit hook in .git/hooks/pre-commit"}, nil)
	hook := filepath.Join(dir, ".git", "hooks", "pre-commit")
	st, err := os.Stat(hook)
	if err != nil {
		t.Fatal(err)
	}
	if st.Mode().Perm()&0o111 != 0o111 {
		t.Errorf("hook mode %v, want executable", st.Mode())
	}
	if script := slurp(t, hook); !strings.Contains(script, "newslint-hook") || !strings.Contains(script, binary) {
		t.Errorf("hook lacks the marker or the binary's path %s:\n%s", binary, script)
	}

	steps := []struct {
		name    string
		setup   func()
		refused bool
	}{
		{"a broken draft", func() { putFile(t, dir, "a.md", hookBroken); runGit(t, dir, "add", "a.md") }, true},
		{"the same draft fixed", func() { putFile(t, dir, "a.md", hookClean); runGit(t, dir, "add", "a.md") }, false},
		{"broken staged, fixed in the working tree only", func() {
			putFile(t, dir, "b.md", hookBroken)
			runGit(t, dir, "add", "b.md")
			putFile(t, dir, "b.md", hookClean)
		}, true},
		{"clean staged, broken in the working tree only", func() {
			runGit(t, dir, "add", "b.md")
			putFile(t, dir, "b.md", hookBroken)
		}, false},
		{"broken staged, then deleted from the working tree", func() {
			putFile(t, dir, "c.md", hookBroken)
			runGit(t, dir, "add", "c.md")
			os.Remove(filepath.Join(dir, "c.md"))
		}, true},
		{"a staged deletion of a committed broken draft", func() {
			runGit(t, dir, "rm", "-q", "--cached", "c.md")
			putFile(t, dir, "old.md", hookBroken)
			runGit(t, dir, "add", "old.md")
			runGit(t, dir, "commit", "-q", "--no-verify", "-m", "committed unchecked")
			runGit(t, dir, "rm", "-q", "old.md")
		}, false},
		{"a file that is not a draft", func() { putFile(t, dir, "notes.go", hookBroken); runGit(t, dir, "add", "notes.go") }, false},
	}
	for _, s := range steps {
		t.Run(s.name, func(t *testing.T) {
			s.setup()
			before := commitCount(t, dir)
			r := gitCommit(t, dir)
			after := commitCount(t, dir)
			if s.refused {
				if r.code == 0 || after != before {
					t.Fatalf("commit went through (exit %d, %s -> %s commits)\n%s", r.code, before, after, r.stderr)
				}
				if !strings.Contains(r.stderr, hookFinding) {
					t.Errorf("the hook's output lacks the finding %q:\n%s", hookFinding, r.stderr)
				}
				return
			}
			if r.code != 0 || after == before {
				t.Fatalf("commit refused (exit %d):\n%s", r.code, r.stderr)
			}
		})
	}

	t.Run("--no-verify skips the hook", func(t *testing.T) {
		putFile(t, dir, "d.md", hookBroken)
		runGit(t, dir, "add", "d.md")
		gitCommit(t, dir, "--no-verify").expect(t, 0, nil, nil)
	})
	t.Run("install again", func(t *testing.T) {
		run(t, dir, "", "hook", "install").expect(t, 0, []string{"updated the newslint pre-commit hook"}, nil)
		if _, err := os.Stat(hook + ".newslint-backup"); err == nil {
			t.Error("re-installing over newslint's own hook made a backup")
		}
	})
	t.Run("uninstall", func(t *testing.T) {
		run(t, dir, "", "hook", "uninstall").expect(t, 0, []string{"removed the newslint pre-commit hook"}, nil)
		if _, err := os.Stat(hook); err == nil {
			t.Error("the hook is still there")
		}
		putFile(t, dir, "e.md", hookBroken)
		runGit(t, dir, "add", "e.md")
		gitCommit(t, dir).expect(t, 0, nil, nil)
		run(t, dir, "", "hook", "uninstall").expect(t, 0, []string{"nothing to remove"}, nil)
	})
}

// TestHookForeign checks that install never silently replaces another
// hook, that --force keeps it, and that uninstall puts it back.
func TestHookForeign(t *testing.T) {
	isolateGit(t)
	dir := newGitRepo(t)
	hook := filepath.Join(dir, ".git", "hooks", "pre-commit")
	backup := hook + ".newslint-backup"
	foreign := "#!/bin/sh\necho another hook >&2\nexit 0\n"
	if err := os.WriteFile(hook, []byte(foreign), 0o755); err != nil {
		t.Fatal(err)
	}

	run(t, dir, "", "hook", "install").expect(t, 2, nil, []string{"is not newslint's hook; not replacing it", "--force"})
	if got := slurp(t, hook); got != foreign {
		t.Fatalf("install without --force changed the hook:\n%s", got)
	}
	run(t, dir, "", "hook", "uninstall").expect(t, 2, nil, []string{"is not newslint's hook; leaving it alone"})

	run(t, dir, "", "hook", "install", "--force").expect(t, 0, []string{"kept the old pre-commit hook as " + filepath.Join(".git", "hooks", "pre-commit.newslint-backup"), "installed"}, nil)
	if got := slurp(t, backup); got != foreign {
		t.Errorf("backup is %q, want the old hook", got)
	}
	if !strings.Contains(slurp(t, hook), "newslint-hook") {
		t.Error("--force did not install newslint's hook")
	}
	putFile(t, dir, "a.md", hookBroken)
	runGit(t, dir, "add", "a.md")
	gitCommit(t, dir).expect(t, 1, nil, []string{hookFinding})

	run(t, dir, "", "hook", "install", "--force").expect(t, 0, []string{"updated"}, nil)
	if got := slurp(t, backup); got != foreign {
		t.Errorf("re-installing replaced the backup with %q", got)
	}

	run(t, dir, "", "hook", "uninstall").expect(t, 0, []string{"restored the one it replaced"}, nil)
	if got := slurp(t, hook); got != foreign {
		t.Errorf("uninstall left %q, want the old hook back", got)
	}
	if _, err := os.Stat(backup); err == nil {
		t.Error("the backup is still there after uninstall")
	}
	gitCommit(t, dir).expect(t, 0, nil, []string{"another hook"})
}

// TestHookPlaces checks where the hook goes: core.hooksPath, a linked
// worktree, and no repository at all.
func TestHookPlaces(t *testing.T) {
	isolateGit(t)
	t.Run("core.hooksPath", func(t *testing.T) {
		dir := newGitRepo(t)
		runGit(t, dir, "config", "core.hooksPath", "githooks")
		putFile(t, dir, "sub/placeholder", "")
		run(t, filepath.Join(dir, "sub"), "", "hook", "install").expect(t, 0, []string{"installed"}, nil)
		if _, err := os.Stat(filepath.Join(dir, "githooks", "pre-commit")); err != nil {
			t.Fatalf("no hook in core.hooksPath: %v", err)
		}
		if _, err := os.Stat(filepath.Join(dir, ".git", "hooks", "pre-commit")); err == nil {
			t.Error("a hook was written to .git/hooks too")
		}
		putFile(t, dir, "a.md", hookBroken)
		runGit(t, dir, "add", "a.md")
		gitCommit(t, dir).expect(t, 1, nil, []string{hookFinding})
	})
	t.Run("worktree", func(t *testing.T) {
		dir := newGitRepo(t)
		putFile(t, dir, "README", "x\n")
		runGit(t, dir, "add", "README")
		runGit(t, dir, "commit", "-q", "-m", "first")
		wt := filepath.Join(t.TempDir(), "wt")
		runGit(t, dir, "worktree", "add", "-q", wt)
		run(t, wt, "", "hook", "install").expect(t, 0, []string{"installed"}, nil)
		if _, err := os.Stat(filepath.Join(dir, ".git", "hooks", "pre-commit")); err != nil {
			t.Fatalf("no hook in the repository's hooks: %v", err)
		}
		putFile(t, wt, "a.md", hookBroken)
		runGit(t, wt, "add", "a.md")
		gitCommit(t, wt).expect(t, 1, nil, []string{hookFinding})
	})
	t.Run("outside a repository", func(t *testing.T) {
		outside := t.TempDir()
		t.Setenv("GIT_CEILING_DIRECTORIES", filepath.Dir(outside))
		run(t, outside, "", "hook", "install").expect(t, 2, nil, []string{"not a git repository"})
		run(t, outside, "", "hook", "uninstall").expect(t, 2, nil, []string{"not a git repository"})
	})
}

// TestHookScriptFallback checks the hook's search for newslint when the
// binary it was installed from is gone: newslint on PATH, else a clear
// failure.
func TestHookScriptFallback(t *testing.T) {
	isolateGit(t)
	dir := newGitRepo(t)
	run(t, dir, "", "hook", "install").expect(t, 0, nil, nil)
	hook := filepath.Join(dir, ".git", "hooks", "pre-commit")
	script := strings.Replace(slurp(t, hook), "'"+binary+"'", "'/nonexistent/newslint'", 1)
	if err := os.WriteFile(hook, []byte(script), 0o755); err != nil {
		t.Fatal(err)
	}
	putFile(t, dir, "a.md", hookBroken)
	runGit(t, dir, "add", "a.md")
	gitDir := filepath.Dir(lookPathOrSkip(t, "git"))

	t.Setenv("PATH", gitDir)
	r := gitCommit(t, dir)
	r.expect(t, 1, nil, []string{"newslint pre-commit hook: newslint not found at /nonexistent/newslint or on PATH", "git commit --no-verify"})

	bin := t.TempDir()
	if err := os.Symlink(binary, filepath.Join(bin, "newslint")); err != nil {
		t.Fatal(err)
	}
	t.Setenv("PATH", bin+string(os.PathListSeparator)+gitDir)
	gitCommit(t, dir).expect(t, 1, nil, []string{hookFinding})
}

func lookPathOrSkip(t *testing.T, name string) string {
	t.Helper()
	p, err := exec.LookPath(name)
	if err != nil {
		t.Skipf("%s is not installed (apt-get install %s)", name, name)
	}
	return p
}

// TestPreCommitFramework installs newslint through the pre-commit
// framework from a copy of this checkout (.pre-commit-hooks.yaml, language
// golang) and checks that it refuses a broken draft and passes a clean
// one. pre-commit builds the hook with go install; the module cache is
// shared and GOPROXY is off, so nothing is downloaded.
func TestPreCommitFramework(t *testing.T) {
	if _, err := exec.LookPath("pre-commit"); err != nil {
		t.Skip("pre-commit is not installed (apt-get install pre-commit)")
	}
	if testing.Short() {
		t.Skip("builds newslint inside pre-commit's environment; skipped with -short")
	}
	isolateGit(t)
	start := time.Now()
	goTool := filepath.Join(runtime.GOROOT(), "bin", "go")
	modCache, err := exec.Command(goTool, "env", "GOMODCACHE").Output()
	if err != nil {
		t.Fatalf("go env GOMODCACHE: %v", err)
	}
	t.Setenv("GOMODCACHE", strings.TrimSpace(string(modCache)))
	t.Setenv("GOFLAGS", "-mod=mod -buildvcs=false")
	t.Setenv("GOTOOLCHAIN", "local")
	t.Setenv("GOPROXY", "off")
	t.Setenv("PRE_COMMIT_HOME", t.TempDir())
	t.Setenv("PATH", filepath.Dir(goTool)+string(os.PathListSeparator)+os.Getenv("PATH"))

	// The hooks repository: this checkout's files, uncommitted work
	// included, committed once.
	hooks := newGitRepo(t)
	files := strings.Split(strings.TrimSuffix(runGit(t, repoRoot, "ls-files", "-z", "-co", "--exclude-standard"), "\x00"), "\x00")
	for _, name := range files {
		data, err := os.ReadFile(filepath.Join(repoRoot, name))
		if err != nil {
			continue // deleted in the working tree
		}
		putFile(t, hooks, name, string(data))
	}
	runGit(t, hooks, "add", ".")
	runGit(t, hooks, "commit", "-q", "-m", "newslint")
	rev := strings.TrimSpace(runGit(t, hooks, "rev-parse", "HEAD"))

	dir := newGitRepo(t)
	putFile(t, dir, ".pre-commit-config.yaml", "repos:\n- repo: "+hooks+"\n  rev: "+rev+"\n  hooks:\n  - id: newslint\n")
	runGit(t, dir, "add", ".pre-commit-config.yaml")
	cmd := exec.Command("pre-commit", "install")
	cmd.Dir = dir
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("pre-commit install: %v\n%s", err, out)
	}

	putFile(t, dir, "story.md", hookBroken)
	putFile(t, dir, "notes.txt", hookClean)
	runGit(t, dir, "add", "story.md", "notes.txt")
	r := gitCommit(t, dir)
	out := r.stdout + r.stderr
	if r.code == 0 {
		t.Fatalf("a broken draft was committed:\n%s", out)
	}
	for _, want := range []string{"story.md:1:17 error repeated-word", hookFinding, "Failed"} {
		if !strings.Contains(out, want) {
			t.Errorf("pre-commit's output lacks %q:\n%s", want, out)
		}
	}

	putFile(t, dir, "story.md", hookClean)
	runGit(t, dir, "add", "story.md")
	if r := gitCommit(t, dir); r.code != 0 {
		t.Fatalf("a clean draft was refused (exit %d):\n%s%s", r.code, r.stdout, r.stderr)
	}
	t.Logf("pre-commit framework test took %v", time.Since(start).Round(time.Second))
}
