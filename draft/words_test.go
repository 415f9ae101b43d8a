package draft

import (
	"reflect"
	"testing"
)

func wordsOf(text string) []Word {
	return tokenize(text, nil)
}

func TestWords(t *testing.T) {
	t.Parallel()
	tests := []struct {
		text string
		want []string
	}{
		{"don't Sheinbaum's y'all o’clock", []string{"don't", "Sheinbaum's", "y'all", "o’clock"}},
		{"rock 'n' roll, rock ’n’ roll", []string{"rock", "'n'", "roll", "rock", "’n’", "roll"}},
		{"the ’90s, ’em and 'til dawn", []string{"the", "’90s", "’em", "and", "'til", "dawn"}},
		{"the Joneses' house and students' work", []string{"the", "Joneses", "house", "and", "students", "work"}},
		{"'Hello,' she said", []string{"Hello", "she", "said"}},
		{"well-known 10-year-old e-mail", []string{"well-known", "10-year-old", "e-mail"}},
		{"U.S. D.C. J.D. a.m. e.g.", []string{"U.S.", "D.C.", "J.D.", "a.m.", "e.g."}},
		{"end. Start", []string{"end", "Start"}},
		{"$1.5 billion, 1,000 people, 3.2%", []string{"1.5", "billion", "1,000", "people", "3.2"}},
		{"COVID-19 5G AT&T Q&A", []string{"COVID-19", "5G", "AT&T", "Q&A"}},
		{"café naïve Zürich señor", []string{"café", "naïve", "Zürich", "señor"}},
		{"a dash — not a hyphen - here", []string{"a", "dash", "not", "a", "hyphen", "here"}},
		{"one,two;three", []string{"one", "two", "three"}},
		{"trailing-", []string{"trailing"}},
	}
	for _, tt := range tests {
		var got []string
		for _, w := range wordsOf(tt.text) {
			got = append(got, w.Text)
		}
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("words of %q\n got %q\nwant %q", tt.text, got, tt.want)
		}
	}
}

func TestWordKinds(t *testing.T) {
	t.Parallel()
	tests := []struct {
		text string
		want WordKind
	}{
		{"word", WordPlain},
		{"2019", WordNumber},
		{"COVID-19", WordNumber},
		{"’90s", WordNumber},
		{"https://example.com/a?b=1", WordURL},
		{"www.example.com", WordURL},
		{"editor@example.com", WordEmail},
		{"@newsroom", WordHandle},
		{"#budget2026", WordHashtag},
	}
	for _, tt := range tests {
		ws := wordsOf(tt.text + ".")
		if len(ws) != 1 || ws[0].Text != tt.text || ws[0].Kind != tt.want {
			t.Errorf("tokenize(%q) = %+v, want one word of kind %d", tt.text, ws, tt.want)
		}
	}
	// Not handles or hashtags: an e-mail's @, a # after a word, # with a number.
	for _, text := range []string{"a@b", "C#", "#1"} {
		for _, w := range wordsOf(text) {
			if w.Kind == WordHandle || w.Kind == WordHashtag {
				t.Errorf("tokenize(%q) gave %q as kind %d", text, w.Text, w.Kind)
			}
		}
	}
}

func TestWordParts(t *testing.T) {
	t.Parallel()
	doc := parse(t, "w.md", "Intro.\n\nA **well-known** and 10-year-old plan.\n")
	p := doc.Paragraphs[1]
	var got []string
	for _, w := range p.Words {
		for _, part := range p.Parts(w) {
			got = append(got, part.Text+"="+doc.Slice(part.Span))
		}
	}
	want := []string{"A=A", "well=well", "known=known", "and=and", "10=10", "year=year", "old=old", "plan=plan"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("parts\n got %q\nwant %q", got, want)
	}
	if k := p.Parts(p.Words[3])[1].Kind; k != WordPlain {
		t.Errorf("part %q of a number compound has kind %d, want plain", "year", k)
	}
}

func TestKey(t *testing.T) {
	t.Parallel()
	// "é" composed and decomposed, upper and lower case, curly and straight
	// apostrophes are the same word.
	pairs := [][2]string{{"Café", "cafe\u0301"}, {"THE", "the"}, {"don’t", "don't"}, {"STRASSE", "straße"}}
	for _, p := range pairs {
		if !SameWord(p[0], p[1]) {
			t.Errorf("SameWord(%q, %q) = false", p[0], p[1])
		}
	}
	if SameWord("the", "then") {
		t.Error(`SameWord("the", "then") = true`)
	}
}
