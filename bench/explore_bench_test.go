package bench_test

import (
	"bytes"
	"context"
	"encoding/json"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"slices"
	"strconv"
	"testing"
	"time"

	"github.com/accgraph/accgraph/bench/gen"
	"github.com/accgraph/accgraph/graph/graphtest"
	"github.com/accgraph/accgraph/server"
)

func BenchmarkExplore(b *testing.B) {
	people := 50000
	if n, err := strconv.Atoi(os.Getenv("ACCGRAPH_BENCH_PEOPLE")); err == nil && n > 0 {
		people = n
	}
	db := graphtest.MustOpenDB(b)
	ds := gen.Generate(gen.Scale(people), 1)
	began := time.Now()
	stats, err := db.WriteBatched(context.Background(), ds, 5000)
	if err != nil {
		b.Fatal(err)
	}
	b.Logf("generated %d entities, %d links in %s (%.0f entities/s)", stats.Entities, stats.Links,
		time.Since(began).Round(time.Second), float64(stats.Entities)/time.Since(began).Seconds())
	h := (&server.Server{DB: db, Logger: slog.New(slog.DiscardHandler), MaxComplexity: 1 << 40, RatePerIP: 1e9}).Handler()

	for _, bm := range []struct{ name, query string }{
		{"Paths", `{ paths(from: "person:gen-1", to: "person:gen-2", maxLength: 6, limit: 10) { length confidence steps { from { id } to { id } edge { type citationCount } } } }`},
		{"PathsLonger", `{ paths(from: "person:gen-1", to: "person:gen-2", maxLength: 6, limit: 10, longer: true) { length confidence steps { from { id } to { id } edge { type citationCount } } } }`},
		{"Neighborhood", `{ neighborhood(id: "org:gen-1", depth: 2, limit: 200) { truncated nodes { id kind label degree } edges { id type source target confidence citationCount } } }`},
		// search: a name with a number (many close matches), the same with a typo and stop
		// words, and mentions of a word in every generated citation's quote
		{"Search", `{ search(text: "Person 4711") { kind score matched entity { id name } } }`},
		{"SearchTypoStopWords", `{ search(text: "the Persn of 4711") { kind score matched entity { id name } } }`},
		{"Mentions", `{ mentions(text: "generated") { quote score citation { locator source { id } } saidBy { id name } about { id name } } }`},
		{"Accountability", `{ accountability(subject: "event:gen-3") { entries { basis role confidence entity { id name } path { length steps { edge { type } } } citations { quote } postsThen { held note tenure { position { name } } } } verdicts { id } } }`},
	} {
		b.Run(bm.name, func(b *testing.B) {
			post(b, h, bm.query) // warm up
			var took []time.Duration
			b.ResetTimer()
			for b.Loop() {
				start := time.Now()
				post(b, h, bm.query)
				took = append(took, time.Since(start))
			}
			slices.Sort(took)
			b.ReportMetric(float64(took[len(took)/2].Microseconds())/1000, "p50-ms")
			b.ReportMetric(float64(took[(len(took)*95+99)/100-1].Microseconds())/1000, "p95-ms")
		})
	}
}

func post(b *testing.B, h http.Handler, query string) {
	body, _ := json.Marshal(map[string]any{"query": query})
	req := httptest.NewRequest("POST", "/graphql", bytes.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	var resp struct{ Errors []any }
	if err := json.Unmarshal(rec.Body.Bytes(), &resp); err != nil || len(resp.Errors) > 0 || rec.Code != 200 {
		b.Fatalf("query failed: %d %s", rec.Code, rec.Body)
	}
}
