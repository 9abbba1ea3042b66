// Package sidebyside asks the same questions of accgraph, of @neo4j/graphql (the peer in
// bench/peer) and of hand-written Cypher through the Go driver (the lower bound), over
// the same Neo4j: it checks that the three give the same result sets, then measures
// them under a closed-loop load and writes the results as Markdown and JSON.
package sidebyside

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/accgraph/accgraph/graph"
)

// Params are the entities the questions ask about, picked from the generated graph.
type Params struct {
	Person, OtherPerson string // Q1, Q5
	Organization        string // Q3: one with several posts
	Event               string // Q6
	Search              string // Q4: a person's name
}

// Question is one question in the three forms. Raw Cypher returns one row with one
// column, data, shaped like the peer's answer (like accgraph's when the peer has none),
// so that one reading of each shape compares all three.
type Question struct {
	ID, Title string
	Accgraph  string // GraphQL for accgraph
	Peer      string // GraphQL for @neo4j/graphql; empty when it has no equivalent
	NoPeer    string // why there is no peer form
	Raw       string // parameterised Cypher
	Vars      func(Params) map[string]any
	PeerVars  func(Params) map[string]any // when the peer's variables differ
	// Read turns an answer into its result set: sorted rows of text. fromPeer says
	// whose shape the answer has.
	Read func(data any, fromPeer bool) []string
}

// VarsFor returns the variables of the question for the peer or for the others.
func (q *Question) VarsFor(p Params, peer bool) map[string]any {
	if peer && q.PeerVars != nil {
		return q.PeerVars(p)
	}
	return q.Vars(p)
}

// knowledgeTypes are the relationship types paths walk by default: not the citations'
// bookkeeping, nor the mentions (STATED, ABOUT), which only relTypes asks for.
const knowledgeTypes = "HOLDS|POSITION_IN|MEMBER_OF|PART_OF|RESPONSIBLE_FOR|PARTICIPATED_IN|ISSUED_BY|AGAINST|CONCERNS|LOCATED_IN|OCCURRED_IN"

// overlaps is "x is known to hold at some time of the event ev" for a dated event.
const overlaps = `(X.validFrom IS NOT NULL OR X.validTo IS NOT NULL)
  AND (X.validFrom IS NULL OR X.validFrom <= ev.validTo) AND (X.validTo IS NULL OR X.validTo >= ev.validFrom)`

func heldBy(x string) string { return strings.ReplaceAll(overlaps, "X.", x+".") }

// Questions are Q1–Q6 of the issue.
var Questions = []*Question{
	{
		ID: "Q1", Title: "entity by id with citations",
		Accgraph: `query Q1($id: ID!) { entity(id: $id) { id name aliases confidence
  citations { quote locator confidence source { id title } claimedBy { id name } } } }`,
		Peer: `query Q1($id: ID!) { people(where: {id: {eq: $id}}) { id name aliases confidence
  citations { quote locator confidence source { id title } claimedBy { id name } } } }`,
		Raw: `MATCH (n:Person {id: $id})
RETURN {people: [n {.id, .name, .aliases, .confidence,
  citations: COLLECT { MATCH (c:Citation {about: n.id})
    RETURN c {.quote, .locator, .confidence,
      source: COLLECT { MATCH (c)-[:FROM_SOURCE]->(s:Source) RETURN s {.id, .title} },
      claimedBy: COLLECT { MATCH (c)-[:CLAIMED_BY]->(e) RETURN e {.id, .name} }} }}]} AS data`,
		Vars: func(p Params) map[string]any { return map[string]any{"id": p.Person} },
		Read: func(data any, fromPeer bool) []string {
			n := get(data, "entity")
			if fromPeer {
				n = first(get(data, "people"))
			}
			var rows []string
			if n == nil {
				return rows
			}
			rows = append(rows, fmt.Sprint("entity|", get(n, "id"), "|", get(n, "name"), "|", get(n, "confidence"), "|", get(n, "aliases")))
			for _, c := range list(get(n, "citations")) {
				src, by := get(c, "source"), get(c, "claimedBy")
				if fromPeer {
					src, by = first(src), first(by)
				}
				// accgraph answers an absent locator with "", the others with null
				rows = append(rows, fmt.Sprint("citation|", get(c, "quote"), "|", text(get(c, "locator")), "|", get(c, "confidence"),
					"|", get(src, "id"), "|", get(src, "title"), "|", get(by, "id"), "|", get(by, "name")))
			}
			return sorted(rows)
		},
	},
	{
		ID: "Q2", Title: "filtered, sorted page of 50 people with totalCount",
		Accgraph: `query Q2($name: String!, $post: String!) {
  people(where: {name: {startsWith: $name}, tenures: {some: {node: {name: {startsWith: $post}}}}},
         orderBy: [{field: NAME, direction: DESC}], first: 50) {
    totalCount edges { node { id name confidence } } } }`,
		Peer: `query Q2($name: String!, $post: String!) {
  peopleConnection(where: {name: {startsWith: $name}, posts: {some: {name: {startsWith: $post}}}},
                   sort: [{name: DESC}], first: 50) {
    totalCount edges { node { id name confidence } } } }`,
		Raw: `CALL () { MATCH (n:Person) WHERE n.name STARTS WITH $name
    AND EXISTS { (n)-[:HOLDS]->(p:Position) WHERE p.name STARTS WITH $post }
  RETURN count(n) AS total }
CALL () { MATCH (n:Person) WHERE n.name STARTS WITH $name
    AND EXISTS { (n)-[:HOLDS]->(p:Position) WHERE p.name STARTS WITH $post }
  WITH n ORDER BY n.name DESC LIMIT 50
  RETURN collect({node: n {.id, .name, .confidence}}) AS edges }
RETURN {peopleConnection: {totalCount: total, edges: edges}} AS data`,
		Vars: func(Params) map[string]any { return map[string]any{"name": "Person 1", "post": "Post 1"} },
		Read: func(data any, fromPeer bool) []string {
			c := get(data, "people")
			if fromPeer {
				c = get(data, "peopleConnection")
			}
			rows := []string{fmt.Sprint("totalCount|", get(c, "totalCount"))}
			for i, e := range list(get(c, "edges")) {
				n := get(e, "node")
				rows = append(rows, fmt.Sprintf("%03d|%v|%v|%v", i, get(n, "id"), get(n, "name"), get(n, "confidence")))
			}
			return rows // the order is part of the answer
		},
	},
	{
		ID: "Q3", Title: "3-level nested: organization → posts → holders → their posts",
		Accgraph: `query Q3($id: ID!) { entity(id: $id) { id name ... on Organization {
  positions(first: 50) { source { id name ... on Position {
    holders(first: 50) { person { id name tenures(first: 5) { position { id name } } } } } } } } } }`,
		Peer: `query Q3($id: ID!) { organizations(where: {id: {eq: $id}}) { id name
  positions(limit: 50) { id name holders(limit: 50) { id name posts(limit: 5) { id name } } } } }`,
		Raw: `MATCH (o:Organization {id: $id})
RETURN {organizations: [o {.id, .name,
  positions: COLLECT { MATCH (o)<-[:POSITION_IN]-(p:Position) RETURN p {.id, .name,
    holders: COLLECT { MATCH (p)<-[:HOLDS]-(h:Person) RETURN h {.id, .name,
      posts: COLLECT { MATCH (h)-[:HOLDS]->(q:Position) RETURN q {.id, .name} }} }} }}]} AS data`,
		Vars: func(p Params) map[string]any { return map[string]any{"id": p.Organization} },
		Read: func(data any, fromPeer bool) []string {
			o := get(data, "entity")
			if fromPeer {
				o = first(get(data, "organizations"))
			}
			rows := []string{fmt.Sprint("organization|", get(o, "id"), "|", get(o, "name"))}
			for _, p := range list(get(o, "positions")) {
				holders := get(p, "holders")
				if !fromPeer {
					p = get(p, "source")
					holders = get(p, "holders")
				}
				rows = append(rows, fmt.Sprint("post|", get(p, "id"), "|", get(p, "name")))
				for _, h := range list(holders) {
					posts := get(h, "posts")
					if !fromPeer {
						h = get(h, "person")
						posts = get(h, "tenures")
					}
					rows = append(rows, fmt.Sprint("holder|", get(p, "id"), "|", get(h, "id"), "|", get(h, "name")))
					for _, q := range list(posts) {
						if !fromPeer {
							q = get(q, "position")
						}
						rows = append(rows, fmt.Sprint("holds|", get(h, "id"), "|", get(q, "id"), "|", get(q, "name")))
					}
				}
			}
			return sorted(rows)
		},
	},
	{
		ID: "Q4", Title: "full-text search",
		Accgraph: `query Q4($text: String!) { search(text: $text, kinds: [PERSON], first: 20) { score entity { id name } } }`,
		Peer:     `query Q4($phrase: String!) { searchPeople(phrase: $phrase, first: 20) { edges { score node { id name } } } }`,
		Raw: `CALL db.index.fulltext.queryNodes('entity_names', $phrase) YIELD node, score
WHERE node:Person AND node.confidence <> 'RETRACTED'
WITH node, score ORDER BY score DESC, node.id LIMIT 20
RETURN {searchPeople: {edges: collect({score: score, node: node {.id, .name}})}} AS data`,
		Vars: func(p Params) map[string]any {
			return map[string]any{"text": p.Search, "phrase": graph.SearchLucene(p.Search)}
		},
		PeerVars: func(p Params) map[string]any { return map[string]any{"phrase": graph.SearchLucene(p.Search)} },
		Read: func(data any, fromPeer bool) []string {
			hits, node := list(get(data, "search")), "entity"
			if fromPeer {
				hits, node = list(get(get(data, "searchPeople"), "edges")), "node"
			}
			// accgraph ranks Lucene's candidates its own way (its scores are not Lucene's)
			// and keeps those with every word in one name: compare the first hit, and the
			// set of hits when there are fewer than a page of them
			rows := []string{fmt.Sprint("hits|", len(hits))}
			for i, h := range hits {
				if i == 0 || len(hits) < 20 {
					n := get(h, node)
					rows = append(rows, fmt.Sprintf("hit|%v|%v", get(n, "id"), get(n, "name")))
				}
			}
			return sorted(rows)
		},
	},
	{
		ID: "Q5", Title: "shortest paths between two people",
		Accgraph: `query Q5($from: ID!, $to: ID!) { paths(from: $from, to: $to, maxLength: 6, limit: 10) {
  length steps { from { id } to { id } } } }`,
		NoPeer: "@neo4j/graphql generates no path queries; it would take a hand-written @cypher field, i.e. the raw Cypher below",
		Raw: `MATCH (a:Person {id: $from}), (b:Person {id: $to})
CALL (a, b) {
  MATCH p = ALL SHORTEST (a)-[r:` + knowledgeTypes + `]-{1,6}(b)
  WHERE a <> b
  RETURN p LIMIT 10 }
RETURN {paths: collect({length: length(p),
  steps: [i IN range(0, length(p) - 1) | {from: {id: nodes(p)[i].id}, to: {id: nodes(p)[i+1].id}}]})} AS data`,
		Vars: func(p Params) map[string]any { return map[string]any{"from": p.Person, "to": p.OtherPerson} },
		// which of several paths of one length come first is the search's choice: compare
		// the lengths, and that every path runs from one person to the other
		Read: func(data any, _ bool) []string {
			var rows []string
			for _, p := range list(get(data, "paths")) {
				steps := list(get(p, "steps"))
				ends := "empty"
				if len(steps) > 0 {
					ends = fmt.Sprint(get(get(steps[0], "from"), "id"), "→", get(get(steps[len(steps)-1], "to"), "id"))
				}
				rows = append(rows, fmt.Sprintf("path|%v|%d steps|%s", get(p, "length"), len(steps), ends))
			}
			return sorted(rows)
		},
	},
	{
		ID: "Q6", Title: "accountability report for an event",
		Accgraph: `query Q6($id: ID!) { accountability(subject: $id) { entries { basis role entity { id name } } } }`,
		NoPeer:   "@neo4j/graphql has no equivalent: the report is four variable-length walks with time checks, only expressible as a hand-written @cypher field",
		Raw: `MATCH (ev:Event {id: $id})
CALL (ev) {
  MATCH (x)-[r:RESPONSIBLE_FOR]->(ev) WHERE x.confidence <> 'RETRACTED'
  RETURN x AS entity, 'DIRECT' AS basis, r.role AS role
  UNION ALL
  MATCH (p:Person)-[m:MEMBER_OF]->(:Organization)-[:RESPONSIBLE_FOR]->(ev) WHERE ` + heldBy("m") + `
  RETURN p AS entity, 'MEMBER' AS basis, m.role AS role
  UNION ALL
  MATCH (o:Organization)-[:RESPONSIBLE_FOR]->(ev)
  MATCH up = (o)-[:PART_OF*0..4]->(u:Organization) WHERE all(x IN relationships(up) WHERE x.validFrom IS NULL OR x.validFrom <= ev.validTo)
  MATCH (h:Person)-[t:HOLDS]->(pos:Position)-[:POSITION_IN]->(u) WHERE ` + heldBy("t") + `
  RETURN h AS entity, 'COMMAND' AS basis, pos.name AS role
  UNION ALL
  MATCH (o:Organization)-[:RESPONSIBLE_FOR]->(ev)
  MATCH up = (o)-[:PART_OF*1..4]->(u:Organization) WHERE all(x IN relationships(up) WHERE x.validFrom IS NULL OR x.validFrom <= ev.validTo)
  RETURN u AS entity, 'INSTITUTIONAL' AS basis, null AS role
}
RETURN {accountability: {entries: collect({basis: basis, role: role, entity: entity {.id, .name}})}} AS data`,
		Vars: func(p Params) map[string]any { return map[string]any{"id": p.Event} },
		// two paths to the same person are two entries; the set of (basis, entity, role) is the answer
		Read: func(data any, _ bool) []string {
			var rows []string
			for _, e := range list(get(get(data, "accountability"), "entries")) {
				rows = append(rows, fmt.Sprint(get(e, "basis"), "|", get(get(e, "entity"), "id"), "|", get(e, "role")))
			}
			return slices.Compact(sorted(rows))
		},
	},
}

// FindQuestion returns the question with the ID given, nil when there is none.
func FindQuestion(id string) *Question {
	for _, q := range Questions {
		if q.ID == id {
			return q
		}
	}
	return nil
}

// Pick chooses, deterministically, entities the questions have something to say about.
func Pick(ctx context.Context, raw *Cypher) (Params, error) {
	p := Params{Person: "person:gen-42", Search: "Person 4711"}
	pick := func(what, cypher string) (string, error) {
		q := &Question{ID: what, Raw: cypher, Vars: func(Params) map[string]any { return map[string]any{"person": p.Person} }}
		v, err := raw.Ask(ctx, q, p)
		if s, ok := v.(string); ok || err != nil {
			return s, err
		}
		return "", fmt.Errorf("no %s in the graph: generate it first", what)
	}
	var err error
	// a name with a four-digit number where the graph has one, for many close matches
	if p.Search, err = pick("name", `OPTIONAL MATCH (n:Person {id: 'person:gen-4711'})
RETURN coalesce(n.name, 'Person 42') AS data`); err != nil {
		return p, err
	}
	// a person six steps away along posts and organizations
	if p.OtherPerson, err = pick("other person", `MATCH (a:Person {id: $person})
MATCH p = SHORTEST 1 (a)-[:HOLDS|POSITION_IN|PART_OF]-{6}(b:Person) WHERE b <> a
RETURN b.id AS data ORDER BY b.id LIMIT 1`); err != nil {
		return p, err
	}
	// an organization with several posts, not one of the giants of the power law
	if p.Organization, err = pick("organization", `MATCH (o:Organization)
WITH o, COUNT { (o)<-[:POSITION_IN]-(:Position) } AS posts WHERE posts >= 5 AND posts <= 20
RETURN o.id AS data ORDER BY posts DESC, o.id LIMIT 1`); err != nil {
		return p, err
	}
	if p.Event, err = pick("event", `MATCH (o:Organization)-[:RESPONSIBLE_FOR]->(ev:Event)
WHERE COUNT { (o)<-[:POSITION_IN]-(:Position) } >= 5 AND COUNT { (o)<-[:POSITION_IN]-(:Position) } <= 20
  AND EXISTS { (o)-[:PART_OF]->() }
RETURN ev.id AS data ORDER BY ev.id LIMIT 1`); err != nil {
		return p, err
	}
	return p, nil
}

// get reads a field of a JSON object; nil when v is not an object.
func get(v any, key string) any {
	m, _ := v.(map[string]any)
	return m[key]
}

// list reads a JSON array; nil when v is not one.
func list(v any) []any {
	l, _ := v.([]any)
	return l
}

func first(v any) any {
	if l := list(v); len(l) > 0 {
		return l[0]
	}
	return nil
}

// text reads a string that may be null; null reads as "".
func text(v any) string {
	s, _ := v.(string)
	return s
}

func num(v any) float64 {
	f, _ := v.(float64)
	return f
}

func sorted(rows []string) []string {
	slices.Sort(rows)
	return rows
}
