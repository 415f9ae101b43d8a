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
