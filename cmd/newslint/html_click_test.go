package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"image"
	"image/png"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"
)

// TestHTMLReportClick opens the HTML report of the example drafts in
// headless Chromium, driven through the DevTools protocol over
// --remote-debugging-pipe, and uses it as a reader would: a mouse click on
// a highlight pins the panel explaining it, Escape unpins it, Tab then
// Enter pins it from the keyboard, the panel of a recycled paragraph lists
// where the paragraph came from, and the close button unpins it. A
// screenshot with the panel open must show the panel.
func TestHTMLReportClick(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("--remote-debugging-pipe needs file descriptors 3 and 4")
	}
	browser := chromium(t)
	ctx, cancel := context.WithTimeout(context.Background(), 15*time.Second)
	defer cancel()

	dir := t.TempDir()
	page := filepath.Join(dir, "report.html")
	if r := run(t, "", "", "--format", "html="+page, "testdata/drafts"); r.code != 1 || r.stderr != "" {
		t.Fatalf("exit %d, stderr %q; want 1 and nothing on stderr", r.code, r.stderr)
	}

	tab := openTab(ctx, t, browser)
	pageURL := (&url.URL{Scheme: "file", Path: filepath.ToSlash(page)}).String()
	tab.navigate(pageURL)
	if got := tab.evalString(`location.href`); got != pageURL {
		t.Fatalf("the tab shows %s, want %s", got, pageURL)
	}
	if n := tab.evalInt(`document.querySelectorAll('.src a.hl').length`); n < 20 {
		t.Fatalf("the page has %d highlights; want the example drafts' findings highlighted", n)
	}
	if st := tab.panel(); !st.Exists || !st.Hidden || st.Display != "none" {
		t.Fatalf("before any click the panel is %+v; want it added by the script and hidden", st)
	}

	// 1. A mouse click on the first highlight pins the panel with its
	// finding, as the page explains it below the draft.
	first := tab.highlight(0)
	tab.click(first.X, first.Y)
	tab.expectPanel("click on the first highlight", first)

	// 2. Escape unpins it, and gives the focus back to the highlight.
	tab.key("Escape")
	tab.expectClosed("Escape", first)

	// 3. From the keyboard: Tab moves from that highlight to the next
	// one, and Enter pins the panel with it.
	tab.key("Tab")
	next := tab.evalInt(`[...document.querySelectorAll('.src a.hl')].indexOf(document.activeElement)`)
	want := tab.evalInt(fmt.Sprintf(`(() => {
		const all = [...document.querySelectorAll('.src a.hl')];
		return all.findIndex((a, i) => i > %d && a.getAttribute('tabindex') !== '-1');
	})()`, first.Index))
	if next < 0 || next != want {
		t.Fatalf("after Tab the focus is on highlight %d (-1: not a highlight), want %d, the next one in the text", next, want)
	}
	focused := tab.highlight(next)
	tab.key("Enter")
	tab.expectPanel("Enter on a highlight reached with Tab", focused)
	tab.key("Escape")
	tab.expectClosed("Escape after Enter", focused)

	// 4. A click inside a recycled paragraph, preferably on one of its
	// later lines (which the keyboard skips) and one not clicked yet, shows
	// where the paragraph was used before.
	shown := first
	var rec struct {
		ID    string `json:"id"`
		Index int    `json:"index"`
		Later bool   `json:"later"`
	}
	tab.eval(`(() => {
		const clicked = `+mustJSON(strings.Fields(first.IDs))+`;
		const hls = [...document.querySelectorAll('.src a.hl')];
		const recycled = [...document.querySelectorAll('li.finding[id]')].filter(li =>
			li.querySelector('.rule').textContent === 'recycled-paragraph' && li.querySelector('.rel'));
		let best = {id: '', index: -1, later: false}, score = -1;
		for (const li of recycled) {
			const id = li.getAttribute('data-f');
			const segs = hls.map((a, i) => [a, i]).filter(([a]) => a.getAttribute('data-f').split(' ').includes(id));
			const later = segs.filter(([a]) => a.getAttribute('tabindex') === '-1');
			const pick = later.length > 0 ? later : segs;
			const s = (later.length > 0 ? 2 : 0) + (clicked.includes(id) ? 0 : 1);
			if (pick.length > 0 && s > score) {
				best = {id: id, index: pick[Math.floor(pick.length / 2)][1], later: later.length > 0};
				score = s;
			}
		}
		return best;
	})()`, &rec)
	if rec.Index < 0 {
		t.Log("no recycled-paragraph finding with a related location to click; the screenshot shows the first finding")
		tab.click(first.X, first.Y)
		tab.expectPanel("click on the first highlight again", first)
	} else {
		shown = tab.highlight(rec.Index)
		tab.click(shown.X, shown.Y)
		st := tab.expectPanel("click inside a recycled paragraph", shown)
		var item *findingView
		for i := range st.Items {
			if st.Items[i].ID == rec.ID {
				item = &st.Items[i]
			}
		}
		switch {
		case item == nil:
			t.Errorf("the panel of a recycled paragraph lacks its finding f%s: %+v", rec.ID, st.Items)
		case len(item.Related) == 0 || !regexp.MustCompile(`^\S+:\d+:\d+$`).MatchString(item.Related[0]):
			t.Errorf("the panel of recycled-paragraph finding f%s lists no related location: %+v", rec.ID, item)
		case !item.Diff:
			t.Errorf("the panel of recycled-paragraph finding f%s has no word diff", rec.ID)
		default:
			t.Logf("recycled paragraph f%s (highlight %d, a later line: %v): the panel lists %q", rec.ID, rec.Index, rec.Later, item.Related)
		}
	}

	// 5. A screenshot with the panel open shows the panel: its dark title
	// bar where the page says the panel is, over a page that rendered.
	st := tab.panel()
	img, raw := tab.screenshot()
	b := img.Bounds()
	colors := map[[3]uint32]bool{}
	dark, head := 0, 0
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			r, g, bl, _ := img.At(x, y).RGBA()
			c := [3]uint32{r >> 8, g >> 8, bl >> 8}
			colors[c] = true
			if float64(x) >= st.Head.X && float64(x) < st.Head.X+st.Head.W && float64(y) >= st.Head.Y && float64(y) < st.Head.Y+st.Head.H {
				head++
				// The title bar is #14202e.
				if nearColor(c, [3]uint32{0x14, 0x20, 0x2e}, 6) {
					dark++
				}
			}
		}
	}
	t.Logf("screenshot %dx%d: %d colors; panel at %.0f,%.0f %.0fx%.0f, %d of its title bar's %d pixels dark",
		b.Dx(), b.Dy(), len(colors), st.X, st.Y, st.W, st.H, dark, head)
	if b.Dx() != clickViewport.w || b.Dy() != clickViewport.h {
		t.Errorf("screenshot is %dx%d, want the %dx%d viewport", b.Dx(), b.Dy(), clickViewport.w, clickViewport.h)
	}
	if len(colors) < 50 {
		t.Errorf("screenshot has %d colors: the page did not render", len(colors))
	}
	if head == 0 || dark < head/2 {
		t.Errorf("the panel's title bar is not visible in the screenshot (%d of %d pixels dark)", dark, head)
	}
	// NEWSLINT_CLICK_SCREENSHOT=FILE keeps the screenshot for a person to
	// look at; otherwise it goes with the test's temporary directory.
	shot := os.Getenv("NEWSLINT_CLICK_SCREENSHOT")
	if shot == "" {
		shot = filepath.Join(dir, "panel.png")
	}
	if err := os.WriteFile(shot, raw, 0o644); err != nil {
		t.Fatal(err)
	}
	t.Logf("screenshot with the panel open: %s", shot)

	// The related location is a link that takes the reader to the line.
	if rec.Index >= 0 {
		var link struct {
			Href string  `json:"href"`
			X    float64 `json:"x"`
			Y    float64 `json:"y"`
		}
		tab.eval(`(() => {
			const a = document.querySelector('#panel .rel a');
			if (!a) return {href: '', x: 0, y: 0};
			const r = a.getBoundingClientRect();
			return {href: a.getAttribute('href'), x: r.left + r.width / 2, y: r.top + r.height / 2};
		})()`, &link)
		if link.Href == "" {
			t.Error("the related location in the panel is not a link")
		} else {
			tab.click(link.X, link.Y)
			if got := tab.evalString(`location.hash`); got != link.Href {
				t.Errorf("a click on the related location %s in the panel went to %q", link.Href, got)
			}
			if !tab.evalBool(`(() => {
				const r = document.querySelector(':target').getBoundingClientRect();
				return r.bottom > 0 && r.top < innerHeight;
			})()`) {
				t.Errorf("the related line %s is not on screen after the click", link.Href)
			}
		}
	}

	// The close button unpins the panel too.
	var closeAt struct {
		X float64 `json:"x"`
		Y float64 `json:"y"`
	}
	tab.eval(`(() => {
		const r = document.querySelector('#panel .close').getBoundingClientRect();
		return {x: r.left + r.width / 2, y: r.top + r.height / 2};
	})()`, &closeAt)
	tab.click(closeAt.X, closeAt.Y)
	tab.expectClosed("the close button", shown)

	tab.expectNoErrors()
}

// clickViewport is the size of the page's window in CSS pixels, one
// device pixel each.
var clickViewport = struct{ w, h int }{1280, 900}

// nearColor reports whether colors a and b differ by at most d in each
// channel.
func nearColor(a, b [3]uint32, d uint32) bool {
	for i := range a {
		if a[i]+d < b[i] || b[i]+d < a[i] {
			return false
		}
	}
	return true
}

// cdpMessage is a Chrome DevTools Protocol message in either direction: a
// command (ID and Method), its response (ID and Result or Error), or an
// event (Method alone). SessionID addresses a page attached with
// flatten:true.
type cdpMessage struct {
	ID        int64           `json:"id,omitempty"`
	SessionID string          `json:"sessionId,omitempty"`
	Method    string          `json:"method,omitempty"`
	Params    json.RawMessage `json:"params,omitempty"`
	Result    json.RawMessage `json:"result,omitempty"`
	Error     *struct {
		Code    int    `json:"code"`
		Message string `json:"message"`
	} `json:"error,omitempty"`
}

// cdpConn is a DevTools protocol connection to a browser started with
// --remote-debugging-pipe: messages are JSON, each followed by a NUL byte,
// written to the browser's file descriptor 3 and read from its 4.
type cdpConn struct {
	w       *os.File
	mu      sync.Mutex
	next    int64
	pending map[int64]chan cdpMessage
	events  []cdpMessage // every event received, in order
	closed  chan struct{}
	readErr error
}

func newCDPConn(w, r *os.File) *cdpConn {
	c := &cdpConn{w: w, pending: map[int64]chan cdpMessage{}, closed: make(chan struct{})}
	go c.read(r)
	return c
}

// read delivers responses to their callers and keeps events, until the
// browser closes its end.
func (c *cdpConn) read(r *os.File) {
	defer close(c.closed)
	br := bufio.NewReader(r)
	for {
		data, err := br.ReadBytes(0)
		if err != nil {
			c.mu.Lock()
			c.readErr = err
			c.mu.Unlock()
			return
		}
		var m cdpMessage
		if err := json.Unmarshal(data[:len(data)-1], &m); err != nil {
			continue
		}
		c.mu.Lock()
		if m.ID != 0 {
			if ch := c.pending[m.ID]; ch != nil {
				delete(c.pending, m.ID)
				ch <- m
			}
		} else {
			c.events = append(c.events, m)
		}
		c.mu.Unlock()
	}
}

// call sends method with params to session ("" for the browser), waits for
// the response and decodes its result into result when not nil.
func (c *cdpConn) call(ctx context.Context, session, method string, params, result any) error {
	p, err := json.Marshal(params)
	if err != nil {
		return err
	}
	ch := make(chan cdpMessage, 1)
	c.mu.Lock()
	c.next++
	id := c.next
	c.pending[id] = ch
	data, err := json.Marshal(cdpMessage{ID: id, SessionID: session, Method: method, Params: p})
	if err == nil {
		_, err = c.w.Write(append(data, 0))
	}
	if err != nil {
		delete(c.pending, id)
	}
	c.mu.Unlock()
	if err != nil {
		return fmt.Errorf("%s: %w", method, err)
	}
	ctx, cancel := context.WithTimeout(ctx, 5*time.Second)
	defer cancel()
	select {
	case m := <-ch:
		if m.Error != nil {
			return fmt.Errorf("%s: %s (%d)", method, m.Error.Message, m.Error.Code)
		}
		if result != nil {
			return json.Unmarshal(m.Result, result)
		}
		return nil
	case <-c.closed:
		return fmt.Errorf("%s: the browser closed the connection: %v", method, c.readErr)
	case <-ctx.Done():
		return fmt.Errorf("%s: no response: %w", method, ctx.Err())
	}
}

// browserTab is a page of a headless Chromium that a test drives; its
// methods fail the test on any protocol error.
type browserTab struct {
	t       *testing.T
	ctx     context.Context
	conn    *cdpConn
	session string
}

// openTab starts browser headless with the DevTools protocol on a pipe,
// opens a tab of clickViewport's size and attaches to it. The browser is
// closed (or killed) when the test ends.
func openTab(ctx context.Context, t *testing.T, browser string) *browserTab {
	t.Helper()
	profile := t.TempDir() // removed after the cleanup below stops the browser
	toBrowser, ourEnd, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	fromBrowser, browserEnd, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	logFile, err := os.Create(filepath.Join(profile, "chromium.log"))
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.CommandContext(ctx, browser, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
		"--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
		"--user-data-dir="+profile, "--remote-debugging-pipe", "about:blank")
	cmd.ExtraFiles = []*os.File{toBrowser, browserEnd} // descriptors 3 and 4
	cmd.Stdout, cmd.Stderr = logFile, logFile
	cmd.WaitDelay = 2 * time.Second
	if err := cmd.Start(); err != nil {
		t.Fatalf("starting %s: %v", browser, err)
	}
	toBrowser.Close()
	browserEnd.Close()
	exited := make(chan struct{})
	go func() {
		cmd.Wait()
		close(exited)
	}()
	conn := newCDPConn(ourEnd, fromBrowser)
	t.Cleanup(func() {
		closeCtx, cancel := context.WithTimeout(context.Background(), 3*time.Second)
		defer cancel()
		conn.call(closeCtx, "", "Browser.close", nil, nil)
		select {
		case <-exited:
		case <-closeCtx.Done():
			cmd.Process.Kill()
			<-exited
		}
		ourEnd.Close()
		fromBrowser.Close()
		logFile.Close()
		if t.Failed() {
			if log, err := os.ReadFile(logFile.Name()); err == nil && len(log) > 0 {
				t.Logf("%s said:\n%s", browser, bytes.TrimSpace(log))
			}
		}
	})

	tab := &browserTab{t: t, ctx: ctx, conn: conn}
	var target struct {
		TargetID string `json:"targetId"`
	}
	tab.do("", "Target.createTarget", map[string]any{"url": "about:blank"}, &target)
	var attached struct {
		SessionID string `json:"sessionId"`
	}
	tab.do("", "Target.attachToTarget", map[string]any{"targetId": target.TargetID, "flatten": true}, &attached)
	tab.session = attached.SessionID
	for _, domain := range []string{"Page", "Runtime", "Log"} {
		tab.do(tab.session, domain+".enable", nil, nil)
	}
	tab.do(tab.session, "Emulation.setDeviceMetricsOverride", map[string]any{
		"width": clickViewport.w, "height": clickViewport.h, "deviceScaleFactor": 1, "mobile": false}, nil)
	return tab
}

// do sends a command to session ("" for the browser) or fails the test.
func (b *browserTab) do(session, method string, params, result any) {
	b.t.Helper()
	if err := b.conn.call(b.ctx, session, method, params, result); err != nil {
		b.t.Fatal(err)
	}
}

// navigate loads u in the tab and waits until the document is complete.
func (b *browserTab) navigate(u string) {
	b.t.Helper()
	var nav struct {
		ErrorText string `json:"errorText"`
	}
	b.do(b.session, "Page.navigate", map[string]any{"url": u}, &nav)
	if nav.ErrorText != "" {
		b.t.Fatalf("loading %s: %s", u, nav.ErrorText)
	}
	for {
		// While the new document replaces the old, evaluating can fail;
		// ask again.
		var res struct {
			Result struct {
				Value string `json:"value"`
			} `json:"result"`
		}
		err := b.conn.call(b.ctx, b.session, "Runtime.evaluate", map[string]any{
			"expression": `location.href + ' ' + document.readyState`, "returnByValue": true}, &res)
		if err == nil && res.Result.Value == u+" complete" {
			return
		}
		select {
		case <-b.ctx.Done():
			b.t.Fatalf("%s did not finish loading (%q, %v)", u, res.Result.Value, err)
		case <-time.After(20 * time.Millisecond):
		}
	}
}

// eval evaluates the JavaScript expression expr in the page and decodes
// its value, as JSON, into out.
func (b *browserTab) eval(expr string, out any) {
	b.t.Helper()
	var res struct {
		Result struct {
			Value json.RawMessage `json:"value"`
		} `json:"result"`
		ExceptionDetails *struct {
			Text      string `json:"text"`
			Exception struct {
				Description string `json:"description"`
			} `json:"exception"`
		} `json:"exceptionDetails"`
	}
	b.do(b.session, "Runtime.evaluate", map[string]any{"expression": expr, "returnByValue": true}, &res)
	if e := res.ExceptionDetails; e != nil {
		b.t.Fatalf("evaluating %s: %s %s", expr, e.Text, e.Exception.Description)
	}
	if err := json.Unmarshal(res.Result.Value, out); err != nil {
		b.t.Fatalf("evaluating %s: %s: %v", expr, res.Result.Value, err)
	}
}

func (b *browserTab) evalString(expr string) (s string) {
	b.t.Helper()
	b.eval(expr, &s)
	return s
}

func (b *browserTab) evalInt(expr string) (n int) {
	b.t.Helper()
	b.eval(expr, &n)
	return n
}

func (b *browserTab) evalBool(expr string) (ok bool) {
	b.t.Helper()
	b.eval(expr, &ok)
	return ok
}

// click presses and releases the left mouse button at x, y (CSS pixels
// from the viewport's top left).
func (b *browserTab) click(x, y float64) {
	b.t.Helper()
	for _, typ := range []string{"mouseMoved", "mousePressed", "mouseReleased"} {
		ev := map[string]any{"type": typ, "x": x, "y": y}
		if typ != "mouseMoved" {
			ev["button"], ev["clickCount"] = "left", 1
		}
		b.do(b.session, "Input.dispatchMouseEvent", ev, nil)
	}
}

// cdpKeys are the keys that key can press: their key code and the text they type.
var cdpKeys = map[string]struct {
	code int
	text string
}{"Enter": {13, "\r"}, "Escape": {27, ""}, "Tab": {9, ""}}

// key presses and releases a key of cdpKeys.
func (b *browserTab) key(name string) {
	b.t.Helper()
	k, ok := cdpKeys[name]
	if !ok {
		b.t.Fatalf("no key %q", name)
	}
	down := map[string]any{"type": "rawKeyDown", "key": name, "code": name, "windowsVirtualKeyCode": k.code}
	if k.text != "" {
		down["type"], down["text"] = "keyDown", k.text
	}
	b.do(b.session, "Input.dispatchKeyEvent", down, nil)
	b.do(b.session, "Input.dispatchKeyEvent", map[string]any{
		"type": "keyUp", "key": name, "code": name, "windowsVirtualKeyCode": k.code}, nil)
}

// screenshot returns the visible part of the page, decoded and as PNG.
func (b *browserTab) screenshot() (image.Image, []byte) {
	b.t.Helper()
	var res struct {
		Data string `json:"data"`
	}
	b.do(b.session, "Page.captureScreenshot", map[string]any{"format": "png"}, &res)
	raw, err := base64.StdEncoding.DecodeString(res.Data)
	if err != nil {
		b.t.Fatal(err)
	}
	img, err := png.Decode(bytes.NewReader(raw))
	if err != nil {
		b.t.Fatalf("screenshot: %v", err)
	}
	return img, raw
}

// textHighlight is one highlighted span in a draft's text (an a.hl in .src),
// Index in document order.
type textHighlight struct {
	Index int     `json:"index"`
	IDs   string  `json:"ids"`   // data-f: the findings under it, the one shown first
	Title string  `json:"title"` // the tooltip
	X     float64 `json:"x"`     // center of its first line box, in the viewport
	Y     float64 `json:"y"`
	Hit   bool    `json:"hit"`
}

// highlight scrolls highlight i into view and returns it, failing the test
// when something else would get a click at its center.
func (b *browserTab) highlight(i int) textHighlight {
	b.t.Helper()
	var h textHighlight
	b.eval(fmt.Sprintf(`(() => {
		const a = document.querySelectorAll('.src a.hl')[%d];
		a.scrollIntoView({block: 'center'});
		const r = a.getClientRects()[0];
		const x = r.left + r.width / 2, y = r.top + r.height / 2;
		const hit = document.elementFromPoint(x, y);
		return {index: %d, ids: a.getAttribute('data-f'), title: a.title, x: x, y: y, hit: !!hit && (hit === a || a.contains(hit))};
	})()`, i, i), &h)
	if !h.Hit {
		b.t.Fatalf("highlight %d (findings %s) is covered at its center %.0f,%.0f", i, h.IDs, h.X, h.Y)
	}
	return h
}

// findingView is a finding's explanation as the page shows it: in the list
// below its draft, or copied into the panel.
type findingView struct {
	ID       string   `json:"id"` // data-f
	Severity string   `json:"severity"`
	Rule     string   `json:"rule"`
	Message  string   `json:"message"`
	Related  []string `json:"related"` // related locations, as shown
	Diff     bool     `json:"diff"`    // a word diff is shown
}

// cssBox is a box in the viewport, in CSS pixels.
type cssBox struct{ X, Y, W, H float64 }

// panelState is what the page shows of the explanation panel.
type panelState struct {
	Exists  bool
	Hidden  bool
	Display string
	cssBox
	Head    cssBox        // the title bar
	OnTop   bool          // nothing covers the panel's center
	Title   string        // "Finding", "2 findings here"
	Items   []findingView // the findings it explains
	Lit     []string      // data-f of the highlights marked as selected
	Hash    string        // location.hash
	Focused int           // index of the focused highlight, or -1
}

// findingJS reads a li.finding as a findingView.
const findingJS = `(li) => ({
	id: li.getAttribute('data-f'),
	severity: li.querySelector('.fh .badge').textContent,
	rule: li.querySelector('.rule').textContent,
	message: li.querySelector('.msg').textContent,
	related: [...li.querySelectorAll('.rel > p > a, .rel > p > .loc')].map(e => e.textContent),
	diff: !!li.querySelector('.rel .diff'),
})`

// panel reads the panel's state.
func (b *browserTab) panel() panelState {
	b.t.Helper()
	var st panelState
	b.eval(`(() => {
		const view = `+findingJS+`;
		const box = (e) => { const r = e.getBoundingClientRect(); return {X: r.left, Y: r.top, W: r.width, H: r.height}; };
		const p = document.getElementById('panel');
		const hls = [...document.querySelectorAll('.src a.hl')];
		const base = {Hash: location.hash, Focused: hls.indexOf(document.activeElement),
			Lit: [...document.querySelectorAll('.src .hl.on')].map(e => e.getAttribute('data-f'))};
		if (!p) return Object.assign(base, {Exists: false});
		const r = box(p);
		const hit = document.elementFromPoint(r.X + r.W / 2, r.Y + r.H / 2);
		return Object.assign(base, r, {Exists: true, Hidden: p.hidden, Display: getComputedStyle(p).display,
			Head: box(p.querySelector('.ph')), OnTop: !!hit && p.contains(hit),
			Title: p.querySelector('.ph span').textContent, Items: [...p.querySelectorAll('li.finding')].map(view)});
	})()`, &st)
	return st
}

// expectPanel checks that, after how, the panel is open on screen with the
// findings under h, explained as the list below their draft explains them
// and as h's tooltip says, and h and the other highlights of its findings
// are marked; it returns the panel's state.
func (b *browserTab) expectPanel(how string, h textHighlight) panelState {
	b.t.Helper()
	st := b.panel()
	if st.Hidden || st.Display == "none" || st.W < 200 || st.H < 100 || !st.OnTop {
		b.t.Fatalf("after %s the panel is not shown: %+v", how, st)
	}
	if st.X < 0 || st.Y < 0 || st.X+st.W > float64(clickViewport.w) || st.Y+st.H > float64(clickViewport.h) {
		b.t.Errorf("after %s the panel is partly off screen at %+v", how, st.cssBox)
	}
	if st.Hash != "" {
		b.t.Errorf("after %s the page followed the highlight's link to %s", how, st.Hash)
	}
	ids := strings.Fields(h.IDs)
	var want []findingView
	b.eval(`(() => {
		const view = `+findingJS+`;
		return `+mustJSON(ids)+`.map(id => view(document.getElementById('f' + id)));
	})()`, &want)
	if len(st.Items) != len(want) {
		b.t.Fatalf("after %s the panel explains %d findings, want %d (%s): %+v", how, len(st.Items), len(want), h.IDs, st.Items)
	}
	var tips []string
	for i, w := range want {
		if got := st.Items[i]; fmt.Sprint(got) != fmt.Sprint(w) {
			b.t.Errorf("after %s the panel shows\n%+v\nwant, as below the draft,\n%+v", how, got, w)
		}
		tips = append(tips, w.Severity+" "+w.Rule+": "+w.Message)
	}
	if tip := strings.Join(tips, "\n"); h.Title != tip {
		b.t.Errorf("highlight %d's tooltip is %q, the panel says %q", h.Index, h.Title, tip)
	}
	wantTitle := "Finding"
	if len(ids) > 1 {
		wantTitle = fmt.Sprintf("%d findings here", len(ids))
	}
	if st.Title != wantTitle {
		b.t.Errorf("after %s the panel's title is %q, want %q", how, st.Title, wantTitle)
	}
	// Every highlight showing one of these findings is marked, and no
	// other.
	var mine int
	b.eval(`(() => {
		const ids = `+mustJSON(ids)+`;
		return [...document.querySelectorAll('.src .hl.on')].filter(e =>
			e.getAttribute('data-f').split(' ').some(id => ids.includes(id))).length;
	})()`, &mine)
	segments := b.evalInt(`[...document.querySelectorAll('.src .hl')].filter(e =>
		e.getAttribute('data-f').split(' ').some(id => ` + mustJSON(ids) + `.includes(id))).length`)
	if segments == 0 || mine != segments || len(st.Lit) != segments {
		b.t.Errorf("after %s %d highlights are marked (%v), %d of them of findings %s; want all %d of those",
			how, len(st.Lit), st.Lit, mine, h.IDs, segments)
	}
	b.t.Logf("%s: panel %q with %s %s: %q", how, st.Title, want[0].Severity, want[0].Rule, want[0].Message)
	return st
}

// expectClosed checks that, after how, the panel is hidden, no highlight
// is marked and the focus is back on opener.
func (b *browserTab) expectClosed(how string, opener textHighlight) {
	b.t.Helper()
	st := b.panel()
	if !st.Hidden || st.Display != "none" || st.OnTop {
		b.t.Errorf("after %s the panel is still shown: %+v", how, st)
	}
	if len(st.Lit) != 0 {
		b.t.Errorf("after %s highlights are still marked: %v", how, st.Lit)
	}
	if st.Focused != opener.Index {
		b.t.Errorf("after %s the focus is on highlight %d (-1: none), want %d, which opened the panel", how, st.Focused, opener.Index)
	}
}

// expectNoErrors checks that the page threw nothing and logged no error
// (such as a content security policy violation).
func (b *browserTab) expectNoErrors() {
	b.t.Helper()
	b.conn.mu.Lock()
	defer b.conn.mu.Unlock()
	for _, ev := range b.conn.events {
		switch ev.Method {
		case "Runtime.exceptionThrown":
			b.t.Errorf("the page threw: %s", ev.Params)
		case "Log.entryAdded":
			var e struct {
				Entry struct {
					Level, Text string
				} `json:"entry"`
			}
			if json.Unmarshal(ev.Params, &e) == nil && e.Entry.Level == "error" {
				b.t.Errorf("the page logged an error: %s", e.Entry.Text)
			}
		}
	}
}

// mustJSON is v as a JavaScript literal.
func mustJSON(v any) string {
	data, err := json.Marshal(v)
	if err != nil {
		panic(err)
	}
	return string(data)
}
