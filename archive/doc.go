// Package archive keeps the published articles that drafts are compared
// with. Store is the interface the rest of newslint uses; SQLite is the
// embedded implementation, a single file (by default
// .newslint/archive.db) written through modernc.org/sqlite, pure Go.
package archive
