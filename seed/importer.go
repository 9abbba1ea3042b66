package seed

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"maps"
	"os"
	"slices"
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

// FtM imports FollowTheMoney JSON lines from r, named file. A line that cannot be read,
// mapped or validated is that line's problem: it is returned (or, when Strict, ends the
// import before its batch is written) and the rest imports. Lines with one id are
// fragments of one entity, merged as FtM merges them; MOD replaces an entity, DEL
// retracts what its id names. References resolve within the file and against the graph;
// those whose ends never arrive are reported at the end.
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
	// into a graph without FtM data, what the import has not written is new
	noFtM, err := im.DB.HoldsNoFtM(ctx)
	if err != nil {
		return ImportStats{}, nil, err
	}
	mapper := NewFtMMapper(file)
	var (
		stats    ImportStats
		problems []FtMProblem
		batch    []FtMEntity
		inBatch  = map[string]int{} // FtM id → its place in batch
		pending  []FtMEntity        // entities that point at ids not seen yet
		deleted  []FtMEntity
		retyped  = map[string]string{} // nodes a later fragment gave another kind → their new ids
		lastLine int
	)
	var w writer
	defer w.wait() // on an early return, the batch in flight still ends before the caller goes on
	flush := func(final bool) error {
		more, err := im.mergeWritten(ctx, batch, mapper, &w)
		if err != nil {
			return err
		}
		maps.Copy(retyped, more)
		candidates := append(pending, batch...)
		if err := im.lookUp(ctx, mapper, candidates); err != nil {
			return err
		}
		ready, waiting := readyToMap(mapper, candidates, final)
		if final {
			for _, e := range waiting {
				required, _ := ftmRefs(e)
				var missing []string
				for _, id := range required {
					if !mapper.Knows(id) && !slices.Contains(missing, id) {
						missing = append(missing, id)
					}
				}
				problems = append(problems, FtMProblem{e.Line, fmt.Sprintf("dangling reference: %s %s points at %s, which is neither in the file nor in the graph",
					e.Schema, e.ID, strings.Join(missing, ", "))})
			}
			waiting = nil
		}
		pending = waiting
		d, rejected := mapper.Map(ready)
		problems = append(problems, rejected...)
		stats.Skipped += len(rejected)
		if im.Strict && len(problems) > 0 {
			return errStrict
		}
		batch, inBatch = batch[:0], map[string]int{}
		// prepared now, while the batch before is written: what that one writes is in
		// what the mapper knows, and no fact of this batch is in it (a fragment of one
		// waited for it in mergeWritten)
		var bulk *graph.Bulk
		if len(d.Entities) > 0 || len(d.Links) > 0 {
			again := slices.ContainsFunc(ready, func(e FtMEntity) bool { return mapper.written(e.ID) })
			if bulk, err = im.DB.PrepareBulk(ctx, im.By, "importFtM", d, mapper.prior(noFtM && !again)); err != nil {
				if werr := w.wait(); werr != nil {
					return werr
				}
				return err
			}
		}
		for _, e := range ready {
			if mapper.Knows(e.ID) || ftmKind(e.Schema) == "" {
				mapper.wrote(e.ID)
			}
		}
		// the checkpoint may only pass lines whose entities are all written
		safe := lastLine
		for _, e := range pending {
			safe = min(safe, e.Line-1)
		}
		if err := w.start(func() error {
			if bulk != nil {
				if err := bulk.Write(ctx); err != nil {
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
		for _, e := range d.Entities {
			if e.Common().FtM != "" {
				stats.Entities++ // not the sources and claimants the importer adds
			}
		}
		stats.Links += len(d.Links)
		stats.Elapsed = time.Since(began)
		if im.Progress != nil {
			im.Progress(stats)
		}
		return nil
	}
	var referents []FtMEntity
	err = ParseFtM(r, func(e FtMEntity) error {
		stats.Lines = e.Line
		// DEL lines and referents are applied at the end, so a resumed import applies
		// those it skips too (again: both are idempotent)
		if e.Op == "DEL" {
			deleted = append(deleted, e)
			return nil
		}
		if len(e.Referents) > 0 {
			referents = append(referents, FtMEntity{ID: e.ID, Schema: e.Schema, Referents: e.Referents, Line: e.Line})
		}
		if e.Line <= skipTo {
			mapper.wrote(e.ID) // written before, or rejected: what points at it finds it in the graph, or not
			return nil
		}
		lastLine = e.Line
		if i, ok := inBatch[e.ID]; ok && e.Op != "MOD" {
			if err := batch[i].Merge(e); err != nil {
				return rejectLine(im, &stats, &problems, FtMProblem{e.Line, "schema: " + err.Error()})
			}
			return nil
		}
		if i, ok := inBatch[e.ID]; ok {
			batch[i] = e // MOD: the entity as it is now
			return nil
		}
		inBatch[e.ID] = len(batch)
		batch = append(batch, e)
		if len(batch) >= batchSize {
			return flush(false)
		}
		return nil
	}, func(p FtMProblem) error {
		stats.Lines = max(stats.Lines, p.Line)
		if p.Line <= skipTo {
			return nil
		}
		return rejectLine(im, &stats, &problems, p)
	})
	if werr := w.wait(); werr != nil {
		return stats, problems, werr
	}
	if err == nil {
		err = flush(true)
	}
	if errors.Is(err, errStrict) {
		last := problems[len(problems)-1]
		return stats, problems, fmt.Errorf("line %d: %s (--strict: this batch was not written)", last.Line, last.Reason)
	}
	if err != nil {
		return stats, problems, err
	}
	if err := w.wait(); err != nil {
		return stats, problems, err
	}
	// every batch is written: an error now says so, and the checkpoint stays for --resume
	if err := im.retype(ctx, retyped); err != nil {
		return stats, problems, fmt.Errorf("every line was written, but retyping merged fragments failed: %w", err)
	}
	if err := im.resolveReferents(ctx, referents); err != nil {
		return stats, problems, fmt.Errorf("every line was written, but resolving referents failed (--resume applies them): %w", err)
	}
	problems = append(problems, im.retract(ctx, file, deleted)...)
	slices.SortStableFunc(problems, func(a, b FtMProblem) int { return a.Line - b.Line })
	stats.Elapsed = time.Since(began)
	if im.Checkpoint != "" {
		_ = os.Remove(im.Checkpoint) // done: a later run starts afresh
	}
	if im.Strict && len(problems) > 0 {
		return stats, problems, fmt.Errorf("%d line(s) not imported (--strict)", len(problems))
	}
	return stats, problems, nil
}

// readyToMap splits entities into those whose references all resolve (to entities
// mapped before, found in the graph, or ready themselves) and those that must wait for
// theirs. At the end of the file (final) nothing waits for an optional reference.
func readyToMap(m *FtMMapper, entities []FtMEntity, final bool) (ready, waiting []FtMEntity) {
	isReady := map[string]bool{}
	done := make([]bool, len(entities))
	resolves := func(id string) bool { return m.Knows(id) || isReady[id] }
	for changed := true; changed; {
		changed = false
		for i, e := range entities {
			if done[i] {
				continue
			}
			required, optional := ftmRefs(e)
			if !final {
				required = append(required, optional...)
			}
			if !slices.ContainsFunc(required, func(id string) bool { return !resolves(id) }) {
				done[i], changed = true, true
				isReady[e.ID] = true
				ready = append(ready, e)
			}
		}
	}
	for i, e := range entities {
		if !done[i] {
			waiting = append(waiting, e)
		}
	}
	return ready, waiting
}

// rejectLine records a line that is not imported; with Strict it ends the import.
func rejectLine(im *Importer, stats *ImportStats, problems *[]FtMProblem, p FtMProblem) error {
	stats.Skipped++
	*problems = append(*problems, p)
	if im.Strict {
		return errStrict
	}
	return nil
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
