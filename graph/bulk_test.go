package graph_test

import (
	"context"
	"strings"
	"testing"

	"github.com/accgraph/accgraph/graph"
	"github.com/accgraph/accgraph/graph/graphtest"
)

// TestPrepareBulkTakesWhatThePriorKnows: a bulk batch is checked against what its
// caller says it knows (the kinds of what it points at, its sources as written) instead
// of asking the graph, and a wrong claim that its facts are new fails the batch loudly,
// writing nothing, instead of duplicating a fact.
func TestPrepareBulkTakesWhatThePriorKnows(t *testing.T) {
	ctx := context.Background()
	db := graphtest.MustOpenDB(t)
	if free, err := db.HoldsNoFtM(ctx); err != nil || !free {
		t.Fatalf("an empty graph holds FtM data: %v %v", free, err)
	}
	cite := []graph.Citation{{Source: "source:ftm-s", ClaimedBy: "source:ftm-s", Quote: "q", Confidence: graph.Reported}}
	src := &graph.Source{Base: graph.Base{ID: "source:ftm-s", Name: "s", Citations: cite}, Title: "s", Publisher: "p", SourceKind: "DATASET"}
	if err := db.ApplyBulk(ctx, "test", "importFtM", &graph.Dataset{Entities: []graph.Entity{src,
		&graph.Person{Base: graph.Base{ID: "person:ftm-a", Name: "A", Citations: cite}}}}); err != nil {
		t.Fatal(err)
	}
	if free, err := db.HoldsNoFtM(ctx); err != nil || free {
		t.Fatalf("after an FtM write, HoldsNoFtM = %v %v, want false", free, err)
	}
	prior := graph.Prior{Kinds: map[string]graph.EntityKind{"person:ftm-a": graph.KindPerson, "source:ftm-s": graph.KindSource},
		Entities: map[string]graph.Entity{"source:ftm-s": src}, New: true}
	org := func(quote string) *graph.Dataset {
		c := []graph.Citation{{Source: "source:ftm-s", ClaimedBy: "source:ftm-s", Quote: quote, Confidence: graph.Reported}}
		return &graph.Dataset{Entities: []graph.Entity{&graph.Organization{Base: graph.Base{ID: "org:ftm-o", Name: "O", Citations: c}, OrgKind: "OTHER"}},
			Links: []*graph.Link{{ID: "member_of:ftm-m", Type: graph.RelMemberOf, From: "person:ftm-a", To: "org:ftm-o", Field: "links[0]", Citations: c}}}
	}
	bulk, err := db.PrepareBulk(ctx, "test", "importFtM", org("q"), prior)
	if err != nil {
		t.Fatal(err)
	}
	if err := bulk.Write(ctx); err != nil {
		t.Fatal(err)
	}
	rows := graphtest.Exec(t, "MATCH (:Person {id: 'person:ftm-a'})-[r:MEMBER_OF]->(:Organization {id: 'org:ftm-o'}) MATCH (c:Citation {about: r.id}) RETURN r.id, c.quote", nil)
	if len(rows) != 1 || rows[0].Values[0] != "member_of:ftm-m" || rows[0].Values[1] != "q" {
		t.Errorf("the link written on the prior's word = %v, want member_of:ftm-m cited with q", rows)
	}

	// the source as the caller wrote it is what quotes are checked against
	withText := *src
	withText.Text = "only these words"
	prior.Entities = map[string]graph.Entity{"source:ftm-s": &withText}
	prior.New = false
	if _, err := db.PrepareBulk(ctx, "test", "importFtM", org("q"), prior); graph.ErrorCode(err) != graph.EINVALID ||
		!strings.Contains(graph.ErrorMessage(err), `quote "q" not found verbatim in source:ftm-s`) {
		t.Errorf("a quote the prior's source text lacks = %v, want refused", err)
	}

	// claiming that facts in the graph are new: the id constraints refuse the batch whole
	before := graphtest.Snapshot(t)
	prior.Entities, prior.New = map[string]graph.Entity{"source:ftm-s": src}, true
	bulk, err = db.PrepareBulk(ctx, "test", "importFtM", org("q"), prior)
	if err != nil {
		t.Fatal(err)
	}
	if err := bulk.Write(ctx); err == nil || !strings.Contains(err.Error(), "importFtM") {
		t.Errorf("writing as new what is in the graph = %v, want the batch refused", err)
	}
	if graphtest.Snapshot(t) != before {
		t.Error("a refused batch changed the graph")
	}
}
