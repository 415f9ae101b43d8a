package spell

import (
	"encoding/binary"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"
)

// BuildAutomaton returns the serialized minimal automaton accepting words
// (duplicates and empty strings are dropped), for ParseAutomaton. With
// ranks, each word gets its lexical number, at four more bytes an edge.
// It is used by the generator and by tests.
func BuildAutomaton(words []string, ranks bool) ([]byte, error) {
	// Alphabet: every rune used, in rune order.
	seen := map[rune]bool{}
	for _, w := range words {
		if !utf8.ValidString(w) {
			return nil, fmt.Errorf("spell: %q is not UTF-8", w)
		}
		for _, r := range w {
			seen[r] = true
		}
	}
	if len(seen) > 255 {
		return nil, fmt.Errorf("spell: %d distinct letters; at most 255 fit", len(seen))
	}
	alphabet := make([]rune, 0, len(seen))
	for r := range seen {
		alphabet = append(alphabet, r)
	}
	sort.Slice(alphabet, func(i, j int) bool { return alphabet[i] < alphabet[j] })
	code := map[rune]byte{}
	for i, r := range alphabet {
		code[r] = byte(i + 1)
	}
	// UTF-8 byte order is rune order, which is code order.
	sorted := append([]string(nil), words...)
	sort.Strings(sorted)
	b := &dafsaBuilder{register: map[string]*bnode{}, root: &bnode{}}
	prev := ""
	n := 0
	for _, w := range sorted {
		if w == "" || w == prev {
			continue
		}
		cs := make([]byte, 0, len(w))
		for _, r := range w {
			cs = append(cs, code[r])
		}
		b.add(cs)
		prev = w
		n++
	}
	b.minimize(0)
	b.register = nil
	return b.serialize(alphabet, n, ranks)
}

// bnode is a state under construction.
type bnode struct {
	final bool
	edges []bedge
	id    int // set once registered
	words int // words accepted from here, counting the empty word if final
	block uint32
}

type bedge struct {
	label byte
	to    *bnode
}

// dafsaBuilder builds a minimal automaton from sorted input with
// Daciuk's incremental algorithm: once a word is added, the states of the
// previous word beyond the common prefix can no longer change and are
// merged with an equivalent registered state, if any.
type dafsaBuilder struct {
	root     *bnode
	path     []*bnode // states along the last word added; path[0] is root
	register map[string]*bnode
	nextID   int
}

func (b *dafsaBuilder) add(w []byte) {
	if len(b.path) == 0 {
		b.path = []*bnode{b.root}
	}
	// Length of the common prefix with the last word.
	p := 0
	for p < len(w) && p+1 < len(b.path) {
		last := b.path[p].edges[len(b.path[p].edges)-1]
		if last.label != w[p] || last.to != b.path[p+1] {
			break
		}
		p++
	}
	b.minimize(p)
	b.path = b.path[:p+1]
	for _, c := range w[p:] {
		n := &bnode{}
		parent := b.path[len(b.path)-1]
		parent.edges = append(parent.edges, bedge{c, n})
		b.path = append(b.path, n)
	}
	b.path[len(b.path)-1].final = true
}

// minimize registers the states of the path below depth p, deepest first.
func (b *dafsaBuilder) minimize(p int) {
	for i := len(b.path) - 1; i > p; i-- {
		child := b.path[i]
		parent := b.path[i-1]
		key := child.signature()
		if same, ok := b.register[key]; ok {
			parent.edges[len(parent.edges)-1].to = same
		} else {
			b.nextID++
			child.id = b.nextID
			b.register[key] = child
		}
	}
	if p == 0 && len(b.path) > 0 {
		b.path = b.path[:1]
	}
}

func (n *bnode) signature() string {
	var sb strings.Builder
	if n.final {
		sb.WriteByte('F')
	}
	for _, e := range n.edges {
		sb.WriteByte(e.label)
		sb.WriteString(strconv.Itoa(e.to.id))
		sb.WriteByte(',')
	}
	return sb.String()
}

// count fills words for every state below n.
func count(n *bnode, done map[*bnode]bool) int {
	if done[n] {
		return n.words
	}
	total := 0
	if n.final {
		total = 1
	}
	for _, e := range n.edges {
		total += count(e.to, done)
	}
	n.words = total
	done[n] = true
	return total
}

func (b *dafsaBuilder) serialize(alphabet []rune, words int, ranks bool) ([]byte, error) {
	count(b.root, map[*bnode]bool{})
	// Lay out blocks breadth first; index 0 is a dummy edge so that a
	// target of 0 can mean "no edges".
	next := uint32(1)
	var order []*bnode
	queue := []*bnode{b.root}
	placed := map[*bnode]bool{b.root: true}
	for len(queue) > 0 {
		n := queue[0]
		queue = queue[1:]
		if len(n.edges) == 0 {
			continue
		}
		n.block = next
		next += uint32(len(n.edges))
		order = append(order, n)
		for _, e := range n.edges {
			if !placed[e.to] {
				placed[e.to] = true
				queue = append(queue, e.to)
			}
		}
	}
	if next > maxTarget {
		return nil, fmt.Errorf("spell: %d edges; at most %d fit", next, maxTarget)
	}
	edges := make([]byte, next*4)
	var rankData []byte
	if ranks {
		rankData = make([]byte, next*4)
	}
	for _, n := range order {
		before := 0
		for k, e := range n.edges {
			v := uint32(e.label) | e.to.block<<targetShift
			if e.to.final {
				v |= edgeFinal
			}
			if k == len(n.edges)-1 {
				v |= edgeLast
			}
			at := n.block + uint32(k)
			binary.LittleEndian.PutUint32(edges[at*4:], v)
			if ranks {
				binary.LittleEndian.PutUint32(rankData[at*4:], uint32(before))
			}
			before += e.to.words
		}
	}
	out := []byte(automatonMagic)
	out = binary.LittleEndian.AppendUint32(out, uint32(words))
	out = binary.LittleEndian.AppendUint32(out, b.root.block)
	out = binary.LittleEndian.AppendUint32(out, uint32(len(alphabet)))
	nField := next
	if ranks {
		nField |= 1 << 31
	}
	out = binary.LittleEndian.AppendUint32(out, nField)
	for _, r := range alphabet {
		out = binary.LittleEndian.AppendUint32(out, uint32(r))
	}
	out = append(out, edges...)
	return append(out, rankData...), nil
}
