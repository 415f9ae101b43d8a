package rules

import "github.com/newslint/newslint/lint"

// BadDirectiveRule reports inline directives that name an unknown rule or
// use an unknown verb. Directives cannot suppress it.
type BadDirectiveRule struct{}

// Meta describes the rule.
func (BadDirectiveRule) Meta() lint.Meta {
	return lint.Meta{
		ID:             "bad-directive",
		Title:          "an inline newslint directive is malformed or names an unknown rule",
		Doc:            "Reports <!-- newslint-... --> comments with an unknown verb or an unknown rule ID, which would otherwise silently suppress nothing.",
		Severity:       lint.Warning,
		Bad:            "<!-- newslint-disable repeted-word -->",
		Good:           "<!-- newslint-disable repeated-word -->",
		Unsuppressible: true,
	}
}

// Check reports the problems the engine found in the draft's directives.
func (BadDirectiveRule) Check(p *lint.Pass) {
	for _, d := range p.Directives.Problems {
		p.Report(d)
	}
}
