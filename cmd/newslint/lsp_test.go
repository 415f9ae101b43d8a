package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/newslint/newslint/internal/lsp"
	"github.com/sourcegraph/jsonrpc2"
)

// Tests of 'newslint lsp' as an editor runs it: the binary with a
// JSON-RPC client on its standard input and output, and Neovim.

// lspClient is an editor's end of a running 'newslint lsp'.
type lspClient struct {
	t        testing.TB
	cmd      *exec.Cmd
	conn     *jsonrpc2.Conn
	diags    chan lsp.PublishDiagnosticsParams
	messages chan string
}

// pipes joins the server's standard output and input into one stream.
type pipes struct {
	io.ReadCloser
	io.WriteCloser
}

func (p pipes) Close() error {
	return errors.Join(p.WriteCloser.Close(), p.ReadCloser.Close())
}

func startLSP(t testing.TB, dir string) *lspClient {
	t.Helper()
	cmd := exec.Command(binary, "lsp", "--debounce", "50ms")
	cmd.Dir = dir
	cmd.Stderr = os.Stderr
	in, err := cmd.StdinPipe()
	if err != nil {
		t.Fatal(err)
	}
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	c := &lspClient{t: t, cmd: cmd, diags: make(chan lsp.PublishDiagnosticsParams, 100), messages: make(chan string, 100)}
	c.conn = jsonrpc2.NewConn(context.Background(), jsonrpc2.NewBufferedStream(pipes{out, in}, jsonrpc2.VSCodeObjectCodec{}),
		jsonrpc2.HandlerWithError(func(_ context.Context, _ *jsonrpc2.Conn, req *jsonrpc2.Request) (any, error) {
			switch req.Method {
			case "textDocument/publishDiagnostics":
				var p lsp.PublishDiagnosticsParams
				if err := json.Unmarshal(*req.Params, &p); err != nil {
					t.Errorf("publishDiagnostics: %v", err)
				}
				c.diags <- p
			case "window/showMessage":
				var p struct{ Message string }
				json.Unmarshal(*req.Params, &p)
				c.messages <- p.Message
			}
			return nil, nil
		}))
	t.Cleanup(func() {
		c.conn.Close()
		if cmd.ProcessState == nil {
			cmd.Process.Kill()
			cmd.Wait()
		}
	})
	return c
}

func (c *lspClient) call(method string, params, result any) {
	c.t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := c.conn.Call(ctx, method, params, result); err != nil {
		c.t.Fatalf("%s: %v", method, err)
	}
}

func (c *lspClient) notify(method string, params any) {
	c.t.Helper()
	if err := c.conn.Notify(context.Background(), method, params); err != nil {
		c.t.Fatalf("%s: %v", method, err)
	}
}

func (c *lspClient) next() lsp.PublishDiagnosticsParams {
	c.t.Helper()
	select {
	case p := <-c.diags:
		return p
	case <-time.After(10 * time.Second):
		c.t.Fatal("no publishDiagnostics within 10s")
	}
	return lsp.PublishDiagnosticsParams{}
}

// codes lists the rules of diagnostics with their start positions.
func codes(ds []lsp.Diagnostic) string {
	var out []string
	for _, d := range ds {
		out = append(out, fmt.Sprintf("%s@%d:%d", d.Code, d.Range.Start.Line, d.Range.Start.Character))
	}
	return strings.Join(out, " ")
}

func writeLSPFile(t *testing.T, path, content string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestLSPRealLinter drives the binary: the buffer's text (not the file on
// disk) is linted with the directory's configuration, a configuration
// change re-lints, a bad configuration is reported with its line and
// column, a quick fix fixes the draft, and shutdown and exit end the
// process with status 0.
func TestLSPRealLinter(t *testing.T) {
	dir := t.TempDir()
	if err := os.Mkdir(filepath.Join(dir, ".git"), 0o755); err != nil { // stop the search for configuration here
		t.Fatal(err)
	}
	cfgPath := filepath.Join(dir, ".newslint.yml")
	writeLSPFile(t, cfgPath, "rules:\n  repeated-word: off\n")
	draftPath := filepath.Join(dir, "story.md")
	writeLSPFile(t, draftPath, "Nothing is wrong with the copy on disk.\n")
	uri := "file://" + filepath.ToSlash(draftPath)
	cfgURI := "file://" + filepath.ToSlash(cfgPath)

	c := startLSP(t, dir)
	var init struct {
		Capabilities struct {
			PositionEncoding string `json:"positionEncoding"`
		} `json:"capabilities"`
	}
	c.call("initialize", map[string]any{"processId": nil, "rootUri": "file://" + dir, "capabilities": map[string]any{}}, &init)
	if init.Capabilities.PositionEncoding != "utf-16" {
		t.Errorf("positionEncoding = %q", init.Capabilities.PositionEncoding)
	}
	c.notify("initialized", map[string]any{})

	// An emoji before the findings: UTF-16 columns (30, 38) differ from
	// code points (29, 37).
	text := "The 🎉 council met on Tuesday and and teh mayor spoke at length.\n"
	c.notify("textDocument/didOpen", map[string]any{"textDocument": map[string]any{"uri": uri, "languageId": "markdown", "version": 1, "text": text}})
	if got := codes(c.next().Diagnostics); got != "typo@0:38" {
		t.Errorf("with repeated-word off: %q, want typo@0:38", got)
	}

	tests := []struct {
		name, config, want string
	}{
		{"typo off", "rules:\n  typo: off\n", "repeated-word@0:30"},
		{"no configuration", "", "repeated-word@0:30 typo@0:38"},
	}
	for _, tt := range tests {
		if tt.config == "" {
			os.Remove(cfgPath)
		} else {
			writeLSPFile(t, cfgPath, tt.config)
		}
		c.notify("workspace/didChangeWatchedFiles", map[string]any{"changes": []map[string]any{{"uri": cfgURI, "type": 2}}})
		if got := codes(c.next().Diagnostics); got != tt.want {
			t.Errorf("%s: %q, want %q", tt.name, got, tt.want)
		}
	}

	// A bad configuration, reported when it is saved in the editor.
	writeLSPFile(t, cfgPath, "rules:\n  repeated-word: loud\n")
	c.notify("textDocument/didSave", map[string]any{"textDocument": map[string]any{"uri": cfgURI}})
	p := c.next()
	if len(p.Diagnostics) != 1 || p.Diagnostics[0].Code != "config" || p.Diagnostics[0].Severity != 1 ||
		!strings.Contains(p.Diagnostics[0].Message, ".newslint.yml:2:") {
		t.Errorf("bad configuration: %+v", p.Diagnostics)
	}
	select {
	case m := <-c.messages:
		if !strings.Contains(m, ".newslint.yml:2:") {
			t.Errorf("showMessage %q does not name the file and line", m)
		}
	case <-time.After(10 * time.Second):
		t.Error("no window/showMessage for the bad configuration")
	}
	os.Remove(cfgPath)
	c.notify("workspace/didChangeWatchedFiles", map[string]any{"changes": []map[string]any{{"uri": cfgURI, "type": 3}}})
	p = c.next()
	if got := codes(p.Diagnostics); got != "repeated-word@0:30 typo@0:38" {
		t.Fatalf("configuration removed: %q", got)
	}

	// The preferred quick fixes, applied, fix the draft.
	var actions []lsp.CodeAction
	c.call("textDocument/codeAction", map[string]any{
		"textDocument": map[string]any{"uri": uri},
		"range":        p.Diagnostics[0].Range,
		"context":      map[string]any{"diagnostics": p.Diagnostics},
	}, &actions)
	var edits []lsp.TextEdit
	for _, a := range actions {
		if a.IsPreferred {
			edits = append(edits, a.Edit.Changes[uri]...)
		}
	}
	if len(edits) != 2 {
		t.Fatalf("preferred actions: %+v", actions)
	}
	var changes []map[string]any
	for i := len(edits) - 1; i >= 0; i-- { // from the end, so ranges stay valid
		changes = append(changes, map[string]any{"range": edits[i].Range, "text": edits[i].NewText})
	}
	c.notify("textDocument/didChange", map[string]any{"textDocument": map[string]any{"uri": uri, "version": 2}, "contentChanges": changes})
	if p := c.next(); len(p.Diagnostics) != 0 || p.Version == nil || *p.Version != 2 {
		t.Errorf("after the fixes: version %v, %q", p.Version, codes(p.Diagnostics))
	}

	c.notify("textDocument/didClose", map[string]any{"textDocument": map[string]any{"uri": uri}})
	if p := c.next(); p.URI != uri || len(p.Diagnostics) != 0 {
		t.Errorf("on close: %+v", p)
	}
	c.call("shutdown", nil, nil)
	c.notify("exit", nil)
	done := make(chan error, 1)
	go func() { done <- c.cmd.Wait() }()
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("exit after shutdown: %v, want status 0", err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("the server did not exit")
	}
}

// nvimScript lints a draft in Neovim 0.7 or later: it starts the server
// with vim.lsp.start_client (vim.lsp.start is 0.8's), attaches it to the
// buffer, waits for diagnostics and writes them as JSON to out.
const nvimScript = `
local binary, draft, out = _G.arg[1], _G.arg[2], _G.arg[3]
vim.cmd('edit ' .. vim.fn.fnameescape(draft))
local buf = vim.api.nvim_get_current_buf()
local id = vim.lsp.start_client({
  name = 'newslint',
  cmd = { binary, 'lsp' },
  root_dir = vim.fn.fnamemodify(draft, ':h'),
})
vim.lsp.buf_attach_client(buf, id)
local ok = vim.wait(15000, function() return #vim.diagnostic.get(buf) > 0 end, 50)
local found = {}
for _, d in ipairs(vim.diagnostic.get(buf)) do
  table.insert(found, { code = d.code, lnum = d.lnum, col = d.col, end_col = d.end_col, source = d.source, message = d.message })
end
-- The quick fix: ask for code actions on the line (the server finds the
-- diagnostics itself when the context has none), apply the preferred one
-- as Neovim does, and wait for the re-lint of the edited buffer.
local params = {
  textDocument = { uri = vim.uri_from_bufnr(buf) },
  range = { start = { line = 2, character = 0 }, ['end'] = { line = 2, character = 80 } },
  context = { diagnostics = {} },
}
local titles, applied = {}, false
local replies = vim.lsp.buf_request_sync(buf, 'textDocument/codeAction', params, 5000) or {}
for _, reply in pairs(replies) do
  for _, action in ipairs(reply.result or {}) do
    table.insert(titles, action.title)
    if action.isPreferred and not applied then
      vim.lsp.util.apply_workspace_edit(action.edit, 'utf-16')
      applied = true
    end
  end
end
local clean = vim.wait(15000, function() return #vim.diagnostic.get(buf) == 0 end, 50)
local f = assert(io.open(out, 'w'))
f:write(vim.fn.json_encode({ ok = ok, diagnostics = found, actions = titles, fixed_line = vim.api.nvim_buf_get_lines(buf, 2, 3, false)[1], clean = clean }))
f:close()
vim.lsp.stop_client(id)
vim.wait(2000, function() return vim.lsp.client_is_stopped(id) end, 50)
vim.cmd('qall!')
`

// TestLSPNeovim runs the language server in a real editor: headless
// Neovim opens a draft with a repeated word after an emoji and reports
// the diagnostics it received, then applies the quick fix and waits for
// the diagnostics to clear.
func TestLSPNeovim(t *testing.T) {
	nvim, err := exec.LookPath("nvim")
	if err != nil {
		t.Skip("nvim not found; install Neovim (apt-get install neovim) to run the editor test")
	}
	dir := t.TempDir()
	if err := os.Mkdir(filepath.Join(dir, ".git"), 0o755); err != nil {
		t.Fatal(err)
	}
	draftPath := filepath.Join(dir, "story.md")
	writeLSPFile(t, draftPath, "# Budget\n\nThe 🎉 council voted on the the budget on Tuesday.\n")
	script := filepath.Join(dir, "lint.lua")
	writeLSPFile(t, script, nvimScript)
	out := filepath.Join(dir, "diagnostics.json")

	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	// Lua's arg table is not set for -c scripts: pass the paths as globals.
	setArgs := fmt.Sprintf("lua _G.arg = {%q, %q, %q}", binary, draftPath, out)
	cmd := exec.CommandContext(ctx, nvim, "--headless", "--clean", "-n", "-c", setArgs, "-c", "luafile "+script)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "XDG_STATE_HOME="+dir, "XDG_CACHE_HOME="+dir, "XDG_DATA_HOME="+dir)
	if msg, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("nvim: %v\n%s", err, msg)
	}
	data, err := os.ReadFile(out)
	if err != nil {
		t.Fatalf("nvim wrote no diagnostics: %v", err)
	}
	var got struct {
		OK          bool     `json:"ok"`
		Actions     []string `json:"actions"`
		FixedLine   string   `json:"fixed_line"`
		Clean       bool     `json:"clean"`
		Diagnostics []struct {
			Code    string `json:"code"`
			Lnum    int    `json:"lnum"`
			Col     int    `json:"col"`
			EndCol  int    `json:"end_col"`
			Source  string `json:"source"`
			Message string `json:"message"`
		} `json:"diagnostics"`
	}
	if err := json.Unmarshal(data, &got); err != nil {
		t.Fatalf("%s: %v", data, err)
	}
	if !got.OK || len(got.Diagnostics) != 1 {
		t.Fatalf("diagnostics in Neovim: %s", data)
	}
	// Neovim converts UTF-16 positions to byte columns: "The 🎉 council
	// voted on " is 26 bytes, and the finding spans "the the".
	d := got.Diagnostics[0]
	if d.Code != "repeated-word" || d.Lnum != 2 || d.Col != 26 || d.EndCol != 33 || d.Source != "newslint" || !strings.Contains(d.Message, `"the"`) {
		t.Errorf("diagnostic in Neovim = %+v, want repeated-word at line 2 (0-based), byte columns 26-33", d)
	}
	// The quick fix, applied by Neovim in UTF-16 units, sent back as an
	// incremental change and linted again.
	if strings.Join(got.Actions, "|") != `Delete "the"` {
		t.Errorf("code actions in Neovim: %q, want [Delete \"the\"]", got.Actions)
	}
	if got.FixedLine != "The 🎉 council voted on the budget on Tuesday." || !got.Clean {
		t.Errorf("after the quick fix: line %q, diagnostics cleared %v", got.FixedLine, got.Clean)
	}
}

// BenchmarkLSPOpen measures what an editor waits for: from opening a
// 1,500-word draft (the rules' benchmark draft with a slip added, every
// rule on) to its diagnostics arriving over JSON-RPC, then closing it,
// through the built binary.
func BenchmarkLSPOpen(b *testing.B) {
	dir := b.TempDir()
	if err := os.Mkdir(filepath.Join(dir, ".git"), 0o755); err != nil {
		b.Fatal(err)
	}
	clean, err := os.ReadFile(filepath.Join(repoRoot, "testdata", "bench", "draft-1500.md"))
	if err != nil {
		b.Fatal(err)
	}
	text := append(clean, "\nThe council will will vote again in May.\n"...)
	c := startLSP(b, dir)
	var init struct{}
	c.call("initialize", map[string]any{"processId": nil, "rootUri": "file://" + dir, "capabilities": map[string]any{}}, &init)
	c.notify("initialized", map[string]any{})
	uri := "file://" + filepath.Join(dir, "draft.md")
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		c.notify("textDocument/didOpen", map[string]any{"textDocument": map[string]any{"uri": uri, "languageId": "markdown", "version": 1, "text": string(text)}})
		if p := c.next(); len(p.Diagnostics) == 0 {
			b.Fatal("no diagnostics for a draft with a repeated word")
		}
		c.notify("textDocument/didClose", map[string]any{"textDocument": map[string]any{"uri": uri}})
		if p := c.next(); len(p.Diagnostics) != 0 {
			b.Fatal("diagnostics after close")
		}
	}
}
