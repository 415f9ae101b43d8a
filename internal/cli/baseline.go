package cli

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"

	"github.com/newslint/newslint/lint"
	"github.com/newslint/newslint/reuse"
)

// BaselineVersion is the version of the baseline file format.
const BaselineVersion = 1

// baselineFile is the JSON a baseline is stored as: the findings a
// newsroom has accepted for now, identified by fingerprint. Rule, path and
// message are there for people reading the file and its diffs.
type baselineFile struct {
	Version  int             `json:"version"`
	Tool     string          `json:"tool"`
	Findings []baselineEntry `json:"findings"`
}

type baselineEntry struct {
	Fingerprint string `json:"fingerprint"`
	Rule        string `json:"rule"`
	Path        string `json:"path"`
	Message     string `json:"message"`
}

// writeBaseline records every finding of the run in path, atomically.
func writeBaseline(path string, results []lint.FileResult) (int, error) {
	b := baselineFile{Version: BaselineVersion, Tool: "newslint " + Version, Findings: []baselineEntry{}}
	for _, res := range results {
		for _, f := range res.Findings {
			b.Findings = append(b.Findings, baselineEntry{Fingerprint: f.Fingerprint, Rule: f.Rule, Path: baselinePath(f.Path), Message: f.Message})
		}
	}
	sort.SliceStable(b.Findings, func(i, j int) bool {
		x, y := b.Findings[i], b.Findings[j]
		if x.Path != y.Path {
			return x.Path < y.Path
		}
		if x.Rule != y.Rule {
			return x.Rule < y.Rule
		}
		return x.Fingerprint < y.Fingerprint
	})
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(b); err != nil {
		return 0, fmt.Errorf("baseline: %w", err)
	}
	if err := writeFileAtomic(path, buf.Bytes()); err != nil {
		return 0, fmt.Errorf("baseline: write %s: %w", path, err)
	}
	return len(b.Findings), nil
}

// writeFileAtomic writes data to a temporary file beside path and renames
// it over path, so a reader never sees half a file.
func writeFileAtomic(path string, data []byte) error {
	dir := filepath.Dir(path)
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(path)+".tmp*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	mode := fs.FileMode(0o644)
	if st, err := os.Stat(path); err == nil {
		mode = st.Mode().Perm()
	}
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Chmod(mode); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}

// baselinePath is how a draft's path is written in a baseline, as
// fingerprints spell it: relative to the working directory when below it,
// with forward slashes.
func baselinePath(p string) string {
	return filepath.ToSlash(filepath.Clean(reuse.DisplayPath(p)))
}

// baseline is a loaded baseline: how many times each fingerprint is
// accepted, and the draft each belongs to.
type baseline struct {
	path   string
	counts map[string]int
	paths  map[string]string // fingerprint -> draft path
	total  int
}

// loadBaseline reads a baseline file, naming the file and the line and
// column of any syntax error.
func loadBaseline(path string) (*baseline, error) {
	data, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, fmt.Errorf("baseline %s: no such file (create it with --write-baseline)", path)
	}
	if err != nil {
		return nil, fmt.Errorf("baseline: %w", err)
	}
	var b baselineFile
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&b); err != nil {
		var se *json.SyntaxError
		var te *json.UnmarshalTypeError
		switch {
		case errors.As(err, &se):
			line, col := lineCol(data, se.Offset-1) // the offending byte
			return nil, fmt.Errorf("baseline %s:%d:%d: %v", path, line, col, err)
		case errors.As(err, &te):
			line, col := lineCol(data, te.Offset)
			return nil, fmt.Errorf("baseline %s:%d:%d: %s should be %s, not %s", path, line, col, te.Field, te.Type, te.Value)
		}
		return nil, fmt.Errorf("baseline %s: %v (is it a file written by --write-baseline?)", path, err)
	}
	if b.Version != BaselineVersion {
		return nil, fmt.Errorf("baseline %s: version %d, this newslint reads version %d (rewrite it with --write-baseline)", path, b.Version, BaselineVersion)
	}
	bl := &baseline{path: path, counts: map[string]int{}, paths: map[string]string{}}
	for _, e := range b.Findings {
		bl.counts[e.Fingerprint]++
		bl.paths[e.Fingerprint] = e.Path
		bl.total++
	}
	return bl, nil
}

// lineCol turns a byte offset into a 1-based line and column.
func lineCol(data []byte, off int64) (int, int) {
	off = min(max(off, 0), int64(len(data)))
	before := data[:off]
	line := bytes.Count(before, []byte{'\n'}) + 1
	col := int(off) - (bytes.LastIndexByte(before, '\n') + 1) + 1
	return line, col
}

// filter drops the findings the baseline accepts, each fingerprint as many
// times as it was recorded. It returns the findings kept, how many were
// hidden, and how many entries for the drafts linted matched nothing
// (fixed since); entries for drafts this run did not lint are not stale.
func (b *baseline) filter(results []lint.FileResult, linted []string) (kept []lint.FileResult, hidden, stale int) {
	left := make(map[string]int, len(b.counts))
	for k, v := range b.counts {
		left[k] = v
	}
	kept = filterFindings(results, func(f lint.Finding) bool {
		if left[f.Fingerprint] > 0 {
			left[f.Fingerprint]--
			hidden++
			return false
		}
		return true
	})
	seen := make(map[string]bool, len(linted))
	for _, p := range linted {
		seen[baselinePath(p)] = true
	}
	for fp, n := range left {
		if seen[b.paths[fp]] {
			stale += n
		}
	}
	return kept, hidden, stale
}

// filterFindings keeps the findings keep accepts, dropping results left
// with none.
func filterFindings(results []lint.FileResult, keep func(lint.Finding) bool) []lint.FileResult {
	var out []lint.FileResult
	for _, res := range results {
		var fs []lint.Finding
		for _, f := range res.Findings {
			if keep(f) {
				fs = append(fs, f)
			}
		}
		if len(fs) > 0 {
			res.Findings = fs
			out = append(out, res)
		}
	}
	return out
}
