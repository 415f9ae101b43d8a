package vocab

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func entries(ws ...string) []Entry {
	var es []Entry
	for _, w := range ws {
		es = append(es, Entry{Text: w})
	}
	return es
}

func TestVocabulary(t *testing.T) {
	v, err := New(entries("fintech", "Hegseth", "/[A-Z][a-z]+ski/", "O’Rourke"), entries("alright", "/irregardless(ly)?/"))
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		w              string
		accept, reject bool
	}{
		{"fintech", true, false},
		{"Fintech", true, false}, // lower-case entry: any case
		{"Hegseth", true, false},
		{"hegseth", false, false}, // capitalized entry: exact
		{"Kowalski", true, false},
		{"kowalski", false, false},
		{"Kowalskis", false, false}, // a regexp matches the whole word
		{"O'Rourke", true, false},
		{"alright", false, true},
		{"Alright", false, true},
		{"irregardlessly", false, true},
		{"regardless", false, false},
	} {
		if got := v.Accepts(c.w); got != c.accept {
			t.Errorf("Accepts(%q) = %v", c.w, got)
		}
		if got := v.Rejects(c.w); got != c.reject {
			t.Errorf("Rejects(%q) = %v", c.w, got)
		}
	}
	var none *Vocabulary
	if none.Accepts("x") || none.Rejects("x") || !none.Empty() || v.Empty() {
		t.Error("nil or Empty misbehaves")
	}
}

func TestBadEntries(t *testing.T) {
	for _, bad := range []string{"", "  ", "two words", "/(unclosed/"} {
		_, err := New([]Entry{{Text: bad, Where: "x.yml:3:5"}}, nil)
		if err == nil || !strings.HasPrefix(err.Error(), "x.yml:3:5: ") {
			t.Errorf("New(%q) error = %v, want one starting with the place", bad, err)
		}
	}
}

func TestReadFile(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "accept.txt")
	os.WriteFile(p, []byte("\ufeff# names\nSheinbaum\n\n  /Nw[a-z]+/  \n"), 0o644)
	es, err := ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	if len(es) != 2 || es[0].Text != "Sheinbaum" || es[0].Where != p+":2" || es[1].Text != "/Nw[a-z]+/" || es[1].Where != p+":4" {
		t.Errorf("ReadFile = %+v", es)
	}
	if _, err := ReadFile(filepath.Join(dir, "missing.txt")); err == nil {
		t.Error("missing file accepted")
	}
	os.WriteFile(p, []byte("caf\xe9\n"), 0o644)
	if _, err := ReadFile(p); err == nil || !strings.Contains(err.Error(), "not UTF-8") {
		t.Errorf("Latin-1 file: %v", err)
	}
}
