package lint

// suppress drops the findings that inline directives turn off, except
// those of pinned rules.
type suppress struct {
	pinned map[string]bool
}

// Process implements Processor.
func (s suppress) Process(f *File, findings []Finding) []Finding {
	if len(f.Directives.List) == 0 {
		return findings
	}
	kept := findings[:0]
	for i := range findings {
		if s.pinned[findings[i].Rule] || !f.Directives.Suppressed(&findings[i]) {
			kept = append(kept, findings[i])
		}
	}
	return kept
}

// supersede drops a rule's findings that overlap a finding of a rule
// that supersedes it (boilerplate over recycled-paragraph: a pasted
// footer is reported once, as what it is).
type supersede struct {
	by map[string][]string // rule → the rules it supersedes
}

// Process implements Processor.
func (s supersede) Process(_ *File, findings []Finding) []Finding {
	if len(s.by) == 0 {
		return findings
	}
	var winners []*Finding
	for i := range findings {
		if len(s.by[findings[i].Rule]) > 0 {
			winners = append(winners, &findings[i])
		}
	}
	if len(winners) == 0 {
		return findings
	}
	kept := findings[:0]
	for _, f := range findings {
		lost := false
		for _, w := range winners {
			if w.Span.Start < f.Span.End && f.Span.Start < w.Span.End {
				for _, r := range s.by[w.Rule] {
					lost = lost || r == f.Rule
				}
			}
		}
		if !lost {
			kept = append(kept, f)
		}
	}
	return kept
}

// sortAndDedupe orders findings by position and drops exact duplicates.
type sortAndDedupe struct{}

// Process implements Processor.
func (sortAndDedupe) Process(_ *File, findings []Finding) []Finding {
	SortFindings(findings)
	return dedupe(findings)
}

// MinSeverity is a processor that drops findings below a severity, for
// --quiet.
type MinSeverity Severity

// Process implements Processor.
func (m MinSeverity) Process(_ *File, findings []Finding) []Finding {
	kept := findings[:0]
	for _, f := range findings {
		if f.Severity >= Severity(m) {
			kept = append(kept, f)
		}
	}
	return kept
}
