package reporter

import (
	"encoding/xml"
	"io"
)

// Checkstyle writes Checkstyle XML, as Jenkins (warnings-ng) and
// reviewdog (-f=checkstyle) read it: a <file> per file with findings and
// an <error> per finding,
//
//	<error line="3" column="1" severity="error" message="…" source="newslint.repeated-word"/>
//
// Severities are error, warning and info; columns count Unicode code
// points, as in the text format. The source is "newslint." and the rule:
// Jenkins takes the part after the last dot as the warning's type, and
// reviewdog shows the whole source as the rule code.
type Checkstyle struct{}

// checkstyleVersion is the Checkstyle format version written in the root
// element, the one other linters (ESLint, golangci-lint) write.
const checkstyleVersion = "4.3"

type checkstyleFile struct {
	XMLName xml.Name          `xml:"file"`
	Name    string            `xml:"name,attr"`
	Errors  []checkstyleError `xml:"error"`
}

type checkstyleError struct {
	Line     int    `xml:"line,attr"`
	Column   int    `xml:"column,attr"`
	Severity string `xml:"severity,attr"`
	Message  string `xml:"message,attr"`
	Source   string `xml:"source,attr"`
}

// Report writes the run, one file element at a time.
func (Checkstyle) Report(w io.Writer, run *Run) error {
	root := xml.StartElement{Name: xml.Name{Local: "checkstyle"},
		Attr: []xml.Attr{{Name: xml.Name{Local: "version"}, Value: checkstyleVersion}}}
	enc, err := startXML(w, root)
	if err != nil {
		return err
	}
	for _, res := range run.Results {
		if len(res.Findings) == 0 {
			continue
		}
		file := checkstyleFile{Name: res.Path}
		for _, f := range res.Findings {
			file.Errors = append(file.Errors, checkstyleError{
				Line: f.Start.Line, Column: f.Start.Column, Severity: f.Severity.String(),
				Message: f.Message, Source: "newslint." + f.Rule,
			})
		}
		if err := enc.encode(file); err != nil {
			return err
		}
	}
	return enc.end()
}
