// Package lint holds the shared types of newslint's rules and the engine
// that runs them: Rule and Meta, Pass and Diagnostic, Finding, severities,
// and the processing of inline directives.
//
// A rule is a plain value. It reads a parsed draft through a Pass and
// reports Diagnostics with byte spans; the engine turns them into Findings
// with positions, drops the ones that directives suppress, and sorts them.
package lint
