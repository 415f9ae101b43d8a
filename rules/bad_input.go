package rules

import "github.com/newslint/newslint/lint"

// BadInputRule reports problems met while reading a draft: a file that is
// not UTF-8 and was read as Windows-1252, front matter that does not parse.
type BadInputRule struct{}

// Meta describes the rule.
func (BadInputRule) Meta() lint.Meta {
	return lint.Meta{
		ID:       "bad-input",
		Title:    "a draft could not be read exactly as written",
		Doc:      "Reports drafts that are not valid UTF-8 (they are read as Windows-1252, the usual encoding of legacy CMS exports, so check the characters outside ASCII), front matter that does not parse (its metadata is ignored), and Markdown nested more than 64 levels deep (read as plain text). Binary files are skipped with a message on standard error.",
		Severity: lint.Warning,
		Bad:      "---\ntitle: [unclosed\n---",
		Good:     "---\ntitle: Council passes budget\n---",
	}
}

// Check reports the draft's notices.
func (BadInputRule) Check(p *lint.Pass) {
	for _, n := range p.Doc.Notices {
		p.Report(lint.Diagnostic{Span: n.Span, Message: n.Message})
	}
}
