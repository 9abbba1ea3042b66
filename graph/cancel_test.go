package graph_test

import (
	"context"
	"testing"
	"time"

	"github.com/accgraph/accgraph/bench/gen"
	"github.com/accgraph/accgraph/graph"
	"github.com/accgraph/accgraph/graph/graphtest"
)

// TestCancelledReadLeavesTheBreakerClosed: a caller that goes away in the middle of a
// read (a closed browser tab, a client's timeout) has its read cancelled; Neo4j is not
// reported unavailable for it, the breaker stays closed (it would fail every other
// request in flight), and the next read is answered.
func TestCancelledReadLeavesTheBreakerClosed(t *testing.T) {
	db := graphtest.MustOpenDB(t)
	cancelled := 0
	for i := range 40 { // cancelled at points of the statement's life from before its RUN to its PULL
		if cancelledAt(t, db, time.Duration(i)*time.Millisecond, func(ctx context.Context) error {
			return db.ReadCypher(ctx, "UNWIND range(1, 20000000) AS x RETURN count(x)", nil)
		}) {
			cancelled++
		}
	}
	answeredAfter(t, db, cancelled)
}

// TestCancelledWriteLeavesTheBreakerClosed: the same for a write of several statements
// in one transaction (DB.guarded): cancelled, not unavailable, and the breaker closed.
func TestCancelledWriteLeavesTheBreakerClosed(t *testing.T) {
	db := graphtest.MustOpenDB(t)
	data := gen.Generate(gen.Scale(300), 1)
	cancelled := 0
	for _, after := range []time.Duration{0, 5 * time.Millisecond, 20 * time.Millisecond, 60 * time.Millisecond} {
		if cancelledAt(t, db, after, func(ctx context.Context) error {
			_, err := db.WriteBatched(ctx, data, 100000)
			return err
		}) {
			cancelled++
		}
	}
	answeredAfter(t, db, cancelled)
}

// cancelledAt runs f with a context cancelled after the given time and tells whether f
// failed; its error must then be the caller's cancellation, with the breaker closed.
func cancelledAt(t *testing.T, db *graph.DB, after time.Duration, f func(context.Context) error) bool {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	time.AfterFunc(after, cancel)
	err := f(ctx)
	cancel()
	if err == nil {
		return false
	}
	if code := graph.ErrorCode(err); code != graph.ECANCELED {
		t.Errorf("cancelled after %v: %s (%v), want %s", after, code, err, graph.ECANCELED)
	}
	if db.BreakerOpen() {
		t.Fatalf("cancelled after %v: the breaker opened: %v", after, err)
	}
	return true
}

// answeredAfter requires that some of the work was cancelled and that a read is then
// answered.
func answeredAfter(t *testing.T, db *graph.DB, cancelled int) {
	t.Helper()
	if cancelled == 0 {
		t.Fatal("nothing was cancelled: the work is too quick to test with")
	}
	if err := db.ReadCypher(context.Background(), "RETURN 1", nil); err != nil {
		t.Fatalf("the read after the cancelled work: %v", err)
	}
}
