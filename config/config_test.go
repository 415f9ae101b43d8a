package config_test

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/newslint/newslint/config"
	"github.com/newslint/newslint/draft"
	"github.com/newslint/newslint/lint"
	"github.com/newslint/newslint/rules"
	"golang.org/x/text/language"
)

// parser is shared by all tests; draft.Parser is safe for concurrent use.
var parser = draft.NewParser()

// parse parses src as a configuration file in a fresh temporary directory
// with the real registry and fails the test on error.
func parse(t *testing.T, src string) *config.Config {
	t.Helper()
	path := filepath.Join(t.TempDir(), ".newslint.yml")
	c, err := config.Parse(path, []byte(src), rules.All())
	if err != nil {
		t.Fatalf("Parse(%q): %v", src, err)
	}
	return c
}

// severities returns the severity of each rule Rules gives for path.
func severities(t *testing.T, c *config.Config, path string) map[string]lint.Severity {
	t.Helper()
	rs, err := c.Rules(path)
	if err != nil {
		t.Fatalf("Rules(%q): %v", path, err)
	}
	out := map[string]lint.Severity{}
	for _, r := range rs {
		id := r.Rule.Meta().ID
		if _, dup := out[id]; dup {
			t.Fatalf("Rules(%q) gives rule %s twice", path, id)
		}
		out[id] = r.Severity
	}
	return out
}

// lintText runs the rules c configures for path over text, parsed as a
// plain-text draft, and returns the findings.
func lintText(t *testing.T, c *config.Config, path, text string) []lint.Finding {
	t.Helper()
	rs, err := c.Rules(path)
	if err != nil {
		t.Fatalf("Rules(%q): %v", path, err)
	}
	doc, err := parser.Parse("x.txt", []byte(text))
	if err != nil {
		t.Fatalf("parsing draft: %v", err)
	}
	res, err := lint.NewEngine(rules.All()).Lint(doc, lint.RuleSet{Rules: rs, Language: c.Language})
	if err != nil {
		t.Fatalf("Lint: %v", err)
	}
	return res.Findings
}

// repeated returns the severity of the repeated-word finding for word, and
// whether there is one.
func repeated(fs []lint.Finding, word string) (lint.Severity, bool) {
	want := fmt.Sprintf("repeated word %q", word)
	for _, f := range fs {
		if f.Rule == "repeated-word" && f.Message == want {
			return f.Severity, true
		}
	}
	return lint.Off, false
}

// ruleFindings counts the findings of one rule.
func ruleFindings(fs []lint.Finding, id string) int {
	n := 0
	for _, f := range fs {
		if f.Rule == id {
			n++
		}
	}
	return n
}

func TestErrorString(t *testing.T) {
	t.Parallel()
	tests := []struct {
		err  config.Error
		want string
	}{
		{config.Error{Path: "a/.newslint.yml", Line: 3, Column: 7, Msg: "bad"}, "a/.newslint.yml:3:7: bad"},
		{config.Error{Path: "x.yml", Line: 1, Column: 1, Msg: "unknown key \"k\""}, "x.yml:1:1: unknown key \"k\""},
		// Without a line the error names only the file.
		{config.Error{Path: "x.yml", Msg: "no place"}, "x.yml: no place"},
	}
	for _, tt := range tests {
		if got := tt.err.Error(); got != tt.want {
			t.Errorf("Error() = %q, want %q", got, tt.want)
		}
	}
}

func TestDefault(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	c := config.Default(dir, rules.All())
	if c.Path != "" || c.Dir != dir {
		t.Errorf("Path, Dir = %q, %q; want \"\", %q", c.Path, c.Dir, dir)
	}
	if c.Language != language.MustParse("en-US") {
		t.Errorf("Language = %v, want en-US", c.Language)
	}
	if !slices.Equal(c.Include, config.DefaultInclude()) || len(c.Exclude) != 0 {
		t.Errorf("Include, Exclude = %q, %q; want %q, none", c.Include, c.Exclude, config.DefaultInclude())
	}
	want := map[string]lint.Severity{}
	for _, r := range rules.All() {
		want[r.Meta().ID] = r.Meta().Severity
	}
	if got := severities(t, c, filepath.Join(dir, "a.md")); !reflect.DeepEqual(got, want) {
		t.Errorf("severities = %v, want each rule's default %v", got, want)
	}
	for _, tt := range []struct {
		rel  string
		want bool
	}{
		{"a.md", true},
		{"x/y/z.markdown", true},
		{"a.txt", true},
		{"p/a.html", true},
		{"p/a.htm", true},
		{"a.pdf", false},
		{"a.md.bak", false},
		{"md", false},
	} {
		if got := c.Includes(filepath.Join(dir, tt.rel)); got != tt.want {
			t.Errorf("Default Includes(%s) = %v, want %v", tt.rel, got, tt.want)
		}
		if c.Excludes(filepath.Join(dir, tt.rel)) {
			t.Errorf("Default Excludes(%s) = true, want false", tt.rel)
		}
	}
}

func TestLoadValidFixture(t *testing.T) {
	t.Parallel()
	path := filepath.Join("testdata", "valid.yml")
	c, err := config.Load(path, rules.All())
	if err != nil {
		t.Fatal(err)
	}
	dir, err := filepath.Abs("testdata")
	if err != nil {
		t.Fatal(err)
	}
	if c.Path != path || c.Dir != dir {
		t.Errorf("Path, Dir = %q, %q; want %q, %q", c.Path, c.Dir, path, dir)
	}
	if c.Language != language.BritishEnglish {
		t.Errorf("Language = %v, want en-GB", c.Language)
	}
	if want := []string{"drafts/**/*.md", "*.txt", "notes/*.txt"}; !slices.Equal(c.Include, want) {
		t.Errorf("Include = %q, want %q", c.Include, want)
	}
	if want := []string{"drafts/archive/**", "**/*.tmp.md"}; !slices.Equal(c.Exclude, want) {
		t.Errorf("Exclude = %q, want %q", c.Exclude, want)
	}

	// Includes and Excludes take paths and match them relative to the
	// configuration's directory.
	for _, tt := range []struct {
		rel                string
		includes, excludes bool
	}{
		{"drafts/a.md", true, false},
		{"drafts/x/y/z.md", true, false}, // ** crosses directories
		{"drafts/a.txt", false, false},   // *.txt does not
		{"a.txt", true, false},
		{"notes/n.txt", true, false}, // ./notes/*.txt
		{"notes/deep/n.txt", false, false},
		{"a.md", false, false}, // no include matches
		{"drafts/archive/old.md", false, true},
		{"drafts/archive/2019/old.md", false, true},
		{"drafts/archive", false, true}, // a directory a walk can skip
		{"drafts/x/story.tmp.md", false, true},
		{"story.tmp.md", false, true}, // **/ matches no directory too
		// Files outside the configuration's directory (testdata/) are
		// matched by their path relative to the working directory (the
		// package directory under go test); see Config.rel. A path that
		// leaves the working directory too matches no glob.
		{"../a.txt", true, false},
		{"../elsewhere/a.txt", false, false},
		{"../../drafts/archive/old.md", false, false},
	} {
		p := filepath.Join(dir, filepath.FromSlash(tt.rel))
		if got := c.Includes(p); got != tt.includes {
			t.Errorf("Includes(%s) = %v, want %v", tt.rel, got, tt.includes)
		}
		if got := c.Excludes(p); got != tt.excludes {
			t.Errorf("Excludes(%s) = %v, want %v", tt.rel, got, tt.excludes)
		}
	}

	// Severities: mapping form, bare severity, null (the rule's default),
	// and an override for drafts/opinion/**.
	for _, tt := range []struct {
		rel  string
		want map[string]lint.Severity
	}{
		{"drafts/a.md", map[string]lint.Severity{"repeated-word": lint.Warning, "bad-input": lint.Off, "bad-directive": lint.Warning, "boilerplate": lint.Error, "broken-quote": lint.Error, "name-spelling": lint.Warning, "recycled-paragraph": lint.Warning, "typo": lint.Warning, "missing-attribution": lint.Warning, "vague-attribution": lint.Info, "loaded-attribution": lint.Info}},
		{"drafts/opinion/a.md", map[string]lint.Severity{"repeated-word": lint.Info, "bad-input": lint.Error, "bad-directive": lint.Warning, "boilerplate": lint.Error, "broken-quote": lint.Error, "name-spelling": lint.Warning, "recycled-paragraph": lint.Warning, "typo": lint.Warning, "missing-attribution": lint.Warning, "vague-attribution": lint.Info, "loaded-attribution": lint.Info}},
		{"drafts/opinion/x/a.md", map[string]lint.Severity{"repeated-word": lint.Info, "bad-input": lint.Error, "bad-directive": lint.Warning, "boilerplate": lint.Error, "broken-quote": lint.Error, "name-spelling": lint.Warning, "recycled-paragraph": lint.Warning, "typo": lint.Warning, "missing-attribution": lint.Warning, "vague-attribution": lint.Info, "loaded-attribution": lint.Info}},
		{"drafts/opinionated.md", map[string]lint.Severity{"repeated-word": lint.Warning, "bad-input": lint.Off, "bad-directive": lint.Warning, "boilerplate": lint.Error, "broken-quote": lint.Error, "name-spelling": lint.Warning, "recycled-paragraph": lint.Warning, "typo": lint.Warning, "missing-attribution": lint.Warning, "vague-attribution": lint.Info, "loaded-attribution": lint.Info}},
	} {
		if got := severities(t, c, filepath.Join(dir, filepath.FromSlash(tt.rel))); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("severities for %s = %v, want %v", tt.rel, got, tt.want)
		}
	}

	// The options took effect: allow: [foo] lets "foo foo" through, but
	// the rule still flags other words, at the configured severity; the
	// override changes the severity and keeps the base options.
	for _, rel := range []string{"drafts/a.md", "drafts/opinion/a.md"} {
		fs := lintText(t, c, filepath.Join(dir, rel), "We saw foo foo and the the cat.")
		if _, ok := repeated(fs, "foo"); ok {
			t.Errorf("%s: \"foo foo\" flagged despite allow: [foo]", rel)
		}
		sev, ok := repeated(fs, "the")
		want := lint.Warning
		if rel != "drafts/a.md" {
			want = lint.Info
		}
		if !ok || sev != want {
			t.Errorf("%s: \"the the\" flagged = %v at %v, want true at %v", rel, ok, sev, want)
		}
	}

	// bad-input is off in the base and error in the override: a draft
	// that is not UTF-8 shows which.
	latin1 := "caf\xe9 au lait"
	if n := ruleFindings(lintText(t, c, filepath.Join(dir, "drafts/a.md"), latin1), "bad-input"); n != 0 {
		t.Errorf("bad-input: off still reports %d findings", n)
	}
	if n := ruleFindings(lintText(t, c, filepath.Join(dir, "drafts/opinion/a.md"), latin1), "bad-input"); n != 1 {
		t.Errorf("bad-input: error in the override reports %d findings, want 1", n)
	}
}

func TestLoadMissingFile(t *testing.T) {
	t.Parallel()
	_, err := config.Load(filepath.Join(t.TempDir(), "nope.yml"), rules.All())
	if !errors.Is(err, fs.ErrNotExist) {
		t.Fatalf("Load of a missing file: err = %v, want one wrapping fs.ErrNotExist", err)
	}
}

func TestLoadErrorFixture(t *testing.T) {
	t.Parallel()
	path := filepath.Join("testdata", "syntax-error.yml")
	_, err := config.Load(path, rules.All())
	var ce *config.Error
	if !errors.As(err, &ce) {
		t.Fatalf("Load: err = %v (%T), want *config.Error", err, err)
	}
	// The flow sequence on line 3 is not closed; go-yaml notices at the
	// next key, on line 4.
	if ce.Path != path || ce.Line != 4 || ce.Column != 3 {
		t.Errorf("error at %s:%d:%d, want %s:4:3 (%v)", ce.Path, ce.Line, ce.Column, path, err)
	}
}

func TestEmptyConfigsAreDefaults(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		src  string
	}{
		{"empty", ""},
		{"blank lines", "\n\n  \n"},
		{"comments only", "# newslint\n#\n  # indented comment\n"},
		{"document marker", "---\n"},
		{"document marker and comment", "---\n# nothing\n"},
		{"null", "null\n"},
		{"empty sections", "rules:\noverrides: []\n"},
		{"empty rules mapping", "rules: {}\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			dir := t.TempDir()
			c, err := config.Parse(filepath.Join(dir, ".newslint.yml"), []byte(tt.src), rules.All())
			if err != nil {
				t.Fatal(err)
			}
			assertDefaults(t, c, dir)
		})
	}
	for _, name := range []string{"empty.yml", "comments.yml"} {
		t.Run("file "+name, func(t *testing.T) {
			t.Parallel()
			c, err := config.Load(filepath.Join("testdata", name), rules.All())
			if err != nil {
				t.Fatal(err)
			}
			dir, _ := filepath.Abs("testdata")
			assertDefaults(t, c, dir)
		})
	}
}

// assertDefaults checks that c, loaded from a file in dir, behaves as
// Default(dir).
func assertDefaults(t *testing.T, c *config.Config, dir string) {
	t.Helper()
	d := config.Default(dir, rules.All())
	if c.Language != d.Language || !slices.Equal(c.Include, d.Include) || len(c.Exclude) != 0 || c.Dir != d.Dir {
		t.Errorf("got language %v, include %q, exclude %q, dir %q; want the defaults %v, %q, none, %q",
			c.Language, c.Include, c.Exclude, c.Dir, d.Language, d.Include, d.Dir)
	}
	for _, rel := range []string{"a.md", "opinion/x.md"} {
		got, err := c.Rules(filepath.Join(dir, rel))
		if err != nil {
			t.Fatal(err)
		}
		want, err := d.Rules(filepath.Join(dir, rel))
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("Rules(%s) = %+v, want Default's %+v", rel, got, want)
		}
	}
}

func TestLanguage(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct{ src, want string }{
		{"language: en-GB\n", "en-GB"},
		{"language: es\n", "es"},
		{"language: 'fr-CA'\n", "fr-CA"},
		{"language: \"de\"  # German\n", "de"},
	} {
		if got := parse(t, tt.src).Language; got != language.MustParse(tt.want) {
			t.Errorf("%q: Language = %v, want %s", tt.src, got, tt.want)
		}
	}
}

func TestByteOrderMark(t *testing.T) {
	t.Parallel()
	// Editors on Windows often save UTF-8 with a byte order mark.
	c := parse(t, "\ufefflanguage: fr\nrules:\n  repeated-word: off\n")
	if c.Language != language.French {
		t.Errorf("Language = %v, want fr", c.Language)
	}
	if got := severities(t, c, filepath.Join(c.Dir, "a.md"))["repeated-word"]; got != lint.Off {
		t.Errorf("repeated-word = %v, want off", got)
	}
}

func TestRuleSeverityForms(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		src  string
		want lint.Severity
	}{
		{"bare off", "rules:\n  repeated-word: off\n", lint.Off},
		{"bare info", "rules:\n  repeated-word: info\n", lint.Info},
		{"bare warning", "rules:\n  repeated-word: warning\n", lint.Warning},
		{"bare error", "rules:\n  repeated-word: error\n", lint.Error},
		{"quoted", "rules:\n  repeated-word: \"off\"\n", lint.Off},
		{"mapping", "rules:\n  repeated-word:\n    severity: info\n", lint.Info},
		{"flow mapping", "rules:\n  repeated-word: {severity: warning}\n", lint.Warning},
		{"quoted key", "rules:\n  \"repeated-word\": info\n", lint.Info},
		{"null keeps the default", "rules:\n  repeated-word:\n", lint.Error},
		{"options only keep the default", "rules:\n  repeated-word: {allow: [foo]}\n", lint.Error},
		{"empty mapping keeps the default", "rules:\n  repeated-word: {}\n", lint.Error},
		{"rule not named", "rules:\n  bad-input: off\n", lint.Error},
		{"anchored", "rules:\n  repeated-word: &sev off\n", lint.Off},
		{"tagged", "rules:\n  repeated-word: !!str info\n", lint.Info},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			c := parse(t, tt.src)
			path := filepath.Join(c.Dir, "story.md")
			if got := severities(t, c, path)["repeated-word"]; got != tt.want {
				t.Errorf("repeated-word severity = %v, want %v", got, tt.want)
			}
			// The engine honours the severity: "the the" is reported at it,
			// or not at all when off.
			sev, ok := repeated(lintText(t, c, path, "Then the the end."), "the")
			if ok != (tt.want != lint.Off) || ok && sev != tt.want {
				t.Errorf("\"the the\" reported = %v at %v, want %v at %v", ok, sev, tt.want != lint.Off, tt.want)
			}
		})
	}
}

func TestRepeatedWordAllowOption(t *testing.T) {
	t.Parallel()
	const text = "The foo foo and the bar bar and the the end."
	tests := []struct {
		name    string
		src     string
		flagged map[string]bool
	}{
		{"defaults", "", map[string]bool{"foo": true, "bar": true, "the": true}},
		{"flow list", "rules:\n  repeated-word:\n    allow: [foo]\n", map[string]bool{"foo": false, "bar": true, "the": true}},
		{"block list", "rules:\n  repeated-word:\n    allow:\n      - foo\n      - bar\n", map[string]bool{"foo": false, "bar": false, "the": true}},
		{"with severity", "rules:\n  repeated-word: {severity: warning, allow: [bar]}\n", map[string]bool{"foo": true, "bar": false, "the": true}},
		{"case-insensitive", "rules:\n  repeated-word: {allow: [FOO]}\n", map[string]bool{"foo": false, "bar": true, "the": true}},
		{"empty list", "rules:\n  repeated-word: {allow: []}\n", map[string]bool{"foo": true, "bar": true, "the": true}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			c := parse(t, tt.src)
			fs := lintText(t, c, filepath.Join(c.Dir, "x.txt"), text)
			for word, want := range tt.flagged {
				if _, got := repeated(fs, word); got != want {
					t.Errorf("%q repeated: flagged = %v, want %v", word, got, want)
				}
			}
		})
	}
}

// TestOverrides checks that overrides apply in order, only to files their
// globs match, that a later override wins, and that options merge.
func TestOverrides(t *testing.T) {
	t.Parallel()
	c := parse(t, `
rules:
  repeated-word:
    severity: warning
    allow: [foo]
overrides:
  - files: ["opinion/**"]
    rules:
      repeated-word: {severity: info}
  - files: ["opinion/letters/**", "./columns/*.md"]
    rules:
      repeated-word:
        severity: error
        allow: [bar]
  - files: "**/*.html"
    rules:
      repeated-word: off
      bad-input: error
`)
	const text = "A foo foo, a bar bar and the the end."
	tests := []struct {
		rel      string
		sev      lint.Severity // repeated-word
		badInput lint.Severity
		foo, bar bool // flagged
	}{
		{"news/a.md", lint.Warning, lint.Warning, false, true},
		{"a.md", lint.Warning, lint.Warning, false, true},
		// The first override changes only the severity; the base options
		// still apply.
		{"opinion/a.md", lint.Info, lint.Warning, false, true},
		{"opinion/x/y/a.md", lint.Info, lint.Warning, false, true},
		{"opinions/a.md", lint.Warning, lint.Warning, false, true},
		// The second matches after the first and wins; its allow list
		// replaces the base one.
		{"opinion/letters/a.md", lint.Error, lint.Warning, true, false},
		{"columns/a.md", lint.Error, lint.Warning, true, false},
		{"columns/x/a.md", lint.Warning, lint.Warning, false, true},
		// The third turns the rule off after both.
		{"opinion/letters/a.html", lint.Off, lint.Error, false, false},
		{"news/a.html", lint.Off, lint.Error, false, false},
	}
	for _, tt := range tests {
		path := filepath.Join(c.Dir, filepath.FromSlash(tt.rel))
		sevs := severities(t, c, path)
		if sevs["repeated-word"] != tt.sev || sevs["bad-input"] != tt.badInput || sevs["bad-directive"] != lint.Warning {
			t.Errorf("%s: severities %v, want repeated-word %v, bad-input %v, bad-directive warning",
				tt.rel, sevs, tt.sev, tt.badInput)
		}
		fs := lintText(t, c, path, text)
		if _, got := repeated(fs, "foo"); got != tt.foo {
			t.Errorf("%s: \"foo foo\" flagged = %v, want %v", tt.rel, got, tt.foo)
		}
		if _, got := repeated(fs, "bar"); got != tt.bar {
			t.Errorf("%s: \"bar bar\" flagged = %v, want %v", tt.rel, got, tt.bar)
		}
		if sev, got := repeated(fs, "the"); got != (tt.sev != lint.Off) || got && sev != tt.sev {
			t.Errorf("%s: \"the the\" flagged = %v at %v, want severity %v", tt.rel, got, sev, tt.sev)
		}
	}
}

// TestOverridesLaterWins checks that the order of the overrides, not how
// specific their globs are, decides.
func TestOverridesLaterWins(t *testing.T) {
	t.Parallel()
	tests := []struct {
		src  string
		want lint.Severity
	}{
		{`
overrides:
  - files: ["opinion/letters/**"]
    rules: {repeated-word: off}
  - files: ["opinion/**"]
    rules: {repeated-word: info}
`, lint.Info},
		{`
overrides:
  - files: ["opinion/**"]
    rules: {repeated-word: info}
  - files: ["opinion/letters/**"]
    rules: {repeated-word: off}
`, lint.Off},
		// An override that names a rule without a severity keeps the one
		// before it.
		{`
overrides:
  - files: ["opinion/**"]
    rules: {repeated-word: info}
  - files: ["opinion/letters/**"]
    rules:
      repeated-word:
`, lint.Info},
	}
	for i, tt := range tests {
		c := parse(t, tt.src)
		if got := severities(t, c, filepath.Join(c.Dir, "opinion", "letters", "a.md"))["repeated-word"]; got != tt.want {
			t.Errorf("case %d: repeated-word = %v, want %v", i, got, tt.want)
		}
		if got := severities(t, c, filepath.Join(c.Dir, "news", "a.md"))["repeated-word"]; got != lint.Error {
			t.Errorf("case %d: unmatched file: repeated-word = %v, want the default error", i, got)
		}
	}
}

func TestRulesCachedResultsAreStable(t *testing.T) {
	t.Parallel()
	c := parse(t, `
overrides:
  - files: ["a/**"]
    rules: {repeated-word: off}
  - files: ["b/**"]
    rules: {repeated-word: info}
`)
	// Interleave paths that match different sets of overrides so that a
	// cache keyed wrongly would hand one file another's rules.
	tests := []struct {
		rel  string
		want lint.Severity
	}{
		{"a/x.md", lint.Off}, {"b/x.md", lint.Info}, {"c/x.md", lint.Error},
		{"b/y.md", lint.Info}, {"a/y.md", lint.Off}, {"c/y.md", lint.Error},
	}
	for range 3 {
		for _, tt := range tests {
			if got := severities(t, c, filepath.Join(c.Dir, filepath.FromSlash(tt.rel)))["repeated-word"]; got != tt.want {
				t.Errorf("%s: repeated-word = %v, want %v", tt.rel, got, tt.want)
			}
		}
	}
}

func TestGlobs(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name             string
		src              string
		include, exclude []string
		includes         string // a file that must be included, relative to the config
	}{
		{"flow lists", "files: {include: [\"a/*.md\"], exclude: [\"a/x.md\"]}\n", []string{"a/*.md"}, []string{"a/x.md"}, "a/story.md"},
		{"block lists", "files:\n  include:\n    - a/*.md\n    - '**/*.txt'\n", []string{"a/*.md", "**/*.txt"}, nil, "b/c/story.txt"},
		{"single glob", "files:\n  include: \"**/*.md\"\n", []string{"**/*.md"}, nil, "story.md"},
		{"leading ./ in a list", "files:\n  include: [./a/*.md]\n", []string{"a/*.md"}, nil, "a/story.md"},
		{"leading ./ in a single glob", "files:\n  include: ./a/*.md\n", []string{"a/*.md"}, nil, "a/story.md"},
		{"exclude only", "files:\n  exclude: [\"drafts/**\"]\n", config.DefaultInclude(), []string{"drafts/**"}, "story.md"},
		{"empty include", "files:\n  include: []\n", []string{}, nil, ""},
		// YAML reads 2019 as a number; as a glob it is the text.
		{"numeric glob", "files:\n  exclude: [2019, true]\n", config.DefaultInclude(), []string{"2019", "true"}, "2020/a.md"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			c := parse(t, tt.src)
			if !slices.Equal(c.Include, tt.include) || !slices.Equal(c.Exclude, tt.exclude) {
				t.Errorf("Include, Exclude = %q, %q; want %q, %q", c.Include, c.Exclude, tt.include, tt.exclude)
			}
			if tt.includes != "" && !c.Includes(filepath.Join(c.Dir, filepath.FromSlash(tt.includes))) {
				t.Errorf("Includes(%s) = false, want true", tt.includes)
			}
			if len(tt.include) == 0 && c.Includes(filepath.Join(c.Dir, "story.md")) {
				t.Errorf("Includes(story.md) = true with no include globs")
			}
		})
	}
}

func TestFind(t *testing.T) {
	t.Parallel()
	mkdir := func(t *testing.T, parts ...string) string {
		t.Helper()
		p := filepath.Join(parts...)
		if err := os.MkdirAll(p, 0o755); err != nil {
			t.Fatal(err)
		}
		return p
	}
	touch := func(t *testing.T, parts ...string) string {
		t.Helper()
		p := filepath.Join(parts...)
		if err := os.WriteFile(p, []byte("language: en\n"), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}

	t.Run("walks up from a nested directory", func(t *testing.T) {
		t.Parallel()
		root := t.TempDir()
		mkdir(t, root, ".git")
		want := touch(t, root, ".newslint.yml")
		deep := mkdir(t, root, "a", "b", "c")
		for _, dir := range []string{deep, filepath.Join(root, "a"), root} {
			if got, err := config.Find(dir); err != nil || got != want {
				t.Errorf("Find(%s) = %q, %v; want %q", dir, got, err, want)
			}
		}
	})
	t.Run("nearest wins", func(t *testing.T) {
		t.Parallel()
		root := t.TempDir()
		mkdir(t, root, ".git")
		touch(t, root, ".newslint.yml")
		want := touch(t, mkdir(t, root, "a"), ".newslint.yaml")
		deep := mkdir(t, root, "a", "b")
		if got, err := config.Find(deep); err != nil || got != want {
			t.Errorf("Find = %q, %v; want %q", got, err, want)
		}
	})
	t.Run("prefers .yml over .yaml", func(t *testing.T) {
		t.Parallel()
		root := t.TempDir()
		mkdir(t, root, ".git")
		touch(t, root, ".newslint.yaml")
		want := touch(t, root, ".newslint.yml")
		if got, err := config.Find(root); err != nil || got != want {
			t.Errorf("Find = %q, %v; want %q", got, err, want)
		}
	})
	t.Run("finds .yaml alone", func(t *testing.T) {
		t.Parallel()
		root := t.TempDir()
		mkdir(t, root, ".git")
		want := touch(t, root, ".newslint.yaml")
		if got, err := config.Find(mkdir(t, root, "x")); err != nil || got != want {
			t.Errorf("Find = %q, %v; want %q", got, err, want)
		}
	})
	t.Run("stops at the repository root", func(t *testing.T) {
		t.Parallel()
		outer := t.TempDir()
		touch(t, outer, ".newslint.yml") // above the repository: not found
		repo := mkdir(t, outer, "repo")
		mkdir(t, repo, ".git")
		for _, dir := range []string{mkdir(t, repo, "drafts", "2024"), repo} {
			if got, err := config.Find(dir); err != nil || got != "" {
				t.Errorf("Find(%s) = %q, %v; want \"\"", dir, got, err)
			}
		}
	})
	t.Run("a .git file also marks the root", func(t *testing.T) {
		t.Parallel()
		outer := t.TempDir()
		touch(t, outer, ".newslint.yml")
		repo := mkdir(t, outer, "worktree")
		if err := os.WriteFile(filepath.Join(repo, ".git"), []byte("gitdir: ../x\n"), 0o644); err != nil {
			t.Fatal(err)
		}
		if got, err := config.Find(mkdir(t, repo, "a")); err != nil || got != "" {
			t.Errorf("Find = %q, %v; want \"\"", got, err)
		}
	})
	t.Run("a config at the repository root is found", func(t *testing.T) {
		t.Parallel()
		outer := t.TempDir()
		touch(t, outer, ".newslint.yml")
		repo := mkdir(t, outer, "repo")
		mkdir(t, repo, ".git")
		want := touch(t, repo, ".newslint.yml")
		if got, err := config.Find(mkdir(t, repo, "a")); err != nil || got != want {
			t.Errorf("Find = %q, %v; want %q", got, err, want)
		}
	})
	t.Run("a directory with the name is not a config", func(t *testing.T) {
		t.Parallel()
		root := t.TempDir()
		mkdir(t, root, ".git")
		want := touch(t, root, ".newslint.yaml")
		sub := mkdir(t, root, "a")
		mkdir(t, sub, ".newslint.yml")
		if got, err := config.Find(sub); err != nil || got != want {
			t.Errorf("Find = %q, %v; want %q", got, err, want)
		}
	})
	t.Run("none", func(t *testing.T) {
		t.Parallel()
		root := t.TempDir()
		mkdir(t, root, ".git")
		if got, err := config.Find(mkdir(t, root, "a", "b")); err != nil || got != "" {
			t.Errorf("Find = %q, %v; want \"\"", got, err)
		}
	})
}

// TestRelativePaths changes the working directory, so it cannot run in
// parallel with the other tests.
func TestRelativePaths(t *testing.T) {
	root := t.TempDir()
	// Resolve symbolic links (macOS's /var) so that paths compare equal.
	root, err := filepath.EvalSymlinks(root)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.Mkdir(filepath.Join(root, ".git"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(filepath.Join(root, "site", "drafts"), 0o755); err != nil {
		t.Fatal(err)
	}
	cfgPath := filepath.Join(root, "site", ".newslint.yml")
	if err := os.WriteFile(cfgPath, []byte("files: {include: [\"drafts/*.md\"]}\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	t.Chdir(filepath.Join(root, "site", "drafts"))

	if got, err := config.Find("."); err != nil || got != cfgPath {
		t.Errorf("Find(\".\") = %q, %v; want %q", got, err, cfgPath)
	}
	rel := filepath.Join("..", ".newslint.yml")
	c, err := config.Load(rel, rules.All())
	if err != nil {
		t.Fatal(err)
	}
	if c.Path != rel || c.Dir != filepath.Join(root, "site") {
		t.Errorf("Path, Dir = %q, %q; want %q, %q", c.Path, c.Dir, rel, filepath.Join(root, "site"))
	}
	// A relative file path is relative to the working directory.
	if !c.Includes("story.md") || c.Includes(filepath.Join("..", "story.md")) {
		t.Errorf("Includes(story.md), Includes(../story.md) = %v, %v; want true, false",
			c.Includes("story.md"), c.Includes(filepath.Join("..", "story.md")))
	}
}

func TestRulesConcurrent(t *testing.T) {
	t.Parallel()
	c := parse(t, `
rules:
  repeated-word: {severity: warning, allow: [foo]}
overrides:
  - files: ["a/**"]
    rules: {repeated-word: {allow: [bar]}}
  - files: ["a/b/**"]
    rules: {repeated-word: info, bad-input: off}
  - files: ["**/*.html"]
    rules: {repeated-word: off}
`)
	rels := []string{"x.md", "a/x.md", "a/b/x.md", "a/b/x.html", "c/x.html", "a/c/x.md"}
	type result struct {
		sev      map[string]lint.Severity
		foo, bar bool
	}
	check := func(rel string) (result, error) {
		path := filepath.Join(c.Dir, filepath.FromSlash(rel))
		rs, err := c.Rules(path)
		if err != nil {
			return result{}, err
		}
		r := result{sev: map[string]lint.Severity{}}
		for _, cr := range rs {
			r.sev[cr.Rule.Meta().ID] = cr.Severity
		}
		doc, err := parser.Parse("x.txt", []byte("We saw foo foo and bar bar."))
		if err != nil {
			return result{}, err
		}
		res, err := lint.NewEngine(rules.All()).Lint(doc, lint.RuleSet{Rules: rs, Language: c.Language})
		if err != nil {
			return result{}, err
		}
		_, r.foo = repeated(res.Findings, "foo")
		_, r.bar = repeated(res.Findings, "bar")
		return r, nil
	}
	// No call has filled the cache yet: the goroutines below race to.
	want := map[string]result{
		"x.md":       {map[string]lint.Severity{"repeated-word": lint.Warning, "bad-input": lint.Warning, "bad-directive": lint.Warning, "boilerplate": lint.Error, "broken-quote": lint.Error, "name-spelling": lint.Warning, "recycled-paragraph": lint.Warning, "typo": lint.Warning, "missing-attribution": lint.Warning, "vague-attribution": lint.Info, "loaded-attribution": lint.Info}, false, true},
		"a/x.md":     {map[string]lint.Severity{"repeated-word": lint.Warning, "bad-input": lint.Warning, "bad-directive": lint.Warning, "boilerplate": lint.Error, "broken-quote": lint.Error, "name-spelling": lint.Warning, "recycled-paragraph": lint.Warning, "typo": lint.Warning, "missing-attribution": lint.Warning, "vague-attribution": lint.Info, "loaded-attribution": lint.Info}, true, false},
		"a/b/x.md":   {map[string]lint.Severity{"repeated-word": lint.Info, "bad-input": lint.Off, "bad-directive": lint.Warning, "boilerplate": lint.Error, "broken-quote": lint.Error, "name-spelling": lint.Warning, "recycled-paragraph": lint.Warning, "typo": lint.Warning, "missing-attribution": lint.Warning, "vague-attribution": lint.Info, "loaded-attribution": lint.Info}, true, false},
		"a/b/x.html": {map[string]lint.Severity{"repeated-word": lint.Off, "bad-input": lint.Off, "bad-directive": lint.Warning, "boilerplate": lint.Error, "broken-quote": lint.Error, "name-spelling": lint.Warning, "recycled-paragraph": lint.Warning, "typo": lint.Warning, "missing-attribution": lint.Warning, "vague-attribution": lint.Info, "loaded-attribution": lint.Info}, false, false},
		"c/x.html":   {map[string]lint.Severity{"repeated-word": lint.Off, "bad-input": lint.Warning, "bad-directive": lint.Warning, "boilerplate": lint.Error, "broken-quote": lint.Error, "name-spelling": lint.Warning, "recycled-paragraph": lint.Warning, "typo": lint.Warning, "missing-attribution": lint.Warning, "vague-attribution": lint.Info, "loaded-attribution": lint.Info}, false, false},
		"a/c/x.md":   {map[string]lint.Severity{"repeated-word": lint.Warning, "bad-input": lint.Warning, "bad-directive": lint.Warning, "boilerplate": lint.Error, "broken-quote": lint.Error, "name-spelling": lint.Warning, "recycled-paragraph": lint.Warning, "typo": lint.Warning, "missing-attribution": lint.Warning, "vague-attribution": lint.Info, "loaded-attribution": lint.Info}, true, false},
	}

	const workers = 32
	var wg sync.WaitGroup
	start := make(chan struct{})
	errs := make(chan error, workers*len(rels)*4)
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			<-start
			for i := range len(rels) * 4 {
				rel := rels[(w+i)%len(rels)]
				got, err := check(rel)
				if err != nil {
					errs <- fmt.Errorf("%s: %v", rel, err)
					continue
				}
				if !reflect.DeepEqual(got, want[rel]) {
					errs <- fmt.Errorf("%s: got %+v, want %+v", rel, got, want[rel])
				}
				_ = c.Includes(filepath.Join(c.Dir, rel))
				_ = c.Excludes(filepath.Join(c.Dir, rel))
			}
		}()
	}
	close(start)
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
}

// TestRulesConcurrentManyCombinations has goroutines ask for 64 different
// sets of matching overrides in different orders, so that some fill the
// cache while others read it.
func TestRulesConcurrentManyCombinations(t *testing.T) {
	t.Parallel()
	const n = 6
	sevs := []lint.Severity{lint.Off, lint.Info, lint.Warning}
	var src strings.Builder
	src.WriteString("overrides:\n")
	for i := range n {
		fmt.Fprintf(&src, "  - files: [\"**/k%d/**\"]\n    rules: {repeated-word: %v}\n", i, sevs[i%len(sevs)])
	}
	c := parse(t, src.String())
	// pathFor returns a file under k<i> for every bit i set in mask, and
	// the severity the last of those overrides sets.
	pathFor := func(mask int) (string, lint.Severity) {
		parts := []string{c.Dir}
		want := lint.Error // repeated-word's default
		for i := range n {
			if mask&(1<<i) != 0 {
				parts = append(parts, fmt.Sprintf("k%d", i))
				want = sevs[i%len(sevs)]
			}
		}
		return filepath.Join(append(parts, "x.md")...), want
	}
	const workers = 16
	var wg sync.WaitGroup
	start := make(chan struct{})
	errs := make(chan error, workers)
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			<-start
			for j := range 2 << n {
				mask := (j*7 + w*13) % (1 << n)
				path, want := pathFor(mask)
				rs, err := c.Rules(path)
				if err != nil {
					errs <- err
					return
				}
				for _, r := range rs {
					if r.Rule.Meta().ID == "repeated-word" && r.Severity != want {
						errs <- fmt.Errorf("mask %06b: repeated-word = %v, want %v", mask, r.Severity, want)
						return
					}
				}
			}
		}()
	}
	close(start)
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
}
