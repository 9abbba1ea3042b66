package graph_test

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/accgraph/accgraph/graph"
	"github.com/accgraph/accgraph/graph/graphtest"
	"github.com/accgraph/accgraph/seed"
)

// TestIdentifiersBackfillIsWhatWritesStore: migration 9 gives the people and
// organizations written before it the identifiers a write gives them now.
func TestIdentifiersBackfillIsWhatWritesStore(t *testing.T) {
	db := graphtest.MustOpenDB(t)
	file := `{"id": "p", "schema": "Person", "datasets": ["d"], "properties": {"name": ["P"], "passportNumber": ["ab 12-3", "AB123"], "taxNumber": ["é-9/1"], "wikidataId": ["q42"], "notes": ["not an id"]}}
{"id": "o", "schema": "Company", "datasets": ["d"], "properties": {"name": ["O"], "innCode": ["77 01"], "registrationNumber": ["HE.123"]}}
{"id": "n", "schema": "Person", "datasets": ["d"], "properties": {"name": ["No Numbers"]}}
`
	if _, problems, err := (&seed.Importer{DB: db, By: "test"}).FtM(context.Background(), "ids.jsonl", strings.NewReader(file)); err != nil || len(problems) > 0 {
		t.Fatalf("import: %v %v", err, problems)
	}
	read := func() string {
		rows := graphtest.Exec(t, "MATCH (n) WHERE n:Person OR n:Organization RETURN n.name, n.identifiers ORDER BY n.name", nil)
		var out []string
		for _, r := range rows {
			out = append(out, fmt.Sprint(r.Values...))
		}
		return strings.Join(out, "; ")
	}
	want := "No Numbers<nil>; O[HE123 7701]; P[AB123 É91 Q42]"
	if got := read(); got != want {
		t.Errorf("written: %s, want %s", got, want)
	}
	graphtest.Exec(t, "MATCH (n) REMOVE n.identifiers", nil)
	if got := read(); got != "No Numbers<nil>; O<nil>; P<nil>" {
		t.Fatalf("removed: %s", got)
	}
	graphtest.Exec(t, graph.IdentifiersBackfill(), nil)
	if got := read(); got != want {
		t.Errorf("backfilled: %s, want %s", got, want)
	}
}
