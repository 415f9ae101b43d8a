package lint

import (
	"fmt"
	"runtime/debug"
	"strings"

	"github.com/newslint/newslint/draft"
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
}

// Engine runs rules over drafts. It is safe for concurrent use.
type Engine struct {
	known map[string]bool
}

// NewEngine returns an engine that knows the given rules, which is what
// inline directives may name.
func NewEngine(all []Rule) *Engine {
	known := make(map[string]bool, len(all))
	for _, r := range all {
		known[r.Meta().ID] = true
	}
	return &Engine{known: known}
}

// Known reports whether id names a rule.
func (e *Engine) Known(id string) bool { return e.known[id] }

// KnownIDs returns the set of rule IDs; the caller must not change it.
func (e *Engine) KnownIDs() map[string]bool { return e.known }

// Lint runs the rules over doc and returns the file's findings: placed,
// filtered by inline directives, sorted and without duplicates. A rule
// that panics is reported as an error naming the rule and the file.
func (e *Engine) Lint(doc *draft.Document, set RuleSet) (FileResult, error) {
	lang := set.Language
	if doc.Meta.Language != "" {
		if t, err := language.Parse(doc.Meta.Language); err == nil {
			lang = t
		}
	}
	var findings []Finding
	for _, c := range set.Rules {
		if c.Severity == Off {
			continue
		}
		diags, err := run(c.Rule, doc, lang)
		if err != nil {
			return FileResult{Path: doc.Path}, err
		}
		id := c.Rule.Meta().ID
		for _, d := range diags {
			findings = append(findings, place(doc, id, c.Severity, d))
		}
	}
	if len(findings) > 0 && len(doc.Comments) > 0 {
		ds := ParseDirectives(doc, e.known)
		kept := findings[:0]
		for i := range findings {
			f := &findings[i]
			if f.Rule == BadDirectiveID || !ds.Suppressed(f.Rule, f) {
				kept = append(kept, *f)
			}
		}
		findings = kept
	}
	SortFindings(findings)
	findings = dedupe(findings)
	res := FileResult{Path: doc.Path, Findings: findings}
	if len(findings) > 0 {
		res.Lines = make(map[int]string, len(findings))
		for _, f := range findings {
			if _, ok := res.Lines[f.Start.Line]; !ok {
				res.Lines[f.Start.Line] = strings.Clone(doc.Line(f.Start.Line))
			}
		}
	}
	return res, nil
}

// BadDirectiveID is the ID of the rule that reports malformed directives;
// directives cannot suppress it.
const BadDirectiveID = "bad-directive"

func run(r Rule, doc *draft.Document, lang language.Tag) (diags []Diagnostic, err error) {
	defer func() {
		if v := recover(); v != nil {
			err = fmt.Errorf("%s: rule %s failed: %v\n%s", doc.Path, r.Meta().ID, v, debug.Stack())
		}
	}()
	p := &Pass{Doc: doc, Language: lang}
	r.Check(p)
	return p.diags, nil
}

// place turns a rule's diagnostic into a finding with positions. Every
// string is copied, so that a finding never keeps its draft's text alive
// once the draft is done: findings outlive documents, and a run over
// 100,000 drafts keeps only the findings.
func place(doc *draft.Document, rule string, sev Severity, d Diagnostic) Finding {
	span := clampSpan(d.Span, len(doc.Src))
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
		f.Suggestions = append(f.Suggestions, Suggestion{Text: strings.Clone(e.NewText), Old: strings.Clone(doc.Slice(s)),
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
