package rules

import "github.com/newslint/newslint/lint"

// BadDirectiveRule reports inline directives that name an unknown rule or
// use an unknown verb. Directives cannot suppress it.
type BadDirectiveRule struct {
	known map[string]bool
}

// Meta describes the rule.
func (BadDirectiveRule) Meta() lint.Meta {
	return lint.Meta{
		ID:       lint.BadDirectiveID,
		Title:    "an inline newslint directive is malformed or names an unknown rule",
		Doc:      "Reports <!-- newslint-... --> comments with an unknown verb or an unknown rule ID, which would otherwise silently suppress nothing.",
		Severity: lint.Warning,
		Bad:      "<!-- newslint-disable repeted-word -->",
		Good:     "<!-- newslint-disable repeated-word -->",
	}
}

// Check reports the problems in the draft's directives.
func (r BadDirectiveRule) Check(p *lint.Pass) {
	if len(p.Doc.Comments) == 0 {
		return
	}
	for _, d := range lint.ParseDirectives(p.Doc, r.known).Problems {
		p.Report(d)
	}
}
