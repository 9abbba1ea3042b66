package graph_test

import (
	"context"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/accgraph/accgraph/graph"
	"github.com/accgraph/accgraph/graph/graphtest"
)

func TestMigrateTwiceLeavesTheSameSchema(t *testing.T) {
	ctx := context.Background()
	db := graphtest.MustOpenDB(t)
	graphtest.DropSchema(t)
	if v, err := db.SchemaVersion(ctx); err != nil || v != 0 {
		t.Fatalf("version after drop = %d, %v; want 0", v, err)
	}
	if err := db.Ready(ctx); graph.ErrorCode(err) != graph.EUNAVAILABLE {
		t.Fatalf("Ready before migrating = %v, want unavailable", err)
	}

	if err := db.Migrate(ctx); err != nil {
		t.Fatalf("first migrate: %v", err)
	}
	first := mustSchema(t, db)
	if err := db.Migrate(ctx); err != nil {
		t.Fatalf("second migrate: %v", err)
	}
	if second := mustSchema(t, db); !reflect.DeepEqual(first, second) {
		t.Fatalf("schema changed on the second run:\nfirst  %v\nsecond %v", first, second)
	}
	if v, err := db.SchemaVersion(ctx); err != nil || v != graph.LatestSchemaVersion {
		t.Fatalf("version = %d, %v; want %d", v, err, graph.LatestSchemaVersion)
	}
	if err := db.Ready(ctx); err != nil {
		t.Fatalf("Ready after migrating: %v", err)
	}

	byName := map[string]graph.SchemaItem{}
	for _, it := range first {
		byName[it.Kind+":"+it.Name] = it
	}
	for _, k := range graph.EntityKinds {
		c, ok := byName["constraint:"+strings.ToLower(k.Label())+"_id"]
		if !ok || c.Type != "UNIQUENESS" || !slices.Equal(c.Properties, []string{"id"}) {
			t.Errorf("no unique id constraint on %s: %+v", k.Label(), c)
		}
	}
	if c := byName["constraint:holds_id"]; c.Type != "RELATIONSHIP_UNIQUENESS" || c.Entity != "RELATIONSHIP" {
		t.Errorf("holds_id = %+v, want a relationship uniqueness constraint", c)
	}
	ft := byName["index:entity_names"]
	if ft.Type != "FULLTEXT" || len(ft.Labels) != len(graph.EntityKinds) || !slices.Equal(ft.Properties, []string{"name", "aliases"}) {
		t.Errorf("entity_names = %+v, want a full-text index over name and aliases of every label", ft)
	}
	if fa := byName["index:entity_names_fa"]; fa.Type != "FULLTEXT" || len(fa.Labels) != len(graph.EntityKinds) || !slices.Equal(fa.Properties, []string{"aliases", "name"}) {
		t.Errorf("entity_names_fa = %+v, want a second full-text index over the aliases and name of every label", fa)
	}
	if m := byName["index:mention_texts"]; m.Type != "FULLTEXT" || !slices.Equal(m.Labels, []string{"Statement", "Citation"}) || !slices.Equal(m.Properties, []string{"text", "quote"}) {
		t.Errorf("mention_texts = %+v, want a full-text index over statement texts and citation quotes", m)
	}
	if ix := byName["index:holds_valid"]; ix.Type != "RANGE" || !slices.Equal(ix.Properties, []string{"validFrom", "validTo"}) {
		t.Errorf("holds_valid = %+v, want a range index on HOLDS(validFrom, validTo)", ix)
	}
}

func TestMigrateResumesAnInterruptedMigration(t *testing.T) {
	ctx := context.Background()
	db := graphtest.MustOpenDB(t)
	want := mustSchema(t, db)

	// As if the process died in migration 3, after some of its statements and before its
	// record (and so before any later migration).
	graphtest.Exec(t, "DROP INDEX event_kind", nil)
	graphtest.Exec(t, "MATCH (m:SchemaMigration) WHERE m.version >= 3 DELETE m", nil)
	if err := db.Ready(ctx); graph.ErrorCode(err) != graph.EUNAVAILABLE {
		t.Fatalf("Ready with a missing migration = %v, want unavailable", err)
	}
	if err := db.Migrate(ctx); err != nil {
		t.Fatalf("migrate: %v", err)
	}
	if got := mustSchema(t, db); !reflect.DeepEqual(got, want) {
		t.Fatalf("schema after resuming:\n got %v\nwant %v", got, want)
	}
}

func mustSchema(t *testing.T, db *graph.DB) []graph.SchemaItem {
	t.Helper()
	s, err := db.Schema(context.Background())
	if err != nil {
		t.Fatalf("schema: %v", err)
	}
	return s
}
