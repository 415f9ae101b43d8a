// Package attribution finds who said what in a draft: the speech verbs,
// speakers and sourcing phrases around its quotations, and whether each
// quotation is attributed in one of the placements newsrooms use. The
// attribution rules (missing-attribution, vague-attribution,
// loaded-attribution) are built on it.
//
// The analysis works on the words of the draft model and a word lexicon
// per language; it does no parsing of its own and allocates little, so
// that the rules cost a small share of parsing a draft.
package attribution
