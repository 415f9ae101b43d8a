package rules

import (
	"fmt"
	"sync"

	"github.com/newslint/newslint/attribution"
	"github.com/newslint/newslint/lint"
)

// VagueAttributionOptions configures vague-attribution.
type VagueAttributionOptions struct {
	Phrases                  []string `yaml:"phrases" doc:"the sourcing phrases to flag, replacing the built-in list when set: words separated by spaces, alternatives with | and optional words in [ ], as in \"[senior] officials said|say\""`
	ExtraPhrases             []string `yaml:"extra_phrases" doc:"more phrases to flag besides the list"`
	AllowAnonymousWithReason bool     `yaml:"allow_anonymous_with_reason" doc:"accept an anonymous source when the same sentence says why it is not named (who spoke on condition of anonymity because...)"`
}

// DefaultVaguePhrases is the built-in list of sourcing a reader cannot
// check.
var DefaultVaguePhrases = []string{
	"reportedly",
	"it is|was|'s understood|believed|rumored|rumoured|reported",
	"it has|had been reported|understood|suggested|rumored|rumoured",
	"it is widely believed|understood|reported",
	"sources say|said|says|told|tell|claim|claimed|suggest|suggested|indicated|added|believe",
	"source said|says|told|added|claimed",
	"sources close to",
	"a source close to",
	"according to [a|one] [unnamed|anonymous] source|sources",
	"according to reports",
	"according to [unconfirmed|local|media|news|press|several|some] reports",
	"[senior|top|unnamed|some|several] officials said|say|says|told|believe",
	"experts say|said|warn|warned|believe|agree",
	"critics say|said|argue|argued|charge|claim",
	"some say|argue|believe|claim|suggest",
	"many believe|say|argue|think|feel",
	"observers say|said|believe",
	"insiders say|said",
	"people familiar with",
	"a person familiar with",
	"rumor|rumour has it",
}

// defaultVaguePhrases indexes the built-in phrases once.
var defaultVaguePhrases = sync.OnceValue(func() *attribution.PhraseSet {
	r, err := VagueAttributionRule{}.WithOptions(&VagueAttributionOptions{})
	if err != nil {
		panic(err) // the built-in list is tested
	}
	return r.(VagueAttributionRule).phrases
})

// VagueAttributionRule flags sourcing a reader cannot check.
type VagueAttributionRule struct {
	phrases    *attribution.PhraseSet
	withReason bool
}

// Meta describes the rule.
func (VagueAttributionRule) Meta() lint.Meta {
	return lint.Meta{
		ID:    "vague-attribution",
		Title: "sourcing a reader cannot check",
		Doc: "Flags vague sourcing (reportedly, it is understood, sources said, according to reports, officials said " +
			"with no name or agency, experts say, critics say, some say, it has been reported, many believe) unless " +
			"a named source follows in the same or the next paragraph. Outside quotations only: a speaker's own words " +
			"are theirs. The phrase list can be replaced or extended; allow_anonymous_with_reason accepts an " +
			"anonymous source whose reason is given in the same sentence. English drafts only.",
		Severity: lint.Info,
		Bad:      "Critics say the plan will raise fares.",
		Good:     "Critics, including the Riders Union's chair, Ana Ruiz, say the plan will raise fares.",
	}
}

// DefaultOptions returns the default options.
func (VagueAttributionRule) DefaultOptions() any { return &VagueAttributionOptions{} }

// WithOptions returns the rule configured with opts.
func (VagueAttributionRule) WithOptions(opts any) (lint.Rule, error) {
	o := opts.(*VagueAttributionOptions)
	list := DefaultVaguePhrases
	if len(o.Phrases) > 0 {
		list = o.Phrases
	}
	var phrases []attribution.Phrase
	for i, text := range append(append([]string(nil), list...), o.ExtraPhrases...) {
		ph, err := attribution.ParsePhrase(text)
		if err != nil {
			key := "phrases"
			if i >= len(list) {
				key = "extra_phrases"
			}
			return nil, fmt.Errorf("%s: %w", key, err)
		}
		phrases = append(phrases, ph)
	}
	return VagueAttributionRule{phrases: attribution.NewPhraseSet(phrases), withReason: o.AllowAnonymousWithReason}, nil
}

// Check reports each vague phrase with no named source after it.
func (r VagueAttributionRule) Check(p *lint.Pass) {
	lx := attribution.For(p.Doc.Language)
	if lx == nil {
		return
	}
	if r.phrases == nil {
		r.phrases = defaultVaguePhrases()
	}
	d := attribution.NewDoc(p.Doc, lx)
	r.phrases.Scan(d, func(v *attribution.Para, m attribution.Match) {
		// "Pentagon officials said", "city officials said": an agency
		// qualifies a role noun.
		if v.Class(m.Start)&attribution.Role != 0 && attribution.Qualified(v, m.Start) {
			return
		}
		if d.NamedSourceAfter(m.Para, m.End) {
			return
		}
		// "officials said" after "county health officials" were named.
		if v.Class(m.End-2)&attribution.Role != 0 && d.IntroducedEarlier(m.Para, m.End-2) {
			return
		}
		if r.withReason && attribution.ReasonGiven(v, v.Sentence(m.Start)) {
			return
		}
		para := v.P
		start, end := para.Words[m.Start].Off, para.Words[m.End-1].End()
		p.Report(lint.Diagnostic{
			Span:    para.SourceSpan(start, end),
			Message: fmt.Sprintf("vague sourcing %q: name the source, or say why it cannot be named", para.Text[start:end]),
		})
	})
}
