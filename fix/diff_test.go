package fix

import (
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/text/encoding/unicode"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// numbered returns n lines "line 1\n" ... "line n\n", with the lines in
// change replaced.
func numbered(n int, change map[int]string) string {
	var b strings.Builder
	for i := 1; i <= n; i++ {
		if s, ok := change[i]; ok {
			b.WriteString(s)
			continue
		}
		fmt.Fprintf(&b, "line %d\n", i)
	}
	return b.String()
}

var diffCases = []struct {
	name, old, new string
	hunks          int
}{
	{name: "one line in the middle", old: numbered(20, nil), new: numbered(20, map[int]string{10: "line ten\n"}), hunks: 1},
	{name: "first line", old: numbered(10, nil), new: numbered(10, map[int]string{1: "Line 1\n"}), hunks: 1},
	{name: "last line", old: numbered(10, nil), new: numbered(10, map[int]string{10: "last\n"}), hunks: 1},
	{name: "two hunks far apart", old: numbered(40, nil), new: numbered(40, map[int]string{5: "five\n", 30: "thirty\n"}), hunks: 2},
	{name: "changes six lines apart share a hunk", old: numbered(30, nil), new: numbered(30, map[int]string{10: "ten\n", 17: "seventeen\n"}), hunks: 1},
	{name: "changes seven lines apart do not", old: numbered(30, nil), new: numbered(30, map[int]string{10: "ten\n", 18: "eighteen\n"}), hunks: 2},
	{name: "line deleted", old: numbered(10, nil), new: numbered(10, map[int]string{4: ""}), hunks: 1},
	{name: "line added", old: numbered(10, nil), new: numbered(10, map[int]string{4: "line 4\nline 4½\n"}), hunks: 1},
	{name: "first line deleted", old: numbered(5, nil), new: numbered(5, map[int]string{1: ""}), hunks: 1},
	{name: "line joined", old: "The end of the\nthe line.\nMore.\n", new: "The end of the line.\nMore.\n", hunks: 1},
	{name: "no newline at end, kept", old: "one\ntwo\nthree", new: "one\n2\nthree", hunks: 1},
	{name: "no newline at end, changed", old: "one\ntwo\nthree", new: "one\ntwo\n3", hunks: 1},
	{name: "newline added at end", old: "one\ntwo", new: "one\ntwo\n", hunks: 1},
	{name: "newline removed at end", old: "one\ntwo\n", new: "one\ntwo", hunks: 1},
	{name: "single line without newline", old: "The the end.", new: "The end.", hunks: 1},
	{name: "CRLF lines", old: "one\r\ntwo\r\nthree\r\n", new: "one\r\n2\r\nthree\r\n", hunks: 1},
	{name: "Windows-1252 bytes", old: "Caf\xe9 \"hi\"\nsecond\n", new: "Caf\xe9 \x93hi\x94\nsecond\n", hunks: 1},
	{name: "UTF-16LE bytes", old: string(utf16With(unicode.LittleEndian, "one\ntwo\nthree\n")), new: string(utf16With(unicode.LittleEndian, "one\n2\nthree\n")), hunks: 1},
	{name: "repeated lines", old: "a\na\na\nb\na\na\n", new: "a\na\nb\na\nb\na\n", hunks: 1},
	{name: "long file", old: numbered(3000, nil), new: numbered(3000, map[int]string{1: "", 1500: "middle\n", 3000: "end"}), hunks: 3},
}

// TestUnifiedDiff checks diffs by applying them: git apply (and patch -p1,
// when installed) must turn the old file into the new.
func TestUnifiedDiff(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git is not installed (apt-get install git); it checks that the diffs apply")
	}
	_, patchErr := exec.LookPath("patch")
	for _, tt := range diffCases {
		t.Run(tt.name, func(t *testing.T) {
			const path = "drafts/story.md"
			d := UnifiedDiff(path, []byte(tt.old), []byte(tt.new))
			if !strings.HasPrefix(d, "--- a/drafts/story.md\n+++ b/drafts/story.md\n") {
				t.Fatalf("diff lacks the file header:\n%s", d)
			}
			if n := strings.Count(d, "\n@@ "); n != tt.hunks {
				t.Errorf("%d hunks, want %d:\n%s", n, tt.hunks, d)
			}
			tools := [][]string{{"git", "apply", "-"}}
			if patchErr == nil {
				tools = append(tools, []string{"patch", "-p1", "--quiet", "--no-backup-if-mismatch"})
			}
			for _, tool := range tools {
				dir := t.TempDir()
				file := filepath.Join(dir, filepath.FromSlash(path))
				if err := os.MkdirAll(filepath.Dir(file), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(file, []byte(tt.old), 0o644); err != nil {
					t.Fatal(err)
				}
				cmd := exec.Command(tool[0], tool[1:]...)
				cmd.Dir = dir
				cmd.Stdin = strings.NewReader(d)
				if out, err := cmd.CombinedOutput(); err != nil {
					t.Fatalf("%s: %v\n%s\ndiff:\n%s", tool[0], err, out, d)
				}
				if got := readFile(t, file); got != tt.new {
					t.Errorf("%s made %q, want %q\ndiff:\n%s", tool[0], got, tt.new, d)
				}
			}
		})
	}
}

// TestUnifiedDiffGolden pins the format: headers, hunk ranges (a range of
// one line without its length, an empty range at the line before it),
// context, and the no-newline marker.
func TestUnifiedDiffGolden(t *testing.T) {
	var b strings.Builder
	for _, tt := range diffCases {
		if tt.name == "long file" {
			continue
		}
		fmt.Fprintf(&b, "## %s\n%s", tt.name, UnifiedDiff("story.md", []byte(tt.old), []byte(tt.new)))
	}
	b.WriteString("## path spelled ./drafts/../story.md\n")
	b.WriteString(UnifiedDiff("./drafts/../story.md", []byte("a\n"), []byte("b\n")))
	b.WriteString("## insertion into an empty file\n")
	b.WriteString(UnifiedDiff("story.md", nil, []byte("a\n")))
	path := filepath.Join("testdata", "diff.golden")
	if *update {
		if err := os.MkdirAll("testdata", 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./fix -update)", err)
	}
	if b.String() != string(want) {
		t.Errorf("diffs differ from %s (run with -update to accept):\n%s", path, b.String())
	}
}

func TestUnifiedDiffEqual(t *testing.T) {
	for _, s := range []string{"", "a\n", "no newline"} {
		if d := UnifiedDiff("a.md", []byte(s), []byte(s)); d != "" {
			t.Errorf("diff of %q with itself: %q", s, d)
		}
	}
}
