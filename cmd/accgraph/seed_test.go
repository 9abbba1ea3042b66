package main

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"github.com/accgraph/accgraph/graph/graphtest"
)

func TestSeedCheck(t *testing.T) {
	var stdout, stderr bytes.Buffer
	noEnv := func(string) string { return "" }
	if err := Run(context.Background(), []string{"seed", "--check"}, noEnv, &stdout, &stderr); err != nil {
		t.Fatalf("seed --check on the curated dataset: %v", err)
	}
	if got := stdout.String(); !strings.HasPrefix(got, "ok: 74 entities, 119 links, ") {
		t.Errorf("seed --check printed %q", got)
	}

	stdout.Reset()
	err := Run(context.Background(), []string{"seed", "--check", "--dir", "../../seed/testdata/many-problems"}, noEnv, &stdout, &stderr)
	if code := exitCode(err, &stderr); code != 1 {
		t.Fatalf("exit code = %d, want 1", code)
	}
	lines := strings.Split(strings.TrimSpace(stderr.String()), "\n")
	// the fixture without its base: its references dangle too
	if len(lines) != 9 || lines[0] != "accgraph: 8 problem(s):" || !strings.HasPrefix(lines[8], "people.yaml:18: citations: missing citation") {
		t.Fatalf("stderr = %q, want the problems one per line", stderr.String())
	}
}

// TestSeedCommandWritesAndServeSkipsAFullGraph: `accgraph seed` writes the dataset into
// the database NEO4J_URI names; serve then finds the graph full and does not seed again.
func TestSeedCommandWritesAndServeSkipsAFullGraph(t *testing.T) {
	ctx := context.Background()
	db := graphtest.MustOpenDB(t)
	cfg := graphtest.Config(t)
	env := map[string]string{"NEO4J_URI": cfg.URI, "NEO4J_USER": cfg.User, "NEO4J_PASSWORD": cfg.Password}
	var stdout, stderr bytes.Buffer
	if err := Run(ctx, []string{"seed", "--log-format", "text"}, func(k string) string { return env[k] }, &stdout, &stderr); err != nil {
		t.Fatalf("seed: %v\n%s", err, stderr.String())
	}
	if !strings.HasPrefix(stdout.String(), "seeded: 74 entities, 119 links, ") {
		t.Errorf("seed printed %q", stdout.String())
	}
	if empty, err := db.IsEmpty(ctx); err != nil || empty {
		t.Fatalf("graph empty after seed: %v, %v", empty, err)
	}
	before := graphtest.Snapshot(t)

	var logs bytes.Buffer
	m := Main{Addr: "127.0.0.1:0", Seed: true, Database: database{Graph: cfg}}
	m.Database.Embedded.Password = cfg.Password
	m.Logger = newTextLogger(&logs)
	if err := m.Open(ctx); err != nil {
		t.Fatal(err)
	}
	defer m.Close(ctx)
	if strings.Contains(logs.String(), "seeded") {
		t.Errorf("serve seeded a graph that was not empty:\n%s", logs.String())
	}
	if graphtest.Snapshot(t) != before {
		t.Error("serve changed a seeded graph")
	}
}
