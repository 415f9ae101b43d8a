package cli

import (
	"fmt"
	"io"

	"github.com/newslint/newslint/lint"
)

// resultFilters narrow a run's findings before they are reported: to the
// lines changed since a git revision (--diff-base), then to the findings
// a baseline does not record (--baseline). With --write-baseline the run
// records its findings instead of reporting them.
type resultFilters struct {
	changed       *changedLines
	baseline      *baseline
	baselinePath  string
	writeBaseline bool
}

// newResultFilters checks the filter flags and reads what they need
// before any draft is linted, so that a bad revision or baseline fails
// fast.
func newResultFilters(o *checkOptions) (*resultFilters, error) {
	rf := &resultFilters{baselinePath: o.baseline, writeBaseline: o.writeBaseline}
	if o.writeBaseline && o.baseline == "" {
		return nil, usageErrorf("--write-baseline: name the file with --baseline FILE")
	}
	if o.writeBaseline && o.fix {
		return nil, usageErrorf("--write-baseline and --fix: record a baseline or fix findings, not both in one run")
	}
	if o.diffBase != "" {
		ch, err := changedSince(o.diffBase, o.staged)
		if err != nil {
			return nil, usageErrorf("%v", err)
		}
		rf.changed = ch
	}
	if o.baseline != "" && !o.writeBaseline {
		bl, err := loadBaseline(o.baseline)
		if err != nil {
			return nil, usageErrorf("%v", err)
		}
		rf.baseline = bl
	}
	return rf, nil
}

// apply narrows st's findings and recomputes its highest severity. It
// returns done when the run is over (a baseline was written), with the
// exit status to use.
func (rf *resultFilters) apply(st *stats, stderr io.Writer) (done bool, code int, err error) {
	if rf.changed != nil {
		st.results = filterFindings(st.results, func(f lint.Finding) bool {
			return f.Path == "<stdin>" || rf.changed.keep(f)
		})
	}
	if rf.writeBaseline {
		n, err := writeBaseline(rf.baselinePath, st.results)
		if err != nil {
			return true, ExitError, &exitError{code: ExitError, err: err}
		}
		fmt.Fprintf(stderr, "newslint: recorded %s in baseline %s; later runs with --baseline %s report only new ones\n", countOf(n, "finding"), rf.baselinePath, rf.baselinePath)
		if st.failed {
			return true, ExitError, nil
		}
		return true, ExitOK, nil
	}
	if rf.baseline != nil {
		var hidden, stale int
		st.results, hidden, stale = rf.baseline.filter(st.results, st.linted)
		if hidden > 0 {
			fmt.Fprintf(stderr, "newslint: %s recorded in baseline %s not shown\n", countOf(hidden, "finding"), rf.baseline.path)
		}
		if stale > 0 {
			verb := "occur"
			if stale == 1 {
				verb = "occurs"
			}
			fmt.Fprintf(stderr, "newslint: %s in baseline %s no longer %s; shrink it with --baseline %s --write-baseline\n",
				countOf(stale, "finding"), rf.baseline.path, verb, rf.baseline.path)
		}
	}
	if rf.changed != nil || rf.baseline != nil {
		st.maxSeverity = lint.Off
		for _, res := range st.results {
			for _, f := range res.Findings {
				st.maxSeverity = max(st.maxSeverity, f.Severity)
			}
		}
	}
	return false, 0, nil
}
