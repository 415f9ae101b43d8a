package cli

import (
	"fmt"
	"io"
	"os"
	"sort"
	"strings"

	"github.com/newslint/newslint/config"
	"github.com/newslint/newslint/lint"
	"github.com/newslint/newslint/reporter"
	"github.com/spf13/cobra"
)

// checkOptions are the flags of the check command.
type checkOptions struct {
	configPath    string
	formats       []string
	failLevel     string
	color         string
	enable        []string
	disable       []string
	quiet         bool
	stdinFilename string
	fix           bool   // apply safe suggestions to the files
	dryRun        bool   // with fix: print a unified diff instead of writing
	baseline      string // report only findings not recorded in this file
	writeBaseline bool   // record the findings in the baseline file instead
	diffBase      string // report only findings on lines changed since this git revision
	staged        bool   // lint the staged (index) version of staged drafts
	keepText      bool   // keep each draft's text for a reporter that shows it
}

func addCheckFlags(cmd *cobra.Command, o *checkOptions, registry []lint.Rule) {
	f := cmd.Flags()
	f.StringVar(&o.configPath, "config", "", "use this configuration file instead of looking for .newslint.yml")
	f.StringArrayVar(&o.formats, "format", []string{"text"}, "output format: text, json, sarif, github, gitlab, html, checkstyle, junit or rdjson; FORMAT=FILE writes to a file (repeatable)")
	f.StringVar(&o.failLevel, "fail-level", "error", "exit with status 1 when a finding is at or above this severity: error, warning or info")
	f.StringVar(&o.color, "color", "auto", "color the text output: auto (only on a terminal without NO_COLOR), always or never")
	f.StringArrayVar(&o.enable, "enable", nil, "turn on a rule that configuration turned off (repeatable)")
	f.StringArrayVar(&o.disable, "disable", nil, "turn off a rule (repeatable)")
	f.BoolVarP(&o.quiet, "quiet", "q", false, "report errors only")
	f.StringVar(&o.stdinFilename, "stdin-filename", "", "name for standard input (-) in output; its extension picks the format")
	f.BoolVar(&o.fix, "fix", false, "apply every safe suggestion to the files (written atomically), then report what remains")
	f.BoolVar(&o.dryRun, "dry-run", false, "with --fix: print the changes as a unified diff and write nothing")
	f.StringVar(&o.baseline, "baseline", "", "report only findings not recorded in this baseline file")
	f.BoolVar(&o.writeBaseline, "write-baseline", false, "with --baseline: record the current findings in the file and exit 0")
	f.StringVar(&o.diffBase, "diff-base", "", "report only findings on lines changed since this git revision (a branch, tag or commit)")
	f.BoolVar(&o.staged, "staged", false, "lint the staged version of the drafts staged for commit (for git hooks); PATHs narrow the set")

	ids := make([]string, 0, len(registry))
	for _, r := range registry {
		ids = append(ids, r.Meta().ID+"\t"+r.Meta().Title)
	}
	complete := func(values ...string) func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
		return func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
			return values, cobra.ShellCompDirectiveNoFileComp
		}
	}
	_ = cmd.RegisterFlagCompletionFunc("format", complete(reporter.Formats()...))
	_ = cmd.RegisterFlagCompletionFunc("fail-level", complete("error", "warning", "info"))
	_ = cmd.RegisterFlagCompletionFunc("color", complete("auto", "always", "never"))
	_ = cmd.RegisterFlagCompletionFunc("enable", complete(ids...))
	_ = cmd.RegisterFlagCompletionFunc("disable", complete(ids...))
	_ = cmd.MarkFlagFilename("config", "yml", "yaml")
	_ = cmd.MarkFlagFilename("baseline", "json")
}

// TextReporter is a reporter that shows whole drafts, so the run keeps
// each draft's text (lint.FileResult.Text) for it.
type TextReporter interface {
	NeedsText() bool
}

// output is one requested report: a format and where it goes.
type output struct {
	reporter reporter.Reporter
	path     string // "" for standard output
}

func runCheck(cmd *cobra.Command, env Env, registry []lint.Rule, o *checkOptions, args []string) (int, error) {
	if len(args) == 0 && !o.staged {
		return ExitError, usageErrorf("no PATH given: name drafts or directories to lint, or - for standard input (try 'newslint --help')")
	}
	if err := checkFixFlags(o, args); err != nil {
		return ExitError, err
	}
	failLevel, err := lint.ParseSeverity(o.failLevel)
	if err != nil || failLevel == lint.Off {
		return ExitError, usageErrorf("--fail-level: %q is not error, warning or info", o.failLevel)
	}
	useColor, err := colorMode(o.color, env)
	if err != nil {
		return ExitError, err
	}
	outputs, err := parseOutputs(o.formats, useColor)
	if err != nil {
		return ExitError, err
	}
	for _, out := range outputs {
		if tr, ok := out.reporter.(TextReporter); ok && tr.NeedsText() {
			o.keepText = true
		}
	}
	flags, err := ruleFlags(registry, o.enable, o.disable)
	if err != nil {
		return ExitError, err
	}
	var fixed *config.Config
	if o.configPath != "" {
		if fixed, err = config.Load(o.configPath, registry); err != nil {
			return ExitError, &exitError{code: ExitError, err: err}
		}
	}

	filters, err := newResultFilters(o)
	if err != nil {
		return ExitError, err
	}

	c := newChecker(env, registry, fixed, flags, o)
	stats, err := c.run(args)
	if err != nil {
		return ExitError, &exitError{code: ExitError, err: err}
	}
	for _, msg := range stats.messages {
		fmt.Fprintf(env.Stderr, "newslint: %s\n", msg)
	}
	if done, code, err := filters.apply(&stats, env.Stderr); done || err != nil {
		return code, err
	}
	if o.fix {
		if code, done := finishFix(env, o, stats); done { // fix.go
			return code, nil
		}
	}

	run := &reporter.Run{Files: stats.files, Unchecked: stats.unchecked, Results: stats.results, Version: Version}
	for _, r := range registry {
		run.Rules = append(run.Rules, r.Meta())
	}
	for _, out := range outputs {
		if err := write(out, env.Stdout, run); err != nil {
			return ExitError, usageErrorf("%v", err)
		}
	}

	switch {
	case stats.failed:
		return ExitError, nil
	case stats.maxSeverity >= failLevel:
		return ExitFindings, nil
	}
	return ExitOK, nil
}

func write(out output, stdout io.Writer, run *reporter.Run) error {
	if out.path == "" {
		return out.reporter.Report(stdout, run)
	}
	f, err := os.Create(out.path)
	if err != nil {
		return fmt.Errorf("write report: %w", err)
	}
	if err := out.reporter.Report(f, run); err != nil {
		f.Close()
		return fmt.Errorf("write report %s: %w", out.path, err)
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("write report %s: %w", out.path, err)
	}
	return nil
}

func colorMode(mode string, env Env) (bool, error) {
	switch mode {
	case "always":
		return true, nil
	case "never":
		return false, nil
	case "auto":
		return env.Getenv("NO_COLOR") == "" && env.Getenv("TERM") != "dumb" && env.IsTerminal(env.Stdout), nil
	}
	return false, usageErrorf("--color: %q is not auto, always or never", mode)
}

func parseOutputs(formats []string, useColor bool) ([]output, error) {
	var outs []output
	toStdout := 0
	for _, spec := range formats {
		name, path, _ := strings.Cut(spec, "=")
		r, err := reporter.New(name, reporter.Options{Color: useColor && path == ""})
		if err != nil {
			return nil, usageErrorf("--format: %v", err)
		}
		if path == "" {
			toStdout++
		}
		outs = append(outs, output{reporter: r, path: path})
	}
	if toStdout > 1 {
		return nil, usageErrorf("--format: only one format can go to standard output; send the others to files with FORMAT=FILE")
	}
	return outs, nil
}

// ruleFlags checks --enable and --disable and returns the severity change
// each asks for: true to enable, false to disable.
func ruleFlags(registry []lint.Rule, enable, disable []string) (map[string]bool, error) {
	var ids []string
	for _, r := range registry {
		ids = append(ids, r.Meta().ID)
	}
	sort.Strings(ids)
	known := func(id, flag string) error {
		for _, k := range ids {
			if k == id {
				return nil
			}
		}
		msg := fmt.Sprintf("%s: unknown rule %q", flag, id)
		if s := lint.Closest(id, ids); s != "" {
			msg += fmt.Sprintf("; did you mean %q?", s)
		} else {
			msg += " (see 'newslint rules')"
		}
		return usageErrorf("%s", msg)
	}
	out := map[string]bool{}
	for _, id := range enable {
		if err := known(id, "--enable"); err != nil {
			return nil, err
		}
		out[id] = true
	}
	for _, id := range disable {
		if err := known(id, "--disable"); err != nil {
			return nil, err
		}
		out[id] = false
	}
	return out, nil
}
