// Package reuse finds text that one document shares with others: it
// normalizes paragraphs into word 5-gram shingles hashed to 64 bits,
// thins them into winnowed fingerprints for an inverted index, scores
// candidates by containment, and diffs a paragraph against its source
// word by word. The archive of published articles and the drafts of one
// run are both Sources it searches.
package reuse
