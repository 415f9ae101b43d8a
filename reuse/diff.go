package reuse

import (
	"strings"
	"unicode"

	"github.com/sergi/go-diff/diffmatchpatch"
)

// Diff markers, as git's --word-diff=plain writes them: text only in the
// source is [-deleted-], text only in the draft is {+inserted+}.
const (
	DelOpen, DelClose = "[-", "-]"
	InsOpen, InsClose = "{+", "+}"
)

// WordDiff compares a source paragraph with a draft's, word by word, and
// returns the draft's text with the source's words that it dropped marked
// [-like this-] and the words it added {+like this+}. It diffs words, not
// characters (each word with the spaces after it is one symbol), and
// applies go-diff's semantic cleanup so that a changed phrase reads as one
// deletion and one insertion.
func WordDiff(source, draft string) string {
	dict := map[string]rune{}
	var words []string
	encode := func(s string) []rune {
		var out []rune
		for _, w := range splitWords(s) {
			r, ok := dict[w]
			if !ok {
				r = symbol(len(words))
				dict[w] = r
				words = append(words, w)
			}
			out = append(out, r)
		}
		return out
	}
	a, b := encode(source), encode(draft)
	dmp := diffmatchpatch.New()
	dmp.DiffTimeout = 0
	diffs := dmp.DiffMainRunes(a, b, false)
	diffs = dmp.DiffCleanupSemantic(diffs)

	var sb strings.Builder
	for _, d := range diffs {
		var text strings.Builder
		for _, r := range d.Text {
			text.WriteString(words[index(r)])
		}
		t := text.String()
		switch d.Type {
		case diffmatchpatch.DiffEqual:
			sb.WriteString(t)
		case diffmatchpatch.DiffDelete:
			writeMarked(&sb, t, DelOpen, DelClose)
		case diffmatchpatch.DiffInsert:
			writeMarked(&sb, t, InsOpen, InsClose)
		}
	}
	return sb.String()
}

// writeMarked writes t between open and close, leaving its trailing
// spaces outside the markers.
func writeMarked(sb *strings.Builder, t, open, close string) {
	core := strings.TrimRightFunc(t, unicode.IsSpace)
	if core == "" {
		sb.WriteString(t)
		return
	}
	sb.WriteString(open)
	sb.WriteString(core)
	sb.WriteString(close)
	sb.WriteString(t[len(core):])
}

// splitWords cuts s into words, each with the white space after it.
func splitWords(s string) []string {
	var out []string
	start := 0
	inSpace := false
	for i, r := range s {
		space := unicode.IsSpace(r)
		if inSpace && !space {
			out = append(out, s[start:i])
			start = i
		}
		inSpace = space
	}
	if start < len(s) {
		out = append(out, s[start:])
	}
	return out
}

// symbol maps the n-th distinct word to a rune, skipping the surrogate
// range, which a Go string cannot hold.
func symbol(n int) rune {
	r := rune(n) + 0x100
	if r >= 0xD800 {
		r += 0x800
	}
	return r
}

func index(r rune) int {
	if r >= 0xE000 {
		r -= 0x800
	}
	return int(r - 0x100)
}

// DiffSpan is a run of a word diff: equal, deleted or inserted text.
type DiffSpan struct {
	Op   int // 0 equal, -1 deleted (only in the source), 1 inserted (only in the draft)
	Text string
}

// ParseDiff splits a diff WordDiff wrote into its runs, for reporters
// that color them.
func ParseDiff(d string) []DiffSpan {
	var out []DiffSpan
	for d != "" {
		i, j := strings.Index(d, DelOpen), strings.Index(d, InsOpen)
		at, op, closer := i, -1, DelClose
		if i < 0 || (j >= 0 && j < i) {
			at, op, closer = j, 1, InsClose
		}
		if at < 0 {
			out = append(out, DiffSpan{Text: d})
			break
		}
		end := strings.Index(d[at+2:], closer)
		if end < 0 {
			out = append(out, DiffSpan{Text: d})
			break
		}
		if at > 0 {
			out = append(out, DiffSpan{Text: d[:at]})
		}
		out = append(out, DiffSpan{Op: op, Text: d[at+2 : at+2+end]})
		d = d[at+2+end+len(closer):]
	}
	return out
}
