// Package draft parses article drafts (plain text, Markdown, HTML) into a
// document model of paragraphs, sentences and words.
//
// Every element carries a half-open byte span into the decoded source of the
// file, so a rule can report an exact location; Document.Position turns an
// offset into a 1-based line and column (in Unicode code points) and a byte
// offset into the original file. The package holds no rule logic.
package draft
