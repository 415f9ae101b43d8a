package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"
)

// TestReferenceArticles lints the reference set of real published
// articles (kept outside the repository: set NEWSLINT_SEEDS to their
// directory) and checks the recycled-paragraph and boilerplate bars: every
// paragraph of 12 words or more that two articles share (most of its
// words in common, so a reworded one counts) is reported, pointing at
// another article; no other paragraph is reported as recycled; and every
// boilerplate finding is a short line, not reporting.
func TestReferenceArticles(t *testing.T) {
	dir := os.Getenv("NEWSLINT_SEEDS")
	if dir == "" {
		t.Skip("NEWSLINT_SEEDS is not set: the reference articles are not in the repository")
	}
	files, _ := filepath.Glob(filepath.Join(dir, "*.txt"))
	if len(files) < 2 {
		t.Fatalf("%s holds %d articles", dir, len(files))
	}
	// Ground truth, found independently of newslint: lines sharing 80% of
	// their distinct words with a line of another article.
	type line struct {
		file  string
		n     int
		words map[string]bool
	}
	var lines []line
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for i, l := range strings.Split(string(data), "\n") {
			ws := strings.FieldsFunc(strings.ToLower(l), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
			if len(ws) < 12 {
				continue
			}
			set := map[string]bool{}
			for _, w := range ws {
				set[w] = true
			}
			lines = append(lines, line{filepath.Base(f), i + 1, set})
		}
	}
	shared := map[string]bool{}
	for i, a := range lines {
		for _, b := range lines[i+1:] {
			if a.file == b.file {
				continue
			}
			common := 0
			for w := range a.words {
				if b.words[w] {
					common++
				}
			}
			if float64(common) >= 0.8*float64(min(len(a.words), len(b.words))) {
				shared[a.file+":"+itoa(a.n)], shared[b.file+":"+itoa(b.n)] = true, true
			}
		}
	}
	r := run(t, dir, "", append([]string{"--format", "json"}, relativeNames(files)...)...)
	var out struct {
		Findings []struct {
			Path, Rule, Message string
			Line                int
			Related             []struct{ Path string }
		}
	}
	if err := json.Unmarshal([]byte(r.stdout), &out); err != nil {
		t.Fatalf("%v\n%s", err, r.stderr)
	}
	reported := map[string]bool{}
	boilerplate := 0
	for _, f := range out.Findings {
		key := f.Path + ":" + itoa(f.Line)
		switch f.Rule {
		case "recycled-paragraph":
			reported[key] = true
			if !shared[key] {
				t.Errorf("%s: reported as recycled but shared with no other article: %s", key, f.Message)
			}
			if len(f.Related) == 0 || f.Related[0].Path == f.Path {
				t.Errorf("%s: does not point at another article", key)
			}
		case "boilerplate":
			boilerplate++
			if n := len(strings.Fields(strings.Split(f.Message, "\"")[1])); n > 15 {
				t.Errorf("%s: boilerplate finding on a %d-word line: %s", key, n, f.Message)
			}
		}
	}
	for key := range shared {
		if !reported[key] {
			t.Errorf("%s: shared with another article but not reported", key)
		}
	}
	t.Logf("%d shared paragraphs, all reported; %d boilerplate lines", len(shared), boilerplate)
}

func relativeNames(files []string) []string {
	var out []string
	for _, f := range files {
		out = append(out, filepath.Base(f))
	}
	return out
}

func itoa(n int) string {
	b, _ := json.Marshal(n)
	return string(b)
}
