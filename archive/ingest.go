package archive

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"

	"github.com/newslint/newslint/draft"
	"github.com/newslint/newslint/reuse"
)

// ErrBinary is returned by AddFile for a file that is not text.
var ErrBinary = errors.New("not a text file")

// ReadFile reads and parses one published article (text, Markdown or
// HTML, chosen by its extension) into an entry keyed by its absolute path,
// with the title, date and URL of its front matter or HTML metadata.
func ReadFile(p *draft.Parser, path string) (Entry, error) {
	raw, err := os.ReadFile(path)
	if err != nil {
		return Entry{}, fmt.Errorf("archive: read %s: %w", path, err)
	}
	doc, err := p.ParseWith(path, raw, draft.Options{Format: draft.FormatOf(path), TextOnly: true})
	if err != nil {
		var be *draft.BinaryError
		if errors.As(err, &be) {
			return Entry{}, fmt.Errorf("archive: %s: %w", path, ErrBinary)
		}
		return Entry{}, fmt.Errorf("archive: parse %s: %w", path, err)
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		return Entry{}, fmt.Errorf("archive: %s: %w", path, err)
	}
	a := reuse.ArticleOf(doc)
	a.Path = abs
	return Entry{Article: a, Paragraphs: reuse.Paragraphs(doc)}, nil
}
