package reporter

import (
	"fmt"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/newslint/newslint/lint"
)

// source writes the text of Results[i], line by line with line numbers and
// its findings' spans highlighted, and returns which findings it
// highlighted. Without the draft's text it writes the lines findings start
// on (FileResult.Lines) instead.
func (p *htmlPage) source(i int) []bool {
	res := &p.run.Results[i]
	h := &highlighter{p: p, fs: res.Findings, base: p.base[i], file: i + 1, seen: make([]bool, len(res.Findings))}
	p.printf("<div class=\"src\" role=\"region\" aria-label=\"Text of %s\">\n", esc(res.Path))
	if res.Text != "" {
		h.events = textEvents(res.Findings, res.Text)
		text := res.Text
		for n, start := 1, 0; ; n++ {
			end := strings.IndexByte(text[start:], '\n')
			if end < 0 {
				h.line(n, start, text[start:])
				break
			}
			h.line(n, start, text[start:start+end])
			if start += end + 1; start == len(text) {
				break
			}
		}
	} else {
		p.WriteString("<p class=\"partial\">The draft's text was not kept, so only the lines findings start on are shown.</p>\n")
		lines, placed := contextLines(res)
		if placed {
			h.events = spanEvents(res.Findings)
		}
		for k, l := range lines {
			if k > 0 && l.n > lines[k-1].n+1 {
				p.WriteString("<div class=\"gap\" aria-hidden=\"true\">⋯</div>\n")
			}
			h.line(l.n, l.start, l.text)
		}
	}
	p.WriteString("</div>\n")
	return h.seen
}

// Kinds of hlEvent, in the order events at one offset apply: a span that
// ends where another starts is closed first.
const (
	evEnd = iota
	evPoint
	evStart
)

// hlEvent is where a finding's highlight starts or ends, or where a
// zero-width finding sits (evPoint).
type hlEvent struct {
	off  int
	kind int
	f    int // index into the file's findings
}

// textEvents returns the events of findings in text, spans clamped to it;
// a span of nothing but a line break is shown as a point where it starts.
func textEvents(fs []lint.Finding, text string) []hlEvent {
	evs := make([]hlEvent, 0, 2*len(fs))
	for j, f := range fs {
		s := min(max(f.Span.Start, 0), len(text))
		e := min(max(f.Span.End, s), len(text))
		if e > s && strings.Trim(text[s:e], "\r\n") == "" {
			e = s
		}
		if e == s {
			// After a final line break there is no line to show a point on.
			if s == len(text) && s > 0 && text[s-1] == '\n' {
				s--
			}
			evs = append(evs, hlEvent{s, evPoint, j})
			continue
		}
		evs = append(evs, hlEvent{s, evStart, j}, hlEvent{e, evEnd, j})
	}
	sortEvents(evs)
	return evs
}

// spanEvents returns the events of findings' spans as they are.
func spanEvents(fs []lint.Finding) []hlEvent {
	evs := make([]hlEvent, 0, 2*len(fs))
	for j, f := range fs {
		if f.Span.End <= f.Span.Start {
			evs = append(evs, hlEvent{f.Span.Start, evPoint, j})
			continue
		}
		evs = append(evs, hlEvent{f.Span.Start, evStart, j}, hlEvent{f.Span.End, evEnd, j})
	}
	sortEvents(evs)
	return evs
}

func sortEvents(evs []hlEvent) {
	sort.Slice(evs, func(a, b int) bool {
		x, y := evs[a], evs[b]
		if x.off != y.off {
			return x.off < y.off
		}
		if x.kind != y.kind {
			return x.kind < y.kind
		}
		return x.f < y.f
	})
}

// srcLine is a line of a draft: its number, the byte offset where it
// starts and its text without the line break.
type srcLine struct {
	n, start int
	text     string
}

// contextLines returns the lines of FileResult.Lines in order, placed at
// offsets worked out from the findings that start on them. placed is
// false when the positions disagree with the lines (they cannot then be
// highlighted).
func contextLines(res *lint.FileResult) (lines []srcLine, placed bool) {
	at := map[int]int{}
	for _, f := range res.Findings {
		if _, ok := at[f.Start.Line]; ok {
			continue
		}
		line, ok := res.Lines[f.Start.Line]
		col := f.Start.Column - 1
		if !ok || col < 0 || col > utf8.RuneCountInString(line) {
			continue
		}
		prefix := len(string([]rune(line)[:col]))
		at[f.Start.Line] = f.Span.Start - prefix
	}
	placed = true
	for n, text := range res.Lines {
		start, ok := at[n]
		if !ok || start < 0 {
			placed = false
		}
		lines = append(lines, srcLine{n: n, start: start, text: text})
	}
	sort.Slice(lines, func(a, b int) bool { return lines[a].n < lines[b].n })
	for k := 1; k < len(lines); k++ {
		if lines[k].start <= lines[k-1].start+len(lines[k-1].text) {
			placed = false
		}
	}
	return lines, placed
}

// highlighter writes a draft's lines with its findings' spans marked. It
// sweeps the events in offset order, keeping the findings whose spans
// cover the current offset (active), and cuts each line into segments
// where that set changes, so that overlapping and nested spans become
// runs of text each covered by a known set of findings.
type highlighter struct {
	p      *htmlPage
	fs     []lint.Finding
	base   int // page id of fs[0] less one
	file   int // section number
	events []hlEvent
	next   int
	active []int
	seen   []bool // the finding has an anchor ("h" + id) on the page
}

// line writes line n, which starts at byte offset start.
func (h *highlighter) line(n, start int, text string) {
	h.p.printf("<div class=\"l\" id=\"d%d-L%d\" data-n=\"%d\">", h.file, n, n)
	// Events on lines not shown (only without the draft's text).
	for h.next < len(h.events) && h.events[h.next].off < start {
		h.apply(h.events[h.next], false)
		h.next++
	}
	cur, end := start, start+len(text)
	for h.next < len(h.events) && h.events[h.next].off <= end {
		ev := h.events[h.next]
		if ev.off > cur {
			h.segment(text[cur-start : ev.off-start])
			cur = ev.off
		}
		h.apply(ev, true)
		h.next++
	}
	if cur < end {
		h.segment(text[cur-start:])
	}
	h.p.WriteString("</div>\n")
}

func (h *highlighter) apply(ev hlEvent, visible bool) {
	switch ev.kind {
	case evStart:
		h.active = append(h.active, ev.f)
	case evEnd:
		for k, f := range h.active {
			if f == ev.f {
				h.active = append(h.active[:k], h.active[k+1:]...)
				break
			}
		}
	case evPoint:
		if visible {
			h.point(ev.f)
		}
	}
}

// top returns the active finding a segment shows: the most severe, then
// the innermost.
func (h *highlighter) top() int {
	best := h.active[0]
	for _, f := range h.active[1:] {
		a, b := &h.fs[f], &h.fs[best]
		switch {
		case a.Severity != b.Severity:
			if a.Severity > b.Severity {
				best = f
			}
		case a.Span.Len() != b.Span.Len():
			if a.Span.Len() < b.Span.Len() {
				best = f
			}
		case a.Span.Start > b.Span.Start:
			best = f
		}
	}
	return best
}

// segment writes text covered by the active findings.
func (h *highlighter) segment(text string) {
	p := h.p
	if len(h.active) == 0 {
		p.text(text)
		return
	}
	top := h.top()
	// Anchors for findings that start here under another's highlight.
	for _, f := range h.active {
		if f != top && !h.seen[f] {
			h.seen[f] = true
			p.printf("<span id=\"h%d\"></span>", h.base+f+1)
		}
	}
	cls := "hl " + sevClass(h.fs[top].Severity)
	if len(h.active) > 1 {
		cls += fmt.Sprintf(" x%d", min(len(h.active), 3))
	}
	p.printf("<a class=\"%s\" href=\"#f%d\"", cls, h.base+top+1)
	if !h.seen[top] {
		h.seen[top] = true
		p.printf(" id=\"h%d\"", h.base+top+1)
	} else {
		p.WriteString(" tabindex=\"-1\"")
	}
	p.WriteString(" title=\"")
	order := append([]int{top}, h.active...)
	ids := make([]string, 0, len(h.active))
	for k, f := range order {
		if k > 0 && f == top {
			continue
		}
		if len(ids) > 0 {
			p.WriteString("\n")
		}
		p.text(describe(&h.fs[f]))
		ids = append(ids, itoa(h.base+f+1))
	}
	p.WriteString("\" data-f=\"" + strings.Join(ids, " ") + "\">")
	p.text(text)
	p.WriteString("</a>")
}

// point writes the marker of a zero-width finding.
func (h *highlighter) point(f int) {
	h.seen[f] = true
	d := esc(describe(&h.fs[f]))
	id := h.base + f + 1
	h.p.printf("<a class=\"hl zw %s\" href=\"#f%d\" id=\"h%d\" title=\"%s\" aria-label=\"%s\" data-f=\"%d\"></a>",
		sevClass(h.fs[f].Severity), id, id, d, d, id)
}

// describe is a finding's tooltip.
func describe(f *lint.Finding) string {
	return clampSeverity(f.Severity).String() + " " + f.Rule + ": " + f.Message
}
