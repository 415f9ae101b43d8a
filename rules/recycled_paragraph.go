package rules

import (
	"fmt"
	"regexp"
	"sort"
	"strings"

	"github.com/newslint/newslint/lint"
	"github.com/newslint/newslint/reuse"
)

// RecycledParagraphOptions configures recycled-paragraph.
type RecycledParagraphOptions struct {
	MinWords  int      `yaml:"min_words" doc:"the shortest paragraph compared, in words"`
	Threshold float64  `yaml:"threshold" doc:"the share of a paragraph's five-word shingles found in one source paragraph (either way round) from which it is reported as recycled, a warning"`
	Partial   float64  `yaml:"partial" doc:"the share from which it is reported as partial reuse, at info"`
	MinShared int      `yaml:"min_shared" doc:"the fewest shingles a reported paragraph shares with its source"`
	Allow     []string `yaml:"allow" doc:"paragraphs approved for reuse (an editor's note, a correction notice, an author bio): their text, or a regular expression between slashes, as in /^Correction:/"`
}

// RecycledParagraphRule flags paragraphs copied from published articles
// or from other drafts of the same run.
type RecycledParagraphRule struct {
	opts    RecycledParagraphOptions
	allowRE []*regexp.Regexp
	allowed [][]uint64 // shingle sets of allowed paragraphs
}

// Learned template text: a paragraph found in at least this many articles
// of a source, and this share of them, is boilerplate, not recycling.
const (
	templateMinDocs  = 10
	templateMinShare = 0.01
)

// Meta describes the rule.
func (RecycledParagraphRule) Meta() lint.Meta {
	return lint.Meta{
		ID:    "recycled-paragraph",
		Title: "paragraphs copied from published articles or other drafts",
		Doc: "Compares every paragraph of min_words or more with the archive of published articles " +
			"('newslint archive add') and with the other drafts linted in the same run, after folding case, " +
			"quotation marks, dashes and punctuation. A paragraph whose five-word shingles are at least half found " +
			"in one source paragraph (or that holds at least half of a shorter one) is reported as recycled; from " +
			"partial (30%) as partial reuse, at info. Text inside quotation marks alone does not count: stories may " +
			"carry the same quote. The finding names the earliest source by date, counts the others, and carries a " +
			"word diff. Paragraphs found in many archived articles are template text, left to boilerplate.",
		Severity: lint.Warning,
		Bad:      "(a background paragraph pasted from last week's story)",
		Good:     "(the background rewritten, or the earlier story linked)",
	}
}

// DefaultOptions returns the default options.
func (RecycledParagraphRule) DefaultOptions() any {
	return &RecycledParagraphOptions{MinWords: 12, Threshold: 0.5, Partial: 0.3, MinShared: 8}
}

// WithOptions returns the rule configured with opts.
func (RecycledParagraphRule) WithOptions(opts any) (lint.Rule, error) {
	o := *opts.(*RecycledParagraphOptions)
	switch {
	case o.MinWords < reuse.ShingleWords:
		return nil, fmt.Errorf("min_words: %d is too few; use %d or more", o.MinWords, reuse.ShingleWords)
	case o.Threshold <= 0 || o.Threshold > 1:
		return nil, fmt.Errorf("threshold: %v is not a share between 0 and 1", o.Threshold)
	case o.Partial <= 0 || o.Partial > o.Threshold:
		return nil, fmt.Errorf("partial: %v must be above 0 and at most threshold (%v)", o.Partial, o.Threshold)
	case o.MinShared < reuse.MinShared:
		return nil, fmt.Errorf("min_shared: %d is too few; use %d or more", o.MinShared, reuse.MinShared)
	}
	if len(o.Allow) == 0 {
		o.Allow = nil
	}
	r := RecycledParagraphRule{opts: o}
	for i, a := range o.Allow {
		if len(a) > 2 && strings.HasPrefix(a, "/") && strings.HasSuffix(a, "/") {
			re, err := regexp.Compile(a[1 : len(a)-1])
			if err != nil {
				return nil, fmt.Errorf("allow[%d]: %v", i, err)
			}
			r.allowRE = append(r.allowRE, re)
			continue
		}
		sh := reuse.Shingles(reuse.Tokenize(a, nil), nil)
		if len(sh) == 0 {
			return nil, fmt.Errorf("allow[%d]: %q is too short to recognize; give the whole paragraph or a /regular expression/", i, a)
		}
		r.allowed = append(r.allowed, reuse.SortedSet(sh, nil))
	}
	return r, nil
}

// Check reports recycled paragraphs.
func (r RecycledParagraphRule) Check(p *lint.Pass) {
	for _, res := range reuseResults(p) {
		if res.Words < r.opts.MinWords || reuse.IsTemplate(res, templateMinDocs, templateMinShare) {
			continue
		}
		para := &p.Doc.Paragraphs[res.Para]
		if r.isAllowed(para.Text) {
			continue
		}
		if d, ok := r.diagnose(para.Text, res); ok {
			d.Span = para.Span
			p.Report(d)
		}
	}
}

// reuseResults returns the draft's comparison with the archive and the
// run, or nothing when there is none to compare with.
func reuseResults(p *lint.Pass) []reuse.Result {
	if p.Reuse == nil {
		return nil
	}
	results, err := p.Reuse.Results()
	if err != nil {
		panic(err) // the engine reports it as the rule failing on this file
	}
	return results
}

func (r RecycledParagraphRule) isAllowed(text string) bool {
	for _, re := range r.allowRE {
		if re.MatchString(text) {
			return true
		}
	}
	if len(r.allowed) == 0 {
		return false
	}
	set := reuse.SortedSet(reuse.Shingles(reuse.Tokenize(text, nil), nil), nil)
	for _, a := range r.allowed {
		shared := reuse.Shared(set, a)
		if float64(shared) >= 0.8*float64(len(set)) || float64(shared) >= 0.8*float64(len(a)) {
			return true
		}
	}
	return false
}

// level grades a match: 2 recycled, 1 partial reuse, 0 neither. Words
// inside the draft's quotation marks alone never make a match: several
// stories may carry the same quote, but a copied paragraph also shares
// words around its quotations (half of them, or four).
func (r RecycledParagraphRule) level(m reuse.Match) int {
	if m.Shared < r.opts.MinShared || m.UnquotedShared < min((m.Unquoted+1)/2, 4) {
		return 0
	}
	share := max(m.Containment, m.Reverse)
	switch {
	case share >= r.opts.Threshold:
		return 2
	case share >= r.opts.Partial:
		return 1
	}
	return 0
}

func (r RecycledParagraphRule) diagnose(text string, res reuse.Result) (lint.Diagnostic, bool) {
	best := 0
	for _, m := range res.Matches {
		best = max(best, r.level(m))
	}
	if best == 0 {
		return lint.Diagnostic{}, false
	}
	var found []reuse.Match
	for _, m := range res.Matches {
		if r.level(m) == best {
			found = append(found, m)
		}
	}
	sort.SliceStable(found, func(i, j int) bool { return earlier(found[i], found[j]) })
	src := found[0]
	articles := map[string]bool{}
	for _, m := range found {
		articles[m.Source+"\x00"+m.Passage.Article.Path] = true
	}
	others := len(articles) - 1
	where := describeSource(src)
	var msg string
	switch {
	case best == 1:
		msg = fmt.Sprintf("partial reuse: %s of this paragraph comes from %s", percent(max(src.Containment, src.Reverse)), where)
	case src.Reverse > src.Containment && src.Reverse >= r.opts.Threshold:
		msg = fmt.Sprintf("paragraph copies %s of a paragraph of %s", percent(src.Reverse), where)
	default:
		msg = fmt.Sprintf("paragraph recycled from %s: %s the same", where, percent(src.Containment))
	}
	if others > 0 {
		msg += fmt.Sprintf("; also in %d other %s", others, plural(others, "article"))
	}
	if best == 2 {
		msg += "; rewrite it or credit the earlier story"
	}
	d := lint.Diagnostic{Message: msg}
	if best == 1 {
		d.Severity = lint.Info
	}
	seen := map[string]bool{}
	for _, m := range found {
		key := m.Source + "\x00" + m.Passage.Article.Path
		if seen[key] || len(d.Related) == 5 {
			continue
		}
		seen[key] = true
		rel := lint.Related{Path: reuse.DisplayPath(m.Passage.Article.Path), Message: "source: " + describeArticle(m)}
		rel.Pos.Line, rel.Pos.Column = m.Passage.Line, m.Passage.Column
		if len(d.Related) == 0 {
			rel.Message = "earliest source: " + describeArticle(m)
			rel.Diff = reuse.WordDiff(m.Passage.Text, text)
		}
		d.Related = append(d.Related, rel)
	}
	return d, true
}

// earlier orders matches by their article's date (undated last), then by
// path.
func earlier(a, b reuse.Match) bool {
	da, db := a.Passage.Article.Date, b.Passage.Article.Date
	switch {
	case da != db && da != "" && db != "":
		return da < db
	case da != db:
		return da != ""
	}
	return a.Passage.Article.Path < b.Passage.Article.Path
}

func describeSource(m reuse.Match) string {
	where := fmt.Sprintf("%s:%d", reuse.DisplayPath(m.Passage.Article.Path), m.Passage.Line)
	var extra []string
	if t := m.Passage.Article.Title; t != "" {
		extra = append(extra, fmt.Sprintf("%q", t))
	}
	if d := m.Passage.Article.Date; d != "" {
		extra = append(extra, d)
	}
	if m.Source != "" && m.Source != "archive" {
		extra = append(extra, m.Source)
	}
	if len(extra) > 0 {
		where += " (" + strings.Join(extra, ", ") + ")"
	}
	return where
}

func describeArticle(m reuse.Match) string {
	var parts []string
	if t := m.Passage.Article.Title; t != "" {
		parts = append(parts, fmt.Sprintf("%q", t))
	}
	if d := m.Passage.Article.Date; d != "" {
		parts = append(parts, d)
	}
	if u := m.Passage.Article.URL; u != "" {
		parts = append(parts, u)
	}
	parts = append(parts, fmt.Sprintf("%s the same", percent(max(m.Containment, m.Reverse))))
	return strings.Join(parts, ", ")
}

func percent(f float64) string { return fmt.Sprintf("%.0f%%", f*100) }

func plural(n int, word string) string {
	if n == 1 {
		return word
	}
	return word + "s"
}
