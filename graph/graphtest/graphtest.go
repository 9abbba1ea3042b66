// Package graphtest gives tests a real Neo4j: the database the test command started
// (NEO4J_URI, NEO4J_USER, NEO4J_PASSWORD), migrated and emptied for each test. A test that
// needs data never runs without one: with NEO4J_URI unset it fails, it is not skipped. Only
// go test -short (`make test-unit`, the tier without Neo4j) skips it; `make test` runs it.
//
// Tests that share the database must not run in parallel: the packages that share one
// database run one at a time (go test -p 1).
package graphtest

import (
	"context"
	"fmt"
	"os"
	"sort"
	"strings"
	"testing"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/accgraph/accgraph/graph"
	launcher "github.com/accgraph/accgraph/neo4j"
	"github.com/accgraph/accgraph/neo4j/neo4jtest"
)

// Config is the test database's connection settings. It fails the test when NEO4J_URI is
// unset (and skips it under go test -short).
func Config(tb testing.TB) graph.Config {
	tb.Helper()
	neo4jtest.Needed(tb)
	uri := os.Getenv("NEO4J_URI")
	if uri == "" {
		tb.Fatal("NEO4J_URI is not set: run the tests with `make test`, which starts Neo4j for them")
	}
	return graph.Config{URI: uri, User: os.Getenv("NEO4J_USER"), Password: os.Getenv("NEO4J_PASSWORD")}
}

// MustOpenDB opens the test database, applies the migrations and deletes every node but
// the migration records, so each test starts from an empty graph.
func MustOpenDB(tb testing.TB) *graph.DB {
	tb.Helper()
	ctx := context.Background()
	db, err := graph.Open(ctx, Config(tb))
	if err != nil {
		tb.Fatalf("open test database: %v", err)
	}
	tb.Cleanup(func() { _ = db.Close(ctx) })
	if err := db.Migrate(ctx); err != nil {
		tb.Fatalf("migrate test database: %v", err)
	}
	// in slices, so that a benchmark's million nodes fit the transaction memory limit
	for {
		rows := run(tb, "MATCH (n) WHERE NOT n:SchemaMigration WITH n LIMIT 20000 DETACH DELETE n RETURN count(*)")
		if rows[0].Values[0].(int64) == 0 {
			return db
		}
	}
}

// OpenPrivate starts a Neo4j of the test's own (for a test that stops or kills it), opens
// it and applies the migrations. The config it returns restarts the server on its port.
func OpenPrivate(tb testing.TB) (launcher.Config, *launcher.Server, *graph.DB) {
	tb.Helper()
	ctx := context.Background()
	cfg := neo4jtest.Config(tb)
	srv := neo4jtest.Start(tb, cfg)
	cfg.Port = srv.Port
	db, err := graph.Open(ctx, graph.Config{URI: srv.URI, User: launcher.User, Password: cfg.Password})
	if err != nil {
		tb.Fatalf("open private database: %v", err)
	}
	tb.Cleanup(func() { _ = db.Close(ctx) })
	if err := db.Migrate(ctx); err != nil {
		tb.Fatalf("migrate private database: %v", err)
	}
	return cfg, srv, db
}

// DropSchema removes every constraint, index and migration record, leaving the database as
// new. Only tests of the migrations need it.
func DropSchema(tb testing.TB) {
	tb.Helper()
	run(tb, "MATCH (n) DETACH DELETE n")
	for _, show := range []string{
		"SHOW CONSTRAINTS YIELD name RETURN 'DROP CONSTRAINT `' + name + '`' AS stmt",
		"SHOW INDEXES YIELD name, type WHERE type <> 'LOOKUP' RETURN 'DROP INDEX `' + name + '`' AS stmt",
	} {
		for _, r := range run(tb, show) {
			run(tb, r.Values[0].(string))
		}
	}
}

// Exec runs one Cypher statement against the test database, for tests that must arrange
// what the graph package cannot write on purpose (a broken record, a missing index).
func Exec(tb testing.TB, cypher string, params map[string]any) []*neo4j.Record {
	tb.Helper()
	return runParams(tb, cypher, params)
}

func run(tb testing.TB, cypher string) []*neo4j.Record { return runParams(tb, cypher, nil) }

func runParams(tb testing.TB, cypher string, params map[string]any) []*neo4j.Record {
	tb.Helper()
	cfg := Config(tb)
	ctx := context.Background()
	driver, err := neo4j.NewDriverWithContext(cfg.URI, neo4j.BasicAuth(cfg.User, cfg.Password, ""))
	if err != nil {
		tb.Fatalf("graphtest: %v", err)
	}
	defer driver.Close(ctx)
	res, err := neo4j.ExecuteQuery(ctx, driver, cypher, params, neo4j.EagerResultTransformer,
		neo4j.ExecuteQueryWithDatabase("neo4j"))
	if err != nil {
		tb.Fatalf("graphtest: %s: %v", cypher, err)
	}
	return res.Records
}

// Snapshot renders every node and relationship of the graph with its labels, type and
// properties, one sorted line each, so that two states of the graph compare as text.
func Snapshot(tb testing.TB) string {
	tb.Helper()
	var lines []string
	for _, r := range run(tb, `MATCH (n) RETURN labels(n) AS labels, properties(n) AS props`) {
		lines = append(lines, fmt.Sprintf("node %v %s", r.Values[0], canonical(r.Values[1])))
	}
	for _, r := range run(tb, `MATCH (a)-[r]->(b) RETURN type(r), coalesce(a.id, elementId(a)), coalesce(b.id, elementId(b)), properties(r)`) {
		lines = append(lines, fmt.Sprintf("rel %v %v->%v %s", r.Values[0], r.Values[1], r.Values[2], canonical(r.Values[3])))
	}
	sort.Strings(lines)
	return strings.Join(lines, "\n")
}

// canonical prints a property map with sorted keys.
func canonical(v any) string {
	m, _ := v.(map[string]any)
	keys := make([]string, 0, len(m))
	for k := range m {
		if k == "appliedAt" || k == "lastUsed" { // the time a migration ran, a key was last used
			continue
		}
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var b strings.Builder
	for _, k := range keys {
		fmt.Fprintf(&b, "%s=%v ", k, m[k])
	}
	return b.String()
}
