package boilerplate

import "testing"

// FuzzPatternAndLine parses an arbitrary pattern and matches arbitrary
// lines against it and the built-in lists: no panic, and a match always
// lies inside its line.
func FuzzPatternAndLine(f *testing.F) {
	f.Add("paywall: subscribe to read ...", "Subscribe to read the full story")
	f.Add("related: [our] picks|top stories", "Our Picks")
	f.Add("# trusted [global] sources", "100+ trusted global sources.")
	f.Add("[", "Foto: EFE")
	builtin, err := ParsePatterns(Builtin())
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, pattern, line string) {
		patterns := builtin[:len(builtin):len(builtin)]
		if p, err := ParsePattern(pattern); err == nil {
			patterns = append(patterns, p)
		}
		m, err := NewMatcher(patterns, DefaultMaxWords)
		if err != nil {
			return
		}
		if got, ok := m.Line(line); ok && (got.Start < 0 || got.End > len(line) || got.Start > got.End) {
			t.Fatalf("match %+v outside %q", got, line)
		}
		m.Repeats(line, line)
		IsCredit(line)
	})
}
