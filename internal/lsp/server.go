// Package lsp is newslint's language server. It speaks the Language Server
// Protocol 3.17 (JSON-RPC 2.0 with Content-Length framing) on a stream,
// keeps the text of the documents the editor has open, publishes their
// findings as diagnostics and offers each suggestion as a quick fix.
// Linting itself is behind the Linter interface.
package lsp

import (
	"context"
	"encoding/json"
	"io"
	"log"
	"path/filepath"
	"slices"
	"sync"
	"time"

	"github.com/newslint/newslint/config"
	"github.com/newslint/newslint/lint"
	"github.com/sourcegraph/jsonrpc2"
)

// Linter lints drafts for the server. It is called from one goroutine at a
// time per document but from several goroutines overall.
type Linter interface {
	// Lint lints text as the draft at path (whose file may differ from
	// text, or not exist). An error means the draft could not be linted:
	// a bad configuration (a *config.Error) or text that is not a draft.
	Lint(path string, text []byte) (lint.FileResult, error)
	// Reload drops cached configuration, so that later lints read it
	// again.
	Reload()
}

// DefaultDebounce is how long the server waits after an edit before
// linting, so that typing is not linted keystroke by keystroke.
const DefaultDebounce = 300 * time.Millisecond

// Options configure a Server.
type Options struct {
	// Debounce is how long after the last of a burst of edits a document
	// is linted; 0 lints after every edit.
	Debounce time.Duration
	// Version is reported to the client in serverInfo.
	Version string
	// Log receives the server's problems and, with Trace, every message
	// sent and received; nil discards them.
	Log   io.Writer
	Trace bool
}

// Server states.
const (
	stateNew = iota
	stateRunning
	stateShutDown
)

// Server is a language server for one client connection.
type Server struct {
	linter Linter
	opts   Options
	log    *log.Logger

	mu       sync.Mutex
	conn     *jsonrpc2.Conn
	state    int
	encoding string
	watch    bool // the client registers file watchers dynamically
	docs     map[string]*document
	gen      uint64 // the last document gen handed out
	shown    string // the configuration error last shown to the user
	closing  bool   // Serve is returning: start no more lints
	exit     chan int
	lints    sync.WaitGroup

	// publishMu makes checking that diagnostics are current and
	// publishing them one step, so stale ones never overwrite newer.
	publishMu sync.Mutex
}

// New returns a server that lints with l.
func New(l Linter, o Options) *Server {
	w := o.Log
	if w == nil {
		w = io.Discard
	}
	return &Server{
		linter:   l,
		opts:     o,
		log:      log.New(w, "newslint lsp: ", log.LstdFlags),
		encoding: encodingUTF16,
		docs:     map[string]*document{},
		exit:     make(chan int, 1),
	}
}

// Serve talks to a client on rwc until the client sends exit or the
// connection closes, and returns the exit status the specification asks
// for: 0 after a shutdown request, 1 otherwise. A Server serves once.
func (s *Server) Serve(ctx context.Context, rwc io.ReadWriteCloser) int {
	var opts []jsonrpc2.ConnOpt
	if s.opts.Trace {
		opts = append(opts, jsonrpc2.LogMessages(s.log))
	}
	stream := jsonrpc2.NewBufferedStream(rwc, jsonrpc2.VSCodeObjectCodec{})
	s.mu.Lock()
	s.conn = jsonrpc2.NewConn(ctx, stream, handler{s}, opts...)
	conn := s.conn
	s.mu.Unlock()

	code := 1
	select {
	case code = <-s.exit:
	case <-conn.DisconnectNotify():
		s.mu.Lock()
		if s.state == stateShutDown {
			code = 0
		}
		s.mu.Unlock()
	}
	s.mu.Lock()
	s.closing = true
	for _, d := range s.docs {
		if d.timer != nil {
			d.timer.Stop()
		}
	}
	s.mu.Unlock()
	conn.Close()
	s.lints.Wait()
	return code
}

// handler dispatches messages. Notifications are handled in the order
// they arrive, on the connection's read loop, so edits apply in order;
// they only change the documents and start lints, never wait. Requests
// other than initialize and shutdown run in their own goroutines.
type handler struct{ s *Server }

// Handle implements jsonrpc2.Handler.
func (h handler) Handle(ctx context.Context, conn *jsonrpc2.Conn, req *jsonrpc2.Request) {
	s := h.s
	if req.Notif {
		s.notification(req)
		return
	}
	switch req.Method {
	case methodInitialize, methodShutdown:
		s.reply(ctx, conn, req)
	default:
		go s.reply(ctx, conn, req)
	}
}

func (s *Server) reply(ctx context.Context, conn *jsonrpc2.Conn, req *jsonrpc2.Request) {
	result, err := s.request(req)
	if err != nil {
		if rerr := conn.ReplyWithError(ctx, req.ID, err); rerr != nil {
			s.log.Printf("reply to %s: %v", req.Method, rerr)
		}
		return
	}
	if rerr := conn.Reply(ctx, req.ID, result); rerr != nil {
		s.log.Printf("reply to %s: %v", req.Method, rerr)
	}
}

func (s *Server) request(req *jsonrpc2.Request) (any, *jsonrpc2.Error) {
	s.mu.Lock()
	state := s.state
	s.mu.Unlock()
	switch {
	case req.Method == methodInitialize && state != stateNew:
		return nil, &jsonrpc2.Error{Code: jsonrpc2.CodeInvalidRequest, Message: "initialize sent twice"}
	case req.Method != methodInitialize && state == stateNew:
		return nil, &jsonrpc2.Error{Code: codeServerNotInitialized, Message: "the server is not initialized"}
	case state == stateShutDown:
		return nil, &jsonrpc2.Error{Code: jsonrpc2.CodeInvalidRequest, Message: "the server is shut down"}
	}
	switch req.Method {
	case methodInitialize:
		var p initializeParams
		if err := unmarshal(req, &p); err != nil {
			return nil, err
		}
		return s.initialize(p), nil
	case methodShutdown:
		s.mu.Lock()
		s.state = stateShutDown
		for _, d := range s.docs {
			if d.timer != nil {
				d.timer.Stop()
			}
		}
		s.mu.Unlock()
		return nil, nil
	case methodCodeAction:
		var p codeActionParams
		if err := unmarshal(req, &p); err != nil {
			return nil, err
		}
		return s.codeActions(p), nil
	}
	return nil, &jsonrpc2.Error{Code: jsonrpc2.CodeMethodNotFound, Message: "method not supported: " + req.Method}
}

func unmarshal(req *jsonrpc2.Request, v any) *jsonrpc2.Error {
	if req.Params == nil {
		return &jsonrpc2.Error{Code: jsonrpc2.CodeInvalidParams, Message: req.Method + ": no params"}
	}
	if err := json.Unmarshal(*req.Params, v); err != nil {
		return &jsonrpc2.Error{Code: jsonrpc2.CodeInvalidParams, Message: req.Method + ": " + err.Error()}
	}
	return nil
}

// initialize picks the position encoding (UTF-8 when the client offers it,
// else the default UTF-16) and states what the server does.
func (s *Server) initialize(p initializeParams) initializeResult {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.state = stateRunning
	if slices.Contains(p.Capabilities.General.PositionEncodings, encodingUTF8) {
		s.encoding = encodingUTF8
	}
	s.watch = p.Capabilities.Workspace.DidChangeWatchedFiles.DynamicRegistration
	return initializeResult{
		Capabilities: serverCapabilities{
			PositionEncoding:   s.encoding,
			TextDocumentSync:   textDocumentSync{OpenClose: true, Change: syncIncremental, Save: saveOptions{}},
			CodeActionProvider: codeActionProvider{CodeActionKinds: []string{codeActionKindQuickFix}},
		},
		ServerInfo: serverInfo{Name: "newslint", Version: s.opts.Version},
	}
}

// notification handles a notification on the read loop.
func (s *Server) notification(req *jsonrpc2.Request) {
	if req.Method == methodExit {
		s.mu.Lock()
		code := 1
		if s.state == stateShutDown {
			code = 0
		}
		s.mu.Unlock()
		select {
		case s.exit <- code:
		default:
		}
		return
	}
	s.mu.Lock()
	running := s.state == stateRunning
	s.mu.Unlock()
	if !running {
		return // before initialize, notifications are dropped
	}
	var err *jsonrpc2.Error
	switch req.Method {
	case methodInitialized:
		s.mu.Lock()
		watch := s.watch
		s.mu.Unlock()
		if watch {
			go s.registerWatcher()
		}
	case methodDidOpen:
		var p didOpenParams
		if err = unmarshal(req, &p); err == nil {
			s.didOpen(p)
		}
	case methodDidChange:
		var p didChangeParams
		if err = unmarshal(req, &p); err == nil {
			s.didChange(p)
		}
	case methodDidSave:
		var p didSaveParams
		if err = unmarshal(req, &p); err == nil {
			s.didSave(p)
		}
	case methodDidClose:
		var p didCloseParams
		if err = unmarshal(req, &p); err == nil {
			s.didClose(p)
		}
	case methodDidChangeWatched:
		var p didChangeWatchedFilesParams
		if err = unmarshal(req, &p); err == nil {
			for _, ch := range p.Changes {
				if isConfig(uriToPath(ch.URI)) {
					s.reload()
					break
				}
			}
		}
	}
	if err != nil {
		s.log.Printf("%v", err)
	}
}

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
