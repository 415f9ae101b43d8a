package reporter

import (
	"bufio"
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"github.com/newslint/newslint/lint"
)

// GitLab writes a GitLab Code Quality report: a JSON array of issues that
// GitLab shows in a merge request's Code Quality widget and diff when a
// job names it under artifacts:reports:codequality. Each issue carries
// the finding's fingerprint, which GitLab uses to tell new findings from
// ones the target branch already has.
type GitLab struct{}

type gitlabIssue struct {
	Description string         `json:"description"`
	CheckName   string         `json:"check_name"`
	Fingerprint string         `json:"fingerprint"`
	Severity    string         `json:"severity"`
	Location    gitlabLocation `json:"location"`
}

type gitlabLocation struct {
	Path  string      `json:"path"`
	Lines gitlabLines `json:"lines"`
}

type gitlabLines struct {
	Begin int `json:"begin"`
	End   int `json:"end,omitempty"`
}

// Report writes the run, one issue at a time.
func (GitLab) Report(w io.Writer, run *Run) error {
	bw := bufio.NewWriter(w)
	bw.WriteString("[")
	n, err := writeItems(bw, "  ", run, func(f lint.Finding) any {
		issue := gitlabIssue{
			Description: f.Message,
			CheckName:   "newslint/" + f.Rule,
			Fingerprint: f.Fingerprint,
			Severity:    gitlabSeverity(f.Severity),
			Location:    gitlabLocation{Path: gitlabPath(f.Path), Lines: gitlabLines{Begin: max(f.Start.Line, 1)}},
		}
		if f.End.Line > f.Start.Line {
			issue.Location.Lines.End = f.End.Line
		}
		if issue.Fingerprint == "" {
			// Findings made outside the engine have none; GitLab needs one.
			issue.Fingerprint = fmt.Sprintf("%s:%s:%d:%d", f.Rule, issue.Location.Path, f.Start.Line, f.Start.Column)
		}
		return issue
	})
	if err != nil {
		return err
	}
	if n > 0 {
		bw.WriteString("\n")
	}
	bw.WriteString("]\n")
	return bw.Flush()
}

// gitlabSeverity maps a severity onto Code Quality's scale (info, minor,
// major, critical, blocker).
func gitlabSeverity(s lint.Severity) string {
	switch s {
	case lint.Error:
		return "major"
	case lint.Warning:
		return "minor"
	}
	return "info"
}

// gitlabPath writes a path as GitLab matches it against the repository:
// forward slashes, no leading ./.
func gitlabPath(p string) string {
	return strings.TrimPrefix(filepath.ToSlash(filepath.Clean(p)), "./")
}
