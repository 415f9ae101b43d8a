// Package reporter writes a run's findings in one of several formats, one
// file per format: text for terminals, json for editors and scripts,
// sarif for code-scanning tools, github for Actions annotations, html
// for a self-contained page to read in a browser, and for other CI
// systems gitlab (GitLab Code Quality), checkstyle (Jenkins, reviewdog),
// junit (GitLab and Jenkins test reports) and rdjson (reviewdog's
// diagnostic format).
package reporter

import (
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/newslint/newslint/lint"
)

// Run is what a reporter needs to know about one run.
type Run struct {
	// Files is the number of files checked.
	Files int
	// Unchecked is the number of drafts named or found that could not be
	// checked (missing, binary, too large, excluded); the reasons went to
	// standard error.
	Unchecked int
	// Results holds the files with findings, sorted by path.
	Results []lint.FileResult
	// Rules describes every rule, for formats that carry rule metadata.
	Rules []lint.Meta
	// Version is newslint's version.
	Version string
}

// Findings returns every finding of the run in output order.
func (r *Run) Findings() []lint.Finding {
	var all []lint.Finding
	for _, res := range r.Results {
		all = append(all, res.Findings...)
	}
	return all
}

// Options are settings shared by reporters.
type Options struct {
	// Color turns on ANSI colors in the text format.
	Color bool
}

// Reporter writes a run's findings.
type Reporter interface {
	Report(w io.Writer, run *Run) error
}

var constructors = map[string]func(Options) Reporter{
	"text":   func(o Options) Reporter { return Text{Color: o.Color} },
	"json":   func(Options) Reporter { return JSON{} },
	"sarif":  func(Options) Reporter { return SARIF{} },
	"github": func(Options) Reporter { return GitHub{} },
	"html":   func(Options) Reporter { return HTML{} },

	"checkstyle": func(Options) Reporter { return Checkstyle{} },
	"junit":      func(Options) Reporter { return JUnit{} },
	"rdjson":     func(Options) Reporter { return RDJSON{} },
	"gitlab":     func(Options) Reporter { return GitLab{} },
}

// Formats returns the names of the output formats.
func Formats() []string {
	names := make([]string, 0, len(constructors))
	for name := range constructors {
		names = append(names, name)
	}
	sort.Strings(names)
	return names
}

// New returns the reporter for a format name.
func New(format string, opts Options) (Reporter, error) {
	c, ok := constructors[format]
	if !ok {
		return nil, fmt.Errorf("unknown format %q (want %s)", format, strings.Join(Formats(), ", "))
	}
	return c(opts), nil
}
