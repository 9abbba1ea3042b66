package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"text/tabwriter"
	"unicode/utf8"

	"github.com/accgraph/accgraph/csvout"
	"github.com/accgraph/accgraph/seed"
	"github.com/accgraph/accgraph/server"
)

// QueryCommand lists, runs and saves saved queries: `accgraph query list|run|save`.
type QueryCommand struct {
	Env            Env
	Stdout, Stderr io.Writer
}

// varFlags collects repeated --var k=v.
type varFlags map[string][]string

func (v varFlags) String() string { return "" }
func (v varFlags) Set(s string) error {
	k, val, ok := strings.Cut(s, "=")
	if !ok || k == "" {
		return fmt.Errorf("want --var name=value, got %q", s)
	}
	v[k] = append(v[k], val)
	return nil
}

func (c *QueryCommand) Run(ctx context.Context, args []string) error {
	if len(args) == 0 {
		return usageError("query: want list, run NAME or save FILE.graphql")
	}
	fs := flagSet("query "+args[0], c.Stderr)
	var (
		d       database
		logs    logConfig
		tag     string
		format  string
		version int
		vars    = varFlags{}
	)
	d.register(fs, c.Env)
	logs.register(fs, c.Env)
	switch args[0] {
	case "list":
		fs.StringVar(&tag, "tag", "", "only the queries with this tag")
	case "run":
		fs.StringVar(&format, "format", "table", "table, csv or json")
		fs.IntVar(&version, "version", 0, "run this version (default: the latest)")
		fs.Var(vars, "var", "a variable, name=value (repeat for more)")
	case "save":
	default:
		return usageError(fmt.Sprintf("query: unknown subcommand %q: want list, run or save", args[0]))
	}
	// flags may follow the NAME or FILE argument
	rest, err := parseInterleaved(fs, args[1:])
	if err != nil {
		return usageError(err.Error())
	}
	if args[0] != "list" && len(rest) != 1 {
		return usageError("query " + args[0] + ": want exactly one NAME or FILE")
	}
	defer d.close(context.WithoutCancel(ctx))
	db, logger, err := d.connect(ctx, &logs, c.Stderr)
	if err != nil {
		return err
	}
	srv := &server.Server{DB: db, Logger: logger}

	switch args[0] {
	case "list":
		list, err := db.SavedQueries(ctx, tag)
		if err != nil {
			return err
		}
		rows := [][]string{}
		for _, q := range list {
			var names []string
			for _, v := range q.Variables {
				names = append(names, v.Name)
			}
			rows = append(rows, []string{q.Name, "v" + strconv.Itoa(q.Version), q.Title, strings.Join(names, ", ")})
		}
		return writeTable(c.Stdout, []string{"NAME", "VERSION", "TITLE", "VARIABLES"}, rows)
	case "save":
		text, err := os.ReadFile(rest[0])
		if err != nil {
			return err
		}
		q, err := seed.ParseQuery(filepath.Base(rest[0]), string(text))
		if err != nil {
			return err
		}
		q.CreatedBy = "accgraph query save"
		if err := srv.ValidateSavedQuery(ctx, q); err != nil {
			return err
		}
		v, err := db.SaveQuery(ctx, q)
		if err != nil {
			return err
		}
		fmt.Fprintf(c.Stdout, "saved %s version %d\n", q.Name, v)
		return nil
	}
	q, err := db.SavedQueryVersion(ctx, rest[0], version)
	if err != nil {
		return err
	}
	typed, err := server.SavedQueryVariables(q, vars)
	if err != nil {
		return err
	}
	res, err := srv.RunSavedQuery(ctx, q, typed)
	if err != nil {
		return err
	}
	switch format {
	case "json":
		enc := json.NewEncoder(c.Stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(res.JSON())
	case "csv":
		w := csvout.NewWriter(c.Stdout)
		_ = w.Write(res.Columns)
		return w.WriteAll(res.Rows)
	case "table":
		return writeTable(c.Stdout, res.Columns, fitRows(res.Columns, res.Rows, terminalWidth(c.Env)))
	}
	return usageError(fmt.Sprintf("query run: unknown --format %q: want table, csv or json", format))
}

// parseInterleaved parses flags that may come before or after the positional arguments.
func parseInterleaved(fs *flag.FlagSet, args []string) ([]string, error) {
	var rest []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		if fs.NArg() == 0 {
			return rest, nil
		}
		rest = append(rest, fs.Arg(0))
		args = fs.Args()[1:]
	}
}

func terminalWidth(env Env) int {
	if n, err := strconv.Atoi(env("COLUMNS")); err == nil && n > 20 {
		return n
	}
	return 120
}

// fitRows shortens cells so that the table fits width: narrow columns keep their width
// and the wide ones share what is left (the largest cap that fits), cut with "…".
func fitRows(header []string, rows [][]string, width int) [][]string {
	out := make([][]string, len(rows))
	natural := make([]int, len(header))
	for j, h := range header {
		natural[j] = utf8.RuneCountInString(h)
	}
	for i, r := range rows {
		out[i] = make([]string, len(r))
		for j, cell := range r {
			out[i][j] = strings.Join(strings.Fields(cell), " ")
			natural[j] = max(natural[j], utf8.RuneCountInString(out[i][j]))
		}
	}
	budget := width - 2*(len(header)-1)
	fits := func(limit int) bool {
		total := 0
		for _, w := range natural {
			total += min(w, limit)
		}
		return total <= budget
	}
	limit := 1
	for _, w := range natural {
		limit = max(limit, w)
	}
	for limit > 4 && !fits(limit) {
		limit--
	}
	for _, r := range out {
		for j, cell := range r {
			if utf8.RuneCountInString(cell) > limit {
				r[j] = string([]rune(cell)[:limit-1]) + "…"
			}
		}
	}
	return out
}

func writeTable(w io.Writer, header []string, rows [][]string) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, strings.Join(header, "\t"))
	for _, r := range rows {
		fmt.Fprintln(tw, strings.Join(r, "\t"))
	}
	return tw.Flush()
}
