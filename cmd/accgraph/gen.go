package main

import (
	"context"
	"fmt"
	"io"

	"github.com/accgraph/accgraph/bench/gen"
)

// GenCommand writes a deterministic synthetic graph for benchmarks:
// `accgraph gen --people N --seed S`.
type GenCommand struct {
	Env            Env
	Stdout, Stderr io.Writer
}

func (c *GenCommand) Run(ctx context.Context, args []string) error {
	fs := flagSet("gen", c.Stderr)
	var (
		people string
		seed   uint64
		d      database
		logs   logConfig
	)
	fs.StringVar(&people, "people", "10k", "how many people (10000, 10k, 100k, 1M); the other entities scale with it")
	fs.Uint64Var(&seed, "seed", 1, "the same seed gives the same graph")
	d.register(fs, c.Env)
	logs.register(fs, c.Env)
	if err := fs.Parse(args); err != nil {
		return usageError(err.Error())
	}
	n, err := gen.ParsePeople(people)
	if err != nil {
		return usageError(err.Error())
	}
	defer d.close(context.WithoutCancel(ctx))
	db, _, err := d.connect(ctx, &logs, c.Stderr)
	if err != nil {
		return err
	}
	report, err := gen.Write(ctx, db, n, seed)
	if err != nil {
		return err
	}
	fmt.Fprintf(c.Stdout, "generated %d people, seed %d: %s\n", n, seed, report)
	return nil
}
