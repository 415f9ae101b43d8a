package main

import (
	"bytes"
	"context"
	"image"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
)

// chromium returns the path of a Chromium or Chrome to run headless, or
// skips the test.
func chromium(t *testing.T) string {
	t.Helper()
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome", "google-chrome-stable"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	t.Skip("chromium not found: apt-get install chromium (or put Chrome on PATH) to check the HTML report in a browser")
	return ""
}

// headless runs the browser on a local page with args (--screenshot=FILE
// or --dump-dom) and returns its standard output.
func headless(t *testing.T, browser, page string, args ...string) string {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	base := []string{"--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
		"--disable-background-networking", "--disable-component-update", "--disable-sync",
		"--user-data-dir=" + t.TempDir(), "--window-size=1280,2000"}
	cmd := exec.CommandContext(ctx, browser, append(append(base, args...), "file://"+page)...)
	var out, errOut bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errOut
	if err := cmd.Run(); err != nil {
		t.Fatalf("%s %v: %v\n%s", browser, args, err, errOut.String())
	}
	return out.String()
}

// TestHTMLReportInBrowser writes the HTML report of the example drafts
// and opens it in headless Chromium: the page must render (a screenshot
// with the highlight colors in it, not one flat color) and its script
// must run (the DOM after load has the panel it adds, and the
// highlights).
func TestHTMLReportInBrowser(t *testing.T) {
	browser := chromium(t)
	dir := t.TempDir()
	page := filepath.Join(dir, "report.html")
	r := run(t, "", "", "--format", "html="+page, "--format", "text", "testdata/drafts")
	if r.code != 1 || r.stderr != "" {
		t.Fatalf("exit %d, stderr %q; want 1 and nothing on stderr", r.code, r.stderr)
	}
	if !strings.Contains(r.stdout, "5 files checked") {
		t.Errorf("the text report alongside is missing:\n%s", r.stdout)
	}

	shot := filepath.Join(dir, "report.png")
	headless(t, browser, page, "--screenshot="+shot)
	f, err := os.Open(shot)
	if err != nil {
		t.Fatalf("no screenshot: %v", err)
	}
	defer f.Close()
	img, err := png.Decode(f)
	if err != nil {
		t.Fatalf("screenshot: %v", err)
	}
	if b := img.Bounds(); b.Dx() < 1000 || b.Dy() < 1000 {
		t.Errorf("screenshot is %dx%d", b.Dx(), b.Dy())
	}
	colors, red, amber := countColors(img)
	t.Logf("screenshot: %d colors, %d red and %d amber highlight pixels", colors, red, amber)
	if colors < 50 {
		t.Errorf("screenshot has %d colors: the page did not render", colors)
	}
	// The first draft shown has error and warning highlights on screen.
	if red < 200 || amber < 2000 {
		t.Errorf("screenshot has %d red and %d amber highlight pixels; want highlights of both", red, amber)
	}
	if dst := os.Getenv("NEWSLINT_SCREENSHOT"); dst != "" {
		data, err := os.ReadFile(shot)
		if err == nil {
			err = os.WriteFile(dst, data, 0o644)
		}
		if err != nil {
			t.Fatal(err)
		}
	}

	dom := headless(t, browser, page, "--dump-dom")
	// The whole text of each draft is shown (line 2 of the first is
	// blank, with no finding), not only the lines findings start on.
	for _, want := range []string{`<html lang="en" class="js">`, `<aside class="panel" id="panel" hidden=""`,
		`href="#d5"`, `<del>`, `<ins>`, `<div class="l" id="d1-L2" data-n="2"></div>`} {
		if !strings.Contains(dom, want) {
			t.Errorf("DOM after load lacks %q", want)
		}
	}
	if strings.Contains(dom, "text was not kept") {
		t.Error("the command did not keep the drafts' text for the HTML report")
	}
	highlights := regexp.MustCompile(`<a class="hl (zw )?s-(error|warning|info)[^"]*" href="#f(\d+)"`).FindAllStringSubmatch(dom, -1)
	linked := map[string]bool{}
	for _, m := range highlights {
		linked[m[3]] = true
	}
	findings := len(regexp.MustCompile(`<li class="finding s-`).FindAllString(dom, -1))
	if findings < 20 || len(linked) != findings {
		t.Errorf("%d findings explained, %d of them highlighted in the text; want all", findings, len(linked))
	}
}

// countColors returns how many distinct colors img has, and how many of
// its pixels are the fill of an error and of a warning highlight: the
// report's rgba(239, 68, 68, .18) and rgba(245, 158, 11, .26) over white.
func countColors(img image.Image) (colors, red, amber int) {
	near := func(c, want [3]float64) bool {
		for i := range c {
			if c[i] < want[i]-2 || c[i] > want[i]+2 {
				return false
			}
		}
		return true
	}
	over := func(r, g, b, alpha float64) [3]float64 {
		return [3]float64{255 - (255-r)*alpha, 255 - (255-g)*alpha, 255 - (255-b)*alpha}
	}
	errorFill, warningFill := over(239, 68, 68, .18), over(245, 158, 11, .26)
	seen := map[[3]uint32]bool{}
	b := img.Bounds()
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			r, g, bl, _ := img.At(x, y).RGBA()
			c := [3]uint32{r >> 8, g >> 8, bl >> 8}
			seen[c] = true
			f := [3]float64{float64(c[0]), float64(c[1]), float64(c[2])}
			switch {
			case near(f, errorFill):
				red++
			case near(f, warningFill):
				amber++
			}
		}
	}
	return len(seen), red, amber
}
