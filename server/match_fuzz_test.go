package server

import (
	"errors"
	"testing"

	"github.com/accgraph/accgraph/graph"
)

// FuzzMatchQuery reads arbitrary bytes as one /reconcile query and as one /match query
// entity: each is refused with EINVALID and a message, or gives a query within the caps
// (a name, at most 10 of 500 bytes, dates that parse, a limit of 1 to 50).
func FuzzMatchQuery(f *testing.F) {
	for _, s := range []string{
		`{"query": "Ebrahim Raisi", "type": "PERSON", "limit": 3}`,
		`{"query": "Raisi", "type": ["Person", ""], "properties": [{"pid": "birthDate", "v": ["1960", 1961, {"id": "x"}]}], "type_strict": "should"}`,
		`{"schema": "Person", "properties": {"name": ["Raisi", "ابراهیم رئیسی"], "birthDate": "1960-12-14T00:00:00", "nationality": ["ir"]}}`,
		`{"limit": 1}`, `"Raisi"`, `{"query": 5}`, `{"properties": {"name": [null]}}`, `[]`, `{`, `{"limit": 1e308}`,
	} {
		f.Add([]byte(s))
	}
	check := func(t *testing.T, how string, q graph.MatchQuery, err error) {
		if err != nil {
			var e *graph.Error
			if !errors.As(err, &e) || e.Code != graph.EINVALID || e.Message == "" {
				t.Fatalf("%s: %v, want EINVALID with a message", how, err)
			}
			return
		}
		if len(q.Names) == 0 || len(q.Names) > graph.MaxMatchNames || q.Limit < 1 || q.Limit > graph.MaxMatchLimit {
			t.Fatalf("%s: accepted %+v", how, q)
		}
		for _, n := range q.Names {
			if n == "" || len(n) > graph.MaxMatchValueBytes {
				t.Fatalf("%s: accepted the name %q", how, n)
			}
		}
		for _, d := range q.Dates {
			if _, err := graph.ParseDate(d); err != nil {
				t.Fatalf("%s: accepted the date %q", how, d)
			}
		}
	}
	f.Fuzz(func(t *testing.T, raw []byte) {
		q, err := readReconcileQuery("q0", raw)
		check(t, "reconcile", q, err)
		q, _, err = readMatchQuery("q0", raw, defaultMatchLimit)
		check(t, "match", q, err)
	})
}
