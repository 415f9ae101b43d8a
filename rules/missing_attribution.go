package rules

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/newslint/newslint/attribution"
	"github.com/newslint/newslint/draft"
	"github.com/newslint/newslint/lint"
)

// MissingAttributionRule flags a direct quotation that no speaker is tied
// to.
type MissingAttributionRule struct{}

// Meta describes the rule.
func (MissingAttributionRule) Meta() lint.Meta {
	return lint.Meta{
		ID:    "missing-attribution",
		Title: "a quotation with no named speaker",
		Doc: "Flags a direct quotation of a sentence or more with no attribution: no speech verb (said, told, " +
			"wrote, according to, ...) or speaker (a name, a pronoun, a role) in its sentence or the sentence " +
			"before or after in the same paragraph. A later quotation in a paragraph inherits the attribution " +
			"of an earlier one; a quotation that runs over several paragraphs (each reopened with a mark) is " +
			"attributed once; a paragraph ending with a colon after naming the speaker introduces the quotation " +
			"that opens the next; a speaker label (Q:, SMITH:) attributes its paragraph. A partial quotation of " +
			"three or more words needs a speech verb in its sentence or the one before. Not flagged: quotations " +
			"in headlines, headings and captions, titles of works and names (the film \"Jaws\"), words as words, " +
			"quoted terms of one or two words, and block quotations that cite their source. English drafts only.",
		Severity: lint.Warning,
		Bad:      "The council will vote in May. \"We have the numbers to pass it.\"",
		Good:     "The council will vote in May. \"We have the numbers to pass it,\" Mayor Ortiz said.",
	}
}

// Check reports each unattributed quotation, a quotation that runs over
// several paragraphs once, at its first opening mark.
func (MissingAttributionRule) Check(p *lint.Pass) {
	quotes := attribution.Analyze(p.Doc, attribution.For(p.Doc.Language))
	for i, q := range quotes {
		if q.Head != i || !q.NeedsAttribution() || q.Placement != attribution.None {
			continue
		}
		para := &p.Doc.Paragraphs[q.Para]
		qt := para.Quotations[q.Index]
		start, end := qt.TextRange(para)
		spanEnd := end
		if qt.Closed() {
			spanEnd = end + utf8.RuneLen(qt.Close.Rune)
		}
		excerpt := quoteExcerpt(para.Text[start:end], 8)
		var msg string
		switch {
		case q.Paragraphs > 1:
			msg = fmt.Sprintf("quotation %s runs over %d paragraphs with no attribution: say who is speaking in one of them", excerpt, q.Paragraphs)
		case q.Kind == attribution.Partial:
			msg = fmt.Sprintf("partial quotation %s has no speech verb in its sentence or the one before: say who said it", excerpt)
		default:
			msg = fmt.Sprintf("quotation %s has no attribution: name the speaker in its sentence or the next, as in \"..., she said\"", excerpt)
		}
		p.Report(lint.Diagnostic{Span: para.SourceSpan(qt.Open.Off, spanEnd), Message: msg})
	}
}

// quoteExcerpt quotes the first n words of s, with an ellipsis when it
// is longer.
func quoteExcerpt(s string, n int) string {
	words := strings.Fields(s)
	cut := len(words) > n
	if cut {
		words = words[:n]
	}
	out := strings.Join(words, " ")
	out = strings.TrimRight(out, ",;:")
	if cut {
		out = strings.TrimRight(out, ".!?") + "…"
	}
	return `"` + out + `"`
}

var _ = draft.BlockParagraph
