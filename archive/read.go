package archive

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"

	"github.com/newslint/newslint/reuse"
)

// cacheArticles is how many articles a store keeps decoded for searches.
const cacheArticles = 4096

// Lookup returns the paragraphs holding each fingerprint, reading each
// index block once.
func (s *SQLite) Lookup(fps []uint64, limit int) ([]reuse.Postings, error) {
	out := make([]reuse.Postings, len(fps))
	var bucketBits int
	if err := s.db.QueryRow("SELECT value FROM meta WHERE key = 'bucket_bits'").Scan(&bucketBits); err != nil {
		return nil, s.wrap("lookup", err)
	}
	s.mu.Lock()
	memo := s.memo
	s.mu.Unlock()
	var block []byte
	current := int64(-1)
	for i, fp := range fps {
		b := int64(fp >> (64 - bucketBits))
		if b != current {
			current, block = b, nil
			if err := s.lookup.QueryRow(b).Scan(&block); err != nil && !errors.Is(err, sql.ErrNoRows) {
				return nil, s.wrap("lookup", err)
			}
		}
		run := findRun(block, fp)
		n := len(run) / recordSize
		p := reuse.Postings{Total: n}
		for k := 0; k < n && k < limit; k++ {
			p.Refs = append(p.Refs, recordRef(run[k*recordSize:]))
		}
		if extra := memo[fp&keyMask]; len(extra) > 0 {
			p.Total += len(extra)
			for _, r := range extra {
				if len(p.Refs) < limit {
					p.Refs = append(p.Refs, r)
				}
			}
		}
		out[i] = p
	}
	return out, nil
}

// Passage returns a stored paragraph.
func (s *SQLite) Passage(ref reuse.Ref) (reuse.Passage, error) {
	a, err := s.article(ref.Article)
	if err != nil {
		return reuse.Passage{}, err
	}
	if a.article.Hash == errGone.Error() {
		return reuse.Passage{Article: &a.article}, nil
	}
	if ref.Para < 0 || int(ref.Para) >= len(a.places) {
		return reuse.Passage{}, fmt.Errorf("archive: %s: article %d has no paragraph %d", s.path, ref.Article, ref.Para)
	}
	start := 0
	if ref.Para > 0 {
		start = a.places[ref.Para-1].end
	}
	pl := a.places[ref.Para]
	end := min(max(pl.end, start), len(a.text))
	return reuse.Passage{Article: &a.article, Text: a.text[start:end], Line: pl.line, Column: pl.column}, nil
}

// errGone is a posting whose article was removed meanwhile.
var errGone = errors.New("article removed")

func (s *SQLite) article(id int64) (*stored, error) {
	s.mu.Lock()
	a, ok := s.cache[id]
	s.mu.Unlock()
	if ok {
		return a, nil
	}
	a = &stored{}
	var places []byte
	err := s.db.QueryRow(`SELECT id, path, hash, title, date, url, added_at, size, paragraphs, text, places
		FROM article WHERE id = ?`, id).Scan(&a.article.ID, &a.article.Path, &a.article.Hash, &a.article.Title,
		&a.article.Date, &a.article.URL, &a.article.AddedAt, &a.article.Size, &a.article.Paragraphs, &a.text, &places)
	if errors.Is(err, sql.ErrNoRows) {
		// Removed after its postings were read: an empty article the
		// search skips.
		a.article = reuse.Article{ID: id, Hash: errGone.Error()}
		return a, nil
	}
	if err != nil {
		return nil, s.wrap("read article", err)
	}
	a.places = decodePlaces(places)
	s.mu.Lock()
	if len(s.cache) >= cacheArticles {
		clear(s.cache)
	}
	s.cache[id] = a
	s.mu.Unlock()
	return a, nil
}

// Articles lists the stored articles by path.
func (s *SQLite) Articles(ctx context.Context) ([]reuse.Article, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT id, path, hash, title, date, url, added_at, size, paragraphs
		FROM article ORDER BY path`)
	if err != nil {
		return nil, s.wrap("list", err)
	}
	defer rows.Close()
	var out []reuse.Article
	for rows.Next() {
		var a reuse.Article
		if err := rows.Scan(&a.ID, &a.Path, &a.Hash, &a.Title, &a.Date, &a.URL, &a.AddedAt, &a.Size, &a.Paragraphs); err != nil {
			return nil, s.wrap("list", err)
		}
		out = append(out, a)
	}
	return out, rows.Err()
}

// Stats counts what is stored.
func (s *SQLite) Stats(ctx context.Context) (Stats, error) {
	var st Stats
	err := s.db.QueryRowContext(ctx, `SELECT count(*), coalesce(sum(paragraphs), 0), coalesce(sum(length(CAST(text AS BLOB))), 0)
		FROM article`).Scan(&st.Articles, &st.Paragraphs, &st.TextBytes)
	if err != nil {
		return st, s.wrap("stats", err)
	}
	if err := s.db.QueryRowContext(ctx, "SELECT value FROM meta WHERE key = 'postings'").Scan(&st.Postings); err != nil {
		return st, s.wrap("stats", err)
	}
	if err := s.db.QueryRowContext(ctx, "SELECT count(*) FROM block").Scan(&st.Buckets); err != nil {
		return st, s.wrap("stats", err)
	}
	for _, suffix := range []string{"", "-wal"} {
		if fi, err := os.Stat(s.path + suffix); err == nil {
			st.SizeOnDisk += fi.Size()
		}
	}
	return st, nil
}

// Checkpoint folds the write-ahead log into the database file, so that
// its size is the archive's.
func (s *SQLite) Checkpoint(ctx context.Context) error {
	if _, err := s.db.ExecContext(ctx, "PRAGMA wal_checkpoint(TRUNCATE)"); err != nil {
		return s.wrap("checkpoint", err)
	}
	return nil
}
