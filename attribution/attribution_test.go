package attribution

import (
	"strings"
	"testing"

	"github.com/newslint/newslint/draft"
	"golang.org/x/text/language"
)

func parse(t testing.TB, name, text string) *draft.Document {
	t.Helper()
	doc, err := draft.NewParser().Parse(name, []byte(text))
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

// TestAnalyze checks the kind and placement Analyze gives the first
// quotation of small drafts, one construct each.
func TestAnalyze(t *testing.T) {
	tests := []struct {
		name, text string
		kind       Kind
		placement  Placement
	}{
		{"after", `"We will win," she said.`, Full, SameSentence},
		{"before", `She said: "We will win."`, Full, SameSentence},
		{"inverted", `"We will win," said Ortiz.`, Full, SameSentence},
		{"according to", `"The bridge is safe," according to the state.`, Full, SameSentence},
		{"label", `Ortiz: "We will win."`, Full, Label},
		{"sentence before", `Ortiz was blunt. "We will win."`, Full, NearbySentence},
		{"sentence after", `"We will win." That was what Ortiz told the crowd.`, Full, NearbySentence},
		{"common word opener", `Turnout was low. "We will win."`, Full, None},
		{"name opener", `Smith was blunt. "We will win."`, Full, NearbySentence},
		{"nobody", `The room went quiet. "We will win."`, Full, None},
		{"alone", `"We will win."`, Full, None},
		{"partial with verb", `The mayor called the plan "a bridge to nowhere."`, Partial, SameSentence},
		{"partial without", `The plan was "a bridge to nowhere and back."`, Partial, None},
		{"scare", `Turnout was "historic" today.`, Scare, None},
		{"so-called", `The so-called "experts" left.`, Title, None},
		{"two words", `Turnout was "very historic" today.`, Scare, None},
		{"film", `The film "Harbor Lights at Midnight" opens Friday.`, Title, None},
		{"title case", `They sang "The Long Road Home" at the end.`, Title, None},
		{"known as", `The road is known as "the mile of bridges and sighs."`, Title, None},
		{"determiner", `It is a "click and collect" system.`, Title, None},
		{"subhead", `"A bridge to nowhere"`, Pull, None},
		{"glued mark", `Kuwait"s oil minister said there were "no plans at all."`, Broken, None},
		{"elision", `The '90s, the class of '08, rock 'n' roll, 'em, 'til dawn, 'cause, goin' and nothin'.`, Broken, None},
		{"doubled mark", `""It was late," Ortiz said.`, Broken, None},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := parse(t, "d.md", tt.text+"\n")
			qs := Analyze(doc, For(language.AmericanEnglish))
			if len(qs) == 0 {
				t.Fatalf("no quotation in %q", tt.text)
			}
			if qs[0].Kind != tt.kind || qs[0].Placement != tt.placement {
				t.Errorf("%q: got %s, %s; want %s, %s", tt.text, qs[0].Kind, qs[0].Placement, tt.kind, tt.placement)
			}
		})
	}
}

// TestAnalyzeParagraphs checks the placements that span paragraphs.
func TestAnalyzeParagraphs(t *testing.T) {
	tests := []struct {
		name, text string
		want       []Placement // of every top-level quotation, in order
	}{
		{"inherited", "\"We will win,\" Ortiz said. \"We always do.\"\n", []Placement{SameSentence, Inherited}},
		{"chain attributed first", "\"We will win,\" Ortiz said. \"We always do.\n\n\"Always.\"\n", []Placement{SameSentence, Inherited, Chain}},
		{"chain attributed last", "\"We will win.\n\n\"We always do,\" said Ortiz.\n", []Placement{Chain, SameSentence}},
		{"chain unattributed", "\"We will win.\n\n\"We always do.\"\n", []Placement{None, None}},
		{"colon", "Ortiz put it this way:\n\n\"We will win.\"\n", []Placement{Introduced}},
		{"bullet after colon", "The memo lists what the mayor wants:\n\n- \"Every school gets its numbers first.\"\n", []Placement{Introduced}},
		{"full stop", "Ortiz has said so.\n\n\"We will win.\"\n", []Placement{None}},
		{"interview label", "Q: \"Will you win?\" the crowd asked.\n\nA: \"We will win this year.\"\n", []Placement{Label, Label}},
		{"new paragraph", "\"We will win,\" Ortiz said.\n\n\"We always do.\"\n", []Placement{SameSentence, None}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			qs := Analyze(parse(t, "d.md", "# Budget\n\n"+tt.text), For(language.AmericanEnglish))
			var got []Placement
			for _, q := range qs {
				got = append(got, q.Placement)
			}
			if len(got) != len(tt.want) {
				t.Fatalf("got %v, want %v", got, tt.want)
			}
			for i := range got {
				if got[i] != tt.want[i] {
					t.Errorf("quotation %d: got %s, want %s", i, got[i], tt.want[i])
				}
			}
		})
	}
}

// TestChainHead checks that a quotation over three paragraphs counts them
// at its head, and its later parts point at the head.
func TestChainHead(t *testing.T) {
	qs := Analyze(parse(t, "d.md", "\"One.\n\n\"Two.\n\n\"Three.\"\n"), For(language.English))
	if len(qs) != 3 || qs[0].Paragraphs != 3 || qs[1].Head != 0 || qs[2].Head != 0 {
		t.Fatalf("got %+v", qs)
	}
}

func TestFor(t *testing.T) {
	for tag, want := range map[string]bool{"en": true, "en-GB": true, "en-US": true, "und": true, "es": false, "de": false} {
		if got := For(language.MustParse(tag)) != nil; got != want {
			t.Errorf("For(%s) = %v, want %v", tag, got, want)
		}
	}
	if Analyze(parse(t, "d.md", "\"Hola.\"\n"), nil) != nil {
		t.Error("Analyze with no lexicon returned quotations")
	}
}

func TestParsePhrase(t *testing.T) {
	for _, bad := range []string{"", "   ", "a||b", "sources [said", "sources [said]", "[]"} {
		if _, err := ParsePhrase(bad); err == nil {
			t.Errorf("ParsePhrase(%q) succeeded", bad)
		}
	}
	ph, err := ParsePhrase("[senior] Officials said|say")
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(ph.First(), ","); got != "senior,officials" {
		t.Errorf("First() = %s", got)
	}
	doc := parse(t, "d.md", "Senior officials say it. Officials said so. \"Officials said\" it. Officials, said.\n")
	set := NewPhraseSet([]Phrase{ph})
	var got []string
	set.Scan(NewDoc(doc, For(language.English)), func(v *Para, m Match) {
		got = append(got, v.P.Text[v.P.Words[m.Start].Off:v.P.Words[m.End-1].End()])
	})
	if strings.Join(got, "|") != "Senior officials say|Officials said" {
		t.Errorf("matches %q", got)
	}
}

func TestInflect(t *testing.T) {
	tests := map[string][]string{
		"claim":   {"claims=says", "claimed=said", "claiming=saying"},
		"admit":   {"admits=says", "admitted=said", "admitting=saying"},
		"concede": {"concedes=says", "conceded=said", "conceding=saying"},
		"deny":    {"denies=says", "denied=said", "denying=saying"},
		"confess": {"confesses=says", "confessed=said"},
	}
	for base, want := range tests {
		forms := Inflect(base)
		if forms[base] != "say" {
			t.Errorf("%s: base form maps to %q", base, forms[base])
		}
		for _, w := range want {
			form, say, _ := strings.Cut(w, "=")
			if forms[form] != say {
				t.Errorf("%s: %s maps to %q, want %q", base, form, forms[form], say)
			}
		}
	}
}

// TestIndex checks that every stored word is found in any case, and that
// the filters and folding turn away other words.
func TestIndex(t *testing.T) {
	ix := NewIndex[int]()
	words := []string{"a", "said", "according", "über", "co-founder", "it's"}
	for i, w := range words {
		ix.Set(w, i+1)
	}
	for i, w := range words {
		r := []rune(w)
		for _, form := range []string{w, strings.ToUpper(w), strings.ToUpper(string(r[0])) + string(r[1:])} {
			if v, ok := ix.Get(form); !ok || v != i+1 {
				t.Errorf("Get(%q) = %d, %v", form, v, ok)
			}
		}
	}
	for _, w := range []string{"", "b", "sad", "saids", "SAIDX", "uber", "accordingly", strings.Repeat("a", 80)} {
		if _, ok := ix.Get(w); ok {
			t.Errorf("Get(%q) found a word never stored", w)
		}
	}
}

// TestLexicon spot-checks the English word classes.
func TestLexicon(t *testing.T) {
	lx := For(language.English)
	for word, want := range map[string]Class{
		"said": SpeechVerb, "Told": SpeechVerb, "tweeted": SpeechVerb, "testified": SpeechVerb,
		"added": SpeechVerb | WeakVerb, "she": Pronoun, "officials": Role, "spokeswomen": Role,
		"ruling": Source, "film": Mention, "titled": Naming, "March": Calendar, "the": Function,
	} {
		if lx.Class(word)&want != want {
			t.Errorf("Class(%q) = %b, want bits %b", word, lx.Class(word), want)
		}
	}
	if lx.Class("bridge") != 0 {
		t.Errorf("Class(bridge) = %b, want none", lx.Class("bridge"))
	}
}
