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
