package server_test

import (
	"bytes"
	"encoding/json"
	"log/slog"
	"net/http/httptest"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/accgraph/accgraph/server"
)

// metric reads one sample of the text exposition: the value of the line that starts
// with series (name and labels exactly as printed), or -1 when there is none.
func metric(exposition, series string) float64 {
	for _, line := range strings.Split(exposition, "\n") {
		if rest, ok := strings.CutPrefix(line, series+" "); ok {
			v, err := strconv.ParseFloat(rest, 64)
			if err == nil {
				return v
			}
		}
	}
	return -1
}

func TestMetricsCountOperationsStatementsAndSavedRuns(t *testing.T) {
	a, _ := savedAPI(t)
	var logs bytes.Buffer
	a.h = (&server.Server{DB: a.db, Logger: slog.New(slog.NewJSONHandler(&logs, nil))}).Handler()

	a.ok(`query People { people(first: 2) { totalCount } }`, nil)
	a.ok(`query People { people(first: 3) { totalCount } }`, nil)
	if r := a.query(`query Broken { people { nope } }`, nil); len(r.Errors) == 0 {
		t.Fatalf("a query of an unknown field succeeded: %s", r.raw)
	}
	if r := a.query(`{ holders(position: "position:nowhere") { id } }`, nil); len(r.Errors) == 0 {
		t.Fatalf("holders of an unknown post succeeded: %s", r.raw)
	}
	if code, body := a.get("/saved/court-verdicts"); code != 200 {
		t.Fatalf("saved query = %d %s", code, body)
	}
	code, body := a.get("/metrics")
	if code != 200 {
		t.Fatalf("/metrics = %d %s", code, body)
	}
	for series, want := range map[string]float64{
		`accgraph_graphql_operations_total{operation="People",outcome="ok",type="query"}`:                             2,
		`accgraph_graphql_operations_total{operation="anonymous",outcome="graphql_validation_failed",type="unknown"}`: 1, // refused before its name is read
		`accgraph_graphql_operations_total{operation="anonymous",outcome="not_found",type="query"}`:                   1,
		`accgraph_graphql_operation_duration_seconds_count{operation="People",type="query"}`:                          2,
		`accgraph_saved_query_runs_total{name="court-verdicts",outcome="ok"}`:                                         1,
		`accgraph_http_requests_total{code="200",route="GET /saved/{name}"}`:                                          1,
		`accgraph_neo4j_statements_in_flight`:                                                                         0,
	} {
		if got := metric(body, series); got != want {
			t.Errorf("%s = %v, want %v", series, got, want)
		}
	}
	if got := metric(body, `accgraph_http_requests_total{code="200",route="/graphql"}`); got < 3 {
		t.Errorf("HTTP requests to /graphql answered 200 = %v, want at least 3", got)
	}
	// each read is one statement; the saved query's lookup and run add theirs
	if got := metric(body, `accgraph_neo4j_statement_duration_seconds_count{kind="read"}`); got < 4 {
		t.Errorf("read statements timed = %v, want at least 4", got)
	}
	if !regexp.MustCompile(`(?m)^go_goroutines \d+`).MatchString(body) || !strings.Contains(body, "process_resident_memory_bytes") {
		t.Error("/metrics lacks the Go runtime and process metrics")
	}

	// every log line of a request carries its id; a caller's sane id is kept
	rec := httptest.NewRecorder()
	req := httptest.NewRequest("POST", "/graphql", strings.NewReader(`{"query":"{ holders(position: \"position:nowhere\") { id } }"}`))
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("X-Request-Id", "trace-42")
	a.h.ServeHTTP(rec, req)
	if rec.Header().Get("X-Request-Id") != "trace-42" {
		t.Errorf("X-Request-Id = %q, want the caller's trace-42", rec.Header().Get("X-Request-Id"))
	}
	lines := 0
	for _, line := range strings.Split(strings.TrimSpace(logs.String()), "\n") {
		var rec map[string]any
		if err := json.Unmarshal([]byte(line), &rec); err != nil {
			t.Fatalf("log line is not JSON: %s", line)
		}
		if rec["request_id"] == nil || rec["request_id"] == "" {
			t.Errorf("log line without request_id: %s", line)
		}
		if rec["request_id"] == "trace-42" {
			lines++
		}
	}
	if lines == 0 {
		t.Errorf("no log line carries the caller's request id trace-42:\n%s", logs.String())
	}
	req.Header.Set("X-Request-Id", "forged\nline")
	rec = httptest.NewRecorder()
	a.h.ServeHTTP(rec, req)
	if id := rec.Header().Get("X-Request-Id"); !regexp.MustCompile(`^[0-9a-f]{16}$`).MatchString(id) {
		t.Errorf("a request id with a line break was kept: %q", id)
	}
}
