package seed

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/accgraph/accgraph/graph"
)

// Importer streams a file into the graph in batches: each batch is mapped, validated
// with the seed loader's rules and written, audited, in one transaction. Memory holds
// one batch, the kinds of the ids seen and the relationships still waiting for an end.
type Importer struct {
	DB         *graph.DB
	By         string // who imports, for the audit
	Batch      int    // entities per transaction (default 5000)
	Checkpoint string // file recording the last line written; empty: none
	Resume     bool   // skip the lines the checkpoint says were written
	Strict     bool   // stop at the first bad line, writing nothing of its batch
	Progress   func(ImportStats)
}

// ImportStats counts an import.
type ImportStats struct {
	Lines, Entities, Links, Skipped int
	Elapsed                         time.Duration
}

// Rate is entities written per second.
func (s ImportStats) Rate() float64 { return float64(s.Entities) / max(s.Elapsed.Seconds(), 1e-9) }

type checkpoint struct {
	File string `json:"file"`
	Line int    `json:"line"`
}

// FtM imports FollowTheMoney JSON lines from r, named file. Bad lines are returned as
// problems (or, when Strict, end the import); relationships whose ends never arrive are
// reported as dangling at the end.
func (im *Importer) FtM(ctx context.Context, file string, r io.Reader) (ImportStats, []FtMProblem, error) {
	batchSize := im.Batch
	if batchSize <= 0 {
		batchSize = 5000
	}
	skipTo := 0
	if im.Resume && im.Checkpoint != "" {
		if data, err := os.ReadFile(im.Checkpoint); err == nil {
			var cp checkpoint
			if json.Unmarshal(data, &cp) == nil && cp.File == file {
				skipTo = cp.Line
			}
		}
	}
	began := time.Now()
	mapper := NewFtMMapper(file)
	var (
		stats    ImportStats
		problems []FtMProblem
		batch    []FtMEntity
		pending  []FtMEntity // entities that point at ids not seen yet
		lastLine int
	)
	flush := func(final bool) error {
		for _, e := range batch {
			mapper.Remember(e)
		}
		var ready []FtMEntity
		waiting := pending[:0:0]
		for _, e := range append(pending, batch...) {
			var missing []string
			for _, id := range ftmRefs(e) {
				if !mapper.Knows(id) {
					missing = append(missing, id)
				}
			}
			switch {
			case len(missing) == 0:
				ready = append(ready, e)
			case final:
				problems = append(problems, FtMProblem{e.Line, fmt.Sprintf("dangling reference: %s %s points at %s, which never arrived",
					e.Schema, e.ID, strings.Join(missing, ", "))})
			default:
				waiting = append(waiting, e)
			}
		}
		pending = waiting
		d := mapper.Map(ready)
		if len(d.Entities) > 0 || len(d.Links) > 0 {
			if err := im.DB.ApplyBulk(ctx, im.By, "importFtM", d); err != nil {
				return err
			}
		}
		stats.Entities += len(d.Entities)
		stats.Links += len(d.Links)
		batch = batch[:0]
		// the checkpoint may only pass lines whose entities are all written
		safe := lastLine
		for _, e := range pending {
			safe = min(safe, e.Line-1)
		}
		if im.Checkpoint != "" && safe > 0 {
			data, _ := json.Marshal(checkpoint{File: file, Line: safe})
			if err := os.WriteFile(im.Checkpoint, data, 0o644); err != nil {
				return err
			}
		}
		stats.Elapsed = time.Since(began)
		if im.Progress != nil {
			im.Progress(stats)
		}
		return nil
	}
	_, err := ParseFtM(r, func(e FtMEntity) error {
		stats.Lines = e.Line
		if e.Line <= skipTo {
			mapper.Remember(e)
			return nil
		}
		batch = append(batch, e)
		lastLine = e.Line
		if len(batch) >= batchSize {
			return flush(false)
		}
		return nil
	}, func(p FtMProblem) error {
		stats.Lines = p.Line
		if p.Line <= skipTo {
			return nil
		}
		stats.Skipped++
		problems = append(problems, p)
		if im.Strict {
			return errStrict
		}
		return nil
	})
	if errors.Is(err, errStrict) {
		return stats, problems, fmt.Errorf("line %d: %s (--strict: this batch was not written)", problems[len(problems)-1].Line, problems[len(problems)-1].Reason)
	}
	if err != nil {
		return stats, problems, err
	}
	if err := flush(true); err != nil {
		return stats, problems, err
	}
	if im.Checkpoint != "" {
		_ = os.Remove(im.Checkpoint) // done: a later run starts afresh
	}
	return stats, problems, nil
}

var errStrict = errors.New("strict")
