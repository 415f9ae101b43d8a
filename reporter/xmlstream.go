package reporter

import (
	"bufio"
	"encoding/xml"
	"io"
)

// xmlStream writes an XML report one element at a time (the checkstyle
// and junit formats), so that a run with many findings is not held in
// memory twice.
type xmlStream struct {
	bw   *bufio.Writer
	enc  *xml.Encoder
	root xml.StartElement
}

// startXML writes the XML header and the root's start tag.
func startXML(w io.Writer, root xml.StartElement) (*xmlStream, error) {
	s := &xmlStream{bw: bufio.NewWriter(w), root: root}
	s.bw.WriteString(xml.Header)
	s.enc = xml.NewEncoder(s.bw)
	s.enc.Indent("", "  ")
	return s, s.enc.EncodeToken(root)
}

// encode writes one element inside the root.
func (s *xmlStream) encode(v any) error { return s.enc.Encode(v) }

// end closes the root and flushes the output.
func (s *xmlStream) end() error {
	if err := s.enc.EncodeToken(s.root.End()); err != nil {
		return err
	}
	if err := s.enc.Flush(); err != nil {
		return err
	}
	s.bw.WriteString("\n")
	return s.bw.Flush()
}
