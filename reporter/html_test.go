package reporter_test

import (
	"crypto/sha256"
	"encoding/base64"
	"fmt"
	"html"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/newslint/newslint/draft"
	"github.com/newslint/newslint/lint"
	"github.com/newslint/newslint/reporter"
)

// withText returns fullRun with each draft's text kept, as the command
// keeps it for the HTML reporter.
func withText(t *testing.T) *reporter.Run {
	run := fullRun(t)
	for i := range run.Results {
		switch run.Results[i].Path {
		case council.path:
			run.Results[i].Text = council.text
		case vote.path:
			run.Results[i].Text = vote.text
		}
	}
	return run
}

func TestHTMLGolden(t *testing.T) {
	golden(t, filepath.Join("testdata", "html.golden"), report(t, reporter.HTML{}, withText(t)))
}

func TestHTMLNew(t *testing.T) {
	r, err := reporter.New("html", reporter.Options{Color: true})
	if err != nil {
		t.Fatal(err)
	}
	nt, ok := r.(interface{ NeedsText() bool })
	if !ok || !nt.NeedsText() {
		t.Errorf("New(html) = %#v, which does not ask for the drafts' text", r)
	}
	if nt, ok := any(reporter.Text{}).(interface{ NeedsText() bool }); ok && nt.NeedsText() {
		t.Error("the text reporter asks for the drafts' text")
	}
}

// seg is a highlighted run of text in the page: its text, its severity
// class, the ids of the findings covering it (top first), and whether it
// is a zero-width marker.
type seg struct {
	text, sev, ids string
	point          bool
}

var (
	segRE   = regexp.MustCompile(`<a class="hl( zw)? s-(\w+)(?: x\d)?" href="#f\d+"[^>]*? data-f="([^"]*)">([^<]*)</a>`)
	lineRE  = regexp.MustCompile(`(?s)<div class="l" id="d(\d+)-L(\d+)" data-n="(\d+)">(.*?)</div>`)
	tagRE   = regexp.MustCompile(`<[^>]*>`)
	idRE    = regexp.MustCompile(` id="([^"]+)"`)
	hrefRE  = regexp.MustCompile(` href="#([^"]*)"`)
	spaceRE = regexp.MustCompile(`\s+`)
)

func segments(page string) []seg {
	var out []seg
	for _, m := range segRE.FindAllStringSubmatch(page, -1) {
		out = append(out, seg{text: html.UnescapeString(m[4]), sev: m[2], ids: m[3], point: m[1] != ""})
	}
	return out
}

// shownLines returns the text of each line the page shows for section d,
// tags stripped, by line number.
func shownLines(page string, d int) map[int]string {
	out := map[int]string{}
	for _, m := range lineRE.FindAllStringSubmatch(page, -1) {
		if m[1] == fmt.Sprint(d) {
			var n int
			fmt.Sscan(m[2], &n)
			out[n] = html.UnescapeString(tagRE.ReplaceAllString(m[4], ""))
		}
	}
	return out
}

// plain is the text of an HTML fragment, tags stripped and white space
// collapsed, as a browser shows a paragraph.
func plain(s string) string {
	return strings.TrimSpace(spaceRE.ReplaceAllString(html.UnescapeString(tagRE.ReplaceAllString(s, "")), " "))
}

// find places a finding on the only occurrence of needle in text, or a
// zero-width one at its start when point is set.
func find(t *testing.T, text, rule string, sev lint.Severity, needle string, point bool) lint.Finding {
	t.Helper()
	src := source{path: "d.md", text: text}
	f := src.finding(t, rule, sev, rule+" message", needle)
	if point {
		f.Span.End, f.End = f.Span.Start, f.Start
	}
	return f
}

func oneDraft(text string, fs ...lint.Finding) *reporter.Run {
	lint.SortFindings(fs)
	return &reporter.Run{Files: 1, Version: "test", Results: []lint.FileResult{{Path: "d.md", Findings: fs, Text: text}}}
}

// TestHTMLSegments checks how spans become highlighted runs: overlapping
// and nested spans split into runs each covered by a known set of
// findings, the most severe (then the innermost) giving the color, and
// zero-width findings become markers where they sit.
func TestHTMLSegments(t *testing.T) {
	const text = "alpha beta gamma delta\nepsilon zeta eta\n"
	tests := []struct {
		name string
		fs   func(t *testing.T) []lint.Finding
		want []seg
	}{
		{"none", func(*testing.T) []lint.Finding { return nil }, nil},
		{"one span", func(t *testing.T) []lint.Finding {
			return []lint.Finding{find(t, text, "r1", lint.Warning, "beta", false)}
		}, []seg{{"beta", "warning", "1", false}}},
		{"overlapping and nested", func(t *testing.T) []lint.Finding {
			return []lint.Finding{
				find(t, text, "r1", lint.Info, "alpha beta gamma", false),
				find(t, text, "r2", lint.Error, "beta gamma delta", false),
				find(t, text, "r3", lint.Warning, "gamma", false),
			}
		}, []seg{
			{"alpha ", "info", "1", false},
			{"beta ", "error", "2 1", false},
			{"gamma", "error", "2 1 3", false},
			{" delta", "error", "2", false},
		}},
		{"nested, same severity: innermost on top", func(t *testing.T) []lint.Finding {
			return []lint.Finding{
				find(t, text, "r1", lint.Warning, "alpha beta gamma", false),
				find(t, text, "r2", lint.Warning, "beta", false),
			}
		}, []seg{{"alpha ", "warning", "1", false}, {"beta", "warning", "2 1", false}, {" gamma", "warning", "1", false}}},
		{"adjacent spans do not merge", func(t *testing.T) []lint.Finding {
			return []lint.Finding{
				find(t, text, "r1", lint.Info, "alpha ", false),
				find(t, text, "r2", lint.Info, "beta", false),
			}
		}, []seg{{"alpha ", "info", "1", false}, {"beta", "info", "2", false}}},
		{"identical spans", func(t *testing.T) []lint.Finding {
			return []lint.Finding{
				find(t, text, "r1", lint.Info, "zeta", false),
				find(t, text, "r2", lint.Error, "zeta", false),
			}
		}, []seg{{"zeta", "error", "2 1", false}}},
		{"across a line break", func(t *testing.T) []lint.Finding {
			return []lint.Finding{find(t, text, "r1", lint.Error, "delta\nepsilon", false)}
		}, []seg{{"delta", "error", "1", false}, {"epsilon", "error", "1", false}}},
		{"zero-width inside a span", func(t *testing.T) []lint.Finding {
			return []lint.Finding{
				find(t, text, "r1", lint.Info, "alpha beta", false),
				find(t, text, "r2", lint.Error, "pha", true),
			}
		}, []seg{{"al", "info", "1", false}, {"", "error", "2", true}, {"pha beta", "info", "1", false}}},
		{"zero-width at a line end and a lone line break", func(t *testing.T) []lint.Finding {
			lone := find(t, text, "r3", lint.Error, "\nepsilon", false)
			lone.Span.End = lone.Span.Start + 1
			return []lint.Finding{
				find(t, text, "r1", lint.Warning, "\nepsilon", true),
				find(t, text, "r2", lint.Info, "eta\n", false),
				lone,
			}
		}, []seg{{"", "warning", "1", true}, {"", "error", "2", true}, {"eta", "info", "3", false}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			page := report(t, reporter.HTML{}, oneDraft(text, tt.fs(t)...))
			got := segments(page)
			if fmt.Sprint(got) != fmt.Sprint(tt.want) {
				t.Errorf("segments:\n got %+v\nwant %+v", got, tt.want)
			}
			// Highlighting never changes the text shown.
			lines := shownLines(page, 1)
			want := strings.Split(strings.TrimSuffix(text, "\n"), "\n")
			if len(lines) != len(want) {
				t.Fatalf("%d lines shown, want %d", len(lines), len(want))
			}
			for i, w := range want {
				if lines[i+1] != w {
					t.Errorf("line %d shows %q, want %q", i+1, lines[i+1], w)
				}
			}
			checkLinks(t, page)
		})
	}
}

// TestHTMLPointPlacement checks that a marker sits at its offset: the
// text before it on its line is the draft's text before the offset.
func TestHTMLPointPlacement(t *testing.T) {
	const text = "one two\nthree four\n"
	for _, off := range []int{0, 3, 7, 8, 13, 18, 19} {
		f := lint.Finding{Path: "d.md", Rule: "r", Severity: lint.Warning, Message: "m", Span: draft.Span{Start: off, End: off}}
		page := report(t, reporter.HTML{}, oneDraft(text, f))
		want := off
		if off == len(text) {
			want-- // after the final line break: shown at the end of the last line
		}
		lineStart := strings.LastIndexByte(text[:want], '\n') + 1
		n := strings.Count(text[:want], "\n") + 1
		m := regexp.MustCompile(`id="d1-L` + fmt.Sprint(n) + `" data-n="\d+">(.*?)<a class="hl zw`).FindStringSubmatch(page)
		if m == nil {
			t.Errorf("offset %d: no marker on line %d", off, n)
			continue
		}
		if got := html.UnescapeString(tagRE.ReplaceAllString(m[1], "")); got != text[lineStart:want] {
			t.Errorf("offset %d: marker after %q, want after %q", off, got, text[lineStart:want])
		}
	}
}

// TestHTMLEscaping puts markup everywhere a draft or a rule can put text.
func TestHTMLEscaping(t *testing.T) {
	const text = "Intro <script>alert('x')</script> & \"quotes\"\n<img src=x onerror=alert(1)> end\n"
	f := find(t, text, "rule<b>", lint.Error, "<script>alert('x')</script>", false)
	f.Message = `bad "<script>" & <i>markup</i>`
	f.Path = `d<"x">.md`
	f.Suggestions = []lint.Suggestion{{Old: "<script>", Text: "</textarea><script>"}}
	f.Related = []lint.Related{{Path: "<a href=x>", Message: "<style>", Diff: "a [-<b>-] {+<script>+} c"}}
	g := find(t, text, "r", lint.Info, "<img src=x onerror=alert(1)>", false)
	run := oneDraft(text, f, g)
	run.Results[0].Path = f.Path
	run.Version = "<v>"
	run.Rules = []lint.Meta{{ID: "rule<b>", Title: "<em>title</em>"}}
	page := report(t, reporter.HTML{}, run)

	for _, tag := range []string{"<script", "<style"} {
		if n := strings.Count(page, tag); n != 1 {
			t.Errorf("%d %s elements, want only the page's own", n, tag)
		}
	}
	for _, bad := range []string{"<img", "rule<b>", "<b>-", "<i>", "<em>", "<v>", `<a href=x>`, "</textarea>", "onerror=alert(1)>"} {
		if strings.Contains(page, bad) {
			t.Errorf("page contains unescaped %q", bad)
		}
	}
	for _, good := range []string{"&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;", "&lt;img src=x onerror=alert(1)&gt;",
		"&amp; &#34;quotes&#34;", "bad &#34;&lt;script&gt;&#34; &amp; &lt;i&gt;markup&lt;/i&gt;", "d&lt;&#34;x&#34;&gt;.md",
		"<del>&lt;b&gt;</del>", "<ins>&lt;script&gt;</ins>", ": &lt;style&gt;", "&lt;em&gt;title&lt;/em&gt;"} {
		if !strings.Contains(page, good) {
			t.Errorf("page lacks %q", good)
		}
	}
	if lines := shownLines(page, 1); lines[1] != "Intro <script>alert('x')</script> & \"quotes\"" {
		t.Errorf("line 1 shows %q", lines[1])
	}
}

// TestHTMLDiff checks a recycled paragraph's word diff side by side:
// deleted words only in the source's column, inserted only in the
// draft's.
func TestHTMLDiff(t *testing.T) {
	const text = "The budget grew by 3 percent, but slowly.\n"
	f := find(t, text, "recycled-paragraph", lint.Warning, "The budget grew by 3 percent, but slowly.", false)
	f.Related = []lint.Related{
		{Path: "archive/old.md", Pos: draft.Position{Line: 4, Column: 1}, Message: "earliest source",
			Diff: "The budget grew by [-2-] {+3+} percent, [-and-] {+but+} slowly.\n"},
		{Path: "archive/other.md", Pos: draft.Position{Line: 9, Column: 2}, Message: "no diff here"},
	}
	page := report(t, reporter.HTML{}, oneDraft(text, f))
	diffs := regexp.MustCompile(`(?s)<div class="diff".*?<div class="side old">(.*?)</div>\n<div class="side new">(.*?)</div>\n</div>`).FindAllStringSubmatch(page, -1)
	if len(diffs) != 1 {
		t.Fatalf("%d diffs, want 1 (a related location without a diff has none)", len(diffs))
	}
	old, new := diffs[0][1], diffs[0][2]
	body := func(side string) string { return side[strings.Index(side, "<p>"):] }
	if got, want := plain(body(old)), "The budget grew by 2 percent, and slowly."; got != want {
		t.Errorf("source column reads %q, want %q", got, want)
	}
	if got, want := plain(body(new)), "The budget grew by 3 percent, but slowly."; got != want {
		t.Errorf("draft column reads %q, want %q", got, want)
	}
	if !strings.Contains(old, "<del>2</del>") || !strings.Contains(old, "<del>and</del>") || strings.Contains(old, "<ins") {
		t.Errorf("source column: want 2 and \"and\" deleted, nothing inserted:\n%s", old)
	}
	if !strings.Contains(new, "<ins>3</ins>") || !strings.Contains(new, "<ins>but</ins>") || strings.Contains(new, "<del") {
		t.Errorf("draft column: want 3 and \"but\" inserted, nothing deleted:\n%s", new)
	}
	if !strings.Contains(old, "archive/old.md:4:1") || !strings.Contains(new, "d.md:1:1") {
		t.Errorf("columns are not labeled with their locations:\n%s\n%s", old, new)
	}
	if !strings.Contains(page, "archive/other.md:9:2</span>: no diff here") {
		t.Error("the related location without a diff is not listed")
	}

	// The same word wrapped differently is not a change a reader can see.
	f.Related = []lint.Related{{Path: "a.md", Diff: "rose [-by-]\n{+by+} 3 [-or-] {+and+} [-go-]{+gone+}"}}
	page = report(t, reporter.HTML{}, oneDraft(text, f))
	for _, want := range []string{"<p>rose by\n 3 <del>or</del>  <del>go</del></p>", "<p>rose by\n 3  <ins>and</ins> <ins>gone</ins></p>", `<span class="loc">a.md</span>`} {
		if !strings.Contains(page, want) {
			t.Errorf("page lacks %q:\n%s", want, page[strings.Index(page, `<div class="diff"`):])
		}
	}
}

func TestHTMLEmptyRun(t *testing.T) {
	page := report(t, reporter.HTML{}, emptyRun())
	for _, want := range []string{"No problems found.", "2 files checked", "<b>0</b> errors", "</html>\n"} {
		if !strings.Contains(page, want) {
			t.Errorf("empty run lacks %q", want)
		}
	}
	for _, not := range []string{`class="draft`, "By rule", `class="hl `} {
		if strings.Contains(page, not) {
			t.Errorf("empty run has %q", not)
		}
	}
	checkLinks(t, page)
}

// TestHTMLWithoutText checks the page for a run that did not keep the
// drafts' text: the lines findings start on, highlighted where the
// findings' positions place them, with gaps between them.
func TestHTMLWithoutText(t *testing.T) {
	page := report(t, reporter.HTML{}, fullRun(t))
	if !strings.Contains(page, "text was not kept") {
		t.Error("no note that the text was not kept")
	}
	lines := shownLines(page, 1)
	if len(lines) != 4 || lines[3] != council.line(3) || lines[5] != council.line(5) || lines[12] != council.line(12) {
		t.Errorf("city-council lines shown: %v", lines)
	}
	if strings.Count(page, `<div class="gap"`) != 4 {
		t.Errorf("%d gaps, want 4 (between lines 3, 5, 7, 12 and before 5 in the second draft)", strings.Count(page, `<div class="gap"`))
	}
	var texts []string
	for _, s := range segments(page) {
		texts = append(texts, s.text)
	}
	want := []string{"The the", "Zoe Müller", "The vote came after a long debate that stretched past", "in order to",
		"<b>", "The city’s budget grew by 3 percent, the same as last year."}
	if fmt.Sprint(texts) != fmt.Sprint(want) {
		t.Errorf("highlights %q\nwant %q", texts, want)
	}
	checkLinks(t, page)

	// Positions that disagree with the lines: shown, not highlighted.
	run := fullRun(t)
	run.Results[0].Findings[1].Span.Start = 0
	page = report(t, reporter.HTML{}, run)
	if lines := shownLines(page, 1); lines[5] != council.line(5) {
		t.Errorf("line 5 shows %q", lines[5])
	}
	if n := len(segments(page)); n != 2 {
		t.Errorf("%d highlights, want 2 (only in the second draft)", n)
	}
	checkLinks(t, page)
}

// checkLinks checks that the page's ids are unique and that every link
// inside it leads to one of them.
func checkLinks(t *testing.T, page string) {
	t.Helper()
	ids := map[string]bool{}
	for _, m := range idRE.FindAllStringSubmatch(page, -1) {
		if ids[m[1]] {
			t.Errorf("id %q used twice", m[1])
		}
		ids[m[1]] = true
	}
	for _, m := range hrefRE.FindAllStringSubmatch(page, -1) {
		if !ids[m[1]] {
			t.Errorf("link to #%s leads nowhere", m[1])
		}
	}
}

// TestHTMLPage checks the page as a whole: self-contained, its links
// resolve, every finding explained and highlighted, and its content
// security policy allows exactly its own style and script.
func TestHTMLPage(t *testing.T) {
	page := report(t, reporter.HTML{}, withText(t))
	checkLinks(t, page)
	for _, ext := range []string{"http:", "https:", "src=", "url(", "@import", "//fonts"} {
		if strings.Contains(page, ext) {
			t.Errorf("page refers to something outside it: %q", ext)
		}
	}
	for i := 1; i <= 6; i++ {
		if !strings.Contains(page, fmt.Sprintf(`id="f%d"`, i)) {
			t.Errorf("finding %d not explained", i)
		}
		if !strings.Contains(page, fmt.Sprintf(`id="h%d"`, i)) {
			t.Errorf("finding %d not highlighted", i)
		}
	}
	for _, want := range []string{"<b>2</b> errors", "<b>2</b> warnings", "<b>2</b> info", "3 files checked",
		`<a href="#d2">drafts/q&amp;a: vote, 2024.md</a>`, `<span class="title">Repeated word</span>`,
		"<code class=\"old\">Zoe</code> <span aria-label=\"becomes\">→</span> <code class=\"new\">Zoë</code>"} {
		if !strings.Contains(page, want) {
			t.Errorf("page lacks %q", want)
		}
	}
	inline := func(tag string) string {
		m := regexp.MustCompile(`(?s)<` + tag + `>(.*?)</` + tag + `>`).FindStringSubmatch(page)
		if m == nil {
			t.Fatalf("no <%s>", tag)
		}
		sum := sha256.Sum256([]byte(m[1]))
		return "'sha256-" + base64.StdEncoding.EncodeToString(sum[:]) + "'"
	}
	csp := "default-src 'none'; style-src " + inline("style") + "; script-src " + inline("script")
	if !strings.Contains(page, `content="`+csp+`"`) {
		t.Errorf("no content security policy %q", csp)
	}
}

// BenchmarkHTML writes a large draft (10,000 lines, a finding on each)
// to measure that the work grows with the text, not its square.
func BenchmarkHTML(b *testing.B) {
	var sb strings.Builder
	var fs []lint.Finding
	for i := range 10000 {
		start := sb.Len()
		sb.WriteString("A line of a long draft with a doubled the the word in it.\n")
		at := start + strings.Index("A line of a long draft with a doubled the the word in it.", "the the")
		fs = append(fs, lint.Finding{Path: "big.md", Rule: "repeated-word", Severity: lint.Severity(1 + i%3),
			Message: "repeated word", Span: draft.Span{Start: at, End: at + 7}})
	}
	run := oneDraft(sb.String(), fs...)
	b.ResetTimer()
	for b.Loop() {
		if err := (reporter.HTML{}).Report(discard{}, run); err != nil {
			b.Fatal(err)
		}
	}
}

type discard struct{}

func (discard) Write(p []byte) (int, error) { return len(p), nil }
