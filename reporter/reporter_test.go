package reporter_test

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"hash/fnv"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/fatih/color"
	"github.com/newslint/newslint/draft"
	"github.com/newslint/newslint/lint"
	"github.com/newslint/newslint/reporter"
)

var update = flag.Bool("update", false, "rewrite golden files")

// source is a fake draft; its helpers place findings in it so that spans,
// positions and the Lines map always agree with the text.
type source struct {
	path, text string
}

// span returns the byte range of the only occurrence of needle.
func (s source) span(t *testing.T, needle string) draft.Span {
	t.Helper()
	i := strings.Index(s.text, needle)
	if i < 0 || strings.Contains(s.text[i+1:], needle) {
		t.Fatalf("%s: %q must occur exactly once", s.path, needle)
	}
	return draft.Span{Start: i, End: i + len(needle)}
}

// pos returns the position of byte offset off: 1-based line, 1-based
// code-point column, byte offset.
func (s source) pos(off int) draft.Position {
	before := s.text[:off]
	lineStart := strings.LastIndexByte(before, '\n') + 1
	return draft.Position{
		Line:   strings.Count(before, "\n") + 1,
		Column: utf8.RuneCountInString(before[lineStart:]) + 1,
		Offset: off,
	}
}

func (s source) line(n int) string { return strings.Split(s.text, "\n")[n-1] }

// finding places a finding on the only occurrence of needle.
func (s source) finding(t *testing.T, rule string, sev lint.Severity, msg, needle string) lint.Finding {
	t.Helper()
	sp := s.span(t, needle)
	h := fnv.New64a()
	h.Write([]byte(s.path + rule + needle))
	return lint.Finding{Path: s.path, Rule: rule, Severity: sev, Message: msg, Span: sp,
		Start: s.pos(sp.Start), End: s.pos(sp.End), Fingerprint: fmt.Sprintf("%016x", h.Sum64())}
}

// suggest replaces old, first found at the start of the only occurrence of
// within, with text.
func (s source) suggest(t *testing.T, within, old, text string) lint.Suggestion {
	t.Helper()
	if !strings.HasPrefix(within, old) {
		t.Fatalf("%q does not start with %q", within, old)
	}
	start := s.span(t, within).Start
	sp := draft.Span{Start: start, End: start + len(old)}
	return lint.Suggestion{Text: text, Old: old, Span: sp, Start: s.pos(sp.Start), End: s.pos(sp.End)}
}

func (s source) result(fs ...lint.Finding) lint.FileResult {
	res := lint.FileResult{Path: s.path, Findings: fs, Lines: map[int]string{}}
	for _, f := range fs {
		res.Lines[f.Start.Line] = s.line(f.Start.Line)
	}
	return res
}

var council = source{path: "drafts/city-council.md", text: `# Council passes budget

The the council voted 5-4 on Tuesday to approve the plan.

“Café owners are furious,” said Zoe Müller, who runs Café Crème.

The vote came after a long debate that stretched past
midnight and left several members visibly tired.

## Reaction

Residents who attended the meeting, many of whom had waited hours for their turn at the microphone, said they were disappointed that the council had decided in order to save money to close two libraries and cut funding for the summer youth program, which serves more than 400 children each year.
`}

// vote's path needs escaping in GitHub properties (":" and ",") and in
// SARIF URIs (spaces, ",").
var vote = source{path: "drafts/q&a: vote, 2024.md", text: `# Q&A: the 2024 vote

Turnout rose <b>50%</b> in Ward 3, officials said.

The city’s budget grew by 3 percent, the same as last year.
`}

// escapeMessage holds every character some format must escape.
const escapeMessage = "raw HTML \"<b>\" & 50% text, unescaped: use Markdown\ninstead"

var rules = []lint.Meta{
	{ID: "repeated-word", Title: "Repeated word", Doc: "Flags a word written twice in a row.",
		Severity: lint.Error, Bad: "the the council", Good: "the council"},
	{ID: "name-spelling", Title: "Name spelling", Doc: "Flags names spelled differently from the style guide.",
		Severity: lint.Warning},
	{ID: "long-sentence", Title: "Long sentence", Doc: "Flags sentences longer than the configured limit.",
		Severity: lint.Info},
	{ID: "wordy-phrase", Title: "Wordy phrase", Doc: "Flags phrases with a shorter equivalent.",
		Severity: lint.Info, Bad: "in order to save", Good: "to save"},
	{ID: "raw-markup", Title: "Raw markup", Doc: "Flags HTML tags left in Markdown.", Severity: lint.Error},
	{ID: "archive-copy", Title: "Copied from archive", Doc: "Flags paragraphs that repeat an archived article.",
		Severity: lint.Error},
	{ID: "passive-voice", Title: "Passive voice", Doc: "Flags verbs in the passive voice.", Severity: lint.Off},
}

// fullRun is the fixed run behind the golden files.
func fullRun(t *testing.T) *reporter.Run {
	t.Helper()

	repeated := council.finding(t, "repeated-word", lint.Error, `repeated word "the"`, "The the")
	repeated.Suggestions = []lint.Suggestion{council.suggest(t, "the council voted", "the ", "")}

	// A line with multi-byte characters before the span: columns count
	// code points, offsets bytes.
	name := council.finding(t, "name-spelling", lint.Warning, `check the spelling of "Zoe Müller"`, "Zoe Müller")
	name.Suggestions = []lint.Suggestion{council.suggest(t, "Zoe Müller", "Zoe", "Zoë")}

	// A span across a line break.
	long := council.finding(t, "long-sentence", lint.Info, "sentence of 18 words spans two lines",
		"The vote came after a long debate that stretched past\nmidnight and left several members visibly tired.")

	// A source line of more than 200 characters, span in the middle.
	wordy := council.finding(t, "wordy-phrase", lint.Info, `"in order to" can be "to"`, "in order to")
	wordy.Suggestions = []lint.Suggestion{council.suggest(t, "in order to", "in order to", "to")}

	markup := vote.finding(t, "raw-markup", lint.Warning, escapeMessage, "<b>")
	markup.Suggestions = []lint.Suggestion{vote.suggest(t, "<b>", "<b>", "")}

	copied := vote.finding(t, "archive-copy", lint.Error, "paragraph repeats an archived article",
		"The city’s budget grew by 3 percent, the same as last year.")
	copied.Related = []lint.Related{{
		Path:    "archive/2023/budget.md",
		Pos:     draft.Position{Line: 14, Column: 1, Offset: 812},
		Message: "archived article, published 2023-05-01",
		Diff:    "The city’s budget grew by [-2-] {+3+} percent, the same as last year.",
	}}

	return &reporter.Run{
		Files:   3,
		Results: []lint.FileResult{council.result(repeated, name, long, wordy), vote.result(markup, copied)},
		Rules:   rules,
		Version: "test",
	}
}

func emptyRun() *reporter.Run {
	return &reporter.Run{Files: 2, Rules: rules, Version: "test"}
}

func report(t *testing.T, r reporter.Reporter, run *reporter.Run) string {
	t.Helper()
	var buf bytes.Buffer
	if err := r.Report(&buf, run); err != nil {
		t.Fatalf("Report: %v", err)
	}
	return buf.String()
}

// showEscapes makes ANSI escape sequences visible in golden files: every
// ESC byte (0x1b) becomes the two characters `\e`.
func showEscapes(s string) string { return strings.ReplaceAll(s, "\x1b", `\e`) }

// TestGolden compares each format's output for fullRun with
// testdata/NAME.golden, NAME being the subtest's name. Run
// `go test ./reporter -update` to rewrite the files.
func TestGolden(t *testing.T) {
	tests := []struct {
		name     string
		reporter reporter.Reporter
		show     func(string) string
	}{
		{"text", reporter.Text{}, nil},
		{"text-color", reporter.Text{Color: true}, showEscapes},
		{"json", reporter.JSON{}, nil},
		{"sarif", reporter.SARIF{}, nil},
		{"github", reporter.GitHub{}, nil},
		{"gitlab", reporter.GitLab{}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := report(t, tt.reporter, fullRun(t))
			if tt.show != nil {
				got = tt.show(got)
			}
			golden(t, filepath.Join("testdata", tt.name+".golden"), got)
		})
	}
}

func golden(t *testing.T, path, got string) {
	t.Helper()
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./reporter -update)", err)
	}
	want := string(data)
	if got == want {
		return
	}
	gl, wl := strings.Split(got, "\n"), strings.Split(want, "\n")
	for i := 0; i < max(len(gl), len(wl)); i++ {
		var g, w string
		if i < len(gl) {
			g = gl[i]
		}
		if i < len(wl) {
			w = wl[i]
		}
		if g != w || i >= len(gl) || i >= len(wl) {
			t.Fatalf("output differs from %s at line %d:\n got: %q\nwant: %q\n\nfull output:\n%s", path, i+1, g, w, got)
		}
	}
}

// TestFixtureConsistent checks the fixture itself: every finding's
// positions agree with its offsets and with the Lines map.
func TestFixtureConsistent(t *testing.T) {
	run := fullRun(t)
	sev := map[lint.Severity]bool{}
	for _, res := range run.Results {
		for _, f := range res.Findings {
			sev[f.Severity] = true
			line, ok := res.Lines[f.Start.Line]
			if !ok {
				t.Fatalf("%s: no line %d in Lines", f.Path, f.Start.Line)
			}
			runes := []rune(line)
			prefix := string(runes[:f.Start.Column-1])
			src := council.text
			if f.Path == vote.path {
				src = vote.text
			}
			if !strings.HasSuffix(src[:f.Start.Offset], prefix) {
				t.Errorf("%s:%d:%d: column does not match offset %d", f.Path, f.Start.Line, f.Start.Column, f.Start.Offset)
			}
		}
	}
	for _, s := range []lint.Severity{lint.Error, lint.Warning, lint.Info} {
		if !sev[s] {
			t.Errorf("fixture has no %s finding", s)
		}
	}
}

func TestEmptyRun(t *testing.T) {
	run := emptyRun()
	if got, want := report(t, reporter.Text{}, run), "2 files checked: no problems found\n"; got != want {
		t.Errorf("text = %q, want %q", got, want)
	}
	one := &reporter.Run{Files: 1}
	if got, want := report(t, reporter.Text{Color: true}, one), "1 file checked: no problems found\n"; got != want {
		t.Errorf("text, one file = %q, want %q", got, want)
	}
	if got := report(t, reporter.JSON{}, run); !strings.Contains(got, `"findings": []`) {
		t.Errorf("json does not contain \"findings\": []:\n%s", got)
	}
	if got := report(t, reporter.SARIF{}, run); !strings.Contains(got, `"results": []`) {
		t.Errorf("sarif does not contain \"results\": []:\n%s", got)
	}
	if got := report(t, reporter.GitHub{}, run); got != "" {
		t.Errorf("github = %q, want nothing", got)
	}
}

func TestTextSummary(t *testing.T) {
	got := report(t, reporter.Text{}, fullRun(t))
	want := "3 files checked: 2 errors, 2 warnings, 2 info\n"
	if !strings.HasSuffix(got, want) {
		t.Errorf("text output does not end with %q:\n%s", want, got)
	}
}

func TestNewUnknownFormat(t *testing.T) {
	r, err := reporter.New("xml", reporter.Options{})
	if err == nil {
		t.Fatalf("New(xml) = %v, want an error", r)
	}
	for _, name := range []string{"text", "json", "sarif", "github"} {
		if !strings.Contains(err.Error(), name) {
			t.Errorf("error %q does not list format %q", err, name)
		}
	}
	if !strings.Contains(err.Error(), `"xml"`) {
		t.Errorf("error %q does not name the unknown format", err)
	}
}

func TestNew(t *testing.T) {
	want := map[string]reporter.Reporter{
		"text": reporter.Text{Color: true}, "json": reporter.JSON{},
		"sarif": reporter.SARIF{}, "github": reporter.GitHub{}, "html": reporter.HTML{},
		"checkstyle": reporter.Checkstyle{}, "junit": reporter.JUnit{}, "rdjson": reporter.RDJSON{}, "gitlab": reporter.GitLab{},
	}
	if got := reporter.Formats(); strings.Join(got, " ") != "checkstyle github gitlab html json junit rdjson sarif text" {
		t.Errorf("Formats() = %q", got)
	}
	for name, w := range want {
		r, err := reporter.New(name, reporter.Options{Color: true})
		if err != nil {
			t.Fatalf("New(%q): %v", name, err)
		}
		if r != w {
			t.Errorf("New(%q) = %#v, want %#v", name, r, w)
		}
	}
}

// TestColor checks that Color alone decides whether the text format
// writes escapes, whatever fatih/color's global NoColor says (it is set
// when stdout is not a terminal, as under go test).
func TestColor(t *testing.T) {
	saved := color.NoColor
	t.Cleanup(func() { color.NoColor = saved })
	for _, global := range []bool{true, false} {
		color.NoColor = global
		if got := report(t, reporter.Text{Color: false}, fullRun(t)); strings.Contains(got, "\x1b") {
			t.Errorf("NoColor=%v: Color:false output has escapes:\n%s", global, showEscapes(got))
		}
		if got := report(t, reporter.Text{Color: true}, fullRun(t)); !strings.Contains(got, "\x1b[") {
			t.Errorf("NoColor=%v: Color:true output has no escapes:\n%s", global, got)
		}
	}
}

var sourceLine = regexp.MustCompile(`^ \d+ \| `)

// TestTextContext checks the caret line sits under the span, for a
// multi-byte line, a windowed long line and a span across lines.
func TestTextContext(t *testing.T) {
	out := report(t, reporter.Text{}, fullRun(t))
	lines := strings.Split(out, "\n")
	check := func(header, under string) {
		t.Helper()
		for i, l := range lines {
			if !strings.HasPrefix(l, header) {
				continue
			}
			// Skip continuation lines of a multi-line message.
			j := i + 1
			for j < len(lines) && !sourceLine.MatchString(lines[j]) {
				j++
			}
			if j+1 >= len(lines) {
				t.Fatalf("no source line after %q", l)
			}
			src, carets := lines[j], lines[j+1]
			at := strings.IndexByte(carets, '^')
			if at < 0 {
				t.Fatalf("no caret under %q", src)
			}
			n := len(carets[at:]) - len(strings.TrimLeft(carets[at:], "^~"))
			// The source and caret lines share a gutter, and the fixture
			// has no wide characters: one code point is one cell.
			col, runes := utf8.RuneCountInString(carets[:at]), []rune(src)
			marked := string(runes[min(col, len(runes)):min(col+n, len(runes))])
			if marked != under {
				t.Errorf("%s: carets mark %q, want %q\n%s\n%s", header, marked, under, src, carets)
			}
			return
		}
		t.Fatalf("no finding line starting %q", header)
	}
	check("drafts/city-council.md:3:1 ", "The the")
	check("drafts/city-council.md:5:", "Zoe Müller")
	check("drafts/city-council.md:7:1 ", "The vote came after a long debate that stretched past")
	check("drafts/city-council.md:12:", "in order to")
	check("drafts/q&a: vote, 2024.md:3:", "<b>")

	for i, l := range lines {
		if strings.HasPrefix(l, "drafts/city-council.md:12:") {
			src := lines[i+1]
			if !strings.Contains(src, " | …") || !strings.HasSuffix(src, "…") {
				t.Errorf("long line not windowed with … on both sides: %q", src)
			}
			if n := utf8.RuneCountInString(src); n > 120 {
				t.Errorf("windowed line has %d code points", n)
			}
		}
	}
}

// TestJSONSchema checks the documented keys and their JSON types on every
// finding.
func TestJSONSchema(t *testing.T) {
	var out map[string]any
	if err := json.Unmarshal([]byte(report(t, reporter.JSON{}, fullRun(t))), &out); err != nil {
		t.Fatal(err)
	}
	isType := func(v any, kind string) bool {
		switch kind {
		case "string":
			_, ok := v.(string)
			return ok
		case "number":
			n, ok := v.(float64)
			return ok && n == float64(int(n))
		case "array":
			_, ok := v.([]any)
			return ok
		case "object":
			_, ok := v.(map[string]any)
			return ok
		}
		panic(kind)
	}
	checkKeys := func(where string, obj any, keys map[string]string) map[string]any {
		t.Helper()
		m, ok := obj.(map[string]any)
		if !ok {
			t.Fatalf("%s: %T is not an object", where, obj)
		}
		for k, kind := range keys {
			v, ok := m[k]
			if !ok {
				t.Errorf("%s: no key %q", where, k)
			} else if !isType(v, kind) {
				t.Errorf("%s: %q is %T (%v), want %s", where, k, v, v, kind)
			}
		}
		return m
	}
	checkKeys("top level", out, map[string]string{"version": "number", "files": "number", "findings": "array"})
	if out["version"] != float64(reporter.JSONVersion) || out["files"] != float64(3) {
		t.Errorf("version, files = %v, %v", out["version"], out["files"])
	}
	findings := out["findings"].([]any)
	if len(findings) != 6 {
		t.Fatalf("%d findings, want 6", len(findings))
	}
	var suggestions, related int
	for i, f := range findings {
		where := fmt.Sprintf("findings[%d]", i)
		m := checkKeys(where, f, map[string]string{
			"path": "string", "rule": "string", "severity": "string", "message": "string",
			"line": "number", "column": "number", "end_line": "number", "end_column": "number",
			"offset": "number", "end_offset": "number", "suggestions": "array", "related": "array",
		})
		switch m["severity"] {
		case "error", "warning", "info":
		default:
			t.Errorf("%s: severity %v", where, m["severity"])
		}
		for j, s := range m["suggestions"].([]any) {
			suggestions++
			checkKeys(fmt.Sprintf("%s.suggestions[%d]", where, j), s,
				map[string]string{"text": "string", "offset": "number", "end_offset": "number"})
		}
		for j, r := range m["related"].([]any) {
			related++
			checkKeys(fmt.Sprintf("%s.related[%d]", where, j), r, map[string]string{
				"path": "string", "line": "number", "column": "number", "message": "string", "diff": "string"})
		}
	}
	if suggestions != 4 || related != 1 {
		t.Errorf("%d suggestions, %d related; want 4, 1", suggestions, related)
	}
	if m := findings[4].(map[string]any); m["message"] != escapeMessage {
		t.Errorf("message = %q, want %q", m["message"], escapeMessage)
	}
}

func TestGitHubEscaping(t *testing.T) {
	run := &reporter.Run{Files: 1, Results: []lint.FileResult{{
		Path: "a:b,c%.md",
		Findings: []lint.Finding{{
			Path: "a:b,c%.md", Rule: "odd:rule,x", Severity: lint.Info,
			Message: "50% done\r\nnext: a, b",
			Start:   draft.Position{Line: 1, Column: 1}, End: draft.Position{Line: 2, Column: 3, Offset: 4},
		}},
	}}}
	got := report(t, reporter.GitHub{}, run)
	want := "::notice file=a%3Ab%2Cc%25.md,line=1,col=1,endLine=2,endColumn=3,title=odd%3Arule%2Cx::50%25 done%0D%0Anext: a, b\n"
	if got != want {
		t.Errorf("got  %q\nwant %q", got, want)
	}

	levels := map[lint.Severity]string{lint.Error: "::error ", lint.Warning: "::warning ", lint.Info: "::notice "}
	for sev, prefix := range levels {
		run.Results[0].Findings[0].Severity = sev
		if got := report(t, reporter.GitHub{}, run); !strings.HasPrefix(got, prefix) {
			t.Errorf("%s: got %q, want prefix %q", sev, got, prefix)
		}
	}

	// Every line of the full run is one command: the message's newline
	// must not split it.
	out := report(t, reporter.GitHub{}, fullRun(t))
	lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	if len(lines) != 6 {
		t.Errorf("%d lines, want 6:\n%s", len(lines), out)
	}
	for _, l := range lines {
		if !strings.HasPrefix(l, "::") {
			t.Errorf("not a workflow command: %q", l)
		}
	}
}

// TestTextContextEdges covers carets at the end of a line, on an empty
// line, after a tab (shown as one space, as columns count it as one code
// point) and an empty span.
func TestTextContextEdges(t *testing.T) {
	tests := []struct {
		line           string
		start, end     draft.Position
		source, carets string
	}{
		{"end of line", draft.Position{Line: 1, Column: 12}, draft.Position{Line: 2, Column: 1},
			" 1 | end of line", "   |            ^"},
		{"", draft.Position{Line: 1, Column: 1}, draft.Position{Line: 1, Column: 1},
			" 1 | ", "   | ^"},
		{"a\tb c", draft.Position{Line: 1, Column: 3}, draft.Position{Line: 1, Column: 6},
			" 1 | a b c", "   |   ^~~"},
		{"empty span", draft.Position{Line: 1, Column: 6}, draft.Position{Line: 1, Column: 6},
			" 1 | empty span", "   |      ^"},
		// A span longer than the window on a long line: the window stays
		// 100 code points wide and the carets stop at its edge.
		{strings.Repeat("word ", 60), draft.Position{Line: 1, Column: 51}, draft.Position{Line: 1, Column: 290},
			" 1 | …" + strings.Repeat("word ", 19) + "word…", "   | " + strings.Repeat(" ", 31) + "^" + strings.Repeat("~", 69)},
		{"two", draft.Position{Line: 1, Column: 1}, draft.Position{Line: 2, Column: 3},
			" 1 | two", "   | ^~~ (to line 2)"},
		// Wide characters take two cells, combining marks none: the carets
		// still sit under the span in a terminal.
		{"東京 the the", draft.Position{Line: 1, Column: 4}, draft.Position{Line: 1, Column: 11},
			" 1 | 東京 the the", "   |      ^~~~~~~"},
		{"café the the", draft.Position{Line: 1, Column: 7}, draft.Position{Line: 1, Column: 14},
			" 1 | café the the", "   |      ^~~~~~~"},
		{"🗳️ the the", draft.Position{Line: 1, Column: 4}, draft.Position{Line: 1, Column: 11},
			" 1 | 🗳️ the the", "   |    ^~~~~~~"},
	}
	for _, tt := range tests {
		f := lint.Finding{Path: "p.md", Rule: "r", Severity: lint.Warning, Message: "m", Start: tt.start, End: tt.end}
		run := &reporter.Run{Files: 1, Results: []lint.FileResult{{Path: "p.md", Findings: []lint.Finding{f},
			Lines: map[int]string{1: tt.line}}}}
		got := strings.Split(report(t, reporter.Text{}, run), "\n")
		if len(got) < 3 || got[1] != tt.source || got[2] != tt.carets {
			t.Errorf("%q:\n%s\nwant\n%s\n%s", tt.line, strings.Join(got, "\n"), tt.source, tt.carets)
		}
	}
}

// TestTextDiffColors checks that a word diff is shown in color without
// its markers, and with its markers when color is off.
func TestTextDiffColors(t *testing.T) {
	const d = "grew by [-2-] {+3+} percent"
	run := &reporter.Run{Files: 1, Results: []lint.FileResult{{Path: "a.md", Findings: []lint.Finding{{
		Path: "a.md", Rule: "recycled-paragraph", Severity: lint.Warning, Message: "paragraph recycled",
		Related: []lint.Related{{Path: "old.md", Message: "earliest source", Diff: d}},
	}}}}}
	show := func(color bool) string {
		r, err := reporter.New("text", reporter.Options{Color: color})
		if err != nil {
			t.Fatal(err)
		}
		var buf bytes.Buffer
		if err := r.Report(&buf, run); err != nil {
			t.Fatal(err)
		}
		return buf.String()
	}
	on := show(true)
	if strings.Contains(on, "[-") || strings.Contains(on, "{+") {
		t.Errorf("colored diff keeps markers:\n%s", on)
	}
	if !strings.Contains(on, "\x1b[31;9m2\x1b[0;29m") || !strings.Contains(on, "\x1b[32;4m3\x1b[0;24m") {
		t.Errorf("colored diff lacks 2 red and struck out, 3 green and underlined:\n%q", on)
	}
	if off := show(false); !strings.Contains(off, d) {
		t.Errorf("plain output lacks the marked diff %q:\n%s", d, off)
	}
}
