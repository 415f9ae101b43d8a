package reporter

import (
	"bufio"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/fatih/color"
	"github.com/newslint/newslint/lint"
	"github.com/newslint/newslint/reuse"
	"golang.org/x/text/width"
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
	del, ins                 *color.Color // a diff's deleted and inserted words
	sev                      map[lint.Severity]*color.Color
	on                       bool
}

func newPalette(on bool) palette {
	p := palette{
		path:   color.New(color.Bold),
		rule:   color.New(color.FgMagenta),
		gutter: color.New(color.FgBlue),
		help:   color.New(color.FgGreen),
		del:    color.New(color.FgRed, color.CrossedOut),
		ins:    color.New(color.FgGreen, color.Underline),
		on:     on,
		sev: map[lint.Severity]*color.Color{
			lint.Error:   color.New(color.FgRed, color.Bold),
			lint.Warning: color.New(color.FgYellow, color.Bold),
			lint.Info:    color.New(color.FgCyan),
		},
	}
	for _, c := range []*color.Color{p.path, p.rule, p.gutter, p.help, p.del, p.ins, p.sev[lint.Error], p.sev[lint.Warning], p.sev[lint.Info]} {
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
			indent := strings.Repeat(" ", gutterWidth(f.Start.Line))
			fmt.Fprintf(bw, "%s %s %s %s\n",
				p.path.Sprintf("%s:%d:%d", f.Path, f.Start.Line, f.Start.Column),
				p.sev[f.Severity].Sprint(f.Severity), p.rule.Sprint(f.Rule), indentLines(f.Message, indent+"   "))
			if line, ok := res.Lines[f.Start.Line]; ok {
				writeContext(bw, p, f, line)
			}
			for _, s := range f.Suggestions {
				fmt.Fprintf(bw, "%s %s\n", p.gutter.Sprint(indent+" ="), p.help.Sprint("help: "+describeEdit(s)))
			}
			for _, r := range f.Related {
				fmt.Fprintf(bw, "%s note: %s:%d:%d: %s\n", p.gutter.Sprint(indent+" ="), r.Path, r.Pos.Line, r.Pos.Column,
					indentLines(r.Message, indent+"         "))
				if r.Diff != "" {
					fmt.Fprintf(bw, "%s%s\n", indent+"     ", indentLines(p.diff(strings.TrimRight(r.Diff, "\n")), indent+"     "))
				}
			}
		}
	}
	fmt.Fprintln(bw, summary(run.Files, run.Unchecked, counts))
	return bw.Flush()
}

func gutterWidth(line int) int { return len(strconv.Itoa(line)) + 1 }

// writeContext writes the source line and a caret line under the span,
// cutting a long line to a window around the span's start.
func writeContext(w io.Writer, p palette, f lint.Finding, line string) {
	runes := []rune(strings.ReplaceAll(line, "\t", " "))
	// A span ending at the start of the next line covers only the newline.
	multiline := f.End.Line > f.Start.Line+1 || f.End.Line == f.Start.Line+1 && f.End.Column > 1
	start := min(max(f.Start.Column-1, 0), len(runes))
	end := len(runes)
	if !multiline {
		end = f.End.Column - 1
	}
	end = min(max(end, start+1), len(runes)+1)
	from, to := 0, len(runes)
	if len(runes) > contextWidth {
		from = startAtWord(runes, max(0, start-contextWidth/3), start)
		to = endAtWord(runes, min(len(runes), from+contextWidth), start+1)
	}
	prefix, suffix := "", ""
	if from > 0 {
		prefix = "…"
	}
	if to < len(runes) {
		suffix = "…"
	}
	gutter := strings.Repeat(" ", gutterWidth(f.Start.Line))
	fmt.Fprintf(w, "%s %s%s%s\n", p.gutter.Sprintf(" %d |", f.Start.Line), prefix, string(runes[from:to]), suffix)
	// Pad and underline by terminal cells, not code points: wide (CJK,
	// emoji) characters take two cells and combining marks none.
	pad := utf8.RuneCountInString(prefix) + cells(runes[from:start])
	shown := cells(runes[start:min(end, to)])
	if end > to {
		shown++ // under the "…"
	}
	marks := "^" + strings.Repeat("~", max(0, shown-1))
	note := ""
	if multiline {
		note = fmt.Sprintf(" (to line %d)", f.End.Line)
	}
	fmt.Fprintf(w, "%s %s%s%s\n", p.gutter.Sprint(gutter+" |"), strings.Repeat(" ", pad), p.sev[f.Severity].Sprint(marks), note)
}

// cells returns how many terminal cells runes take.
func cells(runes []rune) int {
	n := 0
	for _, r := range runes {
		switch {
		case unicode.In(r, unicode.Mn, unicode.Me, unicode.Cf):
		case r >= 0x1F300 && r <= 0x1FAFF: // pictographs and emoji
			n += 2
		default:
			switch width.LookupRune(r).Kind() {
			case width.EastAsianWide, width.EastAsianFullwidth:
				n += 2
			default:
				n++
			}
		}
	}
	return n
}

// startAtWord moves a window's left edge past the next space, if one is
// near and before limit, so the window does not open mid-word.
func startAtWord(runes []rune, from, limit int) int {
	if from == 0 {
		return 0
	}
	for k := from; k < min(from+15, limit); k++ {
		if runes[k] == ' ' {
			return k + 1
		}
	}
	return from
}

// endAtWord moves a window's right edge back to a near space after limit,
// so the window does not close mid-word.
func endAtWord(runes []rune, to, limit int) int {
	if to >= len(runes) {
		return to
	}
	for k := to - 1; k > max(to-15, limit); k-- {
		if runes[k] == ' ' {
			return k
		}
	}
	return to
}

// indentLines indents every line of s after the first.
// diff shows a word diff: with color, deleted words red and struck out and
// inserted words green, without the [-…-] and {+…+} markers.
func (p palette) diff(d string) string {
	if !p.on {
		return d
	}
	var sb strings.Builder
	for _, span := range reuse.ParseDiff(d) {
		switch span.Op {
		case -1:
			sb.WriteString(p.del.Sprint(span.Text))
		case 1:
			sb.WriteString(p.ins.Sprint(span.Text))
		default:
			sb.WriteString(span.Text)
		}
	}
	return sb.String()
}

func indentLines(s, indent string) string {
	return strings.ReplaceAll(s, "\n", "\n"+indent)
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

func summary(files, unchecked int, counts map[lint.Severity]int) string {
	head := plural(files, "file") + " checked"
	if unchecked > 0 {
		head += fmt.Sprintf(" (%d not checked, see above)", unchecked)
	}
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
