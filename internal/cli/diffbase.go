package cli

import (
	"bufio"
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/newslint/newslint/lint"
)

// changedLines is what changed in a git work tree since a revision: for
// each file (by path relative to the repository's top), the lines added
// or modified; whole files (untracked, or added since) have every line.
type changedLines struct {
	root  string                  // the repository's top directory, symlinks resolved
	lines map[string]map[int]bool // path from root -> changed line numbers
	whole map[string]bool         // path from root -> every line is new
	base  string                  // the revision, for messages
}

// gitOutput runs git in dir and returns its standard output, or an error
// with git's own message.
func gitOutput(dir string, args ...string) ([]byte, error) {
	cmd := exec.Command("git", args...)
	cmd.Dir = dir
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		if _, ok := err.(*exec.ExitError); ok {
			msg := strings.TrimSpace(stderr.String())
			if msg == "" {
				msg = err.Error()
			}
			return nil, fmt.Errorf("git %s: %s", args[0], msg)
		}
		return nil, fmt.Errorf("git %s: %w (is git installed?)", args[0], err)
	}
	return out, nil
}

// gitRoot returns the top directory of the work tree holding dir.
func gitRoot(dir string) (string, error) {
	out, err := gitOutput(dir, "rev-parse", "--show-toplevel")
	if err != nil {
		return "", fmt.Errorf("not inside a git repository (%v)", err)
	}
	root := strings.TrimSpace(string(out))
	if r, err := filepath.EvalSymlinks(root); err == nil {
		root = r
	}
	return root, nil
}

// changedSince asks git what changed between base and the work tree (or
// the index, when staged is set), as reviewdog's diff filter does:
// a finding counts when it touches a line added or modified since base.
func changedSince(base string, staged bool) (*changedLines, error) {
	wd, err := os.Getwd()
	if err != nil {
		return nil, fmt.Errorf("--diff-base: %w", err)
	}
	root, err := gitRoot(wd)
	if err != nil {
		return nil, fmt.Errorf("--diff-base: %w", err)
	}
	if _, err := gitOutput(root, "rev-parse", "--verify", "--quiet", "--end-of-options", base+"^{commit}"); err != nil {
		return nil, fmt.Errorf("--diff-base: %q is not a commit, branch or tag in %s", base, root)
	}
	// The prefixes are given because diff.mnemonicPrefix and diff.noprefix
	// would change them; textconv drivers would change the line numbers.
	args := []string{"-c", "core.quotepath=off", "diff", "--no-color", "--no-ext-diff", "--no-textconv",
		"--src-prefix=a/", "--dst-prefix=b/", "--find-renames", "--unified=0"}
	if staged {
		args = append(args, "--cached")
	}
	args = append(args, base, "--")
	out, err := gitOutput(root, args...)
	if err != nil {
		return nil, fmt.Errorf("--diff-base: %w", err)
	}
	ch := parseUnifiedDiff(out)
	ch.root, ch.base = root, base
	if !staged {
		untracked, err := gitOutput(root, "ls-files", "--others", "--exclude-standard", "-z")
		if err != nil {
			return nil, fmt.Errorf("--diff-base: %w", err)
		}
		for _, p := range strings.Split(string(untracked), "\x00") {
			if p != "" {
				ch.whole[p] = true
			}
		}
	}
	return ch, nil
}

// parseUnifiedDiff reads the files and added lines of `git diff -U0`.
func parseUnifiedDiff(diff []byte) *changedLines {
	ch := &changedLines{lines: map[string]map[int]bool{}, whole: map[string]bool{}}
	var current string
	sc := bufio.NewScanner(bytes.NewReader(diff))
	sc.Buffer(make([]byte, 64*1024), 16*1024*1024)
	for sc.Scan() {
		line := sc.Text()
		switch {
		case strings.HasPrefix(line, "+++ "):
			current = diffPath(strings.TrimPrefix(line, "+++ "))
		case strings.HasPrefix(line, "diff --git "):
			current = ""
		case strings.HasPrefix(line, "Binary files ") && strings.HasSuffix(line, " differ"):
			// git compares UTF-16 drafts as binary: no lines, so the whole
			// draft counts as changed.
			if p := binaryDiffPath(line); p != "" {
				ch.whole[p] = true
			}
		case strings.HasPrefix(line, "@@ ") && current != "":
			start, count, ok := addedRange(line)
			if !ok || count == 0 {
				continue
			}
			set := ch.lines[current]
			if set == nil {
				set = map[int]bool{}
				ch.lines[current] = set
			}
			for l := start; l < start+count; l++ {
				set[l] = true
			}
		}
	}
	return ch
}

// diffPath reads the path of a "+++ b/path" header: "" for /dev/null,
// unquoted when git quoted it.
func diffPath(s string) string {
	s = strings.TrimRight(s, "\t")
	if s == "/dev/null" {
		return ""
	}
	if strings.HasPrefix(s, `"`) {
		if u, err := strconv.Unquote(s); err == nil {
			s = u
		}
	}
	return strings.TrimPrefix(s, "b/")
}

// binaryDiffPath reads the new path of "Binary files a/P and b/P differ",
// or "" for a deleted file. The path may itself hold " and ", so the last
// " and " followed by the b/ prefix splits the line.
func binaryDiffPath(line string) string {
	body := strings.TrimSuffix(strings.TrimPrefix(line, "Binary files "), " differ")
	for end := len(body); end > 0; {
		i := strings.LastIndex(body[:end], " and ")
		if i < 0 {
			return ""
		}
		if rest := body[i+len(" and "):]; strings.HasPrefix(rest, "b/") || strings.HasPrefix(rest, `"b/`) {
			return diffPath(rest)
		}
		end = i
	}
	return ""
}

// addedRange reads "+start,count" from a hunk header "@@ -a,b +c,d @@".
func addedRange(header string) (start, count int, ok bool) {
	fields := strings.Fields(header)
	if len(fields) < 3 || !strings.HasPrefix(fields[2], "+") {
		return 0, 0, false
	}
	spec := strings.TrimPrefix(fields[2], "+")
	count = 1
	if a, b, found := strings.Cut(spec, ","); found {
		spec = a
		n, err := strconv.Atoi(b)
		if err != nil {
			return 0, 0, false
		}
		count = n
	}
	start, err := strconv.Atoi(spec)
	if err != nil {
		return 0, 0, false
	}
	return start, count, true
}

// rel returns a draft's path relative to the repository's top, and false
// for a path outside it (or standard input).
func (ch *changedLines) rel(path string) (string, bool) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return "", false
	}
	if dir, err := filepath.EvalSymlinks(filepath.Dir(abs)); err == nil {
		abs = filepath.Join(dir, filepath.Base(abs))
	}
	r, err := filepath.Rel(ch.root, abs)
	if err != nil || r == ".." || strings.HasPrefix(r, ".."+string(filepath.Separator)) {
		return "", false
	}
	return filepath.ToSlash(r), true
}

// keep reports whether a finding touches a changed line. Findings in
// files outside the repository are kept: git cannot say what changed.
func (ch *changedLines) keep(f lint.Finding) bool {
	r, ok := ch.rel(f.Path)
	if !ok {
		return true
	}
	if ch.whole[r] {
		return true
	}
	set := ch.lines[r]
	for l := f.Start.Line; l <= max(f.End.Line, f.Start.Line); l++ {
		if set[l] {
			return true
		}
	}
	return false
}
