package archive

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"runtime"
	"sync"
	"sync/atomic"
	"time"

	"github.com/newslint/newslint/reuse"
	_ "modernc.org/sqlite" // registers the "sqlite" driver
)

// DefaultPath is where the archive lives, relative to the configuration's
// directory.
const DefaultPath = ".newslint/archive.db"

// flushEvery is how many pending postings Add lets gather before it
// merges them into the index (about 56 MB).
const flushEvery = 4 << 20

// bytesPerBucket is the block size the index aims at: blocks split when
// they average more.
const bytesPerBucket = 4096

// ErrNotExist is returned by Open with MustExist when there is no archive.
var ErrNotExist = errors.New("archive does not exist")

// Options are how to open an archive.
type Options struct {
	// MustExist opens only an existing archive (to search or list it): Open fails
	// with ErrNotExist when there is none instead of creating it.
	MustExist bool
}

// SQLite is the embedded Store: one SQLite file in write-ahead-log mode,
// so one writer and any number of readers can use it at once.
type SQLite struct {
	db       *sql.DB
	path     string
	size     atomic.Int64 // articles
	pending  int          // postings added by this process and not flushed
	mu       sync.Mutex   // guards cache
	cache    map[int64]*stored
	memo     map[uint64][]reuse.Ref // pending postings of other processes, read at open
	lookup   *sql.Stmt
	readOnly bool
}

// stored is an article read back for searching.
type stored struct {
	article reuse.Article
	text    string
	places  []place
}

// Open opens (creating when needed) the archive at path.
func Open(ctx context.Context, path string, opts Options) (*SQLite, error) {
	if opts.MustExist {
		if _, err := os.Stat(path); errors.Is(err, fs.ErrNotExist) {
			return nil, fmt.Errorf("archive: %s: %w", path, ErrNotExist)
		}
	} else if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return nil, fmt.Errorf("archive: create %s: %w", filepath.Dir(path), err)
	}
	q := url.Values{}
	for _, p := range []string{"page_size(1024)", "journal_mode(WAL)", "synchronous(NORMAL)", "busy_timeout(10000)", "cache_size(-65536)"} {
		q.Add("_pragma", p)
	}
	q.Set("_txlock", "immediate")
	db, err := sql.Open("sqlite", "file:"+filepath.ToSlash(path)+"?"+q.Encode())
	if err != nil {
		return nil, fmt.Errorf("archive: open %s: %w", path, err)
	}
	db.SetMaxOpenConns(max(4, runtime.GOMAXPROCS(0)+1))
	s := &SQLite{db: db, path: path, cache: map[int64]*stored{}, readOnly: opts.MustExist}
	if err := s.init(ctx); err != nil {
		db.Close()
		return nil, err
	}
	return s, nil
}

func (s *SQLite) init(ctx context.Context) error {
	if err := migrate(ctx, s.db, s.path); err != nil {
		return err
	}
	var n int64
	if err := s.db.QueryRowContext(ctx, "SELECT count(*) FROM article").Scan(&n); err != nil {
		return s.wrap("count articles", err)
	}
	s.size.Store(n)
	var err error
	if s.lookup, err = s.db.PrepareContext(ctx, "SELECT data FROM block WHERE bucket = ?"); err != nil {
		return s.wrap("prepare", err)
	}
	return s.loadPending(ctx)
}

// loadPending reads postings that were added but never merged (another
// process is adding, or one was stopped), so that searches see them.
func (s *SQLite) loadPending(ctx context.Context) error {
	rows, err := s.db.QueryContext(ctx, "SELECT pending FROM article WHERE pending IS NOT NULL")
	if err != nil {
		return s.wrap("read pending", err)
	}
	defer rows.Close()
	for rows.Next() {
		var b []byte
		if err := rows.Scan(&b); err != nil {
			return s.wrap("read pending", err)
		}
		if s.memo == nil {
			s.memo = map[uint64][]reuse.Ref{}
		}
		for at := 0; at+recordSize <= len(b); at += recordSize {
			fp := recordFP(b[at:])
			s.memo[fp] = append(s.memo[fp], recordRef(b[at:]))
		}
	}
	return rows.Err()
}

func (s *SQLite) wrap(what string, err error) error {
	return fmt.Errorf("archive: %s: %s: %w", s.path, what, err)
}

// Name returns "archive".
func (s *SQLite) Name() string { return "archive" }

// Path returns the database file's path.
func (s *SQLite) Path() string { return s.path }

// Size returns the number of articles.
func (s *SQLite) Size() int { return int(s.size.Load()) }

// Close closes the database.
func (s *SQLite) Close() error {
	if s.lookup != nil {
		s.lookup.Close()
	}
	return s.db.Close()
}

func (s *SQLite) meta(ctx context.Context, tx *sql.Tx, key string) (int, error) {
	var v int
	err := tx.QueryRowContext(ctx, "SELECT value FROM meta WHERE key = ?", key).Scan(&v)
	return v, err
}

func (s *SQLite) setMeta(ctx context.Context, tx *sql.Tx, key string, v int) error {
	_, err := tx.ExecContext(ctx, "UPDATE meta SET value = ? WHERE key = ?", v, key)
	return err
}

// Add stores articles in one transaction: each is stored whole or, when
// anything fails (or the process is stopped), none is.
func (s *SQLite) Add(ctx context.Context, entries ...Entry) ([]Outcome, error) {
	if len(entries) == 0 {
		return nil, nil
	}
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return nil, s.wrap("add", err)
	}
	defer tx.Rollback()
	var next int64
	if err := tx.QueryRowContext(ctx, "SELECT coalesce(max(id), 0) + 1 FROM article").Scan(&next); err != nil {
		return nil, s.wrap("add", err)
	}
	insert, err := tx.PrepareContext(ctx, `INSERT INTO article(id, path, hash, title, date, url, added_at, size, paragraphs, text, places, pending)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
	if err != nil {
		return nil, s.wrap("add", err)
	}
	defer insert.Close()
	now := time.Now().UTC().Format(time.RFC3339)
	outcomes := make([]Outcome, len(entries))
	var replaced []int64
	added, postings := 0, 0
	for i, e := range entries {
		a, paras := e.Article, e.Paragraphs
		if len(paras) > 1<<16 {
			paras = paras[:1<<16] // the index addresses 65,536 paragraphs an article
		}
		var oldID int64
		var oldHash string
		err = tx.QueryRowContext(ctx, "SELECT id, hash FROM article WHERE path = ?", a.Path).Scan(&oldID, &oldHash)
		switch {
		case err == nil && oldHash == a.Hash:
			outcomes[i] = Unchanged
			continue
		case err == nil:
			if err := s.removeTx(ctx, tx, oldID); err != nil {
				return nil, s.wrap("replace "+a.Path, err)
			}
			replaced = append(replaced, oldID)
			outcomes[i] = Replaced
		case !errors.Is(err, sql.ErrNoRows):
			return nil, s.wrap("add "+a.Path, err)
		default:
			outcomes[i] = Added
			added++
		}
		id := next
		next++
		if id >= 1<<32 {
			return nil, s.wrap("add "+a.Path, errors.New("article IDs exhausted"))
		}
		if a.AddedAt == "" {
			a.AddedAt = now
		}
		text, places := encodePlaces(paras)
		recs := encodeRecords(id, paras)
		postings += len(recs) / recordSize
		if _, err := insert.ExecContext(ctx, id, a.Path, a.Hash, a.Title, a.Date, a.URL, a.AddedAt, a.Size, len(paras), text, places, recs); err != nil {
			return nil, s.wrap("add "+a.Path, err)
		}
	}
	if err := tx.Commit(); err != nil {
		return nil, s.wrap("add", err)
	}
	s.size.Add(int64(added))
	for _, id := range replaced {
		s.forget(id)
	}
	s.pending += postings
	if s.pending >= flushEvery {
		return outcomes, s.Flush(ctx)
	}
	return outcomes, nil
}

// Entry is an article to add, with its paragraphs.
type Entry struct {
	Article    reuse.Article
	Paragraphs []reuse.Indexed
}

func (s *SQLite) forget(id int64) {
	s.mu.Lock()
	delete(s.cache, id)
	s.mu.Unlock()
}

// Remove deletes the article stored under path.
func (s *SQLite) Remove(ctx context.Context, path string) (bool, error) {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return false, s.wrap("remove "+path, err)
	}
	defer tx.Rollback()
	var id int64
	err = tx.QueryRowContext(ctx, "SELECT id FROM article WHERE path = ?", path).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		return false, nil
	}
	if err != nil {
		return false, s.wrap("remove "+path, err)
	}
	if err := s.removeTx(ctx, tx, id); err != nil {
		return false, s.wrap("remove "+path, err)
	}
	if err := tx.Commit(); err != nil {
		return false, s.wrap("remove "+path, err)
	}
	s.size.Add(-1)
	s.forget(id)
	return true, nil
}

// removeTx deletes an article and its postings: those still pending go
// with its row; merged ones are found again from its stored text.
func (s *SQLite) removeTx(ctx context.Context, tx *sql.Tx, id int64) error {
	var text string
	var places, pending []byte
	if err := tx.QueryRowContext(ctx, "SELECT text, places, pending FROM article WHERE id = ?", id).Scan(&text, &places, &pending); err != nil {
		return err
	}
	if pending == nil {
		bits, err := s.meta(ctx, tx, "bucket_bits")
		if err != nil {
			return err
		}
		buckets := map[int64]bool{}
		for _, p := range splitText(text, decodePlaces(places)) {
			for _, fp := range fingerprints(p) {
				buckets[int64(fp>>(64-bits))] = true
			}
		}
		dropped := 0
		for b := range buckets {
			var data []byte
			err := tx.QueryRowContext(ctx, "SELECT data FROM block WHERE bucket = ?", b).Scan(&data)
			if errors.Is(err, sql.ErrNoRows) {
				continue
			}
			if err != nil {
				return err
			}
			kept, n := dropArticle(data, id)
			dropped += n
			if len(kept) == 0 {
				_, err = tx.ExecContext(ctx, "DELETE FROM block WHERE bucket = ?", b)
			} else {
				_, err = tx.ExecContext(ctx, "UPDATE block SET data = ? WHERE bucket = ?", kept, b)
			}
			if err != nil {
				return err
			}
		}
		total, err := s.meta(ctx, tx, "postings")
		if err != nil {
			return err
		}
		if err := s.setMeta(ctx, tx, "postings", max(0, total-dropped)); err != nil {
			return err
		}
	}
	_, err := tx.ExecContext(ctx, "DELETE FROM article WHERE id = ?", id)
	return err
}

func splitText(text string, places []place) []string {
	var out []string
	start := 0
	for _, p := range places {
		end := min(max(p.end, start), len(text))
		out = append(out, text[start:end])
		start = end
	}
	return out
}

func fingerprints(text string) []uint64 {
	tokens := reuse.Tokenize(text, nil)
	return reuse.Fingerprints(reuse.Shingles(tokens, nil), nil)
}
