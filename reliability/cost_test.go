package reliability

import (
	"context"
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/accgraph/accgraph/graph"
	"github.com/accgraph/accgraph/graph/graphtest"
)

// aliases repeats field n times under aliases a0, a1, ...
func aliases(n int, field string) string {
	var b strings.Builder
	for i := range n {
		fmt.Fprintf(&b, "a%d: %s ", i, field)
	}
	return "{ " + b.String() + "}"
}

// TestCostGrowsWithTheWorkAsked is issue 17, item 3: ten aliases of
// accountability(maxHops: 10) reached the 10 s timeout, 50 runSavedQuery ran 100 statements
// in one request, and an ordinary hand-written query of 3-4 levels without `first` was
// refused because every list was costed at its maximum. The reads that walk the graph cost
// what they ask of Neo4j and are refused before it is asked, naming the field and its cost;
// lists cost what they are likely to hold, so the questions people write are answered.
func TestCostGrowsWithTheWorkAsked(t *testing.T) {
	db := graphtest.MustOpenDB(t)
	seedWithKey(t, db, "desk")
	srv := serve(t, db, nil)
	ctx := context.Background()
	saveBuiltInQueries(t, srv, db)
	client := &http.Client{Timeout: 30 * time.Second}

	hostile := []struct{ name, query, field string }{
		{"10 × accountability(maxHops: 10)", aliases(10, `accountability(subject: "event:1988-massacre", maxHops: 10) { entries { basis entity { name } } }`), "accountability"},
		{"10 × paths(maxLength: 10, longer: true)", aliases(10, `paths(from: "person:ebrahim-raisi", to: "org:iran-judiciary", maxLength: 10, longer: true) { length }`), "paths"},
		{"10 × neighborhood(depth: 3, limit: 1000)", aliases(10, `neighborhood(id: "person:ebrahim-raisi", depth: 3, limit: 1000) { nodes { id label degree } edges { id } }`), "neighborhood"},
		{"10 × search of 16 words of 30 letters", aliases(10, `search(text: "`+strings.TrimSpace(strings.Repeat(strings.Repeat("q", 30)+" ", 16))+`") { matched }`), "search"},
		{"50 × runSavedQuery", aliases(50, `runSavedQuery(name: "who-held-post", variables: {asOf: "2021-02"})`), "runSavedQuery"},
		{"a list of 500 under a list of 500 under a list of 500", `{ people(first: 500) { edges { node { tenures(first: 500) { position { holders(first: 500) { person { name } } } } } } } }`, "people"},
	}
	for _, h := range hostile {
		before := db.Statements()
		a := post(t, client, srv.URL(), map[string]any{"query": h.query}, "")
		if a.code() != "COMPLEXITY_LIMIT_EXCEEDED" || !strings.Contains(a.Errors[0].Message, h.field) || a.Errors[0].Extensions["fieldCost"] == nil {
			t.Errorf("%s = %d %.300s, want COMPLEXITY_LIMIT_EXCEEDED naming %s and its cost", h.name, a.Status, a.Raw, h.field)
		}
		// runSavedQuery is costed by its saved query, looked up once (never run)
		if n := db.Statements() - before; n > 1 {
			t.Errorf("%s: %d statements reached Neo4j before the refusal", h.name, n)
		}
	}

	// what a journalist writes by hand, without `first` anywhere: accepted and answered
	ordinary := []string{
		`{ events { edges { node { name from victims
			responsible { role confidence actor { name ... on Person { tenures { position { name } } } }
			  citations { quote confidence claimedBy { name } source { title publisher stake } } } } } } }`,
		`{ people { edges { node { name tenures { position { name holders { person { name memberships { organization { name } } } } } } } } } }`,
		`{ a: accountability(subject: "event:1988-massacre") { entries { basis role entity { name } } }
		   b: accountability(subject: "event:assadi-bomb-plot", maxHops: 6) { entries { basis entity { name } } } }`,
		`{ runSavedQuery(name: "court-verdicts") }`,
	}
	for _, q := range ordinary {
		if a := post(t, client, srv.URL(), map[string]any{"query": q}, ""); a.Status != 200 || len(a.Errors) > 0 || a.Data == nil {
			t.Errorf("an ordinary query is refused: %d %.400s\n%s", a.Status, a.Raw, q)
		}
	}

	// saving uses the same model: an ordinary saved query passes, a costly one names its field
	q := &graph.SavedQuery{Name: "costly", Title: "Costly", Rows: "a0.entries",
		Document: "query Costly " + aliases(10, `accountability(subject: "event:1988-massacre", maxHops: 10) { entries { basis } }`)}
	if err := srv.ValidateSavedQuery(ctx, q); err == nil || !strings.Contains(err.Error(), "accountability") {
		t.Errorf("saving a costly query: %v, want a refusal naming accountability", err)
	}
}
