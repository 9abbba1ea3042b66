package graph_test

import (
	"context"
	"strings"
	"testing"

	"github.com/accgraph/accgraph/graph"
	"github.com/accgraph/accgraph/graph/graphtest"
)

// TestApplyIsAllOrNothing: a change that fails inside its transaction (a relationship id
// already taken between other entities) writes neither its facts nor its audit record.
func TestApplyIsAllOrNothing(t *testing.T) {
	ctx := context.Background()
	db := graphtest.MustOpenDB(t)
	cite := []graph.Citation{{Source: "source:s", ClaimedBy: "source:s", Quote: "q", Confidence: graph.Reported}}
	base := &graph.Dataset{
		Entities: []graph.Entity{
			&graph.Source{Base: graph.Base{ID: "source:s", Name: "s", Citations: cite}, Title: "s", Publisher: "p", SourceKind: "REPORT"},
			&graph.Person{Base: graph.Base{ID: "person:a", Name: "A", Citations: cite}},
			&graph.Organization{Base: graph.Base{ID: "org:o", Name: "O", Citations: cite}, OrgKind: "OTHER"},
		},
		Links: []*graph.Link{{Type: graph.RelMemberOf, From: "person:a", To: "org:o", Field: "links[0]", Citations: cite}},
	}
	if err := db.Apply(ctx, "test", "setup", base); err != nil {
		t.Fatal(err)
	}
	before := graphtest.Snapshot(t)
	clash := &graph.Dataset{
		Entities: []graph.Entity{&graph.Person{Base: graph.Base{ID: "person:b", Name: "B", Citations: cite}}},
		Links:    []*graph.Link{{ID: "member_of:a--o", Type: graph.RelMemberOf, From: "person:b", To: "org:o", Field: "links[0]", Citations: cite}},
	}
	if err := db.Apply(ctx, "test", "clash", clash); err == nil {
		t.Fatal("the clashing change was applied")
	}
	if after := graphtest.Snapshot(t); after != before {
		t.Fatal("a failed change left part of itself, or its audit record, behind")
	}
	history, err := db.History(ctx, "person:a")
	if err != nil || len(history) != 1 || history[0].Mutation != "setup" || history[0].By != "test" {
		t.Errorf("history = %+v, %v", history, err)
	}
}

// TestWriteCountsACitationGivenTwiceOnce: the stats say what was written.
func TestWriteCountsACitationGivenTwiceOnce(t *testing.T) {
	db := graphtest.MustOpenDB(t)
	cite := graph.Citation{Source: "source:s", ClaimedBy: "source:s", Quote: "q", Confidence: graph.Reported}
	stats, err := db.Write(context.Background(), &graph.Dataset{Entities: []graph.Entity{
		&graph.Source{Base: graph.Base{ID: "source:s", Name: "s", Citations: []graph.Citation{cite, cite}}, Title: "s", Publisher: "p", SourceKind: "REPORT"},
	}})
	if err != nil {
		t.Fatal(err)
	}
	rows := graphtest.Exec(t, "MATCH (c:Citation) RETURN count(c) AS n", nil)
	if n, _ := rows[0].Get("n"); stats.Citations != 1 || n != int64(1) {
		t.Errorf("stats say %d citations, the graph holds %v; want 1 and 1", stats.Citations, n)
	}
}

// TestImportsCheckQuotesAgainstStoredText: an import batch citing a source already in
// the graph is held to the source's stored text, as a mutation is.
func TestImportsCheckQuotesAgainstStoredText(t *testing.T) {
	ctx := context.Background()
	db := graphtest.MustOpenDB(t)
	self := []graph.Citation{{Source: "source:s", ClaimedBy: "source:s", Quote: "The minister  resigned", Confidence: graph.Reported}}
	if err := db.Apply(ctx, "test", "setup", &graph.Dataset{Entities: []graph.Entity{
		&graph.Source{Base: graph.Base{ID: "source:s", Name: "s", Citations: self}, Title: "s", Publisher: "p", SourceKind: "REPORT",
			Text: "The minister\nresigned in 2019."},
	}}); err != nil {
		t.Fatal(err)
	}
	person := func(quote string) *graph.Dataset {
		return &graph.Dataset{Entities: []graph.Entity{&graph.Person{Base: graph.Base{ID: "person:m", Name: "M",
			Citations: []graph.Citation{{Source: "source:s", ClaimedBy: "source:s", Quote: quote, Confidence: graph.Reported}}}}}}
	}
	err := db.ApplyBulk(ctx, "test", "importCSV", person("The minister was sacked in 2019 by the president himself"))
	if want := `citations[0].quote: quote "The minister was sacked in 2019…" not found verbatim in source:s (its stored text)`; graph.ErrorCode(err) != graph.EINVALID ||
		!strings.Contains(graph.ErrorMessage(err), want) {
		t.Errorf("import of a quote the source lacks = %v, want %q", err, want)
	}
	if err := db.ApplyBulk(ctx, "test", "importCSV", person("resigned in 2019.")); err != nil {
		t.Fatal(err)
	}
	rows := graphtest.Exec(t, "MATCH (c:Citation {about: 'person:m'}) RETURN c.checked AS checked", nil)
	if len(rows) != 1 || rows[0].Values[0] != true {
		t.Errorf("the imported citation's checked = %v, want true", rows)
	}
}
