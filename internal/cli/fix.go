package cli

import (
	"bytes"
	"errors"
	"fmt"
	"path/filepath"
	"slices"
	"sort"
	"strings"

	"github.com/newslint/newslint/draft"
	"github.com/newslint/newslint/fix"
	"github.com/newslint/newslint/lint"
	"github.com/newslint/newslint/reuse"
)

// maxFixRounds is how many times --fix applies edits and lints the result
// again: one fix can reveal another, but the rounds must end.
const maxFixRounds = 4

// fileFix is what --fix did, or with --dry-run would do, to one draft.
type fileFix struct {
	path  string
	fixed int       // findings whose safe edit was applied
	diff  string    // with --dry-run: the changes as a unified diff
	msgs  []message // edits not applied, a file not written
}

// checkFixFlags refuses the uses of --fix and --dry-run that cannot work.
// Standard input is refused with --fix alone because standard output
// carries the report: printing the fixed text there too would mix the
// two. --fix --dry-run reads it, since its diff is all that goes to
// standard output.
func checkFixFlags(o *checkOptions, args []string) error {
	switch {
	case o.dryRun && !o.fix:
		return usageErrorf("--dry-run only goes with --fix: newslint --fix --dry-run PATH... prints the fixes as a diff")
	case o.fix && o.staged:
		return usageErrorf("--fix rewrites the files in the working tree and --staged lints the staged versions; use one or the other")
	case o.fix && !o.dryRun && slices.Contains(args, "-"):
		return usageErrorf("--fix cannot rewrite standard input: name the file, or use --fix --dry-run to get the fixes as a diff")
	}
	return nil
}

// fixDraft applies the safe suggestions in res, the findings of data, and
// lints the result, repeating while edits apply. It then writes the file
// (or with --dry-run makes a diff of it) and returns the findings that
// remain. data is left as it was when anything fails.
func (c *checker) fixDraft(src source, data []byte, enc draft.Encoding, res lint.FileResult, corpus *reuse.Corpus) outcome {
	ff := &fileFix{path: src.path}
	first, cur := res, data
	var skipped []fix.Skipped
	for round := 0; ; round++ {
		r, err := fix.Apply(cur, enc, res.Findings)
		if err != nil {
			ff.msgs = append(ff.msgs, message{path: src.path, text: "fixes not made: " + err.Error(), fatal: true})
			ff.fixed = 0
			return outcome{result: first, linted: true, fix: ff}
		}
		skipped = r.Skipped
		if len(r.Applied) == 0 {
			break
		}
		if round == maxFixRounds {
			ff.msgs = append(ff.msgs, message{path: src.path,
				text: fmt.Sprintf("safe fixes remain after %d rounds; run newslint --fix again", maxFixRounds)})
			break
		}
		next, nextEnc, msg := c.lintData(src, r.Data, corpus)
		if msg != nil {
			msg.text = "fixes not made: the fixed text could not be linted: " + msg.text
			msg.fatal = true
			ff.msgs = append(ff.msgs, *msg)
			ff.fixed = 0
			return outcome{result: first, linted: true, fix: ff}
		}
		cur, res, enc = r.Data, next, nextEnc
		ff.fixed += r.Fixed()
	}
	for _, s := range skipped {
		ff.msgs = append(ff.msgs, message{path: src.path, text: fmt.Sprintf("%d:%d: %s fix not made: %s",
			s.Edit.Pos.Line, s.Edit.Pos.Column, strings.Join(s.Edit.Rules, ", "), s.Reason)})
	}
	switch {
	case bytes.Equal(cur, data):
	case c.opts.dryRun:
		ff.diff = fix.UnifiedDiff(diffName(src.path), data, cur)
	case src.data != nil:
		// Never reached (checkFixFlags refuses --fix on standard input),
		// but only a file read from disk is ever written.
		return outcome{result: first, linted: true, msg: &message{path: src.path, text: "fixes not written: not a file", fatal: true}}
	default:
		if err := fix.WriteAtomic(src.path, cur, data); err != nil {
			ff.msgs = append(ff.msgs, message{path: src.path, text: writeFailure(err), fatal: true})
			ff.fixed = 0
			return outcome{result: first, linted: true, fix: ff}
		}
	}
	return outcome{result: res, linted: true, fix: ff}
}

// writeFailure describes why fixes were not written to a file.
func writeFailure(err error) string {
	switch {
	case errors.Is(err, fix.ErrChanged):
		return "changed on disk while newslint ran; fixes not written (run newslint --fix again)"
	case errors.Is(err, fix.ErrReadOnly):
		return "file is read-only; fixes not written"
	}
	return "fixes not written: " + describeIOError(err)
}

// finishFix reports on standard error what --fix did. With --dry-run it
// also prints the diffs, in path order, as all of standard output, and
// returns the exit status with done set: 1 when there are changes, 0 when
// there are none (as diff does), 2 after an error.
func finishFix(env Env, o *checkOptions, st stats) (code int, done bool) {
	fixes := slices.Clone(st.fixes)
	sort.Slice(fixes, func(i, j int) bool { return fixes[i].path < fixes[j].path })
	fixed, files := 0, 0
	for _, f := range fixes {
		if f.fixed > 0 {
			fixed += f.fixed
			files++
		}
	}
	if !o.dryRun {
		fmt.Fprintf(env.Stderr, "newslint: fixed %s in %s\n", countOf(fixed, "finding"), countOf(files, "file"))
		return 0, false
	}
	changed := false
	for _, f := range fixes {
		if f.diff != "" {
			fmt.Fprint(env.Stdout, f.diff)
			changed = true
		}
	}
	fmt.Fprintf(env.Stderr, "newslint: would fix %s in %s (--dry-run: nothing written)\n", countOf(fixed, "finding"), countOf(files, "file"))
	switch {
	case st.failed:
		return ExitError, true
	case changed:
		return ExitFindings, true
	}
	return ExitOK, true
}

// diffName is the path a dry run's diff names: relative to the working
// directory when the file lies below it (./a.md and $PWD/a.md are both
// a.md, as git apply wants), else as given.
func diffName(p string) string {
	if abs, err := filepath.Abs(p); err == nil {
		if rel := reuse.DisplayPath(abs); !filepath.IsAbs(rel) {
			return rel
		}
	}
	return p
}

// countOf writes a count and a noun, adding s unless the count is one.
func countOf(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}
