package archive

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/newslint/newslint/draft"
	"github.com/newslint/newslint/internal/synthetic"
	"github.com/newslint/newslint/reuse"
)

func write(t *testing.T, dir, name, text string) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func add(t *testing.T, s *SQLite, paths ...string) []Outcome {
	t.Helper()
	var entries []Entry
	for _, p := range paths {
		e, err := ReadFile(draft.NewParser(), p)
		if err != nil {
			t.Fatal(err)
		}
		entries = append(entries, e)
	}
	out, err := s.Add(context.Background(), entries...)
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// search returns the archived paths whose paragraphs share text with text.
func search(t *testing.T, s reuse.Source, text string) []string {
	t.Helper()
	doc, err := draft.NewParser().ParseWith("draft.md", []byte(text), draft.Options{Format: draft.Markdown})
	if err != nil {
		t.Fatal(err)
	}
	res, err := (&reuse.Corpus{Sources: []reuse.Source{s}}).For(doc).Results()
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, r := range res {
		for _, m := range r.Matches {
			if m.Containment >= 0.5 {
				out = append(out, filepath.Base(m.Passage.Article.Path))
			}
		}
	}
	return out
}

const ferry = `---
title: Ferry fares rise
date: 2025-03-04
url: https://example.com/ferry
---
# Ferry fares rise

The ferry authority voted on Tuesday to raise the adult fare from $4.50 to $5.25, the first increase in six years.

Ridership has recovered to about 9,000 trips a day, but fuel and insurance costs have climbed faster than fares.
`

const bridge = "Bridge to close\n\nThe Kessler Street bridge will close for eighteen months from June while engineers replace its rusted bearings and deck.\n"

const library = `<html><head><title>Library opens</title></head><body><p>The new central library opened its doors on Saturday to a line of readers that stretched around the block.</p></body></html>`

// Headings of fewer than five words are not indexed: no shingle.
func TestAddListRemove(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	s, err := Open(ctx, filepath.Join(dir, ".newslint", "archive.db"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	a, b, c := write(t, dir, "ferry.md", ferry), write(t, dir, "bridge.txt", bridge), write(t, dir, "library.html", library)

	if got := add(t, s, a, b, c); fmt.Sprint(got) != "[added added added]" {
		t.Errorf("first add: %v", got)
	}
	if err := s.Flush(ctx); err != nil {
		t.Fatal(err)
	}
	if got := add(t, s, a, b); fmt.Sprint(got) != "[unchanged unchanged]" {
		t.Errorf("adding again: %v", got)
	}
	write(t, dir, "bridge.txt", strings.Replace(bridge, "eighteen months", "two years", 1))
	if got := add(t, s, b); fmt.Sprint(got) != "[replaced]" {
		t.Errorf("adding a changed file: %v", got)
	}
	if err := s.Flush(ctx); err != nil {
		t.Fatal(err)
	}

	arts, err := s.Articles(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(arts) != 3 || s.Size() != 3 {
		t.Fatalf("%d articles listed, size %d, want 3", len(arts), s.Size())
	}
	byName := map[string]reuse.Article{}
	for _, a := range arts {
		byName[filepath.Base(a.Path)] = a
		if !filepath.IsAbs(a.Path) {
			t.Errorf("path %q is not absolute", a.Path)
		}
	}
	if f := byName["ferry.md"]; f.Title != "Ferry fares rise" || f.Date != "2025-03-04" || f.URL != "https://example.com/ferry" || f.Paragraphs != 2 {
		t.Errorf("ferry.md metadata: %+v", f)
	}
	if l := byName["library.html"]; l.Title != "Library opens" {
		t.Errorf("library.html title %q", l.Title)
	}

	st, err := s.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if st.Articles != 3 || st.Paragraphs != 4 || st.Postings == 0 || st.SizeOnDisk == 0 || st.TextBytes == 0 {
		t.Errorf("stats %+v", st)
	}

	if got := search(t, s, "The Kessler Street bridge will close for two years from June while engineers replace its rusted bearings and deck."); fmt.Sprint(got) != "[bridge.txt]" {
		t.Errorf("search for the new version: %v", got)
	}
	if got := search(t, s, "The Kessler Street bridge will close for eighteen months from June while engineers replace its rusted bearings and deck."); fmt.Sprint(got) != "[bridge.txt]" {
		t.Errorf("search for the old version (most words shared): %v", got)
	}
	if got := search(t, s, "The ferry authority voted on Tuesday to raise the adult fare from $4.50 to $5.25, the first increase in six years."); fmt.Sprint(got) != "[ferry.md]" {
		t.Errorf("search: %v", got)
	}

	removed, err := s.Remove(ctx, byName["ferry.md"].Path)
	if err != nil || !removed {
		t.Fatalf("remove: %v %v", removed, err)
	}
	if removed, _ := s.Remove(ctx, byName["ferry.md"].Path); removed {
		t.Error("removed twice")
	}
	if got := search(t, s, "The ferry authority voted on Tuesday to raise the adult fare from $4.50 to $5.25, the first increase in six years."); len(got) != 0 {
		t.Errorf("search after remove: %v", got)
	}
	st2, _ := s.Stats(ctx)
	if st2.Articles != 2 || st2.Postings >= st.Postings {
		t.Errorf("stats after remove %+v (before %+v)", st2, st)
	}
}

// Articles added but not yet merged into the index (another process is
// adding, or was stopped) are found by a reader that opens the archive.
func TestPendingIsSearched(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	path := filepath.Join(dir, "a.db")
	w, err := Open(ctx, path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	add(t, w, write(t, dir, "bridge.txt", bridge))
	r, err := Open(ctx, path, Options{MustExist: true})
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	if got := search(t, r, strings.Split(bridge, "\n\n")[1]); fmt.Sprint(got) != "[bridge.txt]" {
		t.Errorf("pending article not found: %v", got)
	}
}

// The index splits into more blocks as it grows; every article stays
// findable, and the archive reopens.
func TestGrowAndReopen(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "a.db")
	s, err := Open(ctx, path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	g := synthetic.New(7)
	var texts []string
	for round := range 3 {
		var entries []Entry
		for i := range 250 {
			src := g.Article(round*250 + i)
			texts = append(texts, src)
			doc, _ := draft.NewParser().ParseWith("a.md", []byte(src), draft.Options{Format: draft.Markdown, TextOnly: true})
			a := reuse.ArticleOf(doc)
			a.Path = fmt.Sprintf("/a/%04d.md", round*250+i)
			entries = append(entries, Entry{a, reuse.Paragraphs(doc)})
		}
		if _, err := s.Add(ctx, entries...); err != nil {
			t.Fatal(err)
		}
		if err := s.Flush(ctx); err != nil {
			t.Fatal(err)
		}
	}
	var bits int
	if err := s.db.QueryRow("SELECT value FROM meta WHERE key = 'bucket_bits'").Scan(&bits); err != nil || bits <= 8 {
		t.Errorf("bucket bits %d (%v): the index never split", bits, err)
	}
	s.Close()
	s, err = Open(ctx, path, Options{MustExist: true})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	for _, i := range []int{0, 249, 250, 600, 749} {
		paras := strings.Split(texts[i], "\n\n")
		if got := search(t, s, paras[3]); len(got) != 1 || got[0] != fmt.Sprintf("%04d.md", i) {
			t.Errorf("article %d: found %v", i, got)
		}
	}
}

func TestOpenErrors(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	if _, err := Open(ctx, filepath.Join(dir, "none.db"), Options{MustExist: true}); !errors.Is(err, ErrNotExist) {
		t.Errorf("missing archive: %v", err)
	}
	path := filepath.Join(dir, "new.db")
	s, err := Open(ctx, path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	db.Exec("PRAGMA user_version = 99")
	db.Close()
	_, err = Open(ctx, path, Options{})
	if err == nil || !strings.Contains(err.Error(), "newer than this newslint") || !strings.Contains(err.Error(), path) {
		t.Errorf("newer schema: %v", err)
	}
	junk := write(t, dir, "junk.db", strings.Repeat("not a database ", 100))
	if _, err := Open(ctx, junk, Options{MustExist: true}); err == nil || !strings.Contains(err.Error(), junk) {
		t.Errorf("not a database: %v", err)
	}
	if _, err := ReadFile(draft.NewParser(), write(t, dir, "bin.txt", "a\x00b")); !errors.Is(err, ErrBinary) {
		t.Errorf("binary file: %v", err)
	}
}

// One writer and several readers at once (run with -race).
func TestConcurrentReaders(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	path := filepath.Join(dir, "a.db")
	w, err := Open(ctx, path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	add(t, w, write(t, dir, "bridge.txt", bridge))
	if err := w.Flush(ctx); err != nil {
		t.Fatal(err)
	}
	r, err := Open(ctx, path, Options{MustExist: true})
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	var wg sync.WaitGroup
	for i := range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for range 20 {
				if got := search(t, r, strings.Split(bridge, "\n\n")[1]); len(got) != 1 {
					t.Errorf("reader %d found %v", i, got)
					return
				}
			}
		}()
	}
	g := synthetic.New(3)
	for i := range 20 {
		add(t, w, write(t, dir, fmt.Sprintf("x%d.md", i), g.Article(i)))
	}
	wg.Wait()
	if err := w.Flush(ctx); err != nil {
		t.Fatal(err)
	}
}
