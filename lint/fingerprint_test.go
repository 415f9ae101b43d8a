package lint

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/newslint/newslint/draft"
)

// TestFingerprints checks what a finding's fingerprint depends on: the
// rule, the path, its line's text and its own text, never its position.
func TestFingerprints(t *testing.T) {
	// fingerprints lints src with a rule that flags every "teh" and returns
	// the fingerprints in order.
	fingerprints := func(path, src string, rule string) []string {
		t.Helper()
		doc := parseDoc(t, path, src)
		r := fakeRule{id: rule, check: func(p *Pass) {
			for i := 0; ; {
				j := strings.Index(p.Doc.Src[i:], "teh")
				if j < 0 {
					return
				}
				p.Report(Diagnostic{Span: draft.Span{Start: i + j, End: i + j + 3}, Message: "typo"})
				i += j + 3
			}
		}}
		res, err := NewEngine([]Rule{r}).Lint(doc, RuleSet{Rules: []Configured{{Rule: r, Severity: Error}}})
		if err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, f := range res.Findings {
			if len(f.Fingerprint) != 16 {
				t.Fatalf("fingerprint %q is not 16 hex digits", f.Fingerprint)
			}
			out = append(out, f.Fingerprint)
		}
		return out
	}
	wd, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	base := fingerprints("a.txt", "Headline here.\n\nSaw teh council vote.\n\nThen teh mayor spoke.\n", "typo")
	if len(base) != 2 || base[0] == base[1] {
		t.Fatalf("want two distinct fingerprints, got %v", base)
	}
	same := []struct {
		name, path, src string
	}{
		{"a paragraph added above", "a.txt", "Headline here.\n\nA new first paragraph.\n\nSaw teh council vote.\n\nThen teh mayor spoke.\n"},
		{"spaces changed", "a.txt", "Headline here.\n\nSaw teh council   vote.\n\nThen teh mayor spoke.\n"},
		{"paragraphs rewrapped", "a.txt", "Headline here.\n\nSaw teh\ncouncil vote.\n\nThen\nteh mayor spoke.\n"},
		{"another sentence of the paragraph edited", "a.txt", "Headline here.\n\nSaw teh council vote. It was close.\n\nThen teh mayor spoke.\n"},
		{"the path spelled with ./", "./a.txt", "Headline here.\n\nSaw teh council vote.\n\nThen teh mayor spoke.\n"},
		{"the path spelled absolute", filepath.Join(wd, "a.txt"), "Headline here.\n\nSaw teh council vote.\n\nThen teh mayor spoke.\n"},
	}
	for _, c := range same {
		if got := fingerprints(c.path, c.src, "typo"); strings.Join(got, ",") != strings.Join(base, ",") {
			t.Errorf("%s: fingerprints %v, want %v", c.name, got, base)
		}
	}
	if got := fingerprints("a.txt", "Headline here.\n\nSaw teh city council vote.\n\nThen teh mayor spoke.\n", "typo"); got[0] == base[0] || got[1] != base[1] {
		t.Errorf("editing the first finding's sentence: got %v, want only the first changed from %v", got, base)
	}
	if got := fingerprints("b.txt", "Headline here.\n\nSaw teh council vote.\n\nThen teh mayor spoke.\n", "typo"); got[0] == base[0] {
		t.Errorf("another path kept fingerprint %s", got[0])
	}
	if got := fingerprints("a.txt", "Headline here.\n\nSaw teh council vote.\n\nThen teh mayor spoke.\n", "other"); got[0] == base[0] {
		t.Errorf("another rule kept fingerprint %s", got[0])
	}
	// Two identical findings on one line differ by their order.
	twice := fingerprints("a.txt", "Headline here.\n\nteh and teh\n", "typo")
	if len(twice) != 2 || twice[0] == twice[1] {
		t.Errorf("identical findings on one line: %v, want two distinct", twice)
	}
}
