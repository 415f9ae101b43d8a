package reuse

import (
	"fmt"
	"slices"
	"strings"
	"sync"

	"github.com/newslint/newslint/draft"
)

// Indexed is a paragraph ready to index: its text, where it starts, and
// its fingerprints.
type Indexed struct {
	Text         string
	Line, Column int
	Fingerprints []uint64
}

// Paragraphs returns the paragraphs of doc worth indexing: those with at
// least one shingle (ShingleWords words).
func Paragraphs(doc *draft.Document) []Indexed {
	var out []Indexed
	var tokens []Token
	var shingles []uint64
	for i := range doc.Paragraphs {
		p := &doc.Paragraphs[i]
		tokens = Tokenize(p.Text, tokens[:0])
		if len(tokens) < ShingleWords {
			continue
		}
		shingles = Shingles(tokens, shingles)
		pos := doc.Position(p.Span.Start)
		out = append(out, Indexed{Text: p.Text, Line: pos.Line, Column: pos.Column,
			Fingerprints: Fingerprints(shingles, nil)})
	}
	return out
}

// ArticleOf describes doc as an article: its path, metadata and hash.
func ArticleOf(doc *draft.Document) Article {
	return Article{Path: doc.Path, Title: doc.Meta.Title, Date: doc.Meta.Date, URL: doc.Meta.URL,
		Hash: ContentHash(doc.Src), Size: int64(len(doc.Src))}
}

// Index is an in-memory Source: the drafts of one run. Add is safe to call
// from many goroutines; lookups must wait until every Add is done.
type Index struct {
	name     string
	mu       sync.Mutex
	articles []*Article
	paras    [][]Indexed
	postings map[uint64][]Ref
	byHash   map[string]int64 // content hash → article, to index identical copies once
}

// NewIndex returns an empty index called name ("this run").
func NewIndex(name string) *Index {
	return &Index{name: name, postings: map[uint64][]Ref{}, byHash: map[string]int64{}}
}

// Add indexes an article's paragraphs and returns its ID. An identical
// copy of an article already indexed (the same content hash) is not
// indexed again: a search skips the draft's own text anyway.
func (x *Index) Add(a Article, paras []Indexed) int64 {
	x.mu.Lock()
	defer x.mu.Unlock()
	if id, ok := x.byHash[a.Hash]; ok && a.Hash != "" {
		return id
	}
	a.ID = int64(len(x.articles))
	x.byHash[a.Hash] = a.ID
	a.Paragraphs = len(paras)
	x.articles = append(x.articles, &a)
	x.paras = append(x.paras, paras)
	for i, p := range paras {
		paras[i].Text = strings.Clone(p.Text) // not the whole draft's source
		for _, fp := range p.Fingerprints {
			x.postings[fp] = append(x.postings[fp], Ref{Article: a.ID, Para: int32(i)})
		}
		paras[i].Fingerprints = nil // not needed again
	}
	return a.ID
}

// Name returns the index's name.
func (x *Index) Name() string { return x.name }

// Size returns the number of articles.
func (x *Index) Size() int { return len(x.articles) }

// Lookup returns the paragraphs holding each fingerprint.
func (x *Index) Lookup(fps []uint64, limit int) ([]Postings, error) {
	out := make([]Postings, len(fps))
	for i, fp := range fps {
		refs := x.postings[fp]
		out[i] = Postings{Refs: refs[:min(len(refs), limit)], Total: len(refs)}
	}
	return out, nil
}

// Passage returns an indexed paragraph.
func (x *Index) Passage(ref Ref) (Passage, error) {
	if ref.Article < 0 || int(ref.Article) >= len(x.articles) || int(ref.Para) >= len(x.paras[ref.Article]) || ref.Para < 0 {
		return Passage{}, fmt.Errorf("reuse: no paragraph %d of article %d in %s", ref.Para, ref.Article, x.name)
	}
	p := x.paras[ref.Article][ref.Para]
	return Passage{Article: x.articles[ref.Article], Text: p.Text, Line: p.Line, Column: p.Column}, nil
}

// Articles returns the indexed articles, in the order they were added.
func (x *Index) Articles() []Article {
	out := make([]Article, len(x.articles))
	for i, a := range x.articles {
		out[i] = *a
	}
	return slices.Clip(out)
}
