package reliability

import (
	"context"
	"fmt"
	"net/http"
	"slices"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/accgraph/accgraph/graph"
	"github.com/accgraph/accgraph/graph/graphtest"
	"github.com/accgraph/accgraph/neo4j"
	"github.com/accgraph/accgraph/neo4j/neo4jtest"
)

const cite = `{source: "source:ncri-factions-collaborate", quote: "the Justice Minister Alireza Avaei", claimedBy: "person:mansoureh-galestan", confidence: ALLEGED}`

// neo4jServes waits until the database at uri answers a read through a driver of its
// own (Bolt answers before a killed Neo4j has recovered its store) and returns when.
func neo4jServes(t *testing.T, uri, password string) time.Time {
	t.Helper()
	deadline := time.Now().Add(2 * time.Minute)
	for time.Now().Before(deadline) {
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		db, err := graph.Open(ctx, graph.Config{URI: uri, User: neo4j.User, Password: password})
		if err == nil {
			err = db.Ready(ctx)
			_ = db.Close(context.Background())
		}
		cancel()
		if err == nil {
			return time.Now()
		}
		time.Sleep(50 * time.Millisecond)
	}
	t.Fatal("the restarted Neo4j did not serve its database within 2 minutes")
	return time.Time{}
}

// outcome is one request of the load and when it was answered.
type outcome struct {
	write    bool
	id       string // the entity a write creates
	status   int
	code     string
	raw      string
	took     time.Duration
	answered time.Time
}

// TestNeo4jDiesUnderLoad drives mixed reads and cited writes over loopback, SIGKILLs
// Neo4j, restarts it, and checks that the server kept answering, that the outage was
// UNAVAILABLE (503), that every acknowledged write is in the graph whole and audited,
// and that it recovered within 10 s of Neo4j being back (serving its database again).
func TestNeo4jDiesUnderLoad(t *testing.T) {
	cfg, n4j, db := graphtest.OpenPrivate(t)
	key := seedWithKey(t, db, "load")
	srv := serve(t, db, nil)
	client := &http.Client{Timeout: 30 * time.Second}

	var (
		mu       sync.Mutex
		outcomes []outcome
		stop     atomic.Bool
		wg       sync.WaitGroup
	)
	for w := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; !stop.Load(); i++ {
				o := outcome{write: i%2 == 1}
				var a answer
				if o.write {
					o.id = fmt.Sprintf("person:load-%d-%d", w, i)
					q := fmt.Sprintf(`mutation { createEntity(input: {id: %q, name: "Load %d %d", citations: [%s]}) { id } }`, o.id, w, i, cite)
					a = post(t, client, srv.URL(), map[string]any{"query": q}, key)
				} else {
					a = post(t, client, srv.URL(), map[string]any{"query": `{ people(first: 5) { totalCount edges { node { id name } } } }`}, "")
				}
				o.status, o.code, o.raw, o.took, o.answered = a.Status, a.code(), a.Raw, a.Took, time.Now()
				if a.Status == 200 && len(a.Errors) > 0 {
					o.status = -2 // an error the HTTP status hides
				}
				mu.Lock()
				outcomes = append(outcomes, o)
				mu.Unlock()
				time.Sleep(20 * time.Millisecond) // 8 workers, up to 400 requests/s
			}
		}()
	}
	count := func() int { mu.Lock(); defer mu.Unlock(); return len(outcomes) }

	time.Sleep(3 * time.Second)
	killed := time.Now()
	if err := syscall.Kill(n4j.PID, syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	<-n4j.Done()
	time.Sleep(3 * time.Second)
	restarting := time.Now()
	neo4jtest.Start(t, cfg)
	bolt := time.Now()
	back := neo4jServes(t, n4j.URI, cfg.Password)
	t.Logf("Neo4j killed at +0s, restarted at +%s; Bolt answered after %s, the database served after %s more",
		restarting.Sub(killed).Round(time.Millisecond), bolt.Sub(restarting).Round(time.Millisecond), back.Sub(bolt).Round(time.Millisecond))

	// recovery: the first success answered after Neo4j was back, then 3 s of load more
	var recovered time.Time
	deadline := back.Add(30 * time.Second)
	for recovered.IsZero() && time.Now().Before(deadline) {
		time.Sleep(100 * time.Millisecond)
		mu.Lock()
		for _, o := range outcomes {
			if o.status == 200 && o.answered.Add(-o.took).After(back) {
				recovered = o.answered
				break
			}
		}
		mu.Unlock()
	}
	time.Sleep(3 * time.Second)
	stop.Store(true)
	wg.Wait()
	t.Logf("%d requests", count())

	if recovered.IsZero() {
		t.Fatal("no request succeeded within 30 s of Neo4j being back")
	}
	if took := recovered.Sub(back); took > 10*time.Second {
		t.Errorf("recovered %s after Neo4j was back, want within 10 s", took)
	} else {
		t.Logf("recovered %s after Neo4j was back", took.Round(time.Millisecond))
	}

	var acked []string
	slowest, outage, warmup := time.Duration(0), 0, 0
	var outageTimes []time.Duration
	for _, o := range outcomes {
		switch {
		case o.status == -1:
			t.Fatalf("the server stopped answering: %s", o.raw)
		case o.status == 200:
			if o.write {
				acked = append(acked, o.id)
			}
		case o.code == "TIMEOUT" && o.answered.After(back):
			warmup++ // a read that outlasted its budget while the restarted Neo4j recovered its store
		case o.status == http.StatusServiceUnavailable && o.code == "UNAVAILABLE":
			// how long the answer took once Neo4j was gone: a request sent before the kill
			// may have been slow for reasons of its own
			outage++
			waited := min(o.took, o.answered.Sub(killed))
			slowest = max(slowest, waited)
			outageTimes = append(outageTimes, waited)
		default:
			t.Errorf("answered %s: %d %.300s, want 200 or 503 UNAVAILABLE", o.answered.Sub(killed).Round(time.Millisecond), o.status, o.raw)
		}
	}
	if outage == 0 {
		t.Error("no request saw the outage")
	}
	slices.Sort(outageTimes)
	p99 := time.Duration(0)
	if len(outageTimes) > 0 {
		p99 = outageTimes[len(outageTimes)*99/100]
	}
	t.Logf("%d answers during the outage were 503 UNAVAILABLE (counted from the kill for those sent before: p99 %s, slowest %s); %d reads timed out after the restart; %d writes acknowledged",
		outage, p99.Round(time.Millisecond), slowest.Round(time.Millisecond), warmup, len(acked))
	// The breaker answers at once once it knows; the requests in flight when Neo4j dies
	// wait for the next probe (250 ms) at most.
	if slowest > time.Second {
		t.Errorf("an UNAVAILABLE answer took %s; with Neo4j down answers must not hang", slowest)
	}

	// every acknowledged write is there, whole: the entity, its citation, its audit record
	for _, id := range acked {
		a := post(t, client, srv.URL(), map[string]any{"query": `query($id: ID!) { entity(id: $id) { id citations { quote } } history(id: $id) { mutation } }`,
			"variables": map[string]any{"id": id}}, key)
		e, _ := a.Data["entity"].(map[string]any)
		h, _ := a.Data["history"].([]any)
		if e == nil || len(e["citations"].([]any)) != 1 || len(h) != 1 {
			t.Errorf("acknowledged write %s: %s, want the entity with its citation and one audit record", id, a.Raw)
		}
	}
	// and nothing is half-written, acknowledged or not
	a := post(t, client, srv.URL(), map[string]any{"query": `{ people(where: {id: {startsWith: "person:load-"}}, first: 500) { totalCount edges { node { id citations { quote } } } } }`}, "")
	conn, _ := a.Data["people"].(map[string]any)
	if conn == nil {
		t.Fatalf("listing the written entities: %s", a.Raw)
	}
	if total := int(conn["totalCount"].(float64)); total < len(acked) {
		t.Errorf("%d load entities in the graph, fewer than the %d acknowledged", total, len(acked))
	}
	for _, e := range conn["edges"].([]any) {
		node := e.(map[string]any)["node"].(map[string]any)
		if len(node["citations"].([]any)) != 1 {
			t.Errorf("%s has %d citations, want 1: half-written", node["id"], len(node["citations"].([]any)))
		}
	}
}
