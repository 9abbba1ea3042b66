package server_test

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/accgraph/accgraph/graph/graphtest"
	"github.com/accgraph/accgraph/server"
)

func TestLimitsRefuseBeforeNeo4j(t *testing.T) {
	a := seededAPI(t)
	deep := `{ people { edges { node { tenures { position { holders { person { tenures { position { holders { person { id } } } } } } } } } } } }`
	bomb := `{ people(first: 500) { edges { node { tenures(first: 500) { position { holders(first: 500) { person { name } } } } } } } }`
	for name, tt := range map[string]struct{ query, code string }{
		"depth 12":        {deep, "DEPTH_LIMIT_EXCEEDED"},
		"complexity bomb": {bomb, "COMPLEXITY_LIMIT_EXCEEDED"},
	} {
		before := a.db.Statements()
		r := a.query(tt.query, nil)
		if len(r.Errors) == 0 || r.Errors[0].Extensions["code"] != tt.code {
			t.Errorf("%s: %s, want %s", name, r.raw, tt.code)
		}
		if n := a.db.Statements() - before; n != 0 {
			t.Errorf("%s: %d statements reached Neo4j, want 0", name, n)
		}
	}
	r := a.query(`{ people(first: 501) { totalCount } }`, nil)
	if len(r.Errors) != 1 || r.Errors[0].Extensions["code"] != "BAD_USER_INPUT" || r.Errors[0].Extensions["argument"] != "people.first" {
		t.Errorf("first: 501 = %s, want BAD_USER_INPUT on people.first", r.raw)
	}
	r = a.query(`{ holders(position: "position:nowhere") { id } }`, nil)
	if len(r.Errors) != 1 || r.Errors[0].Extensions["code"] != "NOT_FOUND" {
		t.Errorf("holders of an unknown post = %s, want NOT_FOUND", r.raw)
	}
	r = a.query(`{ people(where: {memberships: {some: {asOf: "1988-13"}}}) { totalCount } }`, nil)
	if len(r.Errors) != 1 || r.Errors[0].Extensions["code"] != "BAD_USER_INPUT" ||
		fmt.Sprint(r.Errors[0].Path) != "[people where memberships some asOf]" {
		t.Errorf("bad date in a filter = %s, want BAD_USER_INPUT at people.where.memberships.some.asOf", r.raw)
	}
}

// TestInjectionLookingStringsAreData puts Cypher and Lucene syntax into every string
// argument: each comes back as data (nothing found) and the graph is untouched.
func TestInjectionLookingStringsAreData(t *testing.T) {
	a := seededAPI(t)
	before := graphtest.Snapshot(t)
	evil := []string{
		`person:x"}) MATCH (n) DETACH DELETE n //`,
		`') RETURN 1 UNION MATCH (n) DETACH DELETE n RETURN 1 //`,
		"`Person`) DETACH DELETE n //",
		`\u0027 OR 1=1 --`,
		`$p0`,
	}
	for _, s := range evil {
		vars := map[string]any{"s": s}
		a.ok(`query($s: String!) { search(text: $s) { entity { id } } }`, vars)
		if d := a.ok(`query($s: ID!) { entity(id: $s) { id } }`, vars); d["entity"] != nil {
			t.Errorf("entity(%q) = %v", s, d["entity"])
		}
		d := a.ok(`query($s: String!) {
		  people(where: {OR: [{name: {eq: $s}}, {name: {contains: $s}}, {alias: {startsWith: $s}}, {description: {eq: $s}},
		    {tenures: {some: {role: {eq: $s}, node: {name: {eq: $s}}}}}]}) { totalCount }
		  sources(where: {title: {eq: $s}, publisher: {contains: $s}}) { totalCount }
		}`, vars)
		if n := d["people"].(map[string]any)["totalCount"].(float64); n != 0 {
			t.Errorf("filters with %q matched %v people", s, n)
		}
		r := a.query(`query($s: ID!) { holders(position: $s) { id } }`, vars)
		if len(r.Errors) != 1 || r.Errors[0].Extensions["code"] != "NOT_FOUND" {
			t.Errorf("holders(%q) = %s", s, r.raw)
		}
		r = a.query(`query($s: String) { people(after: $s) { totalCount } }`, vars)
		if len(r.Errors) != 1 || r.Errors[0].Extensions["code"] != "BAD_USER_INPUT" {
			t.Errorf("after %q = %s", s, r.raw)
		}
	}
	if after := graphtest.Snapshot(t); after != before {
		t.Fatal("the graph changed")
	}
}

func TestReadPastItsTimeoutIsTimeout(t *testing.T) {
	a := seededAPI(t)
	a.h = (&server.Server{DB: a.db, MaxComplexity: 1 << 50, Logger: quiet}).Handler()
	a.db.SetTimeout(time.Millisecond)
	defer a.db.SetTimeout(0)
	// a cross product too large to finish in a millisecond
	r := a.query(`{ organizations(first: 500) { edges { node {
		members(first: 500) { person { tenures(first: 500) { position { holders(first: 500) { person { name } } } } } }
		mentionedIn(first: 500) { source { ... on Statement { about(first: 500) { target { name } } } } } } } } }`, nil)
	if len(r.Errors) == 0 {
		t.Skip("Neo4j finished within a millisecond; nothing to time out") // not a data test: the read itself ran
	}
	if r.Errors[0].Extensions["code"] != "TIMEOUT" || strings.Contains(r.Errors[0].Message, "Neo") {
		t.Errorf("read past its timeout = %s, want TIMEOUT without internals", r.raw)
	}
}
