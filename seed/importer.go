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
	var w writer
	defer w.wait() // on an early return, the batch in flight still ends before the caller goes on
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
		batch = batch[:0]
		// the checkpoint may only pass lines whose entities are all written
		safe := lastLine
		for _, e := range pending {
			safe = min(safe, e.Line-1)
		}
		if err := w.start(func() error {
			if len(d.Entities) > 0 || len(d.Links) > 0 {
				if err := im.DB.ApplyBulk(ctx, im.By, "importFtM", d); err != nil {
					return err
				}
			}
			if im.Checkpoint != "" && safe > 0 {
				data, _ := json.Marshal(checkpoint{File: file, Line: safe})
				return os.WriteFile(im.Checkpoint, data, 0o644)
			}
			return nil
		}); err != nil {
			return err
		}
		stats.Entities += len(d.Entities)
		stats.Links += len(d.Links)
		stats.Elapsed = time.Since(began)
		if im.Progress != nil {
			im.Progress(stats)
		}
		return nil
	}
	var referents []FtMEntity
	deleted, err := ParseFtM(r, func(e FtMEntity) error {
		stats.Lines = e.Line
		if len(e.Referents) > 0 {
			referents = append(referents, FtMEntity{ID: e.ID, Schema: e.Schema, Referents: e.Referents, Line: e.Line})
		}
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
	if werr := w.wait(); werr != nil {
		return stats, problems, werr
	}
	if errors.Is(err, errStrict) {
		return stats, problems, fmt.Errorf("line %d: %s (--strict: this batch was not written)", problems[len(problems)-1].Line, problems[len(problems)-1].Reason)
	}
	if err != nil {
		return stats, problems, err
	}
	if err := flush(true); err != nil {
		return stats, problems, err
	}
	if err := w.wait(); err != nil {
		return stats, problems, err
	}
	stats.Elapsed = time.Since(began)
	if err := im.resolveReferents(ctx, referents); err != nil {
		return stats, problems, err
	}
	problems = append(problems, im.retract(ctx, file, deleted)...)
	if im.Checkpoint != "" {
		_ = os.Remove(im.Checkpoint) // done: a later run starts afresh
	}
	return stats, problems, nil
}

var errStrict = errors.New("strict")

// writer writes one batch at a time in the background, so that reading and mapping the
// next batch overlaps Neo4j's work on this one. Batches are still written in order:
// start waits for the batch before.
type writer struct{ done chan error }

// start waits for the batch in flight, then writes this one with write.
func (w *writer) start(write func() error) error {
	if err := w.wait(); err != nil {
		return err
	}
	w.done = make(chan error, 1)
	go func() { w.done <- write() }()
	return nil
}

// wait returns when no batch is in flight, with the error of the last one.
func (w *writer) wait() error {
	if w.done == nil {
		return nil
	}
	err := <-w.done
	w.done = nil
	return err
}

// resolveReferents makes the older ids an entity lists as its referents resolve to it:
// one that is in the graph is merged into it, one that is not becomes a redirect.
func (im *Importer) resolveReferents(ctx context.Context, entities []FtMEntity) error {
	var redirects []graph.ExportNode
	for _, e := range entities {
		keep := AccgraphID(e.Schema, e.ID)
		for _, ref := range e.Referents {
			old := AccgraphID(e.Schema, ref)
			found, err := im.DB.ExistingKinds(ctx, []string{old})
			if err != nil {
				return err
			}
			if len(found) > 0 {
				if err := im.DB.MergeEntities(ctx, im.By, keep, old); err != nil {
					return err
				}
				continue
			}
			redirects = append(redirects, graph.ExportNode{Labels: []string{"Redirect"}, Properties: map[string]any{"from": old, "to": keep}})
		}
	}
	if len(redirects) == 0 {
		return nil
	}
	return im.DB.WriteRaw(ctx, redirects, nil)
}

// retract marks what DEL lines remove as RETRACTED: accgraph never deletes a fact, it
// says it was withdrawn, and why.
func (im *Importer) retract(ctx context.Context, file string, deleted []FtMEntity) []FtMProblem {
	var problems []FtMProblem
	reason := "removed from its FollowTheMoney dataset (a DEL line in " + file + ")"
	for _, e := range deleted {
		id := AccgraphID(e.Schema, e.ID)
		var err error
		if _, isEntity := graph.KindOfID(id); isEntity {
			_, err = im.DB.UpdateEntity(ctx, im.By, "importFtM", id, func(x graph.Entity) error {
				b := x.Common()
				b.Confidence, b.Retraction = graph.Retracted, reason
				return nil
			})
		} else {
			_, err = im.DB.UpdateLink(ctx, im.By, "importFtM", id, func(l *graph.Link) error {
				l.Confidence, l.Retraction = graph.Retracted, reason
				return nil
			})
		}
		if err != nil {
			problems = append(problems, FtMProblem{e.Line, fmt.Sprintf("DEL %s: %s", e.ID, graph.ErrorMessage(err))})
		}
	}
	return problems
}
