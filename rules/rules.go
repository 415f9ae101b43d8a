package rules

import (
	"sort"

	"github.com/newslint/newslint/lint"
)

// All returns every rule with its default options, sorted by ID. This is
// the one place rules are registered.
func All() []lint.Rule {
	rules := []lint.Rule{
		BadDirectiveRule{},
		BadInputRule{},
		BoilerplateRule{},
		BrokenQuoteRule{},
		LoadedAttributionRule{},
		MissingAttributionRule{},
		NameSpellingRule{},
		RecycledParagraphRule{},
		RepeatedWordRule{},
		TypoRule{},
		VagueAttributionRule{},
	}
	sort.Slice(rules, func(i, j int) bool { return rules[i].Meta().ID < rules[j].Meta().ID })
	return rules
}
