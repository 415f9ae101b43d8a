package draft

import (
	"strings"

	"golang.org/x/net/html"
)

// Elements whose text is never prose.
var htmlSkip = setOf("script", "style", "noscript", "template", "nav", "svg", "math", "pre", "code", "kbd",
	"samp", "head", "iframe", "object", "select", "textarea", "button", "option")

// Elements that start and end a block of text.
var htmlBlocks = setOf("address", "article", "aside", "blockquote", "body", "caption", "dd", "details",
	"dialog", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3",
	"h4", "h5", "h6", "header", "hgroup", "hr", "html", "legend", "li", "main", "menu", "ol", "p", "pre",
	"section", "summary", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul")

// Void elements have no end tag.
var htmlVoid = setOf("area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
	"track", "wbr")

// htmlWalker follows the token stream, tracking the byte offset of each
// token, the open block elements and any element whose text is skipped.
type htmlWalker struct {
	doc      *Document
	b        *builder
	blocks   []string       // open block elements, innermost last
	skip     map[string]int // open skipped elements by name
	skipping int
	quotes   int // open blockquotes
	inTitle  bool
	title    strings.Builder
}

// impliedEnds lists, for a block element, the open elements its start tag
// closes.
var impliedEnds = map[string]string{"p": "p", "li": "p li", "td": "p td th", "th": "p td th",
	"tr": "p td th tr", "dt": "p dt dd", "dd": "p dt dd"}

// parseHTML reads an HTML draft with the golang.org/x/net/html tokenizer.
// Text in block elements (p, h1-h6, li, blockquote, figcaption, td, ...)
// is prose; script, style, noscript, template, nav, code and the head are
// not. The head's title, author, canonical URL and date become metadata.
func parseHTML(doc *Document) {
	w := htmlWalker{doc: doc, b: newBuilder(doc), skip: map[string]int{}}
	z := html.NewTokenizer(strings.NewReader(doc.Src))
	off := 0
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			break
		}
		raw := len(z.Raw())
		start := off
		off += raw
		switch tt {
		case html.TextToken:
			w.text(start, off)
		case html.StartTagToken, html.SelfClosingTagToken:
			name, hasAttr := z.TagName()
			w.startTag(z, string(name), hasAttr, tt == html.SelfClosingTagToken)
		case html.EndTagToken:
			name, _ := z.TagName()
			w.endTag(string(name))
		case html.CommentToken:
			doc.Comments = appendComments(doc.Comments, doc.Src, start, off)
		}
	}
	w.b.finish()
	if doc.Meta.Title == "" {
		doc.Meta.Title = strings.Join(strings.Fields(w.title.String()), " ")
	}
}

func (w *htmlWalker) text(start, end int) {
	if w.inTitle {
		w.title.WriteString(html.UnescapeString(w.doc.Src[start:end]))
		return
	}
	if w.skipping > 0 {
		return
	}
	w.b.prose(start, end, true, false)
}

func (w *htmlWalker) startTag(z *html.Tokenizer, name string, hasAttr, selfClosing bool) {
	var attrs map[string]string
	if hasAttr {
		attrs = map[string]string{}
		for {
			k, v, more := z.TagAttr()
			attrs[string(k)] = string(v)
			if !more {
				break
			}
		}
	}
	switch name {
	case "html":
		if lang := attrs["lang"]; lang != "" && w.doc.Meta.Language == "" {
			w.doc.Meta.Language = lang
		}
	case "title":
		w.inTitle = !selfClosing
		return
	case "meta":
		w.meta(attrs)
		return
	case "link":
		if strings.EqualFold(attrs["rel"], "canonical") && w.doc.Meta.URL == "" {
			w.doc.Meta.URL = attrs["href"]
		}
		return
	}
	if htmlSkip[name] && !selfClosing && !htmlVoid[name] {
		if name == "code" && w.skipping == 0 {
			w.b.gap(Placeholder)
		}
		w.skip[name]++
		w.skipping++
		return
	}
	if w.skipping > 0 {
		return
	}
	switch {
	case name == "br":
		w.b.gap("\n")
	case name == "img":
		w.b.gap(Placeholder)
	case htmlBlocks[name]:
		w.openBlock(name)
	}
}

func (w *htmlWalker) meta(attrs map[string]string) {
	key := strings.ToLower(attrs["name"])
	if key == "" {
		key = strings.ToLower(attrs["property"])
	}
	content := strings.TrimSpace(attrs["content"])
	m := &w.doc.Meta
	set := func(field *string) {
		if *field == "" {
			*field = content
		}
	}
	switch key {
	case "author", "article:author", "byl":
		set(&m.Author)
	case "date", "article:published_time", "pubdate", "publish-date", "dc.date":
		set(&m.Date)
	case "og:url":
		set(&m.URL)
	case "og:title", "title":
		set(&m.Title)
	case "language", "content-language":
		set(&m.Language)
	}
}

func (w *htmlWalker) endTag(name string) {
	if name == "title" {
		w.inTitle = false
		return
	}
	if n := w.skip[name]; n > 0 {
		w.skip[name] = n - 1
		w.skipping--
		return
	}
	if w.skipping > 0 || !htmlBlocks[name] {
		return
	}
	w.b.finish()
	for i := len(w.blocks) - 1; i >= 0; i-- {
		if w.blocks[i] == name {
			if name == "blockquote" {
				w.quotes--
			}
			w.blocks = w.blocks[:i]
			break
		}
	}
	w.startCurrent()
}

// openBlock starts a block element, closing the ones its start implies
// closed (a p inside a p, a li after a li, a cell after a cell).
func (w *htmlWalker) openBlock(name string) {
	implied := impliedEnds[name]
	if implied == "" {
		implied = "p"
	}
	for len(w.blocks) > 0 && strings.Contains(" "+implied+" ", " "+w.blocks[len(w.blocks)-1]+" ") {
		w.blocks = w.blocks[:len(w.blocks)-1]
	}
	if name != "hr" {
		w.blocks = append(w.blocks, name)
	}
	if name == "blockquote" {
		w.quotes++
	}
	w.startCurrent()
}

// startCurrent begins a paragraph of the kind the innermost open block
// gives.
func (w *htmlWalker) startCurrent() {
	kind, level := BlockParagraph, 0
	if len(w.blocks) > 0 {
		switch top := w.blocks[len(w.blocks)-1]; top {
		case "h1", "h2", "h3", "h4", "h5", "h6":
			kind, level = BlockHeading, int(top[1]-'0')
		case "li":
			kind = BlockListItem
		case "td", "th":
			kind = BlockTableCell
		case "figcaption", "caption":
			kind = BlockCaption
		}
	}
	w.b.start(kind, level, w.quotes > 0)
}
