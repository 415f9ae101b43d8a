package lsp

import (
	"encoding/json"
	"slices"
	"strings"
)

// codeActions offers a quick fix for every suggestion of the diagnostics
// in the request: those of its context, or, when the client sends none,
// the published ones that overlap its range. A diagnostic computed for an
// older version of the document offers none, as its edits would land in
// the wrong place.
func (s *Server) codeActions(p codeActionParams) []CodeAction {
	actions := []CodeAction{}
	if len(p.Context.Only) > 0 && !slices.ContainsFunc(p.Context.Only, func(k string) bool {
		return k == codeActionKindQuickFix || strings.HasPrefix(codeActionKindQuickFix, k+".")
	}) {
		return actions
	}
	uri := p.TextDocument.URI
	s.mu.Lock()
	d := s.docs[uri]
	if d == nil {
		s.mu.Unlock()
		return actions
	}
	version, published := d.version, d.diags
	s.mu.Unlock()

	diags := p.Context.Diagnostics
	if len(diags) == 0 {
		for _, pd := range published {
			if overlaps(pd.Range, p.Range) {
				diags = append(diags, pd)
			}
		}
	}
	for _, diag := range diags {
		if diag.Source != source {
			continue
		}
		data := diag.Data
		if len(data) == 0 {
			data = dataOf(published, diag) // a client that drops data
		}
		var dd diagnosticData
		if len(data) == 0 || json.Unmarshal(data, &dd) != nil || dd.Version != version {
			continue
		}
		preferred := false
		for _, f := range dd.Fixes {
			a := CodeAction{
				Title:       f.Title,
				Kind:        codeActionKindQuickFix,
				Diagnostics: []Diagnostic{diag},
				Edit: &WorkspaceEdit{Changes: map[string][]TextEdit{
					uri: {{Range: f.Range, NewText: f.NewText}},
				}},
			}
			if f.Safe && !preferred {
				a.IsPreferred, preferred = true, true
			}
			actions = append(actions, a)
		}
	}
	return actions
}

// dataOf finds the data of the published diagnostic d is a copy of.
func dataOf(published []Diagnostic, d Diagnostic) json.RawMessage {
	for _, pd := range published {
		if pd.Range == d.Range && pd.Code == d.Code && pd.Message == d.Message {
			return pd.Data
		}
	}
	return nil
}

// overlaps reports whether two ranges share a position; an empty range
// (a cursor) overlaps a range it touches.
func overlaps(a, b Range) bool {
	return !before(a.End, b.Start) && !before(b.End, a.Start)
}

// before reports whether position p comes before q.
func before(p, q Position) bool {
	return p.Line < q.Line || p.Line == q.Line && p.Character < q.Character
}
