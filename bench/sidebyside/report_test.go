package sidebyside

import (
	"context"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/accgraph/accgraph/bench/load"
	"github.com/accgraph/accgraph/metrics"
)

func TestTargetsJudgeTheMeasures(t *testing.T) {
	m := func(q, target string, c int, rps, p50, p95 float64) Measure {
		return Measure{Question: q, Target: target, Result: load.Result{Concurrency: c, Requests: 100, Throughput: rps, P50: p50, P95: p95}}
	}
	stmts := func(m Measure, n float64) Measure { m.Statements = n; return m }
	r := &Report{People: 100000, Statements: map[string]float64{"Q1": 1, "Q2": 1, "Q3": 2, "Q4": 1},
		PeakRSSMiB: map[string]int{Accgraph: 40, Peer: 200, RawHTTP: 20},
		Measures: []Measure{
			stmts(m("Q2", Accgraph, 8, 300, 5, 9), 1), m("Q2", Peer, 8, 100, 20, 30), m("Q2", RawHTTP, 8, 400, 4.5, 8), // 3×, p50 1.11×: met
			m("Q3", Accgraph, 8, 150, 5, 9), m("Q3", Peer, 8, 100, 20, 30), m("Q3", RawHTTP, 8, 600, 2, 3), // 1.5×, 2.5×: missed
			stmts(m("Q1", Accgraph, 1, 100, 2.4, 3), 1), m("Q1", RawHTTP, 1, 300, 2, 3), m("Q1", Raw, 1, 900, 0.5, 1), // p50 1.2×: met
			stmts(m("Q4", Accgraph, 1, 100, 2.4, 3), 1.5),
			m("Q5", Accgraph, 32, 10, 50, 90),
		}}
	got := map[string]Target{}
	for _, tg := range r.Targets() {
		got[tg.Goal] = tg
	}
	for goal, want := range map[string]struct {
		met      bool
		measured string
	}{
		"Q2 c=8: accgraph throughput ≥ 2× @neo4j/graphql":        {true, "3.00× (300 vs 100 req/s)"},
		"Q3 c=8: accgraph throughput ≥ 2× @neo4j/graphql":        {false, "1.50× (150 vs 100 req/s)"},
		"Q2 c=32: accgraph throughput ≥ 2× @neo4j/graphql":       {false, "not measured"},
		"Q1 c=1: accgraph throughput ≥ 2× @neo4j/graphql":        {false, "not measured"},
		"Q1 c=1: accgraph p50 ≤ 1.2× raw Cypher over HTTP":       {true, "1.20× (2.4 vs 2.0 ms)"},
		"Q2 c=8: accgraph p50 ≤ 1.2× raw Cypher over HTTP":       {true, "1.11× (5.0 vs 4.5 ms)"},
		"Q3 c=8: accgraph p50 ≤ 1.2× raw Cypher over HTTP":       {false, "2.50× (5.0 vs 2.0 ms)"},
		"Q4 c=32: accgraph p50 ≤ 1.2× raw Cypher over HTTP":      {false, "not measured"},
		"Q1: one Cypher statement per request":                   {true, "1.00 on one request, 1.00–1.00 over the timed runs"},
		"Q3: one Cypher statement per request":                   {false, "2.00 on one request, 0.00–0.00 over the timed runs"},
		"Q4: one Cypher statement per request":                   {false, "1.00 on one request, 1.50–1.50 over the timed runs"},
		"Q5 p95 < 100 ms at 1M people (this run: 100000 people)": {false, "90.0 ms (worst concurrency)"},
		"zero errors everywhere":                                 {true, "0 errors, 0 requests outlived a whole window"},
		"accgraph's peak RSS below @neo4j/graphql's":             {true, "40 vs 200 MiB"},
	} {
		tg, ok := got[goal]
		if !ok || tg.Met != want.met || tg.Measured != want.measured {
			t.Errorf("%s: got %+v (found %v), want met=%v measured %q", goal, tg, ok, want.met, want.measured)
		}
	}
	if len(got) != 2*len(JudgedQuestions)*len(JudgedConcurrencies)+len(JudgedQuestions)+3 {
		t.Errorf("%d targets, want one per question and concurrency for throughput and p50, one per question for statements, and 3 more", len(got))
	}
	r.PeakRSSMiB[Accgraph] = 250
	for _, tg := range r.Targets() {
		if strings.Contains(tg.Goal, "RSS") && (tg.Met || tg.Measured != "250 vs 200 MiB") {
			t.Errorf("RSS above the peer's: %+v", tg)
		}
	}
	for _, tg := range (&Report{People: 10000}).Targets() {
		if tg.Met || tg.Measured != "not measured" {
			t.Errorf("nothing measured: %+v, want not measured, not met", tg)
		}
	}
	var b strings.Builder
	if err := r.WriteMarkdown(&b); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		"| Q2 | 8 | accgraph | 300.0 | 5.0 | 9.0 |",
		"| Q2 | 8 | raw Cypher over HTTP | 400.0 | 4.5 | 8.0 |",
		"| Q1 | 1 | raw Cypher | 900.0 | 0.5 | 1.0 |",
		"| Q4 | 1 | accgraph | 100.0 | 2.4 | 3.0 | 0.0 | 0 | 1.50 |",
		"| Q5 | 32 | @neo4j/graphql | n/a: ",
		"accgraph 250 MiB; @neo4j/graphql 200 MiB; raw Cypher over HTTP 20 MiB;",
		"| Q3 c=8: accgraph throughput ≥ 2× @neo4j/graphql | 1.50× (150 vs 100 req/s) | **no** |",
	} {
		if !strings.Contains(b.String(), want) {
			t.Errorf("the Markdown lacks %q", want)
		}
	}
}

// The counts come from what accgraph's own metrics write, read as the runner reads them.
func TestReadCountsFromAccgraphsMetrics(t *testing.T) {
	m := metrics.New()
	srv := httptest.NewServer(m.Handler())
	defer srv.Close()
	ctx := context.Background()
	before, err := ReadCounts(ctx, srv.Client(), srv.URL)
	if err != nil || before != (Counts{}) {
		t.Fatalf("before anything: %+v, %v; want zero counts", before, err)
	}
	for range 4 {
		m.HTTPRequest("/graphql", 200, time.Millisecond)
		m.StatementBegin()
		m.StatementEnd("read", time.Millisecond, "")
	}
	m.HTTPRequest("GET /metrics", 200, time.Millisecond) // not a GraphQL request
	m.StatementBegin()
	m.StatementEnd("read", time.Millisecond, "")
	m.StatementBegin()
	m.StatementEnd("write", time.Millisecond, "") // not a read: not counted
	m.StatementBegin()
	after, err := ReadCounts(ctx, srv.Client(), srv.URL)
	if err != nil || after != (Counts{Requests: 4, Statements: 5, InFlight: 1}) {
		t.Fatalf("after 4 requests and 5 reads, one running: %+v, %v", after, err)
	}
	if got := before.Per(after); got != 1.25 {
		t.Errorf("statements per request = %v, want 1.25", got)
	}
	if got := after.Per(after); got != 0 {
		t.Errorf("no requests between: %v, want 0", got)
	}
	go func() { // the statement ends, then its request is answered
		time.Sleep(100 * time.Millisecond)
		m.StatementEnd("read", time.Millisecond, "")
		time.Sleep(50 * time.Millisecond)
		m.HTTPRequest("/graphql", 200, time.Millisecond)
	}()
	if settled, err := SettledCounts(ctx, srv.Client(), srv.URL); err != nil || settled != (Counts{Requests: 5, Statements: 6}) {
		t.Errorf("settled: %+v, %v; want the running statement and its request counted", settled, err)
	}
	missing := httptest.NewServer(http.NotFoundHandler())
	defer missing.Close()
	if _, err := ReadCounts(ctx, missing.Client(), missing.URL+"/metrics"); err == nil || !strings.Contains(err.Error(), "HTTP 404") {
		t.Errorf("no /metrics there: err = %v, want HTTP 404 named", err)
	}
}

// Statements per request over two rounds: each round's requests and statements, from
// its reading before to its reading after, added up.
func TestCountsAddUpOverRounds(t *testing.T) {
	var c Counts
	c = c.Add(Counts{Requests: 0, Statements: 0}, Counts{Requests: 10, Statements: 10})
	c = c.Add(Counts{Requests: 15, Statements: 12}, Counts{Requests: 25, Statements: 32})
	if c.Requests != 20 || c.Statements != 30 || c.PerRequest() != 1.5 {
		t.Errorf("two rounds = %+v, %v per request: want 20 requests, 30 statements, 1.5", c, c.PerRequest())
	}
	if got := (Counts{Requests: 3, Statements: 3}).Per(Counts{Requests: 5, Statements: 7}); got != 2 {
		t.Errorf("Per = %v, want 2 (4 statements over 2 requests)", got)
	}
	if got := (Counts{}).PerRequest(); got != 0 {
		t.Errorf("no requests: %v per request, want 0", got)
	}
}
