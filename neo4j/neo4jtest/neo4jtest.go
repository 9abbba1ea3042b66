// Package neo4jtest starts a private embedded Neo4j for a test that must stop or restart
// its database, which the shared test database (NEO4J_URI) cannot allow, and decides, for
// every test that needs a Neo4j, whether it runs in the fast tier (go test -short).
package neo4jtest

import (
	"context"
	"os"
	"testing"

	"github.com/accgraph/accgraph/neo4j"
)

// Needed marks a test that needs a Neo4j (and so Java). Under go test -short, the fast tier
// of `make test-unit`, it skips the test; without -short it does nothing, so the test runs
// and fails when Neo4j is missing: `make test` never passes -short and never skips a data
// test. Every test that reaches Neo4j other than through this package and graphtest calls
// it first.
func Needed(tb testing.TB) {
	tb.Helper()
	if testing.Short() {
		tb.Skip("needs Neo4j: make test runs it")
	}
}

// Config is a small-memory server config in a fresh temporary directory on a free port,
// sharing the built classpath of ACCGRAPH_CACHE when the test command sets it.
func Config(tb testing.TB) neo4j.Config {
	tb.Helper()
	Needed(tb)
	return neo4j.Config{
		Dir:       tb.TempDir(),
		CacheDir:  os.Getenv("ACCGRAPH_CACHE"),
		Heap:      "512m",
		PageCache: "64m",
		Password:  "test-password",
	}
}

// Start starts a server with cfg and stops it when the test ends. It fails the test when
// Neo4j cannot start: a data test is never skipped.
func Start(tb testing.TB, cfg neo4j.Config) *neo4j.Server {
	tb.Helper()
	Needed(tb)
	srv, err := neo4j.Start(context.Background(), cfg, neo4j.Child)
	if err != nil {
		tb.Fatalf("start neo4j: %v", err)
	}
	tb.Cleanup(func() {
		if err := srv.Stop(context.Background()); err != nil {
			tb.Errorf("stop neo4j: %v", err)
		}
	})
	return srv
}
