package spell

// Near calls fn for each word within max edits of q: insertions,
// deletions, substitutions and transpositions of two adjacent letters
// (optimal string alignment distance), ignoring letter case and accents,
// so that "paris" finds "Paris" and "cafe" finds "café". fn returns false to stop the search. The walk
// prunes every branch whose distance already exceeds max, so its cost
// depends on the word's length and max, not on the dictionary's size.
func (a *Automaton) Near(q string, max int, fn func(word string, dist int) bool) {
	if len(a.edges) == 0 || max < 0 {
		return
	}
	var query []byte
	for _, r := range q {
		c := a.code(r)
		if c == 0 {
			c = a.code(foldRune(r)) // a letter the words only have folded
		}
		query = append(query, a.fold[c]) // fold[0] is 0: matches nothing
	}
	n := len(query)
	w := &nearWalk{a: a, q: query, max: max, fn: fn, width: n + 1}
	w.rows = make([]int, (n+max+2)*(n+1))
	for j := 0; j <= n; j++ {
		w.rows[j] = j
	}
	w.path = make([]byte, 0, n+max+1)
	w.walk(a.root, 1)
}

type nearWalk struct {
	a     *Automaton
	q     []byte
	max   int
	fn    func(string, int) bool
	width int
	rows  []int  // row d holds distances after d letters of the path
	path  []byte // codes of the path, folded
	raw   []byte // codes of the path as stored
	stop  bool
}

// walk visits the edges of block at depth d (1-based), computing row d.
func (w *nearWalk) walk(block uint32, d int) {
	if block == 0 || d >= len(w.rows)/w.width {
		return
	}
	n := len(w.q)
	prev := w.rows[(d-1)*w.width : d*w.width]
	cur := w.rows[d*w.width : (d+1)*w.width]
	for i := block; !w.stop; i++ {
		e := w.a.edge(i)
		raw := byte(e)
		c := w.a.fold[raw]
		// Only cells within max of the diagonal can stay within max;
		// the band's edges are set out of reach for the next row.
		lo, hi := max(1, d-w.max), min(n, d+w.max)
		cur[0] = d
		if lo > 1 {
			cur[lo-1] = w.max + 1
		}
		if hi < n {
			cur[hi+1] = w.max + 1
		}
		best := w.max + 1
		if lo == 1 {
			best = d
		}
		for j := lo; j <= hi; j++ {
			cost := 1
			if w.q[j-1] == c {
				cost = 0
			}
			v := prev[j-1] + cost
			if x := prev[j] + 1; x < v {
				v = x
			}
			if x := cur[j-1] + 1; x < v {
				v = x
			}
			if d > 1 && j > 1 && w.q[j-1] == w.path[d-2] && w.q[j-2] == c {
				if x := w.rows[(d-2)*w.width+j-2] + 1; x < v {
					v = x
				}
			}
			cur[j] = v
			if v < best {
				best = v
			}
		}
		if best <= w.max {
			w.path = append(w.path[:d-1], c)
			w.raw = append(w.raw[:d-1], raw)
			if e&edgeFinal != 0 && hi == n && cur[n] <= w.max {
				if !w.fn(w.word(), cur[n]) {
					w.stop = true
					return
				}
			}
			w.walk(e>>targetShift, d+1)
			// The recursion overwrote rows below; row d is intact.
		}
		if e&edgeLast != 0 {
			return
		}
	}
}

func (w *nearWalk) word() string {
	rs := make([]rune, len(w.raw))
	for i, c := range w.raw {
		rs[i] = w.a.alphabet[c]
	}
	return string(rs)
}
