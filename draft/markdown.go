package draft

import (
	"bytes"
	"fmt"
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// newMarkdownParser returns a GitHub-flavored Markdown parser without
// Linkify: the word tokenizer already knows bare URLs and addresses.
func newMarkdownParser() parser.Parser {
	return goldmark.New(goldmark.WithExtensions(extension.Table, extension.Strikethrough, extension.TaskList)).Parser()
}

// parseMarkdown reads a CommonMark/GFM draft. Headings, paragraphs, list
// items, block quotes and table cells are prose; code, HTML blocks, link
// destinations, images, autolinks and front matter are not.
func parseMarkdown(md parser.Parser, doc *Document) {
	src := []byte(doc.Src)
	if block, body, toml, ok := frontMatter(doc.Src); ok {
		readFrontMatter(doc, body, toml)
		// Hide the block from goldmark without moving any offset.
		for i := block.Start; i < block.End; i++ {
			if src[i] != '\n' {
				src[i] = ' '
			}
		}
	}
	if line, ok := tooDeep(src); ok {
		// goldmark slows down sharply on very deep nesting; no draft nests
		// this deep, so read the file as plain text rather than stall.
		off := lineOffset(doc.Src, 0, line)
		doc.Notices = append(doc.Notices, Notice{Span: Span{off, off},
			Message: fmt.Sprintf("Markdown nested more than %d levels deep (line %d); read as plain text", maxNesting, line)})
		parseText(doc)
		return
	}
	root := md.Parse(text.NewReader(src))
	w := mdWalker{doc: doc, src: src, b: newBuilder(doc)}
	w.blocks(root, BlockParagraph, false)
	w.b.finish()
	markHeadline(doc, true)
}

type mdWalker struct {
	doc *Document
	src []byte
	b   *builder
}

func (w *mdWalker) blocks(n ast.Node, kind BlockKind, quote bool) {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		switch c := c.(type) {
		case *ast.Heading:
			w.paragraph(c, BlockHeading, c.Level, quote)
		case *ast.Paragraph, *ast.TextBlock:
			w.paragraph(c, kind, 0, quote)
		case *ast.Blockquote:
			w.blocks(c, kind, true)
		case *ast.ListItem:
			w.blocks(c, BlockListItem, quote)
		case *east.TableCell:
			w.paragraph(c, BlockTableCell, 0, quote)
		case *ast.HTMLBlock:
			w.htmlBlock(c)
		case *ast.FencedCodeBlock, *ast.CodeBlock, *ast.ThematicBreak:
		default:
			w.blocks(c, kind, quote)
		}
	}
}

func (w *mdWalker) paragraph(n ast.Node, kind BlockKind, level int, quote bool) {
	w.b.start(kind, level, quote)
	w.inlines(n)
	w.b.finish()
}

func (w *mdWalker) inlines(n ast.Node) {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		switch c := c.(type) {
		case *ast.Text:
			w.b.prose(c.Segment.Start, c.Segment.Stop, true, true)
			if c.SoftLineBreak() || c.HardLineBreak() {
				w.b.gap("\n")
			}
		case *ast.String:
			w.b.gap(string(c.Value))
		case *ast.CodeSpan, *ast.Image, *ast.AutoLink:
			w.b.gap(Placeholder)
		case *ast.RawHTML:
			w.rawHTML(c)
		case *east.TaskCheckBox:
		default:
			w.inlines(c)
		}
	}
}

// rawHTML handles inline HTML: comments are recorded, <br> breaks the
// line, other tags are markup the reader never sees.
func (w *mdWalker) rawHTML(n *ast.RawHTML) {
	if n.Segments.Len() == 0 {
		return
	}
	start, stop := n.Segments.At(0).Start, n.Segments.At(n.Segments.Len()-1).Stop
	raw := w.src[start:stop]
	switch {
	case bytes.HasPrefix(raw, []byte("<!--")):
		w.scanComments(start, stop)
	case len(raw) > 3 && strings.EqualFold(string(raw[:3]), "<br"):
		w.b.gap("\n")
	}
}

func (w *mdWalker) htmlBlock(n *ast.HTMLBlock) {
	lines := n.Lines()
	if lines.Len() == 0 {
		return
	}
	start, stop := lines.At(0).Start, lines.At(lines.Len()-1).Stop
	if n.HasClosure() {
		stop = max(stop, n.ClosureLine.Stop)
	}
	w.scanComments(start, stop)
}

// maxNesting is the deepest list or block-quote nesting read as Markdown.
const maxNesting = 64

// tooDeep reports the first line nested deeper than maxNesting: indented
// by more than two columns a level, or with more block-quote markers.
func tooDeep(src []byte) (line int, deep bool) {
	line = 1
	for i := 0; i < len(src); {
		indent, quotes := 0, 0
		for ; i < len(src) && src[i] != '\n'; i++ {
			switch src[i] {
			case ' ':
				indent++
				continue
			case '\t':
				indent += 4
				continue
			case '>':
				quotes++
				continue
			}
			break
		}
		if indent > 2*maxNesting || quotes > maxNesting {
			return line, true
		}
		if j := bytes.IndexByte(src[i:], '\n'); j >= 0 {
			i += j + 1
			line++
		} else {
			break
		}
	}
	return 0, false
}

// scanComments records the HTML comments in src[start:stop].
func (w *mdWalker) scanComments(start, stop int) {
	w.doc.Comments = appendComments(w.doc.Comments, w.doc.Src, start, stop)
}

// appendComments appends each complete <!-- ... --> in src[start:stop].
func appendComments(out []Comment, src string, start, stop int) []Comment {
	for pos := start; pos < stop; {
		i := strings.Index(src[pos:stop], "<!--")
		if i < 0 {
			break
		}
		open := pos + i
		j := strings.Index(src[open+4:stop], "-->")
		if j < 0 {
			break
		}
		end := open + 4 + j + 3
		out = append(out, Comment{Span: Span{open, end}, Body: strings.TrimSpace(src[open+4 : end-3])})
		pos = end
	}
	return out
}
