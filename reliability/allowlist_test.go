package reliability

import (
	"bytes"
	"context"
	"io"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/accgraph/accgraph/graph"
	"github.com/accgraph/accgraph/graph/graphtest"
	"github.com/accgraph/accgraph/server"
)

// TestAllowListModeKeepsDeletedVersionsAndMethods is issue 17, item 6: in allow-list mode
// a deleted saved-query version became runnable by anonymous callers again after a later
// save, and any HTTP method was rewritten to POST. Deleted versions stay unrunnable, and
// /graphql answers methods other than GET and POST (and CORS's OPTIONS) with 405.
func TestAllowListModeKeepsDeletedVersionsAndMethods(t *testing.T) {
	db := graphtest.MustOpenDB(t)
	key := seedWithKey(t, db, "desk")
	srv := serve(t, db, func(s *server.Server) { s.TrustedDocuments = true })
	client := &http.Client{Timeout: 10 * time.Second}
	ctx := context.Background()

	save := func(doc string) {
		t.Helper()
		q := &graph.SavedQuery{Name: "probe", Title: "Probe", Document: doc, Rows: "people.edges"}
		if err := srv.ValidateSavedQuery(ctx, q); err != nil {
			t.Fatal(err)
		}
		if _, err := db.SaveQuery(ctx, q); err != nil {
			t.Fatal(err)
		}
	}
	old := `query Old { people(first: 500) { edges { node { id name } } } }`
	save(old)
	if err := db.DeleteSavedQuery(ctx, "probe"); err != nil {
		t.Fatal(err)
	}
	fresh := `query New { people(first: 1) { edges { node { id } } } }`
	save(fresh)

	for _, body := range []map[string]any{{"documentId": graph.DocumentID(old)}, {"query": old}} {
		if a := post(t, client, srv.URL(), body, ""); a.Status != http.StatusForbidden || a.code() != "PERSISTED_QUERY_NOT_ALLOWED" {
			t.Errorf("anonymous run of the deleted version (%v) = %d %.300s, want 403", body, a.Status, a.Raw)
		}
	}
	if a := post(t, client, srv.URL(), map[string]any{"documentId": graph.DocumentID(fresh)}, ""); a.Status != 200 || a.Data["people"] == nil {
		t.Errorf("anonymous run of the saved version = %d %.300s", a.Status, a.Raw)
	}
	if resp, err := client.Get(srv.URL() + "/saved/probe?version=1"); err != nil || resp.StatusCode != http.StatusNotFound {
		t.Errorf("GET /saved/probe?version=1 (deleted) = %v %v, want 404", resp, err)
	} else {
		resp.Body.Close()
	}

	body := encode(map[string]any{"documentId": graph.DocumentID(fresh)})
	for _, method := range []string{"PUT", "DELETE", "PATCH", "HEAD", "TRACE", "PROPFIND"} {
		for _, k := range []string{"", key} {
			req, _ := http.NewRequest(method, srv.URL()+"/graphql", bytes.NewReader(body))
			req.Header.Set("Content-Type", "application/json")
			if k != "" {
				req.Header.Set("Authorization", "Bearer "+k)
			}
			resp, err := client.Do(req)
			if err != nil {
				t.Fatalf("%s /graphql: %v", method, err)
			}
			raw, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			if resp.StatusCode != http.StatusMethodNotAllowed || !strings.Contains(resp.Header.Get("Allow"), "POST") {
				t.Errorf("%s /graphql (keyed %v) = %d Allow %q %.200s, want 405 with Allow", method, k != "", resp.StatusCode, resp.Header.Get("Allow"), raw)
			}
		}
	}
	// a GET stays a GET: a saved document runs, and a mutation sent by GET is not made a POST
	resp, err := client.Get(srv.URL() + "/graphql?documentId=" + graph.DocumentID(fresh))
	if err != nil {
		t.Fatal(err)
	}
	raw, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 200 || !strings.Contains(string(raw), `"people"`) {
		t.Errorf("GET by documentId = %d %.300s", resp.StatusCode, raw)
	}
}
