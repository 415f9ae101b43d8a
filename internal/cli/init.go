package cli

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/newslint/newslint/config"
	"github.com/newslint/newslint/lint"
	"github.com/spf13/cobra"
)

func newInitCommand(registry []lint.Rule) *cobra.Command {
	return &cobra.Command{
		Use:   "init [DIR]",
		Short: "Write a commented default .newslint.yml",
		Long:  "init writes a .newslint.yml with every key at its default and a comment on each, in DIR or the current directory. It never overwrites an existing configuration.",
		Args:  cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			dir := "."
			if len(args) == 1 {
				dir = args[0]
			}
			for _, name := range config.FileNames() {
				p := filepath.Join(dir, name)
				if _, err := os.Stat(p); err == nil {
					return usageErrorf("%s already exists; not overwriting it", p)
				}
			}
			path := filepath.Join(dir, config.FileNames()[0])
			f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
			if err != nil {
				if errors.Is(err, fs.ErrExist) {
					return usageErrorf("%s already exists; not overwriting it", path)
				}
				return usageErrorf("init: %v", err)
			}
			if _, err := f.WriteString(config.Template(registry)); err != nil {
				f.Close()
				return usageErrorf("init: write %s: %v", path, err)
			}
			if err := f.Close(); err != nil {
				return usageErrorf("init: write %s: %v", path, err)
			}
			fmt.Fprintf(cmd.OutOrStdout(), "wrote %s\n", path)
			return nil
		},
	}
}
