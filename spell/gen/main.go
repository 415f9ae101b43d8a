// Command gen builds newslint's dictionaries and English word statistics
// from the open word lists that fetch.sh downloads. Run it through
// `go generate ./spell`; its output in spell/data is committed.
package main

import (
	"bufio"
	"flag"
	"fmt"
	"log"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"

	"github.com/newslint/newslint/spell"
)

// scowlSize is the largest SCOWL size taken for each kind of list. Size
// 60 is what SCOWL recommends for spell checking; names and capitalized
// words come from size 70, since a news story is full of them and a word
// that is always capitalized cannot mask a lower-case misspelling.
var scowlSize = map[string]int{
	"words":         60,
	"upper":         70,
	"proper-names":  70,
	"abbreviations": 70,
	"contractions":  70,
}

// rareSize is the largest SCOWL size of the rare-word lists: words a
// checker should accept (trailhead, floodwall, amicus) unless they are
// one slip from a common word (thier, untill), which SCOWL's larger sizes
// also hold.
const rareSize = 80

func main() {
	src := flag.String("src", "gen/.cache", "directory fetch.sh filled")
	out := flag.String("out", "data", "output directory")
	flag.Parse()
	scowl := filepath.Join(*src, "root/usr/share/dict/scowl")

	english := []string{"english", "american"}
	british := []string{"english", "british", "british_z"}
	extra := must(readLines(filepath.Join(*out, "extra-en.txt")))
	withExtra := func(words []string) []string {
		for _, w := range extra {
			if !strings.HasPrefix(w, "#") {
				words = append(words, w)
			}
		}
		return words
	}
	for _, d := range []struct {
		name  string
		words []string
	}{
		{"en-US", withExtra(must(scowlWords(scowl, english, scowlSize)))},
		{"en-US.rare", rare(must(scowlWords(scowl, english, scowlSize)), must(scowlWords(scowl, english, rareSizes())))},
		{"en-GB", withExtra(must(scowlWords(scowl, british, scowlSize)))},
		{"en-GB.rare", rare(must(scowlWords(scowl, british, scowlSize)), must(scowlWords(scowl, british, rareSizes())))},
		{"es", must(spanishWords(*src))},
	} {
		write(filepath.Join(*out, d.name+".dafsa"), must(spell.BuildAutomaton(d.words, false)))
		log.Printf("%s: %d words", d.name, len(d.words))
	}
	lm := must(buildLM(filepath.Join(*src, "package/dictionaries")))
	write(filepath.Join(*out, "en.lm"), lm)
	write(filepath.Join(*out, "en-common.txt"), must(commonWords(filepath.Join(*src, "package/dictionaries"), *out)))
}

// commonWords lists the most frequent words both English dictionaries
// hold, most frequent first: a hash set of them answers most lookups.
func commonWords(dir, out string) ([]byte, error) {
	lines, err := readLines(filepath.Join(dir, "frequency_dictionary_en_82_765.txt"))
	if err != nil {
		return nil, err
	}
	var dicts []*spell.Automaton
	for _, name := range []string{"en-US", "en-GB"} {
		data, err := os.ReadFile(filepath.Join(out, name+".dafsa"))
		if err != nil {
			return nil, err
		}
		a, err := spell.ParseAutomaton(data)
		if err != nil {
			return nil, err
		}
		dicts = append(dicts, a)
	}
	var b strings.Builder
	b.WriteString("# The most frequent words of both English dictionaries (generated).\n")
	n := 0
	for _, line := range lines {
		w, _, _ := strings.Cut(line, " ")
		if dicts[0].Contains(w) && dicts[1].Contains(w) {
			b.WriteString(w + "\n")
			if n++; n == commonCount {
				break
			}
		}
	}
	return []byte(b.String()), nil
}

// commonCount is how many frequent words en-common.txt lists.
const commonCount = 3000

func must[T any](v T, err error) T {
	if err != nil {
		log.Fatal(err)
	}
	return v
}

func write(path string, data []byte) {
	if err := os.WriteFile(path, data, 0o644); err != nil {
		log.Fatal(err)
	}
	log.Printf("wrote %s (%d bytes)", path, len(data))
}

// scowlWords reads the SCOWL lists of the given spellings, dropping
// possessives (the checker strips 's itself).
func scowlWords(dir string, spellings []string, sizes map[string]int) ([]string, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, err
	}
	var words []string
	for _, e := range entries {
		name := e.Name()
		dot := strings.LastIndexByte(name, '.')
		dash := strings.IndexByte(name, '-')
		if dot < 0 || dash < 0 {
			continue
		}
		spelling, kind := name[:dash], name[dash+1:dot]
		size, err := strconv.Atoi(name[dot+1:])
		if err != nil || !contains(spellings, spelling) || size > sizes[kind] {
			continue
		}
		lines, err := readLines(filepath.Join(dir, name))
		if err != nil {
			return nil, err
		}
		for _, w := range lines {
			if strings.HasSuffix(w, "'s") {
				continue
			}
			words = append(words, w)
		}
	}
	return words, nil
}

// rareSizes is scowlSize raised to rareSize.
func rareSizes() map[string]int {
	m := map[string]int{}
	for k := range scowlSize {
		m[k] = rareSize
	}
	return m
}

// rare returns the words of big that are not in small.
func rare(small, big []string) []string {
	have := map[string]bool{}
	for _, w := range small {
		have[w] = true
	}
	var out []string
	for _, w := range big {
		if !have[w] {
			out = append(out, w)
		}
	}
	return out
}

// spanishWords reads the expanded Hunspell es_ES dictionary and the
// wspanish list.
func spanishWords(src string) ([]string, error) {
	a, err := readLines(filepath.Join(src, "es_ES.words"))
	if err != nil {
		return nil, err
	}
	b, err := readLines(filepath.Join(src, "root/usr/share/dict/spanish"))
	if err != nil {
		return nil, err
	}
	var words []string
	for _, w := range append(a, b...) {
		if i := strings.IndexByte(w, '/'); i >= 0 { // a stem unmunch left with its flags
			if strings.Contains(w[i:], "S") {
				words = append(words, spanishPlural(w[:i]))
			}
			w = w[:i]
		}
		if w != "" && !strings.ContainsAny(w, " \t") {
			words = append(words, w)
		}
	}
	return words, nil
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func readLines(path string) ([]string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var lines []string
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		line := strings.TrimPrefix(strings.TrimSpace(sc.Text()), "\ufeff")
		if line != "" {
			lines = append(lines, line)
		}
	}
	return lines, sc.Err()
}

// buildLM reads SymSpell's English unigram and bigram counts (derived from
// Google Books Ngrams) into a spell.LanguageModel.
func buildLM(dir string) ([]byte, error) {
	uni, err := readLines(filepath.Join(dir, "frequency_dictionary_en_82_765.txt"))
	if err != nil {
		return nil, err
	}
	bi, err := readLines(filepath.Join(dir, "frequency_bigramdictionary_en_243_342.txt"))
	if err != nil {
		return nil, err
	}
	counts := map[string]uint64{}
	for _, line := range uni {
		f := strings.Fields(line)
		if len(f) != 2 {
			return nil, fmt.Errorf("unigram line %q", line)
		}
		n, err := strconv.ParseUint(f[1], 10, 64)
		if err != nil {
			return nil, err
		}
		counts[f[0]] = n
	}
	var pairs []spell.Bigram
	for _, line := range bi {
		f := strings.Fields(line)
		if len(f) != 3 {
			return nil, fmt.Errorf("bigram line %q", line)
		}
		n, err := strconv.ParseUint(f[2], 10, 64)
		if err != nil {
			return nil, err
		}
		pairs = append(pairs, spell.Bigram{Left: f[0], Right: f[1], Count: n})
	}
	sort.Slice(pairs, func(i, j int) bool { return pairs[i].Left+" "+pairs[i].Right < pairs[j].Left+" "+pairs[j].Right })
	return spell.BuildLanguageModel(counts, pairs)
}

// spanishPlural forms a plural as the es_ES affix file's S rule does.
func spanishPlural(w string) string {
	r := []rune(w)
	if len(r) == 0 {
		return w
	}
	last := r[len(r)-1]
	if len(r) >= 2 && (last == 'n' || last == 's') {
		if plain, ok := map[rune]rune{'á': 'a', 'é': 'e', 'í': 'i', 'ó': 'o', 'ú': 'u'}[r[len(r)-2]]; ok {
			r[len(r)-2] = plain
			return string(r) + "es"
		}
	}
	switch {
	case last == 'z':
		return string(r[:len(r)-1]) + "ces"
	case strings.ContainsRune("bdhíjlmrúxyns", last):
		return w + "es"
	}
	return w + "s"
}
