// Package seedtest gives tests of other packages the curated dataset in a real Neo4j.
package seedtest

import (
	"context"
	"testing"

	"github.com/accgraph/accgraph/graph"
	"github.com/accgraph/accgraph/graph/graphtest"
	"github.com/accgraph/accgraph/seed"
)

// DB opens the test database (emptied, as graphtest.MustOpenDB does) and writes the
// curated dataset into it.
func DB(tb testing.TB) *graph.DB {
	tb.Helper()
	db := graphtest.MustOpenDB(tb)
	ds, err := seed.Load(seed.Data())
	if err != nil {
		tb.Fatalf("load the curated dataset: %v", err)
	}
	if _, err := db.Write(context.Background(), ds); err != nil {
		tb.Fatalf("write the curated dataset: %v", err)
	}
	return db
}
