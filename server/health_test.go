package server_test

import (
	"context"
	"encoding/json"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/accgraph/accgraph/graph"
	"github.com/accgraph/accgraph/graph/graphtest"
	"github.com/accgraph/accgraph/neo4j/neo4jtest"
	"github.com/accgraph/accgraph/server"
)

// TestReadyzFollowsNeo4j stops and restarts a private Neo4j under a running server.
func TestReadyzFollowsNeo4j(t *testing.T) {
	ctx := context.Background()
	cfg, n4j, db := graphtest.OpenPrivate(t)
	srv := openServer(t, db)

	if status, body := get(t, srv.URL()+"/readyz"); status != http.StatusOK {
		t.Fatalf("readyz with Neo4j up = %d %v, want 200", status, body)
	}

	if err := n4j.Stop(ctx); err != nil {
		t.Fatal(err)
	}
	began := time.Now()
	status, body := get(t, srv.URL()+"/readyz")
	if status != http.StatusServiceUnavailable || body["status"] != "unavailable" || strings.Contains(body["reason"], n4j.URI) {
		t.Fatalf("readyz with Neo4j stopped = %d %v, want 503 without Neo4j's address %s", status, body, n4j.URI)
	}
	if took := time.Since(began); took > 3*time.Second {
		t.Errorf("readyz took %s with Neo4j down; it must answer within its 2s budget", took)
	}
	if status, _ := get(t, srv.URL()+"/healthz"); status != http.StatusOK {
		t.Fatalf("healthz with Neo4j stopped = %d, want 200: the process is alive", status)
	}
	began = time.Now()
	resp, err := http.Post(srv.URL()+"/graphql", "application/json", strings.NewReader(`{"query":"{ people { totalCount } }"}`))
	if err != nil {
		t.Fatal(err)
	}
	var gql struct {
		Errors []struct{ Extensions map[string]any }
	}
	_ = json.NewDecoder(resp.Body).Decode(&gql)
	resp.Body.Close()
	if resp.StatusCode != http.StatusServiceUnavailable || len(gql.Errors) != 1 || gql.Errors[0].Extensions["code"] != "UNAVAILABLE" {
		t.Fatalf("GraphQL read with Neo4j stopped = %d %+v, want 503 UNAVAILABLE", resp.StatusCode, gql)
	}
	if took := time.Since(began); took > 4*time.Second {
		t.Errorf("the GraphQL read took %s with Neo4j down", took)
	}

	neo4jtest.Start(t, cfg)
	deadline := time.Now().Add(30 * time.Second)
	for {
		status, body = get(t, srv.URL()+"/readyz")
		if status == http.StatusOK {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("readyz 30s after Neo4j restarted = %d %v, want 200", status, body)
		}
		time.Sleep(200 * time.Millisecond)
	}
}

func openServer(t *testing.T, db *graph.DB) *server.Server {
	t.Helper()
	srv := &server.Server{Addr: "127.0.0.1:0", DB: db, Introspection: true, Logger: quiet}
	if err := srv.Open(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = srv.Close(context.Background()) })
	return srv
}

func get(t *testing.T, url string) (int, map[string]string) {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatalf("GET %s: %v", url, err)
	}
	defer resp.Body.Close()
	var body map[string]string
	if err := json.NewDecoder(resp.Body).Decode(&body); err != nil {
		t.Fatalf("GET %s: body: %v", url, err)
	}
	return resp.StatusCode, body
}

// waitFor polls cond for up to 10 seconds.
func waitFor(t *testing.T, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatal("condition not met within 10s")
		}
		time.Sleep(100 * time.Millisecond)
	}
}
