package reporter

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/url"
	"path/filepath"
	"strings"

	"github.com/newslint/newslint/lint"
)

// SARIF writes a SARIF 2.1.0 log for code-scanning tools, with the rules'
// metadata in tool.driver.rules. Columns count Unicode code points, as the
// run's columnKind says.
type SARIF struct{}

type sarifTool struct {
	Driver sarifDriver `json:"driver"`
}

type sarifDriver struct {
	Name           string      `json:"name"`
	Version        string      `json:"version,omitempty"`
	InformationURI string      `json:"informationUri"`
	Rules          []sarifRule `json:"rules"`
}

type sarifRule struct {
	ID                   string       `json:"id"`
	Name                 string       `json:"name"`
	ShortDescription     sarifMessage `json:"shortDescription"`
	FullDescription      sarifMessage `json:"fullDescription"`
	Help                 sarifMessage `json:"help"`
	DefaultConfiguration sarifConfig  `json:"defaultConfiguration"`
}

type sarifConfig struct {
	Level string `json:"level"`
}

type sarifMessage struct {
	Text string `json:"text"`
}

type sarifResult struct {
	RuleID           string          `json:"ruleId"`
	RuleIndex        *int            `json:"ruleIndex,omitempty"`
	Level            string          `json:"level"`
	Message          sarifMessage    `json:"message"`
	Locations        []sarifLocation `json:"locations"`
	RelatedLocations []sarifLocation `json:"relatedLocations,omitempty"`
	Fixes            []sarifFix      `json:"fixes,omitempty"`
	// PartialFingerprints lets code scanning recognise a finding across
	// runs even when lines move.
	PartialFingerprints map[string]string `json:"partialFingerprints,omitempty"`
}

type sarifLocation struct {
	ID               *int          `json:"id,omitempty"`
	PhysicalLocation sarifPhysical `json:"physicalLocation"`
	Message          *sarifMessage `json:"message,omitempty"`
}

type sarifPhysical struct {
	ArtifactLocation sarifArtifact `json:"artifactLocation"`
	Region           sarifRegion   `json:"region"`
}

type sarifArtifact struct {
	URI string `json:"uri"`
}

type sarifRegion struct {
	StartLine   int  `json:"startLine"`
	StartColumn int  `json:"startColumn"`
	EndLine     int  `json:"endLine,omitempty"`
	EndColumn   int  `json:"endColumn,omitempty"`
	ByteOffset  *int `json:"byteOffset,omitempty"`
	ByteLength  *int `json:"byteLength,omitempty"`
}

type sarifFix struct {
	Description     sarifMessage          `json:"description"`
	ArtifactChanges []sarifArtifactChange `json:"artifactChanges"`
}

type sarifArtifactChange struct {
	ArtifactLocation sarifArtifact      `json:"artifactLocation"`
	Replacements     []sarifReplacement `json:"replacements"`
}

type sarifReplacement struct {
	DeletedRegion   sarifRegionBytes `json:"deletedRegion"`
	InsertedContent *sarifMessage    `json:"insertedContent,omitempty"`
}

type sarifRegionBytes struct {
	ByteOffset int `json:"byteOffset"`
	ByteLength int `json:"byteLength"`
}

// Report writes the run, encoding one result at a time so that a run with
// many findings does not hold its whole output in memory.
func (SARIF) Report(w io.Writer, run *Run) error {
	driver := sarifDriver{Name: "newslint", Version: run.Version,
		InformationURI: "https://github.com/newslint/newslint", Rules: []sarifRule{}}
	index := map[string]int{}
	for i, m := range run.Rules {
		index[m.ID] = i
		driver.Rules = append(driver.Rules, sarifRule{
			ID: m.ID, Name: m.ID,
			ShortDescription:     sarifMessage{Text: m.Title},
			FullDescription:      sarifMessage{Text: m.Doc},
			Help:                 sarifMessage{Text: help(m)},
			DefaultConfiguration: sarifConfig{Level: sarifLevel(m.Severity)},
		})
	}
	bw := bufio.NewWriter(w)
	tool, err := json.MarshalIndent(sarifTool{Driver: driver}, "      ", "  ")
	if err != nil {
		return err
	}
	fmt.Fprintf(bw, "{\n  \"$schema\": %q,\n  \"version\": \"2.1.0\",\n  \"runs\": [\n    {\n      \"tool\": ", sarifSchemaURI)
	bw.Write(unescapeHTML(tool))
	bw.WriteString(",\n      \"columnKind\": \"unicodeCodePoints\",\n      \"results\": [")
	n, err := writeItems(bw, "        ", run, func(f lint.Finding) any { return sarifResultFor(f, index) })
	if err != nil {
		return err
	}
	if n > 0 {
		bw.WriteString("\n      ")
	}
	bw.WriteString("]\n    }\n  ]\n}\n")
	return bw.Flush()
}

// sarifSchemaURI names the schema the output follows.
const sarifSchemaURI = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"

// unescapeHTML undoes json.Marshal's escaping of <, > and &, which the
// streamed results do not use either.
func unescapeHTML(b []byte) []byte {
	b = bytes.ReplaceAll(b, []byte(`\u003c`), []byte("<"))
	b = bytes.ReplaceAll(b, []byte(`\u003e`), []byte(">"))
	return bytes.ReplaceAll(b, []byte(`\u0026`), []byte("&"))
}

func sarifResultFor(f lint.Finding, index map[string]int) sarifResult {
	r := sarifResult{
		RuleID: f.Rule, Level: sarifLevel(f.Severity),
		Message:   sarifMessage{Text: f.Message},
		Locations: []sarifLocation{{PhysicalLocation: physical(f.Path, f)}},
	}
	if i, ok := index[f.Rule]; ok {
		r.RuleIndex = &i
	}
	if f.Fingerprint != "" {
		r.PartialFingerprints = map[string]string{"newslint/v1": f.Fingerprint}
	}
	for i, rel := range f.Related {
		id := i + 1
		r.RelatedLocations = append(r.RelatedLocations, sarifLocation{ID: &id,
			PhysicalLocation: sarifPhysical{ArtifactLocation: sarifArtifact{URI: fileURI(rel.Path)},
				Region: sarifRegion{StartLine: rel.Pos.Line, StartColumn: rel.Pos.Column}},
			Message: &sarifMessage{Text: rel.Message}})
	}
	for _, s := range f.Suggestions {
		rep := sarifReplacement{DeletedRegion: sarifRegionBytes{ByteOffset: s.Start.Offset, ByteLength: s.End.Offset - s.Start.Offset}}
		if s.Text != "" {
			rep.InsertedContent = &sarifMessage{Text: s.Text}
		}
		r.Fixes = append(r.Fixes, sarifFix{Description: sarifMessage{Text: describeEdit(s)},
			ArtifactChanges: []sarifArtifactChange{{ArtifactLocation: sarifArtifact{URI: fileURI(f.Path)}, Replacements: []sarifReplacement{rep}}}})
	}
	return r
}

func physical(path string, f lint.Finding) sarifPhysical {
	off, length := f.Start.Offset, f.End.Offset-f.Start.Offset
	return sarifPhysical{
		ArtifactLocation: sarifArtifact{URI: fileURI(path)},
		Region: sarifRegion{StartLine: f.Start.Line, StartColumn: f.Start.Column, EndLine: f.End.Line,
			EndColumn: f.End.Column, ByteOffset: &off, ByteLength: &length},
	}
}

func help(m lint.Meta) string {
	h := m.Doc
	if m.Bad != "" {
		h += "\n\nFlagged: " + m.Bad
	}
	if m.Good != "" {
		h += "\nBetter: " + m.Good
	}
	return h
}

func sarifLevel(s lint.Severity) string {
	switch s {
	case lint.Error:
		return "error"
	case lint.Warning:
		return "warning"
	case lint.Info:
		return "note"
	}
	return "none"
}

// fileURI turns a path into a URI reference: relative paths stay relative
// (with forward slashes, percent-encoded), absolute ones become file URIs.
func fileURI(path string) string {
	slashed := filepath.ToSlash(path)
	segs := strings.Split(slashed, "/")
	for i, s := range segs {
		segs[i] = url.PathEscape(s)
	}
	escaped := strings.Join(segs, "/")
	switch {
	case filepath.IsAbs(path) && strings.HasPrefix(escaped, "/"):
		return "file://" + escaped
	case filepath.IsAbs(path):
		return "file:///" + escaped // C:/drafts/a.md
	case strings.Contains(segs[0], ":"):
		return "./" + escaped // a colon would read as a URI scheme
	}
	return escaped
}
