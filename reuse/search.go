package reuse

import (
	"fmt"
	"path/filepath"
	"slices"
	"sort"
	"sync"

	"github.com/newslint/newslint/draft"
)

// Search limits.
const (
	// MinShared is the fewest shingles a verified match must share.
	MinShared = 3
	// candidatesPerParagraph is how many candidates, ranked by shared
	// fingerprints, are verified against a draft paragraph.
	candidatesPerParagraph = 16
	// frequentFloor is the least posting count at which a fingerprint is
	// too common to propose candidates (and 1% of the source, when more).
	frequentFloor = 100
	// copySample is how many paragraphs holding a common paragraph's
	// rarest fingerprint are verified to estimate its copies.
	copySample = 8
	// sameText is the containment at which two paragraphs count as copies
	// of one text when estimating how often a paragraph occurs.
	sameText = 0.8
)

// Corpus is what drafts are compared with: the archive, the drafts of the
// run, or both. It is read-only and safe for concurrent use.
type Corpus struct {
	Sources []Source
}

// Match is a source paragraph that a draft paragraph shares text with.
type Match struct {
	Source  string // the Source's name
	Passage Passage
	// Shared is the number of distinct shingles the two paragraphs share.
	Shared int
	// Unquoted is the number of the draft paragraph's words outside its
	// quotations; UnquotedShared, how many of them lie in a shared
	// shingle. Two stories may carry the same quote, but a copied
	// paragraph shares the words around it too.
	Unquoted, UnquotedShared int
	// Containment is Shared over the draft paragraph's shingles; Reverse
	// is Shared over the source paragraph's.
	Containment, Reverse float64
}

// Result is what a search found for one paragraph of a draft.
type Result struct {
	Para     int // index in Document.Paragraphs
	Words    int // normalized words
	Shingles int // distinct shingles
	// Matches are verified matches sharing at least MinShared shingles,
	// best first.
	Matches []Match
	// Copies estimates how many paragraphs of the largest source hold
	// this paragraph's text; SourceSize is that source's article count.
	// A paragraph with many copies is template text (a footer, a bio).
	Copies, SourceSize int
	// CopiesSource is the name of the source Copies counts in.
	CopiesSource string
}

// Search is one draft's comparison with a corpus, made on first use and
// then shared by every rule that reads it. It is not safe for concurrent
// use; one draft is linted by one goroutine.
type Search struct {
	corpus  *Corpus
	doc     *draft.Document
	self    string // absolute path of the draft
	hash    string
	once    sync.Once
	results []Result
	err     error
}

// For returns the search of doc against the corpus, or nil when the
// corpus is nil or empty.
func (c *Corpus) For(doc *draft.Document) *Search {
	if c == nil || len(c.Sources) == 0 {
		return nil
	}
	abs, err := filepath.Abs(doc.Path)
	if err != nil {
		abs = doc.Path
	}
	return &Search{corpus: c, doc: doc, self: abs}
}

// Results returns a result for every paragraph of the draft with at least
// one shingle, in order.
func (s *Search) Results() ([]Result, error) {
	s.once.Do(func() { s.results, s.err = s.run() })
	return s.results, s.err
}

// prepared is a draft paragraph ready to compare.
type prepared struct {
	para     int
	words    int
	shingles []uint64 // in text order
	quoted   []bool   // per word: it lies inside a quotation; nil when none does
	set      []uint64
	fps      []uint64
}

func (s *Search) prepare() []prepared {
	var out []prepared
	var tokens []Token
	for i := range s.doc.Paragraphs {
		p := &s.doc.Paragraphs[i]
		tokens = Tokenize(p.Text, tokens[:0])
		if len(tokens) < ShingleWords {
			continue
		}
		sh := Shingles(tokens, nil)
		pr := prepared{para: i, words: len(tokens), shingles: sh, set: SortedSet(sh, nil), fps: Fingerprints(sh, nil)}
		if len(p.Quotations) > 0 {
			pr.quoted = make([]bool, len(tokens))
			for _, q := range p.Quotations {
				qs, qe := q.TextRange(p)
				for t := range tokens {
					if tokens[t].Start >= qs && tokens[t].End <= qe {
						pr.quoted[t] = true
					}
				}
			}
		}
		out = append(out, pr)
	}
	return out
}

func (s *Search) run() ([]Result, error) {
	paras := s.prepare()
	results := make([]Result, len(paras))
	for i, p := range paras {
		results[i] = Result{Para: p.para, Words: p.words, Shingles: len(p.set)}
	}
	if len(paras) == 0 {
		return results, nil
	}
	var all []uint64
	for _, p := range paras {
		all = append(all, p.fps...)
	}
	slices.Sort(all)
	all = slices.Compact(all)
	s.hash = ContentHash(s.doc.Src)
	for _, src := range s.corpus.Sources {
		if err := s.searchSource(src, paras, all, results); err != nil {
			return nil, fmt.Errorf("reuse: search %s: %w", src.Name(), err)
		}
	}
	for i := range results {
		sort.SliceStable(results[i].Matches, func(a, b int) bool {
			x, y := results[i].Matches[a], results[i].Matches[b]
			if x.Containment != y.Containment {
				return x.Containment > y.Containment
			}
			return x.Shared > y.Shared
		})
	}
	return results, nil
}

// checker verifies candidates of one source, caching what it reads.
type checker struct {
	src      Source
	self     func(*Article) bool
	passages map[Ref]*cachedPassage
	tokens   []Token
	shingles []uint64
}

type cachedPassage struct {
	passage Passage
	set     []uint64
	skip    bool // the draft itself, or unreadable
}

func (c *checker) get(ref Ref) (*cachedPassage, error) {
	if cp, ok := c.passages[ref]; ok {
		return cp, nil
	}
	p, err := c.src.Passage(ref)
	if err != nil {
		return nil, err
	}
	cp := &cachedPassage{passage: p, skip: c.self(p.Article)}
	if !cp.skip {
		c.tokens = Tokenize(p.Text, c.tokens[:0])
		c.shingles = Shingles(c.tokens, c.shingles)
		cp.set = SortedSet(c.shingles, nil)
	}
	c.passages[ref] = cp
	return cp, nil
}

func (s *Search) searchSource(src Source, paras []prepared, all []uint64, results []Result) error {
	size := src.Size()
	if size == 0 {
		return nil
	}
	frequent := max(frequentFloor, size/100)
	postings, err := src.Lookup(all, frequent+1)
	if err != nil {
		return err
	}
	byFP := make(map[uint64]*Postings, len(all))
	for i := range all {
		byFP[all[i]] = &postings[i]
	}
	c := &checker{src: src, passages: map[Ref]*cachedPassage{}, self: func(a *Article) bool {
		return a.Hash == s.hash || a.Path == s.self || a.Path == s.doc.Path
	}}
	counts := map[Ref]int{}
	for i, p := range paras {
		clear(counts)
		rarest, rarestTotal := uint64(0), -1
		for _, fp := range p.fps {
			ps := byFP[fp]
			if rarestTotal < 0 || ps.Total < rarestTotal {
				rarest, rarestTotal = fp, ps.Total
			}
			if ps.Total > frequent {
				continue
			}
			for _, r := range ps.Refs {
				counts[r]++
			}
		}
		cands := make([]Ref, 0, len(counts))
		for r := range counts {
			cands = append(cands, r)
		}
		sort.Slice(cands, func(a, b int) bool {
			if counts[cands[a]] != counts[cands[b]] {
				return counts[cands[a]] > counts[cands[b]]
			}
			return less(cands[a], cands[b])
		})
		verified := 0
		for _, ref := range cands {
			if verified == candidatesPerParagraph {
				break
			}
			cp, err := c.get(ref)
			if err != nil {
				return err
			}
			if cp.skip {
				continue
			}
			verified++
			if m, ok := match(src.Name(), p, cp); ok {
				results[i].Matches = append(results[i].Matches, m)
			}
		}
		if copies := s.copies(c, p, results[i].Matches, byFP[rarest], rarestTotal); copies > results[i].Copies {
			results[i].Copies, results[i].SourceSize, results[i].CopiesSource = copies, size, src.Name()
		}
	}
	return nil
}

// copies estimates how many paragraphs of the source hold p's text. When
// even p's rarest fingerprint is common, a sample of the paragraphs
// holding it is verified and the share that match scales its count;
// otherwise the verified matches are counted.
func (s *Search) copies(c *checker, p prepared, matches []Match, rarest *Postings, total int) int {
	n := 0
	for _, m := range matches {
		if m.Containment >= sameText && m.Reverse >= sameText {
			n++
		}
	}
	if rarest == nil || total <= candidatesPerParagraph {
		return n
	}
	tried, same := 0, 0
	for _, ref := range rarest.Refs {
		if tried == copySample {
			break
		}
		cp, err := c.get(ref)
		if err != nil || cp.skip {
			continue
		}
		tried++
		if m, ok := match("", p, cp); ok && m.Containment >= sameText && m.Reverse >= sameText {
			same++
		}
	}
	if tried == 0 {
		return n
	}
	return max(n, total*same/tried)
}

func match(source string, p prepared, cp *cachedPassage) (Match, bool) {
	shared := Shared(p.set, cp.set)
	if shared < MinShared {
		return Match{}, false
	}
	m := Match{Source: source, Passage: cp.passage, Shared: shared,
		Containment: float64(shared) / float64(len(p.set)), Reverse: float64(shared) / float64(max(1, len(cp.set)))}
	covered := make([]bool, p.words)
	for k, h := range p.shingles {
		if _, ok := slices.BinarySearch(cp.set, h); ok {
			for w := k; w < k+ShingleWords; w++ {
				covered[w] = true
			}
		}
	}
	for w := range p.words {
		if p.quoted == nil || !p.quoted[w] {
			m.Unquoted++
			if covered[w] {
				m.UnquotedShared++
			}
		}
	}
	return m, true
}

func less(a, b Ref) bool {
	if a.Article != b.Article {
		return a.Article < b.Article
	}
	return a.Para < b.Para
}

// IsTemplate reports whether a paragraph is template text: found in at
// least minDocs articles of a source and in at least minShare of them.
func IsTemplate(r Result, minDocs int, minShare float64) bool {
	return r.Copies >= minDocs && float64(r.Copies) >= minShare*float64(r.SourceSize)
}
