package draft

import (
	"strings"
	"testing"
	"time"
)

// TestLinearTime guards against quadratic behaviour: each input is one
// paragraph of about 1 MB built from a pattern that once made a parser
// step scan the rest of the paragraph. Linear parsing takes well under a
// second; the limit is ten times that, so the test fails only for a
// complexity bug, not a slow machine.
func TestLinearTime(t *testing.T) {
	if testing.Short() {
		t.Skip("parses several megabytes")
	}
	patterns := map[string]string{
		"single quotes": "He said 'yes' and she said 'no'. ",
		"apostrophes":   "' ",
		"stops":         "U.S. a.m. J.D. ",
		"ellipses":      "wait... ",
		"entities":      "&amp; ",
		"escapes":       `\* `,
		"urls":          "https://example.com/a. ",
		"mixed marks":   `"'`,
		"open singles":  "‘a ",
		"close singles": "s’ ",
		"open doubles":  "“a ",
		"close doubles": "a” ",
		"ditto marks":   `" `,
		"guillemets":    "« a ",
		"nested":        "“a ‘b “c ‘d ",
		"deep singles":  strings.Repeat("‘a ", 1<<17) + strings.Repeat("b” ", 1<<17),
	}
	p := NewParser()
	for name, pat := range patterns {
		src := strings.Repeat(pat, 1<<20/len(pat))
		for _, file := range []string{"a.txt", "a.md", "a.html"} {
			start := time.Now()
			if _, err := p.Parse(file, []byte(src)); err != nil {
				t.Fatal(err)
			}
			if d := time.Since(start); d > 10*time.Second {
				t.Errorf("%s in %s: %v for 1 MB, which suggests quadratic time", name, file, d)
			}
		}
	}
}
