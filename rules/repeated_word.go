package rules

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/newslint/newslint/draft"
	"github.com/newslint/newslint/lint"
)

// RepeatedWordOptions configures repeated-word.
type RepeatedWordOptions struct {
	Allow []string `yaml:"allow" doc:"more words that may legitimately appear twice in a row, besides the built-in list (had had, that that, bye bye, ...)"`
}

// RepeatedWordRule flags the same word twice in a row: "the the", also
// across a line break or a Markdown emphasis boundary.
type RepeatedWordRule struct {
	allow map[string]bool // extra allowed words, keyed by draft.Key
}

// A doubled function word ("the the", "in in") is almost always a slip; a
// doubled content word often is not (names, chants, emphasis). The sets
// below drive that distinction and the grammatical exceptions.
var (
	// functionWords are closed-class words: articles, determiners,
	// pronouns, prepositions, conjunctions and auxiliaries.
	functionWords = wordSet(`a an the this that these those my your his her its our their some any no every each
		either neither all both few many much more most other such what which who whom whose whatever whichever
		i me you he him she it we us they them myself yourself himself herself itself ourselves themselves
		about above across after against along among around as at before behind below beneath beside besides
		between beyond but by despite down during except for from in inside into like near of off on onto out
		outside over past per since than through throughout till to toward towards under underneath until up
		upon via with within without and or nor so yet if because although though while whereas unless whether
		is am are was were be been being have has had having do does did will would shall should can could may
		might must not there here`)
	// interjections repeat in speech and song: bye bye, ha ha, hey hey.
	interjections = wordSet(`bye ha hah tut knock chop night yada blah bla pooh hush boo goody pom dum tom mahi aye
		cha choo bon la ho hee ding tsk ta yum bang boom ciao bravo hey na ole olé rah woo bling baa meow woof
		beep honk ooh aah oh uh uh-huh hmm shh chug go-go`)
	// particles double after a phrasal verb: checked in in person.
	particles = wordSet(`in on up out over off down by around back through away`)
	// phrasalVerbs are common verb forms that take a particle; any word
	// ending in -ed or -ing counts too.
	phrasalVerbs = wordSet(`come comes came go goes went gone get gets got take takes took taken give gives gave
		given turn turns set sets put puts run runs ran log logs sign signs check checks move moves pass passes
		hand hands sit sits sat stay stays call calls cut cuts pay pays paid fill fills drop drops stop stops step
		steps hold holds held kick kicks shut shuts carry carries back backs stand stands stood break breaks broke
		bring brings brought keep keeps kept let lets look looks show shows hang hangs hung phone phones weigh
		weighs walk walks pull pulls push pushes write writes wrote written sell sells sold buy buys bought`)
	// whOpeners begin the clause of a pseudo-cleft or free relative, where
	// a word may legitimately double: What it is is..., Whatever happens
	// happens, All it was was a rumor.
	whOpeners = wordSet(`what whatever whoever whichever who where wherever when whenever how why all`)
	// introducers may follow "that that" only in a slip: "said that that
	// the plan" is wrong, "said that that plan" is right.
	introducers = wordSet(`the a an this these those his her its their our my your some any no every each he
		she they we i it you`)
)

// wordSet makes a lookup set from a space-separated list.
func wordSet(list string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(list) {
		m[w] = true
	}
	return m
}

// Meta describes the rule.
func (RepeatedWordRule) Meta() lint.Meta {
	return lint.Meta{
		ID:    "repeated-word",
		Title: "the same word twice in a row",
		Doc: "Flags a word written twice in a row, ignoring case, also when a line break or Markdown emphasis " +
			"separates the two. A doubled function word (the the, in in) is flagged unless grammar allows it: " +
			"had had; that that before a noun; gave her her keys; is is after a wh-clause (What it is is...); " +
			"a particle after a phrasal verb (checked in in person). A doubled content word is flagged unless " +
			"it is a name (Walla Walla), opens a sentence or quotation (\"Happy happy birthday\"), follows a " +
			"wh-clause (Whatever happens happens) or is an interjection (bye bye). Runs of three or more " +
			"content words (na na na) are taken as deliberate. The suggestion deletes the repeats.",
		Severity: lint.Error,
		Bad:      "The council approved the the budget on Tuesday.",
		Good:     "The council approved the budget on Tuesday.",
	}
}

// DefaultOptions returns the default options.
func (RepeatedWordRule) DefaultOptions() any { return &RepeatedWordOptions{} }

// WithOptions returns the rule configured with opts.
func (RepeatedWordRule) WithOptions(opts any) (lint.Rule, error) {
	o := opts.(*RepeatedWordOptions)
	r := RepeatedWordRule{allow: map[string]bool{}}
	for _, w := range o.Allow {
		if strings.TrimSpace(w) == "" || strings.ContainsFunc(w, unicode.IsSpace) {
			return nil, fmt.Errorf("allow: %q is not a single word", w)
		}
		r.allow[draft.Key(w)] = true
	}
	return r, nil
}

// Check reports each run of a word repeated in a row.
func (r RepeatedWordRule) Check(p *lint.Pass) {
	for pi := range p.Doc.Paragraphs {
		para := &p.Doc.Paragraphs[pi]
		words := para.Words
		for i := 0; i+1 < len(words); {
			last := i
			for last+1 < len(words) && repeats(para, last) {
				last++
			}
			if last == i {
				i++
				continue
			}
			if !r.deliberate(para, i, last) {
				// Keep two of a run whose pair is good English: had had had.
				keep := 1
				if last-i >= 2 && r.deliberate(para, i, i+1) {
					keep = 2
				}
				p.Report(r.diagnostic(p.Doc, para, i, last, keep))
			}
			i = last + 1
		}
	}
}

// repeats reports whether word k+1 repeats word k with only white space
// (or markup the reader does not see) between them.
func repeats(para *draft.Paragraph, k int) bool {
	a, b := para.Words[k], para.Words[k+1]
	return a.Kind == draft.WordPlain && b.Kind == draft.WordPlain && draft.SameWord(a.Text, b.Text) &&
		onlySpace(para.Text[a.End():b.Off])
}

// diagnostic reports words first..last, suggesting to delete all but the
// first keep of them.
func (r RepeatedWordRule) diagnostic(doc *draft.Document, para *draft.Paragraph, first, last, keep int) lint.Diagnostic {
	a, z := para.Words[first], para.Words[last]
	d := lint.Diagnostic{
		Span:    draft.Span{Start: a.Span.Start, End: z.Span.End},
		Message: fmt.Sprintf("repeated word %q", para.Words[first+1].Text),
	}
	// Offer the deletion only when nothing but white space separates the
	// words in the source: deleting across markup would break it.
	for k := first; k < last; k++ {
		if !onlySpace(doc.Src[para.Words[k].Span.End:para.Words[k+1].Span.Start]) {
			return d
		}
	}
	d.Suggestions = []lint.Edit{{Span: deletion(doc.Src, para.Words[first+keep-1].Span.End, para.Words[first+keep].Span.Start, z.Span.End), Safe: true}}
	return d
}

// deletion is the text to delete to drop the repeated words, which run
// from start to end after the kept word ends at kept. It is the space
// before them and the words (the line keeps its end), unless a line break
// comes before them: then the words and the spaces after them go, so that
// a hard-wrapped line keeps its break ("said the\nthe city" becomes
// "said the\ncity", not "said the city" on one line).
func deletion(src string, kept, start, end int) draft.Span {
	if !strings.Contains(src[kept:start], "\n") || strings.Contains(src[start:end], "\n") {
		return draft.Span{Start: kept, End: end}
	}
	after := end
	for after < len(src) && (src[after] == ' ' || src[after] == '\t') {
		after++
	}
	if after == end || after == len(src) || src[after] == '\n' || src[after] == '\r' {
		return draft.Span{Start: kept, End: end} // nothing follows on the line
	}
	return draft.Span{Start: start, End: after}
}

// deliberate reports whether words first..last, the same word repeated,
// are good English, a name or intended repetition rather than a slip.
func (r RepeatedWordRule) deliberate(para *draft.Paragraph, first, last int) bool {
	key := draft.Key(para.Words[first].Text)
	if r.allow[key] || interjections[key] {
		return true
	}
	if !functionWords[key] {
		switch {
		case last-first >= 2:
			return true // na na na, olé olé olé
		case para.Words[first].Capitalized() && para.Words[first+1].Capitalized():
			return true // Walla Walla, Duran Duran
		case opensSentenceOrQuote(para, first):
			return true // "Happy happy birthday", Rain rain go away
		}
		return opensWithWhClause(para, first) // Whatever happens happens
	}
	if last-first >= 2 {
		return false // the the the, had had had
	}
	switch {
	case key == "had" || key == "her" || key == "you":
		return true // had had; gave her her keys; told you you were
	case key == "that":
		return first+2 >= len(para.Words) || !introducers[draft.Key(para.Words[first+2].Text)]
	case key == "is" || key == "was" || key == "do" || key == "did" || key == "does":
		return opensWithWhClause(para, first)
	case particles[key]:
		return first > 0 && isPhrasalVerb(para.Words[first-1].Text)
	}
	return false
}

// sentenceOf returns the sentence holding word i.
func sentenceOf(para *draft.Paragraph, i int) *draft.Sentence {
	off := para.Words[i].Off
	for k := range para.Sentences {
		s := &para.Sentences[k]
		if off >= s.Off && off < s.Off+len(s.Text) {
			return s
		}
	}
	return nil
}

// opensSentenceOrQuote reports whether word i is the first word of its
// sentence or comes right after an opening quotation mark.
func opensSentenceOrQuote(para *draft.Paragraph, i int) bool {
	if s := sentenceOf(para, i); s != nil && len(s.Words) > 0 && s.Words[0].Off == para.Words[i].Off {
		return true
	}
	before := strings.TrimRightFunc(para.Text[:para.Words[i].Off], unicode.IsSpace)
	last, _ := utf8.DecodeLastRuneInString(before)
	return last == '"' || last == '\u201c' || last == '\u2018' || last == '\u00ab' || last == '\u201e'
}

// opensWithWhClause reports whether the sentence holding word i opens with
// a wh-clause (What, Whatever, All ...), as pseudo-clefts and free
// relatives do.
func opensWithWhClause(para *draft.Paragraph, i int) bool {
	s := sentenceOf(para, i)
	return s != nil && len(s.Words) > 0 && s.Words[0].Off < para.Words[i].Off && whOpeners[draft.Key(s.Words[0].Text)]
}

// isPhrasalVerb reports whether a word is a verb form that takes a
// particle: a known one, or any lower-case word ending in -ed or -ing.
func isPhrasalVerb(w string) bool {
	k := draft.Key(w)
	if phrasalVerbs[k] {
		return true
	}
	return w == k && len(k) > 4 && (strings.HasSuffix(k, "ed") || strings.HasSuffix(k, "ing"))
}

func onlySpace(s string) bool {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c != ' ' && c != '\t' && c != '\n' && c != '\r' {
				return false
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if !unicode.IsSpace(r) {
			return false
		}
		i += n
	}
	return true
}
