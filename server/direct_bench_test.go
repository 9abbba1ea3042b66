package server_test

import (
	"bytes"
	"context"
	"os"
	"strconv"
	"testing"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/accgraph/accgraph/bench/gen"
	"github.com/accgraph/accgraph/bench/sidebyside"
	"github.com/accgraph/accgraph/graph/graphtest"
	"github.com/accgraph/accgraph/server"
)

// BenchmarkQ3 asks the side-by-side benchmark's Q3 (an organization's posts, their
// holders and their posts: ~850 objects at 100k) of the generated graph, written by
// gqlgen's executor and by the direct writer. ACCGRAPH_BENCH_PEOPLE sets the graph's size
// (default 10000, the side-by-side's 10k). Run with
//
//	accgraph neo4j exec -- go test -run '^$' -bench Q3 -benchmem ./server
func BenchmarkQ3(b *testing.B) {
	people := 10000
	if n, err := strconv.Atoi(os.Getenv("ACCGRAPH_BENCH_PEOPLE")); err == nil && n > 0 {
		people = n
	}
	ctx := context.Background()
	db := graphtest.MustOpenDB(b)
	if _, err := db.WriteBatched(ctx, gen.Generate(gen.Scale(people), 1), 5000); err != nil {
		b.Fatal(err)
	}
	cfg := graphtest.Config(b)
	driver, err := neo4j.NewDriverWithContext(cfg.URI, neo4j.BasicAuth(cfg.User, cfg.Password, ""))
	if err != nil {
		b.Fatal(err)
	}
	defer driver.Close(ctx)
	params, err := sidebyside.Pick(ctx, &sidebyside.Cypher{Driver: driver})
	if err != nil {
		b.Fatal(err)
	}
	q3 := sidebyside.Questions[2]
	vars := q3.VarsFor(params, false)
	var answers [][]byte
	for _, path := range []struct {
		name     string
		executor bool
	}{{"Executor", true}, {"Direct", false}} {
		h := (&server.Server{DB: db, Logger: quiet, MaxComplexity: 1 << 40, RatePerIP: 1e9, NoDirectWrites: path.executor}).Handler()
		a := post(h, q3.Accgraph, vars) // warm the caches
		if a.status != 200 || bytes.Contains(a.body, []byte(`"errors"`)) {
			b.Fatalf("Q3 failed: %d %s", a.status, a.body)
		}
		answers = append(answers, a.body)
		b.Run(path.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				post(h, q3.Accgraph, vars)
			}
		})
	}
	if !bytes.Equal(answers[0], answers[1]) {
		b.Fatalf("the two paths answer Q3 differently:\n%s\n%s", answers[0], answers[1])
	}
	b.Logf("Q3 for %s: %d bytes", params.Organization, len(answers[0]))
}
