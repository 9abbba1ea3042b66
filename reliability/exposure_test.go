package reliability

import (
	"context"
	"io"
	"log/slog"
	"net/http"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/accgraph/accgraph/graph/graphtest"
	"github.com/accgraph/accgraph/server"
)

// TestNothingInternalIsShown is issue 17, item 8: anonymous callers read API key names
// through savedQuery { createdBy }, decode errors echoed the request body, and /metrics
// could not be kept private. Key names are shown to keyed callers only, a body that is not
// a GraphQL request is described without being echoed, and with MetricsAddr /metrics is
// served on its own listener only.
func TestNothingInternalIsShown(t *testing.T) {
	db := graphtest.MustOpenDB(t)
	key := seedWithKey(t, db, "desk-of-jane-doe")
	srv := serve(t, db, func(s *server.Server) { s.MetricsAddr = "127.0.0.1:0" })
	client := &http.Client{Timeout: 10 * time.Second}

	save := `mutation { saveQuery(input: {name: "mine", title: "Mine", document: "query M { people(first: 5) { edges { node { name } } } }",
		rows: "people.edges", columns: [{name: "Name", path: "node.name"}]}) { createdBy } }`
	if a := post(t, client, srv.URL(), map[string]any{"query": save}, key); a.code() != "" {
		t.Fatalf("saveQuery: %s", a.Raw)
	}
	read := `{ savedQueries { createdBy } savedQuery(name: "mine") { createdBy } savedQueryHistory(name: "mine") { createdBy } }`
	if a := post(t, client, srv.URL(), map[string]any{"query": read}, ""); a.code() != "" || strings.Contains(a.Raw, "desk-of-jane-doe") {
		t.Errorf("anonymous callers read key names: %.500s", a.Raw)
	}
	if a := post(t, client, srv.URL(), map[string]any{"query": read}, key); !strings.Contains(a.Raw, "desk-of-jane-doe") {
		t.Errorf("a keyed caller does not see who saved a query: %.500s", a.Raw)
	}

	for _, body := range []string{`{"query": 42, "secret": "SEKRIT-1"}`, `{"query": "{ __typename }", "variables": "SEKRIT-2"}`,
		`"SEKRIT-3"`, `{"query": "{ __typename }", "extensions": ["SEKRIT-4"]}`} {
		a := post(t, client, srv.URL(), []byte(body), "")
		if a.Status != http.StatusBadRequest || strings.Contains(a.Raw, "SEKRIT") || !strings.Contains(a.Raw, "not a GraphQL request") {
			t.Errorf("POST %s = %d %.300s, want 400 describing the body without echoing it", body, a.Status, a.Raw)
		}
	}

	if resp, err := client.Get(srv.URL() + "/metrics"); err != nil || resp.StatusCode != http.StatusNotFound {
		t.Errorf("/metrics on the API's address with MetricsAddr set = %v %v, want 404", resp, err)
	} else {
		resp.Body.Close()
	}
	resp, err := client.Get(srv.MetricsURL() + "/metrics")
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 200 || !strings.Contains(string(body), "accgraph_http_requests_total") {
		t.Errorf("/metrics on MetricsAddr = %d %.300s", resp.StatusCode, body)
	}
}

// TestOutageAnswersHideNeo4j is issue 17, item 8: 503 bodies carried the Neo4j URI. With
// Neo4j stopped, /graphql, /readyz and /saved answer 503 without its address, which the log
// line of the request (with its request id) keeps.
func TestOutageAnswersHideNeo4j(t *testing.T) {
	_, n4j, db := graphtest.OpenPrivate(t)
	logs := &syncBuffer{}
	srv := serve(t, db, func(s *server.Server) { s.Logger = slog.New(slog.NewJSONHandler(logs, nil)) })
	if err := n4j.Stop(context.Background()); err != nil {
		t.Fatal(err)
	}
	client := &http.Client{Timeout: 10 * time.Second}
	port := ":" + strconv.Itoa(n4j.Port)
	for _, path := range []string{"/graphql?query=%7Bpeople%7BtotalCount%7D%7D", "/readyz", "/saved"} {
		resp, err := client.Get(srv.URL() + path)
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != http.StatusServiceUnavailable || strings.Contains(string(body), port) || strings.Contains(string(body), "neo4j://") {
			t.Errorf("GET %s with Neo4j down = %d %.300s, want 503 without Neo4j's address", path, resp.StatusCode, body)
		}
		if id := resp.Header.Get("X-Request-Id"); !strings.Contains(logs.String(), id) || !strings.Contains(logs.String(), port) {
			t.Errorf("GET %s: the log does not keep the cause with request id %s:\n%.1500s", path, id, logs.String())
		}
	}
}
