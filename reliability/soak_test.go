package reliability

import (
	"fmt"
	"net/http"
	"os"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/accgraph/accgraph/graph/graphtest"
)

// soakQueries are the reads of the soak, asked in turn.
var soakQueries = []string{
	`{ people(first: 20) { totalCount edges { node { id name tenures { position { name } } } } } }`,
	`{ events(where: {kind: {eq: MASSACRE}}) { edges { node { name responsible { role actor { name } citations { quote } } } } } }`,
	`{ accountability(subject: "event:1988-massacre", asOf: "2021-02") { entries { entity { name } basis } } }`,
	`{ search(text: "Raeesi") { matched entity { id name } } }`,
	`{ neighborhood(id: "person:ebrahim-raisi", depth: 2) { nodes { id } edges { id } } }`,
	`{ holders(position: "position:iran-head-of-judiciary", asOf: "2021-02") { person { name } } }`,
}

// TestSoak runs mixed load over loopback for ACCGRAPH_SOAK (a Go duration; 20s by
// default) at concurrency ACCGRAPH_SOAK_CONCURRENCY (8 by default; `make soak`: 10m at 32):
// reads, saved query tables and cited writes. No answer may be a 5xx or an error other
// than a read over its time budget (counted); RSS and goroutines must stay flat; p99 is
// reported.
func TestSoak(t *testing.T) {
	duration, workers := 20*time.Second, 8
	if d, err := time.ParseDuration(os.Getenv("ACCGRAPH_SOAK")); err == nil && d > 0 {
		duration = d
	}
	if n, err := strconv.Atoi(os.Getenv("ACCGRAPH_SOAK_CONCURRENCY")); err == nil && n > 0 {
		workers = n
	}
	db := graphtest.MustOpenDB(t)
	key := seedWithKey(t, db, "soak")
	srv := serve(t, db, nil)
	saveBuiltInQueries(t, srv, db)
	client := &http.Client{Timeout: 30 * time.Second, Transport: &http.Transport{MaxIdleConnsPerHost: workers}}

	var (
		mu        sync.Mutex
		latencies []time.Duration
		fivexx    atomic.Int64
		timeouts  atomic.Int64
		failures  []string
		stop      atomic.Bool
		wg        sync.WaitGroup
	)
	work := func(w, i int) (int, string) {
		switch {
		case i%10 == 9: // a cited write
			q := fmt.Sprintf(`mutation { createEntity(input: {id: "person:soak-%d-%d", name: "Soak %d %d", citations: [%s]}) { id } }`, w, i, w, i, cite)
			a := post(t, client, srv.URL(), map[string]any{"query": q}, key)
			return a.Status, a.code()
		case i%10 == 4: // a saved query's table
			resp, err := client.Get(srv.URL() + "/saved/court-verdicts.csv")
			if err != nil {
				return -1, err.Error()
			}
			resp.Body.Close()
			return resp.StatusCode, ""
		}
		a := post(t, client, srv.URL(), map[string]any{"query": soakQueries[(w+i)%len(soakQueries)]}, "")
		return a.Status, a.code()
	}
	warm := min(duration/10, 30*time.Second)
	goBase := runtime.NumGoroutine() // before any connection is open
	began := time.Now()
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; !stop.Load(); i++ {
				t0 := time.Now()
				status, code := work(w, i)
				took := time.Since(t0)
				mu.Lock()
				latencies = append(latencies, took)
				switch {
				case code == "TIMEOUT": // a read over its budget: the bound doing its job, counted
					timeouts.Add(1)
				case status >= 500 || status < 0 || code != "":
					if status >= 500 || status < 0 {
						fivexx.Add(1)
					}
					if len(failures) < 20 {
						failures = append(failures, fmt.Sprintf("%d %s", status, code))
					}
				}
				mu.Unlock()
			}
		}()
	}
	time.Sleep(warm)
	rssStart, goStart := rssMiB(), runtime.NumGoroutine()
	time.Sleep(duration - warm)
	rssEnd, goEnd := rssMiB(), runtime.NumGoroutine() // still under load, as at the start
	stop.Store(true)
	wg.Wait()
	elapsed := time.Since(began)
	// Under load the count swings with the requests in flight (gqlgen marshals list elements
	// in goroutines of their own), so a leak is judged once the load is over and the
	// connections are closed: every goroutine the load started must have ended.
	client.CloseIdleConnections()
	goSettled := runtime.NumGoroutine()
	for deadline := time.Now().Add(5 * time.Second); goSettled > goBase+2 && time.Now().Before(deadline); goSettled = runtime.NumGoroutine() {
		time.Sleep(50 * time.Millisecond)
	}

	slices.Sort(latencies)
	p := func(q float64) time.Duration {
		return latencies[int(float64(len(latencies)-1)*q)].Round(time.Microsecond)
	}
	t.Logf("soak %s at concurrency %d: %d requests (%.0f/s), %d reads over their time budget; p50 %s p99 %s max %s; RSS %.1f -> %.1f MiB; goroutines %d before, %d -> %d under load, %d after",
		elapsed.Round(time.Second), workers, len(latencies), float64(len(latencies))/elapsed.Seconds(), timeouts.Load(), p(.5), p(.99), p(1), rssStart, rssEnd, goBase, goStart, goEnd, goSettled)
	if n := fivexx.Load(); n > 0 || len(failures) > 0 {
		t.Errorf("%d answers were 5xx or lost; failures: %s", n, strings.Join(failures, ", "))
	}
	if rssEnd > rssStart*1.5+32 {
		t.Errorf("RSS grew from %.1f to %.1f MiB", rssStart, rssEnd)
	}
	if goSettled > goBase+2 {
		t.Errorf("goroutines grew from %d before the load to %d after it (connections closed)", goBase, goSettled)
	}
}

// rssMiB is this process's resident set (the server runs in it, with the load's
// clients), from /proc.
func rssMiB() float64 {
	data, _ := os.ReadFile("/proc/self/status")
	for _, l := range strings.Split(string(data), "\n") {
		if v, ok := strings.CutPrefix(l, "VmRSS:"); ok {
			kb, _ := strconv.Atoi(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(v), "kB")))
			return float64(kb) / 1024
		}
	}
	return 0
}
