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
	"slices"
	"sync"
	"time"

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
