package fix

import (
	"fmt"
	"sort"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/newslint/newslint/draft"
	"github.com/newslint/newslint/lint"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
)

// Edit is one change to a file: replace the bytes [Start, End) of the
// original file with Text, written in the file's encoding.
type Edit struct {
	Start, End int    // byte offsets in the original file
	Old        string // the text replaced, decoded
	Text       string // the new text, UTF-8
	// Pos is where the edit starts (line and column in the decoded text),
	// for messages.
	Pos draft.Position
	// Rules holds the rule of each finding that suggested this edit: one,
	// or more when findings suggested the identical edit, applied once.
	Rules []string
	data  []byte // Text in the file's encoding
}

// Skipped is a safe edit that Apply did not make, and why.
type Skipped struct {
	Edit   Edit
	Reason string
}

// Result is what Apply made of a file.
type Result struct {
	// Data is the file's new content; it is the original slice when no
	// edit applies.
	Data []byte
	// Applied holds the edits made, in file order; no two overlap.
	Applied []Edit
	// Skipped holds the safe edits not made.
	Skipped []Skipped
}

// Fixed returns the number of findings whose edit was applied.
func (r Result) Fixed() int {
	n := 0
	for _, e := range r.Applied {
		n += len(e.Rules)
	}
	return n
}

// Apply applies the first safe suggestion of each finding to raw, the
// bytes of a file read in encoding enc, using the suggestions' offsets in
// those bytes. Edits are ordered by start and end offset, then rule and
// text; an edit that overlaps one kept before it is skipped, as is an
// insertion at the point of a different insertion kept before it, and
// identical edits are made once. An edit whose text the encoding cannot
// hold, or whose original text is not what the file holds at its
// offsets, is skipped with its reason; so are all the edits to a
// Windows-1252 file that would turn it into valid UTF-8 of other text.
// Apply fails only when a suggestion
// lies outside raw, which means the findings are not about these bytes.
func Apply(raw []byte, enc draft.Encoding, findings []lint.Finding) (Result, error) {
	res := Result{Data: raw}
	var edits []Edit
	for _, f := range findings {
		s, ok := firstSafe(f)
		if !ok {
			continue
		}
		e := Edit{Start: s.Start.Offset, End: s.End.Offset, Old: s.Old, Text: s.Text, Pos: s.Start, Rules: []string{f.Rule}}
		if e.Start < 0 || e.End < e.Start || e.End > len(raw) {
			return Result{Data: raw}, fmt.Errorf("fix: %s suggestion at bytes %d to %d lies outside the file (%d bytes)",
				f.Rule, e.Start, e.End, len(raw))
		}
		if reason := prepare(raw, enc, &e); reason != "" {
			res.Skipped = append(res.Skipped, Skipped{Edit: e, Reason: reason})
			continue
		}
		edits = append(edits, e)
	}
	sort.SliceStable(edits, func(i, j int) bool {
		a, b := &edits[i], &edits[j]
		switch {
		case a.Start != b.Start:
			return a.Start < b.Start
		case a.End != b.End:
			return a.End < b.End
		case a.Rules[0] != b.Rules[0]:
			return a.Rules[0] < b.Rules[0]
		}
		return a.Text < b.Text
	})
	for _, e := range edits {
		// Kept edits are sorted and disjoint, so an edit can only clash
		// with the last one kept.
		if n := len(res.Applied); n > 0 {
			last := &res.Applied[n-1]
			switch {
			case e.Start == last.Start && e.End == last.End && e.Text == last.Text:
				last.Rules = append(last.Rules, e.Rules...)
				continue
			case e.Start < last.End && last.Start < e.End:
				res.Skipped = append(res.Skipped, Skipped{Edit: e,
					Reason: fmt.Sprintf("overlaps the %s fix at %d:%d", last.Rules[0], last.Pos.Line, last.Pos.Column)})
				continue
			case e.Start == e.End && last.Start == last.End && e.Start == last.Start:
				res.Skipped = append(res.Skipped, Skipped{Edit: e,
					Reason: fmt.Sprintf("conflicts with the %s fix inserting %q at the same point", last.Rules[0], last.Text)})
				continue
			}
		}
		res.Applied = append(res.Applied, e)
	}
	if len(res.Applied) == 0 {
		return res, nil
	}
	size := len(raw)
	for _, e := range res.Applied {
		size += len(e.data) - (e.End - e.Start)
	}
	out := make([]byte, 0, size)
	at := 0
	for _, e := range res.Applied {
		out = append(out, raw[at:e.Start]...)
		out = append(out, e.data...)
		at = e.End
	}
	out = append(out, raw[at:]...)
	if enc == draft.Windows1252 && utf8.Valid(out) && decode(out, enc) != string(out) {
		// The new bytes happen to be valid UTF-8, so the file would next
		// be read as UTF-8 and every non-ASCII character would change.
		for _, e := range res.Applied {
			res.Skipped = append(res.Skipped, Skipped{Edit: e,
				Reason: "the fixed file would read as UTF-8 rather than Windows-1252, changing its other text"})
		}
		res.Applied = nil
		return res, nil
	}
	res.Data = out
	return res, nil
}

// firstSafe returns a finding's first safe suggestion.
func firstSafe(f lint.Finding) (lint.Suggestion, bool) {
	for _, s := range f.Suggestions {
		if s.Safe {
			return s, true
		}
	}
	return lint.Suggestion{}, false
}

// prepare checks an edit against the file and encodes its text, returning
// why the edit cannot be made, or "".
func prepare(raw []byte, enc draft.Encoding, e *Edit) string {
	if !boundary(raw, enc, e.Start) || !boundary(raw, enc, e.End) {
		return "the suggestion does not start and end on character boundaries"
	}
	if old := decode(raw[e.Start:e.End], enc); old != e.Old {
		return fmt.Sprintf("the file holds %q here, not %q as the rule saw", old, e.Old)
	}
	if e.Text == e.Old {
		return "the suggestion changes nothing"
	}
	data, ok := encode(e.Text, enc)
	if !ok {
		return fmt.Sprintf("%q cannot be written in %s, the file's encoding", e.Text, enc)
	}
	e.data = data
	return ""
}

// boundary reports whether off starts a character of raw (or is its end),
// after any byte-order mark.
func boundary(raw []byte, enc draft.Encoding, off int) bool {
	switch enc {
	case draft.UTF8BOM:
		if off < 3 {
			return false
		}
		fallthrough
	case draft.UTF8:
		return off == len(raw) || utf8.RuneStart(raw[off])
	case draft.UTF16LE, draft.UTF16BE:
		if off < 2 || off%2 != 0 {
			return false
		}
		if off+1 < len(raw) {
			// Not between the halves of a surrogate pair.
			return !utf16.IsSurrogate(rune(unit16(raw, off, enc))) || unit16(raw, off, enc) < 0xDC00
		}
		return true
	}
	return true
}

func unit16(raw []byte, i int, enc draft.Encoding) uint16 {
	if enc == draft.UTF16LE {
		return uint16(raw[i]) | uint16(raw[i+1])<<8
	}
	return uint16(raw[i])<<8 | uint16(raw[i+1])
}

// decode reads part of a file as the draft package does.
func decode(b []byte, enc draft.Encoding) string {
	switch enc {
	case draft.Windows1252:
		rs := make([]rune, len(b))
		for i, c := range b {
			rs[i] = charmap.Windows1252.DecodeByte(c)
		}
		return string(rs)
	case draft.UTF16LE, draft.UTF16BE:
		units := make([]uint16, 0, len(b)/2)
		for i := 0; i+1 < len(b); i += 2 {
			units = append(units, unit16(b, i, enc))
		}
		return string(utf16.Decode(units))
	}
	return string(b)
}

// encode writes text in enc, reporting false when enc cannot hold it.
func encode(text string, enc draft.Encoding) ([]byte, bool) {
	switch enc {
	case draft.Windows1252:
		out := make([]byte, 0, len(text))
		for _, r := range text {
			if r == utf8.RuneError {
				return nil, false
			}
			b, ok := charmap.Windows1252.EncodeRune(r)
			if !ok {
				return nil, false
			}
			out = append(out, b)
		}
		return out, true
	case draft.UTF16LE, draft.UTF16BE:
		order := unicode.LittleEndian
		if enc == draft.UTF16BE {
			order = unicode.BigEndian
		}
		out, err := unicode.UTF16(order, unicode.IgnoreBOM).NewEncoder().Bytes([]byte(text))
		return out, err == nil
	}
	return []byte(text), true
}
