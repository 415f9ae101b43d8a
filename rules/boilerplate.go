package rules

import (
	"fmt"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/newslint/newslint/boilerplate"
	"github.com/newslint/newslint/draft"
	"github.com/newslint/newslint/lint"
	"github.com/newslint/newslint/reuse"
)

// BoilerplateOptions configures boilerplate.
type BoilerplateOptions struct {
	Phrases       []string `yaml:"phrases" doc:"the chrome phrases to flag, replacing the built-in English and Spanish lists when set: an optional kind (paywall, sign-in, app, newsletter, related, share, cookie, rights, ad), then words separated by spaces, alternatives with |, optional words in [ ], # for a number and ... for any words; without ... at its end a phrase must be the whole line, as in \"related: our picks\" or \"paywall: subscribe to read ...\""`
	ExtraPhrases  []string `yaml:"extra_phrases" doc:"more chrome phrases to flag besides the lists"`
	RepeatedLines bool     `yaml:"repeated_lines" doc:"flag a short line (two words or more, no final period) that repeats the line before it, as a site name pasted twice"`
	MaxWords      int      `yaml:"max_words" doc:"the longest line, in words, that can be chrome (a rights line may be twice as long)"`
	MinDocs       int      `yaml:"min_docs" doc:"learned template text: a paragraph found in at least this many archived articles (a footer, an author bio, a disclaimer) is reported as boilerplate, not as recycled"`
	MinShare      float64  `yaml:"min_share" doc:"and in at least this share of them"`
}

// BoilerplateRule flags web page chrome pasted into a story.
type BoilerplateRule struct {
	m        *boilerplate.Matcher
	repeated bool
	minDocs  int
	minShare float64
}

// defaultBoilerplate is the rule at its default options, built once.
var defaultBoilerplate = sync.OnceValue(func() BoilerplateRule {
	r, err := BoilerplateRule{}.WithOptions(BoilerplateRule{}.DefaultOptions())
	if err != nil {
		panic(err) // the built-in lists are tested
	}
	return r.(BoilerplateRule)
})

// Meta describes the rule.
func (BoilerplateRule) Meta() lint.Meta {
	return lint.Meta{
		ID:    "boilerplate",
		Title: "web page text pasted into a story",
		Doc: "Flags lines of web page chrome pasted into a story with its text: subscription, paywall, sign-in, " +
			"app and newsletter prompts, related-story labels (Related stories, Most read, Our picks), share " +
			"buttons, cookie notices, rights lines (© ... All rights reserved), advertising labels, agency photo " +
			"credits (JANE DOE/Getty Images, Photo: AP, Foto: EFE) and a short line repeated on the next line. " +
			"Only whole short lines are flagged, never a phrase inside a sentence, and never a line that opens " +
			"with a quotation mark or reports speech. English and Spanish phrases are always used. Block " +
			"quotations and table cells are skipped. The suggestion deletes the line. With an archive, a " +
			"paragraph found in min_docs or more archived articles (and min_share of them) is learned template " +
			"text, a footer, bio or disclaimer, and reported here rather than as a recycled paragraph.",
		Severity:   lint.Error,
		Supersedes: []string{"recycled-paragraph"},
		Bad:        "The ferry will run twice a day from June.\nSign up to read this article",
		Good:       "The ferry will run twice a day from June.",
	}
}

// DefaultOptions returns the default options.
func (BoilerplateRule) DefaultOptions() any {
	return &BoilerplateOptions{RepeatedLines: true, MaxWords: boilerplate.DefaultMaxWords, MinDocs: templateMinDocs, MinShare: templateMinShare}
}

// WithOptions returns the rule configured with opts.
func (BoilerplateRule) WithOptions(opts any) (lint.Rule, error) {
	o := opts.(*BoilerplateOptions)
	list := boilerplate.Builtin()
	if len(o.Phrases) > 0 {
		list = o.Phrases
	}
	patterns, err := boilerplate.ParsePatterns(list)
	if err != nil {
		return nil, fmt.Errorf("phrases: %w", err)
	}
	extra, err := boilerplate.ParsePatterns(o.ExtraPhrases)
	if err != nil {
		return nil, fmt.Errorf("extra_phrases: %w", err)
	}
	m, err := boilerplate.NewMatcher(append(patterns, extra...), o.MaxWords)
	if err != nil {
		return nil, err
	}
	if o.MinDocs < 2 {
		return nil, fmt.Errorf("min_docs: %d is too few; a paragraph in fewer than 2 articles is not a template", o.MinDocs)
	}
	if o.MinShare < 0 || o.MinShare > 1 {
		return nil, fmt.Errorf("min_share: %v is not a share between 0 and 1", o.MinShare)
	}
	return BoilerplateRule{m: m, repeated: o.RepeatedLines, minDocs: o.MinDocs, minShare: o.MinShare}, nil
}

// chromeLine is a line of a paragraph's text: [start, end) in Text.
type chromeLine struct {
	start, end int
	whole      bool // the line starts and ends a unit of text, not a wrapped piece of a sentence
	chrome     bool
}

// Check reports each chrome line.
func (r BoilerplateRule) Check(p *lint.Pass) {
	if r.m == nil {
		r = defaultBoilerplate()
	}
	footers := htmlFooters(p.Doc)
	chrome := map[int]bool{} // paragraphs with a chrome line
	defer func() { r.templates(p, chrome) }()
	var prev string // the last whole line of the paragraph before, for repeats
	for pi := range p.Doc.Paragraphs {
		para := &p.Doc.Paragraphs[pi]
		// A block quotation is someone's words, quoted on purpose; a table
		// cell is data, and repeats down a column; an HTML page's own
		// <footer> is its furniture, not text pasted into the story.
		if para.Quote || para.Kind == draft.BlockTableCell || inside(footers, para.Span.Start) {
			prev = ""
			continue
		}
		lines := splitLines(para.Text)
		for li := range lines {
			ln := &lines[li]
			text := para.Text[ln.start:ln.end]
			ends := endsUnit(para.Text, lines, li)
			ln.whole = ends && startsUnit(para.Text, lines, li)
			// A credit in a figure caption is where a credit belongs.
			if m, ok := r.line(text, ln.whole); ok && !(m.Kind == boilerplate.PhotoCredit && para.Kind == draft.BlockCaption) {
				ln.chrome, chrome[pi] = true, true
				whole := strings.TrimSpace(text[:m.Start]) == "" && strings.TrimSpace(text[m.End:]) == ""
				r.report(p, pi, ln.start+m.Start, ln.start+m.End, m.Kind, whole)
			} else if r.repeated && ends && prev != "" && para.Kind != draft.BlockListItem && r.m.Repeats(prev, text) {
				// The line before was whole, and this one repeats it: a
				// site name pasted twice, even on one Markdown paragraph's
				// two lines.
				ln.whole, ln.chrome, chrome[pi] = true, true, true
				r.report(p, pi, ln.start, ln.end, boilerplate.Repeated, true)
			}
			prev = ""
			if ln.whole {
				prev = text
			}
		}
		if para.Kind == draft.BlockListItem {
			prev = ""
		}
	}
}

// templates reports paragraphs the archive holds in many articles: a
// site's footer, author bio or disclaimer, learned rather than listed.
func (r BoilerplateRule) templates(p *lint.Pass, chrome map[int]bool) {
	for _, res := range reuseResults(p) {
		if chrome[res.Para] || !reuse.IsTemplate(res, r.minDocs, r.minShare) {
			continue
		}
		para := &p.Doc.Paragraphs[res.Para]
		if para.Quote {
			continue
		}
		where := "archived articles"
		if res.CopiesSource != "archive" {
			where = "drafts of " + res.CopiesSource
		}
		p.Report(lint.Diagnostic{
			Span: para.Span,
			Message: fmt.Sprintf("template text found in %d of %d %s (a footer, bio or disclaimer): delete it from the story",
				res.Copies, res.SourceSize, where),
			Suggestions: []lint.Edit{{Span: deletionSpan(p.Doc, res.Para, 0, len(para.Text), para.Span, true), NewText: ""}},
		})
	}
}

// line matches a line that is a unit of text.
func (r BoilerplateRule) line(text string, whole bool) (boilerplate.Match, bool) {
	if !whole {
		return boilerplate.Match{}, false
	}
	return r.m.Line(text)
}

// report reports chrome at text offsets [start, end) of paragraph pi,
// with an edit deleting it: the whole source line when nothing else is
// on it and whole is set, else the text and the spaces before it.
func (r BoilerplateRule) report(p *lint.Pass, pi, start, end int, kind boilerplate.Kind, whole bool) {
	para := &p.Doc.Paragraphs[pi]
	text := strings.TrimFunc(para.Text[start:end], unicode.IsSpace)
	start += strings.Index(para.Text[start:end], text)
	end = start + len(text)
	span := para.SourceSpan(start, end)
	action := "delete web page text pasted into the story"
	if kind == boilerplate.Repeated {
		action = "delete the copy pasted from the web page"
	}
	p.Report(lint.Diagnostic{
		Span:        span,
		Message:     fmt.Sprintf("%s %q: %s", kind.Label(), text, action),
		Suggestions: []lint.Edit{{Span: deletionSpan(p.Doc, pi, start, end, span, whole), NewText: ""}},
	})
}

// deletionSpan returns the source span that deletes a chrome line: its
// whole source line with the line break, markup included (## , - , <p>),
// when no other text of the draft is on that source line; else the span
// with the spaces before it.
func deletionSpan(doc *draft.Document, pi, start, end int, span draft.Span, whole bool) draft.Span {
	src := doc.Src
	para := &doc.Paragraphs[pi]
	ls := strings.LastIndexByte(src[:span.Start], '\n') + 1
	le := len(src)
	if k := strings.IndexByte(src[span.End:], '\n'); k >= 0 {
		le = span.End + k
	}
	alone := whole
	if start > 0 && para.SourceSpan(0, start-1).End > ls {
		alone = false // the paragraph's text before this line ends on it
	}
	if end < len(para.Text) && para.SourceSpan(end+1, len(para.Text)).Start < le {
		alone = false
	}
	if pi > 0 && doc.Paragraphs[pi-1].Span.End > ls || pi+1 < len(doc.Paragraphs) && doc.Paragraphs[pi+1].Span.Start < le {
		alone = false
	}
	if alone {
		switch {
		case le < len(src):
			le++ // the line break
		case ls > 0:
			ls-- // the last line: the line break before it
			if ls > 0 && src[ls-1] == '\r' {
				ls--
			}
		}
		return draft.Span{Start: ls, End: le}
	}
	s := span.Start
	for s > ls && (src[s-1] == ' ' || src[s-1] == '\t') {
		s--
	}
	return draft.Span{Start: s, End: span.End}
}

// htmlFooters returns the source spans of an HTML draft's <footer>
// elements, in order.
func htmlFooters(doc *draft.Document) []draft.Span {
	if doc.Format != draft.HTML {
		return nil
	}
	var out []draft.Span
	lower := strings.ToLower(doc.Src)
	for off := 0; ; {
		k := strings.Index(lower[off:], "<footer")
		if k < 0 {
			return out
		}
		start := off + k
		end := len(lower)
		if e := strings.Index(lower[start:], "</footer"); e >= 0 {
			end = start + e
		}
		out = append(out, draft.Span{Start: start, End: end})
		off = end
	}
}

// inside reports whether offset off lies in one of spans.
func inside(spans []draft.Span, off int) bool {
	for _, s := range spans {
		if s.Start <= off && off < s.End {
			return true
		}
	}
	return false
}

// splitLines splits a paragraph's text into its lines.
func splitLines(text string) []chromeLine {
	var out []chromeLine
	for start := 0; ; {
		k := strings.IndexByte(text[start:], '\n')
		if k < 0 {
			return append(out, chromeLine{start: start, end: len(text)})
		}
		out = append(out, chromeLine{start: start, end: start + k})
		start += k + 1
	}
}

// startsUnit reports whether line li of a paragraph starts a unit of
// text rather than continuing a wrapped sentence: it is the first line,
// or the line before ends a sentence or clause or is chrome, and it does
// not open with a lower-case letter.
func startsUnit(text string, lines []chromeLine, li int) bool {
	if li == 0 {
		return true
	}
	if r, _ := utf8.DecodeRuneInString(strings.TrimLeftFunc(text[lines[li].start:lines[li].end], unicode.IsSpace)); unicode.IsLower(r) {
		return false
	}
	prev := lines[li-1]
	return prev.chrome || endsSentence(text[prev.start:prev.end])
}

// endsUnit reports whether line li ends a unit of text: it is the last
// line, it ends a sentence, or the next line does not continue it in
// lower case.
func endsUnit(text string, lines []chromeLine, li int) bool {
	if li == len(lines)-1 || endsSentence(text[lines[li].start:lines[li].end]) {
		return true
	}
	next := strings.TrimLeftFunc(text[lines[li+1].start:lines[li+1].end], unicode.IsSpace)
	r, _ := utf8.DecodeRuneInString(next)
	return next != "" && !unicode.IsLower(r)
}

// endsSentence reports whether a line ends with sentence or clause
// punctuation, before any closing marks.
func endsSentence(line string) bool {
	line = strings.TrimRight(strings.TrimRightFunc(line, unicode.IsSpace), `"')]”’»`)
	r, _ := utf8.DecodeLastRuneInString(line)
	return strings.ContainsRune(".?!:…", r)
}
