package fix

import (
	"bytes"
	"strings"
	"testing"

	"github.com/newslint/newslint/draft"
	"github.com/newslint/newslint/lint"
	"golang.org/x/text/encoding/unicode"
)

// sugg is a suggestion in a test: replace the first occurrence of old in
// the decoded text (or insert before the first occurrence of at, or at the
// end when at is "$") with text.
type sugg struct {
	old, at, text string
	unsafe        bool
}

// fnd is a finding in a test: its rule and suggestions.
type fnd struct {
	rule  string
	suggs []sugg
}

func safe(rule, old, text string) fnd { return fnd{rule, []sugg{{old: old, text: text}}} }
func insert(rule, at, text string) fnd {
	return fnd{rule, []sugg{{at: at, text: text}}}
}

// findings places test findings in a parsed draft, the way the engine
// does: spans in the decoded text, offsets in the original bytes.
func findings(t *testing.T, doc *draft.Document, fs []fnd) []lint.Finding {
	t.Helper()
	var out []lint.Finding
	for _, f := range fs {
		lf := lint.Finding{Path: doc.Path, Rule: f.rule}
		for _, s := range f.suggs {
			var sp draft.Span
			switch {
			case s.old != "":
				i := strings.Index(doc.Src, s.old)
				if i < 0 {
					t.Fatalf("%q not in %q", s.old, doc.Src)
				}
				sp = draft.Span{Start: i, End: i + len(s.old)}
			case s.at == "$":
				sp = draft.Span{Start: len(doc.Src), End: len(doc.Src)}
			default:
				i := strings.Index(doc.Src, s.at)
				if i < 0 {
					t.Fatalf("%q not in %q", s.at, doc.Src)
				}
				sp = draft.Span{Start: i, End: i}
			}
			lf.Suggestions = append(lf.Suggestions, lint.Suggestion{Text: s.text, Safe: !s.unsafe, Old: doc.Slice(sp),
				Span: sp, Start: doc.Position(sp.Start), End: doc.Position(sp.End)})
		}
		out = append(out, lf)
	}
	return out
}

func utf16With(order unicode.Endianness, s string) []byte {
	b, err := unicode.UTF16(order, unicode.UseBOM).NewEncoder().Bytes([]byte(s))
	if err != nil {
		panic(err)
	}
	return b
}

// ascii reports whether b is plain ASCII, which reads the same in every
// encoding Apply writes but UTF-16.
func ascii(b []byte) bool {
	for _, c := range b {
		if c >= 0x80 {
			return false
		}
	}
	return true
}

func TestApply(t *testing.T) {
	bom := "\xEF\xBB\xBF"
	tests := []struct {
		name     string
		raw      []byte
		findings []fnd
		want     string // the decoded text after the fixes
		wantRaw  []byte // when set, the exact bytes after the fixes
		fixed    int    // findings fixed
		skipped  []string
	}{
		{name: "replacement", raw: []byte("A cat sat.\n"),
			findings: []fnd{safe("r", "cat", "dog")}, want: "A dog sat.\n", fixed: 1},
		{name: "unsafe suggestion ignored", raw: []byte("A cat sat.\n"),
			findings: []fnd{{"r", []sugg{{old: "cat", text: "dog", unsafe: true}}}}, want: "A cat sat.\n"},
		{name: "first safe suggestion of a finding", raw: []byte("A cat sat.\n"),
			findings: []fnd{{"r", []sugg{{old: "cat", text: "cow", unsafe: true}, {old: "cat", text: "dog"}, {old: "sat", text: "ran"}}}},
			want:     "A dog sat.\n", fixed: 1},
		{name: "no findings", raw: []byte("A cat sat.\n"), want: "A cat sat.\n"},
		{name: "deletion", raw: []byte("The the end.\n"),
			findings: []fnd{safe("repeated-word", " the", "")}, want: "The end.\n", fixed: 1},
		{name: "several edits in file order", raw: []byte("one two three\nfour\n"),
			findings: []fnd{safe("b", "four", "4"), safe("a", "one", "1"), insert("c", "$", "five\n")},
			want:     "1 two three\n4\nfive\n", fixed: 3},
		{name: "overlap: the earlier start wins", raw: []byte("abcdefgh"),
			findings: []fnd{safe("z", "def", "X"), safe("y", "bcde", "Y")},
			want:     "aYfgh", fixed: 1, skipped: []string{"overlaps the y fix at 1:2"}},
		{name: "overlap: same start, the shorter wins", raw: []byte("abcdefgh"),
			findings: []fnd{safe("a", "bcd", "X"), safe("b", "bc", "Y")},
			want:     "aYdefgh", fixed: 1, skipped: []string{"overlaps the b fix"}},
		{name: "same span: the rule first by name wins", raw: []byte("abcdefgh"),
			findings: []fnd{safe("zeta", "cd", "X"), safe("alpha", "cd", "Y")},
			want:     "abYefgh", fixed: 1, skipped: []string{"overlaps the alpha fix at 1:3"}},
		{name: "contained edit dropped", raw: []byte("abcdefgh"),
			findings: []fnd{safe("a", "bcdef", "X"), safe("b", "d", "Y"), insert("c", "e", "Z")},
			want:     "aXgh", fixed: 1, skipped: []string{"overlaps the a fix", "overlaps the a fix"}},
		{name: "identical edits made once", raw: []byte("abcdefgh"),
			findings: []fnd{safe("a", "cd", "X"), safe("b", "cd", "X")},
			want:     "abXefgh", fixed: 2},
		{name: "adjacent edits both made", raw: []byte("abcdefgh"),
			findings: []fnd{safe("a", "ab", "1"), safe("b", "cd", "2")},
			want:     "12efgh", fixed: 2},
		{name: "identical insertions at one point made once", raw: []byte("«Oui»"),
			findings: []fnd{insert("broken-quote", "Oui", "\u00a0"), insert("broken-quote", "Oui", "\u00a0")},
			want:     "«\u00a0Oui»", fixed: 2},
		{name: "different insertions at one point: the first kept", raw: []byte("ab"),
			findings: []fnd{insert("b", "b", "Y"), insert("a", "b", "X")},
			want:     "aXb", fixed: 1, skipped: []string{`conflicts with the a fix inserting "X" at the same point`}},
		{name: "insertion before a replacement at the same point", raw: []byte("ab"),
			findings: []fnd{safe("a", "b", "B"), insert("z", "b", "-")},
			want:     "a-B", fixed: 2},
		{name: "insertion inside a replacement dropped", raw: []byte("abc"),
			findings: []fnd{safe("a", "abc", "X"), insert("b", "b", "-")},
			want:     "X", fixed: 1, skipped: []string{"overlaps the a fix"}},
		{name: "no-op suggestion skipped", raw: []byte("abc"),
			findings: []fnd{safe("a", "b", "b")},
			want:     "abc", skipped: []string{"changes nothing"}},
		{name: "multibyte text", raw: []byte("Café “quoted” naïve\n"),
			findings: []fnd{safe("q", "“", "‘"), safe("q", "”", "’"), safe("w", "naïve", "naive")},
			want:     "Café ‘quoted’ naive\n", fixed: 3},
		{name: "UTF-8 with BOM keeps the BOM", raw: []byte(bom + "The the café.\n"),
			findings: []fnd{safe("repeated-word", " the", ""), insert("x", "café", "«")},
			want:     "The «café.\n", wantRaw: []byte(bom + "The «café.\n"), fixed: 2},
		{name: "Windows-1252 text written in Windows-1252", raw: []byte("Caf\xe9 \"hi\" said\n"),
			findings: []fnd{safe("broken-quote", "\"hi\"", "\u201chi\u201d"), safe("s", "said", "dit\u00e9")},
			want:     "Café “hi” dité\n", wantRaw: []byte("Caf\xe9 \x93hi\x94 dit\xe9\n"), fixed: 2},
		{name: "Windows-1252: unrepresentable text skipped", raw: []byte("Caf\xe9 -> there\n"),
			findings: []fnd{safe("arrow", "->", "→"), safe("t", "there", "l\u00e0")},
			want:     "Café -> là\n", wantRaw: []byte("Caf\xe9 -> l\xe0\n"), fixed: 1,
			skipped: []string{`"→" cannot be written in Windows-1252, the file's encoding`}},
		{name: "Windows-1252 that would become other UTF-8 is left alone", raw: []byte("\xc2 and \xe9\n"),
			findings: []fnd{insert("broken-quote", " and", "\u00a0"), safe("d", "\u00e9", "e")},
			want:     "Â and é\n", wantRaw: []byte("\xc2 and \xe9\n"),
			skipped: []string{"would read as UTF-8", "would read as UTF-8"}},
		{name: "Windows-1252 that becomes ASCII is fixed", raw: []byte("caf\xe9\n"),
			findings: []fnd{safe("d", "\u00e9", "e")}, want: "cafe\n", wantRaw: []byte("cafe\n"), fixed: 1},
		{name: "UTF-16LE", raw: utf16With(unicode.LittleEndian, "The the «end».\n"),
			findings: []fnd{safe("repeated-word", " the", ""), insert("broken-quote", "end", "\u00a0"), safe("e", "end", "fin \U0001F600")},
			want:     "The «\u00a0fin \U0001F600».\n", wantRaw: utf16With(unicode.LittleEndian, "The «\u00a0fin \U0001F600».\n"), fixed: 3},
		{name: "UTF-16BE", raw: utf16With(unicode.BigEndian, "A cat \U0001F600 sat.\n"),
			findings: []fnd{safe("a", "cat", "dog"), safe("b", "sat", "ran")},
			want:     "A dog \U0001F600 ran.\n", wantRaw: utf16With(unicode.BigEndian, "A dog \U0001F600 ran.\n"), fixed: 2},
	}
	p := draft.NewParser()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := p.ParseWith("a.txt", tt.raw, draft.Options{})
			if err != nil {
				t.Fatal(err)
			}
			orig := bytes.Clone(tt.raw)
			res, err := Apply(tt.raw, doc.Encoding, findings(t, doc, tt.findings))
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(tt.raw, orig) {
				t.Error("Apply changed its input")
			}
			after, err := p.ParseWith("a.txt", res.Data, draft.Options{})
			if err != nil {
				t.Fatal(err)
			}
			if after.Src != tt.want {
				t.Errorf("text %q, want %q", after.Src, tt.want)
			}
			if after.Encoding != doc.Encoding && !ascii(res.Data) {
				t.Errorf("encoding %s, want %s", after.Encoding, doc.Encoding)
			}
			if tt.wantRaw != nil && !bytes.Equal(res.Data, tt.wantRaw) {
				t.Errorf("bytes %q, want %q", res.Data, tt.wantRaw)
			}
			if res.Fixed() != tt.fixed {
				t.Errorf("fixed %d findings, want %d", res.Fixed(), tt.fixed)
			}
			if len(res.Skipped) != len(tt.skipped) {
				t.Fatalf("skipped %v, want %d", res.Skipped, len(tt.skipped))
			}
			for i, s := range res.Skipped {
				if !strings.Contains(s.Reason, tt.skipped[i]) {
					t.Errorf("skipped reason %q, want it to contain %q", s.Reason, tt.skipped[i])
				}
			}
		})
	}
}

// TestApplyOrderIndependent checks that the order of the findings does not
// change the result.
func TestApplyOrderIndependent(t *testing.T) {
	raw := []byte("abcdefgh")
	doc, err := draft.NewParser().ParseWith("a.txt", raw, draft.Options{})
	if err != nil {
		t.Fatal(err)
	}
	fs := findings(t, doc, []fnd{safe("b", "cd", "X"), safe("a", "cd", "Y"), insert("c", "e", "1"), insert("d", "e", "2"), safe("e", "defg", "Z")})
	first, err := Apply(raw, doc.Encoding, fs)
	if err != nil {
		t.Fatal(err)
	}
	if string(first.Data) != "abY1efgh" {
		t.Errorf("got %q, want %q", first.Data, "abY1efgh")
	}
	for i := 0; i < len(fs); i++ {
		fs = append(fs[1:], fs[0])
		res, err := Apply(raw, doc.Encoding, fs)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(res.Data, first.Data) || len(res.Skipped) != len(first.Skipped) {
			t.Errorf("rotation %d: %q (%d skipped), want %q (%d skipped)", i, res.Data, len(res.Skipped), first.Data, len(first.Skipped))
		}
	}
}

// TestApplyRefuses checks the edits Apply will not make: offsets outside
// the file fail the whole file; text that differs from the rule's, or
// offsets inside a character, skip the edit.
func TestApplyRefuses(t *testing.T) {
	sugg := func(start, end int, old, text string) []lint.Finding {
		return []lint.Finding{{Rule: "r", Suggestions: []lint.Suggestion{{Text: text, Safe: true, Old: old,
			Start: draft.Position{Line: 1, Column: 1, Offset: start}, End: draft.Position{Line: 1, Column: 1, Offset: end}}}}}
	}
	tests := []struct {
		name    string
		raw     string
		enc     draft.Encoding
		fs      []lint.Finding
		err     string
		skipped string
	}{
		{name: "past the end", raw: "abc", fs: sugg(2, 4, "c", "x"), err: "outside the file"},
		{name: "negative", raw: "abc", fs: sugg(-1, 1, "a", "x"), err: "outside the file"},
		{name: "end before start", raw: "abc", fs: sugg(2, 1, "", "x"), err: "outside the file"},
		{name: "text differs", raw: "abc", fs: sugg(0, 1, "z", "x"), skipped: `the file holds "a" here, not "z"`},
		{name: "inside a UTF-8 character", raw: "é", fs: sugg(1, 1, "", "x"), skipped: "character boundaries"},
		{name: "inside the BOM", raw: "\xEF\xBB\xBFab", enc: draft.UTF8BOM, fs: sugg(1, 1, "", "x"), skipped: "character boundaries"},
		{name: "odd UTF-16 offset", raw: "\xFF\xFEa\x00b\x00", enc: draft.UTF16LE, fs: sugg(3, 3, "", "x"), skipped: "character boundaries"},
		{name: "inside a surrogate pair", raw: "\xFF\xFE\x3D\xD8\x00\xDE", enc: draft.UTF16LE, fs: sugg(4, 4, "", "x"), skipped: "character boundaries"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := Apply([]byte(tt.raw), tt.enc, tt.fs)
			if tt.err != "" {
				if err == nil || !strings.Contains(err.Error(), tt.err) {
					t.Fatalf("error %v, want one containing %q", err, tt.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if string(res.Data) != tt.raw || len(res.Applied) != 0 {
				t.Errorf("applied %v", res.Applied)
			}
			if len(res.Skipped) != 1 || !strings.Contains(res.Skipped[0].Reason, tt.skipped) {
				t.Errorf("skipped %v, want one containing %q", res.Skipped, tt.skipped)
			}
		})
	}
}
