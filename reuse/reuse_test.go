package reuse

import (
	"strings"
	"testing"

	"github.com/newslint/newslint/draft"
)

func hashes(text string) []uint64 {
	var out []uint64
	for _, t := range Tokenize(text, nil) {
		out = append(out, t.Hash)
	}
	return out
}

func TestTokenizeFolds(t *testing.T) {
	same := [][2]string{
		{"Mexico's", "mexico’s"},
		{"CAFÉ", "café"},
		{"cafe\u0301", "café"}, // NFD and NFC
		{"“Quoted”—text", "\"quoted\" - text"},
		{"well-known", "well known"},
		{"  spaced\n\tout ", "spaced out"},
	}
	for _, c := range same {
		a, b := hashes(c[0]), hashes(c[1])
		if len(a) == 0 || !equal(a, b) {
			t.Errorf("%q and %q tokenize differently: %v %v", c[0], c[1], a, b)
		}
	}
	differ := [][2]string{{"fare", "fair"}, {"2019", "2018"}, {"its", "it is"}}
	for _, c := range differ {
		if equal(hashes(c[0]), hashes(c[1])) {
			t.Errorf("%q and %q tokenize alike", c[0], c[1])
		}
	}
	toks := Tokenize("The “Port” authority's", nil)
	if len(toks) != 3 || toks[1].Start != 7 || toks[1].End != 11 || toks[2].End != len("The “Port” authority's") {
		t.Errorf("token offsets %+v", toks)
	}
}

func equal(a, b []uint64) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func TestShinglesAndWinnowing(t *testing.T) {
	text := "one two three four five six seven eight nine ten eleven twelve thirteen fourteen"
	sh := Shingles(Tokenize(text, nil), nil)
	if len(sh) != 10 {
		t.Fatalf("%d shingles, want 10", len(sh))
	}
	if got := Shingles(Tokenize("only four words here", nil), nil); len(got) != 0 {
		t.Errorf("four words give %d shingles", len(got))
	}
	fps := Fingerprints(sh, nil)
	if len(fps) == 0 || len(fps) > len(sh) {
		t.Fatalf("%d fingerprints of %d shingles", len(fps), len(sh))
	}
	// Any run of ShingleWords+Window-1 words shared by two texts shares a
	// fingerprint, whatever surrounds it.
	shared := "the harbor master said the channel would be dredged in may"
	a := Fingerprints(Shingles(Tokenize("Yesterday evening "+shared+" after all", nil), nil), nil)
	b := Fingerprints(Shingles(Tokenize("A quite different opening clause and then "+shared, nil), nil), nil)
	if Shared(a, b) == 0 {
		t.Error("texts sharing a 10-word run share no fingerprint")
	}
}

func TestWordDiff(t *testing.T) {
	cases := []struct{ source, draft, want string }{
		{"Two analysts warned earlier this month that the plan would fail.", "Two analysts are warning that the plan would fail.",
			"Two analysts [-warned earlier this month-] {+are warning+} that the plan would fail."},
		{"The same text.", "The same text.", "The same text."},
		{"Fares rose.", "Fares rose sharply.", "Fares [-rose.-]{+rose sharply.+}"},
	}
	for _, c := range cases {
		if got := WordDiff(c.source, c.draft); got != c.want {
			t.Errorf("WordDiff(%q, %q) = %q, want %q", c.source, c.draft, got, c.want)
		}
		var sb strings.Builder
		for _, s := range ParseDiff(WordDiff(c.source, c.draft)) {
			if s.Op >= 0 {
				sb.WriteString(s.Text)
			}
		}
		if got := strings.Join(strings.Fields(sb.String()), " "); got != c.draft {
			t.Errorf("the draft's side of the diff is %q, want %q", got, c.draft)
		}
	}
}

func TestSearchScoresAndQuotes(t *testing.T) {
	parse := func(name, text string) *draft.Document {
		doc, err := draft.NewParser().ParseWith(name, []byte(text), draft.Options{Format: draft.Markdown})
		if err != nil {
			t.Fatal(err)
		}
		return doc
	}
	idx := NewIndex("archive")
	src := parse("old.md", "The ferry authority voted on Tuesday to raise the adult fare from $4.50 to $5.25, the first increase in six years.\n\n"+
		"\"We cannot keep the boats running on goodwill and hope alone,\" the chair said after the vote.\n")
	idx.Add(ArticleOf(src), Paragraphs(src))
	doc := parse("new.md", "The ferry authority voted in March to raise the adult fare from $4.50 to $5.25, the first increase in six years.\n\n"+
		"\"We cannot keep the boats running on goodwill and hope alone,\" Mayor Ruiz told reporters on Monday.\n")
	res, err := (&Corpus{Sources: []Source{idx}}).For(doc).Results()
	if err != nil {
		t.Fatal(err)
	}
	if len(res) != 2 || len(res[0].Matches) != 1 || len(res[1].Matches) != 1 {
		t.Fatalf("results %+v", res)
	}
	m := res[0].Matches[0]
	if m.Containment < 0.6 || m.Containment >= 1 || m.Unquoted != 23 || m.UnquotedShared != 17 {
		t.Errorf("edited copy: %+v", m)
	}
	q := res[1].Matches[0]
	if q.Shared < 5 || q.Unquoted != 6 || q.UnquotedShared != 0 {
		t.Errorf("shared quote: shared %d, unquoted words %d of which shared %d; want many, 6, 0", q.Shared, q.Unquoted, q.UnquotedShared)
	}
	// The draft itself, archived, is not its own source.
	idx2 := NewIndex("archive")
	idx2.Add(ArticleOf(doc), Paragraphs(doc))
	res, _ = (&Corpus{Sources: []Source{idx2}}).For(doc).Results()
	for _, r := range res {
		if len(r.Matches) > 0 {
			t.Errorf("the draft matched itself: %+v", r.Matches)
		}
	}
	if (*Corpus)(nil).For(doc) != nil {
		t.Error("a nil corpus gives a search")
	}
}

func FuzzWordDiff(f *testing.F) {
	f.Add("Two analysts warned that", "Two analysts are warning that")
	f.Add("", "x")
	f.Add("a [-b-] {+c+}", "a b c")
	f.Fuzz(func(t *testing.T, a, b string) {
		d := WordDiff(a, b)
		if !strings.Contains(a+b, "[-") && !strings.Contains(a+b, "{+") && !strings.Contains(a+b, "-]") && !strings.Contains(a+b, "+}") {
			var old, new strings.Builder
			for _, s := range ParseDiff(d) {
				if s.Op <= 0 {
					old.WriteString(s.Text)
				}
				if s.Op >= 0 {
					new.WriteString(s.Text)
				}
			}
			if strings.Join(strings.Fields(new.String()), " ") != strings.Join(strings.Fields(b), " ") {
				t.Errorf("draft side %q, want %q", new.String(), b)
			}
			if strings.Join(strings.Fields(old.String()), " ") != strings.Join(strings.Fields(a), " ") {
				t.Errorf("source side %q, want %q", old.String(), a)
			}
		}
		for _, tk := range Tokenize(a, nil) {
			if tk.Start < 0 || tk.End > len(a) || tk.Start >= tk.End {
				t.Fatalf("token %+v out of %q", tk, a)
			}
		}
	})
}
