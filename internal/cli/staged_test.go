package cli

import (
	"reflect"
	"strings"
	"testing"
)

func TestParseStagedDiff(t *testing.T) {
	const (
		zero = "0000000000000000000000000000000000000000"
		a    = "45b983be36b73c0788dc9cbcb76cbb80fc7bb057"
		b    = "65ef226608e282dd5451753dfa9dbb21f230a731"
	)
	tests := []struct {
		name    string
		raw     []string // NUL-separated fields
		want    []stagedFile
		wantErr bool
	}{
		{name: "nothing staged", raw: nil, want: nil},
		{name: "added and modified, odd names",
			raw:  []string{":000000 100644 " + zero + " " + a + " A", "news/a b.md", ":100644 100755 " + a + " " + b + " M", "ü\nnew line.txt"},
			want: []stagedFile{{"news/a b.md", a}, {"ü\nnew line.txt", b}}},
		{name: "renamed and copied: the new path",
			raw:  []string{":100644 100644 " + a + " " + b + " R086", "old.md", "new.md", ":100644 100644 " + a + " " + a + " C100", "x.md", "y.md"},
			want: []stagedFile{{"new.md", b}, {"y.md", a}}},
		{name: "symbolic links and submodules left out",
			raw:  []string{":000000 120000 " + zero + " " + a + " A", "link.md", ":000000 160000 " + zero + " " + b + " A", "sub", ":000000 100644 " + zero + " " + b + " A", "real.md"},
			want: []stagedFile{{"real.md", b}}},
		{name: "a header without its path", raw: []string{":000000 100644 " + zero + " " + a + " A"}, wantErr: true},
		{name: "a rename without its new path", raw: []string{":100644 100644 " + a + " " + b + " R090", "old.md"}, wantErr: true},
		{name: "not raw output", raw: []string{"diff --git a/x b/x", "x"}, wantErr: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var out []byte
			if tt.raw != nil {
				out = []byte(strings.Join(tt.raw, "\x00") + "\x00")
			}
			got, err := parseStagedDiff(out)
			if (err != nil) != tt.wantErr {
				t.Fatalf("error %v, want error %v", err, tt.wantErr)
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func TestNamedOrUnder(t *testing.T) {
	tests := []struct {
		path         string
		names        []string
		named, under bool
	}{
		{"a.md", nil, false, true},
		{"a.md", []string{"a.md"}, true, true},
		{"a.md", []string{"./a.md"}, true, true},
		{"news/a.md", []string{"news"}, false, true},
		{"news/a.md", []string{"news/"}, false, true},
		{"news/a.md", []string{"other", "news"}, false, true},
		{"news/a.md", []string{"new"}, false, false},
		{"newsroom/a.md", []string{"news"}, false, false},
		{"a.md", []string{"b.md"}, false, false},
		{"news/a.md", []string{"."}, false, true},
		{"../a.md", []string{"."}, false, false},
		{"../a.md", []string{".."}, false, true},
		{"../a.md", []string{"../a.md"}, true, true},
	}
	for _, tt := range tests {
		named, under := namedOrUnder(tt.path, tt.names)
		if named != tt.named || under != tt.under {
			t.Errorf("namedOrUnder(%q, %q) = %v, %v, want %v, %v", tt.path, tt.names, named, under, tt.named, tt.under)
		}
	}
}

func TestHookScript(t *testing.T) {
	for _, tt := range []struct{ exe, want string }{
		{"/usr/local/bin/newslint", "installed='/usr/local/bin/newslint'\n"},
		{"/home/o'brien/go/bin/newslint", `installed='/home/o'\''brien/go/bin/newslint'` + "\n"},
		{"", "installed=''\n"},
	} {
		s := hookScript(tt.exe)
		if !strings.HasPrefix(s, "#!/bin/sh\n"+hookMarker+"\n") || !strings.Contains(s, tt.want) || !strings.HasSuffix(s, "exec \"$newslint\" check --staged\n") {
			t.Errorf("hookScript(%q) lacks the shebang, the marker, %q or the command:\n%s", tt.exe, tt.want, s)
		}
	}
}
