package lsp

import (
	"context"
	"encoding/json"
	"errors"
	"net"
	"strings"
	"sync"
	"testing"
	"time"
	"unicode/utf16"

	"github.com/newslint/newslint/config"
	"github.com/newslint/newslint/draft"
	"github.com/newslint/newslint/lint"
	"github.com/sourcegraph/jsonrpc2"
)

// fakeLinter finds "teh" (a typo with two suggestions, the first safe),
// "the the" (a repeated word whose fix deletes the second) and "XX" (a
// finding with no suggestion), placing them by byte offset in the text it
// is given, as the real linter does.
type fakeLinter struct {
	mu      sync.Mutex
	lints   []string // the texts linted, in order
	paths   []string
	reloads int
	err     error                // returned by every lint when set
	gate    map[string]chan bool // a lint of this text waits for the channel
}

func (f *fakeLinter) Lint(path string, text []byte) (lint.FileResult, error) {
	f.mu.Lock()
	f.lints = append(f.lints, string(text))
	f.paths = append(f.paths, path)
	err, gate := f.err, f.gate[string(text)]
	f.mu.Unlock()
	if gate != nil {
		<-gate
	}
	if err != nil {
		return lint.FileResult{}, err
	}
	s := string(text)
	res := lint.FileResult{Path: path}
	pos := func(off int) draft.Position { return draft.Position{Offset: off} }
	find := func(word, rule string, sev lint.Severity, sugg func(off int) []lint.Suggestion, rel []lint.Related) {
		for i := 0; ; {
			j := strings.Index(s[i:], word)
			if j < 0 {
				return
			}
			off := i + j
			f := lint.Finding{Path: path, Rule: rule, Severity: sev, Message: rule + " " + word,
				Start: pos(off), End: pos(off + len(word)), Related: rel}
			if sugg != nil {
				f.Suggestions = sugg(off)
			}
			res.Findings = append(res.Findings, f)
			i = off + len(word)
		}
	}
	find("teh", "typo", lint.Warning, func(off int) []lint.Suggestion {
		return []lint.Suggestion{
			{Text: "the", Old: "teh", Safe: true, Start: pos(off), End: pos(off + 3)},
			{Text: "ten", Old: "teh", Start: pos(off), End: pos(off + 3)},
		}
	}, []lint.Related{{Pos: pos(0), Message: "the draft starts here"}, {Path: "/nonexistent/article.md", Pos: draft.Position{Line: 3, Column: 5}, Message: "in the archive"}})
	find("the the", "repeated-word", lint.Error, func(off int) []lint.Suggestion {
		return []lint.Suggestion{{Old: " the", Safe: true, Start: pos(off + 3), End: pos(off + 7)}}
	}, nil)
	find("XX", "no-fix", lint.Info, nil, nil)
	return res, nil
}

func (f *fakeLinter) Reload() {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.reloads++
}

func (f *fakeLinter) counts() (lints, reloads int) {
	f.mu.Lock()
	defer f.mu.Unlock()
	return len(f.lints), f.reloads
}

// client is the editor's end of a connection to a server under test.
type client struct {
	t        *testing.T
	conn     *jsonrpc2.Conn
	diags    chan PublishDiagnosticsParams
	messages chan showMessageParams
	regs     chan registrationParams
	exit     chan int
	closed   bool
}

// start runs a server on one end of a pipe and returns a client on the
// other. Cleanup closes the connection and waits for Serve to return.
func start(t *testing.T, l Linter, o Options) *client {
	t.Helper()
	a, b := net.Pipe()
	s := New(l, o)
	c := &client{
		t:        t,
		diags:    make(chan PublishDiagnosticsParams, 100),
		messages: make(chan showMessageParams, 100),
		regs:     make(chan registrationParams, 10),
		exit:     make(chan int, 1),
	}
	go func() { c.exit <- s.Serve(context.Background(), a) }()
	c.conn = jsonrpc2.NewConn(context.Background(), jsonrpc2.NewBufferedStream(b, jsonrpc2.VSCodeObjectCodec{}),
		jsonrpc2.HandlerWithError(c.handle))
	t.Cleanup(func() {
		c.conn.Close()
		if !c.closed {
			select {
			case <-c.exit:
			case <-time.After(5 * time.Second):
				t.Error("Serve did not return after the connection closed")
			}
		}
	})
	return c
}

func (c *client) handle(_ context.Context, _ *jsonrpc2.Conn, req *jsonrpc2.Request) (any, error) {
	switch req.Method {
	case methodPublish:
		var p PublishDiagnosticsParams
		if err := json.Unmarshal(*req.Params, &p); err != nil {
			c.t.Errorf("publishDiagnostics: %v", err)
		}
		c.diags <- p
	case methodShowMessage:
		var p showMessageParams
		json.Unmarshal(*req.Params, &p)
		c.messages <- p
	case methodRegisterCapability:
		var p registrationParams
		json.Unmarshal(*req.Params, &p)
		c.regs <- p
	}
	return nil, nil
}

func (c *client) call(method string, params, result any) error {
	c.t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	return c.conn.Call(ctx, method, params, result)
}

func (c *client) notify(method string, params any) {
	c.t.Helper()
	if err := c.conn.Notify(context.Background(), method, params); err != nil {
		c.t.Fatalf("notify %s: %v", method, err)
	}
}

// initialize does the handshake with the given client capabilities.
func (c *client) initialize(caps map[string]any) initializeResult {
	c.t.Helper()
	var res initializeResult
	if err := c.call(methodInitialize, map[string]any{"processId": nil, "capabilities": caps}, &res); err != nil {
		c.t.Fatalf("initialize: %v", err)
	}
	c.notify(methodInitialized, map[string]any{})
	return res
}

func (c *client) open(uri, text string, version int32) {
	c.t.Helper()
	c.notify(methodDidOpen, didOpenParams{TextDocument: textDocumentItem{URI: uri, LanguageID: "markdown", Version: version, Text: text}})
}

func (c *client) change(uri string, version int32, changes ...contentChange) {
	c.t.Helper()
	c.notify(methodDidChange, didChangeParams{TextDocument: versionedTextDocumentIdentifier{URI: uri, Version: version}, ContentChanges: changes})
}

// next waits for the next publishDiagnostics.
func (c *client) next() PublishDiagnosticsParams {
	c.t.Helper()
	select {
	case p := <-c.diags:
		return p
	case <-time.After(5 * time.Second):
		c.t.Fatal("no publishDiagnostics within 5s")
	}
	return PublishDiagnosticsParams{}
}

// quiet checks that nothing is published for d.
func (c *client) quiet(d time.Duration) {
	c.t.Helper()
	select {
	case p := <-c.diags:
		c.t.Errorf("unexpected publishDiagnostics: version %v, %d diagnostics", deref(p.Version), len(p.Diagnostics))
	case <-time.After(d):
	}
}

func deref(v *int32) int32 {
	if v == nil {
		return -1
	}
	return *v
}

func rng(l1, c1, l2, c2 int) Range { return Range{Position{l1, c1}, Position{l2, c2}} }

const uri = "file:///drafts/story.md"

func TestDiagnosticsOnOpen(t *testing.T) {
	l := &fakeLinter{}
	c := start(t, l, Options{Debounce: time.Hour})
	res := c.initialize(map[string]any{})
	if res.Capabilities.PositionEncoding != encodingUTF16 || res.Capabilities.TextDocumentSync.Change != syncIncremental ||
		!res.Capabilities.TextDocumentSync.OpenClose || res.Capabilities.CodeActionProvider.CodeActionKinds[0] != "quickfix" {
		t.Errorf("capabilities = %+v", res.Capabilities)
	}
	// An emoji and a non-BMP letter before the findings, CRLF line ends.
	c.open(uri, "😀 teh cat\r\n𝒳 said the the end XX\r\n", 1)
	p := c.next()
	if p.URI != uri || deref(p.Version) != 1 {
		t.Fatalf("published for %s version %d", p.URI, deref(p.Version))
	}
	want := []struct {
		rng      Range
		code     string
		severity int
		fixes    bool
	}{
		{rng(0, 3, 0, 6), "typo", severityWarning, true},
		{rng(1, 8, 1, 15), "repeated-word", severityError, true},
		{rng(1, 20, 1, 22), "no-fix", severityInformation, false},
	}
	if len(p.Diagnostics) != len(want) {
		t.Fatalf("got %d diagnostics, want %d: %+v", len(p.Diagnostics), len(want), p.Diagnostics)
	}
	for i, w := range want {
		d := p.Diagnostics[i]
		if d.Range != w.rng || d.Code != w.code || d.Severity != w.severity || d.Source != "newslint" || (len(d.Data) > 0) != w.fixes {
			t.Errorf("diagnostic %d = %+v, want range %v code %s severity %d fixes %v", i, d, w.rng, w.code, w.severity, w.fixes)
		}
	}
	rel := p.Diagnostics[0].RelatedInformation
	if len(rel) != 2 || rel[0].Location.URI != uri || rel[0].Location.Range != rng(0, 0, 0, 0) ||
		rel[1].Location.URI != "file:///nonexistent/article.md" || rel[1].Location.Range != rng(2, 4, 2, 4) || rel[1].Message != "in the archive" {
		t.Errorf("related information = %+v", rel)
	}

	// A clean draft: an empty list, not null.
	c.open("file:///drafts/clean.md", "Nothing wrong here.", 1)
	if p := c.next(); p.URI != "file:///drafts/clean.md" || p.Diagnostics == nil || len(p.Diagnostics) != 0 {
		t.Errorf("clean draft: %+v", p)
	}
}

func TestUTF8Encoding(t *testing.T) {
	c := start(t, &fakeLinter{}, Options{})
	res := c.initialize(map[string]any{"general": map[string]any{"positionEncodings": []string{"utf-8", "utf-16"}}})
	if res.Capabilities.PositionEncoding != encodingUTF8 {
		t.Fatalf("positionEncoding = %q, want utf-8", res.Capabilities.PositionEncoding)
	}
	c.open(uri, "😀 teh", 1)
	if p := c.next(); len(p.Diagnostics) != 1 || p.Diagnostics[0].Range != rng(0, 5, 0, 8) {
		t.Errorf("utf-8 diagnostics = %+v", p.Diagnostics)
	}
	// An edit in bytes: replace the emoji's four bytes.
	c.change(uri, 2, contentChange{Range: &Range{Position{0, 0}, Position{0, 4}}, Text: "a"})
	if p := c.next(); len(p.Diagnostics) != 1 || p.Diagnostics[0].Range != rng(0, 2, 0, 5) {
		t.Errorf("after the edit: %+v", p.Diagnostics)
	}
}

// TestDebounce sends a burst of edits, one of them replacing half of an
// emoji's neighborhood, and expects one lint and one publish, of the last
// version.
func TestDebounce(t *testing.T) {
	l := &fakeLinter{}
	c := start(t, l, Options{Debounce: 150 * time.Millisecond})
	c.initialize(map[string]any{})
	c.open(uri, "a😀b teh\n", 1)
	if p := c.next(); len(p.Diagnostics) != 1 {
		t.Fatalf("on open: %+v", p.Diagnostics)
	}
	c.change(uri, 2, contentChange{Range: &Range{Position{0, 1}, Position{0, 4}}, Text: "x"}) // 😀b → x
	c.change(uri, 3, contentChange{Range: &Range{Position{0, 3}, Position{0, 6}}, Text: "the"})
	c.change(uri, 4, contentChange{Range: &Range{Position{1, 0}, Position{1, 0}}, Text: "🎉 the the"})
	c.change(uri, 5, contentChange{Range: &Range{Position{1, 2}, Position{1, 2}}, Text: " teh"})
	p := c.next()
	if deref(p.Version) != 5 {
		t.Fatalf("published version %d, want 5", deref(p.Version))
	}
	got := make([]string, len(p.Diagnostics))
	for i, d := range p.Diagnostics {
		got[i] = d.Code
	}
	if strings.Join(got, ",") != "typo,repeated-word" || p.Diagnostics[0].Range != rng(1, 3, 1, 6) || p.Diagnostics[1].Range != rng(1, 7, 1, 14) {
		t.Errorf("after the burst: %+v", p.Diagnostics)
	}
	c.quiet(400 * time.Millisecond)
	l.mu.Lock()
	defer l.mu.Unlock()
	if len(l.lints) != 2 || l.lints[1] != "ax the\n🎉 teh the the" {
		t.Errorf("lints = %q, want the opened text and the burst's last", l.lints)
	}
}

// applyEdits applies text edits with UTF-16 ranges to text, independently
// of the server's own conversion.
func applyEdits(t *testing.T, text string, edits []TextEdit) string {
	t.Helper()
	lines := strings.SplitAfter(text, "\n")
	offset := func(p Position) int {
		off := 0
		for _, l := range lines[:p.Line] {
			off += len(l)
		}
		units := utf16.Encode([]rune(lines[p.Line]))
		return off + len(string(utf16.Decode(units[:p.Character])))
	}
	// Apply from the end, so earlier offsets stay put.
	for i := len(edits) - 1; i >= 0; i-- {
		e := edits[i]
		text = text[:offset(e.Range.Start)] + e.NewText + text[offset(e.Range.End):]
	}
	return text
}

func TestCodeActions(t *testing.T) {
	c := start(t, &fakeLinter{}, Options{Debounce: time.Hour})
	c.initialize(map[string]any{})
	text := "🎉 Fix teh typo and the the word. XX\n"
	c.open(uri, text, 1)
	p := c.next()
	if len(p.Diagnostics) != 3 {
		t.Fatalf("diagnostics = %+v", p.Diagnostics)
	}
	doc := textDocumentIdentifier{URI: uri}
	var actions []CodeAction
	if err := c.call(methodCodeAction, codeActionParams{TextDocument: doc, Range: rng(0, 0, 1, 0),
		Context: codeActionContext{Diagnostics: p.Diagnostics}}, &actions); err != nil {
		t.Fatal(err)
	}
	type summary struct {
		title     string
		preferred bool
	}
	want := []summary{
		{`Replace "teh" with "the"`, true},
		{`Replace "teh" with "ten"`, false},
		{`Delete "the"`, true},
	}
	if len(actions) != len(want) {
		t.Fatalf("got %d actions, want %d: %+v", len(actions), len(want), actions)
	}
	var preferred []TextEdit
	for i, a := range actions {
		if (summary{a.Title, a.IsPreferred}) != want[i] || a.Kind != "quickfix" || len(a.Diagnostics) != 1 {
			t.Errorf("action %d = %+v, want %+v", i, a, want[i])
		}
		if a.IsPreferred {
			preferred = append(preferred, a.Edit.Changes[uri]...)
		}
	}
	fixed := applyEdits(t, text, preferred)
	if fixed != "🎉 Fix the typo and the word. XX\n" {
		t.Errorf("preferred fixes give %q", fixed)
	}
	// The fixed text has only the finding without suggestions left.
	c.change(uri, 2, contentChange{Text: fixed})
	c.notify(methodDidSave, didSaveParams{TextDocument: doc})
	p2 := c.next()
	if len(p2.Diagnostics) != 1 || p2.Diagnostics[0].Code != "no-fix" {
		t.Fatalf("after the fixes: %+v", p2.Diagnostics)
	}

	tests := []struct {
		name   string
		params codeActionParams
		want   int
	}{
		{"a finding without suggestions", codeActionParams{TextDocument: doc, Range: p2.Diagnostics[0].Range,
			Context: codeActionContext{Diagnostics: p2.Diagnostics}}, 0},
		{"diagnostics of an older version", codeActionParams{TextDocument: doc, Range: rng(0, 0, 1, 0),
			Context: codeActionContext{Diagnostics: p.Diagnostics}}, 0},
		{"another source's diagnostic", codeActionParams{TextDocument: doc, Range: rng(0, 0, 1, 0),
			Context: codeActionContext{Diagnostics: []Diagnostic{{Range: rng(0, 0, 0, 1), Source: "other", Message: "x"}}}}, 0},
		{"a document that is not open", codeActionParams{TextDocument: textDocumentIdentifier{URI: "file:///other.md"},
			Range: rng(0, 0, 1, 0), Context: codeActionContext{Diagnostics: p2.Diagnostics}}, 0},
	}
	for _, tt := range tests {
		var got []CodeAction
		if err := c.call(methodCodeAction, tt.params, &got); err != nil {
			t.Fatalf("%s: %v", tt.name, err)
		}
		if got == nil || len(got) != tt.want {
			t.Errorf("%s: got %d actions (%+v), want %d", tt.name, len(got), got, tt.want)
		}
	}
}

// TestCodeActionsWithoutContext asks by range alone, as some clients do,
// and asks only for kinds the server does not offer.
func TestCodeActionsWithoutContext(t *testing.T) {
	c := start(t, &fakeLinter{}, Options{})
	c.initialize(map[string]any{})
	c.open(uri, "one teh two teh\n", 1)
	c.next()
	doc := textDocumentIdentifier{URI: uri}
	tests := []struct {
		name  string
		rng   Range
		only  []string
		want  int
		title string
	}{
		{"the cursor on the second typo", rng(0, 13, 0, 13), nil, 2, `Replace "teh" with "the"`},
		{"a range over both", rng(0, 0, 0, 15), nil, 4, `Replace "teh" with "the"`},
		{"a range between them", rng(0, 8, 0, 10), nil, 0, ""},
		{"only quickfix", rng(0, 13, 0, 13), []string{"quickfix"}, 2, `Replace "teh" with "the"`},
		{"only refactor", rng(0, 13, 0, 13), []string{"refactor"}, 0, ""},
	}
	for _, tt := range tests {
		var got []CodeAction
		if err := c.call(methodCodeAction, codeActionParams{TextDocument: doc, Range: tt.rng, Context: codeActionContext{Diagnostics: []Diagnostic{}, Only: tt.only}}, &got); err != nil {
			t.Fatalf("%s: %v", tt.name, err)
		}
		if len(got) != tt.want || len(got) > 0 && got[0].Title != tt.title {
			t.Errorf("%s: got %+v, want %d actions", tt.name, got, tt.want)
		}
	}
}

func TestDidClose(t *testing.T) {
	l := &fakeLinter{}
	c := start(t, l, Options{Debounce: 50 * time.Millisecond})
	c.initialize(map[string]any{})
	c.open(uri, "teh", 1)
	if p := c.next(); len(p.Diagnostics) != 1 {
		t.Fatalf("on open: %+v", p.Diagnostics)
	}
	c.change(uri, 2, contentChange{Text: "teh teh"}) // pending when the draft closes
	c.notify(methodDidClose, didCloseParams{TextDocument: textDocumentIdentifier{URI: uri}})
	if p := c.next(); p.URI != uri || p.Diagnostics == nil || len(p.Diagnostics) != 0 {
		t.Errorf("on close: %+v", p)
	}
	c.change(uri, 3, contentChange{Text: "teh"}) // a closed document: ignored
	c.quiet(200 * time.Millisecond)
	if n, _ := l.counts(); n != 1 {
		t.Errorf("%d lints, want 1", n)
	}
}

// TestUnsavedBuffer checks that a buffer with no file is linted from the
// client's text, under a path from its URI.
func TestUnsavedBuffer(t *testing.T) {
	l := &fakeLinter{}
	c := start(t, l, Options{})
	c.initialize(map[string]any{})
	c.open("untitled:Untitled-1", "teh", 1)
	if p := c.next(); p.URI != "untitled:Untitled-1" || len(p.Diagnostics) != 1 {
		t.Errorf("published %+v", p)
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.paths[0] != "Untitled-1" || l.lints[0] != "teh" {
		t.Errorf("linted %q as %q", l.lints[0], l.paths[0])
	}
}

func TestConfigReload(t *testing.T) {
	l := &fakeLinter{}
	c := start(t, l, Options{Debounce: time.Hour})
	c.initialize(map[string]any{"workspace": map[string]any{"didChangeWatchedFiles": map[string]any{"dynamicRegistration": true}}})
	select {
	case r := <-c.regs:
		if len(r.Registrations) != 1 || r.Registrations[0].Method != methodDidChangeWatched ||
			!strings.Contains(string(mustJSON(t, r.Registrations[0].RegisterOptions)), `"globPattern":"**/.newslint.yml"`) {
			t.Errorf("registration = %+v", r)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("no client/registerCapability")
	}
	c.open("file:///d/a.md", "teh", 1)
	c.open("file:///d/b.md", "XX", 1)
	c.next()
	c.next()

	tests := []struct {
		name   string
		send   func()
		reload bool
	}{
		{"a watched configuration change", func() {
			c.notify(methodDidChangeWatched, didChangeWatchedFilesParams{Changes: []fileEvent{{URI: "file:///d/.newslint.yml", Type: 2}}})
		}, true},
		{"a watched change to another file", func() {
			c.notify(methodDidChangeWatched, didChangeWatchedFilesParams{Changes: []fileEvent{{URI: "file:///d/notes.yml", Type: 2}}})
		}, false},
		{"the configuration saved in the editor", func() {
			c.notify(methodDidSave, didSaveParams{TextDocument: textDocumentIdentifier{URI: "file:///d/.newslint.yaml"}})
		}, true},
		{"the configuration edited but not saved", func() {
			c.change("file:///d/.newslint.yml", 2, contentChange{Text: "rules: {}"})
		}, false},
	}
	for _, tt := range tests {
		_, before := l.counts()
		tt.send()
		if !tt.reload {
			c.quiet(200 * time.Millisecond)
			if _, after := l.counts(); after != before {
				t.Errorf("%s: reloaded", tt.name)
			}
			continue
		}
		got := map[string]bool{}
		for range 2 {
			got[c.next().URI] = true
		}
		if !got["file:///d/a.md"] || !got["file:///d/b.md"] {
			t.Errorf("%s: re-published %v, want both drafts", tt.name, got)
		}
		if _, after := l.counts(); after != before+1 {
			t.Errorf("%s: %d reloads, want 1", tt.name, after-before)
		}
	}
}

func TestNoWatcherWithoutDynamicRegistration(t *testing.T) {
	c := start(t, &fakeLinter{}, Options{})
	c.initialize(map[string]any{})
	select {
	case r := <-c.regs:
		t.Errorf("registered %+v with a client that cannot", r)
	case <-time.After(200 * time.Millisecond):
	}
}

func mustJSON(t *testing.T, v any) []byte {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestLintErrors(t *testing.T) {
	l := &fakeLinter{err: &config.Error{Path: "/d/.newslint.yml", Line: 3, Column: 7, Msg: "unknown rule \"typos\""}}
	c := start(t, l, Options{})
	c.initialize(map[string]any{})
	c.open("file:///d/a.md", "teh", 1)
	p := c.next()
	if len(p.Diagnostics) != 1 {
		t.Fatalf("diagnostics = %+v", p.Diagnostics)
	}
	d := p.Diagnostics[0]
	if d.Severity != severityError || d.Code != "config" || d.Range != rng(0, 0, 0, 0) ||
		!strings.Contains(d.Message, "/d/.newslint.yml:3:7: unknown rule") ||
		len(d.RelatedInformation) != 1 || d.RelatedInformation[0].Location.URI != "file:///d/.newslint.yml" ||
		d.RelatedInformation[0].Location.Range != rng(2, 6, 2, 6) {
		t.Errorf("config error diagnostic = %+v", d)
	}
	select {
	case m := <-c.messages:
		if m.Type != messageError || !strings.Contains(m.Message, "/d/.newslint.yml:3:7") {
			t.Errorf("showMessage = %+v", m)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("no window/showMessage for the configuration error")
	}
	// The same error for another draft is not shown again.
	c.open("file:///d/b.md", "teh", 1)
	c.next()
	select {
	case m := <-c.messages:
		t.Errorf("shown twice: %+v", m)
	case <-time.After(200 * time.Millisecond):
	}

	// A draft that is not text: a warning, no message box.
	l.mu.Lock()
	l.err = errors.New("binary file (NUL byte at offset 3), skipped")
	l.mu.Unlock()
	c.open("file:///d/c.md", "ab\x00", 1)
	if d := c.next().Diagnostics; len(d) != 1 || d[0].Severity != severityWarning || d[0].Code != "" || !strings.Contains(d[0].Message, "binary file") {
		t.Errorf("binary draft: %+v", d)
	}
}

// TestStaleResultsDropped holds the lint of version 1 until version 2 is
// published, then lets it finish: its result must not be published.
func TestStaleResultsDropped(t *testing.T) {
	gate := make(chan bool)
	l := &fakeLinter{gate: map[string]chan bool{"teh": gate}}
	c := start(t, l, Options{})
	c.initialize(map[string]any{})
	c.open(uri, "teh", 1)
	for deadline := time.Now().Add(5 * time.Second); ; time.Sleep(time.Millisecond) {
		if n, _ := l.counts(); n == 1 {
			break // version 1 is being linted
		}
		if time.Now().After(deadline) {
			t.Fatal("version 1 was never linted")
		}
	}
	c.change(uri, 2, contentChange{Text: "teh XX"})
	p := c.next()
	if deref(p.Version) != 2 || len(p.Diagnostics) != 2 {
		t.Fatalf("published version %d with %+v, want version 2", deref(p.Version), p.Diagnostics)
	}
	close(gate)
	c.quiet(300 * time.Millisecond)
}

func TestLifecycle(t *testing.T) {
	c := start(t, &fakeLinter{}, Options{})
	var rerr *jsonrpc2.Error
	err := c.call(methodCodeAction, codeActionParams{}, nil)
	if !errors.As(err, &rerr) || rerr.Code != codeServerNotInitialized {
		t.Errorf("a request before initialize: %v, want ServerNotInitialized", err)
	}
	c.open(uri, "teh", 1) // dropped before initialize
	c.initialize(map[string]any{})
	c.quiet(100 * time.Millisecond)
	if err := c.call(methodInitialize, map[string]any{"capabilities": map[string]any{}}, nil); !errors.As(err, &rerr) || rerr.Code != jsonrpc2.CodeInvalidRequest {
		t.Errorf("a second initialize: %v", err)
	}
	if err := c.call("textDocument/hover", map[string]any{}, nil); !errors.As(err, &rerr) || rerr.Code != jsonrpc2.CodeMethodNotFound {
		t.Errorf("an unknown method: %v", err)
	}
	var result json.RawMessage
	if err := c.call(methodShutdown, nil, &result); err != nil || string(result) != "null" {
		t.Errorf("shutdown: %s, %v", result, err)
	}
	if err := c.call(methodCodeAction, codeActionParams{}, nil); !errors.As(err, &rerr) || rerr.Code != jsonrpc2.CodeInvalidRequest {
		t.Errorf("a request after shutdown: %v, want InvalidRequest", err)
	}
	c.notify(methodExit, nil)
	select {
	case code := <-c.exit:
		if code != 0 {
			t.Errorf("exit after shutdown: status %d, want 0", code)
		}
		c.closed = true
	case <-time.After(5 * time.Second):
		t.Fatal("Serve did not return on exit")
	}
}

func TestExitWithoutShutdown(t *testing.T) {
	c := start(t, &fakeLinter{}, Options{})
	c.initialize(map[string]any{})
	c.notify(methodExit, nil)
	select {
	case code := <-c.exit:
		if code != 1 {
			t.Errorf("exit without shutdown: status %d, want 1", code)
		}
		c.closed = true
	case <-time.After(5 * time.Second):
		t.Fatal("Serve did not return on exit")
	}
}
