package fix

import (
	"bytes"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/newslint/newslint/draft"
	"github.com/newslint/newslint/lint"
)

// FuzzApply applies random edits to random text: Apply never panics or
// fails on edits inside the file, the edits it makes are in order and
// disjoint, the output is exactly the original with those edits made,
// every safe suggestion is either made or skipped, every edit skipped for
// a clash does clash with one made (unless the fixed Windows-1252 file
// would read as UTF-8, when none is made), and the order of the findings does
// not matter.
func FuzzApply(f *testing.F) {
	f.Add([]byte("The the end.\n"), []byte{3, 4, 0, 1, 3, 4, 0, 1, 0, 0, 2, 1})
	f.Add([]byte("Caf\xe9 \"hi\"\n"), []byte{5, 1, 3, 1, 8, 1, 4, 1, 0, 13, 5, 0})
	f.Add([]byte("«Oui» “non”"), []byte{2, 0, 4, 1, 2, 0, 4, 1, 2, 0, 1, 1})
	texts := []string{"", "x", "\u00a0", "“", "ab", "→", "é"}
	f.Fuzz(func(t *testing.T, raw, ops []byte) {
		enc := draft.UTF8
		if !utf8.Valid(raw) {
			enc = draft.Windows1252
		}
		var fs []lint.Finding
		safeCount := 0
		for i := 0; i+3 < len(ops) && len(fs) < 64; i += 4 {
			start := int(ops[i]) % (len(raw) + 1)
			end := start + int(ops[i+1])%(len(raw)-start+1)
			s := lint.Suggestion{Text: texts[int(ops[i+2])%len(texts)], Safe: ops[i+3]%4 != 0,
				Old: decode(raw[start:end], enc), Start: draft.Position{Offset: start}, End: draft.Position{Offset: end}}
			if s.Safe {
				safeCount++
			}
			fs = append(fs, lint.Finding{Rule: string(rune('a' + i%3)), Suggestions: []lint.Suggestion{s}})
		}
		res, err := Apply(raw, enc, fs)
		if err != nil {
			t.Fatal(err)
		}
		var want []byte
		at := 0
		made := 0
		for i, e := range res.Applied {
			if i > 0 {
				p := res.Applied[i-1]
				if e.Start < p.End || e.Start == p.Start && e.End == p.Start && p.End == p.Start {
					t.Fatalf("edits %v and %v out of order or overlapping", p, e)
				}
			}
			data, ok := encode(e.Text, enc)
			if !ok {
				t.Fatalf("applied %q, which %s cannot hold", e.Text, enc)
			}
			want = append(append(want, raw[at:e.Start]...), data...)
			at = e.End
			made += len(e.Rules)
		}
		want = append(want, raw[at:]...)
		if !bytes.Equal(res.Data, want) {
			t.Fatalf("output %q, want %q", res.Data, want)
		}
		skipped, reread := 0, false
		for _, s := range res.Skipped {
			skipped += len(s.Edit.Rules)
			reread = reread || strings.Contains(s.Reason, "would read as UTF-8")
		}
		if made+skipped != safeCount {
			t.Fatalf("%d made and %d skipped of %d safe suggestions", made, skipped, safeCount)
		}
		if reread && len(res.Applied) > 0 {
			t.Fatalf("edits applied to a file that would be read as UTF-8: %v", res.Applied)
		}
		for _, s := range res.Skipped {
			if reread || !strings.HasPrefix(s.Reason, "overlaps") && !strings.HasPrefix(s.Reason, "conflicts") {
				continue
			}
			clash := false
			for _, e := range res.Applied {
				overlap := s.Edit.Start < e.End && e.Start < s.Edit.End
				samePoint := s.Edit.Start == s.Edit.End && e.Start == e.End && s.Edit.Start == e.Start && s.Edit.Text != e.Text
				clash = clash || overlap || samePoint
			}
			if !clash {
				t.Fatalf("%v skipped (%s) but clashes with no edit made", s.Edit, s.Reason)
			}
		}
		reversed := make([]lint.Finding, len(fs))
		for i, f := range fs {
			reversed[len(fs)-1-i] = f
		}
		again, err := Apply(raw, enc, reversed)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(again.Data, res.Data) {
			t.Fatalf("findings in reverse order give %q, not %q", again.Data, res.Data)
		}
	})
}
