package lint

import (
	"fmt"
	"sort"
	"strings"
	"testing"
	"unsafe"

	"github.com/newslint/newslint/draft"
	"golang.org/x/text/language"
)

// fakeRule reports what its check function says.
type fakeRule struct {
	id    string
	check func(p *Pass)
}

func (r fakeRule) Meta() Meta    { return Meta{ID: r.id, Severity: Warning} }
func (r fakeRule) Check(p *Pass) { r.check(p) }
func spanOf(doc *draft.Document, s string) draft.Span {
	i := strings.Index(doc.Src, s)
	return draft.Span{Start: i, End: i + len(s)}
}

func parseDoc(t *testing.T, name, src string) *draft.Document {
	t.Helper()
	doc, err := draft.NewParser().Parse(name, []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

func TestLintPlacesSortsAndDedupes(t *testing.T) {
	doc := parseDoc(t, "a.txt", "Intro line.\n\nSecond “para” here.\n")
	r := fakeRule{id: "fake", check: func(p *Pass) {
		p.Report(Diagnostic{Span: spanOf(p.Doc, "here"), Message: "b"})
		p.Report(Diagnostic{Span: spanOf(p.Doc, "para"), Message: "a",
			Suggestions: []Edit{{Span: spanOf(p.Doc, "para"), NewText: "paragraph"}}})
		p.Report(Diagnostic{Span: spanOf(p.Doc, "here"), Message: "b"}) // duplicate
		p.Report(Diagnostic{Span: draft.Span{Start: -5, End: 1 << 20}, Message: "clamped"})
	}}
	res, err := NewEngine([]Rule{r}).Lint(doc, RuleSet{Rules: []Configured{{Rule: r, Severity: Error}}})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, f := range res.Findings {
		got = append(got, f.Message)
	}
	if strings.Join(got, ",") != "clamped,a,b" {
		t.Fatalf("findings %v, want clamped,a,b in position order without the duplicate", got)
	}
	a := res.Findings[1]
	if a.Start.Line != 3 || a.Start.Column != 9 || a.End.Column != 13 || a.Severity != Error || a.Rule != "fake" {
		t.Errorf("finding a placed at %+v-%+v sev %v", a.Start, a.End, a.Severity)
	}
	if s := a.Suggestions[0]; s.Old != "para" || s.Text != "paragraph" || s.Start.Column != 9 {
		t.Errorf("suggestion %+v", s)
	}
	if res.Lines[3] != "Second “para” here." {
		t.Errorf("context line %q", res.Lines[3])
	}
	if c := res.Findings[0]; c.Span.Start != 0 || c.Span.End != len(doc.Src) {
		t.Errorf("out-of-range span not clamped: %v", c.Span)
	}
}

func TestLintRecoversFromPanic(t *testing.T) {
	doc := parseDoc(t, "broken.txt", "Text.\n")
	r := fakeRule{id: "boom", check: func(*Pass) { panic("index out of range") }}
	_, err := NewEngine([]Rule{r}).Lint(doc, RuleSet{Rules: []Configured{{Rule: r, Severity: Warning}}})
	if err == nil || !strings.Contains(err.Error(), "broken.txt") || !strings.Contains(err.Error(), "rule boom failed") {
		t.Fatalf("err = %v, want the file and rule named", err)
	}
}

func TestLintSkipsOffRulesAndPicksLanguage(t *testing.T) {
	var seen []language.Tag
	r := fakeRule{id: "lang", check: func(p *Pass) { seen = append(seen, p.Language) }}
	off := fakeRule{id: "off", check: func(*Pass) { t.Error("a rule turned off ran") }}
	set := RuleSet{Rules: []Configured{{Rule: r, Severity: Info}, {Rule: off, Severity: Off}}, Language: language.AmericanEnglish}
	e := NewEngine([]Rule{r, off})
	for _, src := range []string{"---\nlang: es\n---\nHola.\n", "No front matter.\n", "---\nlang: not a tag!\n---\nText.\n"} {
		if _, err := e.Lint(parseDoc(t, "d.md", src), set); err != nil {
			t.Fatal(err)
		}
	}
	want := []language.Tag{language.Spanish, language.AmericanEnglish, language.AmericanEnglish}
	for i := range want {
		if seen[i] != want[i] {
			t.Errorf("draft %d ran in %v, want %v", i, seen[i], want[i])
		}
	}
}

func TestDirectiveRanges(t *testing.T) {
	src := `<!-- newslint-disable -->
alpha beta
<!-- newslint-enable beta -->
alpha beta
<!-- newslint-enable -->
alpha beta
<!-- newslint-disable alpha -->
alpha beta
`
	doc := parseDoc(t, "d.md", src)
	report := func(id string) Rule {
		return fakeRule{id: id, check: func(p *Pass) {
			for i := range p.Doc.Paragraphs {
				for _, w := range p.Doc.Paragraphs[i].Words {
					if w.Text == id {
						p.Report(Diagnostic{Span: w.Span, Message: id})
					}
				}
			}
		}}
	}
	alpha, beta := report("alpha"), report("beta")
	res, err := NewEngine([]Rule{alpha, beta}).Lint(doc, RuleSet{Rules: []Configured{{Rule: alpha, Severity: Warning}, {Rule: beta, Severity: Warning}}})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, f := range res.Findings {
		got = append(got, f.Rule+"@"+string(rune('0'+f.Start.Line)))
	}
	// Line 2: all off. Line 4: beta re-enabled inside disable-all. Line 6:
	// all on. Line 8: alpha off.
	if want := "beta@4,alpha@6,beta@6,beta@8"; strings.Join(got, ",") != want {
		t.Errorf("findings %v, want %s", got, want)
	}
}

func TestClosest(t *testing.T) {
	ids := []string{"repeated-word", "bad-input", "bad-directive"}
	for in, want := range map[string]string{"repeted-word": "repeated-word", "bad-inptu": "bad-input", "zzz": "", "bad-directives": "bad-directive"} {
		if got := Closest(in, ids); got != want {
			t.Errorf("Closest(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestParseSeverity(t *testing.T) {
	for _, s := range []Severity{Off, Info, Warning, Error} {
		if got, err := ParseSeverity(s.String()); err != nil || got != s {
			t.Errorf("ParseSeverity(%q) = %v, %v", s.String(), got, err)
		}
	}
	if _, err := ParseSeverity("fatal"); err == nil {
		t.Error(`ParseSeverity("fatal") succeeded`)
	}
}

// TestFindingsDoNotAliasSource checks that no string in a result points
// into the draft's text: a result that did would keep the whole draft in
// memory for the rest of the run (508 MB instead of 172 MB on 100,000
// drafts).
func TestFindingsDoNotAliasSource(t *testing.T) {
	doc := parseDoc(t, "a.txt", "Intro line.\n\nSecond para here.\n")
	r := fakeRule{id: "fake", check: func(p *Pass) {
		sp := spanOf(p.Doc, "para")
		p.Report(Diagnostic{Span: sp, Message: p.Doc.Slice(sp),
			Suggestions: []Edit{{Span: sp, NewText: p.Doc.Slice(spanOf(p.Doc, "here"))}},
			Related:     []Related{{Message: p.Doc.Slice(sp), Diff: p.Doc.Slice(sp)}}})
	}}
	res, err := NewEngine([]Rule{r}).Lint(doc, RuleSet{Rules: []Configured{{Rule: r, Severity: Error}}})
	if err != nil {
		t.Fatal(err)
	}
	lo := uintptr(unsafe.Pointer(unsafe.StringData(doc.Src)))
	hi := lo + uintptr(len(doc.Src))
	inSource := func(s string) bool {
		p := uintptr(unsafe.Pointer(unsafe.StringData(s)))
		return s != "" && p >= lo && p < hi
	}
	f := res.Findings[0]
	for name, s := range map[string]string{
		"message": f.Message, "suggestion text": f.Suggestions[0].Text, "suggestion old": f.Suggestions[0].Old,
		"related message": f.Related[0].Message, "related diff": f.Related[0].Diff, "context line": res.Lines[3],
	} {
		if inSource(s) {
			t.Errorf("%s %q points into the draft's text", name, s)
		}
	}
}

// TestProcessorChain checks the caller's processors run after suppression,
// that an unsuppressible rule survives a disable-all, and that directives
// are read whatever their case.
func TestProcessorChain(t *testing.T) {
	doc := parseDoc(t, "d.md", "<!-- NEWSLINT-DISABLE Loud -->\nalpha beta\n")
	mk := func(id string, sev Severity, pinned bool) Rule {
		return pinnedRule{fakeRule{id: id, check: func(p *Pass) {
			p.Report(Diagnostic{Span: spanOf(p.Doc, "alpha"), Message: id})
		}}, sev, pinned}
	}
	loud, quiet, pinned := mk("loud", Error, false), mk("quiet", Warning, false), mk("pinned", Error, true)
	set := RuleSet{Rules: []Configured{{Rule: loud, Severity: Error}, {Rule: quiet, Severity: Warning}, {Rule: pinned, Severity: Error}}}

	res, err := NewEngine([]Rule{loud, quiet, pinned}).Lint(doc, set)
	if err != nil {
		t.Fatal(err)
	}
	if got := rulesOf(res.Findings); got != "pinned,quiet" {
		t.Errorf("without --quiet: %s, want pinned,quiet (loud disabled by an upper-case directive)", got)
	}
	res, err = NewEngine([]Rule{loud, quiet, pinned}, MinSeverity(Error)).Lint(doc, set)
	if err != nil {
		t.Fatal(err)
	}
	if got := rulesOf(res.Findings); got != "pinned" {
		t.Errorf("with MinSeverity(Error): %s, want pinned", got)
	}

	all := parseDoc(t, "d.md", "<!-- newslint-disable -->\nalpha beta\n")
	res, err = NewEngine([]Rule{loud, quiet, pinned}).Lint(all, set)
	if err != nil {
		t.Fatal(err)
	}
	if got := rulesOf(res.Findings); got != "pinned" {
		t.Errorf("under disable-all: %s, want only the unsuppressible rule", got)
	}
}

type pinnedRule struct {
	fakeRule
	sev    Severity
	pinned bool
}

func (r pinnedRule) Meta() Meta { return Meta{ID: r.id, Severity: r.sev, Unsuppressible: r.pinned} }

func rulesOf(fs []Finding) string {
	var ids []string
	for _, f := range fs {
		ids = append(ids, f.Rule)
	}
	sort.Strings(ids)
	return strings.Join(ids, ",")
}

type supersedingRule struct {
	fakeRule
	over []string
}

func (r supersedingRule) Meta() Meta { return Meta{ID: r.id, Severity: Error, Supersedes: r.over} }

// A finding of a rule that supersedes another drops that rule's findings
// where they overlap, and only there; a diagnostic's own severity lowers
// the finding's.
func TestSupersedesAndLowerSeverity(t *testing.T) {
	doc := parseDoc(t, "a.md", "Footer line here.\n\nA story paragraph.\n")
	report := func(s string, sev Severity) func(p *Pass) {
		return func(p *Pass) { p.Report(Diagnostic{Span: spanOf(p.Doc, s), Message: s, Severity: sev}) }
	}
	chrome := supersedingRule{fakeRule{"chrome", report("Footer line", Off)}, []string{"copied"}}
	copied := fakeRule{"copied", func(p *Pass) {
		report("Footer line here.", Off)(p)
		report("A story paragraph.", Info)(p)
	}}
	other := fakeRule{"other", report("Footer", Off)}
	all := []Rule{chrome, copied, other}
	res, err := NewEngine(all).Lint(doc, RuleSet{Rules: []Configured{{chrome, Error}, {copied, Warning}, {other, Warning}}})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, f := range res.Findings {
		got = append(got, f.Rule+":"+f.Message+":"+f.Severity.String())
	}
	want := "[other:Footer:warning chrome:Footer line:error copied:A story paragraph.:info]"
	if fmt.Sprint(got) != want {
		t.Errorf("findings %v, want %s", got, want)
	}
}
