package spell

import (
	"testing"
)

// FuzzParseAutomaton checks that any bytes either fail to parse or give an
// automaton whose lookups and searches neither panic nor loop.
func FuzzParseAutomaton(f *testing.F) {
	for _, words := range [][]string{{"news", "newt", "new"}, {"café", "Café", "año"}, nil} {
		data, err := BuildAutomaton(words, true)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data, "news")
	}
	f.Fuzz(func(t *testing.T, data []byte, word string) {
		a, err := ParseAutomaton(data)
		if err != nil {
			return
		}
		a.Contains(word)
		a.Rank(word)
		n := 0
		a.Near(word, 2, func(string, int) bool { n++; return n < 1000 })
	})
}

// FuzzParseConfusables checks that the confusables parser returns an
// error or a list that Check can use, for any text.
func FuzzParseConfusables(f *testing.F) {
	f.Add("= trial trail\ntrail -> trial: murder _ ; _ {judge,jury} ; !campaign _\n", "the murder trail began")
	f.Add("= its it's\nit's -> its: ^ * _ $\n", "it's")
	f.Fuzz(func(t *testing.T, list, sentence string) {
		c, err := ParseConfusables("fuzz", []byte(list))
		if err != nil {
			return
		}
		words := splitWords(sentence)
		for i := range words {
			c.Check(words, i)
		}
	})
}

// splitWords splits on spaces, for the fuzz target.
func splitWords(s string) []string {
	var out []string
	start := -1
	for i, r := range s {
		if r == ' ' {
			if start >= 0 {
				out = append(out, s[start:i])
			}
			start = -1
		} else if start < 0 {
			start = i
		}
	}
	if start >= 0 {
		out = append(out, s[start:])
	}
	return out
}
