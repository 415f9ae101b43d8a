package archive

import (
	"context"
	"database/sql"
	"errors"
	"math/bits"
)

// Flush merges every pending posting into the index blocks, in one
// transaction. The index is split by the top bits of the fingerprint into
// blocks of about bytesPerBucket; when the archive grows, every block is
// split (the number of bits grows) so that a lookup reads little.
func (s *SQLite) Flush(ctx context.Context) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return s.wrap("flush", err)
	}
	defer tx.Rollback()
	rows, err := tx.QueryContext(ctx, "SELECT pending FROM article WHERE pending IS NOT NULL")
	if err != nil {
		return s.wrap("flush", err)
	}
	var recs []byte
	for rows.Next() {
		var b []byte
		if err := rows.Scan(&b); err != nil {
			rows.Close()
			return s.wrap("flush", err)
		}
		recs = append(recs, b...)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return s.wrap("flush", err)
	}
	if len(recs) == 0 {
		s.pending = 0
		return nil
	}
	sortRecords(recs)
	total, err := s.meta(ctx, tx, "postings")
	if err != nil {
		return s.wrap("flush", err)
	}
	total += len(recs) / recordSize
	have, err := s.meta(ctx, tx, "bucket_bits")
	if err != nil {
		return s.wrap("flush", err)
	}
	want := bucketBits(total)
	if want > have {
		if err := s.split(ctx, tx, have, want); err != nil {
			return s.wrap("flush: split index", err)
		}
		have = want
	}
	get, err := tx.PrepareContext(ctx, "SELECT data FROM block WHERE bucket = ?")
	if err != nil {
		return s.wrap("flush", err)
	}
	defer get.Close()
	put, err := tx.PrepareContext(ctx, "INSERT OR REPLACE INTO block(bucket, data) VALUES (?, ?)")
	if err != nil {
		return s.wrap("flush", err)
	}
	defer put.Close()
	for len(recs) > 0 {
		b := recordFP(recs) >> (64 - have)
		n := 1
		for n*recordSize < len(recs) && recordFP(recs[n*recordSize:])>>(64-have) == b {
			n++
		}
		fresh := recs[:n*recordSize]
		recs = recs[n*recordSize:]
		var old []byte
		if err := get.QueryRowContext(ctx, int64(b)).Scan(&old); err != nil && !errors.Is(err, sql.ErrNoRows) {
			return s.wrap("flush", err)
		}
		if _, err := put.ExecContext(ctx, int64(b), mergeRecords(old, fresh)); err != nil {
			return s.wrap("flush", err)
		}
	}
	if _, err := tx.ExecContext(ctx, "UPDATE article SET pending = NULL WHERE pending IS NOT NULL"); err != nil {
		return s.wrap("flush", err)
	}
	if err := s.setMeta(ctx, tx, "postings", total); err != nil {
		return s.wrap("flush", err)
	}
	if err := s.setMeta(ctx, tx, "bucket_bits", have); err != nil {
		return s.wrap("flush", err)
	}
	if err := tx.Commit(); err != nil {
		return s.wrap("flush", err)
	}
	s.pending = 0
	s.mu.Lock()
	s.memo = nil
	s.mu.Unlock()
	return nil
}

// bucketBits is how many top bits of a fingerprint pick its block, for
// blocks of about bytesPerBucket: at least 8, at most 24.
func bucketBits(postings int) int {
	blocks := postings * recordSize / bytesPerBucket
	return min(24, max(8, bits.Len(uint(blocks))))
}

// split rewrites the index with more blocks: each old block's records go
// to the blocks their longer prefix names.
func (s *SQLite) split(ctx context.Context, tx *sql.Tx, from, to int) error {
	if _, err := tx.ExecContext(ctx, "CREATE TABLE block_next(bucket INTEGER PRIMARY KEY, data BLOB NOT NULL)"); err != nil {
		return err
	}
	rows, err := tx.QueryContext(ctx, "SELECT data FROM block ORDER BY bucket")
	if err != nil {
		return err
	}
	put, err := tx.PrepareContext(ctx, "INSERT INTO block_next(bucket, data) VALUES (?, ?)")
	if err != nil {
		rows.Close()
		return err
	}
	defer put.Close()
	var pendingErr error
	for rows.Next() {
		var data []byte
		if err := rows.Scan(&data); err != nil {
			rows.Close()
			return err
		}
		for len(data) > 0 {
			b := recordFP(data) >> (64 - to)
			n := 1
			for n*recordSize < len(data) && recordFP(data[n*recordSize:])>>(64-to) == b {
				n++
			}
			if _, err := put.ExecContext(ctx, int64(b), data[:n*recordSize]); err != nil {
				pendingErr = err
				break
			}
			data = data[n*recordSize:]
		}
		if pendingErr != nil {
			break
		}
	}
	rows.Close()
	if pendingErr != nil {
		return pendingErr
	}
	if err := rows.Err(); err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, "DROP TABLE block"); err != nil {
		return err
	}
	_, err = tx.ExecContext(ctx, "ALTER TABLE block_next RENAME TO block")
	_ = from
	return err
}
