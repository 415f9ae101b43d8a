package spell

// editCost is the weighted optimal-string-alignment distance from the
// intended word to the typo: the cost of the likeliest way to make this
// slip. One ordinary edit costs 1; the slips people make most often cost
// less, and a wrong first letter costs more.
func editCost(typo, word string) float64 {
	t, w := []rune(typo), []rune(word)
	d := make([][]float64, len(w)+1)
	for i := range d {
		d[i] = make([]float64, len(t)+1)
	}
	for i := 1; i <= len(w); i++ {
		d[i][0] = d[i-1][0] + dropCost(w, i-1)
	}
	for j := 1; j <= len(t); j++ {
		d[0][j] = d[0][j-1] + addCost(t, j-1, w, 0)
	}
	for i := 1; i <= len(w); i++ {
		for j := 1; j <= len(t); j++ {
			best := d[i-1][j] + dropCost(w, i-1)              // the writer dropped w[i-1]
			best = min(best, d[i][j-1]+addCost(t, j-1, w, i)) // the writer added t[j-1]
			if w[i-1] == t[j-1] {
				best = min(best, d[i-1][j-1])
			} else {
				best = min(best, d[i-1][j-1]+swapCost(w[i-1], t[j-1], i-1))
			}
			if i > 1 && j > 1 && w[i-1] == t[j-2] && w[i-2] == t[j-1] && w[i-1] != w[i-2] {
				best = min(best, d[i-2][j-2]+0.6)
			}
			d[i][j] = best
		}
	}
	return d[len(w)][len(t)]
}

// firstLetter is the extra cost of a slip in a word's first letter.
const firstLetter = 0.6

// dropCost is the cost of leaving out w[i]: low for one of a double
// letter (ocurred) and for a vowel (goverment drops a consonant, but
// seperate-style vowel slips are common too).
func dropCost(w []rune, i int) float64 {
	c := 1.0
	switch {
	case i > 0 && w[i-1] == w[i] || i+1 < len(w) && w[i+1] == w[i]:
		c = 0.45
	case isVowel(w[i]):
		c = 0.8
	}
	if i == 0 {
		c += firstLetter
	}
	return c
}

// addCost is the cost of typing t[j] where the word has no letter, just
// before w[i]: low when it doubles a neighbour (untill) or is a key next
// to a neighbour.
func addCost(t []rune, j int, w []rune, i int) float64 {
	c := 1.0
	switch {
	case j > 0 && t[j-1] == t[j] || j+1 < len(t) && t[j+1] == t[j]:
		c = 0.5
	case j > 0 && adjacentKeys(t[j-1], t[j]) || j+1 < len(t) && adjacentKeys(t[j+1], t[j]):
		c = 0.75
	}
	if i == 0 && j == 0 {
		c += firstLetter
	}
	return c
}

// swapCost is the cost of typing b for a at position i.
func swapCost(a, b rune, i int) float64 {
	c := 1.0
	switch {
	case isVowel(a) && isVowel(b):
		c = 0.55
	case similarSound(a, b):
		c = 0.6
	case adjacentKeys(a, b):
		c = 0.65
	}
	if i == 0 {
		c += firstLetter
	}
	return c
}

func isVowel(r rune) bool {
	switch r {
	case 'a', 'e', 'i', 'o', 'u', 'y', 'á', 'é', 'í', 'ó', 'ú', 'ü':
		return true
	}
	return false
}

// similarSound pairs letters that spell the same sound often enough to be
// confused: c/s (necessary), c/k, s/z (organise), g/j, f/v, m/n, d/t.
func similarSound(a, b rune) bool {
	if a > b {
		a, b = b, a
	}
	switch string([]rune{a, b}) {
	case "cs", "ck", "sz", "gj", "fv", "mn", "dt", "cz", "bv", "ln":
		return true
	}
	return false
}

// keyRows is the QWERTY layout, for neighbouring keys.
var keyRows = [...]string{"qwertyuiop", "asdfghjkl", "zxcvbnm"}

// adjacentKeys reports whether a and b are next to each other on a QWERTY
// keyboard, in a row or diagonally.
func adjacentKeys(a, b rune) bool {
	ra, ca, ok1 := keyPos(a)
	rb, cb, ok2 := keyPos(b)
	if !ok1 || !ok2 || a == b {
		return false
	}
	dr := ra - rb
	dc := ca - cb
	switch dr {
	case 0:
		return dc == 1 || dc == -1
	case 1: // a is a row below b; rows are offset by half a key
		return dc == 0 || dc == -1
	case -1:
		return dc == 0 || dc == 1
	}
	return false
}

func keyPos(r rune) (row, col int, ok bool) {
	for i, row := range keyRows {
		for j, k := range row {
			if k == r {
				return i, j, true
			}
		}
	}
	return 0, 0, false
}

// Distance returns the optimal-string-alignment distance between a and
// b: insertions, deletions, substitutions and transpositions of adjacent
// letters, counted in runes.
func Distance(a, b string) int {
	x, y := []rune(a), []rune(b)
	prev2 := make([]int, len(y)+1)
	prev := make([]int, len(y)+1)
	cur := make([]int, len(y)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(x); i++ {
		cur[0] = i
		for j := 1; j <= len(y); j++ {
			cost := 1
			if x[i-1] == y[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && x[i-1] == y[j-2] && x[i-2] == y[j-1] {
				cur[j] = min(cur[j], prev2[j-2]+1)
			}
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return prev[len(y)]
}
