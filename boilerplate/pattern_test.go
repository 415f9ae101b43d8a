package boilerplate

import (
	"strings"
	"testing"
)

// TestParsePattern checks the pattern syntax: kinds, alternatives,
// optional words, numbers and "...".
func TestParsePattern(t *testing.T) {
	for _, tt := range []struct {
		pattern string
		kind    Kind
		match   []string
		miss    []string
	}{
		{"related: our picks", Related, []string{"Our Picks", "OUR PICKS:", "Our picks: the week in photos"}, []string{"Our picks were late", "Picks"}},
		{"subscribe [now|today] ...", Furniture, []string{"Subscribe", "Subscribe today for $1", "subscribe now"}, []string{"Please subscribe"}},
		{"paywall: # days free", Paywall, []string{"14 days free", "30 days free."}, []string{"Many days free"}},
		{"rights: ... all rights reserved ...", Rights, []string{"All rights reserved", "Acme Ltd. All Rights Reserved. Do not copy."}, []string{"All rights"}},
		{"sign-in: inicia sesión", SignIn, []string{"Inicia sesion", "INICIA SESIÓN"}, nil},
		{"share: don't miss", Share, []string{"Don’t miss", "don't miss!"}, nil},
	} {
		ph, err := ParsePattern(tt.pattern)
		if err != nil {
			t.Fatalf("ParsePattern(%q): %v", tt.pattern, err)
		}
		if ph.Kind != tt.kind {
			t.Errorf("ParsePattern(%q).Kind = %s, want %s", tt.pattern, ph.Kind, tt.kind)
		}
		m, _ := NewMatcher([]Pattern{ph}, DefaultMaxWords)
		for _, line := range tt.match {
			if got, ok := m.Line(line); !ok || got.Kind != tt.kind || got.Pattern != tt.pattern {
				t.Errorf("%q does not match %q: %+v %v", tt.pattern, line, got, ok)
			}
		}
		for _, line := range tt.miss {
			if got, ok := m.Line(line); ok {
				t.Errorf("%q matches %q: %+v", tt.pattern, line, got)
			}
		}
	}
}

// TestParsePatternErrors checks that bad patterns are rejected with a
// message naming them.
func TestParsePatternErrors(t *testing.T) {
	for pattern, want := range map[string]string{
		"":                    "has no required word",
		"[sign] [up]":         "has no required word",
		"...":                 "has no required word",
		"sign [up":            `bad word "[up"`,
		"sign up|":            `bad word "up|"`,
		"[two words] here":    `bad word "[two"`,
		"paywal: subscribe":   `unknown kind "paywal"`,
		"repeated: subscribe": `unknown kind "repeated"`,
		"sign-up/now":         `bad word "sign-up/now"`,
	} {
		_, err := ParsePattern(pattern)
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("ParsePattern(%q) = %v, want an error with %q", pattern, err, want)
		}
	}
	if _, err := NewMatcher(nil, 0); err == nil {
		t.Error("NewMatcher accepted a word limit of 0")
	}
}

// TestBuiltinPatterns checks that every built-in phrase parses and names
// a kind.
func TestBuiltinPatterns(t *testing.T) {
	for _, text := range Builtin() {
		ph, err := ParsePattern(text)
		if err != nil {
			t.Error(err)
			continue
		}
		if ph.Kind == Furniture {
			t.Errorf("built-in phrase %q names no kind", text)
		}
	}
}
