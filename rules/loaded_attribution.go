package rules

import (
	"fmt"
	"strings"
	"sync"

	"github.com/newslint/newslint/attribution"
	"github.com/newslint/newslint/lint"
)

// LoadedAttributionOptions configures loaded-attribution.
type LoadedAttributionOptions struct {
	Verbs      []string `yaml:"verbs" doc:"the loaded verbs to flag, in the base form, replacing the built-in list when set (claim, admit, concede, insist, allege, confess, reveal, boast)"`
	ExtraVerbs []string `yaml:"extra_verbs" doc:"more loaded verbs to flag, in the base form, besides the list (brag, snap, gloat)"`
}

// DefaultLoadedVerbs are the built-in loaded attribution verbs.
var DefaultLoadedVerbs = []string{"claim", "admit", "concede", "insist", "allege", "confess", "reveal", "boast"}

// LoadedAttributionRule flags attribution verbs that judge the statement.
type LoadedAttributionRule struct {
	// forms maps each form of a loaded verb to the form of "say" that
	// replaces it.
	forms *attribution.Index[string]
}

// defaultLoadedForms derives the built-in verbs' forms once.
var defaultLoadedForms = sync.OnceValue(func() *attribution.Index[string] { return loadedForms(DefaultLoadedVerbs) })

// Meta describes the rule.
func (LoadedAttributionRule) Meta() lint.Meta {
	return lint.Meta{
		ID:    "loaded-attribution",
		Title: "an attribution verb that tells the reader what to think",
		Doc: "\"Said\" is neutral; claimed, admitted, conceded, insisted, alleged, confessed, revealed and boasted " +
			"judge the statement they attribute. Flags them in attribution position (beside a quotation, before " +
			"reported speech as in \"she admitted that\", or after it as in \"..., he claimed.\") and suggests the " +
			"matching form of \"say\". Not flagged elsewhere: the group claimed responsibility, he admitted the " +
			"charge. The verb list can be replaced or extended. English drafts only.",
		Severity: lint.Info,
		Bad:      "\"We followed every rule,\" the director claimed.",
		Good:     "\"We followed every rule,\" the director said.",
	}
}

// DefaultOptions returns the default options.
func (LoadedAttributionRule) DefaultOptions() any { return &LoadedAttributionOptions{} }

// WithOptions returns the rule configured with opts.
func (LoadedAttributionRule) WithOptions(opts any) (lint.Rule, error) {
	o := opts.(*LoadedAttributionOptions)
	verbs := DefaultLoadedVerbs
	if len(o.Verbs) > 0 {
		verbs = o.Verbs
	}
	for i, v := range append(append([]string(nil), verbs...), o.ExtraVerbs...) {
		if strings.TrimSpace(v) == "" || strings.ContainsAny(v, " \t") {
			key := "verbs"
			if i >= len(verbs) {
				key = "extra_verbs"
			}
			return nil, fmt.Errorf("%s: %q is not a single verb", key, v)
		}
	}
	return LoadedAttributionRule{forms: loadedForms(append(append([]string(nil), verbs...), o.ExtraVerbs...))}, nil
}

// loadedForms maps the forms of each base verb to the form of "say".
func loadedForms(bases []string) *attribution.Index[string] {
	forms := attribution.NewIndex[string]()
	for _, b := range bases {
		b = strings.ToLower(strings.TrimSpace(b))
		for form, say := range attribution.Inflect(b) {
			forms.Set(form, say)
		}
	}
	return forms
}

// Check reports loaded verbs in attribution position.
func (r LoadedAttributionRule) Check(p *lint.Pass) {
	lx := attribution.For(p.Doc.Language)
	if lx == nil {
		return
	}
	forms := r.forms
	if forms == nil {
		forms = defaultLoadedForms()
	}
	d := attribution.NewDoc(p.Doc, lx)
	for pi := range p.Doc.Paragraphs {
		para := &p.Doc.Paragraphs[pi]
		if !attribution.Prose(para) {
			continue
		}
		for wi, w := range para.Words {
			say, ok := forms.Get(w.Text)
			if !ok || !d.AttributionVerb(d.Para(pi), wi) {
				continue
			}
			p.Report(lint.Diagnostic{
				Span:        w.Span,
				Message:     fmt.Sprintf("loaded attribution %q judges the statement; %q is neutral", w.Text, say),
				Suggestions: []lint.Edit{{Span: w.Span, NewText: matchCase(say, w.Text)}},
			})
		}
	}
}
