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

// legitimateDoubles are words that grammatical English repeats: "had had",
// "that that", "what they do do", "gave her her keys", "bye bye".
var legitimateDoubles = map[string]bool{
	"had": true, "that": true, "do": true, "did": true, "her": true, "you": true,
	"will": true, "can": true, "bye": true, "ha": true, "no": true, "so": true, "now": true, "there": true,
	"tut": true, "knock": true, "chop": true, "night": true, "yada": true, "blah": true, "bla": true,
	"pooh": true, "hush": true, "boo": true, "goody": true, "pom": true, "dum": true, "tom": true,
	"mahi": true, "aye": true, "well": true, "go": true, "yes": true, "cha": true, "choo": true, "bon": true,
	"la": true, "ho": true, "hee": true, "ding": true, "tick": true, "tsk": true, "ta": true, "yum": true,
	"bang": true, "boom": true, "ciao": true, "bravo": true,
}

// copulas double legitimately in a pseudo-cleft, whose subject is a
// wh-clause: "What the problem is is cost", "All it was was a rumor".
var copulas = map[string]bool{"is": true, "was": true}

// clauseOpeners open the wh-clause of a pseudo-cleft.
var clauseOpeners = map[string]bool{"what": true, "whatever": true, "where": true, "why": true, "how": true,
	"who": true, "all": true}

// Meta describes the rule.
func (RepeatedWordRule) Meta() lint.Meta {
	return lint.Meta{
		ID:    "repeated-word",
		Title: "the same word twice in a row",
		Doc: "Flags a word written twice in a row, ignoring case, also when a line break or Markdown emphasis " +
			"separates the two. Grammatical doubles (had had, that that, is is, her her), interjections " +
			"(bye bye), numbers and capitalized pairs that are names (Walla Walla) are not flagged. " +
			"The suggestion deletes the second word.",
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

// Check reports each word that repeats the word before it.
func (r RepeatedWordRule) Check(p *lint.Pass) {
	for pi := range p.Doc.Paragraphs {
		para := &p.Doc.Paragraphs[pi]
		words := para.Words
		for i := 1; i < len(words); i++ {
			a, b := words[i-1], words[i]
			if a.Kind != draft.WordPlain || b.Kind != draft.WordPlain || !draft.SameWord(a.Text, b.Text) {
				continue
			}
			if !onlySpace(para.Text[a.End():b.Off]) || r.legitimate(para, i-1) {
				continue
			}
			d := lint.Diagnostic{
				Span:    draft.Span{Start: a.Span.Start, End: b.Span.End},
				Message: fmt.Sprintf("repeated word %q", b.Text),
			}
			if onlySpace(p.Doc.Src[a.Span.End:b.Span.Start]) {
				d.Suggestions = []lint.Edit{{Span: draft.Span{Start: a.Span.End, End: b.Span.End}}}
			}
			p.Report(d)
		}
	}
}

// legitimate reports whether the pair starting at word i is good English
// or a name.
func (r RepeatedWordRule) legitimate(para *draft.Paragraph, i int) bool {
	a, b := para.Words[i], para.Words[i+1]
	if a.Capitalized() && b.Capitalized() {
		return true // Walla Walla, Duran Duran
	}
	key := draft.Key(b.Text)
	if legitimateDoubles[key] || r.allow[key] {
		return true
	}
	return copulas[key] && opensWithWhClause(para, i)
}

// opensWithWhClause reports whether a pseudo-cleft's wh-clause precedes
// word i in its sentence.
func opensWithWhClause(para *draft.Paragraph, i int) bool {
	for _, s := range para.Sentences {
		if len(s.Words) == 0 || s.Words[0].Off > para.Words[i].Off || s.Off+len(s.Text) < para.Words[i].Off {
			continue
		}
		for _, w := range s.Words {
			if w.Off >= para.Words[i].Off {
				break
			}
			if clauseOpeners[draft.Key(w.Text)] {
				return true
			}
		}
	}
	return false
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
