package draft

import (
	"path/filepath"
	"strings"

	"golang.org/x/text/language"
)

// Format is the markup a draft is written in.
type Format int

// Draft formats.
const (
	Text Format = iota
	Markdown
	HTML
)

// String returns the format's name.
func (f Format) String() string {
	switch f {
	case Markdown:
		return "markdown"
	case HTML:
		return "html"
	}
	return "text"
}

// FormatOf picks a format from a file name's extension: .md and .markdown
// are Markdown, .html and .htm are HTML, anything else is plain text.
func FormatOf(name string) Format {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".md", ".markdown", ".mdown", ".mkd":
		return Markdown
	case ".html", ".htm", ".xhtml":
		return HTML
	}
	return Text
}

// Layout is how a plain-text draft separates paragraphs.
type Layout int

// Plain-text layouts.
const (
	// LayoutBlocks: paragraphs are separated by blank lines, and a
	// paragraph's lines may be hard-wrapped. Markdown and HTML drafts
	// report this layout.
	LayoutBlocks Layout = iota
	// LayoutLines: every line is a paragraph, as in text pasted from a web
	// page or a CMS; blank lines may or may not separate them.
	LayoutLines
)

// String returns the layout's name.
func (l Layout) String() string {
	if l == LayoutLines {
		return "one paragraph per line"
	}
	return "blank-line paragraphs"
}

// BlockKind says what kind of block a paragraph came from.
type BlockKind int

// Block kinds.
const (
	BlockParagraph BlockKind = iota
	BlockHeadline            // the first line of a plain-text draft, or the title heading
	BlockHeading
	BlockListItem
	BlockTableCell
	BlockCaption // figcaption, table caption
)

// String returns the kind's name.
func (k BlockKind) String() string {
	return [...]string{"paragraph", "headline", "heading", "list item", "table cell", "caption"}[k]
}

// Metadata holds front-matter fields (Markdown) or head metadata (HTML).
type Metadata struct {
	Title, Date, Author, URL string
	// Language is the draft's own language tag (front matter lang or
	// language, or the HTML lang attribute), empty when not given.
	Language string
	// Fields holds every scalar front-matter field by key.
	Fields map[string]string
}

// Comment is an HTML comment in a Markdown or HTML draft, where inline
// directives live.
type Comment struct {
	Span Span   // the whole comment, <!-- through -->
	Body string // the text between the delimiters, trimmed
}

// Notice is a problem met while reading a draft that is not fatal: an
// encoding fallback, front matter that does not parse.
type Notice struct {
	Span    Span
	Message string
}

// Document is a parsed draft.
type Document struct {
	Path     string
	Format   Format
	Encoding Encoding
	Layout   Layout
	// Src is the draft's text, decoded to UTF-8. Every span indexes Src.
	Src  string
	Meta Metadata
	// Language is the draft's language: its metadata's, else the one the
	// parser was given. It is language.Und when neither names one.
	Language   language.Tag
	Paragraphs []Paragraph
	Comments   []Comment
	Notices    []Notice

	lines    *lineIndex
	origin   origin
	textOnly bool // parsed with Options.TextOnly
}

// Position returns the line, column and original byte offset of offset off
// in Src.
func (d *Document) Position(off int) Position {
	line, col := d.lines.lineCol(off)
	return Position{Line: line, Column: col, Offset: d.origin.offset(off)}
}

// OriginalOffset maps an offset in Src to a byte offset in the original
// file, which differs from it for files decoded from UTF-16 or
// Windows-1252 or that start with a byte-order mark.
func (d *Document) OriginalOffset(off int) int { return d.origin.offset(off) }

// Line returns the text of 1-based line n without its line terminator.
func (d *Document) Line(n int) string { return d.lines.line(n) }

// LineCount returns the number of lines in the draft.
func (d *Document) LineCount() int { return d.lines.lineCount() }

// Slice returns the source text of a span.
func (d *Document) Slice(s Span) string { return d.Src[s.Start:s.End] }

// WordCount returns the number of words in the draft's prose.
func (d *Document) WordCount() int {
	n := 0
	for i := range d.Paragraphs {
		n += len(d.Paragraphs[i].Words)
	}
	return n
}
