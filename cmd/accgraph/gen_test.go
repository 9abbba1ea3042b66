package main

import (
	"bytes"
	"context"
	"regexp"
	"strings"
	"testing"

	"github.com/accgraph/accgraph/graph/graphtest"
)

// `accgraph gen` writes the generated graph into the database NEO4J_URI names and says
// how much and how fast; a bad size is refused before anything is written.
func TestGenWritesTheSyntheticGraph(t *testing.T) {
	ctx := context.Background()
	graphtest.MustOpenDB(t)
	cfg := graphtest.Config(t)
	env := map[string]string{"NEO4J_URI": cfg.URI, "NEO4J_USER": cfg.User, "NEO4J_PASSWORD": cfg.Password}
	var stdout, stderr bytes.Buffer
	if err := Run(ctx, []string{"gen", "--people", "100", "--seed", "3", "--log-format", "text"}, func(k string) string { return env[k] }, &stdout, &stderr); err != nil {
		t.Fatalf("gen: %v\n%s", err, stderr.String())
	}
	if !regexp.MustCompile(`^generated 100 people, seed 3: \d+ entities, \d+ links, \d+ citations in .+ \(\d+ nodes/s\)\n$`).MatchString(stdout.String()) {
		t.Errorf("gen printed %q", stdout.String())
	}
	rows := graphtest.Exec(t, "MATCH (p:Person) WHERE p.id STARTS WITH 'person:gen-' RETURN count(p) AS n", nil)
	if n, _ := rows[0].Get("n"); n != int64(100) {
		t.Errorf("%v generated people in the graph, want 100", n)
	}

	stderr.Reset()
	err := Run(ctx, []string{"gen", "--people", "lots"}, func(k string) string { return env[k] }, &stdout, &stderr)
	if code := exitCode(err, &stderr); code != 2 || !strings.Contains(stderr.String(), `people "lots": want a positive count`) {
		t.Errorf("gen --people lots: exit %d, %q; want a usage error naming the value", code, stderr.String())
	}
}
