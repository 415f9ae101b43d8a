package rules

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/newslint/newslint/draft"
	"github.com/newslint/newslint/lint"
	"github.com/newslint/newslint/reuse"
)

// TestRecycledAcceptance is the acceptance test of recycled-paragraph at
// its default settings. Half of the clean corpus (our own drafts) is the
// archive; each draft of the other half gets four paragraphs copied from
// archived articles with a light edit each: copied as is, two words
// changed, a sentence dropped, or its sentences reordered. Recall is the
// share of copies reported with the right source; precision the share of
// reports that are copies with the right source. Both must reach 0.95.
// NEWSLINT_REUSE_CORPUS names another directory of articles to run it on
// (real published copy, which cannot be kept in the repository).
func TestRecycledAcceptance(t *testing.T) {
	dir := "../testdata/clean"
	if d := os.Getenv("NEWSLINT_REUSE_CORPUS"); d != "" {
		dir = d
	}
	files, _ := filepath.Glob(filepath.Join(dir, "*"))
	sort.Strings(files)
	var english []string
	for _, f := range files {
		if !strings.Contains(f, ".es.") && !strings.Contains(f, ".fr.") && !strings.Contains(f, ".de.") {
			english = append(english, f)
		}
	}
	rng := rand.New(rand.NewPCG(6, 6))
	rng.Shuffle(len(english), func(i, j int) { english[i], english[j] = english[j], english[i] })
	half := len(english) / 2
	archived, drafts := english[:half], english[half:]

	idx := reuse.NewIndex("archive")
	type para struct{ path, text string }
	var pool []para
	parser := draft.NewParser()
	for _, f := range archived {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		doc, err := parser.ParseWith(f, data, draft.Options{Format: draft.FormatOf(f)})
		if err != nil {
			t.Fatal(err)
		}
		idx.Add(reuse.ArticleOf(doc), reuse.Paragraphs(doc))
		for _, p := range doc.Paragraphs {
			if p.Kind == draft.BlockParagraph && len(p.Words) >= 25 && len(p.Sentences) >= 2 && !p.Quote {
				pool = append(pool, para{f, p.Text})
			}
		}
	}
	corpus := &reuse.Corpus{Sources: []reuse.Source{idx}}
	vocabulary := strings.Fields("harbor council budget ferry station winter county school bridge market hospital library")

	edits := []string{"as is", "two words changed", "a sentence dropped", "sentences reordered"}
	var copies, found, reports, right int
	perEdit := map[string][2]int{}
	for _, f := range drafts {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		// Copy into Markdown and text drafts, whose paragraphs can be
		// appended after a blank line; HTML drafts are checked as they are.
		text := string(data)
		sources := map[string]string{} // copied paragraph → its source
		kinds := map[string]string{}
		if strings.HasSuffix(f, ".md") || strings.HasSuffix(f, ".txt") {
			var added []string
			for k := range 8 {
				src := pool[rng.IntN(len(pool))]
				edited := edit(rng, parser, src.text, k%4, vocabulary)
				sources[edited] = src.path
				kinds[edited] = edits[k%4]
				added = append(added, edited)
			}
			text = strings.TrimRight(text, "\n") + "\n\n" + strings.Join(added, "\n\n") + "\n"
		}
		res := lintCase(t, f, filepath.Base(f), text, []byte("rules:\n  recycled-paragraph: warning\n"), corpus)
		doc, _ := parser.ParseWith(f, []byte(text), draft.Options{Format: draft.FormatOf(f)})
		reported := map[string]lint.Finding{}
		for _, fd := range res.Findings {
			if fd.Rule == "recycled-paragraph" && fd.Severity == lint.Warning {
				reports++
				para := paragraphAt(doc, fd.Span.Start)
				reported[para] = fd
				if src, ok := sources[para]; ok && len(fd.Related) > 0 && fd.Related[0].Path == src {
					right++
				} else {
					t.Logf("%s: report that is not a copy of its source: %s", f, fd.Message)
				}
			}
		}
		for p, src := range sources {
			copies++
			c := perEdit[kinds[p]]
			c[0]++
			if fd, ok := reported[p]; ok && len(fd.Related) > 0 && fd.Related[0].Path == src {
				found++
				c[1]++
			} else {
				t.Logf("%s: missed copy (%s) of %s: %.60q", f, kinds[p], src, p)
			}
			perEdit[kinds[p]] = c
		}
	}
	recall, precision := float64(found)/float64(copies), float64(right)/float64(max(1, reports))
	t.Logf("%d copies in %d drafts against %d archived: recall %.3f (%d/%d), precision %.3f (%d/%d); by edit %v",
		copies, len(drafts), len(archived), recall, found, copies, precision, right, reports, perEdit)
	if copies < 60 {
		t.Errorf("only %d copies: the corpus is too small for the test", copies)
	}
	if recall < 0.95 || precision < 0.95 {
		t.Errorf("recall %.3f, precision %.3f; want both at least 0.95", recall, precision)
	}
}

// edit applies light edit number k to a paragraph.
func edit(rng *rand.Rand, parser *draft.Parser, text string, k int, vocabulary []string) string {
	doc, _ := parser.ParseWith("p.txt", []byte(text), draft.Options{Format: draft.Text})
	var sentences []string
	for _, p := range doc.Paragraphs {
		for _, s := range p.Sentences {
			sentences = append(sentences, strings.TrimSpace(s.Text))
		}
	}
	switch k {
	case 1:
		words := strings.Fields(text)
		for range 2 {
			i := rng.IntN(len(words))
			words[i] = vocabulary[rng.IntN(len(vocabulary))]
		}
		return strings.Join(words, " ")
	case 2:
		if len(sentences) >= 3 {
			i := rng.IntN(len(sentences))
			return strings.Join(append(sentences[:i:i], sentences[i+1:]...), " ")
		}
	case 3:
		if len(sentences) >= 2 {
			return strings.Join(append(sentences[1:], sentences[0]), " ")
		}
	}
	return strings.Join(strings.Fields(text), " ")
}

// paragraphAt returns the text of the paragraph holding offset off.
func paragraphAt(doc *draft.Document, off int) string {
	for _, p := range doc.Paragraphs {
		if p.Span.Start <= off && off < p.Span.End {
			return p.Text
		}
	}
	return fmt.Sprint(off)
}
