// Package cli implements the newslint command: check (the default), rules,
// init, archive, hook, lsp and completion. Main takes the arguments and
// standard streams and returns the exit status, so tests can drive it
// without a process.
package cli

import (
	"errors"
	"fmt"
	"io"
	"os"
	"runtime/debug"

	"github.com/newslint/newslint/lint"
	"github.com/newslint/newslint/rules"
	"github.com/spf13/cobra"
)

// Exit statuses.
const (
	ExitOK       = 0 // no finding at or above the fail level
	ExitFindings = 1 // a finding at or above the fail level
	ExitError    = 2 // usage, configuration or I/O error
)

// Version is newslint's release version.
const Version = "0.1.0"

// Env is what a command reads from its surroundings.
type Env struct {
	Stdin          io.Reader
	Stdout, Stderr io.Writer
	Getenv         func(string) string
	// IsTerminal reports whether a writer is a terminal, for --color auto.
	IsTerminal func(io.Writer) bool
}

// exitError carries an exit status up through cobra.
type exitError struct {
	code int
	err  error
}

// Error returns the wrapped error's message.
func (e *exitError) Error() string { return e.err.Error() }

func usageErrorf(format string, args ...any) error {
	return &exitError{code: ExitError, err: fmt.Errorf(format, args...)}
}

// Main runs newslint with args (without the program name) and returns the
// exit status.
func Main(args []string, env Env) int {
	if env.Getenv == nil {
		env.Getenv = os.Getenv
	}
	if env.IsTerminal == nil {
		env.IsTerminal = func(io.Writer) bool { return false }
	}
	registry := rules.All()
	status := ExitOK
	root := newRootCommand(env, registry, &status)
	root.SetArgs(args)
	root.SetIn(env.Stdin)
	root.SetOut(env.Stdout)
	root.SetErr(env.Stderr)
	if err := root.Execute(); err != nil {
		fmt.Fprintf(env.Stderr, "newslint: %v\n", err)
		var ee *exitError
		if errors.As(err, &ee) {
			return ee.code
		}
		return ExitError
	}
	return status
}

func newRootCommand(env Env, registry []lint.Rule, status *int) *cobra.Command {
	opts := &checkOptions{}
	root := &cobra.Command{
		Use:   "newslint [check] [flags] PATH...",
		Short: "A content-integrity linter for news drafts",
		Long: `newslint checks article drafts (plain text, Markdown, HTML) for the errors
that embarrass a publication. 'newslint rules' lists the checks it makes.

PATH may be a file, a directory (walked for drafts) or - for standard input.
Configuration comes from the nearest .newslint.yml ('newslint init' writes one).
Exit status: 0 no finding at or above --fail-level, 1 findings, 2 errors.`,
		Args:          cobra.ArbitraryArgs,
		Version:       versionString(),
		SilenceUsage:  true,
		SilenceErrors: true,
		RunE: func(cmd *cobra.Command, args []string) error {
			code, err := runCheck(cmd, env, registry, opts, args)
			*status = code
			return err
		},
	}
	root.SetVersionTemplate("newslint {{.Version}}\n")
	root.SetFlagErrorFunc(func(cmd *cobra.Command, err error) error {
		return &exitError{code: ExitError, err: fmt.Errorf("%w (see '%s --help')", err, cmd.CommandPath())}
	})
	addCheckFlags(root, opts, registry)

	checkOpts := &checkOptions{}
	check := &cobra.Command{
		Use:           "check [flags] PATH...",
		Short:         "Lint drafts (the default command)",
		Args:          cobra.ArbitraryArgs,
		SilenceUsage:  true,
		SilenceErrors: true,
		RunE: func(cmd *cobra.Command, args []string) error {
			code, err := runCheck(cmd, env, registry, checkOpts, args)
			*status = code
			return err
		},
	}
	addCheckFlags(check, checkOpts, registry)
	root.AddCommand(check, newRulesCommand(registry), newInitCommand(registry), newArchiveCommand(env, registry), newHookCommand())
	root.AddCommand(newLSPCommand(env, registry, status))
	return root
}

// versionString is the release version, with the VCS revision when the
// binary was built with it.
func versionString() string {
	v := Version
	if info, ok := debug.ReadBuildInfo(); ok {
		for _, s := range info.Settings {
			if s.Key == "vcs.revision" && len(s.Value) >= 12 {
				v += " (" + s.Value[:12] + ")"
			}
		}
	}
	return v
}
