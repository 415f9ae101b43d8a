package lint

import (
	"crypto/sha256"
	"encoding/hex"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"unicode"

	"github.com/newslint/newslint/draft"
	"github.com/newslint/newslint/reuse"
)

// fingerprint gives each finding a stable identity for baselines: a hash
// of its rule, its file's path, the normalized text of the sentence it
// starts in (of its paragraph or line when it starts in none), the
// normalized text it concerns, and how many identical findings came
// before it in the file. Line numbers and line breaks play no part, so an
// edit above a finding, or rewrapping its paragraph, keeps its
// fingerprint; an edit to its sentence makes the finding new. findings
// must be sorted.
func fingerprint(doc *draft.Document, findings []Finding) {
	seen := map[string]int{}
	// An absolute path below the working directory counts as the relative
	// one: "newslint $PWD/stories" and "newslint stories" agree.
	path := filepath.ToSlash(filepath.Clean(reuse.DisplayPath(doc.Path)))
	for i := range findings {
		f := &findings[i]
		key := f.Rule + "\x00" + path + "\x00" + normalizeForFingerprint(context(doc, f)) + "\x00" + normalizeForFingerprint(doc.Slice(f.Span))
		n := seen[key]
		seen[key] = n + 1
		sum := sha256.Sum256([]byte(key + "\x00" + strconv.Itoa(n)))
		f.Fingerprint = hex.EncodeToString(sum[:8])
	}
}

// context is the text around a finding that its fingerprint includes: the
// prose of the sentence it starts in, else of its paragraph, else its
// line.
func context(doc *draft.Document, f *Finding) string {
	off := f.Span.Start
	paras := doc.Paragraphs
	k := sort.Search(len(paras), func(i int) bool { return paras[i].Span.End >= off })
	if k == len(paras) || paras[k].Span.Start > off {
		return doc.Line(f.Start.Line)
	}
	for _, s := range paras[k].Sentences {
		if s.Span.Start <= off && off < s.Span.End {
			return s.Text
		}
	}
	return paras[k].Text
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
