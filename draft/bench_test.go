package draft

import (
	"os"
	"testing"
)

// benchParse parses one file repeatedly; -bench reports MB/s of source.
func benchParse(b *testing.B, path, name string) {
	data, err := os.ReadFile(path)
	if err != nil {
		b.Fatal(err)
	}
	p := NewParser()
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := p.Parse(name, data); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkParseMarkdown1500(b *testing.B) {
	benchParse(b, "../testdata/bench/draft-1500.md", "draft.md")
}

func BenchmarkParseText(b *testing.B) {
	benchParse(b, "../testdata/clean/school-budget.txt", "draft.txt")
}

func BenchmarkParseHTML(b *testing.B) {
	benchParse(b, "../testdata/clean/election-recount.html", "draft.html")
}

// benchPair times quotation pairing alone on one parsed file, with the
// same -bench MB/s of source as benchParse so the two compare directly.
func benchPair(b *testing.B, path, name string) {
	data, err := os.ReadFile(path)
	if err != nil {
		b.Fatal(err)
	}
	doc, err := NewParser().Parse(name, data)
	if err != nil {
		b.Fatal(err)
	}
	style := QuoteStyleFor(doc.Language)
	var pr pairer
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		pairQuotes(doc, &style, &pr)
	}
}

func BenchmarkPairQuotesMarkdown1500(b *testing.B) {
	benchPair(b, "../testdata/bench/draft-1500.md", "draft.md")
}

// BenchmarkPairQuotesDialogue pairs a dialogue-heavy story: about one
// quotation mark or apostrophe every 40 bytes.
func BenchmarkPairQuotesDialogue(b *testing.B) {
	benchPair(b, "../testdata/clean/diner-closing.txt", "draft.txt")
}

func BenchmarkParseDialogue(b *testing.B) {
	benchParse(b, "../testdata/clean/diner-closing.txt", "draft.txt")
}
