package spell

import (
	"math"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Context is what surrounds a misspelled word: the words just before and
// after it in its sentence, "" at the sentence's edges.
type Context struct {
	Prev, Next string
}

// A Suggestion is a correction with its score: the log₂ odds, roughly, of
// the candidate given the typo and its context. Higher is likelier.
type Suggestion struct {
	Word  string
	Score float64
	Edits float64 // weighted edit cost between the typo and Word
}

// contextPool is how many of the best candidates are rescored in context.
const contextPool = 20

func sortSuggestions(cands []Suggestion) {
	sort.SliceStable(cands, func(i, j int) bool {
		if cands[i].Score != cands[j].Score {
			return cands[i].Score > cands[j].Score
		}
		return cands[i].Word < cands[j].Word
	})
}

// maxCandidates bounds the candidates scored for one word.
const maxCandidates = 400

// Suggest returns up to n corrections for word, best first. Candidates are
// the dictionary's words within two edits (one for words of three letters
// or fewer), ranked by a noisy-channel score: how likely the slip is (a
// transposition, a doubled or dropped letter, a neighbouring key, a vowel
// for a vowel is likelier than any other edit; the first letter is rarely
// wrong), how common the candidate is, and how well it fits between the
// previous and next words. A capitalized typo gets capitalized
// suggestions.
func (d *Dictionary) Suggest(word string, ctx Context, n int) []Suggestion {
	word = strings.ReplaceAll(word, "’", "'")
	runes := utf8.RuneCountInString(word)
	if runes < 2 || n <= 0 {
		return nil
	}
	maxEdits := 2
	if runes <= 3 {
		maxEdits = 1
	}
	capital := isCapitalized(word)
	lower := strings.ToLower(word)
	seen := map[string]bool{}
	var cands []Suggestion
	d.words.Near(lower, maxEdits, func(w string, _ int) bool {
		if w == lower || w == word {
			return true
		}
		out := w
		if capital && !isCapitalized(w) && !hasUpper(w) {
			out = capitalize(w)
		}
		if seen[out] || strings.EqualFold(out, word) {
			return true
		}
		seen[out] = true
		cands = append(cands, Suggestion{Word: out, Edits: editCost(lower, strings.ToLower(w))})
		return len(cands) < maxCandidates
	})
	if len(cands) == 0 {
		return nil
	}
	// Rank by slip and frequency first, then rescore the best few in
	// context, which costs more.
	for i := range cands {
		c := &cands[i]
		lf := d.LogFreq(c.Word)
		if lf == 0 {
			lf = unknownLogFreq
		}
		c.Score = -editWeight*c.Edits + lf
		if hasUpper(c.Word) && !capital {
			// A proper name offered for a lower-case word is the less
			// likely reading, unless nothing else fits.
			c.Score -= 4
		}
	}
	sortSuggestions(cands)
	if len(cands) > contextPool {
		cands = cands[:contextPool]
	}
	if d.lm != nil {
		prev, next := strings.ToLower(ctx.Prev), strings.ToLower(ctx.Next)
		similar := d.neighbours(prev)
		for i := range cands {
			c := &cands[i]
			lf := d.LogFreq(c.Word)
			if lf == 0 {
				lf = unknownLogFreq
			}
			c.Score += d.contextScore(strings.ToLower(c.Word), prev, next, similar) - (lf - d.total)
		}
		sortSuggestions(cands)
	}
	// One entry per word whatever its case: "government" and
	// "Government" both match "goverment".
	out := cands[:0]
	kept := map[string]bool{}
	for _, c := range cands {
		key := strings.ToLower(c.Word)
		if kept[key] {
			continue
		}
		kept[key] = true
		out = append(out, c)
		if len(out) == n {
			break
		}
	}
	return out
}

// editWeight converts one unit of edit cost to log₂ odds: about one slip
// in two thousand letters.
const editWeight = 11.0

// unknownLogFreq is the log₂ count given to a dictionary word missing
// from the frequency list: rarer than anything on it.
const unknownLogFreq = 14.0

// contextScore is log₂ P(w | prev) + log₂ P(next | w) / P(next): how
// well w fits after the previous word and before the next. P(w | prev)
// mixes the bigram estimate, a similarity-based estimate (how often w
// follows words used like prev) and the unigram estimate. Without
// frequencies it is 0.
func (d *Dictionary) contextScore(w, prev, next string, similar []neighbour) float64 {
	if d.lm == nil {
		return 0
	}
	lf := d.lm.LogFreq(w)
	if lf == 0 {
		lf = unknownLogFreq
	}
	p := 0.15 * pow2(lf-d.total) // unigram P(w)
	if prev != "" {
		if lp, ok := d.lm.LogPair(prev, w); ok {
			if f := d.lm.LogFreq(prev); f > 0 {
				p += 0.5 * pow2(lp-f)
			}
		}
		p += 0.35 * d.similarFit(similar, w)
	}
	score := log2(p)
	if next != "" {
		if lp, ok := d.lm.LogPair(w, next); ok {
			if nf := d.lm.LogFreq(next); nf > 0 {
				pn := pow2(nf - d.total)
				score += min(maxRightBonus, log2((0.3*pow2(lp-lf)+0.7*pn)/(0.7*pn)))
			}
		}
	}
	return score
}

// maxRightBonus caps what the next word adds, in log₂ odds: a common
// pair (committee reports) must not outweigh a likelier slip
// (comittees for committees).
const maxRightBonus = 4.0

// A neighbour is a word used like another, with their similarity.
type neighbour struct {
	id  int
	sim float64
}

// maxNeighbours is how many similar words stand in for a previous word.
const maxNeighbours = 40

// maxSimilarRights and maxSimilarLefts bound the similarity search: a
// previous word followed by very many words (the, of) needs no stand-ins,
// and a following word preceded by very many (of, and) shows no likeness.
const (
	maxSimilarRights = 400
	maxSimilarLefts  = 600
)

// neighbours returns the words most often followed by the same words as
// prev (cosine similarity of their sets of following words): for
// "political", words such as "economic", "social" and "military".
func (d *Dictionary) neighbours(prev string) []neighbour {
	if d.lm == nil || prev == "" {
		return nil
	}
	pid, ok := d.lm.ID(prev)
	if !ok {
		return nil
	}
	np := d.lm.rightCount(pid)
	if np == 0 || np > maxSimilarRights {
		return nil // a function word: its own bigrams say enough
	}
	shared := map[int]int{}
	d.lm.rights(pid, func(r int, _ float64) {
		if d.lm.leftCount(r) > maxSimilarLefts {
			return // follows almost anything: says nothing of likeness
		}
		d.lm.lefts(r, func(l int, _ float64) {
			if l != pid {
				shared[l]++
			}
		})
	})
	list := make([]neighbour, 0, len(shared))
	for l, n := range shared {
		if n < 2 {
			continue
		}
		list = append(list, neighbour{l, float64(n) / math.Sqrt(float64(np*d.lm.rightCount(l)))})
	}
	sort.Slice(list, func(i, j int) bool {
		if list[i].sim != list[j].sim {
			return list[i].sim > list[j].sim
		}
		return list[i].id < list[j].id
	})
	if len(list) > maxNeighbours {
		list = list[:maxNeighbours]
	}
	return list
}

// similarFit estimates P(w | prev) as the similarity-weighted average of
// P(w | n) over prev's neighbours n. "political" never precedes "base" in
// the bigram list, but "economic", "military" and "industrial" do.
func (d *Dictionary) similarFit(similar []neighbour, w string) float64 {
	if len(similar) == 0 {
		return 0
	}
	wid, ok := d.lm.ID(w)
	if !ok {
		return 0
	}
	fit, weight := 0.0, 0.0
	for _, n := range similar {
		weight += n.sim
		if lc, ok := d.lm.pairID(n.id, wid); ok {
			if lf := d.lm.logFreqID(n.id); lf > 0 {
				fit += n.sim * pow2(lc-lf)
			}
		}
	}
	return fit / weight
}

func isCapitalized(w string) bool {
	r, n := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r) && !hasUpper(w[n:])
}

func capitalize(w string) string {
	r, n := utf8.DecodeRuneInString(w)
	return string(unicode.ToUpper(r)) + w[n:]
}

func pow2(x float64) float64 { return math.Exp2(x) }
func log2(x float64) float64 { return math.Log2(x) }

// slipCost and slipLogFreq define a likely slip: a word one ordinary edit
// or less from a word seen at least 2^20 times (about a million).
const (
	slipCost    = 1.0
	slipLogFreq = 20.0
)

// inflected reports whether w is c with a plural or agent ending, which
// is a form of c rather than a slip for it: chiles, steeplechaser.
func inflected(w, c string) bool {
	for _, suffix := range []string{"s", "es", "r", "er", "rs", "ers"} {
		if w == c+suffix {
			return true
		}
	}
	return false
}

// CheapSlip is LikelySlip for the cheapest slips only: a doubled or
// dropped double letter, a transposition, a vowel for a vowel.
func (d *Dictionary) CheapSlip(w string) bool { return d.slip(w, 0.6, slipLogFreq) }

// SlipWithin is LikelySlip with a given largest edit cost.
func (d *Dictionary) SlipWithin(w string, maxCost float64) bool {
	return d.slip(w, maxCost, slipLogFreq)
}

// VowelsDropped reports whether w is a common word with its vowels left
// out, as in hurried typing (whn, thn), rather than an abbreviation (bpd).
func (d *Dictionary) VowelsDropped(w string) bool {
	lower := strings.ToLower(w)
	found := false
	d.words.Near(lower, 2, func(c string, _ int) bool {
		lc := strings.ToLower(c)
		if lc != lower && strings.Map(dropVowel, lc) == lower && d.LogFreq(lc) >= slipLogFreq {
			found = true
			return false
		}
		return true
	})
	return found
}

func dropVowel(r rune) rune {
	if isVowel(r) {
		return -1
	}
	return r
}

// LikelySlip reports whether w, though it may be a word, is more likely a
// slip for a common dictionary word one edit away: "dammage" is a
// compound of "dam" and "mage" but a slip for "damage".
func (d *Dictionary) LikelySlip(w string) bool { return d.slip(w, slipCost, slipLogFreq) }

// LikelySlipAbove is LikelySlip counting only words with a log₂ count of
// at least minLogFreq (and slipLogFreq).
func (d *Dictionary) LikelySlipAbove(w string, minLogFreq float64) bool {
	return d.slip(w, slipCost, max(minLogFreq, slipLogFreq))
}

func (d *Dictionary) slip(w string, maxCost, minLogFreq float64) bool {
	lower := strings.ToLower(strings.ReplaceAll(w, "’", "'"))
	slip := false
	d.words.Near(lower, slipEdits(maxCost), func(c string, _ int) bool {
		lc := strings.ToLower(c)
		if lc == lower || inflected(lower, lc) {
			return true
		}
		if d.LogFreq(lc) >= minLogFreq && editCost(lower, lc) <= maxCost {
			slip = true
			return false
		}
		return true
	})
	return slip
}

// slipEdits is how many edits a slip of at most maxCost is looked for
// within. One: a slip of two edits costing no more than one ordinary edit
// needs two of the cheapest, which is rare, and the search within two
// edits costs a hundred times more.
func slipEdits(float64) int { return 1 }
