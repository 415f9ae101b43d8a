package spell

import (
	"encoding/binary"
	"errors"
	"math"
	"sort"
)

// A LanguageModel holds how common English words and word pairs are:
// unigram and bigram counts, as log₂ counts quantized to a quarter, for
// ranking corrections. Words are lower case. Like an Automaton it is used
// in place from embedded bytes.
type LanguageModel struct {
	vocab   *Automaton // with ranks: word → id
	freq    []byte     // id → quantized log₂ count, 0 when unknown
	byLeft  pairIndex  // pairs grouped by left word
	byRight pairIndex  // the same pairs grouped by right word
}

// pairIndex is a compressed sparse table: the pairs of word id i are
// entries offs[i] to offs[i+1]-1 of other and count.
type pairIndex struct {
	offs  []byte // (V+1) × uint32
	other []byte // E × uint32
	count []byte // E × quantized log₂ count
}

// Bigram is a count of two words in a row, for BuildLanguageModel.
type Bigram struct {
	Left, Right string
	Count       uint64
}

const lmMagic = "NLLM0001"

// quantize maps a count to 1 + round(4·log₂ n), capped at 255; 0 stays 0.
func quantize(n uint64) byte {
	if n == 0 {
		return 0
	}
	q := 1 + math.Round(4*math.Log2(float64(n)))
	return byte(min(q, 255))
}

// dequantize returns log₂ of the count q stands for.
func dequantize(q byte) float64 { return float64(q-1) / 4 }

// BuildLanguageModel serializes unigram counts and bigram counts for
// ParseLanguageModel.
func BuildLanguageModel(counts map[string]uint64, pairs []Bigram) ([]byte, error) {
	vocab := make([]string, 0, len(counts))
	for w := range counts {
		vocab = append(vocab, w)
	}
	for _, p := range pairs {
		vocab = append(vocab, p.Left, p.Right)
	}
	auto, err := BuildAutomaton(vocab, true)
	if err != nil {
		return nil, err
	}
	a, err := ParseAutomaton(auto)
	if err != nil {
		return nil, err
	}
	v := a.Len()
	freq := make([]byte, v)
	for w, n := range counts {
		id, _ := a.Rank(w)
		freq[id] = quantize(n)
	}
	type idPair struct {
		l, r int
		q    byte
	}
	ids := make([]idPair, 0, len(pairs))
	for _, p := range pairs {
		l, _ := a.Rank(p.Left)
		r, _ := a.Rank(p.Right)
		ids = append(ids, idPair{l, r, quantize(p.Count)})
	}
	index := func(key func(idPair) (int, int)) []byte {
		sort.Slice(ids, func(i, j int) bool {
			ai, bi := key(ids[i])
			aj, bj := key(ids[j])
			return ai < aj || ai == aj && bi < bj
		})
		offs := make([]byte, 4*(v+1))
		other := make([]byte, 4*len(ids))
		count := make([]byte, len(ids))
		for i, p := range ids {
			k, o := key(p)
			binary.LittleEndian.PutUint32(offs[4*(k+1):], uint32(i+1))
			binary.LittleEndian.PutUint32(other[4*i:], uint32(o))
			count[i] = p.q
		}
		for k := 1; k <= v; k++ { // fill the gaps of words with no pairs
			if binary.LittleEndian.Uint32(offs[4*k:]) < binary.LittleEndian.Uint32(offs[4*(k-1):]) {
				copy(offs[4*k:4*k+4], offs[4*(k-1):4*k])
			}
		}
		out := append(offs, other...)
		return append(out, count...)
	}
	out := []byte(lmMagic)
	out = binary.LittleEndian.AppendUint32(out, uint32(len(auto)))
	out = append(out, auto...)
	out = binary.LittleEndian.AppendUint32(out, uint32(len(ids)))
	out = append(out, freq...)
	out = append(out, index(func(p idPair) (int, int) { return p.l, p.r })...)
	out = append(out, index(func(p idPair) (int, int) { return p.r, p.l })...)
	return out, nil
}

// ParseLanguageModel reads what BuildLanguageModel wrote, in place.
func ParseLanguageModel(data []byte) (*LanguageModel, error) {
	bad := errors.New("spell: language model is truncated or corrupt")
	if len(data) < len(lmMagic)+4 || string(data[:len(lmMagic)]) != lmMagic {
		return nil, errors.New("spell: not a language model")
	}
	p := data[len(lmMagic):]
	n := int(binary.LittleEndian.Uint32(p))
	if len(p) < 4+n+4 {
		return nil, bad
	}
	vocab, err := ParseAutomaton(p[4 : 4+n])
	if err != nil {
		return nil, err
	}
	p = p[4+n:]
	e := int(binary.LittleEndian.Uint32(p))
	p = p[4:]
	v := vocab.Len()
	size := 4*(v+1) + 5*e
	if len(p) != v+2*size {
		return nil, bad
	}
	m := &LanguageModel{vocab: vocab, freq: p[:v]}
	p = p[v:]
	for _, ix := range []*pairIndex{&m.byLeft, &m.byRight} {
		ix.offs, ix.other, ix.count = p[:4*(v+1)], p[4*(v+1):4*(v+1)+4*e], p[4*(v+1)+4*e:size]
		p = p[size:]
	}
	return m, nil
}

// ID returns w's number in the model, when the model knows w.
func (m *LanguageModel) ID(w string) (int, bool) {
	if m == nil {
		return 0, false
	}
	return m.vocab.Rank(w)
}

// LogFreq returns log₂ of w's count, or 0 when the model has none.
func (m *LanguageModel) LogFreq(w string) float64 {
	id, ok := m.ID(w)
	if !ok || m.freq[id] == 0 {
		return 0
	}
	return dequantize(m.freq[id])
}

// LogPair returns log₂ of the count of left followed by right, or false.
func (m *LanguageModel) LogPair(left, right string) (float64, bool) {
	l, ok := m.ID(left)
	if !ok {
		return 0, false
	}
	r, ok := m.ID(right)
	if !ok {
		return 0, false
	}
	return m.pairID(l, r)
}

func (ix *pairIndex) span(id int) (int, int) {
	return int(binary.LittleEndian.Uint32(ix.offs[4*id:])), int(binary.LittleEndian.Uint32(ix.offs[4*(id+1):]))
}

func (ix *pairIndex) otherAt(i int) int { return int(binary.LittleEndian.Uint32(ix.other[4*i:])) }

// rights calls fn with the id and log₂ count of every word seen after the
// word with id l.
func (m *LanguageModel) rights(l int, fn func(id int, logCount float64)) {
	lo, hi := m.byLeft.span(l)
	for i := lo; i < hi; i++ {
		fn(m.byLeft.otherAt(i), dequantize(m.byLeft.count[i]))
	}
}

// lefts calls fn with the id and log₂ count of every word seen before the
// word with id r.
func (m *LanguageModel) lefts(r int, fn func(id int, logCount float64)) {
	lo, hi := m.byRight.span(r)
	for i := lo; i < hi; i++ {
		fn(m.byRight.otherAt(i), dequantize(m.byRight.count[i]))
	}
}

// rightCount returns how many distinct words follow the word with id l.
func (m *LanguageModel) rightCount(l int) int {
	lo, hi := m.byLeft.span(l)
	return hi - lo
}

// logFreqID is LogFreq for a word id.
func (m *LanguageModel) logFreqID(id int) float64 {
	if m.freq[id] == 0 {
		return 0
	}
	return dequantize(m.freq[id])
}

// pairID is LogPair for word ids.
func (m *LanguageModel) pairID(l, r int) (float64, bool) {
	lo, hi := m.byLeft.span(l)
	i := sort.Search(hi-lo, func(i int) bool { return m.byLeft.otherAt(lo+i) >= r }) + lo
	if i < hi && m.byLeft.otherAt(i) == r {
		return dequantize(m.byLeft.count[i]), true
	}
	return 0, false
}

// leftCount returns how many distinct words precede the word with id r.
func (m *LanguageModel) leftCount(r int) int {
	lo, hi := m.byRight.span(r)
	return hi - lo
}
