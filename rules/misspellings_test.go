package rules

import (
	"bufio"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/newslint/newslint/draft"
	"github.com/newslint/newslint/lint"
	"golang.org/x/text/language"
)

// TestMisspellingRecall plants real human misspellings (a sample of
// Wikipedia's lists, testdata/misspellings.tsv) in the clean American
// drafts, one at a time, and checks what typo makes of them: at least 95%
// flagged, the intended word first for 75% and in the top three for 90%,
// the bars the acceptance test sets on published copy.
func TestMisspellingRecall(t *testing.T) {
	pairs := readPairs(t, "../testdata/misspellings.tsv")
	drafts := cleanAmericanDrafts(t)
	p := draft.NewParser()
	engine := lint.NewEngine(All())
	set := lint.RuleSet{Rules: []lint.Configured{{Rule: TypoRule{}, Severity: lint.Warning}}, Language: language.AmericanEnglish}
	planted, flagged, first, top3 := 0, 0, 0, 0
	var missed []string
	for _, pair := range pairs {
		typo, want := pair[0], pair[1]
		re := regexp.MustCompile(`(^|[^\p{L}'’-])` + regexp.QuoteMeta(want) + `($|[^\p{L}'’-])`)
		name, text, at := "", "", -1
		for _, d := range drafts {
			if loc := re.FindStringSubmatchIndex(d.body); loc != nil {
				name, text, at = d.name, d.text, d.offset+loc[3]
				break
			}
		}
		if at < 0 {
			continue
		}
		planted++
		src := text[:at] + typo + text[at+len(want):]
		doc, err := p.ParseWith(name, []byte(src), draft.Options{Format: draft.FormatOf(name), Language: language.AmericanEnglish})
		if err != nil {
			t.Fatal(err)
		}
		res, err := engine.Lint(doc, set)
		if err != nil {
			t.Fatal(err)
		}
		var found *lint.Finding
		for k, f := range res.Findings {
			if f.Span.Start == at {
				found = &res.Findings[k]
				break
			}
		}
		if found == nil {
			missed = append(missed, typo+"→"+want)
			continue
		}
		flagged++
		for k, s := range found.Suggestions {
			if strings.EqualFold(s.Text, want) {
				if k == 0 {
					first++
				}
				if k < 3 {
					top3++
				}
				break
			}
		}
	}
	if planted < 300 {
		t.Fatalf("only %d misspellings planted; the sample or the drafts shrank", planted)
	}
	pct := func(n int) float64 { return 100 * float64(n) / float64(planted) }
	t.Logf("%d planted: %.1f%% flagged, intended word first %.1f%%, in the top three %.1f%%", planted, pct(flagged), pct(first), pct(top3))
	if pct(flagged) < 95 || pct(first) < 75 || pct(top3) < 90 {
		t.Errorf("below the bars (95%% flagged, 75%% first, 90%% top three); missed: %s", strings.Join(missed, ", "))
	}
}

type cleanDraft struct {
	name, text, body string
	offset           int // of body in text
}

// cleanAmericanDrafts returns the clean drafts in American English
// (Markdown and plain text), with their bodies after any front matter.
func cleanAmericanDrafts(t *testing.T) []cleanDraft {
	paths, err := filepath.Glob("../testdata/clean/*")
	if err != nil {
		t.Fatal(err)
	}
	var out []cleanDraft
	for _, p := range paths {
		base := filepath.Base(p)
		if !(strings.HasSuffix(base, ".md") || strings.HasSuffix(base, ".txt")) ||
			strings.Contains(base, ".es.") || strings.Contains(base, ".fr.") || strings.Contains(base, ".de.") || strings.Contains(base, ".en-gb.") {
			continue
		}
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		text := string(data)
		off := 0
		if strings.HasPrefix(text, "---\n") {
			if end := strings.Index(text[4:], "\n---\n"); end >= 0 {
				off = 4 + end + 5
			}
		}
		out = append(out, cleanDraft{name: base, text: text, body: text[off:], offset: off})
	}
	return out
}

func readPairs(t *testing.T, path string) [][2]string {
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var pairs [][2]string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		a, b, ok := strings.Cut(line, "\t")
		if !ok {
			t.Fatalf("%s: bad line %q", path, line)
		}
		pairs = append(pairs, [2]string{a, b})
	}
	return pairs
}
