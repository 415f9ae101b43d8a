package lint

import (
	"crypto/sha256"
	"encoding/hex"
	"path/filepath"
	"strconv"
	"strings"
	"unicode"

	"github.com/newslint/newslint/draft"
)

// fingerprint gives each finding a stable identity for baselines: a hash
// of its rule, its file's path, the normalized text of the line it starts
// on, the normalized text it concerns, and how many identical findings
// came before it in the file. Line numbers play no part, so an edit above
// a finding keeps its fingerprint; an edit to the line itself makes the
// finding new. findings must be sorted.
func fingerprint(doc *draft.Document, findings []Finding) {
	seen := map[string]int{}
	path := filepath.ToSlash(filepath.Clean(doc.Path))
	for i := range findings {
		f := &findings[i]
		key := f.Rule + "\x00" + path + "\x00" + normalizeForFingerprint(doc.Line(f.Start.Line)) + "\x00" + normalizeForFingerprint(doc.Slice(f.Span))
		n := seen[key]
		seen[key] = n + 1
		sum := sha256.Sum256([]byte(key + "\x00" + strconv.Itoa(n)))
		f.Fingerprint = hex.EncodeToString(sum[:8])
	}
}

// normalizeForFingerprint collapses runs of white space to one space and
// trims the ends, so that rewrapping a paragraph keeps its findings'
// fingerprints.
func normalizeForFingerprint(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range s {
		if unicode.IsSpace(r) {
			space = b.Len() > 0
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteRune(r)
	}
	return b.String()
}
