package fix

import (
	"bytes"
	"fmt"
	"path"
	"path/filepath"
	"strings"

	"github.com/sergi/go-diff/diffmatchpatch"
)

// context is the number of unchanged lines shown around each change.
const context = 3

// line is one line of a diff: ' ' kept, '-' removed, '+' added. Its text
// keeps its line terminator; only a file's last line may lack one.
type line struct {
	op   byte
	text string
}

// UnifiedDiff returns the changes from old to new, the content of the file
// at path before and after, in the unified format of diff -u with three
// lines of context, which git apply and patch -p1 accept. The file is
// named a/PATH and b/PATH. It returns "" when old and new are equal.
func UnifiedDiff(path string, old, new []byte) string {
	if bytes.Equal(old, new) {
		return ""
	}
	lines := diffLines(string(old), string(new))
	name := diffPath(path)
	var b strings.Builder
	fmt.Fprintf(&b, "--- a/%s\n+++ b/%s\n", name, name)
	oldLine, newLine := 0, 0 // lines before lines[i] in each file
	for i := 0; i < len(lines); {
		if lines[i].op == ' ' {
			oldLine++
			newLine++
			i++
			continue
		}
		// A hunk: the change at i, context before it, and every later
		// change separated from the one before by at most 2*context kept
		// lines.
		start := i
		for start > 0 && i-start < context && lines[start-1].op == ' ' {
			start--
		}
		end := i
		for kept := 0; end < len(lines) && kept <= 2*context; end++ {
			if lines[end].op == ' ' {
				kept++
			} else {
				kept = 0
			}
		}
		// end is past the run of kept lines that stopped the hunk (or the
		// end); trim the trailing kept lines to context.
		for end > i && lines[end-1].op == ' ' && trailingKept(lines[:end]) > context {
			end--
		}
		oldStart, newStart := oldLine-(i-start), newLine-(i-start)
		oldCount, newCount := 0, 0
		for _, l := range lines[start:end] {
			if l.op != '+' {
				oldCount++
			}
			if l.op != '-' {
				newCount++
			}
		}
		fmt.Fprintf(&b, "@@ -%s +%s @@\n", hunkRange(oldStart, oldCount), hunkRange(newStart, newCount))
		for _, l := range lines[start:end] {
			b.WriteByte(l.op)
			b.WriteString(l.text)
			if !strings.HasSuffix(l.text, "\n") {
				b.WriteString("\n\\ No newline at end of file\n")
			}
		}
		// Continue after the hunk, counting its lines.
		for _, l := range lines[i:end] {
			if l.op != '+' {
				oldLine++
			}
			if l.op != '-' {
				newLine++
			}
		}
		i = end
	}
	return b.String()
}

// trailingKept counts the kept lines at the end of ls.
func trailingKept(ls []line) int {
	n := 0
	for n < len(ls) && ls[len(ls)-1-n].op == ' ' {
		n++
	}
	return n
}

// hunkRange writes a hunk's start and length the way diff -u does: the
// 1-based first line, or for an empty range the line before it.
func hunkRange(before, count int) string {
	if count == 0 {
		return fmt.Sprintf("%d,0", before)
	}
	if count == 1 {
		return fmt.Sprintf("%d", before+1)
	}
	return fmt.Sprintf("%d,%d", before+1, count)
}

// diffPath is the path a diff names: slash-separated and clean, without a
// leading slash (a/ is prefixed to it).
func diffPath(p string) string {
	return strings.TrimPrefix(path.Clean(filepath.ToSlash(p)), "/")
}

// diffLines diffs two texts line by line: each distinct line becomes one
// rune, and the runes are diffed.
func diffLines(a, b string) []line {
	ids := map[string]rune{}
	var texts []string
	runes := func(s string) []rune {
		var out []rune
		for len(s) > 0 {
			n := strings.IndexByte(s, '\n') + 1
			if n == 0 {
				n = len(s)
			}
			l := s[:n]
			s = s[n:]
			r, ok := ids[l]
			if !ok {
				r = symbol(len(texts))
				ids[l] = r
				texts = append(texts, l)
			}
			out = append(out, r)
		}
		return out
	}
	ra, rb := runes(a), runes(b)
	dmp := diffmatchpatch.New()
	dmp.DiffTimeout = 0 // the same diff every time
	var out []line
	for _, d := range dmp.DiffMainRunes(ra, rb, false) {
		op := byte(' ')
		switch d.Type {
		case diffmatchpatch.DiffDelete:
			op = '-'
		case diffmatchpatch.DiffInsert:
			op = '+'
		}
		for _, r := range d.Text {
			out = append(out, line{op: op, text: texts[index(r)]})
		}
	}
	return out
}

// symbol and index map line numbers to runes and back, skipping the
// surrogate range, which a Go string cannot hold.
func symbol(i int) rune {
	if i >= 0xD800 {
		return rune(i + 0x800)
	}
	return rune(i)
}

func index(r rune) int {
	if r >= 0xE000 {
		return int(r) - 0x800
	}
	return int(r)
}
