package rules

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/newslint/newslint/config"
	"github.com/newslint/newslint/draft"
	"github.com/newslint/newslint/lint"
	"github.com/newslint/newslint/reuse"
	"golang.org/x/tools/txtar"
)

var update = flag.Bool("update", false, "rewrite the expectations in testdata/*/*.txtar from the rules' output")

// A test case is a txtar archive in testdata/<rule-id>/:
//
//	comment: what the case is about
//	-- draft.md --            the draft; its extension picks the format
//	The the council met.      // want repeated-word:1 `repeated word "the"`
//	-- .newslint.yml --       optional configuration
//	-- fixed --               optional: the draft after applying every suggestion
//	-- safe --                optional: the draft after applying the safe ones
//
// Expectations sit at the end of the line a finding starts on, after
// "// want": RULE:COLUMN and the exact message as a Go string literal,
// several per line if needed. They are stripped before linting. A finding
// without an expectation fails the test, and so does an expectation
// without a finding. Run `go test ./rules -update` to rewrite them.

// failer is the part of testing.T the harness uses, so that the harness
// itself can be tested with a fake.
type failer interface {
	Helper()
	Errorf(format string, args ...any)
	Fatalf(format string, args ...any)
}

// want is one expected finding.
type want struct {
	line, col int
	rule, msg string
}

func (w want) String() string { return fmt.Sprintf("%d:%d %s %q", w.line, w.col, w.rule, w.msg) }

const wantMarker = "// want "

// splitWants removes the expectations from a draft and returns them.
func splitWants(t failer, text string) (string, []want) {
	t.Helper()
	var wants []want
	lines := strings.Split(text, "\n")
	for i, line := range lines {
		k := strings.Index(line, wantMarker)
		if k < 0 {
			continue
		}
		rest := line[k+len(wantMarker):]
		lines[i] = strings.TrimRight(line[:k], " \t")
		for rest = strings.TrimSpace(rest); rest != ""; rest = strings.TrimSpace(rest) {
			head, tail, ok := strings.Cut(rest, " ")
			id, colText, ok2 := strings.Cut(head, ":")
			col, err := strconv.Atoi(colText)
			if !ok || !ok2 || err != nil {
				t.Fatalf("line %d: bad expectation %q (want RULE:COL \"message\")", i+1, rest)
			}
			lit, err := strconv.QuotedPrefix(strings.TrimSpace(tail))
			if err != nil {
				t.Fatalf("line %d: bad message in expectation %q: %v", i+1, rest, err)
			}
			msg, _ := strconv.Unquote(lit)
			wants = append(wants, want{line: i + 1, col: col, rule: id, msg: msg})
			rest = strings.TrimPrefix(strings.TrimSpace(tail)[len(lit):], " ")
			rest = strings.TrimPrefix(strings.TrimSpace(rest), strings.TrimSpace(wantMarker))
		}
	}
	return strings.Join(lines, "\n"), wants
}

// joinWants writes expectations back at the end of their lines.
func joinWants(text string, wants []want) string {
	lines := strings.Split(text, "\n")
	for _, w := range wants {
		lit := strconv.Quote(w.msg)
		if !strings.Contains(w.msg, "`") {
			lit = "`" + w.msg + "`"
		}
		if strings.Contains(lines[w.line-1], wantMarker) {
			lines[w.line-1] += fmt.Sprintf(" %s:%d %s", w.rule, w.col, lit)
		} else {
			lines[w.line-1] += fmt.Sprintf("  %s%s:%d %s", wantMarker, w.rule, w.col, lit)
		}
	}
	return strings.Join(lines, "\n")
}

// lintCase lints a draft with every rule under the case's configuration.
func lintCase(t failer, path, name, text string, cfgText []byte, corpus ...*reuse.Corpus) lint.FileResult {
	t.Helper()
	registry := All()
	cfg := config.Default(".", registry)
	if cfgText != nil {
		var err error
		if cfg, err = config.Parse(filepath.Join(filepath.Dir(path), ".newslint.yml"), cfgText, registry); err != nil {
			t.Fatalf("%s: %v", path, err)
		}
	}
	doc, err := draft.NewParser().ParseWith(name, []byte(text), draft.Options{Format: draft.FormatOf(name), Language: cfg.Language})
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	rules, err := cfg.Rules(name)
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	set := lint.RuleSet{Rules: rules, Language: cfg.Language, Languages: cfg.Languages, Vocabulary: cfg.Vocabulary}
	if len(corpus) > 0 {
		set.Corpus = corpus[0]
	}
	res, err := lint.NewEngine(registry).Lint(doc, set)
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return res
}

// runCase checks one txtar case.
func runCase(t failer, path string) {
	ar, err := txtar.ParseFile(path)
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	var draftFile *txtar.File
	sources := map[string][]*txtar.File{} // archive/NAME and run/NAME sections
	var cfgText, fixed, safe []byte
	hasFixed, hasSafe := false, false
	for i := range ar.Files {
		f := &ar.Files[i]
		switch f.Name {
		case ".newslint.yml":
			cfgText = f.Data
		case "fixed":
			fixed, hasFixed = f.Data, true
		case "safe":
			safe, hasSafe = f.Data, true
		default:
			if dir, _, ok := strings.Cut(f.Name, "/"); ok && (dir == "archive" || dir == "run") {
				sources[dir] = append(sources[dir], f)
				continue
			}
			if draftFile != nil {
				t.Fatalf("%s: more than one draft (%s, %s)", path, draftFile.Name, f.Name)
			}
			draftFile = f
		}
	}
	if draftFile == nil {
		t.Fatalf("%s: no draft section", path)
	}
	text, wants := splitWants(t, string(draftFile.Data))
	res := lintCase(t, path, draftFile.Name, text, cfgText, caseCorpus(t, path, sources))

	var got []want
	for _, f := range res.Findings {
		got = append(got, want{line: f.Start.Line, col: f.Start.Column, rule: f.Rule, msg: f.Message})
	}
	fixedText := applySuggestions(text, res.Findings, false)
	safeText := applySuggestions(text, res.Findings, true)

	if *update {
		draftFile.Data = []byte(joinWants(text, got))
		for i := range ar.Files {
			if ar.Files[i].Name == "fixed" {
				ar.Files[i].Data = []byte(fixedText)
			}
			if ar.Files[i].Name == "safe" {
				ar.Files[i].Data = []byte(safeText)
			}
		}
		if err := os.WriteFile(path, txtar.Format(ar), 0o644); err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		return
	}
	key := func(w want) string { return fmt.Sprintf("%06d %06d %s %s", w.line, w.col, w.rule, w.msg) }
	gotSet := map[string]bool{}
	for _, w := range got {
		gotSet[key(w)] = true
	}
	wantSet := map[string]bool{}
	for _, w := range wants {
		wantSet[key(w)] = true
		if !gotSet[key(w)] {
			t.Errorf("%s: missing finding %v", path, w)
		}
	}
	for _, w := range got {
		if !wantSet[key(w)] {
			t.Errorf("%s: unexpected finding %v", path, w)
		}
	}
	if hasFixed && fixedText != string(fixed) {
		t.Errorf("%s: after fixes\n%s\nwant\n%s", path, fixedText, fixed)
	}
	if hasSafe && safeText != string(safe) {
		t.Errorf("%s: after safe fixes\n%s\nwant\n%s", path, safeText, safe)
	}
}

// caseCorpus indexes a case's archive/NAME sections as the archive and its
// run/NAME sections as the other drafts of the run; nil when it has none.
func caseCorpus(t failer, path string, sources map[string][]*txtar.File) *reuse.Corpus {
	if len(sources) == 0 {
		return nil
	}
	corpus := &reuse.Corpus{}
	for _, dir := range []string{"archive", "run"} {
		if len(sources[dir]) == 0 {
			continue
		}
		name := "archive"
		if dir == "run" {
			name = "this run"
		}
		idx := reuse.NewIndex(name)
		for _, f := range sources[dir] {
			doc, err := draft.NewParser().ParseWith(f.Name, f.Data, draft.Options{Format: draft.FormatOf(f.Name), TextOnly: true})
			if err != nil {
				t.Fatalf("%s: %s: %v", path, f.Name, err)
			}
			idx.Add(reuse.ArticleOf(doc), reuse.Paragraphs(doc))
		}
		corpus.Sources = append(corpus.Sources, idx)
	}
	return corpus
}

// applySuggestions applies the first suggestion of every finding (only
// safe ones when onlySafe), skipping any that overlaps one already applied.
func applySuggestions(text string, fs []lint.Finding, onlySafe bool) string {
	var edits []lint.Suggestion
	for _, f := range fs {
		if len(f.Suggestions) > 0 && (!onlySafe || f.Suggestions[0].Safe) {
			edits = append(edits, f.Suggestions[0])
		}
	}
	sort.Slice(edits, func(i, j int) bool { return edits[i].Span.Start < edits[j].Span.Start })
	var b strings.Builder
	pos := 0
	for _, e := range edits {
		if e.Span.Start < pos {
			continue
		}
		b.WriteString(text[pos:e.Span.Start])
		b.WriteString(e.Text)
		pos = e.Span.End
	}
	b.WriteString(text[pos:])
	return b.String()
}

// TestRules runs every case in testdata/<rule-id>/*.txtar. Every rule must
// have cases.
func TestRules(t *testing.T) {
	for _, r := range All() {
		id := r.Meta().ID
		files, err := filepath.Glob(filepath.Join("testdata", id, "*.txtar"))
		if err != nil || len(files) == 0 {
			t.Errorf("rule %s has no test cases in testdata/%s/", id, id)
			continue
		}
		for _, f := range files {
			t.Run(id+"/"+strings.TrimSuffix(filepath.Base(f), ".txtar"), func(t *testing.T) {
				t.Parallel()
				runCase(t, f)
			})
		}
	}
}

// TestCleanCorpus lints the clean, well-edited stories in
// ../testdata/clean with every rule at its defaults: any finding there is
// a false positive.
func TestCleanCorpus(t *testing.T) {
	files, _ := filepath.Glob("../testdata/clean/*")
	if len(files) < 5 {
		t.Fatalf("clean corpus has %d files, want at least 5", len(files))
	}
	for _, path := range files {
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		res := lintCase(t, path, filepath.Base(path), string(data), nil)
		for _, f := range res.Findings {
			t.Errorf("%s:%d:%d: false positive: %s %s", path, f.Start.Line, f.Start.Column, f.Rule, f.Message)
		}
	}
}

// TestHarnessCatchesMistakes checks the harness itself: a wrong message,
// a wrong column and a missing expectation must each fail.
func TestHarnessCatchesMistakes(t *testing.T) {
	text, wants := splitWants(t, "Intro.\n\nThe the end.  // want repeated-word:1 `repeated word \"the\"`\n")
	if len(wants) != 1 || wants[0] != (want{line: 3, col: 1, rule: "repeated-word", msg: `repeated word "the"`}) {
		t.Fatalf("splitWants = %v", wants)
	}
	if strings.Contains(text, "want") {
		t.Fatalf("expectation not stripped: %q", text)
	}
	for name, body := range map[string]string{
		"wrong message": "Intro.\n\nThe the end.  // want repeated-word:1 `repeated word \"The\"`\n",
		"wrong column":  "Intro.\n\nThe the end.  // want repeated-word:2 `repeated word \"the\"`\n",
		"missing":       "Intro.\n\nThe the end.\n",
		"spurious":      "Intro.\n\nThe end.  // want repeated-word:1 `repeated word \"the\"`\n",
	} {
		path := filepath.Join(t.TempDir(), "case.txtar")
		if err := os.WriteFile(path, []byte("-- draft.txt --\n"+body), 0o644); err != nil {
			t.Fatal(err)
		}
		inner := &recorder{}
		func() {
			defer func() {
				if v := recover(); v != nil && v != errFatal {
					panic(v)
				}
			}()
			runCase(inner, path)
		}()
		if !inner.failed {
			t.Errorf("%s: the harness accepted a wrong expectation", name)
		}
	}
}

// recorder is a failer that records failure; Fatalf stops the case by
// panicking with errFatal.
type recorder struct{ failed bool }

var errFatal = fmt.Errorf("fatal")

func (r *recorder) Helper()               {}
func (r *recorder) Errorf(string, ...any) { r.failed = true }
func (r *recorder) Fatalf(string, ...any) { r.failed = true; panic(errFatal) }
