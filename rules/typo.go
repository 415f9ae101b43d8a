package rules

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/newslint/newslint/draft"
	"github.com/newslint/newslint/lint"
	"github.com/newslint/newslint/spell"
)

// TypoOptions configures typo.
type TypoOptions struct {
	Confusables []string `yaml:"confusables" doc:"more real-word confusions, one rule a line in the format of the built-in list (README: Real-word slips), such as \"= trial trail\" then \"trail -> trial: murder _\""`
	Informal    bool     `yaml:"informal" doc:"flag chat and slang words (gonna, kinda, lol) outside quotations"`
	Suggestions int      `yaml:"suggestions" doc:"how many corrections a finding offers, 0 to 3"`
}

// TypoRule flags misspelled words, slang outside quotations, words the
// project's vocabulary rejects, and real-word slips that the context
// gives away (a murder trail, the county's foreign minister).
type TypoRule struct {
	confusables *spell.Confusables
	informal    *spell.Informal
	suggestions int
}

// Meta describes the rule.
func (TypoRule) Meta() lint.Meta {
	return lint.Meta{
		ID:    "typo",
		Title: "misspelled words, slang and real-word slips",
		Doc: "Checks every lower-case word against the draft's dictionary (American English by default; " +
			"British English and Spanish by language; a draft's languages list adds more), plus the " +
			"vocabulary's accepted words. Capitalized words in mid-sentence are names, left to name-spelling; a " +
			"capitalized word opening a sentence is checked only when nothing in the draft marks it as a name. " +
			"URLs, e-mail addresses, handles, hashtags, code, numbers, abbreviations in capitals and units are " +
			"skipped, and so is a quotation in another language. A slip inside a quotation is reported but never " +
			"marked safe to fix, and a word followed by [sic] is left alone. Also flagged: words the vocabulary " +
			"rejects, slang outside quotations (gonna, kinda), and real words the context shows to be slips " +
			"(murder trail, political bae). Up to three corrections are offered, ranked by how likely the slip " +
			"is, how common the word, and how well it fits its neighbours.",
		Severity: lint.Warning,
		Bad:      "The senator's political bae has grown since the murder trail began.",
		Good:     "The senator's political base has grown since the murder trial began.",
	}
}

// DefaultOptions returns the default options.
func (TypoRule) DefaultOptions() any { return &TypoOptions{Informal: true, Suggestions: 3} }

// WithOptions returns the rule configured with opts.
func (TypoRule) WithOptions(opts any) (lint.Rule, error) {
	o := opts.(*TypoOptions)
	if o.Suggestions < 0 || o.Suggestions > 3 {
		return nil, fmt.Errorf("suggestions: %d is not between 0 and 3", o.Suggestions)
	}
	r := TypoRule{confusables: spell.BuiltinConfusables(), suggestions: o.Suggestions}
	if o.Informal {
		r.informal = spell.BuiltinInformal()
	}
	if len(o.Confusables) > 0 {
		extra, err := spell.ParseConfusables("confusables", []byte(strings.Join(o.Confusables, "\n")))
		if err != nil {
			return nil, err
		}
		r.confusables = r.confusables.Merge(extra)
	}
	return r, nil
}

// Check reports the draft's misspellings and slips.
func (r TypoRule) Check(p *lint.Pass) {
	if r.confusables == nil { // the zero value: use the defaults
		def, _ := r.WithOptions(r.DefaultOptions())
		r = def.(TypoRule)
	}
	c := newSpellCheck(p)
	if c == nil {
		return
	}
	for pi := range p.Doc.Paragraphs {
		para := &p.Doc.Paragraphs[pi]
		if !c.paragraph(para) {
			continue
		}
		for si := range para.Sentences {
			r.sentence(c, para, &para.Sentences[si])
		}
	}
}

// sentence checks the words of one sentence.
func (r TypoRule) sentence(c *spellCheck, para *draft.Paragraph, s *draft.Sentence) {
	if c.foreignSentence(para, s) {
		return
	}
	lower := make([]string, len(s.Words)) // for confusables and phrases
	for k, x := range s.Words {
		lower[k] = strings.ToLower(normalizeApostrophes(x.Text))
	}
	phrases := spell.BuiltinPhrases()
	for i, w := range s.Words {
		if w.Kind != draft.WordPlain {
			continue
		}
		key := lower[i]
		// Most words are plain dictionary words: they can only be
		// rejected, slang, or a real-word slip.
		if c.plainAt(c.wordIndex(s, i)) {
			if !r.rejectedOrSlang(c, para, s, i, w, key) {
				r.confusion(c, s, i, w, lower)
			}
			continue
		}
		if c.skipped(para, w) {
			continue
		}
		quoted := c.quoted(para, w)
		if strings.HasPrefix(c.dict.Name, "en") && phrases.Covers(lower, i) {
			continue
		}
		if r.rejectedOrSlang(c, para, s, i, w, key) {
			continue
		}
		if !strings.ContainsAny(w.Text, "-\u2010\u2011") {
			if !c.foreignNeighbour(para, s, i) {
				r.checkPart(c, para, s, i, w, w, quoted)
			}
		} else if parts := para.Parts(w); len(parts) == 1 {
			r.checkPart(c, para, s, i, w, w, quoted)
		} else if !c.partsKnown(parts) && !c.known(strings.Join(strings.FieldsFunc(key, isHyphen), "")) {
			for _, part := range parts {
				if utf8.RuneCountInString(part.Text) > 4 || isCapitalizedWord(part.Text) {
					r.checkPart(c, para, s, i, w, part, quoted)
				}
			}
		}
		if r.confusables.Has(key) && c.known(w.Text) {
			r.confusion(c, s, i, w, lower)
		}
	}
}

// rejectedOrSlang reports a word the vocabulary rejects or a slang word,
// and whether it was either.
func (r TypoRule) rejectedOrSlang(c *spellCheck, para *draft.Paragraph, s *draft.Sentence, i int, w draft.Word, key string) bool {
	if c.pass.Vocabulary.Rejects(w.Text) {
		c.pass.Report(lint.Diagnostic{Span: w.Span, Message: fmt.Sprintf("%q is on the vocabulary's reject list", w.Text)})
		return true
	}
	if r.informal != nil {
		if _, _, ok := r.informal.Lookup(key); ok {
			r.informalWord(c, para, s, i, w, key)
			return true
		}
	}
	return false
}

// informalWord reports a slang word: outside quotations always; inside,
// where speech keeps its slang (gonna, bestie), only a word with no
// formal equivalent that is a small slip from a common word: "my
// political bae" was "base".
func (r TypoRule) informalWord(c *spellCheck, para *draft.Paragraph, s *draft.Sentence, i int, w draft.Word, key string) {
	repl, has, _ := r.informal.Lookup(key)
	quoted := c.quoted(para, w)
	if !quoted || !has && c.dict.LikelySlip(key) {
		r.reportInformal(c, para, s, i, w, repl, has, quoted)
	}
}

// confusion reports a dictionary word that the context shows to be a
// slip for another (murder trail).
func (r TypoRule) confusion(c *spellCheck, s *draft.Sentence, i int, w draft.Word, lower []string) {
	if !r.confusables.Has(lower[i]) {
		return
	}
	if right, ok := r.confusables.Check(lower, i); ok {
		right = matchCase(right, w.Text)
		c.pass.Report(lint.Diagnostic{Span: w.Span,
			Message:     fmt.Sprintf("%q is likely a slip for %q here", w.Text, right),
			Suggestions: []lint.Edit{{Span: w.Span, NewText: right}}})
	}
}

// checkPart checks one part of a word (the word itself, or one part of a
// hyphenated compound).
func (r TypoRule) checkPart(c *spellCheck, para *draft.Paragraph, s *draft.Sentence, i int, w, part draft.Word, quoted bool) {
	stem, end := stemOf(part.Text)
	if stem == "" || c.vocabAccepts(part.Text, stem) {
		return
	}
	span := para.SourceSpan(part.Off, part.Off+end)
	if c.pass.Vocabulary.Rejects(stem) {
		c.pass.Report(lint.Diagnostic{Span: span, Message: fmt.Sprintf("%q is on the vocabulary's reject list", stem)})
		return
	}
	capital := isCapitalizedWord(stem)
	if (capital || isCapitalizedWord(w.Text)) && (para.Kind == draft.BlockHeadline || para.Kind == draft.BlockHeading ||
		!c.sentenceStart(para, s, i) || c.isName(stem) || c.isName(w.Text)) {
		return // a name (Dong-hyun, al-Balah too): name-spelling's business
	}
	if !c.checkable(stem) || vowelless(stem) && !c.dict.VowelsDropped(stem) || c.known(stem) || c.sic(para, part.Off+end) || c.term(stem) {
		return
	}
	if followedByApostrophe(para, part.Off+end) && (c.known(stem+"g") || c.known(stem+"d")) {
		return // a dropped letter: goin', nothin', ol'
	}
	if c.inDottedName(para, part) {
		return // part of a domain, file name or path: thewest.com.au, .rar
	}
	if part.Off != w.Off || part.End() != w.End() {
		// A part of a hyphenated compound (wishy-washy, wheely-bag) is
		// often a coinage: only the cheapest slips are reported.
		if !c.dict.CheapSlip(stem) {
			return
		}
	}
	if folded, ok := c.dict.ContainsFolded(stem); ok && !capital {
		c.pass.Report(lint.Diagnostic{Span: span, Message: fmt.Sprintf("%q is written %q", stem, folded),
			Suggestions: []lint.Edit{{Span: span, NewText: folded, Safe: !quoted}}})
		return
	}
	var suggestions []spell.Suggestion
	if r.suggestions > 0 || capital {
		suggestions = c.dict.Suggest(stem, c.context(s, i, w, part), max(r.suggestions, 1))
	}
	if capital && (len(suggestions) == 0 || !c.dict.LikelySlip(stem) || !c.dict.Contains(strings.ToLower(suggestions[0].Word))) {
		// An unknown capitalized word opening a sentence that is not a
		// small slip from a common ordinary word is most likely a name.
		return
	}
	if len(suggestions) == 0 && (r.suggestions > 0 || !c.dict.HasNear(stem)) {
		// Nothing in the dictionary is within two edits: jargon, a
		// foreign word or a name, far likelier than a slip.
		return
	}
	if len(suggestions) > r.suggestions {
		suggestions = suggestions[:r.suggestions]
	}
	d := lint.Diagnostic{Span: span, Message: fmt.Sprintf("unknown word %q", stem)}
	if len(suggestions) > 0 {
		d.Message += "; did you mean " + quoteList(suggestions) + "?"
	}
	safe := !quoted && clearlyBest(suggestions)
	for k, sg := range suggestions {
		d.Suggestions = append(d.Suggestions, lint.Edit{Span: span, NewText: sg.Word, Safe: safe && k == 0})
	}
	c.pass.Report(d)
}

// clearlyBest reports whether the first suggestion is far likelier than
// any other and a small slip away.
func clearlyBest(s []spell.Suggestion) bool {
	if len(s) == 0 || s[0].Edits > 1.2 {
		return false
	}
	return len(s) == 1 || s[0].Score-s[1].Score >= 6
}

// reportInformal reports a slang word outside quotations, with its formal
// replacement, or the word it is likely a slip for.
func (r TypoRule) reportInformal(c *spellCheck, para *draft.Paragraph, s *draft.Sentence, i int, w draft.Word, repl string, has, quoted bool) {
	d := lint.Diagnostic{Span: w.Span, Message: fmt.Sprintf("informal word %q in news copy", w.Text)}
	if quoted {
		d.Message = fmt.Sprintf("%q in a quotation is likely a slip", w.Text)
	}
	switch {
	case has && repl == "":
		d.Message += "; delete it"
		d.Suggestions = []lint.Edit{{Span: w.Span}}
	case has:
		repl = matchCase(repl, w.Text)
		d.Message += fmt.Sprintf("; write %q", repl)
		d.Suggestions = []lint.Edit{{Span: w.Span, NewText: repl}}
	default:
		sg := c.dict.Suggest(w.Text, c.context(s, i, w, w), max(r.suggestions, 1))
		if len(sg) > r.suggestions {
			sg = sg[:r.suggestions]
		}
		if len(sg) > 0 {
			d.Message += "; did you mean " + quoteList(sg) + "?"
		}
		safe := !quoted && clearlyBest(sg)
		for k, x := range sg {
			d.Suggestions = append(d.Suggestions, lint.Edit{Span: w.Span, NewText: x.Word, Safe: safe && k == 0})
		}
	}
	c.pass.Report(d)
}

// quoteList writes "a", "b" or "c".
func quoteList(s []spell.Suggestion) string {
	var b strings.Builder
	for k, x := range s {
		switch {
		case k == 0:
		case k == len(s)-1:
			b.WriteString(" or ")
		default:
			b.WriteString(", ")
		}
		fmt.Fprintf(&b, "%q", x.Word)
	}
	return b.String()
}
