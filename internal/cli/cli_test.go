package cli

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// runMain runs Main in process with a fake environment.
func runMain(t *testing.T, env map[string]string, terminal bool, stdin string, args ...string) (string, string, int) {
	t.Helper()
	var out, errOut bytes.Buffer
	code := Main(args, Env{
		Stdin:      strings.NewReader(stdin),
		Stdout:     &out,
		Stderr:     &errOut,
		Getenv:     func(k string) string { return env[k] },
		IsTerminal: func(io.Writer) bool { return terminal },
	})
	return out.String(), errOut.String(), code
}

// TestColorAuto covers what a subprocess test cannot: --color auto on a
// terminal, with and without NO_COLOR and TERM=dumb.
func TestColorAuto(t *testing.T) {
	tests := []struct {
		name     string
		env      map[string]string
		terminal bool
		args     []string
		color    bool
	}{
		{"terminal", nil, true, nil, true},
		{"not a terminal", nil, false, nil, false},
		{"NO_COLOR on a terminal", map[string]string{"NO_COLOR": "1"}, true, nil, false},
		{"dumb terminal", map[string]string{"TERM": "dumb"}, true, nil, false},
		{"always beats NO_COLOR", map[string]string{"NO_COLOR": "1"}, false, []string{"--color", "always"}, true},
		{"never on a terminal", nil, true, []string{"--color", "never"}, false},
		{"json is never colored", nil, true, []string{"--format", "json"}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			args := append(append([]string{}, tt.args...), "--stdin-filename", "a.md", "-")
			out, _, code := runMain(t, tt.env, tt.terminal, "Intro.\n\nThe the end.\n", args...)
			if code != ExitFindings {
				t.Fatalf("exit %d", code)
			}
			if got := strings.Contains(out, "\x1b["); got != tt.color {
				t.Errorf("colored = %v, want %v:\n%q", got, tt.color, out)
			}
		})
	}
}

func TestMainExitCodes(t *testing.T) {
	dir := t.TempDir()
	clean := filepath.Join(dir, "clean.md")
	if err := os.WriteFile(clean, []byte("The council met.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		args []string
		code int
		err  string
	}{
		{[]string{clean}, ExitOK, ""},
		{[]string{filepath.Join(dir, "missing.md")}, ExitError, "no such file or directory"},
		{[]string{"--fail-level", "off", clean}, ExitError, "--fail-level"},
		{[]string{"rules", "extra"}, ExitError, "unknown command"},
		{[]string{"init", dir, "extra"}, ExitError, "accepts at most 1 arg"},
	} {
		_, stderr, code := runMain(t, nil, false, "", tt.args...)
		if code != tt.code || !strings.Contains(stderr, tt.err) {
			t.Errorf("%v: exit %d, stderr %q; want %d and %q", tt.args, code, stderr, tt.code, tt.err)
		}
	}
}

func TestAsGiven(t *testing.T) {
	sep := string(filepath.Separator)
	for _, tt := range [][3]string{
		{"drafts", filepath.Join("drafts", "a.md"), "drafts" + sep + "a.md"},
		{"./drafts", filepath.Join("drafts", "a.md"), "./drafts" + sep + "a.md"},
		{"./drafts/", filepath.Join("drafts", "x", "a.md"), "./drafts/" + filepath.Join("x", "a.md")},
		{".", "a.md", "a.md"},
		{"./", filepath.Join("news", "a.md"), filepath.Join("news", "a.md")},
	} {
		if got := asGiven(tt[0], tt[1]); got != tt[2] {
			t.Errorf("asGiven(%q, %q) = %q, want %q", tt[0], tt[1], got, tt[2])
		}
	}
}
