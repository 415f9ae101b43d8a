package main

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"syscall"
	"testing"
	"time"
)

// runProcess runs the binary once and returns its wall time, CPU time
// (user + system) and peak resident memory in bytes.
func runProcess(b *testing.B, dir string, args ...string) (wall, cpu time.Duration, rss int64) {
	b.Helper()
	cmd := exec.Command(binary, args...)
	cmd.Dir = dir
	start := time.Now()
	err := cmd.Run()
	wall = time.Since(start)
	if ee, ok := err.(*exec.ExitError); err != nil && (!ok || ee.ExitCode() > 1) {
		b.Fatalf("newslint %v: %v", args, err)
	}
	st := cmd.ProcessState
	if ru, ok := st.SysUsage().(*syscall.Rusage); ok {
		rss = ru.Maxrss * 1024 // kilobytes on Linux
	}
	return wall, st.UserTime() + st.SystemTime(), rss
}

// BenchmarkProcessOneDraft times the whole process, from start to exit,
// on one Markdown draft: what an editor or a pre-commit hook waits for.
func BenchmarkProcessOneDraft(b *testing.B) {
	draft := filepath.Join("testdata", "drafts", "levy-vote.md")
	for b.Loop() {
		runProcess(b, repoRoot, draft)
	}
}

// BenchmarkDirectory10000 lints a directory of 10,000 drafts (copies of
// the example drafts and the clean corpus, about 45 MB) in one process
// and reports throughput, CPU use (2.0 means both cores busy) and peak
// memory.
func BenchmarkDirectory10000(b *testing.B) {
	dir := b.TempDir()
	sources, _ := filepath.Glob(filepath.Join(repoRoot, "testdata", "*", "*.*"))
	var texts [][]byte
	var names []string
	for _, p := range sources {
		if ext := filepath.Ext(p); ext == ".md" || ext == ".txt" || ext == ".html" {
			data, err := os.ReadFile(p)
			if err != nil {
				b.Fatal(err)
			}
			texts, names = append(texts, data), append(names, filepath.Base(p))
		}
	}
	var total int64
	for i := range 10000 {
		k := i % len(texts)
		name := fmt.Sprintf("%05d-%s", i, names[k])
		if err := os.WriteFile(filepath.Join(dir, name), texts[k], 0o644); err != nil {
			b.Fatal(err)
		}
		total += int64(len(texts[k]))
	}
	b.SetBytes(total)
	b.ResetTimer()
	var cpu, wall time.Duration
	var rss int64
	for b.Loop() {
		w, c, r := runProcess(b, dir, "--format", "json", ".")
		wall, cpu, rss = wall+w, cpu+c, max(rss, r)
	}
	b.ReportMetric(cpu.Seconds()/wall.Seconds(), "cores")
	b.ReportMetric(float64(rss)/(1<<20), "peak-MB")
}
