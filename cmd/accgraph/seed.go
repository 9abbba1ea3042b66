package main

import (
	"context"
	"fmt"
	"io"
	"io/fs"
	"os"

	"github.com/accgraph/accgraph/graph"
	"github.com/accgraph/accgraph/seed"
	"github.com/accgraph/accgraph/server"
)

// SeedCommand loads the curated dataset: `accgraph seed [--dir DIR] [--check]`.
type SeedCommand struct {
	Env            Env
	Stdout, Stderr io.Writer
}

func (c *SeedCommand) Run(ctx context.Context, args []string) error {
	fs := flagSet("seed", c.Stderr)
	var (
		dir   string
		check bool
		d     database
		logs  logConfig
	)
	fs.StringVar(&dir, "dir", "", "seed directory (default: the dataset built into the binary)")
	fs.BoolVar(&check, "check", false, "validate only; write nothing (needs no Neo4j)")
	d.register(fs, c.Env)
	logs.register(fs, c.Env)
	if err := fs.Parse(args); err != nil {
		return usageError(err.Error())
	}
	data := seed.Data()
	if dir != "" {
		data = os.DirFS(dir)
	}
	if check {
		ds, err := seed.Load(data)
		if err != nil {
			return err
		}
		qs, err := builtInQueries(ctx)
		if err != nil {
			return err
		}
		fmt.Fprintf(c.Stdout, "ok: %d entities, %d links, %d citations, %d saved queries\n", len(ds.Entities), len(ds.Links), countCitations(ds), len(qs))
		return nil
	}
	defer d.close(context.WithoutCancel(ctx))
	db, _, err := d.connect(ctx, &logs, c.Stderr)
	if err != nil {
		return err
	}
	stats, err := seedGraph(ctx, db, data)
	if err != nil {
		return err
	}
	n, err := saveBuiltInQueries(ctx, db)
	if err != nil {
		return err
	}
	fmt.Fprintf(c.Stdout, "seeded: %d entities, %d links, %d citations, %d saved queries\n", stats.Entities, stats.Links, stats.Citations, n)
	return nil
}

// builtInQueries loads the built-in saved queries and validates them against the schema.
func builtInQueries(ctx context.Context) ([]*graph.SavedQuery, error) {
	qs, err := seed.LoadQueries(seed.Queries())
	if err != nil {
		return nil, err
	}
	validator := &server.Server{}
	for _, q := range qs {
		if err := validator.ValidateSavedQuery(ctx, q); err != nil {
			return nil, err
		}
	}
	return qs, nil
}

// saveBuiltInQueries stores the built-in saved queries; an unchanged one stores nothing.
func saveBuiltInQueries(ctx context.Context, db *graph.DB) (int, error) {
	qs, err := builtInQueries(ctx)
	if err != nil {
		return 0, err
	}
	for _, q := range qs {
		if _, err := db.SaveQuery(ctx, q); err != nil {
			return 0, fmt.Errorf("save query %s: %w", q.Name, err)
		}
	}
	return len(qs), nil
}

// seedGraph loads and validates a seed directory, then writes it in one transaction.
func seedGraph(ctx context.Context, db *graph.DB, data fs.FS) (graph.WriteStats, error) {
	ds, err := seed.Load(data)
	if err != nil {
		return graph.WriteStats{}, err
	}
	return db.Write(ctx, ds)
}

func countCitations(ds *graph.Dataset) int {
	n := 0
	for _, e := range ds.Entities {
		n += len(e.Common().Citations)
	}
	for _, l := range ds.Links {
		n += len(l.Citations)
	}
	return n
}
