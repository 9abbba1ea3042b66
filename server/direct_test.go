package server_test

import (
	"bytes"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/accgraph/accgraph/bench/sidebyside"
	"github.com/accgraph/accgraph/graph/graphtest"
	"github.com/accgraph/accgraph/seed"
	"github.com/accgraph/accgraph/seed/seedtest"
	"github.com/accgraph/accgraph/server"
)

// paths is one seeded graph served twice: by the direct writer and by gqlgen's executor.
type paths struct {
	t              *testing.T
	direct, exec   *server.Server
	directH, execH http.Handler
}

func seededPaths(t *testing.T) *paths {
	t.Helper()
	db := seedtest.DB(t)
	// a loaded machine must not time one path's read out and not the other's
	db.SetTimeout(time.Minute)
	p := &paths{t: t, direct: &server.Server{DB: db, Logger: quiet, RatePerIP: 1e6},
		exec: &server.Server{DB: db, Logger: quiet, RatePerIP: 1e6, NoDirectWrites: true}}
	p.directH, p.execH = p.direct.Handler(), p.exec.Handler()
	return p
}

// answer is everything a caller sees of one response.
type answer struct {
	status int
	header http.Header
	body   []byte
}

func post(h http.Handler, query string, vars map[string]any) answer {
	body, _ := json.Marshal(map[string]any{"query": query, "variables": vars})
	rec := httptest.NewRecorder()
	req := httptest.NewRequest("POST", "/graphql", bytes.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	h.ServeHTTP(rec, req)
	hdr := rec.Header().Clone()
	hdr.Del("X-Request-Id") // a fresh one for every request
	return answer{rec.Code, hdr, rec.Body.Bytes()}
}

// same sends the operation through both paths and fails unless the status, the headers
// and the body are the same bytes. It reports whether the direct writer answered it, and
// whether the answer holds errors.
func (p *paths) same(name, query string, vars map[string]any) (direct, errors bool) {
	p.t.Helper()
	before, _, _ := p.direct.DirectStats()
	d, e := post(p.directH, query, vars), post(p.execH, query, vars)
	after, _, _ := p.direct.DirectStats()
	if d.status != e.status || !equalHeaders(d.header, e.header) || !bytes.Equal(d.body, canonicalErrors(e.body, d.body)) {
		p.t.Errorf("%s: the direct writer and the executor differ\nquery: %s\nvars: %v\ndirect   (%d %v): %s\nexecutor (%d %v): %s",
			name, query, vars, d.status, d.header, d.body, e.status, e.header, e.body)
	}
	return after > before, bytes.HasPrefix(d.body, []byte(`{"errors":`))
}

func equalHeaders(a, b http.Header) bool {
	x, _ := json.Marshal(a)
	y, _ := json.Marshal(b)
	return bytes.Equal(x, y)
}

// canonicalErrors returns the executor's body, but with its errors in the direct
// writer's order when the two hold the same errors in another order: gqlgen resolves
// root fields concurrently, so its errors of several root fields come in any order.
func canonicalErrors(exec, direct []byte) []byte {
	var e, d map[string]json.RawMessage
	if json.Unmarshal(exec, &e) != nil || json.Unmarshal(direct, &d) != nil || e["errors"] == nil || d["errors"] == nil {
		return exec
	}
	var ee, de []json.RawMessage
	if json.Unmarshal(e["errors"], &ee) != nil || json.Unmarshal(d["errors"], &de) != nil || len(ee) != len(de) || len(ee) < 2 {
		return exec
	}
	left := map[string]int{}
	for _, x := range ee {
		left[string(x)]++
	}
	for _, x := range de {
		if left[string(x)] == 0 {
			return exec
		}
		left[string(x)]--
	}
	return bytes.Replace(exec, e["errors"], d["errors"], 1)
}

func TestDirectWriterSavedQueries(t *testing.T) {
	p := seededPaths(t)
	saved, err := seed.LoadQueries(seed.Queries())
	if err != nil {
		t.Fatal(err)
	}
	if len(saved) == 0 {
		t.Fatal("no saved queries")
	}
	direct := 0
	for _, q := range saved {
		if ok, _ := p.same(q.Name, q.Document, nil); ok {
			direct++
		}
	}
	t.Logf("saved queries: %d of %d written directly", direct, len(saved))
}

func TestDirectWriterBenchmarkQuestions(t *testing.T) {
	p := seededPaths(t)
	params := sidebyside.Params{Person: "person:ebrahim-raisi", OtherPerson: "person:maryam-rajavi",
		Organization: "org:islamic-republic-of-iran", Event: "event:1988-massacre", Search: "Raisi"}
	direct := 0
	for _, q := range sidebyside.Questions {
		if ok, _ := p.same(q.ID, q.Accgraph, q.VarsFor(params, false)); ok {
			direct++
		}
	}
	t.Logf("benchmark questions: %d of %d written directly", direct, len(sidebyside.Questions))
	// the questions read what exists: an empty answer would compare nothing
	for _, id := range []string{params.Person, params.OtherPerson, params.Organization, params.Event} {
		a := post(p.directH, `query($id: ID!) { entity(id: $id) { id } }`, map[string]any{"id": id})
		if !bytes.Contains(a.body, []byte(id)) {
			t.Errorf("%s is not in the seeded graph: %s", id, a.body)
		}
	}
}

func TestDirectWriterErrorsAndNulls(t *testing.T) {
	p := seededPaths(t)
	for _, c := range []struct{ name, query string }{
		{"missing entity", `{ entity(id: "person:nobody") { id } }`},
		{"id of no kind", `{ a: entity(id: "nope") { id } b: entity(id: "person:lars-rise") { __typename name } }`},
		{"bad first", `{ people(first: 501) { totalCount } }`},
		{"bad cursor", `{ people(after: "nope") { totalCount } places(first: 1) { edges { node { name } } } }`},
		{"bad asOf", `{ entity(id: "person:ebrahim-raisi") { ... on Person { tenures(asOf: "1988-13") { id } } } }`},
		{"two root errors", `{ a: people(first: 501) { totalCount } b: events(first: 600) { totalCount } c: __typename }`},
		{"nullable scalars", `{ events(first: 5) { edges { cursor node { from to victims description retraction } } pageInfo { startCursor endCursor hasNextPage } } }`},
		{"introspection falls back", `{ __schema { queryType { name } } }`},
		{"unsupported root falls back", `{ timeline(id: "person:ebrahim-raisi") { date title } }`},
		{"mutation is refused alike", `mutation { deleteEntity(id: "person:nobody") }`},
		{"parse error", `{ entity(id: ) }`},
		{"validation error", `{ entity(id: "person:lars-rise") { nosuchfield } }`},
	} {
		p.same(c.name, c.query, nil)
	}

	// a holder whose id names no kind decodes to nil: a null in Tenure.person (Person!),
	// which gqlgen reports and propagates; the writer leaves all of it to the executor
	graphtest.Exec(t, `MATCH (pos:Position {id: 'position:iran-head-of-judiciary'})
CREATE (:Person {id: 'nokind', name: 'No kind', confidence: 'REPORTED'})-[:HOLDS {id: 'holds:nokind', confidence: 'REPORTED'}]->(pos)`, nil)
	_, _, redone := p.direct.DirectStats()
	q := `{ a: entity(id: "position:iran-head-of-judiciary") { name ... on Position { holders { person { name } } } } b: entity(id: "person:lars-rise") { name } }`
	if direct, errs := p.same("a null in a non-null field", q, nil); direct || !errs {
		t.Errorf("a null in a non-null field: written directly %v, with errors %v; want the executor's errors", direct, errs)
	}
	if _, _, after := p.direct.DirectStats(); after != redone+1 {
		t.Errorf("a null in a non-null field: %d operations redone by the executor, want 1", after-redone)
	}
}
