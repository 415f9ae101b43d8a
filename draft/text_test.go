package draft

import (
	"strings"
	"testing"
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
