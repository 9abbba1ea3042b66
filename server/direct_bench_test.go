package server_test

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http/httptest"
	"os"
	"strconv"
	"syscall"
	"testing"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/accgraph/accgraph/bench/gen"
	"github.com/accgraph/accgraph/bench/sidebyside"
	"github.com/accgraph/accgraph/graph"
	"github.com/accgraph/accgraph/graph/graphtest"
	"github.com/accgraph/accgraph/server"
)

// BenchmarkQ3 asks the side-by-side benchmark's Q3 (an organization's posts, their
// holders and their posts: ~850 objects at 100k) of the generated graph, written by
// gqlgen's executor and by the direct writer, and, as the floor, its raw Cypher through
// the driver behind the side-by-side's raw handler (sidebyside.RawHandler: the variables
// decoded, one auto-commit read, the data encoded). ACCGRAPH_BENCH_PEOPLE sets the graph's
// size (default 10000, the side-by-side's 10k); ACCGRAPH_BENCH_GENERATED=1 asks the graph
// Neo4j holds (`accgraph gen --people N` of the same size) instead of writing it again, so
// that runs of two builds can alternate. cpu-µs/op is the Go side's CPU per request. Run with
//
//	accgraph neo4j exec -- go test -run '^$' -bench 'Q[1-4]' -benchmem ./server
func BenchmarkQ3(b *testing.B) { benchQuestion(b, sidebyside.FindQuestion("Q3")) }

// BenchmarkQ4 is BenchmarkQ3 for Q4 (full-text search, 20 people).
func BenchmarkQ4(b *testing.B) { benchQuestion(b, sidebyside.FindQuestion("Q4")) }

// BenchmarkQ2 is BenchmarkQ3 for Q2 (a filtered page of 50 people ordered by name, with totalCount).
func BenchmarkQ2(b *testing.B) { benchQuestion(b, sidebyside.FindQuestion("Q2")) }

// BenchmarkQ1 is BenchmarkQ3 for Q1 (a person by id with citations).
func BenchmarkQ1(b *testing.B) { benchQuestion(b, sidebyside.FindQuestion("Q1")) }

// generated is the graph the question benchmarks ask, written once per process.
var generated struct {
	people int
	params sidebyside.Params
}

func benchQuestion(b *testing.B, q *sidebyside.Question) {
	people := 10000
	if n, err := strconv.Atoi(os.Getenv("ACCGRAPH_BENCH_PEOPLE")); err == nil && n > 0 {
		people = n
	}
	ctx := context.Background()
	cfg := graphtest.Config(b)
	driver, err := neo4j.NewDriverWithContext(cfg.URI, neo4j.BasicAuth(cfg.User, cfg.Password, ""), sidebyside.Quiet)
	if err != nil {
		b.Fatal(err)
	}
	defer driver.Close(ctx)
	raw := &sidebyside.Cypher{Driver: driver}
	write := generated.people != people && os.Getenv("ACCGRAPH_BENCH_GENERATED") != "1"
	var db *graph.DB
	if write {
		db = graphtest.MustOpenDB(b) // an empty graph, closed at the end of the benchmark
		if _, err := db.WriteBatched(ctx, gen.Generate(gen.Scale(people), 1), 5000); err != nil {
			b.Fatal(err)
		}
	} else if db, err = graph.Open(ctx, cfg); err != nil {
		b.Fatal(err)
	} else {
		defer db.Close(ctx)
	}
	if generated.people != people {
		if generated.params, err = sidebyside.Pick(ctx, raw); err != nil {
			b.Fatal(err)
		}
		generated.people = people
	}
	vars := q.VarsFor(generated.params, false)
	var answers [][]byte
	for _, path := range []struct {
		name     string
		executor bool
	}{{"Executor", true}, {"Direct", false}} {
		h := (&server.Server{DB: db, Logger: quiet, MaxComplexity: 1 << 40, RatePerIP: 1e9, NoDirectWrites: path.executor}).Handler()
		a := post(h, q.Accgraph, vars) // warm the caches
		if a.status != 200 || bytes.Contains(a.body, []byte(`"errors"`)) {
			b.Fatalf("%s failed: %d %s", q.ID, a.status, a.body)
		}
		answers = append(answers, a.body)
		// a second of warm-up: the graph was just rewritten, and Neo4j's collector may
		// still pause for it (a first timed request of ~1.2 s otherwise skews the result)
		for warm := time.Now(); time.Since(warm) < time.Second; {
			post(h, q.Accgraph, vars)
		}
		b.Run(path.name, func(b *testing.B) {
			b.ReportAllocs()
			cpu := processCPU()
			for b.Loop() {
				post(h, q.Accgraph, vars)
			}
			reportCPU(b, cpu)
		})
	}
	if !bytes.Equal(answers[0], answers[1]) {
		b.Fatalf("the two paths answer %s differently:\n%s\n%s", q.ID, answers[0], answers[1])
	}
	rh, body := sidebyside.RawHandler(raw), must(json.Marshal(vars))
	b.Run("Raw", func(b *testing.B) {
		b.ReportAllocs()
		cpu := processCPU()
		defer reportCPU(b, cpu)
		for b.Loop() {
			rec := httptest.NewRecorder()
			rh.ServeHTTP(rec, httptest.NewRequest("POST", "/"+q.ID, bytes.NewReader(body)))
			if rec.Code != 200 {
				b.Fatalf("%s raw: %d %s", q.ID, rec.Code, rec.Body)
			}
		}
	})
	b.Logf("%s for %v: %d bytes", q.ID, vars, len(answers[0]))
}

// processCPU is the CPU time this process has used, user and system: the Go side of a
// request (Neo4j's is another process's), steadier than the wall time on a shared machine.
func processCPU() time.Duration {
	var u syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &u); err != nil {
		return 0
	}
	return time.Duration(u.Utime.Nano() + u.Stime.Nano())
}

// reportCPU reports the process's CPU time per request since start, as cpu-µs/op.
func reportCPU(b *testing.B, start time.Duration) {
	b.ReportMetric(float64((processCPU()-start).Microseconds())/float64(b.N), "cpu-µs/op")
}

func must[T any](v T, err error) T {
	if err != nil {
		panic(err)
	}
	return v
}
