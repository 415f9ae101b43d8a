package reuse

import "slices"

// ShingleWords is the number of words in a shingle.
const ShingleWords = 5

// Window is the winnowing window: of every Window consecutive shingles at
// least one is a fingerprint, so two texts that share a run of
// ShingleWords+Window-1 words (10) always share a fingerprint. About
// 2/(Window+1) of a paragraph's shingles are fingerprints.
const Window = 6

// Shingles returns the hash of every run of ShingleWords consecutive
// tokens, in order; none when there are fewer tokens.
func Shingles(tokens []Token, buf []uint64) []uint64 {
	buf = buf[:0]
	for i := 0; i+ShingleWords <= len(tokens); i++ {
		var h uint64
		for _, t := range tokens[i : i+ShingleWords] {
			h = h*0x100000001b3 + t.Hash
		}
		buf = append(buf, mix(h))
	}
	return buf
}

// mix is the splitmix64 finalizer: it spreads every bit of h over the
// result, so that fingerprint selection and bucketing see uniform bits.
func mix(h uint64) uint64 {
	h ^= h >> 30
	h *= 0xbf58476d1ce4e5b9
	h ^= h >> 27
	h *= 0x94d049bb133111eb
	h ^= h >> 31
	return h
}

// Fingerprints winnows shingles: the smallest hash of every window of
// Window consecutive shingles (the rightmost, on ties), or the smallest of
// all when there are fewer. The result is sorted and without repeats.
func Fingerprints(shingles []uint64, buf []uint64) []uint64 {
	buf = buf[:0]
	if len(shingles) == 0 {
		return buf
	}
	if len(shingles) <= Window {
		return append(buf, slices.Min(shingles))
	}
	last := -1
	for i := 0; i+Window <= len(shingles); i++ {
		m := i
		for j := i + 1; j < i+Window; j++ {
			if shingles[j] <= shingles[m] {
				m = j
			}
		}
		if m != last {
			buf = append(buf, shingles[m])
			last = m
		}
	}
	slices.Sort(buf)
	return slices.Compact(buf)
}

// SortedSet returns the distinct values of hashes, sorted, in buf.
func SortedSet(hashes []uint64, buf []uint64) []uint64 {
	buf = append(buf[:0], hashes...)
	slices.Sort(buf)
	return slices.Compact(buf)
}

// Shared counts the values two sorted sets have in common.
func Shared(a, b []uint64) int {
	n := 0
	for i, j := 0, 0; i < len(a) && j < len(b); {
		switch {
		case a[i] < b[j]:
			i++
		case a[i] > b[j]:
			j++
		default:
			n++
			i++
			j++
		}
	}
	return n
}
