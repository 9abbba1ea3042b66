package reliability

import (
	"fmt"
	"io"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/accgraph/accgraph/graph/graphtest"
	"github.com/accgraph/accgraph/server"
)

// TestRateLimitsCannotBeDodged is issue 17, item 4: varying the white space of the
// Authorization header escaped the per-key limit, and 1,000 made-up keys gave 1,000 × 401,
// no 429, and 1,000 Neo4j write statements. The header is normalised (one key is one
// caller however it is spelt), failed authentications are limited per IP, and a key that
// does not exist costs a read at most, never a write.
func TestRateLimitsCannotBeDodged(t *testing.T) {
	db := graphtest.MustOpenDB(t)
	key := seedWithKey(t, db, "desk")
	srv := serve(t, db, func(s *server.Server) { s.RatePerKey = 5 }) // burst 10
	client := &http.Client{Timeout: 10 * time.Second}
	send := func(auth string) (int, string) {
		req, _ := http.NewRequest("POST", srv.URL()+"/graphql", strings.NewReader(`{"query":"{ __typename }"}`))
		req.Header.Set("Content-Type", "application/json")
		req.Header.Set("Authorization", auth)
		resp, err := client.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		return resp.StatusCode, string(body)
	}

	spellings := []string{"Bearer " + key, "Bearer  " + key, "Bearer " + key + " ", "bearer " + key, "BEARER\t" + key, " Bearer " + key + "  "}
	statuses := map[int]int{}
	for i := range 60 {
		code, body := send(spellings[i%len(spellings)])
		if code != 200 && code != 429 {
			t.Fatalf("%q = %d %s", spellings[i%len(spellings)], code, body)
		}
		statuses[code]++
	}
	if statuses[200] > 13 || statuses[429] == 0 { // the burst of 10, and what refills while they run
		t.Errorf("60 requests with one key spelt %d ways = %v, want the burst of 10 answered and the rest 429", len(spellings), statuses)
	}

	before := metricValue(t, srv.URL(), `accgraph_neo4j_statement_duration_seconds_count{kind="write"}`)
	reads := db.Statements()
	statuses = map[int]int{}
	for i := range 1000 {
		code, _ := send(fmt.Sprintf("Bearer acg_%048x", i))
		statuses[code]++
	}
	if statuses[401] > 10 || statuses[429] < 990 {
		t.Errorf("1,000 made-up keys from one address = %v, want 10 refused with 401, then 429", statuses)
	}
	if n := db.Statements() - reads; n > 10 {
		t.Errorf("1,000 made-up keys sent %d statements, want at most 10 lookups", n)
	}
	if after := metricValue(t, srv.URL(), `accgraph_neo4j_statement_duration_seconds_count{kind="write"}`); after != before {
		t.Errorf("made-up keys sent %v write statements, want none", after-before)
	}
}

// metricValue reads one series from /metrics (0 when it is absent).
func metricValue(t *testing.T, url, series string) float64 {
	t.Helper()
	resp, err := http.Get(url + "/metrics")
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	for _, line := range strings.Split(string(body), "\n") {
		if rest, ok := strings.CutPrefix(line, series+" "); ok {
			var v float64
			fmt.Sscan(rest, &v)
			return v
		}
	}
	return 0
}
