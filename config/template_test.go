package config_test

import (
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/newslint/newslint/config"
	"github.com/newslint/newslint/lint"
	"github.com/newslint/newslint/rules"
)

func TestTemplateMatchesDefault(t *testing.T) {
	t.Parallel()
	registry := rules.All()
	tmpl := config.Template(registry)
	dir := t.TempDir()
	c, err := config.Parse(filepath.Join(dir, ".newslint.yml"), []byte(tmpl), registry)
	if err != nil {
		t.Fatalf("Parse(Template): %v\n%s", err, tmpl)
	}
	d := config.Default(dir, registry)
	if c.Language != d.Language {
		t.Errorf("Language = %v, want %v", c.Language, d.Language)
	}
	if !slices.Equal(c.Include, d.Include) || len(c.Exclude) != 0 {
		t.Errorf("Include, Exclude = %q, %q; want %q, none", c.Include, c.Exclude, d.Include)
	}
	for _, rel := range []string{"story.md", "opinion/letters/a.html"} {
		path := filepath.Join(dir, filepath.FromSlash(rel))
		got, err := c.Rules(path)
		if err != nil {
			t.Fatal(err)
		}
		want, err := d.Rules(path)
		if err != nil {
			t.Fatal(err)
		}
		// The configured rules, options included, are the same values.
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s: Template gives rules %+v, Default %+v", rel, got, want)
		}
		for _, text := range []string{"foo foo and the the end", "had had", "caf\xe9"} {
			gf, wf := lintText(t, c, path, text), lintText(t, d, path, text)
			if !reflect.DeepEqual(gf, wf) {
				t.Errorf("%s: %q: Template finds %+v, Default %+v", rel, text, gf, wf)
			}
		}
	}
}

func TestTemplateMentionsEveryRule(t *testing.T) {
	t.Parallel()
	registry := rules.All()
	tmpl := config.Template(registry)
	for _, r := range registry {
		m := r.Meta()
		entry := "\n  " + m.ID + ":\n    severity: " + m.Severity.String() + "\n"
		if !strings.Contains(tmpl, entry) {
			t.Errorf("template has no entry %q", entry)
		}
		if !strings.Contains(tmpl, "  # "+m.Title+"\n") {
			t.Errorf("template does not describe %s with its title %q", m.ID, m.Title)
		}
	}
	if !strings.Contains(tmpl, "\n    allow: []\n") {
		t.Errorf("template does not give repeated-word's allow option")
	}
	for _, key := range []string{"\nlanguage: ", "\nfiles:\n", "\nrules:\n", "\n# overrides:\n"} {
		if !strings.Contains(tmpl, key) {
			t.Errorf("template lacks %q", key)
		}
	}
}

// TestTemplateOverridesExample checks that the commented-out example of
// overrides in the template is valid once uncommented.
func TestTemplateOverridesExample(t *testing.T) {
	t.Parallel()
	tmpl := config.Template(rules.All())
	_, example, ok := strings.Cut(tmpl, "\n# overrides:\n")
	if !ok {
		t.Fatalf("no overrides example in\n%s", tmpl)
	}
	var b strings.Builder
	b.WriteString("overrides:\n")
	for line := range strings.Lines(example) {
		b.WriteString(strings.TrimPrefix(strings.TrimPrefix(line, "#"), " "))
	}
	dir := t.TempDir()
	c, err := config.Parse(filepath.Join(dir, ".newslint.yml"), []byte(b.String()), rules.All())
	if err != nil {
		t.Fatalf("uncommented example: %v\n%s", err, b.String())
	}
	for _, tt := range []struct {
		rel  string
		want lint.Severity
	}{
		{"opinion/a.md", lint.Warning},
		{"letters/2024/a.md", lint.Warning},
		{"news/a.md", lint.Error},
	} {
		if got := severities(t, c, filepath.Join(dir, filepath.FromSlash(tt.rel)))["repeated-word"]; got != tt.want {
			t.Errorf("%s: repeated-word = %v, want %v", tt.rel, got, tt.want)
		}
	}
}

// TestTemplateOptionDefaults checks that the template writes each option's
// default so that it reads back as the same value, quoting where YAML
// needs it, and skips fields without a yaml name.
func TestTemplateOptionDefaults(t *testing.T) {
	t.Parallel()
	registry := fakeRegistry()
	tmpl := config.Template(registry)
	for _, want := range []string{
		"\n  fake:\n    severity: info\n",
		"    # words to look for\n    words: [x]\n",
		"    # at most this many\n    limit: 3\n",
		"\n  plain:\n    severity: warning\n",
	} {
		if !strings.Contains(tmpl, want) {
			t.Errorf("template lacks %q:\n%s", want, tmpl)
		}
	}
	if strings.Contains(strings.ToLower(tmpl), "hidden") {
		t.Errorf("template writes the yaml:\"-\" field:\n%s", tmpl)
	}
	c, err := config.Parse(filepath.Join(t.TempDir(), ".newslint.yml"), []byte(tmpl), registry)
	if err != nil {
		t.Fatalf("Parse(Template): %v\n%s", err, tmpl)
	}
	got, sev := fakeOpts(t, c, filepath.Join(c.Dir, "a.md"))
	want := *fakeRule{}.DefaultOptions().(*fakeOptions)
	if !reflect.DeepEqual(got, want) || sev != lint.Info {
		t.Errorf("options from the template %+v at %v, want the defaults %+v at info", got, sev, want)
	}
}
