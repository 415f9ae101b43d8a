package archive

import (
	"context"

	"github.com/newslint/newslint/reuse"
)

// Store is an archive of published articles. It is a reuse.Source, so
// drafts can be searched against it. An implementation is safe for
// concurrent use; the embedded one allows one writer and many readers.
type Store interface {
	reuse.Source
	// Add indexes articles and their paragraphs in one transaction, so
	// that an article is never stored in part. It reports what happened
	// to each: it was new, replaced an older version with the same path,
	// or was already there unchanged (the same content hash).
	Add(ctx context.Context, entries ...Entry) ([]Outcome, error)
	// Remove deletes the article stored under path; it reports false when
	// there is none.
	Remove(ctx context.Context, path string) (bool, error)
	// Articles lists the stored articles, by path.
	Articles(ctx context.Context) ([]reuse.Article, error)
	// Stats counts what is stored.
	Stats(ctx context.Context) (Stats, error)
	// Flush makes every added article searchable by merging it into the
	// index; Add calls it when enough is pending, and callers call it
	// when they are done adding.
	Flush(ctx context.Context) error
	Close() error
}

// Outcome is what Add did.
type Outcome int

// Outcomes of Add.
const (
	Added Outcome = iota
	Replaced
	Unchanged
)

// String names the outcome.
func (o Outcome) String() string {
	switch o {
	case Replaced:
		return "replaced"
	case Unchanged:
		return "unchanged"
	}
	return "added"
}

// Stats counts what a store holds.
type Stats struct {
	Articles, Paragraphs int
	Postings             int   // indexed fingerprints
	TextBytes            int64 // paragraph text stored
	SizeOnDisk           int64 // the database and its write-ahead log
	Buckets              int   // index blocks
}
