package fix

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
)

// ErrChanged reports that a file changed on disk after it was read, so
// fixes made to what was read would undo someone else's edit.
var ErrChanged = errors.New("the file changed on disk after newslint read it; not overwritten")

// ErrReadOnly reports that a file's permissions allow no one to write it.
var ErrReadOnly = errors.New("the file is read-only; not overwritten")

// WriteAtomic replaces the content of the file at path with data, if the
// file still holds original. It writes a temporary file in the same
// directory, syncs it, gives it the original's permission bits (and owner,
// where it can) and renames it over the original, so a reader sees the old
// content or the new, never a mix. A symbolic link is followed and its
// target replaced; the link stays a link. A file whose permission bits
// grant no write access is refused with ErrReadOnly (renaming over it
// would defeat chmod a-w), a file that changed since it was read with
// ErrChanged; either way, and on any other error, the file is left as it
// was and no temporary file remains.
//
// Renaming gives the file a new inode: other hard links to it keep the
// old content.
func WriteAtomic(path string, data, original []byte) error {
	return writeAtomic(path, data, original, os.Rename)
}

// writeAtomic is WriteAtomic with the final rename as a parameter, so
// tests can make it fail.
func writeAtomic(path string, data, original []byte, rename func(from, to string) error) (err error) {
	wrap := func(err error) error { return fmt.Errorf("fix: write %s: %w", path, err) }
	target, err := filepath.EvalSymlinks(path)
	if err != nil {
		return wrap(err)
	}
	st, err := os.Stat(target)
	if err != nil {
		return wrap(err)
	}
	if !st.Mode().IsRegular() {
		return wrap(errors.New("not a regular file"))
	}
	if st.Mode().Perm()&0o222 == 0 {
		return wrap(ErrReadOnly)
	}
	// Opening for writing (without truncating) asks the system whether
	// this user may write the file at all.
	f, err := os.OpenFile(target, os.O_WRONLY, 0)
	if err != nil {
		return wrap(err)
	}
	f.Close()
	current, err := os.ReadFile(target)
	if err != nil {
		return wrap(err)
	}
	if !bytes.Equal(current, original) {
		return wrap(ErrChanged)
	}

	dir := filepath.Dir(target)
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(target)+".newslint-*")
	if err != nil {
		return wrap(err)
	}
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	if _, err = tmp.Write(data); err != nil {
		return wrap(err)
	}
	keepOwner(tmp, st) // before Chmod: changing the owner clears set-user-ID
	if err = tmp.Chmod(st.Mode() & (fs.ModePerm | fs.ModeSetuid | fs.ModeSetgid | fs.ModeSticky)); err != nil {
		return wrap(err)
	}
	if err = tmp.Sync(); err != nil {
		return wrap(err)
	}
	if err = tmp.Close(); err != nil {
		return wrap(err)
	}
	if err = rename(tmp.Name(), target); err != nil {
		return wrap(err)
	}
	// Make the rename itself durable; a directory that cannot be synced
	// (some file systems) does not undo the write.
	if d, derr := os.Open(dir); derr == nil {
		d.Sync()
		d.Close()
	}
	return nil
}
