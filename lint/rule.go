package lint

import (
	"github.com/newslint/newslint/draft"
	"github.com/newslint/newslint/reuse"
	"github.com/newslint/newslint/vocab"
	"golang.org/x/text/language"
)

// Meta describes a rule.
type Meta struct {
	ID       string   // kebab-case, unique: "repeated-word"
	Title    string   // one line for `newslint rules`
	Doc      string   // what the rule flags and why, in a few sentences
	Severity Severity // default severity
	Bad      string   // an example the rule flags
	Good     string   // the same example, corrected
	// Unsuppressible rules cannot be turned off by inline directives
	// (the rule that reports malformed directives).
	Unsuppressible bool
	// Supersedes names rules whose findings this rule's findings replace
	// where they overlap: a line reported as boilerplate is not reported
	// again as a recycled paragraph.
	Supersedes []string
}

// Rule checks a draft. A rule is a plain value; after configuration it is
// read-only, so one value may check many drafts at the same time.
type Rule interface {
	Meta() Meta
	Check(p *Pass)
}

// Configurable is a rule with options. The configuration loader decodes a
// rule's YAML options strictly into the value DefaultOptions returns, then
// calls WithOptions to get the configured rule.
type Configurable interface {
	Rule
	// DefaultOptions returns a pointer to a new options struct holding the
	// defaults. Its fields carry yaml tags and a doc tag used by
	// `newslint init`.
	DefaultOptions() any
	// WithOptions returns a copy of the rule using opts, a value of the type
	// DefaultOptions returns, or an error naming the bad value.
	WithOptions(opts any) (Rule, error)
}

// Edit replaces the source text of Span with NewText. A Safe edit is
// certain enough for --fix to apply without a person choosing.
type Edit struct {
	Span    draft.Span
	NewText string
	Safe    bool
}

// Related is another location that bears on a finding: the archived
// article a paragraph was copied from, the opening mark of a quotation.
type Related struct {
	Path    string // empty for the linted file itself
	Pos     draft.Position
	Message string
	Diff    string // optional diff text
}

// Diagnostic is what a rule reports: a span of the draft and a message
// (lower case, no final period, quoting the offending text), with optional
// suggested edits and related locations.
type Diagnostic struct {
	Span    draft.Span
	Message string
	// Severity, when set, lowers the finding below the rule's configured
	// severity (never raises it): a rule's lesser findings, such as
	// partial reuse, are reported as Info.
	Severity    Severity
	Suggestions []Edit
	Related     []Related
}

// Pass is one rule's view of one draft.
type Pass struct {
	Doc *draft.Document
	// Language is the draft's language: its own metadata's, else the
	// configuration's.
	Language language.Tag
	// Languages are more languages the draft mixes in (its front matter's
	// languages list and the configuration's), whose words are accepted.
	Languages []language.Tag
	// Vocabulary is the project's accepted and rejected words, or nil.
	Vocabulary *vocab.Vocabulary
	// Directives are the draft's inline directives, parsed once.
	Directives Directives
	// Reuse is the draft's comparison with the archive and the other
	// drafts of the run, made on first use; nil when there is nothing to
	// compare with.
	Reuse *reuse.Search
	diags []Diagnostic
}

// Report records a diagnostic.
func (p *Pass) Report(d Diagnostic) { p.diags = append(p.diags, d) }
