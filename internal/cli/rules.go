package cli

import (
	"fmt"
	"text/tabwriter"

	"github.com/newslint/newslint/lint"
	"github.com/spf13/cobra"
)

func newRulesCommand(registry []lint.Rule) *cobra.Command {
	return &cobra.Command{
		Use:   "rules",
		Short: "List every rule with its default severity",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			tw := tabwriter.NewWriter(cmd.OutOrStdout(), 0, 4, 2, ' ', 0)
			fmt.Fprintln(tw, "RULE\tSEVERITY\tDESCRIPTION")
			for _, r := range registry {
				m := r.Meta()
				fmt.Fprintf(tw, "%s\t%s\t%s\n", m.ID, m.Severity, m.Title)
			}
			return tw.Flush()
		},
	}
}
