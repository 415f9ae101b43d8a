package reporter

import (
	"bufio"
	"fmt"
	"io"
	"strings"

	"github.com/newslint/newslint/lint"
)

// GitHub writes GitHub Actions workflow commands, which show as
// annotations on a pull request:
//
//	::error file=PATH,line=L,col=C,endLine=L,endColumn=C,title=RULE::MESSAGE
type GitHub struct{}

// Report writes the run.
func (GitHub) Report(w io.Writer, run *Run) error {
	bw := bufio.NewWriter(w)
	for _, f := range run.Findings() {
		fmt.Fprintf(bw, "::%s file=%s,line=%d,col=%d,endLine=%d,endColumn=%d,title=%s::%s\n",
			githubLevel(f.Severity), escapeProperty(f.Path), f.Start.Line, f.Start.Column, f.End.Line, f.End.Column,
			escapeProperty(f.Rule), escapeData(f.Message))
	}
	return bw.Flush()
}

func githubLevel(s lint.Severity) string {
	switch s {
	case lint.Error:
		return "error"
	case lint.Warning:
		return "warning"
	}
	return "notice"
}

// escapeData escapes a workflow command's message as the Actions runner
// expects.
func escapeData(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A").Replace(s)
}

// escapeProperty escapes a workflow command's property value.
func escapeProperty(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C").Replace(s)
}
