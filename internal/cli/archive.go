package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/signal"
	"path/filepath"
	"text/tabwriter"
	"time"

	"github.com/newslint/newslint/archive"
	"github.com/newslint/newslint/config"
	"github.com/newslint/newslint/draft"
	"github.com/newslint/newslint/lint"
	"github.com/spf13/cobra"
)

// batchBytes is how much article text one transaction of `archive add`
// holds: whole articles only, so a stopped run never leaves part of one.
const batchBytes = 4 << 20

// archiveOptions are the flags every archive subcommand takes.
type archiveOptions struct {
	configPath string
	path       string
}

func newArchiveCommand(env Env, registry []lint.Rule) *cobra.Command {
	o := &archiveOptions{}
	cmd := &cobra.Command{
		Use:   "archive",
		Short: "Keep the archive of published articles that drafts are compared with",
		Long: `The archive holds published articles, so that recycled-paragraph can find
text a draft reuses and boilerplate can learn a site's template text. It is a
SQLite file, by default .newslint/archive.db next to .newslint.yml (archive.path
in the configuration, or --archive).`,
	}
	cmd.PersistentFlags().StringVar(&o.configPath, "config", "", "use this configuration file instead of looking for .newslint.yml")
	cmd.PersistentFlags().StringVar(&o.path, "archive", "", "the archive file (default: archive.path of the configuration)")
	add := &cobra.Command{
		Use:   "add PATH...",
		Short: "Index published articles (files or directories of text, Markdown and HTML)",
		Args:  cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return archiveAdd(cmd.Context(), env, registry, o, args)
		},
	}
	remove := &cobra.Command{
		Use:   "remove PATH...",
		Short: "Remove articles from the archive",
		Args:  cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return withArchive(cmd.Context(), o, registry, func(ctx context.Context, s *archive.SQLite) error { return archiveRemove(ctx, env, s, args) })
		},
	}
	list := &cobra.Command{
		Use:   "list",
		Short: "List the archived articles",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			return withArchive(cmd.Context(), o, registry, func(ctx context.Context, s *archive.SQLite) error { return archiveList(ctx, env, s) })
		},
	}
	stats := &cobra.Command{
		Use:   "stats",
		Short: "Count the archived articles and paragraphs, and the archive's size on disk",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			return withArchive(cmd.Context(), o, registry, func(ctx context.Context, s *archive.SQLite) error { return archiveStats(ctx, env, s) })
		},
	}
	cmd.AddCommand(add, remove, list, stats)
	return cmd
}

// archivePath finds the archive: --archive, else the configuration's.
func (o *archiveOptions) archivePath(registry []lint.Rule) (string, *config.Config, error) {
	var cfg *config.Config
	var err error
	if o.configPath != "" {
		cfg, err = config.Load(o.configPath, registry)
	} else {
		cs := &configs{registry: registry, byDir: map[string]*config.Config{}, byFile: map[string]*config.Config{}}
		cfg, err = cs.forDir(".")
	}
	if err != nil {
		return "", nil, &exitError{code: ExitError, err: err}
	}
	if o.path != "" {
		return o.path, cfg, nil
	}
	return cfg.Archive, cfg, nil
}

func openArchive(ctx context.Context, o *archiveOptions, registry []lint.Rule, readOnly bool) (*archive.SQLite, *config.Config, error) {
	path, cfg, err := o.archivePath(registry)
	if err != nil {
		return nil, nil, err
	}
	s, err := archive.Open(ctx, path, archive.Options{MustExist: readOnly})
	if errors.Is(err, archive.ErrNotExist) {
		return nil, nil, usageErrorf("no archive at %s: add published articles with 'newslint archive add PATH...'", displayPath(path))
	}
	if err != nil {
		return nil, nil, &exitError{code: ExitError, err: err}
	}
	return s, cfg, nil
}

// withArchive opens the existing archive, runs f on it and closes it.
func withArchive(ctx context.Context, o *archiveOptions, registry []lint.Rule, f func(context.Context, *archive.SQLite) error) error {
	if ctx == nil {
		ctx = context.Background()
	}
	store, _, err := openArchive(ctx, o, registry, true)
	if err != nil {
		return err
	}
	defer store.Close()
	return f(ctx, store)
}

func archiveAdd(ctx context.Context, env Env, registry []lint.Rule, o *archiveOptions, args []string) error {
	if ctx == nil {
		ctx = context.Background()
	}
	ctx, stop := signal.NotifyContext(ctx, os.Interrupt)
	defer stop()
	store, cfg, err := openArchive(ctx, o, registry, false)
	if err != nil {
		return err
	}
	defer store.Close()
	files, problems := archiveFiles(cfg, args)
	for _, p := range problems {
		fmt.Fprintf(env.Stderr, "newslint: %s\n", p)
	}
	bar := newProgress(env, len(files))
	parser := draft.NewParser()
	var counts [3]int
	var batch []archive.Entry
	var size int64
	failed := len(problems) > 0
	start := time.Now()
	commit := func() error {
		outs, err := store.Add(ctx, batch...)
		if err != nil {
			return err
		}
		for _, o := range outs {
			counts[o]++
		}
		batch, size = batch[:0], 0
		return nil
	}
	for i, f := range files {
		if ctx.Err() != nil {
			break
		}
		bar.update(i, f)
		e, err := archive.ReadFile(parser, f)
		if err != nil {
			fmt.Fprintf(env.Stderr, "newslint: %s\n", describeArchiveError(f, err))
			failed = true
			continue
		}
		batch = append(batch, e)
		size += e.Article.Size
		if size >= batchBytes {
			if err := commit(); err != nil {
				bar.done()
				return &exitError{code: ExitError, err: err}
			}
		}
	}
	if err := commit(); err != nil && ctx.Err() == nil {
		bar.done()
		return &exitError{code: ExitError, err: err}
	}
	bar.done()
	if err := store.Flush(context.WithoutCancel(ctx)); err != nil {
		return &exitError{code: ExitError, err: err}
	}
	fmt.Fprintf(env.Stdout, "%d added, %d replaced, %d unchanged in %s (%s)\n", counts[archive.Added], counts[archive.Replaced],
		counts[archive.Unchanged], displayPath(store.Path()), time.Since(start).Round(time.Millisecond))
	if ctx.Err() != nil {
		return &exitError{code: ExitError, err: errors.New("interrupted: the articles added before the interruption are kept, the rest were not added")}
	}
	if failed {
		return &exitError{code: ExitError, err: errors.New("some files could not be added")}
	}
	return nil
}

func describeArchiveError(path string, err error) string {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return path + ": " + describeIOError(err)
	}
	if errors.Is(err, archive.ErrBinary) {
		return path + ": skipped: not a text file"
	}
	return err.Error()
}

// archiveFiles lists the drafts that args name, as the check command finds
// them (directories walked for the configuration's include patterns).
func archiveFiles(cfg *config.Config, args []string) ([]string, []string) {
	var files, problems []string
	for _, arg := range args {
		st, err := os.Stat(arg)
		if err != nil {
			problems = append(problems, arg+": "+describeIOError(err))
			continue
		}
		if !st.IsDir() {
			files = append(files, arg)
			continue
		}
		found := 0
		filepath.WalkDir(arg, func(p string, d fs.DirEntry, err error) error {
			switch {
			case err != nil:
				problems = append(problems, p+": "+describeIOError(err))
				return nil
			case d.IsDir() && p != arg && skippedDirs[d.Name()]:
				return fs.SkipDir
			case d.IsDir() || !d.Type().IsRegular():
				return nil
			case cfg.Includes(p):
				found++
				files = append(files, p)
			}
			return nil
		})
		if found == 0 {
			problems = append(problems, arg+": no articles found")
		}
	}
	return files, problems
}

func archiveRemove(ctx context.Context, env Env, store *archive.SQLite, args []string) error {
	missing := false
	for _, a := range args {
		abs, err := filepath.Abs(a)
		if err != nil {
			return &exitError{code: ExitError, err: err}
		}
		ok, err := store.Remove(ctx, abs)
		if err != nil {
			return &exitError{code: ExitError, err: err}
		}
		if !ok {
			fmt.Fprintf(env.Stderr, "newslint: %s: not in the archive\n", a)
			missing = true
			continue
		}
		fmt.Fprintf(env.Stdout, "removed %s\n", a)
	}
	if missing {
		return &exitError{code: ExitError, err: errors.New("some articles were not in the archive")}
	}
	return nil
}

func archiveList(ctx context.Context, env Env, store *archive.SQLite) error {
	arts, err := store.Articles(ctx)
	if err != nil {
		return &exitError{code: ExitError, err: err}
	}
	w := tabwriter.NewWriter(env.Stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(w, "PATH\tDATE\tPARAGRAPHS\tTITLE")
	for _, a := range arts {
		fmt.Fprintf(w, "%s\t%s\t%d\t%s\n", displayPath(a.Path), dash(a.Date), a.Paragraphs, dash(a.Title))
	}
	return w.Flush()
}

func dash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

func archiveStats(ctx context.Context, env Env, store *archive.SQLite) error {
	st, err := store.Stats(ctx)
	if err != nil {
		return &exitError{code: ExitError, err: err}
	}
	perPara := 0.0
	if st.Paragraphs > 0 {
		perPara = float64(st.SizeOnDisk-st.TextBytes) / float64(st.Paragraphs)
	}
	fmt.Fprintf(env.Stdout, "archive      %s (schema version %d)\narticles     %d\nparagraphs   %d\nfingerprints %d in %d index blocks\ntext         %s\nsize on disk %s (%.0f bytes a paragraph beyond the text)\n",
		displayPath(store.Path()), archive.SchemaVersion, st.Articles, st.Paragraphs, st.Postings, st.Buckets,
		config.FormatSize(st.TextBytes), config.FormatSize(st.SizeOnDisk), perPara)
	return nil
}

// progress draws a one-line progress bar on standard error, only when it
// is a terminal.
type progress struct {
	w     io.Writer
	total int
	last  time.Time
}

func newProgress(env Env, total int) *progress {
	if total < 2 || !env.IsTerminal(env.Stderr) {
		return &progress{}
	}
	return &progress{w: env.Stderr, total: total}
}

func (p *progress) update(i int, name string) {
	if p.w == nil || time.Since(p.last) < 100*time.Millisecond {
		return
	}
	p.last = time.Now()
	const width = 30
	filled := width * i / p.total
	bar := make([]byte, width)
	for k := range bar {
		bar[k] = '-'
		if k < filled {
			bar[k] = '#'
		}
	}
	if len(name) > 40 {
		name = "..." + name[len(name)-37:]
	}
	fmt.Fprintf(p.w, "\r[%s] %d/%d %-40s", bar, i, p.total, name)
}

func (p *progress) done() {
	if p.w != nil {
		fmt.Fprintf(p.w, "\r%*s\r", 80, "")
	}
}
