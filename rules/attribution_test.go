package rules

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/newslint/newslint/attribution"
	"github.com/newslint/newslint/draft"
	"golang.org/x/text/language"
)

// TestAttributionOptionErrors checks that bad phrases and verbs are
// refused with the option's name.
func TestAttributionOptionErrors(t *testing.T) {
	tests := []struct {
		name string
		err  error
		want string
	}{
		{"bad phrase", vagueErr(&VagueAttributionOptions{Phrases: []string{"sources [said"}}), "phrases: phrase"},
		{"bad extra phrase", vagueErr(&VagueAttributionOptions{ExtraPhrases: []string{"  "}}), "extra_phrases: phrase"},
		{"optional last", vagueErr(&VagueAttributionOptions{ExtraPhrases: []string{"sources [said]"}}), "last word cannot be optional"},
		{"two-word verb", loadedErr(&LoadedAttributionOptions{Verbs: []string{"point out"}}), `verbs: "point out" is not a single verb`},
		{"empty extra verb", loadedErr(&LoadedAttributionOptions{ExtraVerbs: []string{""}}), "extra_verbs:"},
	}
	for _, tt := range tests {
		if tt.err == nil || !strings.Contains(tt.err.Error(), tt.want) {
			t.Errorf("%s: error %v, want one containing %q", tt.name, tt.err, tt.want)
		}
	}
	if err := vagueErr(&VagueAttributionOptions{}); err != nil {
		t.Errorf("the built-in phrases do not parse: %v", err)
	}
}

func vagueErr(o *VagueAttributionOptions) error {
	_, err := VagueAttributionRule{}.WithOptions(o)
	return err
}

func loadedErr(o *LoadedAttributionOptions) error {
	_, err := LoadedAttributionRule{}.WithOptions(o)
	return err
}

// TestCleanCorpusAttribution holds the clean corpus to the bar:
// at least 30 English drafts that quote people, three or more quotations
// each that need attribution, and every one of them attributed.
// (TestCleanCorpus checks that no rule reports anything there.)
func TestCleanCorpusAttribution(t *testing.T) {
	paths, err := filepath.Glob("../testdata/clean/*")
	if err != nil {
		t.Fatal(err)
	}
	quoting := 0
	for _, path := range paths {
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		doc, err := draft.NewParser().ParseWith(path, data, draft.Options{Format: draft.FormatOf(path), Language: language.AmericanEnglish})
		if err != nil {
			t.Fatal(err)
		}
		lx := attribution.For(doc.Language)
		if lx == nil {
			continue
		}
		needing := 0
		for _, q := range attribution.Analyze(doc, lx) {
			if !q.NeedsAttribution() {
				continue
			}
			needing++
			if q.Placement == attribution.None {
				p := &doc.Paragraphs[q.Para]
				t.Errorf("%s:%d: quotation %q has no attribution", filepath.Base(path), doc.Position(p.Quotations[q.Index].Open.Span.Start).Line, p.Quoted(p.Quotations[q.Index]))
			}
		}
		if needing >= 3 {
			quoting++
		}
	}
	if quoting < 30 {
		t.Errorf("%d clean English drafts quote people three or more times; want at least 30", quoting)
	}
	t.Logf("%d clean English drafts with three or more quotations that need attribution", quoting)
}
