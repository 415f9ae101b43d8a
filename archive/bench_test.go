package archive

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"testing"

	"github.com/newslint/newslint/draft"
	"github.com/newslint/newslint/internal/synthetic"
	"github.com/newslint/newslint/reuse"
)

// synthArticles returns n synthetic articles, parsed and ready to add.
func synthArticles(n int) ([]reuse.Article, [][]reuse.Indexed, int64) {
	g := synthetic.New(1)
	p := draft.NewParser()
	arts := make([]reuse.Article, n)
	paras := make([][]reuse.Indexed, n)
	var size int64
	for i := range n {
		src := g.Article(i)
		doc, err := p.ParseWith(fmt.Sprintf("a%06d.md", i), []byte(src), draft.Options{Format: draft.Markdown})
		if err != nil {
			panic(err)
		}
		arts[i] = reuse.ArticleOf(doc)
		arts[i].Path = fmt.Sprintf("/archive/a%06d.md", i)
		paras[i] = reuse.Paragraphs(doc)
		size += int64(len(src))
	}
	return arts, paras, size
}

// BenchmarkAddFiles measures indexing end to end, as `newslint archive
// add` does it: read, parse, fingerprint and store 1,000 synthetic
// articles (about 4 MB) in a new archive, one transaction each, then
// merge the index.
func BenchmarkAddFiles(b *testing.B) {
	dir := b.TempDir()
	g := synthetic.New(1)
	var size int64
	var paths []string
	for i := range 1000 {
		path := filepath.Join(dir, fmt.Sprintf("a%04d.md", i))
		src := g.Article(i)
		size += int64(len(src))
		if err := os.WriteFile(path, []byte(src), 0o644); err != nil {
			b.Fatal(err)
		}
		paths = append(paths, path)
	}
	ctx := context.Background()
	p := draft.NewParser()
	b.SetBytes(size)
	b.ResetTimer()
	for i := range b.N {
		s, err := Open(ctx, filepath.Join(dir, fmt.Sprintf("db%d", i), "archive.db"), Options{})
		if err != nil {
			b.Fatal(err)
		}
		var batch []Entry
		for _, path := range paths {
			e, err := ReadFile(p, path)
			if err != nil {
				b.Fatal(err)
			}
			if batch = append(batch, e); len(batch) == 256 {
				if _, err := s.Add(ctx, batch...); err != nil {
					b.Fatal(err)
				}
				batch = batch[:0]
			}
		}
		if _, err := s.Add(ctx, batch...); err != nil {
			b.Fatal(err)
		}
		if err := s.Flush(ctx); err != nil {
			b.Fatal(err)
		}
		s.Close()
	}
}

var benchArchives sync.Map

// benchArchive returns a synthetic archive of n articles, built once per
// machine in the temporary directory (building 100,000 takes a while).
func benchArchive(b *testing.B, n int) *SQLite {
	ctx := context.Background()
	path := filepath.Join(os.TempDir(), fmt.Sprintf("newslint-bench-%d", n), "archive.db")
	if _, err := os.Stat(path + ".done"); err != nil {
		os.RemoveAll(filepath.Dir(path))
		s, err := Open(ctx, path, Options{})
		if err != nil {
			b.Fatal(err)
		}
		g := synthetic.New(1)
		p := draft.NewParser()
		var batch []Entry
		for i := range n {
			doc, err := p.ParseWith("a.md", []byte(g.Article(i)), draft.Options{Format: draft.Markdown, TextOnly: true})
			if err != nil {
				b.Fatal(err)
			}
			a := reuse.ArticleOf(doc)
			a.Path = fmt.Sprintf("/archive/%06d.md", i)
			if batch = append(batch, Entry{a, reuse.Paragraphs(doc)}); len(batch) == 256 || i == n-1 {
				if _, err := s.Add(ctx, batch...); err != nil {
					b.Fatal(err)
				}
				batch = batch[:0]
			}
		}
		if err := s.Flush(ctx); err != nil {
			b.Fatal(err)
		}
		if err := s.Checkpoint(ctx); err != nil {
			b.Fatal(err)
		}
		s.Close()
		os.WriteFile(path+".done", nil, 0o644)
	}
	s, err := Open(ctx, path, Options{MustExist: true})
	if err != nil {
		b.Fatal(err)
	}
	return s
}

func benchSearch(b *testing.B, n int) {
	s := benchArchive(b, n)
	defer s.Close()
	// A 1,500-word draft that copies two archived paragraphs.
	g := synthetic.New(1)
	first := g.Article(0)
	_ = first
	arts := []string{}
	for i := range 3 {
		arts = append(arts, g.Article(i))
	}
	doc0, _ := draft.NewParser().ParseWith("x.md", []byte(arts[2]), draft.Options{Format: draft.Markdown})
	copied := []string{doc0.Paragraphs[1].Text, doc0.Paragraphs[3].Text}
	src := synthetic.New(99).Draft(1500, copied...)
	doc, err := draft.NewParser().ParseWith("draft.md", []byte(src), draft.Options{Format: draft.Markdown})
	if err != nil {
		b.Fatal(err)
	}
	corpus := &reuse.Corpus{Sources: []reuse.Source{s}}
	st, err := s.Stats(context.Background())
	if err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	found := 0
	for range b.N {
		res, err := corpus.For(doc).Results()
		if err != nil {
			b.Fatal(err)
		}
		found = 0
		for _, r := range res {
			for _, m := range r.Matches {
				if m.Containment >= 0.5 {
					found++
				}
			}
		}
	}
	if found < 2 {
		b.Fatalf("found %d copied paragraphs, want 2", found)
	}
	b.ReportMetric(float64(st.SizeOnDisk-st.TextBytes)/float64(st.Paragraphs), "overhead-B/para")
	b.ReportMetric(float64(st.Paragraphs), "paragraphs")
}

// BenchmarkSearch10k checks a 1,500-word draft against 10,000 articles.
func BenchmarkSearch10k(b *testing.B) { benchSearch(b, 10_000) }

// BenchmarkSearch100k checks a 1,500-word draft against 100,000 articles.
func BenchmarkSearch100k(b *testing.B) { benchSearch(b, 100_000) }
