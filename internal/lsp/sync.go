package lsp

// Document synchronization: open, change, save and close, the debounced
// lints they start, configuration reloads, and publishing.

import (
	"context"
	"path/filepath"
	"slices"
	"time"

	"github.com/newslint/newslint/config"
)

// registerWatcher asks the client to report changes to configuration files.
func (s *Server) registerWatcher() {
	var watchers []fileSystemWatcher
	for _, name := range config.FileNames() {
		watchers = append(watchers, fileSystemWatcher{GlobPattern: "**/" + name})
	}
	params := registrationParams{Registrations: []registration{{
		ID:              "newslint-config",
		Method:          methodDidChangeWatched,
		RegisterOptions: didChangeWatchedFilesRegistrationOptions{Watchers: watchers},
	}}}
	s.mu.Lock()
	conn := s.conn
	s.mu.Unlock()
	if err := conn.Call(context.Background(), methodRegisterCapability, params, nil); err != nil {
		s.log.Printf("register a watcher for configuration files: %v", err)
	}
}

// isConfig reports whether path is a configuration file.
func isConfig(path string) bool {
	return slices.Contains(config.FileNames(), filepath.Base(path))
}

func (s *Server) didOpen(p didOpenParams) {
	item := p.TextDocument
	path := uriToPath(item.URI)
	if isConfig(path) {
		return // configuration is read from disk, when it is saved
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if old := s.docs[item.URI]; old != nil && old.timer != nil {
		old.timer.Stop()
	}
	d := &document{uri: item.URI, path: path, text: item.Text, version: item.Version}
	s.docs[item.URI] = d
	s.touch(d, 0)
}

func (s *Server) didChange(p didChangeParams) {
	if isConfig(uriToPath(p.TextDocument.URI)) {
		return // configuration is read from disk: reloaded when saved
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	d := s.docs[p.TextDocument.URI]
	if d == nil {
		s.log.Printf("didChange of %s, which is not open", p.TextDocument.URI)
		return
	}
	d.apply(p.ContentChanges, s.encoding)
	d.version = p.TextDocument.Version
	s.touch(d, s.opts.Debounce)
}

func (s *Server) didSave(p didSaveParams) {
	if isConfig(uriToPath(p.TextDocument.URI)) {
		s.reload()
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if d := s.docs[p.TextDocument.URI]; d != nil {
		s.touch(d, 0)
	}
}

func (s *Server) didClose(p didCloseParams) {
	uri := p.TextDocument.URI
	s.mu.Lock()
	d := s.docs[uri]
	if d == nil {
		s.mu.Unlock()
		return
	}
	if d.timer != nil {
		d.timer.Stop()
	}
	delete(s.docs, uri)
	s.mu.Unlock()
	s.goLint(func() {
		s.publishMu.Lock()
		defer s.publishMu.Unlock()
		s.mu.Lock()
		reopened := s.docs[uri] != nil
		s.mu.Unlock()
		if !reopened {
			s.notify(methodPublish, PublishDiagnosticsParams{URI: uri, Diagnostics: []Diagnostic{}})
		}
	})
}

// reload drops cached configuration and lints every open document again.
// It runs off the read loop, as Reload may wait for a lint in progress.
func (s *Server) reload() {
	s.goLint(func() {
		s.linter.Reload()
		s.mu.Lock()
		defer s.mu.Unlock()
		s.shown = ""
		for _, d := range s.docs {
			s.touch(d, 0)
		}
	})
}

// touch gives d a new gen and lints it after delay, replacing a pending
// lint. s.mu is held.
func (s *Server) touch(d *document, delay time.Duration) {
	s.gen++
	d.gen = s.gen
	if d.timer != nil {
		d.timer.Stop()
		d.timer = nil
	}
	uri := d.uri
	if delay <= 0 {
		s.goLintLocked(func() { s.lint(uri) })
		return
	}
	d.timer = time.AfterFunc(delay, func() {
		s.mu.Lock()
		defer s.mu.Unlock()
		s.goLintLocked(func() { s.lint(uri) })
	})
}

// goLint runs f in a goroutine that Serve waits for.
func (s *Server) goLint(f func()) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.goLintLocked(f)
}

// goLintLocked is goLint with s.mu held.
func (s *Server) goLintLocked(f func()) {
	if s.closing || s.state != stateRunning {
		return
	}
	s.lints.Add(1)
	go func() {
		defer s.lints.Done()
		f()
	}()
}

// lint lints the document uri as it is now and publishes the diagnostics,
// unless the document changed or closed meanwhile.
func (s *Server) lint(uri string) {
	s.mu.Lock()
	d := s.docs[uri]
	if d == nil || d.published >= d.gen {
		s.mu.Unlock()
		return
	}
	gen, text, version, path, encoding := d.gen, d.text, d.version, d.path, s.encoding
	s.mu.Unlock()

	res, err := s.linter.Lint(path, []byte(text))
	diags := diagnose(uri, text, version, res, err, encoding)

	s.publishMu.Lock()
	defer s.publishMu.Unlock()
	s.mu.Lock()
	d = s.docs[uri]
	if d == nil || d.gen != gen || d.published >= gen {
		s.mu.Unlock()
		return // stale: a newer lint will publish
	}
	d.published, d.diags = gen, diags
	var show string
	if err != nil && diags[0].Code == "config" && err.Error() != s.shown {
		s.shown = err.Error()
		show = s.shown
	}
	s.mu.Unlock()
	s.notify(methodPublish, PublishDiagnosticsParams{URI: uri, Version: &version, Diagnostics: diags})
	if show != "" {
		s.notify(methodShowMessage, showMessageParams{Type: messageError, Message: "newslint: " + show})
	}
}

func (s *Server) notify(method string, params any) {
	s.mu.Lock()
	conn := s.conn
	s.mu.Unlock()
	if err := conn.Notify(context.Background(), method, params); err != nil {
		s.log.Printf("send %s: %v", method, err)
	}
}
