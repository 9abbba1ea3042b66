package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/accgraph/accgraph/seed"
)

// ImportCommand reads data from other tools: `accgraph import ftm FILE|-`.
type ImportCommand struct {
	Env            Env
	Stdout, Stderr io.Writer
	Stdin          io.Reader
}

func (c *ImportCommand) Run(ctx context.Context, args []string) error {
	if len(args) == 0 || args[0] != "ftm" {
		return usageError("import: want ftm FILE|- (FollowTheMoney JSON lines)")
	}
	fs := flagSet("import ftm", c.Stderr)
	var (
		d      database
		logs   logConfig
		strict bool
	)
	fs.BoolVar(&strict, "strict", false, "fail on the first bad line and write nothing (default: skip bad lines, report them and write them to FILE.rejects)")
	d.register(fs, c.Env)
	logs.register(fs, c.Env)
	rest, err := parseInterleaved(fs, args[1:])
	if err != nil {
		return usageError(err.Error())
	}
	if len(rest) != 1 {
		return usageError("import ftm: want one FILE, or - for standard input")
	}
	name := rest[0]
	in := c.Stdin
	if name != "-" {
		f, err := os.Open(name)
		if err != nil {
			return err
		}
		defer f.Close()
		in = f
	}
	var entities []seed.FtMEntity
	deleted, problems, err := seed.ParseFtM(in, func(_ int, e seed.FtMEntity) { entities = append(entities, e) })
	if err != nil {
		return fmt.Errorf("read %s: %w", name, err)
	}
	if len(problems) > 0 {
		var lines []string
		for _, p := range problems {
			lines = append(lines, filepath.Base(name)+":"+p.String())
		}
		if strict {
			return fmt.Errorf("%d bad line(s), nothing written (--strict):\n%s", len(problems), strings.Join(lines, "\n"))
		}
		fmt.Fprintf(c.Stderr, "skipped %d bad line(s):\n%s\n", len(problems), strings.Join(lines, "\n"))
		if name != "-" {
			if err := os.WriteFile(name+".rejects", []byte(strings.Join(lines, "\n")+"\n"), 0o644); err != nil {
				return err
			}
		}
	}
	if len(deleted) > 0 {
		fmt.Fprintf(c.Stderr, "%d delete line(s) not applied: deleting imported facts is not supported yet\n", len(deleted))
	}
	defer d.close(context.WithoutCancel(ctx))
	db, _, err := d.connect(ctx, &logs, c.Stderr)
	if err != nil {
		return err
	}
	ds := seed.MapFtM(filepath.Base(name), entities)
	if err := db.Apply(ctx, "import:"+filepath.Base(name), "importFtM", ds); err != nil {
		return err
	}
	fmt.Fprintf(c.Stdout, "imported %d entities and %d relationships from %s\n", len(ds.Entities), len(ds.Links), name)
	return nil
}
