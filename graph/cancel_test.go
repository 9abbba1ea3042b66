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
	ctx := context.Background()
	cancelled := 0
	for i := range 40 { // cancelled at points of the statement's life from before its RUN to its PULL
		rctx, cancel := context.WithCancel(ctx)
		time.AfterFunc(time.Duration(i)*time.Millisecond, cancel)
		err := db.ReadCypher(rctx, "UNWIND range(1, 20000000) AS x RETURN count(x)", nil)
		cancel()
		if err == nil {
			continue
		}
		cancelled++
		if code := graph.ErrorCode(err); code != graph.ECANCELED {
			t.Errorf("cancelled after %d ms: %s (%v), want %s", i, code, err, graph.ECANCELED)
		}
		if db.BreakerOpen() {
			t.Fatalf("cancelled after %d ms: the breaker opened: %v", i, err)
		}
	}
	if cancelled == 0 {
		t.Fatal("no read was cancelled: the statement is too quick to test with")
	}
	if err := db.ReadCypher(ctx, "RETURN 1", nil); err != nil {
		t.Fatalf("the read after the cancelled ones: %v", err)
	}
}

// TestCancelledWriteLeavesTheBreakerClosed: the same for a write of several statements
// in one transaction (DB.guarded): cancelled, not unavailable, and the breaker closed.
func TestCancelledWriteLeavesTheBreakerClosed(t *testing.T) {
	db := graphtest.MustOpenDB(t)
	ctx := context.Background()
	data := gen.Generate(gen.Scale(300), 1)
	cancelled := 0
	for _, after := range []time.Duration{0, 5 * time.Millisecond, 20 * time.Millisecond, 60 * time.Millisecond} {
		wctx, cancel := context.WithCancel(ctx)
		time.AfterFunc(after, cancel)
		_, err := db.WriteBatched(wctx, data, 100000)
		cancel()
		if err == nil {
			continue
		}
		cancelled++
		if code := graph.ErrorCode(err); code != graph.ECANCELED {
			t.Errorf("cancelled after %v: %s (%v), want %s", after, code, err, graph.ECANCELED)
		}
		if db.BreakerOpen() {
			t.Fatalf("cancelled after %v: the breaker opened: %v", after, err)
		}
	}
	if cancelled == 0 {
		t.Fatal("no write was cancelled: the dataset is too small to test with")
	}
	if err := db.ReadCypher(ctx, "RETURN 1", nil); err != nil {
		t.Fatalf("the read after the cancelled writes: %v", err)
	}
}
