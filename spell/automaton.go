package spell

import (
	"encoding/binary"
	"errors"
	"fmt"
	"sort"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// An Automaton is a minimal acyclic automaton (a DAFSA) that accepts a set
// of words. It is stored as one array of edges, so that it can be used in
// place from embedded bytes: loading costs nothing but a header check.
//
// Runes are mapped to one-byte codes through the automaton's alphabet, in
// rune order, so that code order is rune order. A state is a block of
// edges, sorted by code; each edge holds its code, whether the path up to
// it spells a word, whether it is its block's last, and the index of the
// target block (0 for a state with no edges). When ranks are stored, each
// edge also holds the number of words reached through the edges before it
// in its block, which numbers the words 0..n-1 in lexical order.
type Automaton struct {
	alphabet []rune              // code → rune; code 0 is unused
	ascii    [utf8.RuneSelf]byte // rune → code for ASCII
	fold     []byte              // code → code of the lower-case rune, or itself
	rootEdge [256]uint32         // code → index of the root's edge with it, or 0
	edges    []byte              // 4 bytes an edge
	ranks    []byte              // 4 bytes an edge, or empty
	root     uint32
	words    int
}

// Edge layout: bits 0-7 code, bit 8 final, bit 9 last, bits 10-31 target.
const (
	edgeFinal   = 1 << 8
	edgeLast    = 1 << 9
	targetShift = 10
	maxTarget   = 1<<(32-targetShift) - 1
)

// automatonMagic opens an automaton's serialized form.
const automatonMagic = "NLDAFSA1"

// ParseAutomaton reads an automaton written by Automaton.MarshalBinary
// (AutomatonBuilder), using data in place.
func ParseAutomaton(data []byte) (*Automaton, error) {
	if len(data) < len(automatonMagic)+16 || string(data[:len(automatonMagic)]) != automatonMagic {
		return nil, errors.New("spell: not an automaton")
	}
	p := data[len(automatonMagic):]
	words := binary.LittleEndian.Uint32(p)
	root := binary.LittleEndian.Uint32(p[4:])
	nAlpha := binary.LittleEndian.Uint32(p[8:])
	nEdges := binary.LittleEndian.Uint32(p[12:])
	p = p[16:]
	hasRanks := nEdges&(1<<31) != 0
	nEdges &^= 1 << 31
	need := uint64(nAlpha)*4 + uint64(nEdges)*4
	if hasRanks {
		need += uint64(nEdges) * 4
	}
	if nAlpha > 255 || uint64(len(p)) != need || root >= nEdges && nEdges > 0 {
		return nil, errors.New("spell: automaton is truncated or corrupt")
	}
	a := &Automaton{words: int(words), root: root, alphabet: make([]rune, nAlpha+1)}
	for i := 0; i < int(nAlpha); i++ {
		r := rune(binary.LittleEndian.Uint32(p[i*4:]))
		if !utf8.ValidRune(r) || r <= a.alphabet[i] { // valid letters in rising order
			return nil, errors.New("spell: automaton has a corrupt alphabet")
		}
		a.alphabet[i+1] = r
	}
	p = p[nAlpha*4:]
	a.edges = p[:nEdges*4]
	if hasRanks {
		a.ranks = p[nEdges*4:]
	}
	if err := a.validate(); err != nil {
		return nil, err
	}
	a.index()
	return a, nil
}

// validate checks that every edge is well formed, so that no walk can
// index outside the edges: codes within the alphabet and rising within a
// block, targets inside the array, every block ending. (Walks are bounded
// by the word or the search depth, so a cycle cannot make them loop.)
func (a *Automaton) validate() error {
	n := uint32(len(a.edges) / 4)
	bad := errors.New("spell: automaton is corrupt")
	if n == 0 {
		return nil
	}
	if a.root >= n {
		return bad
	}
	prev := -1
	for i := uint32(1); i < n; i++ {
		e := a.edge(i)
		c := int(byte(e))
		if c == 0 || c >= len(a.alphabet) || c <= prev {
			return bad
		}
		if t := e >> targetShift; t >= n {
			return bad
		}
		prev = c
		if e&edgeLast != 0 {
			prev = -1
		}
	}
	if prev != -1 {
		return bad // the last block has no last edge
	}
	return nil
}

// index fills the rune-to-code tables and the root's edge table.
func (a *Automaton) index() {
	if len(a.edges) > 0 && a.root != 0 {
		for i := a.root; ; i++ {
			e := a.edge(i)
			a.rootEdge[byte(e)] = i
			if e&edgeLast != 0 {
				break
			}
		}
	}
	a.fold = make([]byte, len(a.alphabet))
	for c := 1; c < len(a.alphabet); c++ {
		r := a.alphabet[c]
		if r < utf8.RuneSelf {
			a.ascii[r] = byte(c)
		}
		a.fold[c] = byte(c)
	}
	for c := 1; c < len(a.alphabet); c++ {
		if f := foldRune(a.alphabet[c]); f != a.alphabet[c] {
			if fc := a.code(f); fc != 0 {
				a.fold[c] = fc
			}
		}
	}
}

// code returns the code of r, or 0 when r is not in the alphabet.
func (a *Automaton) code(r rune) byte {
	if r < utf8.RuneSelf {
		return a.ascii[r]
	}
	i := sort.Search(len(a.alphabet)-1, func(i int) bool { return a.alphabet[i+1] >= r }) + 1
	if i < len(a.alphabet) && a.alphabet[i] == r {
		return byte(i)
	}
	return 0
}

// Len returns the number of words the automaton accepts.
func (a *Automaton) Len() int { return a.words }

func (a *Automaton) edge(i uint32) uint32 { return binary.LittleEndian.Uint32(a.edges[i*4:]) }

// step follows the edge labelled c out of the block at i. It returns the
// edge's index, or false.
func (a *Automaton) step(block uint32, c byte) (uint32, bool) {
	if block == 0 {
		return 0, false
	}
	for i := block; ; i++ {
		e := a.edge(i)
		if l := byte(e); l == c {
			return i, true
		} else if l > c || e&edgeLast != 0 {
			return 0, false
		}
	}
}

// Contains reports whether the automaton accepts w exactly.
func (a *Automaton) Contains(w string) bool {
	_, ok := a.Rank(w)
	return ok
}

// Rank returns w's number in lexical order, from 0, when the automaton
// accepts w. Without stored ranks the number is 0.
func (a *Automaton) Rank(w string) (int, bool) {
	if w == "" || len(a.edges) == 0 {
		return 0, false
	}
	block, rank := a.root, 0
	var e uint32
	for i, r := range w {
		c := a.code(r)
		if c == 0 {
			return 0, false
		}
		if i > 0 && e&edgeFinal != 0 {
			rank++
		}
		var at uint32
		var ok bool
		if i == 0 {
			at = a.rootEdge[c]
			ok = at != 0
		} else {
			at, ok = a.step(block, c)
		}
		if !ok {
			return 0, false
		}
		if a.ranks != nil {
			rank += int(binary.LittleEndian.Uint32(a.ranks[at*4:]))
		}
		e = a.edge(at)
		block = e >> targetShift
	}
	return rank, e&edgeFinal != 0
}

// String describes the automaton's size.
func (a *Automaton) String() string {
	return fmt.Sprintf("%d words, %d edges, %d symbols", a.words, len(a.edges)/4, len(a.alphabet)-1)
}

// foldRune maps a letter to its lower-case form without diacritics, for
// searches that ignore case and accents: É and é to e.
func foldRune(r rune) rune {
	r = unicode.ToLower(r)
	if r < utf8.RuneSelf {
		return r
	}
	for _, d := range norm.NFD.String(string(r)) {
		return d // the base letter comes first
	}
	return r
}
