package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sync"
	"time"

	"github.com/newslint/newslint/config"
	"github.com/newslint/newslint/internal/lsp"
	"github.com/newslint/newslint/lint"
	"github.com/newslint/newslint/reuse"
	"github.com/spf13/cobra"
)

func newLSPCommand(env Env, registry []lint.Rule, status *int) *cobra.Command {
	var debounce time.Duration
	var logPath string
	cmd := &cobra.Command{
		Use:   "lsp",
		Short: "Run the language server (LSP over standard input and output)",
		Long: `lsp runs newslint as a language server for editors, speaking the Language
Server Protocol on standard input and output. It lints the drafts the editor
has open as they are typed (configuration from the nearest .newslint.yml, as
for check), publishes the findings as diagnostics and offers suggestions as
quick fixes. Saving .newslint.yml re-lints every open draft.`,
		Args:          cobra.NoArgs,
		SilenceUsage:  true,
		SilenceErrors: true,
		RunE: func(cmd *cobra.Command, args []string) error {
			logw := env.Stderr
			if logPath != "" {
				f, err := os.OpenFile(logPath, os.O_WRONLY|os.O_CREATE|os.O_APPEND, 0o644)
				if err != nil {
					return usageErrorf("lsp: open log: %v", err)
				}
				defer f.Close()
				logw = f
			}
			s := lsp.New(newLSPLinter(env, registry), lsp.Options{
				Debounce: debounce,
				Version:  Version,
				Log:      logw,
				Trace:    logPath != "",
			})
			*status = s.Serve(context.Background(), stdio{env.Stdin, env.Stdout})
			return nil
		},
	}
	cmd.Flags().DurationVar(&debounce, "debounce", lsp.DefaultDebounce, "wait this long after the last edit before linting (0 lints on every edit)")
	cmd.Flags().StringVar(&logPath, "log", "", "append a log of every message sent and received to this file")
	_ = cmd.MarkFlagFilename("log")
	return cmd
}

// stdio is standard input and output as one stream. Closing it does
// nothing: the process exits when the server is done.
type stdio struct {
	io.Reader
	io.Writer
}

// Close implements io.Closer.
func (stdio) Close() error { return nil }

// lspLinter lints the editor's drafts with a checker, one at a time (a
// checker's configuration cache is not safe for concurrent use).
type lspLinter struct {
	env      Env
	registry []lint.Rule
	mu       sync.Mutex
	c        *checker
	// corpora holds each configuration's open archive, kept between
	// lints and closed on reload.
	corpora map[*config.Config]*corpusSet
}

func newLSPLinter(env Env, registry []lint.Rule) *lspLinter {
	l := &lspLinter{env: env, registry: registry}
	l.Reload()
	return l
}

// Lint implements lsp.Linter: text is linted with the configuration of
// path's directory, never read from disk. An excluded draft has no
// findings; one that cannot be linted (too large, binary) is an error.
func (l *lspLinter) Lint(path string, text []byte) (lint.FileResult, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	cfg, err := l.c.configs.forDir(filepath.Dir(path))
	if err != nil {
		return lint.FileResult{}, err
	}
	if cfg.Excludes(path) {
		return lint.FileResult{Path: path}, nil
	}
	if cfg.MaxSize > 0 && int64(len(text)) > cfg.MaxSize {
		return lint.FileResult{}, errors.New(tooLarge(cfg, int64(len(text))))
	}
	src := source{path: path, data: text, cfg: cfg}
	o := l.c.lintOne(src, l.corpus(src))
	if !o.linted {
		if o.msg != nil {
			return lint.FileResult{}, errors.New(o.msg.text)
		}
		return lint.FileResult{}, fmt.Errorf("lsp: %s was not linted", path)
	}
	return o.result, nil
}

// Reload implements lsp.Linter with a fresh checker, whose configuration
// cache is empty.
func (l *lspLinter) Reload() {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.c = newChecker(l.env, l.registry, nil, nil, &checkOptions{})
	for _, cs := range l.corpora {
		cs.close()
	}
	l.corpora = map[*config.Config]*corpusSet{}
}

// corpus returns what src is compared with for reused text: the archive
// its configuration names. An open archive is kept for later lints; a
// missing one is looked for again each time, so that 'newslint archive
// add' is seen without a restart. Problems opening it go to the log.
func (l *lspLinter) corpus(src source) *reuse.Corpus {
	if cs, ok := l.corpora[src.cfg]; ok {
		return cs.of(src.cfg)
	}
	cs, msgs := l.c.corpora([]source{src})
	for _, m := range msgs {
		fmt.Fprintf(l.env.Stderr, "newslint lsp: %s: %s\n", m.path, m.text)
	}
	if len(cs.stores) == 0 {
		cs.close()
		return nil
	}
	l.corpora[src.cfg] = cs
	return cs.of(src.cfg)
}
