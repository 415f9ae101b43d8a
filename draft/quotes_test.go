package draft

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"golang.org/x/text/language"
)

// quoteProblems parses a Markdown draft and describes its quotation-mark
// problems as "LINE:COL kind MARK[->WANT]".
func quoteProblems(t *testing.T, lang, text string) []string {
	t.Helper()
	tag := language.Und
	if lang != "" {
		tag = language.MustParse(lang)
	}
	doc, err := NewParser().ParseWith("case.md", []byte(text), Options{Format: Markdown, Language: tag})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, p := range doc.Paragraphs {
		for _, pr := range p.QuoteProblems {
			pos := doc.Position(pr.Mark.Span.Start)
			s := fmt.Sprintf("%d:%d %v %c", pos.Line, pos.Column, pr.Kind, pr.Mark.Rune)
			if pr.Want != 0 {
				s += fmt.Sprintf("->%c", pr.Want)
			}
			got = append(got, s)
		}
	}
	return got
}

func TestQuoteProblems(t *testing.T) {
	tests := []struct {
		name, lang, text string
		want             []string
	}{
		// Stray closing marks.
		{"stray straight closer", "", `"I can't say," the mayor said when asked about the levy." "We are ready."`,
			[]string{`1:57 stray closing mark "`}},
		{"stray curly closer", "", `“I can’t say,” the mayor said when asked about the levy.” “We are ready.”`,
			[]string{`1:57 stray closing mark ”`}},
		{"stray single closer en-GB", "en-GB", `He said the council had no plans.’ ‘We are ready,’ she said.`,
			[]string{`1:34 stray closing mark ’`}},
		// Unclosed quotations.
		{"unclosed at paragraph end", "", "\"We are ready, the mayor said.\n\nThe vote is on Tuesday.\n",
			[]string{`1:1 unclosed quotation "`}},
		{"unclosed before another quotation", "", `"We are ready, she said. "The vote is on Tuesday."`,
			[]string{`1:1 unclosed quotation "`}},
		{"unclosed in last paragraph", "", "He said: “We are ready.\n",
			[]string{`1:10 unclosed quotation “`}},
		{"multi-paragraph quotation", "", "“We are ready.\n\n“We have been ready for weeks.”\n", nil},
		{"multi-paragraph over three", "", "\"One.\n\n\"Two.\n\n\"Three,\" she said.\n", nil},
		{"multi-paragraph then unclosed", "", "“One.\n\n“Two.\n\nShe left.\n",
			[]string{`3:1 unclosed quotation “`}},
		{"heading does not continue", "", "“One.\n\n## “Two”\n", []string{`1:1 unclosed quotation “`}},
		{"inner single unclosed", "", `“He told me, ‘Sign it now,” she said.`,
			[]string{`1:14 unclosed quotation ‘`}},
		{"crossed", "", `“He told me ‘sign it” and then leave.’`, []string{`1:13 crossed quotations ‘`}},
		// Mismatched and wrong-way marks.
		{"opening closes", "", `“We are ready.“ She left.`, []string{`1:15 mark facing the wrong way “->”`}},
		{"closing opens", "", `”We are ready,” she said.`, []string{`1:1 mark facing the wrong way ”->“`}},
		{"double closed by single", "", `“We are ready,' she said.`, []string{`1:15 mismatched marks '`}},
		{"curly closed by straight", "", `“We are ready," she said.`, []string{`1:15 mismatched marks "->”`}},
		{"straight closed by curly", "", `"We are ready,” she said.`, []string{`1:1 mismatched marks "->“`}},
		{"wrong-way apostrophe decade", "", `Music of the ‘90s.`, []string{`1:14 mark facing the wrong way ‘->’`}},
		{"wrong-way apostrophe inside word", "", `We don‘t know.`, []string{`1:7 mark facing the wrong way ‘->’`}},
		{"wrong-way single opener proved by closer", "en-GB", `’We are ready,’ she said.`,
			[]string{`1:1 mark facing the wrong way ’->‘`}},
		{"spanish closing guillemet opens", "es", `»Estamos listos», dijo.`,
			[]string{`1:1 mark facing the wrong way »->«`}},
		{"spanish continuation with closing guillemet", "es", "«Estamos listos.\n\n»Y seguimos», dijo.\n", nil},
		{"french continuation", "fr", "« Nous sommes prêts.\n\n« Et nous restons prêts », a-t-il dit.\n", nil},
		{"german english marks", "de", `“Wir sind bereit”, sagte er.`,
			[]string{`1:1 mark facing the wrong way “->„`, `1:17 mark facing the wrong way ”->“`}},
		{"german polish closing", "de", `„Wir sind bereit”, sagte er.`, []string{`1:17 mark facing the wrong way ”->“`}},
		// Correct copy.
		{"nested american", "", `“She told me, ‘Don’t sign it,’ and I didn’t,” he said.`, nil},
		{"nested closing together", "", `“He said ‘no.’” She left. “They call it ‘the Joneses’ house.’”`, nil},
		{"nested british", "en-GB", `‘She said “no” twice,’ he said. ‘It’s the Pattersons’,’ she said.`, nil},
		{"british possessive before closer", "en-GB", `‘The Joneses’ house is big,’ she said.`, nil},
		{"scare quotes then possessive", "", `He called it ‘bae’ and the parents’ reply was short.`, nil},
		{"apostrophes", "", `Don't. The Joneses' house, students' union, Sheinbaum's plan, y'all, o'clock, the '90s, rock 'n' roll, 'em, 'til dawn.`, nil},
		{"curly apostrophes", "", `The ’90s, rock ’n’ roll, o’clock, ’em, the Harrises’ lawyer, goin’ home.`, nil},
		{"elision inside quotation", "", `"Tell 'em I'm comin'," he said.`, nil},
		{"primes", "", `A 6'2" forward, a 5' 11" guard, 45° 30' N, a 12" pipe, and "a 12" pipe," he said.`, nil},
		{"curly primes", "", `A 6’2” forward and a 5’ 11” guard.`, nil},
		{"ditto table", "", "| Item | Price |\n|---|---|\n| Apples | $1 |\n| Pears | \" |\n", nil},
		{"code span", "", "Run `print(\"hi)` and \"it works,\" she said.", nil},
		{"possessive after initialism", "", `The U.S.' role and the U.S.'s plan.`, nil},
		{"spanish in english", "", `She said «no sé», then left. He read „Das Boot“ twice.`, nil},
		{"spanish nesting", "es", `«Me dijo: “No firmes ‘nada’ todavía”», explicó.`, nil},
		{"german nesting", "de", `„Er sagte: ‚Nein‘, und ging“, sagte sie. »Der Titel« und Hans’ Auto.`, nil},
		{"french spaces", "fr", "« Bonjour », dit-il. « L’école “ferme” demain »", nil},
		{"dash closes", "", `"I thought—" she said, "—that it was over."`, nil},
		{"ellipsis opens", "", `"...and then it ended," she said.`, nil},
		{"missing space", "", `He said:"We are ready."`, nil},
		{"question inside", "", `"Are we ready?" she asked. "Yes!"`, nil},
		{"brackets", "", `("We are ready," she said.)`, nil},
		{"straight single unsure", "", `"I think 'Kevin is right," she said.`, nil},
		{"title ending in a number", "", "# Review: High-flying ‘Game 2K17’ has a career year\n\nReview: ‘Rally 17’ runs hard.", nil},
		{"quotation opening with a number", "", `And I just said, ‘11 weeks!’ and left.`, nil},
		{"double hyphen for a dash", "", `"They say,--'Oh, you will,' and then I say, 'No.'"`, nil},
		{"full stop with no space after", "", `Click ‘Finish Setup’.This then opens the page.`, nil},
		{"double inside single inside double", "", `"'Mondays: See You "This" Week!': Office comedy" . The Times.`, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := quoteProblems(t, tt.lang, tt.text)
			if !slices.Equal(got, tt.want) {
				t.Errorf("problems in %q:\n got %q\nwant %q", tt.text, got, tt.want)
			}
		})
	}
}

// TestQuotations checks the quotations pairing finds: their text, level
// and links across paragraphs.
func TestQuotations(t *testing.T) {
	tests := []struct {
		name, lang, text string
		want             []string // "level:quoted" with < and > for runs across paragraphs
	}{
		{"simple", "", `"We are ready," she said.`, []string{"0:We are ready,"}},
		{"nested", "", `“She said, ‘No,’ twice.”`, []string{"0:She said, ‘No,’ twice.", "1:No,"}},
		{"possessive", "", `He called it ‘bae’ and the parents’ reply was short.`, []string{"0:bae"}},
		{"joneses", "", `“the Joneses’ house”, ‘the Joneses’ house’`, []string{"0:the Joneses’ house", "0:the Joneses’ house"}},
		{"continued", "", "“One.\n\n“Two.”\n", []string{"0:One.>", "0:<Two."}},
		{"british", "en-GB", `‘I’m goin’ home,’ he said.`, []string{"0:I’m goin’ home,"}},
		{"elision opens", "en-GB", `‘Cause we said so,’ he said.`, []string{"0:Cause we said so,"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tag := language.Und
			if tt.lang != "" {
				tag = language.MustParse(tt.lang)
			}
			doc, err := NewParser().ParseWith("case.md", []byte(tt.text), Options{Format: Markdown, Language: tag})
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for pi := range doc.Paragraphs {
				p := &doc.Paragraphs[pi]
				for _, q := range p.Quotations {
					s := fmt.Sprintf("%d:", q.Level)
					if q.FromPrevious {
						s += "<"
					}
					s += p.Quoted(q)
					if q.IntoNext {
						s += ">"
					}
					got = append(got, s)
				}
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("quotations in %q:\n got %q\nwant %q", tt.text, got, tt.want)
			}
		})
	}
}

// TestQuoteStyleFor checks which conventions each language gets.
func TestQuoteStyleFor(t *testing.T) {
	for tag, want := range map[string]string{
		"und": "American English", "en": "American English", "en-US": "American English",
		"en-GB": "British English", "en-AU": "American English", "es": "Spanish", "es-MX": "Spanish",
		"fr": "French", "fr-CA": "French", "de": "German", "de-CH": "German", "it": "other languages",
	} {
		if got := QuoteStyleFor(language.MustParse(tag)).Name; got != want {
			t.Errorf("QuoteStyleFor(%s) = %s, want %s", tag, got, want)
		}
	}
}

// TestQuoteMarkRoles checks the role given to each mark.
func TestQuoteMarkRoles(t *testing.T) {
	text := `"It's 6'2"," he said of the '90s 'star.'`
	doc, err := NewParser().ParseWith("case.md", []byte(text), Options{Format: Markdown})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, m := range doc.Paragraphs[0].QuoteMarks {
		got = append(got, fmt.Sprintf("%c%v", m.Rune, m.Role))
		if doc.Slice(m.Span) != string(m.Rune) {
			t.Errorf("mark %c has span %v holding %q", m.Rune, m.Span, doc.Slice(m.Span))
		}
	}
	want := `"opening 'apostrophe 'prime "prime "closing 'apostrophe 'opening 'closing`
	if strings.Join(got, " ") != want {
		t.Errorf("roles:\n got %s\nwant %s", strings.Join(got, " "), want)
	}
}
