// Package config loads .newslint.yml: the drafts' language, which files a
// directory walk lints, and each rule's severity and options, with
// overrides for some files. Every error names the file, line and column.
package config

import (
	"fmt"
	"os"
	"path"
	"path/filepath"
	"strconv"
	"strings"
	"sync"

	"github.com/bmatcuk/doublestar/v4"
	"github.com/newslint/newslint/lint"
	"github.com/newslint/newslint/vocab"
	"golang.org/x/text/language"
)

// FileNames returns the names a configuration file may have, in the order
// they are looked for.
func FileNames() []string { return []string{".newslint.yml", ".newslint.yaml"} }

// DefaultLanguage is the drafts' language when no configuration names one.
const DefaultLanguage = "en-US"

// DefaultInclude returns the globs a directory walk lints when the
// configuration names none.
func DefaultInclude() []string {
	return []string{"**/*.md", "**/*.markdown", "**/*.txt", "**/*.html", "**/*.htm"}
}

// DefaultMaxSize is the default limit on a draft's size: 10 MB, a
// thousand times a long feature story.
const DefaultMaxSize = 10 << 20

// ParseSize reads a size such as 10MB, 512 KB, 2GB or a number of bytes.
// KB, MB and GB are binary units (1 KB = 1024 bytes); 0 means no limit.
func ParseSize(s string) (int64, error) {
	t := strings.ToUpper(strings.TrimSpace(s))
	mult := int64(1)
	for _, u := range []struct {
		suffix string
		mult   int64
	}{{"KIB", 1 << 10}, {"MIB", 1 << 20}, {"GIB", 1 << 30}, {"KB", 1 << 10}, {"MB", 1 << 20}, {"GB", 1 << 30}, {"B", 1}} {
		if strings.HasSuffix(t, u.suffix) {
			t, mult = strings.TrimSpace(strings.TrimSuffix(t, u.suffix)), u.mult
			break
		}
	}
	n, err := strconv.ParseInt(t, 10, 64)
	if err != nil || n < 0 || n > (1<<62)/mult {
		return 0, fmt.Errorf("%q is not a size such as 10MB, 512KB or 1048576", s)
	}
	return n * mult, nil
}

// FormatSize writes a size in the largest unit that keeps it readable.
func FormatSize(n int64) string {
	switch {
	case n >= 1<<30:
		return strconv.FormatFloat(float64(n)/(1<<30), 'f', -1, 64) + " GB"
	case n >= 1<<20:
		return strconv.FormatFloat(float64(n)/(1<<20), 'f', 1, 64) + " MB"
	case n >= 1<<10:
		return strconv.FormatFloat(float64(n)/(1<<10), 'f', 1, 64) + " KB"
	}
	return strconv.FormatInt(n, 10) + " bytes"
}

// Error is a configuration error at a place in a file.
type Error struct {
	Path         string
	Line, Column int
	Msg          string
}

// Error formats the error as PATH:LINE:COL: message.
func (e *Error) Error() string {
	if e.Line == 0 {
		return fmt.Sprintf("%s: %s", e.Path, e.Msg)
	}
	return fmt.Sprintf("%s:%d:%d: %s", e.Path, e.Line, e.Column, e.Msg)
}

// Config is a loaded configuration. It is safe for concurrent use.
type Config struct {
	// Path is the file the configuration came from, empty for defaults.
	Path string
	// Dir is the directory that globs are relative to.
	Dir      string
	Language language.Tag
	// Languages are more languages the drafts mix in, whose words the
	// spelling rules accept too.
	Languages []language.Tag
	// Vocabulary is the project's accepted and rejected words; nil when
	// the configuration has none.
	Vocabulary *vocab.Vocabulary
	Include    []string
	Exclude    []string
	// MaxSize is the largest draft, in bytes, that is linted; 0 means no
	// limit. Larger files are reported and skipped.
	MaxSize int64
	// Archive is the path of the archive of published articles that
	// drafts are compared with (archive.path, relative to Dir).
	Archive string

	registry  []lint.Rule
	base      map[string]*setting
	overrides []override

	mu    sync.Mutex
	cache map[string][]lint.Configured
}

// setting is one rule's configuration at one level (base or override).
type setting struct {
	severity    lint.Severity
	hasSeverity bool
	options     *optionsNode // nil when no options are given
}

type override struct {
	files []string
	rules map[string]*setting
}

// DefaultArchive is where the archive lives, relative to the
// configuration's directory.
const DefaultArchive = ".newslint/archive.db"

// Default returns the built-in configuration, with globs relative to dir.
func Default(dir string, registry []lint.Rule) *Config {
	return &Config{
		Dir:      dir,
		Language: language.MustParse(DefaultLanguage),
		Include:  DefaultInclude(),
		MaxSize:  DefaultMaxSize,
		Archive:  filepath.Join(dir, DefaultArchive),
		registry: registry,
		base:     map[string]*setting{},
		cache:    map[string][]lint.Configured{},
	}
}

// Load reads the configuration file at path. registry lists every rule, so
// that rule IDs and options can be checked.
func Load(path string, registry []lint.Rule) (*Config, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("config: %w", err)
	}
	return Parse(path, data, registry)
}

// Find looks for a configuration file in dir and its parents, up to the
// first directory holding .git (the repository root) or the file-system
// root. It returns "" when there is none.
func Find(dir string) (string, error) {
	dir, err := filepath.Abs(dir)
	if err != nil {
		return "", fmt.Errorf("config: %w", err)
	}
	for {
		for _, name := range FileNames() {
			p := filepath.Join(dir, name)
			if st, err := os.Stat(p); err == nil && !st.IsDir() {
				return p, nil
			}
		}
		if _, err := os.Stat(filepath.Join(dir, ".git")); err == nil {
			return "", nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", nil
		}
		dir = parent
	}
}

// rel returns path relative to the configuration's directory, with
// forward slashes, for glob matching. A file outside that directory (only
// possible with --config) is matched by its path relative to the working
// directory instead.
func (c *Config) rel(path string) string {
	abs, err := filepath.Abs(path)
	if err != nil {
		return filepath.ToSlash(path)
	}
	r, err := filepath.Rel(c.Dir, abs)
	if err != nil || r == ".." || strings.HasPrefix(r, ".."+string(filepath.Separator)) {
		r = filepath.Clean(path)
		if wd, werr := os.Getwd(); werr == nil {
			if wr, rerr := filepath.Rel(wd, abs); rerr == nil {
				r = wr
			}
		}
	}
	return strings.TrimPrefix(filepath.ToSlash(r), "/")
}

// matchAny reports whether any glob matches rel. A file's extension
// matches whatever its case (A.MD is Markdown, as on Windows and macOS);
// the rest of the path is matched exactly.
func matchAny(patterns []string, rel string) bool {
	lowerExt := rel
	if ext := path.Ext(rel); ext != strings.ToLower(ext) {
		lowerExt = strings.TrimSuffix(rel, ext) + strings.ToLower(ext)
	}
	for _, p := range patterns {
		if ok, _ := doublestar.Match(p, rel); ok {
			return true
		}
		if lowerExt != rel {
			if ok, _ := doublestar.Match(p, lowerExt); ok {
				return true
			}
		}
	}
	return false
}

// Includes reports whether a directory walk should lint the file at path.
func (c *Config) Includes(path string) bool {
	rel := c.rel(path)
	return matchAny(c.Include, rel) && !matchAny(c.Exclude, rel)
}

// Excludes reports whether path (a file or directory) matches an exclude
// glob. Files named on the command line are skipped only when excluded.
func (c *Config) Excludes(path string) bool {
	return matchAny(c.Exclude, c.rel(path))
}

// Rules returns the rules to run on the file at path, with severities and
// options from the configuration and every override whose globs match.
func (c *Config) Rules(path string) ([]lint.Configured, error) {
	rel := c.rel(path)
	var key strings.Builder
	var matched []override
	for i, o := range c.overrides {
		if matchAny(o.files, rel) {
			fmt.Fprintf(&key, "%d,", i)
			matched = append(matched, o)
		}
	}
	c.mu.Lock()
	cached, ok := c.cache[key.String()]
	c.mu.Unlock()
	if ok {
		return cached, nil
	}
	out, err := c.resolve(matched)
	if err != nil {
		return nil, err
	}
	c.mu.Lock()
	c.cache[key.String()] = out
	c.mu.Unlock()
	return out, nil
}

// resolve applies the base settings and then the given overrides to every
// rule in the registry.
func (c *Config) resolve(overrides []override) ([]lint.Configured, error) {
	out := make([]lint.Configured, 0, len(c.registry))
	for _, r := range c.registry {
		id := r.Meta().ID
		levels := []*setting{c.base[id]}
		for _, o := range overrides {
			levels = append(levels, o.rules[id])
		}
		sev := r.Meta().Severity
		var nodes []*optionsNode
		for _, s := range levels {
			if s == nil {
				continue
			}
			if s.hasSeverity {
				sev = s.severity
			}
			if s.options != nil {
				nodes = append(nodes, s.options)
			}
		}
		rule, err := configure(c.Path, r, nodes)
		if err != nil {
			return nil, err
		}
		out = append(out, lint.Configured{Rule: rule, Severity: sev})
	}
	return out, nil
}
