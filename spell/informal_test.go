package spell

import (
	"strings"
	"testing"
)

func TestBuiltinInformal(t *testing.T) {
	in := BuiltinInformal()
	if n := in.Len(); n < 60 || n > 100 {
		t.Errorf("built-in informal list has %d entries, want 60-100", n)
	}
	tests := []struct {
		word, repl  string
		hasRepl, ok bool
	}{
		{"gonna", "going to", true, true},
		{"dunno", "don't know", true, true},
		{"lol", "", true, true},
		{"bae", "", false, true},
		{"yeah", "yes", true, true},
		{"news", "", false, false},
		{"u", "", false, false},
		{"ya", "", false, false},
		{"ain't", "", false, false},
		{"GONNA", "", false, false}, // callers pass lower case
	}
	for _, tt := range tests {
		repl, hasRepl, ok := in.Lookup(tt.word)
		if repl != tt.repl || hasRepl != tt.hasRepl || ok != tt.ok {
			t.Errorf("Lookup(%q) = %q, %v, %v; want %q, %v, %v", tt.word, repl, hasRepl, ok, tt.repl, tt.hasRepl, tt.ok)
		}
	}
	if BuiltinInformal() != in {
		t.Error("BuiltinInformal parses more than once")
	}
}

// TestInformalNotOrdinaryWords checks that words of ordinary news copy
// (initials, elisions, foreign words) stay off the built-in list.
func TestInformalNotOrdinaryWords(t *testing.T) {
	// Words of ordinary news copy that must never be listed.
	for _, w := range strings.Fields("u ur r ya cos til thru gal lil bro sup def ok us it's cause news") {
		if _, _, ok := BuiltinInformal().Lookup(w); ok {
			t.Errorf("%q is listed but is ordinary news copy", w)
		}
	}
}

func TestParseInformal(t *testing.T) {
	src := "# comment\r\n\r\ngonna -> going to\nlol ->\n  bae  \nY’all -> you all\n"
	in, err := ParseInformal("x.txt", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	if in.Len() != 4 {
		t.Errorf("Len() = %d, want 4", in.Len())
	}
	if r, h, ok := in.Lookup("y'all"); r != "you all" || !h || !ok {
		t.Errorf("Lookup(y'all) = %q, %v, %v", r, h, ok)
	}
	if r, h, ok := in.Lookup("lol"); r != "" || !h || !ok {
		t.Errorf("Lookup(lol) = %q, %v, %v", r, h, ok)
	}
	if r, h, ok := in.Lookup("bae"); r != "" || h || !ok {
		t.Errorf("Lookup(bae) = %q, %v, %v", r, h, ok)
	}
	var nilIn *Informal
	if _, _, ok := nilIn.Lookup("lol"); ok || nilIn.Len() != 0 {
		t.Error("nil list is not empty")
	}
	m := in.Merge(&Informal{entries: map[string]informalEntry{"lol": {repl: "ha", hasRepl: true}}})
	if r, _, _ := m.Lookup("lol"); r != "ha" || m.Len() != 4 {
		t.Errorf("Merge: Lookup(lol) = %q, Len %d", r, m.Len())
	}
	if r, _, _ := in.Lookup("lol"); r != "" {
		t.Error("Merge changed its input")
	}
	if nilIn.Merge(nil).Len() != 0 {
		t.Error("nil.Merge(nil) not empty")
	}
}

func TestParseInformalErrors(t *testing.T) {
	tests := []struct{ src, want string }{
		{"gonna\ngonna -> going to\n", `x.txt:2: "gonna" listed twice`},
		{"# c\ngon na -> going to\n", `x.txt:2: want one word before "->"`},
		{"-> going to\n", `x.txt:1: want one word before "->"`},
		{"g@nna\n", `x.txt:1: bad word "g@nna"`},
		{"gonna -> go-ing\n", `x.txt:1: bad word "go-ing" in replacement`},
	}
	for _, tt := range tests {
		in, err := ParseInformal("x.txt", []byte(tt.src))
		if err == nil || in != nil {
			t.Errorf("ParseInformal(%q): no error", tt.src)
			continue
		}
		if !strings.Contains(err.Error(), tt.want) {
			t.Errorf("ParseInformal(%q) error %q, want %q", tt.src, err, tt.want)
		}
	}
}
