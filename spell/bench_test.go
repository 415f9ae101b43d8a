package spell

import (
	"os"
	"runtime"
	"strings"
	"testing"

	"golang.org/x/text/language"
)

// BenchmarkLoadEnglish measures what getting the English dictionary
// ready costs: parsing the embedded automata and word statistics in place
// and summing the word counts.
func BenchmarkLoadEnglish(b *testing.B) {
	for b.Loop() {
		stats := func() (*stats, error) { // not the shared, already parsed one
			lm, err := ParseLanguageModel(enLMData)
			return &stats{lm: lm, total: lm.logTotal()}, err
		}
		if _, err := load("en-US", enUSData, enUSRare, stats); err != nil {
			b.Fatal(err)
		}
	}
}

// TestDictionaryMemory checks that the English dictionary, loaded and
// used for lookups and suggestions, keeps well under 60 MB of heap; its
// data stays in the binary's read-only memory.
func TestDictionaryMemory(t *testing.T) {
	runtime.GC()
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	d, err := load("en-US", enUSData, enUSRare, englishStats)
	if err != nil {
		t.Fatal(err)
	}
	for _, w := range []string{"recieve", "goverment", "seperate", "bae"} {
		d.Suggest(w, Context{Prev: "the"}, 3)
	}
	runtime.ReadMemStats(&after)
	heap := int64(after.HeapAlloc) - int64(before.HeapAlloc)
	embedded := len(enUSData) + len(enUSRare) + len(enLMData)
	t.Logf("heap %d KB after loading and suggesting; embedded data %d KB", heap>>10, embedded>>10)
	if heap+int64(embedded) > 60<<20 {
		t.Errorf("dictionary uses %d MB, want under 60", (heap+int64(embedded))>>20)
	}
	runtime.KeepAlive(d)
}

func benchWords(b *testing.B) []string {
	data, err := os.ReadFile("../testdata/bench/draft-1500.md")
	if err != nil {
		b.Fatal(err)
	}
	return strings.FieldsFunc(string(data), func(r rune) bool {
		return !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r == '\'')
	})
}

// BenchmarkContains measures a dictionary lookup per word of a news story.
func BenchmarkContains(b *testing.B) {
	d, _, _ := Load(language.MustParse("en-US"))
	words := benchWords(b)
	b.ResetTimer()
	n := 0
	for b.Loop() {
		for _, w := range words {
			if d.Contains(w) {
				n++
			}
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(words)), "ns/word")
}

// BenchmarkSuggest measures ranked corrections for one misspelling.
func BenchmarkSuggest(b *testing.B) {
	d, _, _ := Load(language.MustParse("en-US"))
	typos := []string{"recieve", "goverment", "seperate", "accomodate", "definately", "bae", "teh", "politicans"}
	b.ResetTimer()
	for b.Loop() {
		for _, w := range typos {
			d.Suggest(w, Context{Prev: "the", Next: "of"}, 3)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Microseconds())/float64(b.N*len(typos)), "µs/word")
}
