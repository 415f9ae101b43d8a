package attribution

import (
	"strings"
	"unicode/utf8"
)

// Index maps words, ignoring case, to values. A filter on a word's first
// letter and length answers most misses without hashing, and ASCII words
// are folded to lower case without allocating.
type Index[V any] struct {
	m map[string]V
	// filter has a bit per length for each pair of first two letters
	// (a-z, then anything else).
	filter [27 * 27]uint64
	// tail has a bit per length for each last letter.
	tail [27]uint64
}

// NewIndex returns an empty index.
func NewIndex[V any]() *Index[V] { return &Index[V]{m: map[string]V{}} }

// Set stores v under the word w, given in lower case.
func (ix *Index[V]) Set(w string, v V) {
	ix.m[w] = v
	if w != "" {
		ix.filter[pairSlot(w)] |= lengthBit(len(w))
		ix.tail[letterSlot(w[len(w)-1])] |= lengthBit(len(w))
	}
}

// Get returns the value stored under w, and whether there is one.
func (ix *Index[V]) Get(w string) (V, bool) {
	var zero V
	if w == "" || ix.filter[pairSlot(w)]&lengthBit(len(w)) == 0 || ix.tail[letterSlot(w[len(w)-1])]&lengthBit(len(w)) == 0 {
		return zero, false
	}
	var buf [48]byte
	if len(w) <= len(buf) {
		n := 0
		for ; n < len(w); n++ {
			c := w[n]
			if c >= utf8.RuneSelf {
				break
			}
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			buf[n] = c
		}
		if n == len(w) {
			v, ok := ix.m[string(buf[:n])]
			return v, ok
		}
	}
	v, ok := ix.m[strings.ToLower(w)]
	return v, ok
}

// Len returns the number of words stored.
func (ix *Index[V]) Len() int { return len(ix.m) }

// pairSlot returns the filter slot of a word's first two letters.
func pairSlot(w string) int {
	second := byte(0)
	if len(w) > 1 {
		second = w[1]
	}
	return letterSlot(w[0])*27 + letterSlot(second)
}

func letterSlot(c byte) int {
	c |= 0x20
	if 'a' <= c && c <= 'z' {
		return int(c - 'a')
	}
	return 26
}

func lengthBit(n int) uint64 { return 1 << min(n, 63) }
