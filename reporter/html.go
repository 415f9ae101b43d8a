package reporter

import (
	"bufio"
	"crypto/sha256"
	_ "embed"
	"encoding/base64"
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"

	"github.com/newslint/newslint/lint"
	"github.com/newslint/newslint/reuse"
)

// HTML writes one self-contained page for people to read in a browser: a
// summary by rule and by file, then each draft in full with every
// finding's span highlighted in place and explained below it, and word
// diffs of recycled paragraphs side by side. The page loads nothing (its
// style and script are inline, and its content security policy forbids
// anything else) and reads without JavaScript, which only adds a panel
// that a click on a highlight pins open.
type HTML struct{}

// NeedsText reports that the page shows whole drafts, so a run keeps each
// draft's text (lint.FileResult.Text) for it. Without the text the page
// shows the lines findings start on (lint.FileResult.Lines).
func (HTML) NeedsText() bool { return true }

//go:embed html.css
var htmlCSS string

//go:embed html.js
var htmlJS string

// htmlEscaper escapes text for HTML element content and quoted attribute
// values, and drops carriage returns, which a page shows as nothing.
var htmlEscaper = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&#34;", "'", "&#39;", "\r", "")

// htmlPage is one report being written.
type htmlPage struct {
	w   *bufio.Writer
	run *Run
	// base[i] is the id of Results[i]'s first finding less one: finding j
	// of file i is "f" + base[i]+j+1 on the page.
	base []int
	// files maps a path to its section's index, for links to related
	// locations in other drafts of the run.
	files  map[string]int
	titles map[string]string
	total  [lint.Error + 1]int
	byFile [][lint.Error + 1]int
	rules  []ruleCount
}

// ruleCount is one row of the summary by rule.
type ruleCount struct {
	id    string
	count [lint.Error + 1]int
	first int // id of the rule's first finding
}

func (r ruleCount) total() int { return r.count[0] + r.count[1] + r.count[2] + r.count[3] }

func (r ruleCount) worst() lint.Severity {
	for s := lint.Error; s > lint.Off; s-- {
		if r.count[s] > 0 {
			return s
		}
	}
	return lint.Off
}

// Report writes the page.
func (HTML) Report(w io.Writer, run *Run) error {
	p := newHTMLPage(bufio.NewWriter(w), run)
	p.head()
	p.summary()
	for i := range run.Results {
		p.file(i)
	}
	p.WriteString("</main>\n<footer class=\"wrap\">Written by newslint " + esc(run.Version) +
		". This page is self-contained: it loads nothing and works offline.</footer>\n")
	p.WriteString("<script>" + htmlJS + "</script>\n</body>\n</html>\n")
	return p.w.Flush()
}

// WriteString writes s unescaped.
func (p *htmlPage) WriteString(s string) { p.w.WriteString(s) }

// text writes s escaped.
func (p *htmlPage) text(s string) { htmlEscaper.WriteString(p.w, s) }

func (p *htmlPage) printf(format string, args ...any) { fmt.Fprintf(p.w, format, args...) }

func esc(s string) string { return htmlEscaper.Replace(s) }

func newHTMLPage(w *bufio.Writer, run *Run) *htmlPage {
	p := &htmlPage{w: w, run: run, files: map[string]int{}, titles: map[string]string{}}
	for _, m := range run.Rules {
		p.titles[m.ID] = m.Title
	}
	rules := map[string]*ruleCount{}
	n := 0
	for i, res := range run.Results {
		p.files[res.Path] = i
		p.base = append(p.base, n)
		var counts [lint.Error + 1]int
		for _, f := range res.Findings {
			n++
			s := clampSeverity(f.Severity)
			counts[s]++
			p.total[s]++
			rc := rules[f.Rule]
			if rc == nil {
				rc = &ruleCount{id: f.Rule, first: n}
				rules[f.Rule] = rc
			}
			rc.count[s]++
		}
		p.byFile = append(p.byFile, counts)
	}
	for _, rc := range rules {
		p.rules = append(p.rules, *rc)
	}
	sort.Slice(p.rules, func(i, j int) bool {
		a, b := p.rules[i], p.rules[j]
		switch {
		case a.worst() != b.worst():
			return a.worst() > b.worst()
		case a.total() != b.total():
			return a.total() > b.total()
		}
		return a.id < b.id
	})
	return p
}

// sevCount is "1 error", "2 errors", "2 info".
func sevCount(n int, s lint.Severity) string {
	if s == lint.Info {
		return fmt.Sprintf("%d info", n)
	}
	return plural(n, s.String())
}

func clampSeverity(s lint.Severity) lint.Severity { return min(max(s, lint.Off), lint.Error) }

// sevClass is the CSS class of a severity.
func sevClass(s lint.Severity) string { return "s-" + clampSeverity(s).String() }

// cspHash is a content security policy source for an inline script or
// style.
func cspHash(s string) string {
	sum := sha256.Sum256([]byte(s))
	return "'sha256-" + base64.StdEncoding.EncodeToString(sum[:]) + "'"
}

func (p *htmlPage) head() {
	run := p.run
	title := "newslint report: " + plural(run.Files, "file") + " checked"
	p.WriteString("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
	p.WriteString("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
	// The policy allows this page's own style and script and nothing
	// else: no network, and no script a draft could smuggle in.
	p.WriteString("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src " +
		cspHash(htmlCSS) + "; script-src " + cspHash(htmlJS) + "\">\n")
	p.WriteString("<meta name=\"generator\" content=\"newslint " + esc(run.Version) + "\">\n")
	p.WriteString("<title>" + esc(title) + "</title>\n<style>" + htmlCSS + "</style>\n</head>\n<body>\n")
	p.WriteString("<a class=\"skip\" href=\"#drafts\">Skip to the drafts</a>\n")
	p.WriteString("<header class=\"top\"><div class=\"wrap\">\n<h1><span class=\"logo\" aria-hidden=\"true\">nl</span> newslint report</h1>\n")
	p.WriteString("<p class=\"meta\">newslint " + esc(run.Version) + " · " + plural(run.Files, "file") + " checked")
	if run.Unchecked > 0 {
		p.printf(" · %d not checked (reasons on standard error)", run.Unchecked)
	}
	p.printf(" · %s with findings</p>\n", plural(len(run.Results), "draft"))
	p.WriteString("<ul class=\"totals\">")
	for _, s := range []lint.Severity{lint.Error, lint.Warning, lint.Info} {
		n, noun, _ := strings.Cut(sevCount(p.total[s], s), " ")
		p.printf("<li class=\"%s\"><b>%s</b> %s</li>", sevClass(s), n, noun)
	}
	p.WriteString("</ul>\n</div></header>\n<main class=\"wrap\">\n")
}

// summary writes the tables by rule and by file.
func (p *htmlPage) summary() {
	if len(p.run.Results) == 0 {
		p.WriteString("<p class=\"clean\" id=\"drafts\">No problems found.</p>\n")
		return
	}
	p.WriteString("<section class=\"summary\" aria-label=\"Summary\">\n<div class=\"card\">\n<h2>By rule</h2>\n")
	p.WriteString("<table class=\"tbl\">\n<thead><tr><th scope=\"col\">Rule</th><th scope=\"col\">Severity</th><th scope=\"col\" class=\"num\">Findings</th></tr></thead>\n<tbody>\n")
	for _, r := range p.rules {
		p.printf("<tr><td><a href=\"#f%d\"><code>%s</code></a>", r.first, esc(r.id))
		if t := p.titles[r.id]; t != "" {
			p.WriteString("<span class=\"title\">" + esc(t) + "</span>")
		}
		p.WriteString("</td><td>")
		for s := lint.Error; s >= lint.Off; s-- {
			if r.count[s] > 0 {
				p.printf("<span class=\"badge %s\">%s</span>", sevClass(s), s)
			}
		}
		p.printf("</td><td class=\"num\">%d</td></tr>\n", r.total())
	}
	p.WriteString("</tbody>\n</table>\n</div>\n<div class=\"card\">\n<h2>By file</h2>\n")
	p.WriteString("<table class=\"tbl\">\n<thead><tr><th scope=\"col\">File</th><th scope=\"col\" class=\"num\">Errors</th><th scope=\"col\" class=\"num\">Warnings</th><th scope=\"col\" class=\"num\">Info</th></tr></thead>\n<tbody>\n")
	for i, res := range p.run.Results {
		c := p.byFile[i]
		p.printf("<tr><td class=\"file\"><a href=\"#d%d\">%s</a></td>", i+1, esc(res.Path))
		for _, s := range []lint.Severity{lint.Error, lint.Warning, lint.Info} {
			if c[s] == 0 {
				p.WriteString("<td class=\"num zero\">0</td>")
			} else {
				p.printf("<td class=\"num %s\">%d</td>", sevClass(s), c[s])
			}
		}
		p.WriteString("</tr>\n")
	}
	p.WriteString("</tbody>\n</table>\n</div>\n</section>\n")
	p.WriteString("<p class=\"legend\" id=\"drafts\">Highlights: <span class=\"hl s-error\">error</span> <span class=\"hl s-warning\">warning</span> <span class=\"hl s-info\">info</span> <span class=\"hl zw s-warning\"></span> a point between characters. Hover over a highlight to read its message; select it (click, or Tab then Enter) for the full explanation.</p>\n")
}

// file writes the section of Results[i]: its text with highlights and its
// findings explained.
func (p *htmlPage) file(i int) {
	res := &p.run.Results[i]
	c := p.byFile[i]
	p.printf("<section class=\"draft card\" id=\"d%d\" aria-labelledby=\"d%d-h\">\n", i+1, i+1)
	p.printf("<h2 id=\"d%d-h\"><span class=\"path\">%s</span> <span class=\"counts\">", i+1, esc(res.Path))
	for _, s := range []lint.Severity{lint.Error, lint.Warning, lint.Info} {
		if c[s] > 0 {
			p.printf("<span class=\"badge %s\">%s</span>", sevClass(s), sevCount(c[s], s))
		}
	}
	p.WriteString("</span></h2>\n")
	shown := p.source(i)
	p.printf("<h3 class=\"sr\">Findings in %s</h3>\n<ol class=\"findings\">\n", esc(res.Path))
	for j := range res.Findings {
		p.finding(i, j, shown[j])
	}
	p.WriteString("</ol>\n</section>\n")
}

// finding writes the explanation of finding j of Results[i]; shown says
// whether the text above highlights it (and so has its anchor).
func (p *htmlPage) finding(i, j int, shown bool) {
	f := &p.run.Results[i].Findings[j]
	id := p.base[i] + j + 1
	p.printf("<li class=\"finding %s\" id=\"f%d\" data-f=\"%d\">\n<div class=\"fh\"><span class=\"badge %s\">%s</span> <code class=\"rule\">%s</code>",
		sevClass(f.Severity), id, id, sevClass(f.Severity), clampSeverity(f.Severity), esc(f.Rule))
	if t := p.titles[f.Rule]; t != "" {
		p.WriteString(" <span class=\"title\">" + esc(t) + "</span>")
	}
	pos := fmt.Sprintf("line %d, column %d", f.Start.Line, f.Start.Column)
	if shown {
		p.printf(" <a class=\"pos\" href=\"#h%d\">%s</a>", id, pos)
	} else {
		p.WriteString(" <span class=\"pos\">" + pos + "</span>")
	}
	p.WriteString("</div>\n<p class=\"msg\">" + esc(f.Message) + "</p>\n")
	if len(f.Suggestions) > 0 {
		p.WriteString("<ul class=\"sugg\" aria-label=\"Suggestions\">")
		for _, s := range f.Suggestions {
			p.WriteString("<li>")
			if s.Old == "" {
				p.WriteString("<span class=\"none\">insert</span>")
			} else {
				p.WriteString("<code class=\"old\">" + esc(visible(s.Old)) + "</code>")
			}
			p.WriteString(" <span aria-label=\"becomes\">→</span> ")
			if s.Text == "" {
				p.WriteString("<span class=\"none\">delete</span>")
			} else {
				p.WriteString("<code class=\"new\">" + esc(visible(s.Text)) + "</code>")
			}
			if s.Safe {
				p.WriteString(" <span class=\"safe\" title=\"newslint --fix applies this edit\">safe fix</span>")
			}
			p.WriteString("</li>")
		}
		p.WriteString("</ul>\n")
	}
	for _, r := range f.Related {
		p.related(f, r)
	}
	p.WriteString("</li>\n")
}

// visible shows line breaks, tabs and spaces at either end in a
// suggestion's text.
func visible(s string) string {
	core := strings.Trim(s, " ")
	lead := strings.Repeat("␣", strings.Index(s, core))
	trail := strings.Repeat("␣", len(s)-len(lead)/len("␣")-len(core))
	if core == "" {
		lead, trail = strings.Repeat("␣", len(s)), ""
	}
	return lead + strings.NewReplacer("\r\n", "↵", "\n", "↵", "\t", "⇥").Replace(core) + trail
}

// related writes a related location, and a word diff side by side when
// it has one: the source's text on the left with the words the draft
// dropped, the draft's on the right with the words it added.
func (p *htmlPage) related(f *lint.Finding, r lint.Related) {
	loc := r.Path
	if r.Pos.Line > 0 {
		loc = fmt.Sprintf("%s:%d:%d", r.Path, r.Pos.Line, r.Pos.Column)
	}
	p.WriteString("<div class=\"rel\"><p><span class=\"note\">Related</span> ")
	if k, ok := p.files[r.Path]; ok && p.run.Results[k].Text != "" && r.Pos.Line > 0 {
		p.printf("<a href=\"#d%d-L%d\">%s</a>", k+1, r.Pos.Line, esc(loc))
	} else {
		p.WriteString("<span class=\"loc\">" + esc(loc) + "</span>")
	}
	if r.Message != "" {
		p.WriteString(": " + esc(r.Message))
	}
	p.WriteString("</p>\n")
	if r.Diff != "" {
		spans := foldSpaceChanges(reuse.ParseDiff(r.Diff))
		p.WriteString("<div class=\"diff\" role=\"group\" aria-label=\"Word diff\">\n")
		p.printf("<div class=\"side old\"><div class=\"sh\">Earlier text <span class=\"loc\">%s</span></div><p>", esc(loc))
		p.diffSide(spans, -1)
		p.printf("</p></div>\n<div class=\"side new\"><div class=\"sh\">This draft <span class=\"loc\">%s:%d:%d</span></div><p>",
			esc(f.Path), f.Start.Line, f.Start.Column)
		p.diffSide(spans, 1)
		p.WriteString("</p></div>\n</div>\n")
	}
	p.WriteString("</div>\n")
}

// foldSpaceChanges turns a deletion followed by an insertion of the same
// words, spaced differently (a line wrapped elsewhere), into shared text:
// a page collapses white space, so marking it would show a change no one
// can see.
func foldSpaceChanges(spans []reuse.DiffSpan) []reuse.DiffSpan {
	out := spans[:0:0]
	for i := 0; i < len(spans); i++ {
		s := spans[i]
		if s.Op == -1 {
			j := i + 1
			if j < len(spans) && spans[j].Op == 0 && strings.TrimSpace(spans[j].Text) == "" {
				j++
			}
			if j < len(spans) && spans[j].Op == 1 && strings.Join(strings.Fields(s.Text), " ") == strings.Join(strings.Fields(spans[j].Text), " ") {
				out = append(out, reuse.DiffSpan{Text: spans[j].Text})
				if j > i+1 {
					out = append(out, spans[i+1])
				}
				i = j
				continue
			}
		}
		out = append(out, s)
	}
	return out
}

// diffSide writes one side of a word diff: the text both sides share and
// the parts only this side has (op -1 the source, 1 the draft), marked.
func (p *htmlPage) diffSide(spans []reuse.DiffSpan, op int) {
	for _, s := range spans {
		switch s.Op {
		case 0:
			p.text(s.Text)
		case op:
			tag := "ins"
			if op < 0 {
				tag = "del"
			}
			p.WriteString("<" + tag + ">")
			p.text(s.Text)
			p.WriteString("</" + tag + ">")
		}
	}
}

// itoa is strconv.Itoa, short for the writers.
func itoa(n int) string { return strconv.Itoa(n) }
