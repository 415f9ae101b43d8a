package cli

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/newslint/newslint/rules"
)

// TestLSPLinterArchive checks that the editor's drafts are compared with
// the archive their configuration names, including one created after the
// server started, and that a reload closes and reopens it.
func TestLSPLinterArchive(t *testing.T) {
	dir := t.TempDir()
	published := "The harbour board voted on Thursday to spend four million dollars on new cranes for the container terminal, which has lost two shipping lines since the spring."
	write := func(name, content string) {
		t.Helper()
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write(".newslint.yml", "archive:\n  path: archive.db\n")
	write("published/cranes.md", "# Harbour buys cranes\n\n"+published+"\n")
	draftPath := filepath.Join(dir, "drafts", "port.md")
	text := []byte("# Port update\n\nA new paragraph opens the story about the port and its plans for next year.\n\n" + published + "\n")

	var logs bytes.Buffer
	l := newLSPLinter(Env{Stdin: strings.NewReader(""), Stdout: io.Discard, Stderr: &logs, Getenv: os.Getenv}, rules.All())
	recycled := func() int {
		t.Helper()
		res, err := l.Lint(draftPath, text)
		if err != nil {
			t.Fatal(err)
		}
		n := 0
		for _, f := range res.Findings {
			if f.Rule == "recycled-paragraph" {
				n++
			}
		}
		return n
	}
	if n := recycled(); n != 0 {
		t.Fatalf("%d recycled findings before the archive exists, want 0", n)
	}
	_, stderr, code := runMain(t, nil, false, "", "archive", "add", "--archive", filepath.Join(dir, "archive.db"), filepath.Join(dir, "published"))
	if code != 0 {
		t.Fatalf("archive add: exit %d: %s", code, stderr)
	}
	if n := recycled(); n != 1 {
		t.Errorf("%d recycled findings once the archive exists (no reload), want 1; log: %s", n, logs.String())
	}
	if n := recycled(); n != 1 || len(l.corpora) != 1 {
		t.Errorf("second lint: %d findings, %d open archives; want 1 and 1", n, len(l.corpora))
	}
	l.Reload()
	if len(l.corpora) != 0 {
		t.Errorf("reload left %d archives open", len(l.corpora))
	}
	if n := recycled(); n != 1 {
		t.Errorf("after reload: %d recycled findings, want 1", n)
	}
	l.Reload()
}
