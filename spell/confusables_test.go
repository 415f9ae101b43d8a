package spell

import (
	"bufio"
	"html"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"unicode"
)

// confWords splits text into the words Check expects: lower case, straight
// apostrophes, split on anything but letters, digits and apostrophes, with
// apostrophes trimmed from the ends of a word (quotation marks, not
// elisions).
func confWords(s string) []string {
	s = strings.ToLower(s)
	s = strings.NewReplacer("\u2019", "'", "\u2018", "'", "\u02bc", "'").Replace(s)
	f := strings.FieldsFunc(s, func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '\''
	})
	words := f[:0]
	for _, w := range f {
		if w = strings.Trim(w, "'"); w != "" {
			words = append(words, w)
		}
	}
	return words
}

// confCase is one line of testdata/confusables/cases.txt.
type confCase struct {
	line  int
	text  string
	words []string
	i     int
	want  string // "" for a negative case
}

// readConfCases parses testdata/confusables/cases.txt. A positive case is
// "+ The murder [trail] began Monday. => trial", a negative case is
// "- Candidates hit the campaign [trail] in Iowa."; the bracketed word is
// the one checked.
func readConfCases(t testing.TB) []confCase {
	t.Helper()
	const name = "testdata/confusables/cases.txt"
	data, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	var cases []confCase
	for n, line := range strings.Split(string(data), "\n") {
		line = strings.TrimSpace(line)
		if line == "" || line[0] == '#' {
			continue
		}
		c := confCase{line: n + 1, text: line}
		body := strings.TrimSpace(line[1:])
		switch line[0] {
		case '+':
			var ok bool
			body, c.want, ok = strings.Cut(body, "=>")
			c.want = strings.TrimSpace(c.want)
			if !ok || c.want == "" {
				t.Fatalf("%s:%d: positive case without => RIGHT", name, n+1)
			}
		case '-':
		default:
			t.Fatalf("%s:%d: a case starts with + or -", name, n+1)
		}
		before, rest, ok1 := strings.Cut(body, "[")
		word, after, ok2 := strings.Cut(rest, "]")
		if !ok1 || !ok2 || strings.ContainsAny(after, "[]") {
			t.Fatalf("%s:%d: want exactly one [word]", name, n+1)
		}
		w := confWords(word)
		if len(w) != 1 {
			t.Fatalf("%s:%d: [%s] is not one word", name, n+1, word)
		}
		c.words = append(confWords(before), w[0])
		c.i = len(c.words) - 1
		c.words = append(c.words, confWords(after)...)
		cases = append(cases, c)
	}
	return cases
}

func TestConfusablesCases(t *testing.T) {
	c := BuiltinConfusables()
	cases := readConfCases(t)
	if len(cases) < 330 {
		t.Errorf("%d cases, want at least 330", len(cases))
	}
	for _, tc := range cases {
		got, ok := c.Check(tc.words, tc.i)
		switch {
		case tc.want == "" && ok:
			t.Errorf("cases.txt:%d: %q flagged as %q: %s", tc.line, tc.words[tc.i], got, tc.text)
		case tc.want != "" && (!ok || got != tc.want):
			t.Errorf("cases.txt:%d: %q: got %q, %v; want %q: %s", tc.line, tc.words[tc.i], got, ok, tc.want, tc.text)
		}
		if tc.want != "" && !c.Has(tc.words[tc.i]) {
			t.Errorf("cases.txt:%d: Has(%q) = false", tc.line, tc.words[tc.i])
		}
	}
}

// TestConfusablesCoverage checks that every word the built-in list can flag
// has a positive case, and every set a negative one and two positive ones.
func TestConfusablesCoverage(t *testing.T) {
	c := BuiltinConfusables()
	if c.Sets() < 110 {
		t.Errorf("Sets() = %d, want at least 110", c.Sets())
	}
	pos := map[string]int{}
	neg := map[string]int{}
	for _, tc := range readConfCases(t) {
		if tc.want != "" {
			pos[tc.words[tc.i]]++
		} else {
			neg[tc.words[tc.i]]++
		}
	}
	for wrong := range c.rules {
		if pos[wrong] == 0 {
			t.Errorf("no positive case for %q", wrong)
		}
	}
	// Sets, read from the list itself.
	sc := bufio.NewScanner(strings.NewReader(string(builtinConfusablesData)))
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if !strings.HasPrefix(line, "= ") {
			continue
		}
		np, nn := 0, 0
		for _, w := range strings.Fields(line[2:]) {
			np += pos[w]
			nn += neg[w]
		}
		if np < 2 || nn < 1 {
			t.Errorf("set %q: %d positive and %d negative cases, want 2 and 1", line, np, nn)
		}
	}
}

func TestParseConfusablesErrors(t *testing.T) {
	tests := []struct {
		name, src, want string
	}{
		{"rule before set", "# list\ntrail -> trial: murder _\n", "x.txt:2: rule before any set"},
		{"wrong not in set", "= trial trail\n\ntrial -> trail: campaign _\nfoo -> trial: _ x\n", `x.txt:4: "foo" is not in the set "trial trail"`},
		{"right not in set", "= trial trail\ntrail -> trials: _ judge\n", `x.txt:2: "trials" is not in the set`},
		{"only the latest set", "= trial trail\n= its it's\ntrail -> trial: _ judge\n", `x.txt:3: "trail" is not in the set "its it's"`},
		{"same word", "= trial trail\ntrail -> trail: _ judge\n", "x.txt:2: "},
		{"no blank", "= trial trail\ntrail -> trial: murder trial\n", `x.txt:2: pattern "murder trial" has no _`},
		{"two blanks", "= trial trail\ntrail -> trial: _ _\n", "x.txt:2: pattern \"_ _\" has more than one _"},
		{"caret not first", "= trial trail\ntrail -> trial: murder ^ _\n", "x.txt:2: pattern \"murder ^ _\": ^ may only be the first token"},
		{"caret after blank", "= trial trail\ntrail -> trial: _ ^\n", "x.txt:2: pattern \"_ ^\": ^ may only be"},
		{"dollar not last", "= trial trail\ntrail -> trial: _ $ judge\n", "x.txt:2: pattern \"_ $ judge\": $ may only be the last token"},
		{"dollar before blank", "= trial trail\ntrail -> trial: $ _\n", "x.txt:2: pattern \"$ _\": $ may only be"},
		{"open brace", "= trial trail\ntrail -> trial: _ {judge,jury\n", "x.txt:2: pattern \"_ {judge,jury\": unbalanced braces"},
		{"close brace", "= trial trail\ntrail -> trial: _ judge}\n", "unbalanced braces"},
		{"brace with space", "= trial trail\ntrail -> trial: _ {judge, jury}\n", "x.txt:2: pattern \"_ {judge, jury}\": unbalanced braces"},
		{"empty alternative", "= trial trail\ntrail -> trial: _ {judge,,jury}\n", `bad word "" in "{judge,,jury}"`},
		{"empty braces", "= trial trail\ntrail -> trial: _ {}\n", `x.txt:2: pattern "_ {}": bad word ""`},
		{"nested braces", "= trial trail\ntrail -> trial: _ {a,{b}}\n", "x.txt:2: pattern"},
		{"hyphen", "= trial trail\ntrail -> trial: _ court-martial\n", `bad word "court-martial"`},
		{"empty pattern", "= trial trail\ntrail -> trial: murder _ ; ; _ judge\n", "x.txt:2: empty pattern"},
		{"no patterns", "= trial trail\ntrail -> trial:\n", "x.txt:2: empty pattern"},
		{"bad head", "= trial trail\ntrail => trial: murder _\n", `x.txt:2: want "WRONG -> RIGHT"`},
		{"no colon", "= trial trail\ntrail -> trial murder _\n", "x.txt:2: want"},
		{"one-word set", "= trial\n", "x.txt:1: a set needs at least two words"},
		{"set without space", "=trial trail\n= x\n", "x.txt:2: a set needs"},
		{"word twice in set", "= trial trail trial\n", `x.txt:1: word "trial" twice in set`},
		{"bad set word", "= trial tr@il\n", `x.txt:1: bad word "tr@il" in set`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, err := ParseConfusables("x.txt", []byte(tt.src))
			if err == nil {
				t.Fatalf("no error, want %q", tt.want)
			}
			if c != nil {
				t.Errorf("non-nil list with error %v", err)
			}
			if !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error %q, want it to contain %q", err, tt.want)
			}
		})
	}
}

func TestParseConfusables(t *testing.T) {
	src := "# comment\r\n\r\n= trial trail\r\n" +
		"trail -> trial: murder _ ; _ {Judge,jury} ; ^ _ date $\n" +
		"trail -> trial: !campaign _\n" +
		"trail -> trial: stand _\n" +
		"trial -> trail: paper _ ; hot on * _\n" +
		"= its it’s\n" +
		"its -> it's: _ been\n"
	c, err := ParseConfusables("x.txt", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	if c.Sets() != 2 {
		t.Errorf("Sets() = %d, want 2", c.Sets())
	}
	tests := []struct {
		text string
		want string
	}{
		{"the murder [trail] opened", "trial"},
		{"the [trail] judge", "trial"},
		{"a [trail] jury", "trial"},
		{"they will stand [trail]", "trial"},
		{"[trail] date", "trial"},
		{"the [trail] date", ""},            // ^ anchors at the sentence start
		{"[trail] date set", ""},            // $ anchors at the sentence end
		{"campaign [trail] judge", ""},      // exception
		{"campaign stand [trail]", "trial"}, // exception does not match here
		{"left a paper [trial]", "trail"},
		{"hot on the [trial]", "trail"},
		{"hot on [trial]", ""},
		{"[its] been", "it's"},
		{"[it's] been", ""},
		{"[trail] mix", ""},
		{"[the] murder", ""},
	}
	for _, tt := range tests {
		before, rest, _ := strings.Cut(tt.text, "[")
		word, after, _ := strings.Cut(rest, "]")
		words := append(confWords(before), word)
		i := len(words) - 1
		words = append(words, confWords(after)...)
		got, ok := c.Check(words, i)
		if got != tt.want || ok != (tt.want != "") {
			t.Errorf("Check(%q) = %q, %v; want %q", tt.text, got, ok, tt.want)
		}
	}
	if !c.Has("trail") || !c.Has("its") || c.Has("it's") || c.Has("judge") {
		t.Error("Has is wrong")
	}
	for _, i := range []int{-1, 3} {
		if _, ok := c.Check([]string{"murder", "trail", "x"}, i); ok {
			t.Errorf("Check(_, %d) out of range reported a hit", i)
		}
	}
}

func TestConfusablesMerge(t *testing.T) {
	a, err := ParseConfusables("a", []byte("= trial trail\ntrail -> trial: murder _\n"))
	if err != nil {
		t.Fatal(err)
	}
	b, err := ParseConfusables("b", []byte("= trail trial\ntrail -> trial: _ judge ; !campaign _\n= lose loose\nloose -> lose: to _ weight\n"))
	if err != nil {
		t.Fatal(err)
	}
	m := a.Merge(b)
	if m.Sets() != 3 {
		t.Errorf("merged Sets() = %d, want 3", m.Sets())
	}
	check := func(c *Confusables, text string, want bool) {
		t.Helper()
		w := confWords(text)
		i := -1
		for k, x := range w {
			if x == "trail" || x == "loose" {
				i = k
			}
		}
		if _, ok := c.Check(w, i); ok != want {
			t.Errorf("Check(%q) = %v, want %v", text, ok, want)
		}
	}
	check(m, "murder trail", true)
	check(m, "trail judge", true)
	check(m, "campaign trail judge", false) // b's exception covers a's rule too
	check(m, "to loose weight", true)
	// The inputs are unchanged.
	check(a, "trail judge", false)
	check(a, "campaign trail judge", false)
	check(a, "campaign murder trail", true)
	check(b, "murder trail", false)
	if a.Sets() != 1 || b.Sets() != 2 {
		t.Error("Merge changed its inputs")
	}
	// nil-safety
	var nilc *Confusables
	if n := nilc.Merge(nil); n == nil || n.Sets() != 0 || n.Has("trail") {
		t.Error("nil.Merge(nil) is not an empty list")
	}
	if n := nilc.Merge(a); n.Sets() != 1 || !n.Has("trail") {
		t.Error("nil.Merge(a) lost a")
	}
	if n := a.Merge(nil); n.Sets() != 1 || !n.Has("trail") {
		t.Error("a.Merge(nil) lost a")
	}
	if _, ok := nilc.Check([]string{"trail"}, 0); ok || nilc.Has("trail") || nilc.Sets() != 0 {
		t.Error("nil list is not empty")
	}
	// Merging the built-in list with itself keeps working and stays equal in behaviour.
	bb := BuiltinConfusables().Merge(BuiltinConfusables())
	if bb.Sets() != 2*BuiltinConfusables().Sets() {
		t.Error("builtin merge: wrong set count")
	}
	if got, ok := bb.Check(confWords("the murder trail began"), 2); !ok || got != "trial" {
		t.Errorf("builtin merge: got %q, %v", got, ok)
	}
	if BuiltinConfusables() != BuiltinConfusables() {
		t.Error("BuiltinConfusables parses more than once")
	}
}

func TestConfusablesCheckAllocs(t *testing.T) {
	c := BuiltinConfusables()
	words := confWords(benchParagraph)
	allocs := testing.AllocsPerRun(20, func() {
		for i := range words {
			c.Check(words, i)
		}
	})
	if allocs != 0 {
		t.Errorf("Check allocates %v times a paragraph", allocs)
	}
}

var (
	htmlDropRE  = regexp.MustCompile(`(?is)<(script|style|head)\b.*?</(script|style|head)>`)
	htmlBlockRE = regexp.MustCompile(`(?i)</?(p|div|h[1-6]|li|ul|ol|br|tr|td|th|table|section|article|header|footer|blockquote|figure|figcaption|title|aside|nav|main|time|dt|dd)\b[^>]*>`)
	htmlTagRE   = regexp.MustCompile(`<[^>]*>`)
	mdLinkRE    = regexp.MustCompile(`\]\([^)]*\)`)
	paraRE      = regexp.MustCompile(`\n\s*\n`)
	sentenceRE  = regexp.MustCompile(`[.!?]+["'\x{201D}\x{2019})\]]*\s+`)
)

// corpusSentences crudely turns a draft into sentences: markup stripped,
// paragraphs split on blank lines, sentences split on [.!?] and a space.
func corpusSentences(name, text string) []string {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".html", ".htm":
		text = htmlDropRE.ReplaceAllString(text, "\n\n")
		text = htmlBlockRE.ReplaceAllString(text, "\n\n")
		text = htmlTagRE.ReplaceAllString(text, "")
		text = html.UnescapeString(text)
	case ".md":
		text = mdLinkRE.ReplaceAllString(text, "]")
	}
	var out []string
	for _, para := range paraRE.Split(text, -1) {
		para = strings.Join(strings.Fields(para), " ")
		for _, s := range sentenceRE.Split(para, -1) {
			if s = strings.TrimSpace(s); s != "" {
				out = append(out, s)
			}
		}
	}
	return out
}

// confusableHits runs Check over every word of every sentence of the files.
func confusableHits(t *testing.T, files []string) (hits []string, words int) {
	t.Helper()
	c := BuiltinConfusables()
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, s := range corpusSentences(f, string(data)) {
			w := confWords(s)
			words += len(w)
			for i := range w {
				if right, ok := c.Check(w, i); ok {
					hits = append(hits, filepath.Base(f)+": "+w[i]+" -> "+right+": "+s)
				}
			}
		}
	}
	return hits, words
}

// TestConfusablesQuietOnCleanCorpus checks that the built-in list flags
// nothing in the clean example drafts, which are correct copy.
func TestConfusablesQuietOnCleanCorpus(t *testing.T) {
	var files []string
	for _, ext := range []string{"md", "txt", "html"} {
		m, err := filepath.Glob(filepath.Join("..", "testdata", "clean", "*."+ext))
		if err != nil {
			t.Fatal(err)
		}
		files = append(files, m...)
	}
	if len(files) == 0 {
		t.Skip("no clean drafts found")
	}
	hits, words := confusableHits(t, files)
	for _, h := range hits {
		t.Errorf("false alarm on clean copy: %s", h)
	}
	if words < 10000 {
		t.Errorf("only %d words read from %d clean drafts", words, len(files))
	}
}

// benchParagraph is realistic news copy with a few confusions in it.
const benchParagraph = `The county commissioners voted 4-1 on Tuesday to delay the murder trial's move to the new
courthouse, saying it's too early to know whether the building will be ready. Their decision came after
the principal of Lincoln Elementary told the board that parents were worried about the effect of longer
bus rides on students. "We've lost patience with the delays," said Marta Olsen, whose daughter attends the
school. The sheriff's office, which has led the planning, said its deputies would continue to escort
prisoners from the old jail. Officials expect to accept bids in the spring, then break ground in the fall,
weather permitting. The project has already cost more than $40 million, and critics say the stakes are
high for a county that has seen its population fall every year for a decade. "We can't afford to lose
another year," one resident said at the meeting, which ran past 10 p.m. Commissioner Ray Dunn, the lone
vote against, said he would rather wait than rush a building that has to last for 50 years.`

func BenchmarkConfusablesCheck(b *testing.B) {
	c := BuiltinConfusables()
	words := confWords(benchParagraph)
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		for i := range words {
			c.Check(words, i)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(words)), "ns/word")
}
