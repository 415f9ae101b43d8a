// Package synthetic generates a deterministic archive of made-up news
// articles for benchmarks: the same seed gives the same articles on every
// machine. Words are drawn from a made-up vocabulary with a Zipf
// distribution, as in real copy, so common short phrases recur across
// articles while whole paragraphs do not.
package synthetic

import (
	"fmt"
	"math/rand/v2"
	"strings"
)

// Generator makes articles. It is not safe for concurrent use.
type Generator struct {
	vocab []string
	zipf  *rand.Zipf
	rng   *rand.Rand
}

var syllables = []string{"ka", "lo", "mer", "sta", "vin", "do", "ral", "pe", "tor", "shi", "an", "bel", "cu", "ez", "fro", "gil",
	"ho", "im", "jun", "ke", "lu", "mos", "ner", "ob", "pra", "qui", "ros", "sen", "tu", "ul", "ver", "wex"}

// New returns a generator for seed, with a vocabulary of 30,000 words.
func New(seed uint64) *Generator {
	rng := rand.New(rand.NewPCG(seed, 0x6e6577736c696e74))
	g := &Generator{rng: rng}
	seen := map[string]bool{}
	for len(g.vocab) < 30000 {
		n := 1 + rng.IntN(4)
		var sb strings.Builder
		for range n {
			sb.WriteString(syllables[rng.IntN(len(syllables))])
		}
		if w := sb.String(); !seen[w] {
			seen[w] = true
			g.vocab = append(g.vocab, w)
		}
	}
	g.zipf = rand.NewZipf(rng, 1.07, 2, uint64(len(g.vocab)-1))
	return g
}

// Paragraph returns a paragraph of about words words in sentences.
func (g *Generator) Paragraph(words int) string {
	var sb strings.Builder
	inSentence := 0
	for i := range words {
		w := g.vocab[g.zipf.Uint64()]
		if inSentence == 0 {
			w = strings.ToUpper(w[:1]) + w[1:]
		}
		if i > 0 {
			sb.WriteByte(' ')
		}
		sb.WriteString(w)
		inSentence++
		if inSentence > 8 && (g.rng.IntN(10) == 0 || inSentence > 25) || i == words-1 {
			sb.WriteByte('.')
			inSentence = 0
		} else if g.rng.IntN(14) == 0 {
			sb.WriteByte(',')
		}
	}
	return sb.String()
}

// Article returns article number n: Markdown with front matter (title and
// date), about 15 to 30 paragraphs of 20 to 70 words, about 4 KB.
func (g *Generator) Article(n int) string {
	var sb strings.Builder
	fmt.Fprintf(&sb, "---\ntitle: %s\ndate: %04d-%02d-%02d\n---\n\n", strings.TrimSuffix(g.Paragraph(8), "."),
		2000+n%25, 1+n%12, 1+n%28)
	paras := 12 + g.rng.IntN(12)
	for range paras {
		sb.WriteString(g.Paragraph(20 + g.rng.IntN(40)))
		sb.WriteString("\n\n")
	}
	return sb.String()
}

// Draft returns a draft of about words words that copies some paragraphs
// of the given articles (which the caller generated) and writes the rest
// fresh.
func (g *Generator) Draft(words int, copied ...string) string {
	var sb strings.Builder
	sb.WriteString("# " + strings.TrimSuffix(g.Paragraph(8), ".") + "\n\n")
	n := 8
	for _, c := range copied {
		sb.WriteString(c + "\n\n")
		n += len(strings.Fields(c))
	}
	for n < words {
		k := 40 + g.rng.IntN(30)
		sb.WriteString(g.Paragraph(k) + "\n\n")
		n += k
	}
	return sb.String()
}
