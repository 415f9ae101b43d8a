package cli

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
)

// stagedFile is a draft staged for commit: its path relative to the
// repository's top (slash-separated, as git prints it) and the object
// name of its staged blob.
type stagedFile struct {
	path   string
	object string
}

// gitStdout runs git with args and returns its standard output; a failure
// carries git's own message.
func gitStdout(args ...string) ([]byte, error) {
	var stderr bytes.Buffer
	cmd := exec.Command("git", args...)
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		var ee *exec.ExitError
		if !errors.As(err, &ee) {
			return nil, fmt.Errorf("git %s: %w (is git installed?)", args[0], err)
		}
		if msg := strings.TrimSpace(stderr.String()); msg != "" {
			return nil, errors.New(strings.TrimPrefix(msg, "fatal: "))
		}
		return nil, fmt.Errorf("git %s: %w", args[0], err)
	}
	return out, nil
}

// stagedPrefix returns the working directory's path below the top of the
// repository's working tree ("" at the top, "sub/dir/" below it), or an
// error outside a repository.
func stagedPrefix() (string, error) {
	out, err := gitStdout("rev-parse", "--show-toplevel", "--show-prefix")
	if err != nil {
		return "", fmt.Errorf("--staged needs a git repository: %w", err)
	}
	lines := strings.Split(strings.TrimSuffix(string(out), "\n"), "\n")
	if len(lines) < 2 {
		return "", nil // at the top, git prints an empty prefix line
	}
	return lines[1], nil
}

// stagedFiles lists the files added, copied, modified or renamed in the
// index, with their staged blobs. Symbolic links and submodules are left
// out: their staged "content" is not a draft.
func stagedFiles() ([]stagedFile, error) {
	out, err := gitStdout("diff", "--cached", "--raw", "-z", "--no-abbrev", "--no-ext-diff", "--diff-filter=ACMR")
	if err != nil {
		return nil, fmt.Errorf("--staged: list staged files: %w", err)
	}
	return parseStagedDiff(out)
}

// parseStagedDiff reads `git diff --raw -z` output: for each file a header
// ":oldmode newmode oldobject newobject status", then the path, then for
// renames and copies the new path.
func parseStagedDiff(out []byte) ([]stagedFile, error) {
	fields := strings.Split(string(out), "\x00")
	var files []stagedFile
	for i := 0; i < len(fields); i++ {
		header := fields[i]
		if header == "" {
			continue
		}
		h := strings.Fields(strings.TrimPrefix(header, ":"))
		if !strings.HasPrefix(header, ":") || len(h) != 5 || i+1 >= len(fields) {
			return nil, fmt.Errorf("--staged: unexpected git diff output %q", header)
		}
		i++
		path := fields[i]
		if status := h[4]; status[0] == 'R' || status[0] == 'C' {
			if i+1 >= len(fields) {
				return nil, fmt.Errorf("--staged: unexpected git diff output %q", header)
			}
			i++
			path = fields[i]
		}
		if path == "" {
			return nil, fmt.Errorf("--staged: unexpected git diff output %q: no path", header)
		}
		if mode := h[1]; mode != "100644" && mode != "100755" {
			continue // a symbolic link (120000) or a submodule (160000)
		}
		files = append(files, stagedFile{path: path, object: h[3]})
	}
	return files, nil
}

// namedOrUnder reports whether path (relative to the working directory) is one
// of the paths named, or lies below one of them. No names matches all.
func namedOrUnder(path string, names []string) (named, under bool) {
	if len(names) == 0 {
		return false, true
	}
	for _, n := range names {
		n = filepath.Clean(n)
		switch {
		case n == path:
			return true, true
		case n == ".":
			under = !strings.HasPrefix(path, ".."+string(filepath.Separator)) && path != ".."
		case strings.HasPrefix(path, n+string(filepath.Separator)):
			under = true
		case filepath.IsAbs(n):
			if abs, err := filepath.Abs(path); err == nil && (abs == n || strings.HasPrefix(abs, n+string(filepath.Separator))) {
				return abs == n, true
			}
		}
		if under {
			return false, true
		}
	}
	return false, false
}

// walkStaged sends a source for every draft staged for commit, narrowed
// to the paths args name, with the staged (index) text rather than the
// working tree's, and paths relative to the working directory.
func (c *checker) walkStaged(args []string, out chan<- source) ([]message, error) {
	for _, a := range args {
		if a == "-" {
			return nil, usageErrorf("--staged lints the drafts staged for commit; it cannot read standard input (-)")
		}
	}
	if c.opts.fix {
		return nil, usageErrorf("--staged cannot be combined with --fix: the fixes would be made to the staged text, not to the files")
	}
	prefix, err := stagedPrefix()
	if err != nil {
		return nil, err
	}
	files, err := stagedFiles()
	if err != nil {
		return nil, err
	}
	var msgs []message
	var picked []stagedFile
	var sources []source
	for _, f := range files {
		rel, err := filepath.Rel(filepath.FromSlash(prefix), filepath.FromSlash(f.path))
		if err != nil {
			continue
		}
		named, under := namedOrUnder(rel, args)
		if !under {
			continue
		}
		cfg, err := c.configs.forDir(filepath.Dir(rel))
		if err != nil {
			return nil, err
		}
		if named {
			if cfg.Excludes(rel) {
				msgs = append(msgs, message{path: rel, text: "skipped: excluded by files.exclude in " + displayPath(cfg.Path), unchecked: true})
				continue
			}
		} else if inSkippedDir(f.path) || !cfg.Includes(rel) {
			continue
		}
		picked = append(picked, f)
		sources = append(sources, source{path: rel, cfg: cfg})
	}
	if len(sources) == 0 {
		note := "no staged drafts to lint"
		if len(args) > 0 {
			note = "no staged drafts under " + strings.Join(args, ", ")
		}
		return append(msgs, message{path: "--staged", text: note}), nil
	}
	return readStaged(picked, sources, msgs, out)
}

// inSkippedDir reports whether a repository path lies in a directory that
// is never walked (.git, node_modules, vendor).
func inSkippedDir(path string) bool {
	parts := strings.Split(path, "/")
	for _, p := range parts[:len(parts)-1] {
		if skippedDirs[p] {
			return true
		}
	}
	return false
}

// readStaged reads the staged blobs of files with one `git cat-file
// --batch` process and sends each draft's text as sources[i].
func readStaged(files []stagedFile, sources []source, msgs []message, out chan<- source) ([]message, error) {
	cmd := exec.Command("git", "cat-file", "--batch")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	stdin, err := cmd.StdinPipe()
	if err != nil {
		return msgs, fmt.Errorf("--staged: git cat-file: %w", err)
	}
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		return msgs, fmt.Errorf("--staged: git cat-file: %w", err)
	}
	if err := cmd.Start(); err != nil {
		return msgs, fmt.Errorf("--staged: git cat-file: %w", err)
	}
	go func() {
		w := bufio.NewWriter(stdin)
		for _, f := range files {
			fmt.Fprintln(w, f.object)
		}
		w.Flush()
		stdin.Close()
	}()
	r := bufio.NewReader(stdout)
	var readErr error
	for i, src := range sources {
		data, msg, err := readStagedBlob(r, src)
		if err != nil {
			readErr = fmt.Errorf("--staged: read the staged %s: %w", src.path, err)
			break
		}
		if msg != nil {
			msgs = append(msgs, *msg)
			continue
		}
		sources[i].data = data
		out <- sources[i]
	}
	io.Copy(io.Discard, r)
	if err := cmd.Wait(); err != nil && readErr == nil {
		readErr = fmt.Errorf("--staged: git cat-file: %v: %s", err, strings.TrimSpace(stderr.String()))
	}
	return msgs, readErr
}

// readStagedBlob reads one `git cat-file --batch` answer ("<object> <type>
// <size>", the content, a newline) and returns the content, or a message
// for a draft over the size limit.
func readStagedBlob(r *bufio.Reader, src source) ([]byte, *message, error) {
	header, err := r.ReadString('\n')
	if err != nil {
		return nil, nil, err
	}
	h := strings.Fields(header)
	if len(h) != 3 || h[1] != "blob" {
		return nil, nil, fmt.Errorf("git cat-file answered %q", strings.TrimSpace(header))
	}
	size, err := strconv.ParseInt(h[2], 10, 64)
	if err != nil {
		return nil, nil, fmt.Errorf("git cat-file answered %q", strings.TrimSpace(header))
	}
	if src.cfg.MaxSize > 0 && size > src.cfg.MaxSize {
		if _, err := io.CopyN(io.Discard, r, size+1); err != nil {
			return nil, nil, err
		}
		return nil, &message{path: src.path, text: tooLarge(src.cfg, size), fatal: true, unchecked: true}, nil
	}
	data := make([]byte, size+1)
	if _, err := io.ReadFull(r, data); err != nil {
		return nil, nil, err
	}
	return data[:size], nil, nil
}
