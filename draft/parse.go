package draft

import (
	"fmt"
	"sync"

	"github.com/yuin/goldmark/parser"
	"golang.org/x/text/language"
)

// Parser parses drafts. It is safe for concurrent use.
type Parser struct {
	md      parser.Parser
	pairers sync.Pool // of *pairer, scratch space for pairing quotation marks
}

// NewParser returns a Parser.
func NewParser() *Parser {
	return &Parser{md: newMarkdownParser()}
}

// Parse decodes raw file bytes and parses them in the format that path's
// extension names. It fails only for a binary file (*BinaryError); other
// problems (an encoding fallback, bad front matter) are Document.Notices.
func (p *Parser) Parse(path string, raw []byte) (*Document, error) {
	return p.ParseFormat(path, raw, FormatOf(path))
}

// ParseFormat is Parse with an explicit format.
func (p *Parser) ParseFormat(path string, raw []byte, format Format) (*Document, error) {
	return p.ParseWith(path, raw, Options{Format: format})
}

// Options are how to read a draft.
type Options struct {
	Format Format
	// Language is the drafts' language, from the configuration; the
	// draft's own metadata overrides it. Quotation marks are paired by its
	// conventions (American English when it is language.Und).
	Language language.Tag
	// TextOnly skips what only the rules need (sentences, words and the
	// pairing of quotation marks): paragraphs get their Kind, Span and
	// Text, which is all that indexing an archived article reads.
	TextOnly bool
}

// ParseWith parses a draft with explicit options.
func (p *Parser) ParseWith(path string, raw []byte, opts Options) (*Document, error) {
	format := opts.Format
	dec, err := decode(raw)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	doc := &Document{
		Path:     path,
		Format:   format,
		Encoding: dec.enc,
		Src:      dec.src,
		lines:    newLineIndex(dec.src),
		origin:   dec.origin,
		// About one paragraph per 400 bytes of news copy.
		Paragraphs: make([]Paragraph, 0, len(dec.src)/400+1),
		textOnly:   opts.TextOnly,
	}
	if dec.enc == Windows1252 {
		at := 0
		for at < len(dec.origin.table)-1 && int(dec.origin.table[at]) < dec.badByte {
			at++
		}
		pos := doc.Position(at)
		doc.Notices = append(doc.Notices, Notice{
			Span: Span{at, at + runeLenAt(doc.Src, at)},
			Message: fmt.Sprintf("file is not valid UTF-8 (first invalid byte at line %d, column %d); read as Windows-1252",
				pos.Line, pos.Column),
		})
	}
	switch format {
	case Markdown:
		parseMarkdown(p.md, doc)
	case HTML:
		parseHTML(doc)
		markHeadline(doc, false)
	default:
		parseText(doc)
	}
	doc.Language = ResolveLanguage(doc.Meta.Language, opts.Language)
	if opts.TextOnly {
		return doc, nil
	}
	style := QuoteStyleFor(doc.Language)
	pr, _ := p.pairers.Get().(*pairer)
	if pr == nil {
		pr = &pairer{}
	}
	pairQuotes(doc, &style, pr)
	p.pairers.Put(pr)
	return doc, nil
}

// ResolveLanguage returns a draft's language: the tag its metadata names,
// when that parses, else fallback.
func ResolveLanguage(meta string, fallback language.Tag) language.Tag {
	if meta != "" {
		if t, err := language.Parse(meta); err == nil {
			return t
		}
	}
	return fallback
}

// markHeadline turns the draft's first level-1 heading into its headline.
// With beforeProse, only a heading that comes before any other paragraph
// counts.
func markHeadline(doc *Document, beforeProse bool) {
	for i := range doc.Paragraphs {
		p := &doc.Paragraphs[i]
		if p.Kind == BlockHeading && p.Level == 1 {
			p.Kind = BlockHeadline
			if doc.Meta.Title == "" {
				doc.Meta.Title = p.Text
			}
			return
		}
		if beforeProse && p.Kind != BlockHeading {
			return
		}
	}
}

func runeLenAt(s string, i int) int {
	for n := 1; i+n <= len(s); n++ {
		if i+n == len(s) || s[i+n]&0xC0 != 0x80 {
			return n
		}
	}
	return 0
}
