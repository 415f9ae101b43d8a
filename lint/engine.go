package lint

import (
	"fmt"
	"runtime/debug"
	"strings"

	"github.com/newslint/newslint/draft"
	"github.com/newslint/newslint/reuse"
	"github.com/newslint/newslint/vocab"
	"golang.org/x/text/language"
)

// Configured is a rule with the severity it runs at.
type Configured struct {
	Rule     Rule
	Severity Severity
}

// RuleSet is what to run on one draft: the configured rules and the
// language of the drafts, which a draft's own metadata may override.
type RuleSet struct {
	Rules    []Configured
	Language language.Tag
	// Languages are more languages the drafts mix in.
	Languages []language.Tag
	// Vocabulary is the project's accepted and rejected words, or nil.
	Vocabulary *vocab.Vocabulary
	// Corpus is what drafts are compared with for reused text (the
	// archive, the other drafts of the run), or nil.
	Corpus *reuse.Corpus
}

// Processor changes a draft's findings after the rules have run: it drops,
// edits or reorders them. Rules never filter their own findings; the
// engine's processors do, in order.
type Processor interface {
	Process(f *File, findings []Finding) []Finding
}

// File is what processors know about the draft being linted.
type File struct {
	Doc        *draft.Document
	Directives Directives
}

// Engine runs rules over drafts and passes their findings through a chain
// of processors: inline-directive suppression, the caller's processors,
// then sorting and de-duplication. It is safe for concurrent use.
type Engine struct {
	known  map[string]bool
	chain  []Processor
	pinned map[string]bool // rules that directives cannot suppress
}

// NewEngine returns an engine that knows the given rules, which is what
// inline directives may name, with extra processors run after
// suppression and before sorting.
func NewEngine(all []Rule, extra ...Processor) *Engine {
	e := &Engine{known: map[string]bool{}, pinned: map[string]bool{}}
	sup := supersede{by: map[string][]string{}}
	for _, r := range all {
		m := r.Meta()
		e.known[m.ID] = true
		if m.Unsuppressible {
			e.pinned[m.ID] = true
		}
		if len(m.Supersedes) > 0 {
			sup.by[m.ID] = m.Supersedes
		}
	}
	e.chain = append([]Processor{suppress{pinned: e.pinned}, sup}, extra...)
	e.chain = append(e.chain, sortAndDedupe{})
	return e
}

// Lint runs the rules over doc and returns the file's findings: placed,
// passed through the processors, and with the source line of each. A rule
// that panics is reported as an error naming the rule and the file.
func (e *Engine) Lint(doc *draft.Document, set RuleSet) (FileResult, error) {
	lang := draft.ResolveLanguage(doc.Meta.Language, set.Language)
	languages := extraLanguages(doc, lang, set.Languages)
	file := &File{Doc: doc}
	if len(doc.Comments) > 0 {
		file.Directives = ParseDirectives(doc, e.known)
	}
	var findings []Finding
	search := set.Corpus.For(doc)
	for _, c := range set.Rules {
		if c.Severity == Off {
			continue
		}
		pass := &Pass{Doc: doc, Language: lang, Languages: languages, Vocabulary: set.Vocabulary, Directives: file.Directives, Reuse: search}
		diags, err := run(c.Rule, pass)
		if err != nil {
			return FileResult{Path: doc.Path}, err
		}
		id := c.Rule.Meta().ID
		for _, d := range diags {
			findings = append(findings, place(doc, id, c.Severity, d))
		}
	}
	for _, p := range e.chain {
		findings = p.Process(file, findings)
	}
	fingerprint(doc, findings)
	return FileResult{Path: doc.Path, Findings: findings, Lines: contextLines(doc, findings)}, nil
}

// contextLines copies the source line of every finding, for reporters
// that show context once the draft is gone.
func contextLines(doc *draft.Document, findings []Finding) map[int]string {
	if len(findings) == 0 {
		return nil
	}
	lines := make(map[int]string, len(findings))
	for _, f := range findings {
		if _, ok := lines[f.Start.Line]; !ok {
			lines[f.Start.Line] = strings.Clone(doc.Line(f.Start.Line))
		}
	}
	return lines
}

func run(r Rule, p *Pass) (diags []Diagnostic, err error) {
	defer func() {
		if v := recover(); v != nil {
			err = fmt.Errorf("%s: rule %s failed: %v\n%s", p.Doc.Path, r.Meta().ID, v, debug.Stack())
		}
	}()
	r.Check(p)
	return p.diags, nil
}

// place turns a rule's diagnostic into a finding with positions. Every
// string is copied, so that a finding never keeps its draft's text alive
// once the draft is done: findings outlive documents, and a run over
// 100,000 drafts keeps only the findings.
func place(doc *draft.Document, rule string, sev Severity, d Diagnostic) Finding {
	span := clampSpan(d.Span, len(doc.Src))
	if d.Severity != Off && d.Severity < sev {
		sev = d.Severity
	}
	f := Finding{
		Path:     doc.Path,
		Rule:     rule,
		Severity: sev,
		Message:  strings.Clone(d.Message),
		Span:     span,
		Start:    doc.Position(span.Start),
		End:      doc.Position(span.End),
	}
	for _, e := range d.Suggestions {
		s := clampSpan(e.Span, len(doc.Src))
		f.Suggestions = append(f.Suggestions, Suggestion{Text: strings.Clone(e.NewText), Safe: e.Safe, Old: strings.Clone(doc.Slice(s)),
			Span: s, Start: doc.Position(s.Start), End: doc.Position(s.End)})
	}
	for _, r := range d.Related {
		if r.Path == "" {
			r.Path = doc.Path
		}
		r.Message, r.Diff = strings.Clone(r.Message), strings.Clone(r.Diff)
		f.Related = append(f.Related, r)
	}
	return f
}

func clampSpan(s draft.Span, n int) draft.Span {
	s.Start = max(0, min(s.Start, n))
	s.End = max(s.Start, min(s.End, n))
	return s
}

// extraLanguages returns the languages a draft mixes in besides its own:
// its front matter's languages list (languages: [en-US, es]) and the
// configuration's, without the draft's language or repeats.
func extraLanguages(doc *draft.Document, lang language.Tag, configured []language.Tag) []language.Tag {
	var out []language.Tag
	add := func(t language.Tag) {
		if t == lang {
			return
		}
		for _, o := range out {
			if o == t {
				return
			}
		}
		out = append(out, t)
	}
	if list := doc.Meta.Fields["languages"]; list != "" {
		for _, s := range strings.Split(list, ",") {
			if t, err := language.Parse(strings.TrimSpace(s)); err == nil {
				add(t)
			}
		}
	}
	for _, t := range configured {
		add(t)
	}
	return out
}
