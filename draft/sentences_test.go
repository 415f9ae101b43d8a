package draft

import (
	"reflect"
	"testing"
)

func sentencesOf(t *testing.T, text string) []string {
	t.Helper()
	doc := parse(t, "s.txt", text)
	var out []string
	for _, p := range doc.Paragraphs {
		for _, s := range p.Sentences {
			out = append(out, s.Text)
		}
	}
	return out
}

func TestSentences(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		text string
		want []string
	}{
		{"plain", "The council met. It adjourned.", []string{"The council met.", "It adjourned."}},
		{"titles", "Mr. Hale and Gen. Ortiz met Sen. Price.", []string{"Mr. Hale and Gen. Ortiz met Sen. Price."}},
		{"initials", "Sen. J.D. Hartley and J. Edgar Moss spoke.", []string{"Sen. J.D. Hartley and J. Edgar Moss spoke."}},
		{"initialism mid-sentence", "The U.S. Army and the D.C. police agreed.", []string{"The U.S. Army and the D.C. police agreed."}},
		{"initialism ends sentence", "She moved to Washington, D.C. He stayed.", []string{"She moved to Washington, D.C.", "He stayed."}},
		{"month", "The vote is Jan. 5 at noon.", []string{"The vote is Jan. 5 at noon."}},
		{"number abbreviation", "It ranked No. 3 in the state.", []string{"It ranked No. 3 in the state."}},
		{"company ends sentence", "She works at Apple Inc. The company declined to comment.", []string{"She works at Apple Inc.", "The company declined to comment."}},
		{"decimals and money", "The plan costs $1.5 billion, up 3.2 percent. Critics balked.", []string{"The plan costs $1.5 billion, up 3.2 percent.", "Critics balked."}},
		{"time", "It starts at 9 a.m. Tuesday. At 9 a.m. The doors open.", []string{"It starts at 9 a.m. Tuesday.", "At 9 a.m.", "The doors open."}},
		{"ellipsis mid-sentence", "A strike... is coming, he said.", []string{"A strike... is coming, he said."}},
		{"ellipsis ends sentence", "She paused… Then she left.", []string{"She paused…", "Then she left."}},
		{"closing quote", `"We will not go back anymore." She left.`, []string{`"We will not go back anymore."`, "She left."}},
		{"curly closing quote", "“We are ready.” The crowd cheered.", []string{"“We are ready.”", "The crowd cheered."}},
		{"question in quote", `"Why?" she asked. "Because."`, []string{`"Why?" she asked.`, `"Because."`}},
		{"stray closing quote", `"I can't say," she said about a raid." "We are ready."`, []string{`"I can't say," she said about a raid."`, `"We are ready."`}},
		{"parenthesis", "It passed (barely.) The mayor signed it.", []string{"It passed (barely.)", "The mayor signed it."}},
		{"exclamations", "Yes! No? Maybe.", []string{"Yes!", "No?", "Maybe."}},
		{"no final stop", "Council approves budget", []string{"Council approves budget"}},
		{"url", "See example.com/a.b for details. Then vote.", []string{"See example.com/a.b for details.", "Then vote."}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			// A leading line keeps the sentence out of headline position.
			got := sentencesOf(t, "Lead paragraph.\n\n"+tt.text)[1:]
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("sentences of %q\n got %q\nwant %q", tt.text, got, tt.want)
			}
		})
	}
}
