package main

import (
	"context"
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/accgraph/accgraph/graph"
	"github.com/accgraph/accgraph/seed"
	"github.com/accgraph/accgraph/server"
)

// ExportCommand writes the knowledge graph out:
// `accgraph export --format F --out PATH [--neighborhood ID --depth N | --subgraph QUERY --var k=v]`.
type ExportCommand struct {
	Env            Env
	Stdout, Stderr io.Writer
}

func (c *ExportCommand) Run(ctx context.Context, args []string) error {
	fs := flagSet("export", c.Stderr)
	var (
		d                          database
		logs                       logConfig
		format, out, around, saved string
		depth                      int
		vars                       = varFlags{}
	)
	fs.StringVar(&format, "format", "jsonl", "one of "+strings.Join(seed.ExportFormats, ", "))
	fs.StringVar(&out, "out", "", "the file to write (a directory for csv)")
	fs.StringVar(&around, "neighborhood", "", "only the entities within --depth of this id")
	fs.IntVar(&depth, "depth", 1, "with --neighborhood: how far")
	fs.StringVar(&saved, "subgraph", "", "only the entities whose ids the result of this saved query names")
	fs.Var(vars, "var", "with --subgraph: a variable, name=value (repeat for more)")
	d.register(fs, c.Env)
	logs.register(fs, c.Env)
	if err := fs.Parse(args); err != nil {
		return usageError(err.Error())
	}
	if out == "" {
		return usageError("export: want --out FILE (a directory for csv)")
	}
	if around != "" && saved != "" {
		return usageError("export: --neighborhood or --subgraph, not both")
	}
	defer d.close(context.WithoutCancel(ctx))
	db, logger, err := d.connect(ctx, &logs, c.Stderr)
	if err != nil {
		return err
	}
	var ids []string
	switch {
	case around != "":
		res, err := db.Read(ctx, []graph.Selection{{Alias: "n", Name: "neighborhood",
			Args: map[string]any{"id": around, "depth": depth, "limit": graph.MaxNeighbours}}})
		if err != nil {
			return err
		}
		v, err := res.Get("n")
		if err != nil {
			return err
		}
		for _, n := range v.(*graph.Subgraph).Nodes {
			ids = append(ids, n.ID)
		}
	case saved != "":
		q, err := db.SavedQueryVersion(ctx, saved, 0)
		if err != nil {
			return err
		}
		typed, err := server.SavedQueryVariables(q, vars)
		if err != nil {
			return err
		}
		data, err := (&server.Server{DB: db, Logger: logger}).SavedQueryData(ctx, q, typed)
		if err != nil {
			return err
		}
		ids = entityIDs(data)
		if len(ids) == 0 {
			return graph.Errorf(graph.EINVALID, "the result of %s names no entity: its document must select id fields", saved)
		}
	}
	left, err := seed.ExportReport(ctx, db, format, out, ids)
	if err != nil {
		return err
	}
	what := "the graph"
	if ids != nil {
		what = fmt.Sprintf("%d entities and what joins them", len(ids))
	}
	fmt.Fprintf(c.Stdout, "exported %s as %s to %s\n", what, format, out)
	for _, l := range left {
		fmt.Fprintln(c.Stdout, l)
	}
	return nil
}

// entityIDs gathers every "id" value in a result that names an entity.
func entityIDs(v any) []string {
	seen := map[string]bool{}
	var walk func(any)
	walk = func(v any) {
		switch x := v.(type) {
		case map[string]any:
			for k, e := range x {
				if s, ok := e.(string); ok && k == "id" {
					if _, isEntity := graph.KindOfID(s); isEntity {
						seen[s] = true
					}
				}
				walk(e)
			}
		case []any:
			for _, e := range x {
				walk(e)
			}
		}
	}
	walk(v)
	ids := make([]string, 0, len(seen))
	for id := range seen {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	return ids
}
