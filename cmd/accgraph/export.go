package main

import (
	"context"
	"fmt"
	"io"
	"strings"

	"github.com/accgraph/accgraph/seed"
)

// ExportCommand writes the knowledge graph out: `accgraph export --format F --out PATH`.
type ExportCommand struct {
	Env            Env
	Stdout, Stderr io.Writer
}

func (c *ExportCommand) Run(ctx context.Context, args []string) error {
	fs := flagSet("export", c.Stderr)
	var (
		d           database
		logs        logConfig
		format, out string
	)
	fs.StringVar(&format, "format", "jsonl", "one of "+strings.Join(seed.ExportFormats, ", "))
	fs.StringVar(&out, "out", "", "the file to write (a directory for csv)")
	d.register(fs, c.Env)
	logs.register(fs, c.Env)
	if err := fs.Parse(args); err != nil {
		return usageError(err.Error())
	}
	if out == "" {
		return usageError("export: want --out FILE (a directory for csv)")
	}
	defer d.close(context.WithoutCancel(ctx))
	db, _, err := d.connect(ctx, &logs, c.Stderr)
	if err != nil {
		return err
	}
	if err := seed.Export(ctx, db, format, out); err != nil {
		return err
	}
	fmt.Fprintf(c.Stdout, "exported the graph as %s to %s\n", format, out)
	return nil
}
