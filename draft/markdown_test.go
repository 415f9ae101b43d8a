package draft

import (
	"reflect"
	"strings"
	"testing"
)

const markdownDraft = `---
title: "Harbor board delays vote"
date: 2026-03-04
author: Ines Okafor
url: https://news.example/harbor
lang: en-GB
tags: [harbor, dredging]
---

# Harbor board delays vote

The board met on **Tuesday** and voted &amp; adjourned. See [the memo](https://docs.example/memo.pdf "memo title") and ` + "`SELECT the the`" + `.
A second line with an ![aerial photo](photo.jpg) and <https://auto.example/link>.

<!-- newslint-disable repeated-word -->

> "We would rather be right than fast,"
> Okafor said.

- First item
- Second *item*

| Year | Tons |
|------|------|
| 2011 | 4,000 |

` + "```" + `
code code stays out
` + "```" + `

    indented code code

Escaped \*stars\* and don&rsquo;t.
`

func TestMarkdownProse(t *testing.T) {
	t.Parallel()
	doc := parse(t, "draft.md", markdownDraft)
	got := paragraphTexts(doc)
	want := []string{
		"headline: Harbor board delays vote",
		"paragraph: The board met on Tuesday and voted & adjourned. See the memo and \uFFFC.\nA second line with an \uFFFC and \uFFFC.",
		"paragraph: \"We would rather be right than fast,\"\nOkafor said.",
		"list item: First item",
		"list item: Second item",
		"table cell: Year",
		"table cell: Tons",
		"table cell: 2011",
		"table cell: 4,000",
		"paragraph: Escaped *stars* and don’t.",
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("paragraphs\n got %q\nwant %q", got, want)
	}
	if !doc.Paragraphs[2].Quote || doc.Paragraphs[1].Quote {
		t.Error("only the block quotation should be marked Quote")
	}
	meta := doc.Meta
	if meta.Title != "Harbor board delays vote" || meta.Date != "2026-03-04" || meta.Author != "Ines Okafor" ||
		meta.URL != "https://news.example/harbor" || meta.Language != "en-GB" || meta.Fields["tags"] != "harbor, dredging" {
		t.Errorf("metadata %+v", meta)
	}
	if len(doc.Comments) != 1 || doc.Comments[0].Body != "newslint-disable repeated-word" {
		t.Errorf("comments %+v", doc.Comments)
	}
}

func TestMarkdownSpans(t *testing.T) {
	t.Parallel()
	doc := parse(t, "draft.md", markdownDraft)
	find := func(text string) Word {
		for _, p := range doc.Paragraphs {
			for _, w := range p.Words {
				if w.Text == text {
					return w
				}
			}
		}
		t.Fatalf("no word %q", text)
		return Word{}
	}
	for word, raw := range map[string]string{
		"Tuesday": "Tuesday",     // inside emphasis
		"memo":    "memo",        // link text, not its destination
		"don’t":   "don&rsquo;t", // entity decoded in text, whole in source
		"stars":   "stars",       // between escapes
		"Okafor":  "Okafor",      // second line of a block quotation
		"4,000":   "4,000",       // table cell
	} {
		w := find(word)
		if got := doc.Slice(w.Span); got != raw {
			t.Errorf("word %q spans source %q, want %q", word, got, raw)
		}
	}
	if pos := doc.Position(find("Okafor").Span.Start); pos.Line != 18 || pos.Column != 3 {
		t.Errorf("Okafor at %d:%d, want 18:3", pos.Line, pos.Column)
	}
	// Code, link destinations, image alt text and URLs are not words.
	for _, p := range doc.Paragraphs {
		for _, w := range p.Words {
			if strings.Contains("SELECT code indented https docs photo aerial auto", w.Text) && len(w.Text) > 3 {
				t.Errorf("non-prose word %q in %q", w.Text, p.Text)
			}
		}
	}
}

func TestMarkdownTOMLFrontMatter(t *testing.T) {
	t.Parallel()
	doc := parse(t, "d.md", "+++\ntitle = \"Budget passes\"\nauthors = [\"A. Writer\", \"B. Editor\"]\n[extra]\nurl = \"no\"\n+++\nBody text.\n")
	if doc.Meta.Title != "Budget passes" || doc.Meta.Author != "A. Writer, B. Editor" || doc.Meta.URL != "" {
		t.Errorf("metadata %+v", doc.Meta)
	}
	if len(doc.Paragraphs) != 1 || doc.Paragraphs[0].Text != "Body text." {
		t.Errorf("paragraphs %q", paragraphTexts(doc))
	}
}

func TestMarkdownBadFrontMatter(t *testing.T) {
	t.Parallel()
	doc := parse(t, "d.md", "---\ntitle: ok\nauthor: [unclosed\n---\nBody text.\n")
	if len(doc.Notices) != 1 || !strings.Contains(doc.Notices[0].Message, "front matter is not valid YAML") {
		t.Fatalf("notices %+v", doc.Notices)
	}
	if line := doc.Position(doc.Notices[0].Span.Start).Line; line < 2 || line > 4 {
		t.Errorf("notice on line %d, want inside the front matter", line)
	}
	if doc.Meta.Title != "" || len(doc.Paragraphs) != 1 {
		t.Errorf("bad front matter should give no metadata and leave the body: %+v %q", doc.Meta, paragraphTexts(doc))
	}
}

// TestMarkdownTooDeep checks that pathologically deep nesting is read as
// plain text with a notice instead of stalling the Markdown parser.
func TestMarkdownTooDeep(t *testing.T) {
	t.Parallel()
	var b strings.Builder
	b.WriteString("Intro.\n\n")
	for i := range 200 {
		b.WriteString(strings.Repeat("  ", i) + "- item\n")
	}
	doc := parse(t, "deep.md", b.String())
	if len(doc.Notices) != 1 || !strings.Contains(doc.Notices[0].Message, "nested more than 64 levels deep (line 68)") {
		t.Fatalf("notices %+v", doc.Notices)
	}
	// Normal nesting is Markdown as usual.
	ok := parse(t, "ok.md", "- a\n  - b\n    - c\n\n> > > quoted\n")
	if len(ok.Notices) != 0 || len(ok.Paragraphs) != 4 {
		t.Errorf("notices %v, paragraphs %q", ok.Notices, paragraphTexts(ok))
	}
}
