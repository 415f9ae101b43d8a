package spell

import (
	"math/rand"
	"sort"
	"strings"
	"testing"
)

func buildTest(t testing.TB, words []string, ranks bool) *Automaton {
	t.Helper()
	data, err := BuildAutomaton(words, ranks)
	if err != nil {
		t.Fatal(err)
	}
	a, err := ParseAutomaton(data)
	if err != nil {
		t.Fatal(err)
	}
	return a
}

func randomWords(rng *rand.Rand, n int, letters []rune) []string {
	var words []string
	for i := 0; i < n; i++ {
		l := 1 + rng.Intn(8)
		rs := make([]rune, l)
		for j := range rs {
			rs[j] = letters[rng.Intn(len(letters))]
		}
		words = append(words, string(rs))
	}
	return words
}

func TestAutomatonContainsAndRank(t *testing.T) {
	rng := rand.New(rand.NewSource(1))
	letters := []rune("abcdeñéAB'")
	for round := 0; round < 20; round++ {
		words := randomWords(rng, 1+rng.Intn(400), letters)
		a := buildTest(t, words, true)
		set := map[string]bool{}
		for _, w := range words {
			set[w] = true
		}
		uniq := make([]string, 0, len(set))
		for w := range set {
			uniq = append(uniq, w)
		}
		sort.Strings(uniq)
		if a.Len() != len(uniq) {
			t.Fatalf("Len = %d, want %d", a.Len(), len(uniq))
		}
		for i, w := range uniq {
			r, ok := a.Rank(w)
			if !ok || r != i {
				t.Fatalf("Rank(%q) = %d, %v; want %d, true", w, r, ok, i)
			}
		}
		for _, w := range randomWords(rng, 300, append(letters, 'z')) {
			if a.Contains(w) != set[w] {
				t.Fatalf("Contains(%q) = %v, want %v", w, !set[w], set[w])
			}
		}
	}
}

func TestAutomatonEmptyAndCorrupt(t *testing.T) {
	a := buildTest(t, nil, false)
	if a.Contains("a") || a.Len() != 0 {
		t.Error("empty automaton accepts a word")
	}
	data, _ := BuildAutomaton([]string{"news", "newt"}, false)
	for _, bad := range [][]byte{nil, []byte("NLDAFSA1"), data[:len(data)-1], append([]byte("XLDAFSA1"), data[8:]...)} {
		if _, err := ParseAutomaton(bad); err == nil {
			t.Errorf("ParseAutomaton(%d bytes) accepted corrupt data", len(bad))
		}
	}
}

// osa is the reference optimal-string-alignment distance, case-folded.
func osa(a, b string) int {
	x := []rune(strings.Map(foldRune, a))
	y := []rune(strings.Map(foldRune, b))
	d := make([][]int, len(x)+1)
	for i := range d {
		d[i] = make([]int, len(y)+1)
		d[i][0] = i
	}
	for j := range d[0] {
		d[0][j] = j
	}
	for i := 1; i <= len(x); i++ {
		for j := 1; j <= len(y); j++ {
			cost := 1
			if x[i-1] == y[j-1] {
				cost = 0
			}
			d[i][j] = min(d[i-1][j]+1, d[i][j-1]+1, d[i-1][j-1]+cost)
			if i > 1 && j > 1 && x[i-1] == y[j-2] && x[i-2] == y[j-1] {
				d[i][j] = min(d[i][j], d[i-2][j-2]+1)
			}
		}
	}
	return d[len(x)][len(y)]
}

func TestNearMatchesBruteForce(t *testing.T) {
	rng := rand.New(rand.NewSource(2))
	letters := []rune("abcdeéAB")
	for round := 0; round < 30; round++ {
		words := randomWords(rng, 300, letters)
		a := buildTest(t, words, false)
		for _, q := range randomWords(rng, 20, letters) {
			for max := 0; max <= 2; max++ {
				want := map[string]int{}
				for _, w := range words {
					if d := osa(q, w); d <= max {
						want[w] = d
					}
				}
				got := map[string]int{}
				a.Near(q, max, func(w string, d int) bool { got[w] = d; return true })
				if len(got) != len(want) {
					t.Fatalf("Near(%q, %d) found %v, want %v", q, max, got, want)
				}
				for w, d := range want {
					if got[w] != d {
						t.Fatalf("Near(%q, %d)[%q] = %d, want %d", q, max, w, got[w], d)
					}
				}
			}
		}
	}
}

func TestNearStops(t *testing.T) {
	a := buildTest(t, []string{"bad", "bag", "ban", "bar"}, false)
	calls := 0
	a.Near("bax", 1, func(string, int) bool { calls++; return false })
	if calls != 1 {
		t.Errorf("Near called fn %d times after it returned false", calls)
	}
}

func TestDistance(t *testing.T) {
	for _, c := range []struct {
		a, b string
		want int
	}{
		{"", "", 0}, {"abc", "", 3}, {"Sheinbaum", "Sheinbuam", 1}, {"Johnson", "Johnston", 1},
		{"kitten", "sitting", 3}, {"año", "ano", 1}, {"ca", "abc", 3}, {"recieve", "receive", 1},
	} {
		if got := Distance(c.a, c.b); got != c.want {
			t.Errorf("Distance(%q, %q) = %d, want %d", c.a, c.b, got, c.want)
		}
	}
	rng := rand.New(rand.NewSource(3))
	for _, a := range randomWords(rng, 200, []rune("abcxy")) {
		b := randomWords(rng, 1, []rune("abcxy"))[0]
		if got, want := Distance(a, b), osa(a, b); got != want {
			t.Fatalf("Distance(%q, %q) = %d, reference %d", a, b, got, want)
		}
	}
}
