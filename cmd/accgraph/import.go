package main

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"runtime/debug"
	"strings"
	"time"

	"github.com/schollz/progressbar/v3"

	"github.com/accgraph/accgraph/graph"
	"github.com/accgraph/accgraph/metrics"
	"github.com/accgraph/accgraph/seed"
)

// importMemoryLimit is the Go heap an FtM import aims to stay under (GOMEMLIMIT overrides it).
const importMemoryLimit = 200 << 20

// ImportCommand reads data from other tools: `accgraph import ftm FILE|-`.
type ImportCommand struct {
	Env            Env
	Stdout, Stderr io.Writer
	Stdin          io.Reader
}

func (c *ImportCommand) Run(ctx context.Context, args []string) error {
	if len(args) > 0 && args[0] == "csv" {
		return c.csv(ctx, args[1:])
	}
	if len(args) > 0 && args[0] == "jsonl" {
		return c.jsonl(ctx, args[1:])
	}
	if len(args) == 0 || args[0] != "ftm" {
		return usageError("import: want ftm FILE|- (FollowTheMoney JSON lines) or csv --mapping MAPPING.yaml DATA.csv")
	}
	fs := flagSet("import ftm", c.Stderr)
	var (
		d              database
		logs           logConfig
		strict, resume bool
		batch          int
		metricsFile    string
	)
	fs.StringVar(&metricsFile, "metrics-file", "", "after each batch, write Prometheus metrics (rows, statements) to this file, for node_exporter's textfile collector")
	fs.BoolVar(&strict, "strict", false, "fail on any line not imported, and write nothing of the batch of the first (default: skip bad lines, report them in FILE.rejects)")
	fs.BoolVar(&resume, "resume", false, "go on from FILE.checkpoint, where an interrupted import of FILE stopped")
	fs.IntVar(&batch, "batch", 5000, "entities per transaction")
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
	if os.Getenv("GOMEMLIMIT") == "" {
		// the collector runs when the heap nears this instead of when it doubles: what an
		// import keeps per FtM id is a fraction of it even for a file of a million lines
		debug.SetMemoryLimit(importMemoryLimit)
	}
	im := &seed.Importer{By: "import:" + filepath.Base(name), Batch: batch, Strict: strict, Resume: resume}
	in := c.Stdin
	var bar *progressbar.ProgressBar
	if name != "-" {
		f, err := os.Open(name)
		if err != nil {
			return err
		}
		defer f.Close()
		in = f
		im.Checkpoint = name + ".checkpoint"
		// on a terminal, a bar with rate and ETA; elsewhere, a log line per batch
		if st, err := f.Stat(); err == nil && isTerminal(c.Stderr) {
			bar = progressbar.NewOptions64(st.Size(), progressbar.OptionSetWriter(c.Stderr), progressbar.OptionShowBytes(true),
				progressbar.OptionSetDescription("importing "+filepath.Base(name)), progressbar.OptionShowCount(),
				progressbar.OptionSetPredictTime(true), progressbar.OptionThrottle(200*time.Millisecond), progressbar.OptionClearOnFinish())
			in = io.TeeReader(f, bar)
		}
	}
	defer d.close(context.WithoutCancel(ctx))
	db, logger, err := d.connect(ctx, &logs, c.Stderr)
	if err != nil {
		return err
	}
	im.DB = db
	count := importMetrics(db, metricsFile, logger)
	im.Progress = func(s seed.ImportStats) {
		count(s)
		if bar != nil {
			bar.Describe(fmt.Sprintf("importing %s: %d entities, %.0f/s", filepath.Base(name), s.Entities, s.Rate()))
			return
		}
		logger.Info("import progress", "lines", s.Lines, "entities", s.Entities, "links", s.Links,
			"skipped", s.Skipped, "entities/s", int(s.Rate()))
	}
	stats, problems, err := im.FtM(ctx, filepath.Base(name), in)
	count(stats)
	if len(problems) > 0 {
		var lines []string
		for _, p := range problems {
			lines = append(lines, fmt.Sprintf("%s:%d: %s", filepath.Base(name), p.Line, p.Reason))
		}
		fmt.Fprintf(c.Stderr, "%d line(s) not imported:\n%s\n", len(problems), strings.Join(lines, "\n"))
		if name != "-" {
			if werr := os.WriteFile(name+".rejects", []byte(strings.Join(lines, "\n")+"\n"), 0o644); werr != nil && err == nil {
				err = werr
			}
		}
	}
	if err != nil {
		return err
	}
	// the problems, not stats.Skipped: a DEL naming nothing imported is a problem too, so
	// that this count is the one of the list above; the rate is over the whole import,
	// its final phase (referents, retractions) included, which progress lines do not have
	fmt.Fprintf(c.Stdout, "imported %d entities and %d relationships from %s: %d lines, %d not imported, in %.1fs (%.0f entities/s overall)\n",
		stats.Entities, stats.Links, name, stats.Lines, len(problems), stats.Elapsed.Seconds(), stats.Rate())
	return nil
}

// csv imports a spreadsheet by a declared mapping: `accgraph import csv --mapping M.yaml DATA.csv`.
func (c *ImportCommand) csv(ctx context.Context, args []string) error {
	fs := flagSet("import csv", c.Stderr)
	var (
		d       database
		logs    logConfig
		mapping string
	)
	fs.StringVar(&mapping, "mapping", "", "the YAML file that maps columns to fields (see seed.CSVMapping)")
	d.register(fs, c.Env)
	logs.register(fs, c.Env)
	rest, err := parseInterleaved(fs, args)
	if err != nil {
		return usageError(err.Error())
	}
	if mapping == "" || len(rest) != 1 {
		return usageError("import csv: want --mapping MAPPING.yaml DATA.csv")
	}
	mf, err := os.Open(mapping)
	if err != nil {
		return err
	}
	defer mf.Close()
	m, err := seed.ParseCSVMapping(mf)
	if err != nil {
		return err
	}
	data, err := os.Open(rest[0])
	if err != nil {
		return err
	}
	defer data.Close()
	ds, err := seed.ReadCSV(filepath.Base(rest[0]), m, data)
	if err != nil {
		return err
	}
	defer d.close(context.WithoutCancel(ctx))
	db, _, err := d.connect(ctx, &logs, c.Stderr)
	if err != nil {
		return err
	}
	if err := db.ApplyBulk(ctx, "import:"+filepath.Base(rest[0]), "importCSV", ds); err != nil {
		return err
	}
	fmt.Fprintf(c.Stdout, "imported %d entities and %d relationships from %s\n", len(ds.Entities), len(ds.Links), rest[0])
	return nil
}

// jsonl reads back an `accgraph export --format jsonl` file: `accgraph import jsonl FILE`.
func (c *ImportCommand) jsonl(ctx context.Context, args []string) error {
	fs := flagSet("import jsonl", c.Stderr)
	var (
		d    database
		logs logConfig
	)
	d.register(fs, c.Env)
	logs.register(fs, c.Env)
	rest, err := parseInterleaved(fs, args)
	if err != nil {
		return usageError(err.Error())
	}
	if len(rest) != 1 {
		return usageError("import jsonl: want FILE (written by export --format jsonl)")
	}
	f, err := os.Open(rest[0])
	if err != nil {
		return err
	}
	defer f.Close()
	defer d.close(context.WithoutCancel(ctx))
	db, _, err := d.connect(ctx, &logs, c.Stderr)
	if err != nil {
		return err
	}
	nodes, edges, err := seed.ImportJSONL(ctx, db, filepath.Base(rest[0]), f)
	if err != nil {
		return err
	}
	fmt.Fprintf(c.Stdout, "imported %d nodes and %d relationships from %s\n", nodes, edges, rest[0])
	return nil
}

// importMetrics counts an FtM import's rows and statements and returns what to call with
// its running totals; with a file, each call also writes the metrics there, so that an
// import killed midway leaves its last counts behind.
func importMetrics(db *graph.DB, file string, logger *slog.Logger) func(seed.ImportStats) {
	m := metrics.New()
	db.SetObserver(m)
	var last seed.ImportStats
	return func(s seed.ImportStats) {
		m.ImportRows("ftm", "entities", s.Entities-last.Entities)
		m.ImportRows("ftm", "links", s.Links-last.Links)
		m.ImportRows("ftm", "skipped", s.Skipped-last.Skipped)
		last = s
		if file == "" {
			return
		}
		if err := m.WriteFile(file); err != nil {
			logger.Warn("cannot write the metrics file", "file", file, "err", err)
		}
	}
}
