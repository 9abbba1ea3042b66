package graph_test

import (
	"context"
	"testing"
	"time"

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
