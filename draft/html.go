package draft

import (
	"strings"

	"golang.org/x/net/html"
)

// Elements whose text is never prose. Block-level ones may hold blocks
// (a nav holds lists); inline ones are closed by the next block tag, as an
// HTML5 parser would, so an unclosed <code> or <option> does not swallow
// the rest of the draft.
var (
	htmlBlockSkip  = setOf("script", "style", "noscript", "template", "nav", "svg", "math", "pre", "iframe", "textarea", "noembed", "noframes", "xmp")
	htmlInlineSkip = setOf("code", "kbd", "samp", "button", "select", "option", "optgroup", "datalist", "object", "audio", "video", "canvas", "map")
)

// How a skipped element sits in the text around it: invisible ones are
// transparent ("the <script>...</script> the" reads as a doubled word),
// block-level ones end the paragraph, and the rest (code, a button, a
// picture) stand between the words around them as a placeholder.
var (
	htmlInvisible  = setOf("script", "style", "template", "noscript", "datalist", "noembed", "noframes")
	htmlSkipBreaks = setOf("nav", "pre")
)

// Elements that belong in the head; any other start tag ends an unclosed
// head.
var htmlHeadElements = setOf("head", "title", "meta", "link", "style", "script", "base", "noscript", "template")

// Elements that start and end a block of text.
var htmlBlocks = setOf("address", "article", "aside", "blockquote", "body", "caption", "dd", "details",
	"dialog", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3",
	"h4", "h5", "h6", "header", "hgroup", "hr", "html", "legend", "li", "main", "menu", "ol", "p", "pre",
	"section", "summary", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul")

// Void elements have no end tag.
var htmlVoid = setOf("area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
	"track", "wbr")

// htmlWalker follows the token stream, tracking the byte offset of each
// token, the open block elements and the open skipped elements.
type htmlWalker struct {
	doc     *Document
	b       *builder
	blocks  []string // open block elements, innermost last
	skip    []string // open skipped elements, innermost last
	quotes  int      // open blockquotes
	inHead  bool
	inTitle bool
	title   strings.Builder
	// afterBR is set by a <br> and cleared by text: a second <br> in a
	// row separates paragraphs, as in legacy CMS markup.
	afterBR bool
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
	w := htmlWalker{doc: doc, b: newBuilder(doc)}
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
	if len(w.skip) > 0 || w.inHead {
		return
	}
	if strings.TrimSpace(w.doc.Src[start:end]) != "" {
		w.afterBR = false
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
	if w.inHead && !htmlHeadElements[name] {
		w.inHead = false // a body element ends an unclosed head
	}
	switch name {
	case "html":
		if lang := attrs["lang"]; lang != "" && w.doc.Meta.Language == "" {
			w.doc.Meta.Language = lang
		}
		return
	case "head":
		w.inHead = true
		return
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
	if htmlBlocks[name] {
		w.closeInlineSkips()
	}
	if (htmlBlockSkip[name] || htmlInlineSkip[name]) && !selfClosing && !htmlVoid[name] {
		if name == "option" || name == "optgroup" {
			w.popSkipWhile("option")
		}
		if len(w.skip) == 0 && !w.inHead {
			switch {
			case htmlSkipBreaks[name]:
				w.startCurrent()
			case !htmlInvisible[name]:
				w.b.gap(Placeholder)
			}
		}
		w.skip = append(w.skip, name)
		return
	}
	if len(w.skip) > 0 || w.inHead {
		return
	}
	switch {
	case name == "br":
		if w.afterBR {
			w.startCurrent() // <br><br>: a paragraph break
			w.afterBR = false
			return
		}
		w.b.gap("\n")
		w.afterBR = true
	case name == "img":
		w.b.gap(Placeholder)
	case htmlBlocks[name]:
		w.openBlock(name)
	}
}

// closeInlineSkips closes skipped inline elements left open when a block
// starts or ends.
func (w *htmlWalker) closeInlineSkips() {
	for len(w.skip) > 0 && htmlInlineSkip[w.skip[len(w.skip)-1]] {
		w.skip = w.skip[:len(w.skip)-1]
	}
}

// popSkipWhile pops open skipped elements named name from the top.
func (w *htmlWalker) popSkipWhile(name string) {
	for len(w.skip) > 0 && w.skip[len(w.skip)-1] == name {
		w.skip = w.skip[:len(w.skip)-1]
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
	switch name {
	case "title":
		w.inTitle = false
		return
	case "head":
		w.inHead = false
		return
	case "body", "html":
		w.skip = w.skip[:0]
	}
	for i := len(w.skip) - 1; i >= 0; i-- {
		if w.skip[i] == name {
			w.skip = w.skip[:i] // closes it and anything left open inside
			if i == 0 && htmlSkipBreaks[name] && !w.inHead {
				w.startCurrent()
			}
			return
		}
	}
	if htmlBlocks[name] {
		w.closeInlineSkips()
	}
	if len(w.skip) > 0 || !htmlBlocks[name] {
		return
	}
	w.afterBR = false
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
	w.afterBR = false
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
