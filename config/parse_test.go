package config_test

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/newslint/newslint/config"
	"github.com/newslint/newslint/lint"
	"github.com/newslint/newslint/rules"
)

// fakeOptions has several fields so that tests can see options merge
// field by field.
type fakeOptions struct {
	Words  []string `yaml:"words" doc:"words to look for"`
	Limit  int      `yaml:"limit" doc:"at most this many"`
	Mode   string   `yaml:"mode"`
	Hidden string   `yaml:"-"`
}

// fakeRule is a configurable rule that only records its options.
type fakeRule struct{ opts fakeOptions }

func (fakeRule) Meta() lint.Meta {
	return lint.Meta{ID: "fake", Title: "a rule for tests", Severity: lint.Info}
}

func (fakeRule) Check(*lint.Pass) {}

func (fakeRule) DefaultOptions() any {
	return &fakeOptions{Words: []string{"x"}, Limit: 3, Mode: "plain: yes"}
}

func (fakeRule) WithOptions(opts any) (lint.Rule, error) {
	o := *opts.(*fakeOptions)
	if o.Limit < 0 {
		return nil, fmt.Errorf("limit: %d is negative", o.Limit)
	}
	if o.Limit > 5 && o.Mode == "fancy" {
		return nil, errors.New("limit: above 5 in fancy mode")
	}
	return fakeRule{opts: o}, nil
}

// plainRule has no options.
type plainRule struct{}

func (plainRule) Meta() lint.Meta {
	return lint.Meta{ID: "plain", Title: "a rule without options", Severity: lint.Warning}
}

func (plainRule) Check(*lint.Pass) {}

func fakeRegistry() []lint.Rule { return []lint.Rule{fakeRule{}, plainRule{}} }

// fakeOpts returns the options the fake rule runs with for path.
func fakeOpts(t *testing.T, c *config.Config, path string) (fakeOptions, lint.Severity) {
	t.Helper()
	rs, err := c.Rules(path)
	if err != nil {
		t.Fatalf("Rules(%s): %v", path, err)
	}
	for _, r := range rs {
		if f, ok := r.Rule.(fakeRule); ok {
			return f.opts, r.Severity
		}
	}
	t.Fatalf("Rules(%s) has no fake rule: %v", path, rs)
	return fakeOptions{}, 0
}

func TestOptionsMerge(t *testing.T) {
	t.Parallel()
	src := `
rules:
  fake: {words: [a, b], limit: 5}
overrides:
  - files: ["one/**"]
    rules:
      fake: {mode: fancy}
  - files: ["**/two/**"]
    rules:
      fake: {limit: 2, severity: error}
  - files: ["three/**"]
    rules:
      fake: {words: []}
`
	c, err := config.Parse(filepath.Join(t.TempDir(), ".newslint.yml"), []byte(src), fakeRegistry())
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		rel  string
		want fakeOptions
		sev  lint.Severity
	}{
		// Fields the configuration does not set keep their defaults.
		{"x.md", fakeOptions{Words: []string{"a", "b"}, Limit: 5, Mode: "plain: yes"}, lint.Info},
		{"one/x.md", fakeOptions{Words: []string{"a", "b"}, Limit: 5, Mode: "fancy"}, lint.Info},
		{"two/x.md", fakeOptions{Words: []string{"a", "b"}, Limit: 2, Mode: "plain: yes"}, lint.Error},
		// Both overrides apply, each on top of the one before.
		{"one/two/x.md", fakeOptions{Words: []string{"a", "b"}, Limit: 2, Mode: "fancy"}, lint.Error},
		// A list given later replaces the earlier one.
		{"three/x.md", fakeOptions{Words: []string{}, Limit: 5, Mode: "plain: yes"}, lint.Info},
	}
	for _, tt := range tests {
		got, sev := fakeOpts(t, c, filepath.Join(c.Dir, filepath.FromSlash(tt.rel)))
		if !reflect.DeepEqual(got, tt.want) || sev != tt.sev {
			t.Errorf("%s: options %+v at %v, want %+v at %v", tt.rel, got, sev, tt.want, tt.sev)
		}
	}
	// One override's options must not leak into another file's rules.
	if got, _ := fakeOpts(t, c, filepath.Join(c.Dir, "x.md")); got.Mode != "plain: yes" || got.Limit != 5 {
		t.Errorf("x.md after the others: %+v", got)
	}
}

// TestRulesError checks that options valid in each override alone but
// not together are reported by Rules, at the last override's options.
func TestRulesError(t *testing.T) {
	t.Parallel()
	path := filepath.Join(t.TempDir(), ".newslint.yml")
	src := `rules:
  fake: {limit: 5}
overrides:
  - files: ["one/**"]
    rules:
      fake: {mode: fancy}
  - files: ["**/two/**"]
    rules:
      fake:
        limit: 9
`
	c, err := config.Parse(path, []byte(src), fakeRegistry())
	if err != nil {
		t.Fatalf("each override alone is valid, but Parse: %v", err)
	}
	if _, err := c.Rules(filepath.Join(c.Dir, "two", "x.md")); err != nil {
		t.Errorf("Rules(two/x.md): %v", err)
	}
	_, err = c.Rules(filepath.Join(c.Dir, "one", "two", "x.md"))
	checkError(t, err, path, 10, 9, "rules.fake: limit: above 5 in fancy mode")
}

// checkError checks that err is a *config.Error at path:line:col with
// message msg, and that its string is exactly PATH:LINE:COL: MSG.
func checkError(t *testing.T, err error, path string, line, col int, msg string) {
	t.Helper()
	var ce *config.Error
	if !errors.As(err, &ce) {
		t.Fatalf("err = %v (%T), want *config.Error", err, err)
	}
	if ce.Path != path || ce.Line != line || ce.Column != col {
		t.Errorf("error at %s:%d:%d, want %s:%d:%d (%v)", ce.Path, ce.Line, ce.Column, path, line, col, err)
	}
	if ce.Msg != msg {
		t.Errorf("message %q, want %q", ce.Msg, msg)
	}
	if want := fmt.Sprintf("%s:%d:%d: %s", path, line, col, msg); err.Error() != want {
		t.Errorf("Error() = %q, want %q", err.Error(), want)
	}
}

func TestParseErrors(t *testing.T) {
	t.Parallel()
	const severityWant = "(want error, warning, info or off)"
	tests := []struct {
		name      string
		src       string
		line, col int
		// msg is the exact message; for go-yaml's own messages, which are
		// not ours to word, yaml is a part of it instead.
		msg, yaml string
	}{
		// YAML syntax. go-yaml places these errors itself.
		{name: "unclosed flow sequence", src: "language: [\n", line: 1, col: 11, yaml: "']' not found"},
		{name: "unclosed flow sequence before a key", src: "files:\n  include: [a, b\n  exclude: []\n", line: 3, col: 3, yaml: "',' or ']' must be specified"},
		{name: "unterminated string", src: "language: en\nfiles:\n  include: \"drafts/**\n", line: 3, col: 12, yaml: "double-quoted"},
		{name: "duplicate key", src: "language: en\nlanguage: fr\n", line: 2, col: 1, yaml: `"language" already defined at [1:1]`},
		{name: "dedent inside a mapping", src: "rules:\n  bad-input: off\n repeated-word: off\n", line: 3, col: 2, yaml: "not allowed in this context"},
		{name: "reserved character", src: "language: @en\n", line: 1, col: 11, yaml: "'@' is a reserved character"},
		// go-yaml reports a stray indented key at the value before it.
		{name: "indented key", src: "language: en\n  files: {}\n", line: 1, col: 11, yaml: "mapping value is not allowed"},
		{name: "second document", src: "language: en\n---\nrules: {}\n", line: 2, col: 1, msg: "a configuration file holds one YAML document"},
		{name: "document after an end marker", src: "language: en\n...\nrules: {}\n", line: 3, col: 1, msg: "a configuration file holds one YAML document"},
		{name: "empty second document", src: "language: en\n---\n", line: 2, col: 1, msg: "a configuration file holds one YAML document"},

		// The top level.
		{name: "not a mapping", src: "- language: en\n", line: 1, col: 1, msg: "the configuration must be a mapping of keys such as language, vocabulary, files, rules and overrides"},
		{name: "a scalar", src: "\n\njust some text\n", line: 3, col: 1, msg: "the configuration must be a mapping of keys such as language, vocabulary, files, rules and overrides"},
		{name: "misspelt key", src: "# settings\n\nlangauge: en-US\n", line: 3, col: 1, msg: `unknown key "langauge"; did you mean "language"?`},
		{name: "unknown key", src: "language: en\ncolour: red\n", line: 2, col: 1, msg: `unknown key "colour" (known: language, languages, vocabulary, files, archive, rules, overrides)`},
		{name: "byte order mark then error", src: "\ufefffiles: [x]\n", line: 1, col: 8, msg: "files: must be a mapping with include and exclude lists and max_size"},

		// language.
		{name: "bad language tag", src: "language: english-please\n", line: 1, col: 11, msg: `language: "english-please" is not a BCP 47 language tag such as en-US, en-GB or es`},
		{name: "bad language tag with comment", src: "rules: {}\nlanguage:   english-please  # eh\n", line: 2, col: 13, msg: `language: "english-please" is not a BCP 47 language tag such as en-US, en-GB or es`},
		{name: "language list", src: "language: [en, fr]\n", line: 1, col: 11, msg: "language: must be a single value"},

		// files.
		{name: "files as a list", src: "files: [\"*.md\"]\n", line: 1, col: 8, msg: "files: must be a mapping with include and exclude lists and max_size"},
		{name: "include as a flow mapping", src: "files:\n  include: {drafts: yes}\n", line: 2, col: 12, msg: "files.include: must be a list of globs"},
		{name: "include as a block mapping", src: "files:\n  include:\n    drafts: yes\n", line: 3, col: 5, msg: "files.include: must be a list of globs"},
		{name: "include null", src: "files:\n  include:\n  exclude: []\n", line: 2, col: 11, msg: "files.include: must be a list of globs"},
		{name: "nested list in exclude", src: "files:\n  exclude:\n    - a\n    - [b]\n", line: 4, col: 7, msg: "files.exclude: must be a single value"},
		{name: "misspelt files key", src: "files:\n  inclde: [a]\n", line: 2, col: 3, msg: `unknown key "inclde"; did you mean "include"?`},
		{name: "unknown files key with a mapping", src: "files:\n  skip:\n    a: 1\n", line: 2, col: 3, msg: `unknown key "skip" (known: include, exclude, max_size)`},
		{name: "invalid glob", src: "files: {include: [\"[unclosed\"]}\n", line: 1, col: 19, msg: `files.include: "[unclosed" is not a valid glob`},
		{name: "invalid single glob", src: "files:\n  include: \"[unclosed\"\n", line: 2, col: 12, msg: `files.include: "[unclosed" is not a valid glob`},
		{name: "invalid exclude glob", src: "files:\n  exclude:\n    - ok/**\n    - \"{a,b\"\n", line: 4, col: 7, msg: `files.exclude: "{a,b" is not a valid glob`},
		{name: "CRLF line ends", src: "language: en\r\nfiles: {include: [\"[x\"]}\r\n", line: 2, col: 19, msg: `files.include: "[x" is not a valid glob`},
		// Columns count characters, not bytes.
		{name: "non-ASCII before the error", src: "# é\nfiles: {include: [\"é\", \"[x\"]}\n", line: 2, col: 24, msg: `files.include: "[x" is not a valid glob`},

		// rules.
		{name: "rules as a list", src: "rules:\n  - repeated-word\n", line: 2, col: 3, msg: "rules: must be a mapping from rule IDs to settings"},
		{name: "rules as a flow list", src: "rules: [repeated-word]\n", line: 1, col: 8, msg: "rules: must be a mapping from rule IDs to settings"},
		{name: "rules as a severity", src: "rules: off\n", line: 1, col: 8, msg: "rules: must be a mapping from rule IDs to settings"},
		{name: "misspelt rule", src: "rules:\n  repeted-word: off\n", line: 2, col: 3, msg: `unknown rule "repeted-word"; did you mean "repeated-word"?`},
		{name: "unknown rule", src: "rules:\n  spelling: off\n", line: 2, col: 3, msg: `unknown rule "spelling" (known: bad-directive, bad-input, boilerplate, broken-quote, loaded-attribution, missing-attribution, name-spelling, recycled-paragraph, repeated-word, typo, vague-attribution)`},
		{name: "numeric rule", src: "rules:\n  2019: off\n", line: 2, col: 3, msg: `unknown rule "2019" (known: bad-directive, bad-input, boilerplate, broken-quote, loaded-attribution, missing-attribution, name-spelling, recycled-paragraph, repeated-word, typo, vague-attribution)`},
		{name: "bad bare severity", src: "rules:\n  repeated-word: loud\n", line: 2, col: 18, msg: `rules.repeated-word: unknown severity "loud" ` + severityWant},
		{name: "bad severity", src: "rules:\n  repeated-word:\n    severity: loud\n", line: 3, col: 15, msg: `rules.repeated-word.severity: unknown severity "loud" ` + severityWant},
		{name: "severity as a list", src: "rules:\n  repeated-word: {severity: [a]}\n", line: 2, col: 29, msg: "rules.repeated-word.severity: must be a single value"},
		{name: "setting as a list", src: "rules:\n  repeated-word: [off]\n", line: 2, col: 18, msg: "rules.repeated-word: must be a severity or a mapping with severity and options"},

		// Options.
		{name: "misspelt option", src: "rules:\n  repeated-word: {allw: [x]}\n", line: 2, col: 19, msg: `rules.repeated-word: unknown option "allw"; did you mean "allow"?`},
		{name: "misspelt option after severity", src: "rules:\n  repeated-word:\n    severity: info\n    allw: [x]\n", line: 4, col: 5, msg: `rules.repeated-word: unknown option "allw"; did you mean "allow"?`},
		{name: "option of a rule without options", src: "rules:\n  bad-input: {severity: off, foo: 1}\n", line: 2, col: 30, msg: `rules.bad-input: unknown option "foo" (known: severity)`},
		{name: "option not a list", src: "rules:\n  repeated-word: {allow: 5}\n", line: 2, col: 26, msg: "rules.repeated-word: int was used where sequence is expected"},
		{name: "option a mapping", src: "rules:\n  repeated-word: {allow: {a: 1}}\n", line: 2, col: 26, msg: "rules.repeated-word: mapping was used where sequence is expected"},
		{name: "block option not a list", src: "rules:\n  repeated-word:\n    allow: foo\n", line: 3, col: 12, msg: "rules.repeated-word: string was used where sequence is expected"},
		// go-yaml places a block mapping at its first colon.
		{name: "block option a mapping", src: "rules:\n  repeated-word:\n    allow:\n      a: 1\n", line: 4, col: 8, msg: "rules.repeated-word: mapping was used where sequence is expected"},
		{name: "option value rejected", src: "rules:\n  repeated-word: {allow: [\"two words\"]}\n", line: 2, col: 19, msg: `rules.repeated-word: allow: "two words" is not a single word`},
		{name: "option value rejected after severity", src: "rules:\n  repeated-word:\n    severity: warning\n    allow: [\"two words\"]\n", line: 4, col: 5, msg: `rules.repeated-word: allow: "two words" is not a single word`},
		{name: "empty word", src: "rules:\n  repeated-word:\n    allow: [\"\"]\n", line: 3, col: 5, msg: `rules.repeated-word: allow: "" is not a single word`},

		// languages and vocabulary.
		{name: "bad extra language", src: "languages: [en-US, \"not a tag\"]\n", line: 1, col: 20, msg: `languages: "not a tag" is not a BCP 47 language tag such as en-US, en-GB or es`},
		{name: "vocabulary as a list", src: "vocabulary: [a]\n", line: 1, col: 13, msg: "vocabulary: must be a mapping with accept, reject and files lists"},
		{name: "misspelt vocabulary key", src: "vocabulary:\n  acept: [a]\n", line: 2, col: 3, msg: `unknown key "acept"; did you mean "accept"?`},
		{name: "bad vocabulary regexp", src: "vocabulary:\n  accept:\n    - Smith\n    - /Nw[a-z+/\n", line: 4, col: 7, msg: "vocabulary.accept: vocabulary entry /Nw[a-z+/ is not a valid regular expression: error parsing regexp: missing closing ]: `[a-z+)$`"},
		{name: "two-word vocabulary entry", src: "vocabulary: {reject: [\"all right\"]}\n", line: 1, col: 23, msg: `vocabulary.reject: vocabulary entry "all right" is more than one word`},
		{name: "missing vocabulary file", src: "vocabulary:\n  files: [names.txt]\n", line: 2, col: 11, msg: `vocabulary.files: cannot read "names.txt": no such file or directory`},

		// overrides.
		{name: "overrides as a mapping", src: "overrides:\n  files: [a]\n", line: 2, col: 3, msg: "overrides: must be a list of {files, rules} entries"},
		{name: "override as a glob", src: "overrides:\n  - opinion/**\n", line: 2, col: 5, msg: "overrides: each entry must be a mapping with files and rules"},
		{name: "override without files", src: "overrides:\n  - rules:\n      repeated-word: off\n", line: 2, col: 5, msg: "overrides: an entry needs files, the globs it applies to"},
		{name: "flow override without files", src: "overrides:\n  - {rules: {repeated-word: off}}\n", line: 2, col: 5, msg: "overrides: an entry needs files, the globs it applies to"},
		{name: "second override without files", src: "overrides:\n  - files: [a]\n  - rules: {}\n", line: 3, col: 5, msg: "overrides: an entry needs files, the globs it applies to"},
		{name: "misspelt override key", src: "overrides:\n  - files: [a]\n    rulez: {}\n", line: 3, col: 5, msg: `unknown key "rulez"; did you mean "rules"?`},
		{name: "override invalid glob", src: "overrides:\n  - files: [\"a/[\"]\n", line: 2, col: 13, msg: `overrides.files: "a/[" is not a valid glob`},
		{name: "override misspelt rule", src: "overrides:\n  - files: [a]\n    rules:\n      repeted-word: off\n", line: 4, col: 7, msg: `unknown rule "repeted-word"; did you mean "repeated-word"?`},
		{name: "override bad severity", src: "overrides:\n  - files: [a]\n    rules: {bad-input: loud}\n", line: 3, col: 24, msg: `rules.bad-input: unknown severity "loud" ` + severityWant},
		{name: "override misspelt option", src: "overrides:\n  - files: [a]\n    rules:\n      repeated-word: {alow: [x]}\n", line: 4, col: 23, msg: `rules.repeated-word: unknown option "alow"; did you mean "allow"?`},
		{name: "override option value rejected", src: "overrides:\n  - files: [opinion/**]\n    rules:\n      repeated-word:\n        severity: off\n        allow: [\"a b\"]\n", line: 6, col: 9, msg: `rules.repeated-word: allow: "a b" is not a single word`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			const path = "site/.newslint.yml"
			c, err := config.Parse(path, []byte(tt.src), rules.All())
			if err == nil {
				t.Fatalf("Parse(%q) = %+v, want an error", tt.src, c)
			}
			if tt.msg != "" {
				checkError(t, err, path, tt.line, tt.col, tt.msg)
				return
			}
			var ce *config.Error
			if !errors.As(err, &ce) {
				t.Fatalf("err = %v (%T), want *config.Error", err, err)
			}
			if !strings.HasPrefix(ce.Msg, "invalid YAML: ") || !strings.Contains(ce.Msg, tt.yaml) {
				t.Errorf("message %q, want invalid YAML: ...%s...", ce.Msg, tt.yaml)
			}
			checkError(t, err, path, tt.line, tt.col, ce.Msg)
		})
	}
}

// TestParseErrorMentionsOption checks the wording users see for the two
// kinds of unknown option.
func TestParseErrorMentionsOption(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct {
		src      string
		registry []lint.Rule
		option   string
	}{
		{"rules:\n  repeated-word: {allw: [x]}\n", rules.All(), "allw"},
		{"rules:\n  fake: {limt: 2}\n", fakeRegistry(), "limt"},
		{"rules:\n  plain: {limit: 2}\n", fakeRegistry(), "limit"},
	} {
		_, err := config.Parse("c.yml", []byte(tt.src), tt.registry)
		if err == nil || !strings.Contains(err.Error(), "unknown option") || !strings.Contains(err.Error(), `"`+tt.option+`"`) {
			t.Errorf("%q: err = %v, want it to name unknown option %q", tt.src, err, tt.option)
		}
	}
}

// TestParseChecksEveryOverride checks that bad options in an override are
// reported by Parse even when no file ever matches the override.
func TestParseChecksEveryOverride(t *testing.T) {
	t.Parallel()
	src := "overrides:\n  - files: [nothing/**]\n    rules:\n      fake: {limit: -1}\n"
	_, err := config.Parse("c.yml", []byte(src), fakeRegistry())
	checkError(t, err, "c.yml", 4, 14, "rules.fake: limit: -1 is negative")
}

func TestMaxSize(t *testing.T) {
	for src, want := range map[string]int64{
		"":                           config.DefaultMaxSize,
		"files: {max_size: 10MB}":    10 << 20,
		"files: {max_size: 512 kb}":  512 << 10,
		"files: {max_size: 1GiB}":    1 << 30,
		"files: {max_size: 2048}":    2048,
		"files: {max_size: 0}":       0,
		"files:\n  max_size: 3 MB\n": 3 << 20,
	} {
		c, err := config.Parse("x/.newslint.yml", []byte(src), nil)
		if err != nil || c.MaxSize != want {
			t.Errorf("%q: MaxSize %d, err %v; want %d", src, c.MaxSize, err, want)
		}
	}
	for src, wantPos := range map[string]string{
		"files: {max_size: lots}":    ":1:19: files.max_size: \"lots\" is not a size",
		"files:\n  max_size: -5MB\n": ":2:13: files.max_size: \"-5MB\" is not a size",
		"files: {max_size: [1]}":     ":1:19: files.max_size: must be a single value",
	} {
		_, err := config.Parse("x/.newslint.yml", []byte(src), nil)
		if err == nil || !strings.Contains(err.Error(), wantPos) {
			t.Errorf("%q: err %v, want %q", src, err, wantPos)
		}
	}
	if got := config.FormatSize(50 << 20); got != "50.0 MB" {
		t.Errorf("FormatSize = %q", got)
	}
}

// TestExtensionCase checks that extensions match whatever their case while
// directory names match exactly.
func TestExtensionCase(t *testing.T) {
	c, err := config.Parse("site/.newslint.yml", []byte("files:\n  include: [\"drafts/**/*.md\"]\n  exclude: [\"**/*.tmp.md\"]\n"), nil)
	if err != nil {
		t.Fatal(err)
	}
	for rel, want := range map[string]bool{
		"drafts/a.md":       true,
		"drafts/A.MD":       true,
		"drafts/x/B.Md":     true,
		"Drafts/a.md":       false, // directories are case-sensitive
		"drafts/a.TMP.MD":   true,  // only the extension folds: .tmp.md does not match "a.TMP.md"
		"drafts/a.tmp.MD":   false, // excluded once the extension folds
		"drafts/a.markdown": false,
	} {
		if got := c.Includes(filepath.Join(c.Dir, filepath.FromSlash(rel))); got != want {
			t.Errorf("Includes(%s) = %v, want %v", rel, got, want)
		}
	}
}

// TestAliases checks YAML anchors and aliases in severities, option
// values and override rules, and an alias with no anchor.
func TestAliases(t *testing.T) {
	src := `
rules:
  bad-input: &sev info
  repeated-word:
    severity: *sev
    allow: &words [foo]
overrides:
  - files: ["x/**"]
    rules:
      repeated-word:
        allow: *words
        severity: *sev
`
	c, err := config.Parse("site/.newslint.yml", []byte(src), rules.All())
	if err != nil {
		t.Fatal(err)
	}
	for _, rel := range []string{"a.md", "x/a.md"} {
		rs, err := c.Rules(filepath.Join(c.Dir, rel))
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range rs {
			if id := r.Rule.Meta().ID; (id == "bad-input" || id == "repeated-word") && r.Severity != lint.Info {
				t.Errorf("%s: %s severity %v, want info through the alias", rel, id, r.Severity)
			}
		}
		fs := lintText(t, c, filepath.Join(c.Dir, rel), "We saw foo foo and the the end.")
		if _, flagged := repeated(fs, "foo"); flagged {
			t.Errorf("%s: foo flagged despite allow through an alias", rel)
		}
	}
	_, err = config.Parse("site/.newslint.yml", []byte("rules:\n  repeated-word: *nope\n"), rules.All())
	if err == nil || !strings.Contains(err.Error(), "site/.newslint.yml:2:18: unknown alias *nope") {
		t.Errorf("err = %v, want an unknown-alias error at 2:18", err)
	}
}

func TestVocabularyAndLanguages(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "names.txt"), []byte("# people\nSheinbaum\n/Nw[a-z]+u/\n"), 0o644)
	os.WriteFile(filepath.Join(dir, "style.txt"), []byte("irregardless\n"), 0o644)
	src := "languages: [es]\nvocabulary:\n  accept: [fintech]\n  reject: alright\n  files: [names.txt, {reject: style.txt}]\n"
	c, err := config.Parse(filepath.Join(dir, ".newslint.yml"), []byte(src), rules.All())
	if err != nil {
		t.Fatal(err)
	}
	if len(c.Languages) != 1 || c.Languages[0].String() != "es" {
		t.Errorf("Languages = %v", c.Languages)
	}
	v := c.Vocabulary
	for w, want := range map[string][2]bool{
		"fintech": {true, false}, "Sheinbaum": {true, false}, "Nwachukwu": {true, false},
		"alright": {false, true}, "irregardless": {false, true}, "base": {false, false},
	} {
		if v.Accepts(w) != want[0] || v.Rejects(w) != want[1] {
			t.Errorf("%s: accepts %v rejects %v, want %v", w, v.Accepts(w), v.Rejects(w), want)
		}
	}
	os.WriteFile(filepath.Join(dir, "names.txt"), []byte("Sheinbaum\n/(bad/\n"), 0o644)
	_, err = config.Parse(filepath.Join(dir, ".newslint.yml"), []byte(src), rules.All())
	if err == nil || !strings.Contains(err.Error(), "names.txt:2: vocabulary entry /(bad/ is not a valid regular expression") {
		t.Errorf("bad entry in a vocabulary file: %v", err)
	}
}
