package cli

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"
)

// hookMarker marks a pre-commit hook as newslint's: install replaces and
// uninstall removes only a hook that carries it.
const hookMarker = "# newslint-hook: written by 'newslint hook install'"

// hookBackupSuffix names the copy of a foreign hook that install --force
// replaced; uninstall puts it back.
const hookBackupSuffix = ".newslint-backup"

func newHookCommand() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "hook",
		Short: "Install or remove a git pre-commit hook that lints staged drafts",
		Long: `hook install writes a git pre-commit hook that runs 'newslint check --staged',
so a commit whose staged drafts have findings at or above the fail level is
refused ('git commit --no-verify' skips the check once). It goes where git
looks for hooks (core.hooksPath is honored; worktrees share their repository's
hooks). hook uninstall removes it again.`,
	}
	var force bool
	install := &cobra.Command{
		Use:   "install",
		Short: "Write the pre-commit hook (--force replaces another hook, keeping a backup)",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			return hookInstall(cmd.OutOrStdout(), force)
		},
	}
	install.Flags().BoolVar(&force, "force", false, "replace a pre-commit hook that is not newslint's, keeping it as pre-commit"+hookBackupSuffix)
	uninstall := &cobra.Command{
		Use:   "uninstall",
		Short: "Remove newslint's pre-commit hook (and restore the hook it replaced)",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			return hookUninstall(cmd.OutOrStdout())
		},
	}
	cmd.AddCommand(install, uninstall)
	return cmd
}

// hookPath returns where git looks for the pre-commit hook of the
// repository holding the working directory.
func hookPath() (string, error) {
	out, err := gitStdout("rev-parse", "--git-path", "hooks")
	if err != nil {
		return "", usageErrorf("hook: %v", err)
	}
	dir := strings.TrimSuffix(string(out), "\n")
	if dir == "" {
		return "", usageErrorf("hook: git did not say where its hooks are")
	}
	return filepath.Join(filepath.FromSlash(dir), "pre-commit"), nil
}

// isOurHook reports whether the hook file at path is newslint's; a missing
// file is not.
func isOurHook(path string) (exists, ours bool, err error) {
	data, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		if _, lerr := os.Lstat(path); lerr == nil {
			return true, false, nil // a dangling symbolic link
		}
		return false, false, nil
	}
	if err != nil {
		return false, false, usageErrorf("hook: read %s: %v", path, err)
	}
	return true, bytes.Contains(data, []byte(hookMarker)), nil
}

func hookInstall(w io.Writer, force bool) error {
	path, err := hookPath()
	if err != nil {
		return err
	}
	exists, ours, err := isOurHook(path)
	if err != nil {
		return err
	}
	backup := path + hookBackupSuffix
	if exists && !ours {
		if !force {
			return usageErrorf("%s is not newslint's hook; not replacing it (--force replaces it and keeps it as %s)", path, filepath.Base(backup))
		}
		if _, err := os.Lstat(backup); err == nil {
			return usageErrorf("%s is not newslint's hook and %s already exists; move one of them away first", path, backup)
		}
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return usageErrorf("hook: %v", err)
	}
	if exists && !ours {
		if err := os.Rename(path, backup); err != nil {
			return usageErrorf("hook: keep the old hook: %v", err)
		}
		fmt.Fprintf(w, "kept the old pre-commit hook as %s\n", backup)
	}
	exe := stableExecutable()
	if err := writeHook(path, hookScript(exe)); err != nil {
		return err
	}
	verb := "installed"
	if ours {
		verb = "updated"
	}
	fmt.Fprintf(w, "%s the newslint pre-commit hook in %s: commits now lint the staged drafts ('git commit --no-verify' skips it)\n", verb, path)
	if exe == "" {
		fmt.Fprintln(w, "this newslint is a temporary build (go run or a test), so the hook runs the newslint on PATH")
	}
	return nil
}

// writeHook writes an executable hook atomically.
func writeHook(path, script string) error {
	f, err := os.CreateTemp(filepath.Dir(path), ".pre-commit.newslint-*")
	if err != nil {
		return usageErrorf("hook: write %s: %v", path, err)
	}
	tmp := f.Name()
	_, err = f.WriteString(script)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Chmod(tmp, 0o755)
	}
	if err == nil {
		err = os.Rename(tmp, path)
	}
	if err != nil {
		os.Remove(tmp)
		return usageErrorf("hook: write %s: %v", path, err)
	}
	return nil
}

func hookUninstall(w io.Writer) error {
	path, err := hookPath()
	if err != nil {
		return err
	}
	exists, ours, err := isOurHook(path)
	if err != nil {
		return err
	}
	switch {
	case !exists:
		fmt.Fprintf(w, "no pre-commit hook in %s; nothing to remove\n", filepath.Dir(path))
		return nil
	case !ours:
		return usageErrorf("%s is not newslint's hook; leaving it alone", path)
	}
	backup := path + hookBackupSuffix
	if _, err := os.Lstat(backup); err == nil {
		if err := os.Rename(backup, path); err != nil {
			return usageErrorf("hook: restore %s: %v", backup, err)
		}
		fmt.Fprintf(w, "removed the newslint pre-commit hook and restored the one it replaced (%s)\n", path)
		return nil
	}
	if err := os.Remove(path); err != nil {
		return usageErrorf("hook: remove %s: %v", path, err)
	}
	fmt.Fprintf(w, "removed the newslint pre-commit hook %s\n", path)
	return nil
}

// stableExecutable returns the absolute path of the running newslint if it
// is an installed binary, or "" for a temporary one (go run, go test),
// which the hook must not point at.
func stableExecutable() string {
	exe, err := os.Executable()
	if err != nil {
		return ""
	}
	if p, err := filepath.EvalSymlinks(exe); err == nil {
		exe = p
	}
	if strings.HasSuffix(exe, ".test") || strings.Contains(exe, string(filepath.Separator)+"go-build") {
		return ""
	}
	return exe
}

// hookScript is the pre-commit hook: a POSIX sh script that runs exe (if
// it is still there) or else the newslint on PATH.
func hookScript(exe string) string {
	return `#!/bin/sh
` + hookMarker + `
# It lints the staged text of the drafts staged for commit and refuses the
# commit on findings at or above the fail level. 'git commit --no-verify'
# skips it; 'newslint hook uninstall' removes it.
installed=` + shellQuote(exe) + `
if [ -n "$installed" ] && [ -x "$installed" ]; then
	newslint=$installed
elif newslint=$(command -v newslint); then
	:
else
	echo "newslint pre-commit hook: newslint not found${installed:+ at $installed or} on PATH;" >&2
	echo "install it (go install github.com/newslint/newslint/cmd/newslint@latest)," >&2
	echo "or commit without the check: git commit --no-verify" >&2
	exit 1
fi
exec "$newslint" check --staged
`
}

// shellQuote quotes s for a POSIX shell.
func shellQuote(s string) string {
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}
