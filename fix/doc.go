// Package fix applies suggested edits to files safely: it picks each
// finding's first safe suggestion, drops the ones that overlap, writes the
// rest into the file's own bytes and encoding, replaces the file
// atomically, and shows changes as unified diffs.
package fix
