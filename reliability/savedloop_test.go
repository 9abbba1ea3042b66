package reliability

import (
	"context"
	"io"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/accgraph/accgraph/graph"
	"github.com/accgraph/accgraph/graph/graphtest"
)

// TestSavedQueriesCannotCallThemselves is issue 17, item 1: an editor saving a query that
// runs itself made every anonymous `curl /saved/loop` recurse until the client left. Saving
// such a document is refused with its line and column, and a run never nests, so a document
// stored before the check (written straight into Neo4j here) is refused at once.
func TestSavedQueriesCannotCallThemselves(t *testing.T) {
	db := graphtest.MustOpenDB(t)
	key := seedWithKey(t, db, "desk")
	srv := serve(t, db, nil)
	client := &http.Client{Timeout: 5 * time.Second}

	save := `mutation($doc: String!) { saveQuery(input: {name: "loop", title: "Loop", document: $doc, rows: "runSavedQuery.rows", columns: []}) { version } }`
	for _, doc := range []string{
		`query L { runSavedQuery(name: "loop") }`,
		"query L {\n  ...F\n}\nfragment F on Query { savedQuery(name: \"loop\") { document } }",
		`query L { savedQueries { name } }`,
	} {
		a := post(t, client, srv.URL(), map[string]any{"query": save, "variables": map[string]any{"doc": doc}}, key)
		if a.code() != "BAD_USER_INPUT" || !strings.Contains(a.Raw, "line ") || !strings.Contains(a.Raw, "saved quer") {
			t.Errorf("saving %q = %d %.300s, want BAD_USER_INPUT naming the line and column", doc, a.Status, a.Raw)
		}
	}
	if line := post(t, client, srv.URL(), map[string]any{"query": save, "variables": map[string]any{"doc": `query L { runSavedQuery(name: "loop") }`}}, key); !strings.Contains(line.Raw, "line 1, column 11") {
		t.Errorf("the refusal does not point at runSavedQuery (line 1, column 11): %.300s", line.Raw)
	}

	// documents stored before the check: one runs itself, two run each other
	ctx := context.Background()
	for name, doc := range map[string]string{
		"loop": `query L { runSavedQuery(name: "loop") }`,
		"ping": `query P { runSavedQuery(name: "pong") }`,
		"pong": `query P { runSavedQuery(name: "ping") }`,
	} {
		if _, err := db.SaveQuery(ctx, &graph.SavedQuery{Name: name, Title: name, Document: doc, Rows: "runSavedQuery.rows"}); err != nil {
			t.Fatal(err)
		}
	}
	for _, name := range []string{"loop", "ping"} {
		before := db.Statements()
		began := time.Now()
		resp, err := client.Get(srv.URL() + "/saved/" + name)
		if err != nil {
			t.Fatalf("GET /saved/%s: %v (after %s)", name, err, time.Since(began))
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != http.StatusBadRequest || !strings.Contains(string(body), "cannot run or read saved queries") {
			t.Errorf("GET /saved/%s = %d %.300s, want 400: a saved query cannot run another", name, resp.StatusCode, body)
		}
		if n := db.Statements() - before; n > 3 {
			t.Errorf("GET /saved/%s ran %d statements, want at most 3 (the lookups of two versions)", name, n)
		}
		a := post(t, client, srv.URL(), map[string]any{"query": `{ runSavedQuery(name: "` + name + `") }`}, "")
		if a.code() != "BAD_USER_INPUT" || !strings.Contains(a.Raw, "cannot run or read saved queries") {
			t.Errorf("runSavedQuery(%s) = %d %.300s, want BAD_USER_INPUT", name, a.Status, a.Raw)
		}
	}
}
