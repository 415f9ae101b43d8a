package archive

import (
	"context"
	"database/sql"
	"fmt"
)

// migrations bring the schema from version i to i+1. The version is kept
// in SQLite's user_version; a database newer than this program is refused.
var migrations = []string{
	// 1: articles with their paragraph text, and the fingerprint index in
	// blocks by hash prefix.
	`CREATE TABLE article(
		id INTEGER PRIMARY KEY,
		path TEXT NOT NULL UNIQUE,
		hash TEXT NOT NULL,
		title TEXT NOT NULL DEFAULT '',
		date TEXT NOT NULL DEFAULT '',
		url TEXT NOT NULL DEFAULT '',
		added_at TEXT NOT NULL,
		size INTEGER NOT NULL,
		paragraphs INTEGER NOT NULL,
		text TEXT NOT NULL,
		places BLOB NOT NULL,
		pending BLOB
	);
	CREATE INDEX article_pending ON article(id) WHERE pending IS NOT NULL;
	CREATE TABLE block(bucket INTEGER PRIMARY KEY, data BLOB NOT NULL);
	CREATE TABLE meta(key TEXT PRIMARY KEY, value INTEGER NOT NULL) WITHOUT ROWID;
	INSERT INTO meta(key, value) VALUES ('bucket_bits', 8), ('postings', 0);`,
}

// SchemaVersion is the schema this program writes.
var SchemaVersion = len(migrations)

func migrate(ctx context.Context, db *sql.DB, path string) error {
	var version int
	if err := db.QueryRowContext(ctx, "PRAGMA user_version").Scan(&version); err != nil {
		return fmt.Errorf("archive: %s: read schema version: %w", path, err)
	}
	if version > SchemaVersion {
		return fmt.Errorf("archive: %s: schema version %d is newer than this newslint understands (%d); upgrade newslint", path, version, SchemaVersion)
	}
	for v := version; v < SchemaVersion; v++ {
		tx, err := db.BeginTx(ctx, nil)
		if err != nil {
			return fmt.Errorf("archive: %s: migrate: %w", path, err)
		}
		if _, err := tx.ExecContext(ctx, migrations[v]); err != nil {
			tx.Rollback()
			return fmt.Errorf("archive: %s: migrate to version %d: %w", path, v+1, err)
		}
		if _, err := tx.ExecContext(ctx, fmt.Sprintf("PRAGMA user_version = %d", v+1)); err != nil {
			tx.Rollback()
			return fmt.Errorf("archive: %s: migrate to version %d: %w", path, v+1, err)
		}
		if err := tx.Commit(); err != nil {
			return fmt.Errorf("archive: %s: migrate to version %d: %w", path, v+1, err)
		}
	}
	return nil
}
