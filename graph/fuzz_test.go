package graph_test

import (
	"context"
	"encoding/json"
	"errors"
	"regexp"
	"testing"

	"github.com/accgraph/accgraph/graph"
	"github.com/accgraph/accgraph/graph/graphtest"
)

// FuzzParseDate: any string parses to a date that prints back to itself, or fails with
// a message; never a panic.
func FuzzParseDate(f *testing.F) {
	for _, s := range []string{"1988", "1988-07", "1988-07-19", "2021-02-30", "0000", "1988-13", "19880", "-1988", "1988-7", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := graph.ParseDate(s)
		if err != nil {
			if err.Error() == "" {
				t.Fatalf("ParseDate(%q): an error without a message", s)
			}
			return
		}
		again, err := graph.ParseDate(d.String())
		if err != nil || again != d {
			t.Fatalf("ParseDate(%q) = %v, which parses back as %v, %v", s, d, again, err)
		}
		if d.Last().Before(d.First()) {
			t.Fatalf("ParseDate(%q): last day %v before first %v", s, d.Last(), d.First())
		}
	})
}

// names is what may follow ':' or '|' in compiled Cypher: the labels and types of the
// enums, and the bookkeeping of citations.
var allowedNames = func() map[string]bool {
	m := map[string]bool{"Citation": true, "FROM_SOURCE": true, "CLAIMED_BY": true}
	for _, k := range graph.EntityKinds {
		m[k.Label()] = true
	}
	for _, t := range graph.RelTypes {
		m[string(t)] = true
	}
	return m
}()

var labelRef = regexp.MustCompile(`[:|]([A-Za-z_][A-Za-z0-9_]*)`)

// FuzzWhereFilter compiles arbitrary where filters (JSON objects) on every kind: each is
// refused with EINVALID, or becomes Cypher that Neo4j plans (EXPLAIN) and that names no
// label or type outside the enums.
func FuzzWhereFilter(f *testing.F) {
	for _, s := range []string{
		`{"name": {"eq": "Raisi"}}`,
		`{"AND": [{"name": {"startsWith": "A"}}, {"NOT": {"id": {"in": ["person:x"]}}}]}`,
		`{"OR": [{"alias": {"contains": "x"}}, {"confidence": {"atLeast": "ALLEGED"}}]}`,
		`{"tenures": {"some": {"asOf": "2021-02", "position": {"name": {"eq": "x"}}}}}`,
		`{"memberships": {"none": {"confidence": {"eq": "REPORTED"}}}}`,
		`{"when": {"from": "1988", "to": "1989-02"}}`,
		`{"kind": {"eq": "MASSACRE"}}`,
		`{"victims": {"gte": 30000}}`,
		`{"name": {"lt": "M", "gte": "B"}}`,
		`{"responsible": {"some": {"role": {"eq": "x"}, "actor": {"name": {"eq": "y"}}}}}`,
		`{"nope": 1}`, `{"name": {"eq": 5}}`, `{"AND": {"name": {"eq": "x"}}}`, `{"NOT": null}`,
	} {
		for k := range graph.EntityKinds {
			f.Add(byte(k), s)
		}
	}
	db := graphtest.MustOpenDB(f)
	f.Fuzz(func(t *testing.T, k byte, filter string) {
		var w map[string]any
		if json.Unmarshal([]byte(filter), &w) != nil {
			return
		}
		kind := graph.EntityKinds[int(k)%len(graph.EntityKinds)]
		cond, params, err := graph.CompileWhere(kind, integers(w).(map[string]any))
		if err != nil {
			var e *graph.Error
			if !errors.As(err, &e) || e.Code != graph.EINVALID || e.Message == "" {
				t.Fatalf("where %s on %s: %v, want EINVALID with a message", filter, kind, err)
			}
			return
		}
		cypher := "MATCH (n:" + kind.Label() + ") WHERE " + cond + " RETURN count(n)"
		for _, m := range labelRef.FindAllStringSubmatch(cypher, -1) {
			if !allowedNames[m[1]] {
				t.Fatalf("where %s on %s names %q, outside the enums:\n%s", filter, kind, m[1], cypher)
			}
		}
		if _, err := db.Explain(context.Background(), cypher, params); err != nil {
			t.Fatalf("where %s on %s: Neo4j cannot plan it: %v\n%s", filter, kind, err, cypher)
		}
	})
}

// integers types JSON numbers as gqlgen does: whole numbers as int64.
func integers(v any) any {
	switch x := v.(type) {
	case map[string]any:
		for k, c := range x {
			x[k] = integers(c)
		}
	case []any:
		for i, c := range x {
			x[i] = integers(c)
		}
	case float64:
		if x == float64(int64(x)) {
			return int64(x)
		}
	}
	return v
}
