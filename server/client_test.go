package server_test

import (
	"bytes"
	"encoding/json"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"sort"
	"testing"

	"github.com/accgraph/accgraph/graph"
	"github.com/accgraph/accgraph/seed/seedtest"
	"github.com/accgraph/accgraph/server"
)

var quiet = slog.New(slog.DiscardHandler)

// api is the GraphQL handler over the seeded test database.
type api struct {
	t  testing.TB
	db *graph.DB
	h  http.Handler
}

func seededAPI(t testing.TB) *api {
	t.Helper()
	db := seedtest.DB(t)
	return &api{t: t, db: db, h: (&server.Server{DB: db, Introspection: true, Logger: quiet}).Handler()}
}

type gqlError struct {
	Message    string
	Path       []any
	Extensions map[string]any
}

type response struct {
	Status int
	Data   map[string]any
	Errors []gqlError
	raw    string
}

func (a *api) query(query string, vars map[string]any) response {
	a.t.Helper()
	body, _ := json.Marshal(map[string]any{"query": query, "variables": vars})
	rec := httptest.NewRecorder()
	req := httptest.NewRequest("POST", "/graphql", bytes.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	a.h.ServeHTTP(rec, req)
	var r response
	r.Status, r.raw = rec.Code, rec.Body.String()
	if err := json.Unmarshal(rec.Body.Bytes(), &r); err != nil {
		a.t.Fatalf("response is not JSON: %v\n%s", err, rec.Body)
	}
	return r
}

// ok runs a query that must succeed and returns its data.
func (a *api) ok(query string, vars map[string]any) map[string]any {
	a.t.Helper()
	r := a.query(query, vars)
	if len(r.Errors) > 0 || r.Status != 200 {
		a.t.Fatalf("query failed (%d): %s\nquery: %s", r.Status, r.raw, query)
	}
	return r.Data
}

// ids collects every "id" of the nodes of a connection.
func ids(conn any) []string {
	var out []string
	for _, e := range conn.(map[string]any)["edges"].([]any) {
		out = append(out, e.(map[string]any)["node"].(map[string]any)["id"].(string))
	}
	sort.Strings(out)
	return out
}
