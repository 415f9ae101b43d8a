package attribution

import (
	"testing"

	"github.com/newslint/newslint/draft"
	"golang.org/x/text/language"
)

// FuzzAnalyze runs the analysis and the phrase and speech-tag scans on
// any draft: no panic, and every result points into the draft, with chain
// heads before their parts.
func FuzzAnalyze(f *testing.F) {
	for _, s := range []string{
		"\"We will win,\" she said. \"We always do.\n\n\"Always.\"\n",
		"Ortiz put it this way:\n\n- \"We will win.\"\n",
		"Q: \"Why?\"\n\nA: 'Because.'\n\n> \"Quoted.\"\n>\n> — Ortiz\n",
		"Kuwait\"s minister \"\"said\" it, she claimed that experts say so, reportedly.\n",
		"# \"Head\"\n\nThe film \"Jaws\" and the '08 class, 'em, a \"click and collect\" deal.\n",
	} {
		f.Add(s, false)
		f.Add(s, true)
	}
	lx := For(language.English)
	phrases := NewPhraseSet(nil)
	for _, text := range []string{"sources say|said", "[senior] officials said", "according to reports", "reportedly"} {
		ph, err := ParsePhrase(text)
		if err != nil {
			f.Fatal(err)
		}
		phrases = NewPhraseSet(append(phrases.phrases, ph))
	}
	f.Fuzz(func(t *testing.T, text string, markdown bool) {
		name := "d.txt"
		if markdown {
			name = "d.md"
		}
		doc, err := draft.NewParser().Parse(name, []byte(text))
		if err != nil {
			return
		}
		qs := Analyze(doc, lx)
		for i, q := range qs {
			if q.Para < 0 || q.Para >= len(doc.Paragraphs) || q.Index < 0 || q.Index >= len(doc.Paragraphs[q.Para].Quotations) {
				t.Fatalf("quotation %d points outside the draft: %+v", i, q)
			}
			if q.Head > i || q.Head < 0 || qs[q.Head].Para > q.Para || q.Paragraphs < 1 {
				t.Fatalf("quotation %d has a bad chain: %+v", i, q)
			}
		}
		d := NewDoc(doc, lx)
		phrases.Scan(d, func(v *Para, m Match) {
			if m.Start >= m.End || m.End > len(v.P.Words) {
				t.Fatalf("bad match %+v", m)
			}
			d.NamedSourceAfter(m.Para, m.End)
			d.IntroducedEarlier(m.Para, m.Start)
			ReasonGiven(v, v.Sentence(m.Start))
		})
		for pi := range doc.Paragraphs {
			v := d.Para(pi)
			for i := range v.P.Words {
				d.AttributionVerb(v, i)
			}
		}
	})
}

// FuzzParsePhrase checks that any pattern either parses into a phrase
// with a first word or is refused.
func FuzzParsePhrase(f *testing.F) {
	for _, s := range []string{"sources say|said", "[a|one] source said", "[x]", "a||b", "", "according to [unnamed] reports"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		ph, err := ParsePhrase(s)
		if err != nil {
			return
		}
		if len(ph.First()) == 0 {
			t.Fatalf("%q parsed with no first word", s)
		}
	})
}
