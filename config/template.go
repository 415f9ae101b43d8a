package config

import (
	"fmt"
	"reflect"
	"strings"

	"github.com/goccy/go-yaml"
	"github.com/newslint/newslint/lint"
)

// Template returns a commented configuration that sets every key to its
// default, for `newslint init`.
func Template(registry []lint.Rule) string {
	var b strings.Builder
	b.WriteString(`# newslint configuration: https://github.com/newslint/newslint#configuration
#
# newslint looks for this file in each draft's directory and its parents,
# up to the repository root; --config names one explicitly. Globs are
# relative to this file's directory and use doublestar syntax (** matches
# any number of directories).

# The drafts' language, a BCP 47 tag: en-US, en-GB, es, fr, de. A draft's
# own front matter (lang: or language:) or HTML lang attribute overrides it.
language: ` + DefaultLanguage + `

# More languages the drafts mix in, whose words the spelling rules accept
# (a draft's front matter may add its own: languages: [en-US, es]).
languages: []

# Words the spelling rules accept although no dictionary knows them, and
# words they reject although a dictionary does (house style). Entries are
# words, or regular expressions written /.../; files hold one a line.
vocabulary:
  accept: []
  reject: []
  files: []

# Which files a directory walk lints. Files named on the command line are
# linted whatever their name, unless an exclude glob matches them.
files:
  include: ` + flow(DefaultInclude()) + `
  exclude: []
  # Larger drafts are reported and skipped (KB, MB, GB; 0 for no limit).
  max_size: 10MB

# The archive of published articles that recycled-paragraph and boilerplate
# compare drafts with ('newslint archive add PATH...' fills it). The path is
# relative to this file; add it to .gitignore or share it with the team.
archive:
  path: ` + DefaultArchive + `

# Each rule's severity (error, warning, info or off) and options.
# Exit status 1 means a finding at or above --fail-level (default: error).
rules:
`)
	for _, r := range registry {
		m := r.Meta()
		fmt.Fprintf(&b, "  # %s\n", m.Title)
		fmt.Fprintf(&b, "  %s:\n    severity: %s\n", m.ID, m.Severity)
		if cr, ok := r.(lint.Configurable); ok {
			writeOptions(&b, cr.DefaultOptions())
		}
	}
	b.WriteString(`
# Settings for some files only, applied in order after the ones above.
# overrides:
#   - files: ["opinion/**", "letters/**"]
#     rules:
#       repeated-word: {severity: warning}
`)
	return b.String()
}

// writeOptions writes each field of an options struct with its doc tag as
// a comment and its default value.
func writeOptions(b *strings.Builder, opts any) {
	v := reflect.ValueOf(opts).Elem()
	t := v.Type()
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		name, _, _ := strings.Cut(f.Tag.Get("yaml"), ",")
		if name == "" || name == "-" {
			continue
		}
		if doc := f.Tag.Get("doc"); doc != "" {
			fmt.Fprintf(b, "    # %s\n", doc)
		}
		fmt.Fprintf(b, "    %s: %s\n", name, flow(v.Field(i).Interface()))
	}
}

// flow renders a value in YAML flow style on one line.
func flow(v any) string {
	if rv := reflect.ValueOf(v); rv.Kind() == reflect.Slice && rv.Len() == 0 {
		return "[]"
	}
	out, err := yaml.MarshalWithOptions(v, yaml.Flow(true))
	if err != nil {
		return fmt.Sprint(v)
	}
	return strings.TrimSpace(string(out))
}
