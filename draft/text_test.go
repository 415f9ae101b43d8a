package draft

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func paragraphTexts(doc *Document) []string {
	var out []string
	for _, p := range doc.Paragraphs {
		out = append(out, p.Kind.String()+": "+p.Text)
	}
	return out
}

const wrapped = `Harbor board delays dredging vote

The Port of Alder Bay board voted Tuesday to delay a decision on
dredging the north channel until engineers finish a study of the
sediment, which tests showed holds more mercury than expected.

Board Chair Ines Okafor said the delay would cost about two months.
"We would rather be right than fast," she said after the meeting,
adding that the study should be ready by early spring.

The channel was last dredged in 2011.
`

const lines = `Harbor board delays dredging vote
The Port of Alder Bay board voted Tuesday to delay a decision on dredging the north channel until engineers finish a study of the sediment.
Board Chair Ines Okafor said the delay would cost about two months, and that the study should be ready by early spring.
"We would rather be right than fast," she said after the meeting.
The channel was last dredged in 2011.
`

const linesWithChrome = `Subscribe to keep reading
Alder Bay Courier
Alder Bay Courier
Business

Harbor board delays dredging vote

The Port of Alder Bay board voted Tuesday to delay a decision on dredging the north channel until engineers finish a study of the sediment, which tests showed holds more mercury than expected.

Board Chair Ines Okafor said the delay would cost about two months, and that the study should be ready by early spring, according to a memo.

Related Stories
Sign in to keep reading
`

func TestTextLayout(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name       string
		src        string
		layout     Layout
		paragraphs int
		headline   string
	}{
		{"hard-wrapped", wrapped, LayoutBlocks, 4, "Harbor board delays dredging vote"},
		{"one per line, no blank lines", lines, LayoutLines, 5, "Harbor board delays dredging vote"},
		{"one per line with pasted chrome", linesWithChrome, LayoutLines, 9, "Subscribe to keep reading"},
		{"crlf hard-wrapped", strings.ReplaceAll(wrapped, "\n", "\r\n"), LayoutBlocks, 4, "Harbor board delays dredging vote"},
		{"no headline", "The board met on Tuesday.\nIt voted.\n", LayoutLines, 2, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := parse(t, "draft.txt", tt.src)
			if doc.Layout != tt.layout || len(doc.Paragraphs) != tt.paragraphs {
				t.Fatalf("layout %v with %d paragraphs, want %v with %d:\n%s", doc.Layout, len(doc.Paragraphs),
					tt.layout, tt.paragraphs, strings.Join(paragraphTexts(doc), "\n"))
			}
			first := doc.Paragraphs[0]
			if (first.Kind == BlockHeadline) != (tt.headline != "") || tt.headline != "" && first.Text != tt.headline {
				t.Errorf("first paragraph %v %q, want headline %q", first.Kind, first.Text, tt.headline)
			}
			if doc.Meta.Title != tt.headline {
				t.Errorf("title %q, want %q", doc.Meta.Title, tt.headline)
			}
		})
	}
}

func TestTextWrappedParagraphJoinsLines(t *testing.T) {
	t.Parallel()
	doc := parse(t, "draft.txt", wrapped)
	p := doc.Paragraphs[1]
	if !strings.HasPrefix(p.Text, "The Port of Alder Bay") || !strings.HasSuffix(p.Text, "than expected.") || len(p.Sentences) != 1 {
		t.Errorf("paragraph 1 = %q with %d sentences", p.Text, len(p.Sentences))
	}
	if pos := doc.Position(p.Span.Start); pos.Line != 3 || pos.Column != 1 {
		t.Errorf("paragraph 1 starts at %+v, want 3:1", pos)
	}
}

func TestHeadline(t *testing.T) {
	t.Parallel()
	for line, want := range map[string]bool{
		"Council approves budget":                true,
		"Mayor: ‘We will rebuild’":               true,
		"The council approved the budget.":       false,
		"Is the budget balanced?":                false,
		"":                                       false,
		"1998":                                   false,
		strings.Repeat("Very long headline ", 9): false,
	} {
		if got := isHeadline(line); got != want {
			t.Errorf("isHeadline(%q) = %v, want %v", line, got, want)
		}
	}
}

// wrap fills words greedily into lines of at most width code points, as a
// text editor's wrap command does.
func wrap(text string, width int) []string {
	var lines []string
	line := ""
	for _, w := range strings.Fields(text) {
		switch {
		case line == "":
			line = w
		case utf8.RuneCountInString(line)+1+utf8.RuneCountInString(w) <= width:
			line += " " + w
		default:
			lines = append(lines, line)
			line = w
		}
	}
	return append(lines, line)
}

var storyParagraphs = []string{
	"The Riverton City Council voted 6-1 on Tuesday to approve the $4.2 million plan to rebuild the Mill Street bridge, ending two years of debate over whether to repair or replace the span.",
	"Mayor Dana Ortiz said the vote gave the city a chance to apply for state matching money before the June deadline, and that construction could begin as soon as next spring.",
	"Council member Luis Ferreira, the lone vote against the plan, said he worried that detours would hurt businesses along Water Street during the eighteen months of work.",
}

// TestTextLayouts covers the layouts a newsroom's plain text comes in. Each
// case lists the paragraphs newslint must find.
func TestTextLayouts(t *testing.T) {
	t.Parallel()
	var wrapped72, wireNoBlank, wireIndented []string
	for i, p := range storyParagraphs {
		if i > 0 {
			wrapped72 = append(wrapped72, "")
		}
		wrapped72 = append(wrapped72, wrap(p, 72)...)
		// Without blank lines or indents, a paragraph's end shows only when
		// its last line leaves room for the next word; at 68 columns all
		// three do. A full last line reads as a wrap: an accepted limit.
		wireNoBlank = append(wireNoBlank, wrap(p, 68)...)
		lines := wrap(p, 60)
		lines[0] = "   " + lines[0]
		wireIndented = append(wireIndented, lines...)
	}
	footer := []string{"", "Related stories", "Most read", "Bridge closure begins", "Council delays vote on levy",
		"Share this story", "Facebook", "Email", "Print", "Sign in to keep reading", "Subscribe", "Terms of use", "Privacy"}
	chromeTop := []string{"News", "Local", "Share this story"}
	tests := []struct {
		name     string
		lines    []string
		want     int // paragraphs
		first    string
		headline string
	}{
		{"wrapped at 72, no headline", wrapped72, 3, "The Riverton City Council voted", ""},
		{"wrapped at 72 with a long footer", append(append([]string{}, wrapped72...), footer...), 3 + 12, "The Riverton City Council voted", ""},
		// Pasted chrome: its first line fits the definition of a headline
		// (short, no final punctuation); telling chrome from a headline is
		// the boilerplate rule's job.
		{"chrome lines over wrapped prose", append(append(append([]string{}, chromeTop...), ""), wrapped72...), 3 + 3, "News", "News"},
		{"wrapped, no blank lines", wireNoBlank, 3, "The Riverton City Council voted", ""},
		{"wrapped, indented paragraphs", wireIndented, 3, "The Riverton City Council voted", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := parse(t, "draft.txt", strings.Join(tt.lines, "\n")+"\n")
			var got []string
			for _, p := range doc.Paragraphs {
				got = append(got, p.Text)
			}
			if len(got) != tt.want || !strings.HasPrefix(got[0], tt.first) {
				t.Errorf("%d paragraphs, want %d starting %q:\n%s", len(got), tt.want, tt.first, strings.Join(got, "\n---\n"))
			}
			headline := ""
			for _, p := range doc.Paragraphs {
				if p.Kind == BlockHeadline {
					headline = p.Text
				}
			}
			if headline != tt.headline {
				t.Errorf("headline %q, want %q", headline, tt.headline)
			}
		})
	}
}

// TestTextRaggedHandWrap checks that a short line in mid-sentence, as
// someone wrapping by hand leaves, does not end its paragraph.
func TestTextRaggedHandWrap(t *testing.T) {
	t.Parallel()
	src := "Council passes budget\n\nThe council approved the budget on Tuesday after a long\nsession, and Ruiz said the\nthe city would publish the plan within a week of the vote.\n"
	doc := parse(t, "draft.txt", src)
	if len(doc.Paragraphs) != 2 || !strings.Contains(doc.Paragraphs[1].Text, "said the\nthe city") {
		t.Errorf("paragraphs %q", paragraphTexts(doc))
	}
}
