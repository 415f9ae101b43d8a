package cli

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"sync"

	"github.com/newslint/newslint/config"
	"github.com/newslint/newslint/draft"
	"github.com/newslint/newslint/lint"
	"github.com/newslint/newslint/reuse"
)

// skippedDirs are never walked.
var skippedDirs = map[string]bool{".git": true, "node_modules": true, "vendor": true}

// checker lints the drafts named on the command line: one goroutine walks
// the paths and finds each file's configuration, a pool of GOMAXPROCS
// workers reads, parses and lints, and only findings are kept, so memory
// does not grow with the number of drafts.
type checker struct {
	env      Env
	registry []lint.Rule
	engine   *lint.Engine
	parser   *draft.Parser
	configs  *configs
	flags    map[string]bool
	opts     *checkOptions
}

// source is one draft to lint.
type source struct {
	path string
	data []byte // nil: read the file at path
	cfg  *config.Config
}

// stats is what a run found.
type stats struct {
	files       int
	unchecked   int // drafts named or found that could not be checked
	results     []lint.FileResult
	maxSeverity lint.Severity
	messages    []string // for standard error, sorted
	failed      bool     // an I/O error or a failed rule: exit status 2
	// fixes holds what --fix did to each draft (fix.go).
	fixes []fileFix
	// linted holds the path of every draft linted, for baselines.
	linted []string
}

func newChecker(env Env, registry []lint.Rule, fixed *config.Config, flags map[string]bool, o *checkOptions) *checker {
	var processors []lint.Processor
	if o.quiet {
		processors = append(processors, lint.MinSeverity(lint.Error))
	}
	return &checker{
		env:      env,
		registry: registry,
		engine:   lint.NewEngine(registry, processors...),
		parser:   draft.NewParser(),
		configs:  &configs{registry: registry, fixed: fixed, byDir: map[string]*config.Config{}, byFile: map[string]*config.Config{}},
		flags:    flags,
		opts:     o,
	}
}

type message struct {
	path, text string
	fatal      bool
	unchecked  bool // the message is about a draft that was not checked
}

type outcome struct {
	result lint.FileResult
	msg    *message
	linted bool
	fix    *fileFix // with --fix
}

// run lints everything args name. It returns an error only for a
// configuration error, which stops the run.
func (c *checker) run(args []string) (stats, error) {
	found := make(chan source, 64)
	var walkErr error
	var walkMsgs []message
	go func() {
		defer close(found)
		walkMsgs, walkErr = c.walk(args, found)
	}()
	var all []source
	for src := range found {
		all = append(all, src)
	}
	if walkErr != nil {
		return stats{}, walkErr
	}
	corpora, corpusMsgs := c.corpora(all)
	defer corpora.close()
	walkMsgs = append(walkMsgs, corpusMsgs...)
	sources := make(chan source, 64)
	go func() {
		defer close(sources)
		for _, src := range all {
			sources <- src
		}
	}()
	outcomes := make(chan outcome, 64)
	var wg sync.WaitGroup
	for range runtime.GOMAXPROCS(0) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for src := range sources {
				outcomes <- c.lintOne(src, corpora.of(src.cfg))
			}
		}()
	}
	go func() {
		wg.Wait()
		close(outcomes)
	}()

	var st stats
	var msgs []message
	for o := range outcomes {
		if o.msg != nil {
			msgs = append(msgs, *o.msg)
		}
		if o.fix != nil {
			msgs = append(msgs, o.fix.msgs...)
			st.fixes = append(st.fixes, *o.fix)
		}
		if !o.linted {
			continue
		}
		st.files++
		st.linted = append(st.linted, o.result.Path)
		if len(o.result.Findings) > 0 {
			st.results = append(st.results, o.result)
			for _, f := range o.result.Findings {
				st.maxSeverity = max(st.maxSeverity, f.Severity)
			}
		}
	}
	if walkErr != nil {
		return st, walkErr
	}
	msgs = append(msgs, walkMsgs...)
	sort.SliceStable(msgs, func(i, j int) bool { return msgs[i].path < msgs[j].path })
	for _, m := range msgs {
		st.messages = append(st.messages, m.path+": "+m.text)
		st.failed = st.failed || m.fatal
		if m.unchecked {
			st.unchecked++
		}
	}
	sort.Slice(st.results, func(i, j int) bool { return st.results[i].Path < st.results[j].Path })
	return st, nil
}

// walk sends a source for every draft args name, in order.
func (c *checker) walk(args []string, out chan<- source) ([]message, error) {
	if c.opts.staged {
		return c.walkStaged(args, out) // staged.go
	}
	var msgs []message
	seen := map[string]bool{}
	send := func(src source) {
		// A file named twice, or through a symbolic link and directly, is
		// linted (and fixed) once.
		key := src.path
		if src.data == nil {
			if abs, err := filepath.Abs(src.path); err == nil {
				key = abs
			}
			if real, err := filepath.EvalSymlinks(key); err == nil {
				key = real
			}
		}
		if !seen[key] {
			seen[key] = true
			out <- src
		}
	}
	for _, arg := range args {
		if arg == "-" {
			src, err := c.stdinSource()
			if err != nil {
				return msgs, err
			}
			if src.data == nil {
				msgs = append(msgs, message{path: "-", text: "cannot read standard input", fatal: true})
				continue
			}
			if src.cfg.MaxSize > 0 && int64(len(src.data)) > src.cfg.MaxSize {
				msgs = append(msgs, message{path: src.path, text: tooLarge(src.cfg, int64(len(src.data))), fatal: true, unchecked: true})
				continue
			}
			send(src)
			continue
		}
		st, err := os.Stat(arg)
		if err != nil {
			msgs = append(msgs, message{path: arg, text: describeIOError(err), fatal: true, unchecked: true})
			continue
		}
		if !st.IsDir() {
			cfg, err := c.configs.forDir(filepath.Dir(arg))
			if err != nil {
				return msgs, err
			}
			if cfg.Excludes(arg) {
				msgs = append(msgs, message{path: arg, text: "skipped: excluded by files.exclude in " + displayPath(cfg.Path), unchecked: true})
				continue
			}
			send(source{path: arg, cfg: cfg})
			continue
		}
		found := 0
		var rootCfg *config.Config
		err = filepath.WalkDir(arg, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				msgs = append(msgs, message{path: p, text: describeIOError(err), fatal: true})
				if d != nil && d.IsDir() {
					return fs.SkipDir
				}
				return nil
			}
			if d.IsDir() {
				if p != arg && skippedDirs[d.Name()] {
					return fs.SkipDir
				}
				cfg, err := c.configs.forDir(p)
				if err != nil {
					return err
				}
				if p == arg {
					rootCfg = cfg
				} else if cfg.Excludes(p) {
					return fs.SkipDir
				}
				return nil
			}
			if !d.Type().IsRegular() {
				if st, err := os.Stat(p); err != nil || !st.Mode().IsRegular() {
					return nil // dangling links, links to directories, devices
				}
			}
			cfg, err := c.configs.forDir(filepath.Dir(p))
			if err != nil {
				return err
			}
			if cfg.Includes(p) {
				found++
				send(source{path: asGiven(arg, p), cfg: cfg})
			}
			return nil
		})
		if err != nil {
			return msgs, err
		}
		if found == 0 && rootCfg != nil {
			msgs = append(msgs, message{path: arg, text: fmt.Sprintf("no drafts found (looked for %s)", strings.Join(rootCfg.Include, ", ")), fatal: true})
		}
	}
	return msgs, nil
}

func (c *checker) stdinSource() (source, error) {
	name := c.opts.stdinFilename
	dir := "."
	if name != "" {
		dir = filepath.Dir(name)
	} else {
		name = "<stdin>"
	}
	cfg, err := c.configs.forDir(dir)
	if err != nil {
		return source{}, err
	}
	r := c.env.Stdin
	if cfg.MaxSize > 0 {
		r = io.LimitReader(r, cfg.MaxSize+1)
	}
	data, err := io.ReadAll(r)
	if err != nil {
		return source{path: name}, nil
	}
	if data == nil {
		data = []byte{}
	}
	return source{path: name, data: data, cfg: cfg}, nil
}

// readDraft reads a draft's file, refusing one over the size limit before
// reading it.
func readDraft(src source) ([]byte, *message) {
	fail := func(text string) *message {
		return &message{path: src.path, text: text, fatal: true, unchecked: true}
	}
	f, err := os.Open(src.path)
	if err != nil {
		return nil, fail(describeIOError(err))
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return nil, fail(describeIOError(err))
	}
	if src.cfg.MaxSize > 0 && st.Size() > src.cfg.MaxSize {
		return nil, fail(tooLarge(src.cfg, st.Size()))
	}
	data := make([]byte, 0, st.Size()+1)
	for {
		n, err := f.Read(data[len(data):cap(data)])
		data = data[:len(data)+n]
		if err == io.EOF {
			return data, nil
		}
		if err != nil {
			return nil, fail(describeIOError(err))
		}
		if len(data) == cap(data) {
			data = append(data, 0)[:len(data)] // the file grew while we read it
		}
	}
}

// tooLarge describes a draft over the configured size limit.
func tooLarge(cfg *config.Config, size int64) string {
	where := "files.max_size"
	if cfg.Path != "" {
		where += " in " + displayPath(cfg.Path)
	}
	return fmt.Sprintf("skipped: file is %s, over the %s limit (%s); raise the limit or exclude the file",
		config.FormatSize(size), config.FormatSize(cfg.MaxSize), where)
}

// lintOne reads, parses and lints one draft.
func (c *checker) lintOne(src source, corpus *reuse.Corpus) outcome {
	data := src.data
	if data == nil {
		var msg *message
		if data, msg = readDraft(src); msg != nil {
			return outcome{msg: msg}
		}
	}
	res, enc, msg := c.lintData(src, data, corpus)
	if msg != nil {
		return outcome{msg: msg}
	}
	if c.opts.fix {
		return c.fixDraft(src, data, enc, res, corpus) // fix.go
	}
	return outcome{result: res, linted: true}
}

// lintData parses and lints a draft's content, returning its findings and
// the encoding it was read in.
func (c *checker) lintData(src source, data []byte, corpus *reuse.Corpus) (lint.FileResult, draft.Encoding, *message) {
	format := formatOf(src)
	doc, err := c.parser.ParseWith(src.path, data, draft.Options{Format: format, Language: src.cfg.Language})
	if err != nil {
		var be *draft.BinaryError
		if errors.As(err, &be) {
			return lint.FileResult{}, 0, &message{path: src.path, text: be.Error(), unchecked: true}
		}
		return lint.FileResult{}, 0, &message{path: src.path, text: err.Error(), fatal: true, unchecked: true}
	}
	rules, err := src.cfg.Rules(src.path)
	if err != nil {
		return lint.FileResult{}, 0, &message{path: src.path, text: err.Error(), fatal: true}
	}
	res, err := c.engine.Lint(doc, lint.RuleSet{Rules: c.applyFlags(rules), Language: src.cfg.Language, Languages: src.cfg.Languages, Vocabulary: src.cfg.Vocabulary, Corpus: corpus})
	if err != nil {
		return lint.FileResult{}, 0, &message{path: src.path, text: err.Error(), fatal: true}
	}
	if c.opts.keepText && len(res.Findings) > 0 {
		res.Text = doc.Src
	}
	return res, doc.Encoding, nil
}

// applyFlags applies --enable and --disable to a file's rules.
func (c *checker) applyFlags(rules []lint.Configured) []lint.Configured {
	if len(c.flags) == 0 {
		return rules
	}
	out := make([]lint.Configured, len(rules))
	copy(out, rules)
	for i := range out {
		on, ok := c.flags[out[i].Rule.Meta().ID]
		switch {
		case !ok:
		case !on:
			out[i].Severity = lint.Off
		case out[i].Severity == lint.Off:
			out[i].Severity = out[i].Rule.Meta().Severity
		}
	}
	return out
}

// asGiven writes path p, found by walking the directory arg, with arg
// spelled as the user gave it (./drafts/a.md rather than drafts/a.md).
// Walking "." gives paths relative to it (drafts/a.md), which is what CI
// annotations expect.
func asGiven(arg, p string) string {
	rel, err := filepath.Rel(filepath.Clean(arg), p)
	if err != nil || rel == "." || filepath.Clean(arg) == "." {
		return p
	}
	if strings.HasSuffix(arg, string(filepath.Separator)) {
		return arg + rel
	}
	return arg + string(filepath.Separator) + rel
}

func describeIOError(err error) string {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		err = pe.Err
	}
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return "no such file or directory"
	case errors.Is(err, fs.ErrPermission):
		return "permission denied"
	}
	return err.Error()
}

// displayPath shows a path relative to the working directory when it lies
// below it; an empty path is the built-in defaults.
func displayPath(p string) string {
	if p == "" {
		return "the defaults"
	}
	return reuse.DisplayPath(p)
}

// configs finds and caches the configuration for each directory.
type configs struct {
	registry []lint.Rule
	fixed    *config.Config
	byDir    map[string]*config.Config
	byFile   map[string]*config.Config
	defaults *config.Config
}

func (cs *configs) forDir(dir string) (*config.Config, error) {
	if cs.fixed != nil {
		return cs.fixed, nil
	}
	abs, err := filepath.Abs(dir)
	if err != nil {
		return nil, fmt.Errorf("config: %w", err)
	}
	if cfg, ok := cs.byDir[abs]; ok {
		return cfg, nil
	}
	path, err := config.Find(abs)
	if err != nil {
		return nil, err
	}
	var cfg *config.Config
	switch {
	case path == "":
		if cs.defaults == nil {
			wd, _ := os.Getwd()
			cs.defaults = config.Default(wd, cs.registry)
		}
		cfg = cs.defaults
	case cs.byFile[path] != nil:
		cfg = cs.byFile[path]
	default:
		if cfg, err = config.Load(displayPath(path), cs.registry); err != nil {
			return nil, err
		}
		cs.byFile[path] = cfg
	}
	cs.byDir[abs] = cfg
	return cfg, nil
}
