package archive

import (
	"bytes"
	"cmp"
	"encoding/binary"
	"slices"

	"github.com/newslint/newslint/reuse"
)

// A posting record is 12 bytes: the top 48 bits of the fingerprint
// (big-endian, so that records sort as bytes, and so that the block a
// record belongs to can be computed from it), the article ID (4) and the
// paragraph index (2). Fingerprints equal in their top 48 bits are one
// key: a rare false candidate, which verification drops.
const recordSize = 12

// keyMask keeps the bits of a fingerprint that a record stores.
const keyMask = ^uint64(0xffff)

func putRecord(b []byte, fp uint64, ref reuse.Ref) {
	binary.BigEndian.PutUint16(b, uint16(fp>>48))
	binary.BigEndian.PutUint32(b[2:], uint32(fp>>16))
	binary.BigEndian.PutUint32(b[6:], uint32(ref.Article))
	binary.BigEndian.PutUint16(b[10:], uint16(ref.Para))
}

// recordFP returns a record's fingerprint key (its low 16 bits zero).
func recordFP(b []byte) uint64 {
	return uint64(binary.BigEndian.Uint16(b))<<48 | uint64(binary.BigEndian.Uint32(b[2:]))<<16
}

func recordRef(b []byte) reuse.Ref {
	return reuse.Ref{Article: int64(binary.BigEndian.Uint32(b[6:])), Para: int32(binary.BigEndian.Uint16(b[10:]))}
}

// encodeRecords writes the postings of an article's paragraphs.
func encodeRecords(id int64, paras []reuse.Indexed) []byte {
	n := 0
	for _, p := range paras {
		n += len(p.Fingerprints)
	}
	out := make([]byte, n*recordSize)
	at := 0
	for i, p := range paras {
		for _, fp := range p.Fingerprints {
			putRecord(out[at:], fp, reuse.Ref{Article: id, Para: int32(i)})
			at += recordSize
		}
	}
	return out
}

// sortRecords sorts a block of records in place.
func sortRecords(b []byte) {
	type rec struct {
		fp  uint64
		ref uint64 // article << 16 | paragraph
	}
	recs := make([]rec, len(b)/recordSize)
	for i := range recs {
		r := b[i*recordSize:]
		ref := recordRef(r)
		recs[i] = rec{recordFP(r), uint64(ref.Article)<<16 | uint64(ref.Para)}
	}
	slices.SortFunc(recs, func(x, y rec) int {
		if c := cmp.Compare(x.fp, y.fp); c != 0 {
			return c
		}
		return cmp.Compare(x.ref, y.ref)
	})
	for i, r := range recs {
		putRecord(b[i*recordSize:], r.fp, reuse.Ref{Article: int64(r.ref >> 16), Para: int32(uint16(r.ref))})
	}
}

// mergeRecords merges two sorted blocks.
func mergeRecords(a, b []byte) []byte {
	out := make([]byte, 0, len(a)+len(b))
	for len(a) > 0 && len(b) > 0 {
		if bytes.Compare(a[:recordSize], b[:recordSize]) <= 0 {
			out, a = append(out, a[:recordSize]...), a[recordSize:]
		} else {
			out, b = append(out, b[:recordSize]...), b[recordSize:]
		}
	}
	out = append(out, a...)
	return append(out, b...)
}

// dropArticle removes an article's records from a block.
func dropArticle(b []byte, id int64) ([]byte, int) {
	out := b[:0:0]
	dropped := 0
	for at := 0; at+recordSize <= len(b); at += recordSize {
		if recordRef(b[at:]).Article == id {
			dropped++
			continue
		}
		out = append(out, b[at:at+recordSize]...)
	}
	return out, dropped
}

// findRun returns the records of a sorted block holding fp.
func findRun(b []byte, fp uint64) []byte {
	fp &= keyMask
	n := len(b) / recordSize
	i := searchRecords(b, n, fp)
	j := i
	for j < n && recordFP(b[j*recordSize:]) == fp {
		j++
	}
	return b[i*recordSize : j*recordSize]
}

// searchRecords returns the index of the first record whose fingerprint
// is at least fp.
func searchRecords(b []byte, n int, fp uint64) int {
	lo, hi := 0, n
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if recordFP(b[m*recordSize:]) < fp {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return lo
}

// places encodes where each paragraph's text ends in the article text and
// where it starts in the article's file.
func encodePlaces(paras []reuse.Indexed) (string, []byte) {
	var text []byte
	var places []byte
	for _, p := range paras {
		text = append(text, p.Text...)
		places = binary.AppendUvarint(places, uint64(len(text)))
		places = binary.AppendUvarint(places, uint64(p.Line))
		places = binary.AppendUvarint(places, uint64(p.Column))
	}
	return string(text), places
}

type place struct {
	end, line, column int
}

func decodePlaces(b []byte) []place {
	var out []place
	for len(b) > 0 {
		var v [3]uint64
		for i := range v {
			x, n := binary.Uvarint(b)
			if n <= 0 {
				return out
			}
			v[i], b = x, b[n:]
		}
		out = append(out, place{end: int(v[0]), line: int(v[1]), column: int(v[2])})
	}
	return out
}
