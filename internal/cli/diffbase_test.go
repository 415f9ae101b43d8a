package cli

import (
	"reflect"
	"sort"
	"testing"

	"github.com/newslint/newslint/draft"
	"github.com/newslint/newslint/lint"
)

func TestParseUnifiedDiff(t *testing.T) {
	diff := "diff --git a/a.md b/a.md\n" +
		"--- a/a.md\n+++ b/a.md\n" +
		"@@ -3 +3 @@\n-old\n+new\n" +
		"@@ -10,2 +10,0 @@\n-gone\n-gone\n" + // a deletion adds no line
		"@@ -20,0 +21,3 @@\n+a\n+b\n+c\n" +
		"diff --git a/old.md b/old.md\ndeleted file mode 100644\n--- a/old.md\n+++ /dev/null\n@@ -1 +0,0 @@\n-x\n" +
		"diff --git \"a/caf\\303\\251 \\\"x\\\".md\" \"b/caf\\303\\251 \\\"x\\\".md\"\n" +
		"--- \"a/caf\\303\\251 \\\"x\\\".md\"\n+++ \"b/caf\\303\\251 \\\"x\\\".md\"\n@@ -0,0 +1,2 @@\n+one\n+two\n" +
		"--- a/plain name.md\t\n+++ b/plain name.md\t\n@@ -5,1 +5,1 @@\n-x\n+y\n" +
		"diff --git a/u16.txt b/u16.txt\nindex 1..2 100644\nBinary files a/u16.txt and b/u16.txt differ\n" +
		"diff --git a/this and that.txt b/this and that.txt\nBinary files a/this and that.txt and b/this and that.txt differ\n" +
		"diff --git a/gone.txt b/gone.txt\ndeleted file mode 100644\nBinary files a/gone.txt and /dev/null differ\n"
	ch := parseUnifiedDiff([]byte(diff))
	got := map[string][]int{}
	for path, set := range ch.lines {
		for l := range set {
			got[path] = append(got[path], l)
		}
		sort.Ints(got[path])
	}
	want := map[string][]int{
		"a.md":          {3, 21, 22, 23},
		"café \"x\".md": {1, 2},
		"plain name.md": {5},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("changed lines\n got %v\nwant %v", got, want)
	}
	if w := map[string]bool{"u16.txt": true, "this and that.txt": true}; !reflect.DeepEqual(ch.whole, w) {
		t.Errorf("binary changes, counted whole: %v, want %v", ch.whole, w)
	}
}

func TestChangedLinesKeep(t *testing.T) {
	root := t.TempDir()
	ch := &changedLines{root: root, lines: map[string]map[int]bool{"a.md": {4: true}}, whole: map[string]bool{"new.md": true}}
	at := func(path string, from, to int) lint.Finding {
		return lint.Finding{Path: root + "/" + path, Start: draft.Position{Line: from}, End: draft.Position{Line: to}}
	}
	cases := []struct {
		name string
		f    lint.Finding
		want bool
	}{
		{"on a changed line", at("a.md", 4, 4), true},
		{"spanning a changed line", at("a.md", 3, 5), true},
		{"above it", at("a.md", 3, 3), false},
		{"below it", at("a.md", 5, 6), false},
		{"unchanged file", at("b.md", 4, 4), false},
		{"untracked file", at("new.md", 40, 40), true},
		{"outside the repository", lint.Finding{Path: "/elsewhere/x.md", Start: draft.Position{Line: 1}}, true},
	}
	for _, c := range cases {
		if got := ch.keep(c.f); got != c.want {
			t.Errorf("%s: keep = %v, want %v", c.name, got, c.want)
		}
	}
}
