package reuse

import (
	"crypto/sha256"
	"encoding/hex"
	"os"
	"path/filepath"
	"strings"
)

// Ref names a paragraph of a source: its article and its index among the
// article's indexed paragraphs.
type Ref struct {
	Article int64
	Para    int32
}

// Article is what a source knows of an article or draft.
type Article struct {
	ID               int64
	Path             string // as stored: absolute for the archive, as given for a run
	Title, Date, URL string // from front matter or HTML metadata; Date as written (ISO 8601 sorts)
	Hash             string // ContentHash of the decoded text
	Paragraphs       int
	Size             int64 // bytes of text
	AddedAt          string
}

// Passage is a paragraph of a source, with where it is.
type Passage struct {
	Article      *Article
	Text         string
	Line, Column int
}

// Postings are the paragraphs that hold one fingerprint: at most the limit
// asked for, and how many there are in all.
type Postings struct {
	Refs  []Ref
	Total int
}

// Source is a body of indexed paragraphs: the archive of published
// articles, or the drafts of one run. Implementations are safe for
// concurrent use.
type Source interface {
	// Name says what the source is, for messages: "archive", "this run".
	Name() string
	// Lookup returns, for each fingerprint of fps (sorted, distinct), the
	// paragraphs holding it, at most limit of them.
	Lookup(fps []uint64, limit int) ([]Postings, error)
	// Passage returns an indexed paragraph.
	Passage(ref Ref) (Passage, error)
	// Size returns the number of articles.
	Size() int
}

// ContentHash identifies a text: the hex SHA-256 of it.
func ContentHash(text string) string {
	sum := sha256.Sum256([]byte(text))
	return hex.EncodeToString(sum[:])
}

// DisplayPath shows a path relative to the working directory when it lies
// below it, as given otherwise.
func DisplayPath(p string) string {
	if !filepath.IsAbs(p) {
		return p
	}
	wd, err := os.Getwd()
	if err != nil {
		return p
	}
	if rel, err := filepath.Rel(wd, p); err == nil && !strings.HasPrefix(rel, "..") {
		return rel
	}
	return p
}
