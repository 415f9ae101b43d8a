package fix

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// only returns the names in dir, failing if anything but want is there
// (a temporary file left behind).
func only(t *testing.T, dir string, want ...string) {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	if strings.Join(names, " ") != strings.Join(want, " ") {
		t.Errorf("directory holds %v, want %v", names, want)
	}
}

func readFile(t *testing.T, path string) string {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

func TestWriteAtomic(t *testing.T) {
	const old, new = "The the end.\n", "The end.\n"
	tests := []struct {
		name string
		mode fs.FileMode
	}{
		{name: "0644", mode: 0o644},
		{name: "0600", mode: 0o600},
		{name: "0755", mode: 0o755},
		{name: "0640 and set-group-ID", mode: 0o640 | fs.ModeSetgid},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			p := filepath.Join(dir, "a.md")
			if err := os.WriteFile(p, []byte(old), 0o600); err != nil {
				t.Fatal(err)
			}
			if err := os.Chmod(p, tt.mode); err != nil {
				t.Fatal(err)
			}
			before, _ := os.Stat(p)
			if err := WriteAtomic(p, []byte(new), []byte(old)); err != nil {
				t.Fatal(err)
			}
			if got := readFile(t, p); got != new {
				t.Errorf("content %q, want %q", got, new)
			}
			st, err := os.Stat(p)
			if err != nil {
				t.Fatal(err)
			}
			if st.Mode() != before.Mode() {
				t.Errorf("mode %v, want %v", st.Mode(), before.Mode())
			}
			only(t, dir, "a.md")
		})
	}
}

func TestWriteAtomicSymlink(t *testing.T) {
	dir := t.TempDir()
	target := filepath.Join(dir, "real.md")
	link := filepath.Join(dir, "link.md")
	if err := os.WriteFile(target, []byte("old\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink("real.md", link); err != nil {
		t.Skipf("cannot make a symbolic link here: %v", err)
	}
	if err := WriteAtomic(link, []byte("new\n"), []byte("old\n")); err != nil {
		t.Fatal(err)
	}
	st, err := os.Lstat(link)
	if err != nil {
		t.Fatal(err)
	}
	if st.Mode()&fs.ModeSymlink == 0 {
		t.Error("the link was replaced by a file")
	}
	if got := readFile(t, target); got != "new\n" {
		t.Errorf("target holds %q, want %q", got, "new\n")
	}
	only(t, dir, "link.md", "real.md")
}

// TestWriteAtomicRefuses checks the writes WriteAtomic refuses: the file
// is left as it was and no temporary file remains.
func TestWriteAtomicRefuses(t *testing.T) {
	const old = "old\n"
	tests := []struct {
		name     string
		onDisk   string      // the file's content
		mode     fs.FileMode // the file's mode
		dirMode  fs.FileMode // the directory's mode, if not 0755
		rename   func(from, to string) error
		err      error  // errors.Is target, if any
		contains string // in the message
		notRoot  bool   // root is not refused: skip when root
	}{
		{name: "changed on disk", onDisk: "someone else's edit\n", mode: 0o644, err: ErrChanged, contains: "changed on disk"},
		{name: "read-only file", onDisk: old, mode: 0o444, err: ErrReadOnly, contains: "read-only"},
		{name: "rename fails", onDisk: old, mode: 0o644, rename: func(string, string) error { return errors.New("disk on fire") }, contains: "disk on fire"},
		{name: "read-only directory", onDisk: old, mode: 0o644, dirMode: 0o555, err: fs.ErrPermission, notRoot: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.notRoot && os.Geteuid() == 0 {
				t.Skip("running as root, whom file permissions do not stop; run the tests as another user to check this case")
			}
			dir := t.TempDir()
			p := filepath.Join(dir, "a.md")
			if err := os.WriteFile(p, []byte(tt.onDisk), 0o600); err != nil {
				t.Fatal(err)
			}
			if err := os.Chmod(p, tt.mode); err != nil {
				t.Fatal(err)
			}
			if tt.dirMode != 0 {
				if err := os.Chmod(dir, tt.dirMode); err != nil {
					t.Fatal(err)
				}
				t.Cleanup(func() { os.Chmod(dir, 0o755) })
			}
			rename := tt.rename
			if rename == nil {
				rename = os.Rename
			}
			err := writeAtomic(p, []byte("new\n"), []byte(old), rename)
			if err == nil {
				t.Fatal("no error")
			}
			if tt.err != nil && !errors.Is(err, tt.err) {
				t.Errorf("error %v, want %v", err, tt.err)
			}
			if !strings.Contains(err.Error(), tt.contains) || !strings.Contains(err.Error(), p) {
				t.Errorf("error %q does not name the file and say %q", err, tt.contains)
			}
			if got := readFile(t, p); got != tt.onDisk {
				t.Errorf("file holds %q, want it untouched (%q)", got, tt.onDisk)
			}
			if st, _ := os.Stat(p); st.Mode() != tt.mode {
				t.Errorf("mode %v, want %v", st.Mode(), tt.mode)
			}
			only(t, dir, "a.md")
		})
	}
}

func TestWriteAtomicMissing(t *testing.T) {
	dir := t.TempDir()
	err := WriteAtomic(filepath.Join(dir, "gone.md"), []byte("new\n"), []byte("old\n"))
	if !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("error %v, want not exist", err)
	}
	only(t, dir)
}
