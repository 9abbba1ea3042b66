package graph_test

import (
	"context"
	"strings"
	"testing"

	"github.com/accgraph/accgraph/graph"
	"github.com/accgraph/accgraph/seed/seedtest"
)

func seededDB(t *testing.T) *graph.DB {
	t.Helper()
	db := seedtest.DB(t)
	return db
}

func TestMatchBatchIsOneStatement(t *testing.T) {
	db := seededDB(t)
	queries := []graph.MatchQuery{
		{Key: "a", Names: []string{"Ebrahim Raisy"}, Limit: 3},
		{Key: "b", Names: []string{"the Ministry of Foreign Affairs"}, Kinds: []graph.EntityKind{graph.KindOrganization}, Limit: 3},
		{Key: "c", Names: []string{"Angela Merkel"}, Limit: 3},
		{Key: "d", Names: []string{"وزارت اطلاعات"}, Limit: 3},
		{Key: "e", Names: []string{"***"}, Limit: 3}, // no words: not sent to Neo4j
	}
	before := db.Statements()
	res, err := db.Match(context.Background(), graph.MatchSource{}, queries, graph.DefaultMatchThreshold)
	if err != nil {
		t.Fatal(err)
	}
	if n := db.Statements() - before; n != 1 {
		t.Errorf("a batch of %d queries sent %d statements, want 1", len(queries), n)
	}
	want := map[string]string{"a": "person:ebrahim-raisi", "b": "org:iran-ministry-of-foreign-affairs", "d": "org:iran-ministry-of-intelligence"}
	for _, r := range res {
		top := ""
		if len(r.Candidates) > 0 && r.Candidates[0].Match {
			top = r.Candidates[0].ID
		}
		if top != want[r.Key] {
			t.Errorf("%s: matched %q (candidates %+v), want %q", r.Key, top, r.Candidates, want[r.Key])
		}
		if len(r.Candidates) > 3 {
			t.Errorf("%s: %d candidates past the limit of 3", r.Key, len(r.Candidates))
		}
		for _, c := range r.Candidates {
			if r.Key == "b" && c.Kind != graph.KindOrganization {
				t.Errorf("b asked for organizations, got %s %s", c.Kind, c.ID)
			}
		}
	}
	if _, err := db.Match(context.Background(), graph.MatchSource{Dataset: "no-such"}, queries[:1], graph.DefaultMatchThreshold); graph.ErrorCode(err) != graph.ENOTFOUND {
		t.Errorf("unknown dataset: %v, want ENOTFOUND", err)
	}
}

func TestCardsReadPostsAndCountries(t *testing.T) {
	db := seededDB(t)
	cards, err := db.Cards(context.Background(), []string{"person:ebrahim-raisi", "org:embassy-rajavi-refers-to", "person:nobody", "no-prefix"})
	if err != nil {
		t.Fatal(err)
	}
	raisi := cards["person:ebrahim-raisi"]
	if raisi.Kind != graph.KindPerson || len(raisi.Positions) == 0 || raisi.Positions[0] != "Head of the Judiciary of Iran" {
		t.Errorf("Raisi's card = %+v", raisi)
	}
	if emb := cards["org:embassy-rajavi-refers-to"]; strings.Join(emb.Countries, " ") != "at ir" { // in Vienna, part of Iran's ministry
		t.Errorf("embassy's countries = %v, want [at ir]", emb.Countries)
	}
	if _, ok := cards["person:nobody"]; ok || len(cards) != 2 {
		t.Errorf("cards = %v", cards)
	}
}
