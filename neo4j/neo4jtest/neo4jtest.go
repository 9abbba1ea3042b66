// Package neo4jtest starts a private embedded Neo4j for a test that must stop or restart
// its database, which the shared test database (NEO4J_URI) cannot allow.
package neo4jtest

import (
	"context"
	"os"
	"testing"

	"github.com/accgraph/accgraph/neo4j"
)

// Config is a small-memory server config in a fresh temporary directory on a free port,
// sharing the built classpath of ACCGRAPH_CACHE when the test command sets it.
func Config(tb testing.TB) neo4j.Config {
	tb.Helper()
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
