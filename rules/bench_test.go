package rules

import (
	"os"
	"strings"
	"testing"

	"github.com/newslint/newslint/config"
	"github.com/newslint/newslint/draft"
	"github.com/newslint/newslint/lint"
	"golang.org/x/text/language"
)

const benchDraft = "../testdata/bench/draft-1500.md"

// BenchmarkRepeatedWord runs the rule alone on a parsed 1,500-word draft.
func BenchmarkRepeatedWord(b *testing.B) {
	data, err := os.ReadFile(benchDraft)
	if err != nil {
		b.Fatal(err)
	}
	doc, err := draft.NewParser().Parse("draft.md", data)
	if err != nil {
		b.Fatal(err)
	}
	r := RepeatedWordRule{}
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		r.Check(&lint.Pass{Doc: doc})
	}
}

// BenchmarkBrokenQuote runs broken-quote alone, with the style option on
// so that every mark is looked at, on a parsed dialogue-heavy story.
func BenchmarkBrokenQuote(b *testing.B) {
	data, err := os.ReadFile("../testdata/clean/diner-closing.txt")
	if err != nil {
		b.Fatal(err)
	}
	doc, err := draft.NewParser().Parse("draft.txt", data)
	if err != nil {
		b.Fatal(err)
	}
	r, err := BrokenQuoteRule{}.WithOptions(&BrokenQuoteOptions{Style: QuoteStyleConsistent, Nesting: NestingLanguage})
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		r.Check(&lint.Pass{Doc: doc})
	}
}

// BenchmarkParseAndLint parses the 1,500-word draft and runs every rule
// through the engine, as the CLI does for each file, on one core.
func BenchmarkParseAndLint(b *testing.B) {
	data, err := os.ReadFile(benchDraft)
	if err != nil {
		b.Fatal(err)
	}
	registry := All()
	cfg := config.Default(".", registry)
	rules, err := cfg.Rules("draft.md")
	if err != nil {
		b.Fatal(err)
	}
	p := draft.NewParser()
	e := lint.NewEngine(registry)
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		doc, err := p.Parse("draft.md", data)
		if err != nil {
			b.Fatal(err)
		}
		if _, err := e.Lint(doc, lint.RuleSet{Rules: rules, Language: cfg.Language}); err != nil {
			b.Fatal(err)
		}
	}
}

// benchSpelling runs a spelling rule alone on the parsed 1,500-word draft,
// and on news copy with a slip every 150 words, whose corrections cost
// most.
func benchSpelling(b *testing.B, r lint.Rule, file string) {
	data, doc := readParsed(b, file)
	pass := func() *lint.Pass { return &lint.Pass{Doc: doc, Language: language.AmericanEnglish} }
	r.Check(pass()) // load the dictionary outside the timing
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		r.Check(pass())
	}
}

// BenchmarkTypo runs typo alone on the clean 1,500-word draft.
func BenchmarkTypo(b *testing.B) { benchSpelling(b, TypoRule{}, benchDraft) }

// BenchmarkTypoWithSlips runs typo on a draft with a misspelling about
// every 150 words, each needing ranked corrections.
func BenchmarkTypoWithSlips(b *testing.B) {
	benchSpelling(b, TypoRule{}, "testdata/typo/bench-slips.md")
}

// BenchmarkNameSpelling runs name-spelling alone on the 1,500-word draft.
func BenchmarkNameSpelling(b *testing.B) { benchSpelling(b, NameSpellingRule{}, benchDraft) }

// attributionRules are the three attribution rules, as configured by
// default.
func attributionRules() []lint.Rule {
	return []lint.Rule{MissingAttributionRule{}, VagueAttributionRule{}, LoadedAttributionRule{}}
}

// benchAttribution times the three attribution rules on a parsed draft;
// BenchmarkParseAttributionDraft times parsing the same draft, so the two
// give the share the rules add to parsing.
func benchAttribution(b *testing.B, file string) {
	data, doc := readParsed(b, file)
	rules := attributionRules()
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		for _, r := range rules {
			r.Check(&lint.Pass{Doc: doc})
		}
	}
}

// benchParse times parsing a draft.
func benchParse(b *testing.B, file string) {
	data, err := os.ReadFile(file)
	if err != nil {
		b.Fatal(err)
	}
	p := draft.NewParser()
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := p.Parse(file, data); err != nil {
			b.Fatal(err)
		}
	}
}

// The 1,500-word Markdown draft, and a quotation-heavy court report.
const quoteHeavyDraft = "../testdata/clean/trial-testimony-bakery-fire.txt"

func BenchmarkAttribution(b *testing.B)           { benchAttribution(b, benchDraft) }
func BenchmarkParseAttributionDraft(b *testing.B) { benchParse(b, benchDraft) }
func BenchmarkAttributionQuotes(b *testing.B)     { benchAttribution(b, quoteHeavyDraft) }
func BenchmarkParseQuotes(b *testing.B)           { benchParse(b, quoteHeavyDraft) }

// BenchmarkBoilerplate runs boilerplate alone on the parsed 1,500-word
// draft, and on a story pasted from the web, one paragraph a line.
func BenchmarkBoilerplate(b *testing.B) {
	for _, file := range []string{benchDraft, "../testdata/drafts/ferry-service.txt"} {
		b.Run(file[strings.LastIndexByte(file, '/')+1:], func(b *testing.B) {
			data, doc := readParsed(b, file)
			r := BoilerplateRule{}
			b.SetBytes(int64(len(data)))
			for b.Loop() {
				r.Check(&lint.Pass{Doc: doc})
			}
		})
	}
}

// readParsed reads and parses a benchmark draft.
func readParsed(b *testing.B, file string) ([]byte, *draft.Document) {
	data, err := os.ReadFile(file)
	if err != nil {
		b.Fatal(err)
	}
	doc, err := draft.NewParser().Parse(file, data)
	if err != nil {
		b.Fatal(err)
	}
	return data, doc
}
