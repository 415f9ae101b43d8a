package rules

import (
	"strings"
	"testing"
	"time"

	"github.com/newslint/newslint/draft"
	"github.com/newslint/newslint/lint"
)

// TestAttributionLinearTime guards the attribution rules against
// quadratic behaviour: each input is about 1 MB built from a pattern that
// could make a step scan the rest of a paragraph, a sentence or the draft
// for every quotation or phrase. Linear work takes well under a second;
// the limit is ten times that.
func TestAttributionLinearTime(t *testing.T) {
	if testing.Short() {
		t.Skip("lints several megabytes")
	}
	patterns := map[string]string{
		"quotes in one sentence": `"a b c" and `,
		"quoted sentences":       `"We will win." `,
		"partial quotes":         `the plan was "a bridge to nowhere" and `,
		"vague phrases":          "Officials said it. Critics say so. ",
		"names":                  "Ortiz left. \"We will win.\" Zed came. ",
		"loaded verbs":           "she claimed that he admitted, ",
		"block quotes":           "> \"a b c d.\"\n>\n",
		"labels":                 "Q: \"a b c\" ",
	}
	rules := attributionRules()
	p := draft.NewParser()
	for name, pat := range patterns {
		src := strings.Repeat(pat, 1<<20/len(pat))
		for _, file := range []string{"a.txt", "a.md"} {
			doc, err := p.Parse(file, []byte(src))
			if err != nil {
				t.Fatal(err)
			}
			start := time.Now()
			for _, r := range rules {
				r.Check(&lint.Pass{Doc: doc})
			}
			if d := time.Since(start); d > 10*time.Second {
				t.Errorf("%s in %s: %v for 1 MB, which suggests quadratic time", name, file, d)
			} else {
				t.Logf("%s in %s: %v", name, file, d)
			}
		}
	}
}
