package lsp

import (
	"net/url"
	"path/filepath"
	"strings"
	"time"
)

// document is a draft the client has open. Its text is the client's, which
// may differ from the file on disk (or there may be no file at all).
type document struct {
	uri     string
	path    string // the file path the URI names, for configuration and format
	text    string
	version int32
	// gen identifies the text and configuration the document was last
	// changed to; every change takes a new one from the server's counter,
	// so a lint of an older gen is stale.
	gen       uint64
	published uint64       // gen of the diagnostics last published
	diags     []Diagnostic // the diagnostics last published
	timer     *time.Timer  // pending debounced lint
}

// apply applies a didChange's edits in order.
func (d *document) apply(changes []contentChange, encoding string) {
	for _, ch := range changes {
		if ch.Range == nil {
			d.text = ch.Text
			continue
		}
		c := newConverter(d.text, encoding)
		start, end := c.offset(ch.Range.Start), c.offset(ch.Range.End)
		if start > end {
			start, end = end, start
		}
		d.text = d.text[:start] + ch.Text + d.text[end:]
	}
}

// uriToPath returns the file path of a file: URI. Other URIs (an unsaved
// buffer's untitled:Untitled-1) give their opaque part, a relative name
// that is linted with the configuration of the working directory.
func uriToPath(uri string) string {
	u, err := url.Parse(uri)
	if err != nil {
		return uri
	}
	if u.Scheme != "file" {
		if u.Opaque != "" {
			return u.Opaque
		}
		return strings.TrimPrefix(u.Path, "/")
	}
	p := u.Path
	if len(p) >= 3 && p[0] == '/' && p[2] == ':' && filepath.Separator == '\\' {
		p = p[1:] // file:///C:/x is C:\x on Windows
	}
	return filepath.FromSlash(p)
}

// pathToURI returns the file: URI of a path, made absolute against the
// working directory.
func pathToURI(path string) string {
	if abs, err := filepath.Abs(path); err == nil {
		path = abs
	}
	p := filepath.ToSlash(path)
	if !strings.HasPrefix(p, "/") {
		p = "/" + p // C:/x becomes file:///C:/x
	}
	return (&url.URL{Scheme: "file", Path: p}).String()
}
