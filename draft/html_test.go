package draft

import (
	"reflect"
	"testing"
)

const htmlDraft = `<!DOCTYPE html>
<html lang="es">
<head>
  <title>Harbor board delays vote | Courier</title>
  <meta name="author" content="Ines Okafor">
  <meta property="article:published_time" content="2026-03-04T09:00:00Z">
  <link rel="canonical" href="https://news.example/harbor">
  <style>p { color: the the red; }</style>
  <script>var the = "the the";</script>
</head>
<body>
<nav><ul><li>Home</li><li>Sports</li></ul></nav>
<noscript>Enable JavaScript the the</noscript>
<template><p>template template</p></template>
<article>
  <h1>Harbor board delays vote</h1>
  <p>The board met Tuesday &amp; voted.<br>It adjourned at 9&nbsp;p.m.</p>
  <!-- newslint-disable-next-line repeated-word -->
  <p>Unclosed paragraph with <em>emphasis</em> and <code>code code</code>
  <p>Second unclosed, then a list:
  <ul><li>One<li>Two <b>bold</b></ul>
  <blockquote><p>&ldquo;Right, not fast,&rdquo; she said.</p></blockquote>
  <figure><img src="a.jpg" alt="alt text"><figcaption>The north channel.</figcaption></figure>
  <table><tr><th>Year<td>2011</table>
  <pre>pre pre text</pre>
  <h2>Next steps</h2>
</article>
</body>
</html>
`

func TestHTMLProse(t *testing.T) {
	t.Parallel()
	doc := parse(t, "draft.html", htmlDraft)
	got := paragraphTexts(doc)
	want := []string{
		"headline: Harbor board delays vote",
		"paragraph: The board met Tuesday & voted.\nIt adjourned at 9\u00a0p.m.",
		"paragraph: Unclosed paragraph with emphasis and \uFFFC",
		"paragraph: Second unclosed, then a list:",
		"list item: One",
		"list item: Two bold",
		"paragraph: “Right, not fast,” she said.",
		"caption: The north channel.",
		"table cell: Year",
		"table cell: 2011",
		"heading: Next steps",
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("paragraphs\n got %q\nwant %q", got, want)
	}
	if !doc.Paragraphs[6].Quote || doc.Paragraphs[5].Quote {
		t.Error("only the blockquote paragraph should be marked Quote")
	}
	m := doc.Meta
	if m.Title != "Harbor board delays vote | Courier" || m.Author != "Ines Okafor" || m.URL != "https://news.example/harbor" ||
		m.Date != "2026-03-04T09:00:00Z" || m.Language != "es" {
		t.Errorf("metadata %+v", m)
	}
	if len(doc.Comments) != 1 || doc.Comments[0].Body != "newslint-disable-next-line repeated-word" {
		t.Errorf("comments %+v", doc.Comments)
	}
}

func TestHTMLEntitySpans(t *testing.T) {
	t.Parallel()
	doc := parse(t, "d.html", "<p>Trump&rsquo;s plan &mdash; and &#8220;more&#8221;</p>")
	p := doc.Paragraphs[0]
	if p.Text != "Trump’s plan — and “more”" {
		t.Fatalf("text %q", p.Text)
	}
	w := p.Words[0]
	if w.Text != "Trump’s" || doc.Slice(w.Span) != "Trump&rsquo;s" {
		t.Errorf("word %q spans %q", w.Text, doc.Slice(w.Span))
	}
	more := p.Words[len(p.Words)-1]
	if doc.Slice(more.Span) != "more" {
		t.Errorf("word %q spans %q", more.Text, doc.Slice(more.Span))
	}
}

// TestHTMLImpliedEnds covers valid HTML5 that leaves out optional end
// tags, and unclosed inline elements, none of which may hide the rest of
// the draft.
func TestHTMLImpliedEnds(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, src string
		want      []string
	}{
		{"no </head>", `<!doctype html><html lang=en><head><meta charset=utf-8><title>T</title><body><p>The council met.</p>`,
			[]string{"paragraph: The council met."}},
		{"no </option>", `<header><select><option>US<option>UK</select></header><p>The council met.</p>`,
			[]string{"paragraph: The council met."}},
		{"unclosed code", `<p>Read <code>x<p>The council met.</p>`, []string{"paragraph: Read", "paragraph: The council met."}},
		{"br br", `<p>First paragraph ends here<br><br>Second one starts<br>and continues.</p>`,
			[]string{"paragraph: First paragraph ends here", "paragraph: Second one starts\nand continues."}},
		{"pre ends a paragraph", `<div>Text before<pre>code code</pre>text after</div>`, []string{"paragraph: Text before", "paragraph: text after"}},
		{"script is invisible", `<p>The <script>x()</script> the</p>`, []string{"paragraph: The  the"}},
		{"media fallback", `<p>Watch <video src=a.mp4>Your browser cannot play video</video> now.</p>`, []string{"paragraph: Watch \uFFFC now."}},
		{"unclosed nav ends at body end", `<body><nav><a>Home</a></body><p>Late text.</p>`, []string{"paragraph: Late text."}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := parse(t, "d.html", tt.src)
			if got := paragraphTexts(doc); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("paragraphs\n got %q\nwant %q", got, tt.want)
			}
		})
	}
}
