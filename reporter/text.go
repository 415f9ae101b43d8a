package reporter

import (
	"bufio"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/fatih/color"
	"github.com/newslint/newslint/lint"
)

// Text writes findings for people at a terminal: a line per finding,
//
//	path:line:col severity rule message
//
// then the source line with the span underlined, a help line for a
// suggested fix, and a summary.
type Text struct {
	Color bool
}

// contextWidth is how many code points of a long source line are shown.
const contextWidth = 100

type palette struct {
	path, rule, gutter, help *color.Color
	sev                      map[lint.Severity]*color.Color
}

func newPalette(on bool) palette {
	p := palette{
		path:   color.New(color.Bold),
		rule:   color.New(color.FgMagenta),
		gutter: color.New(color.FgBlue),
		help:   color.New(color.FgGreen),
		sev: map[lint.Severity]*color.Color{
			lint.Error:   color.New(color.FgRed, color.Bold),
			lint.Warning: color.New(color.FgYellow, color.Bold),
			lint.Info:    color.New(color.FgCyan),
		},
	}
	for _, c := range []*color.Color{p.path, p.rule, p.gutter, p.help, p.sev[lint.Error], p.sev[lint.Warning], p.sev[lint.Info]} {
		if on {
			c.EnableColor()
		} else {
			c.DisableColor()
		}
	}
	return p
}

// Report writes the run.
func (t Text) Report(w io.Writer, run *Run) error {
	bw := bufio.NewWriter(w)
	p := newPalette(t.Color)
	counts := map[lint.Severity]int{}
	for _, res := range run.Results {
		for _, f := range res.Findings {
			counts[f.Severity]++
			fmt.Fprintf(bw, "%s %s %s %s\n",
				p.path.Sprintf("%s:%d:%d", f.Path, f.Start.Line, f.Start.Column),
				p.sev[f.Severity].Sprint(f.Severity), p.rule.Sprint(f.Rule), f.Message)
			if line, ok := res.Lines[f.Start.Line]; ok {
				writeContext(bw, p, f, line)
			}
			for _, s := range f.Suggestions {
				fmt.Fprintf(bw, "%s %s\n", p.gutter.Sprint(strings.Repeat(" ", gutterWidth(f.Start.Line))+" ="), p.help.Sprint("help: "+describeEdit(s)))
			}
		}
	}
	fmt.Fprintln(bw, summary(run.Files, counts))
	return bw.Flush()
}

func gutterWidth(line int) int { return len(strconv.Itoa(line)) + 1 }

// writeContext writes the source line and a caret line under the span,
// cutting a long line to a window around the span.
func writeContext(w io.Writer, p palette, f lint.Finding, line string) {
	runes := []rune(strings.ReplaceAll(line, "\t", " "))
	start := f.Start.Column - 1
	end := len(runes)
	if f.End.Line == f.Start.Line {
		end = f.End.Column - 1
	}
	start = min(max(start, 0), len(runes))
	end = min(max(end, start+1), len(runes)+1)
	from, to := 0, len(runes)
	prefix, suffix := "", ""
	if len(runes) > contextWidth {
		from = max(0, start-contextWidth/3)
		to = min(len(runes), max(end, from+contextWidth))
		if from > 0 {
			prefix = "…"
		}
		if to < len(runes) {
			suffix = "…"
		}
	}
	gutter := strings.Repeat(" ", gutterWidth(f.Start.Line))
	fmt.Fprintf(w, "%s %s%s%s\n", p.gutter.Sprintf(" %d |", f.Start.Line), prefix, string(runes[from:to]), suffix)
	pad := utf8.RuneCountInString(prefix) + start - from
	marks := "^" + strings.Repeat("~", max(0, min(end, to)-start-1))
	fmt.Fprintf(w, "%s %s%s\n", p.gutter.Sprint(gutter+" |"), strings.Repeat(" ", pad), p.sev[f.Severity].Sprint(marks))
}

func describeEdit(s lint.Suggestion) string {
	switch {
	case s.Text == "":
		return fmt.Sprintf("delete %q", s.Old)
	case s.Old == "":
		return fmt.Sprintf("insert %q", s.Text)
	}
	return fmt.Sprintf("replace %q with %q", s.Old, s.Text)
}

func summary(files int, counts map[lint.Severity]int) string {
	head := plural(files, "file") + " checked"
	if counts[lint.Error]+counts[lint.Warning]+counts[lint.Info] == 0 {
		return head + ": no problems found"
	}
	return fmt.Sprintf("%s: %s, %s, %d info", head, plural(counts[lint.Error], "error"),
		plural(counts[lint.Warning], "warning"), counts[lint.Info])
}

func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}
