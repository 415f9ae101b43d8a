// Package rules holds newslint's rules, one file each, and registers them
// in All. A rule's file, type and ID move in lockstep: repeated-word lives
// in repeated_word.go as RepeatedWordRule.
package rules
