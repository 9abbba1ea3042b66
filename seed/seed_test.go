package seed_test

import (
	"context"
	"errors"
	"io/fs"
	"maps"
	"os"
	"strconv"
	"strings"
	"testing"

	"github.com/accgraph/accgraph/graph"
	"github.com/accgraph/accgraph/graph/graphtest"
	"github.com/accgraph/accgraph/seed"
)

func mustSeed(t *testing.T, db *graph.DB) graph.WriteStats {
	t.Helper()
	ds, err := seed.Load(seed.Data())
	if err != nil {
		t.Fatalf("load the curated dataset: %v", err)
	}
	stats, err := db.Write(context.Background(), ds)
	if err != nil {
		t.Fatalf("write the curated dataset: %v", err)
	}
	return stats
}

func TestSeedCountsAndIdempotence(t *testing.T) {
	ctx := context.Background()
	db := graphtest.MustOpenDB(t)
	mustSeed(t, db)
	first, err := db.ReadCounts(ctx)
	if err != nil {
		t.Fatal(err)
	}
	wantLabels := map[string]int{
		"Person": 9, "Organization": 21, "Position": 7, "Event": 9, "Verdict": 1,
		"Statement": 18, "Source": 1, "Place": 8,
	}
	for label, want := range wantLabels {
		if first.Labels[label] != want {
			t.Errorf("%d %s nodes, want %d", first.Labels[label], label, want)
		}
	}
	for _, typ := range graph.RelTypes {
		if first.Types[string(typ)] == 0 {
			t.Errorf("no %s relationship in the seeded graph", typ)
		}
	}
	snapshot := graphtest.Snapshot(t)

	mustSeed(t, db)
	second, err := db.ReadCounts(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if !maps.Equal(first.Labels, second.Labels) || !maps.Equal(first.Types, second.Types) {
		t.Fatalf("counts changed on the second run:\nfirst  %v %v\nsecond %v %v", first.Labels, first.Types, second.Labels, second.Types)
	}
	if again := graphtest.Snapshot(t); again != snapshot {
		t.Fatalf("properties changed on the second run:\n%s", firstDifference(snapshot, again))
	}
}

// TestEveryFactIsCited checks the seeded graph itself, in Cypher: no entity and no
// relationship without a citation, and every quote found verbatim in its source's text.
func TestEveryFactIsCited(t *testing.T) {
	db := graphtest.MustOpenDB(t)
	mustSeed(t, db)

	uncitedNodes := graphtest.Exec(t, `
		MATCH (n) WHERE NOT n:Citation AND NOT n:SchemaMigration
		  AND NOT EXISTS { MATCH (c:Citation {about: n.id})-[:FROM_SOURCE]->(:Source) }
		RETURN n.id`, nil)
	for _, r := range uncitedNodes {
		t.Errorf("node %v has no citation", r.Values[0])
	}
	uncitedRels := graphtest.Exec(t, `
		MATCH ()-[r]->() WHERE NOT type(r) IN ['FROM_SOURCE', 'CLAIMED_BY']
		  AND NOT EXISTS { MATCH (c:Citation {about: r.id})-[:FROM_SOURCE]->(:Source) }
		RETURN type(r), r.id`, nil)
	for _, r := range uncitedRels {
		t.Errorf("%v relationship %v has no citation", r.Values[0], r.Values[1])
	}
	unclaimed := graphtest.Exec(t, `MATCH (c:Citation) WHERE NOT (c)-[:CLAIMED_BY]->() RETURN c.id`, nil)
	for _, r := range unclaimed {
		t.Errorf("citation %v says nobody claims it", r.Values[0])
	}

	quotes := graphtest.Exec(t, `
		MATCH (c:Citation)-[:FROM_SOURCE]->(s:Source) WHERE s.textFile IS NOT NULL
		RETURN s.textFile, c.quote, c.about`, nil)
	if len(quotes) < 150 {
		t.Fatalf("only %d citations point into the seed document", len(quotes))
	}
	for _, r := range quotes {
		text, err := fs.ReadFile(seed.Data(), r.Values[0].(string))
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(squash(string(text)), squash(r.Values[1].(string))) {
			t.Errorf("citation of %v: quote %q is not in %v", r.Values[2], r.Values[1], r.Values[0])
		}
	}
}

// TestAllegationsAreNotFacts: only a court's own record, claimed by that court, is
// ADJUDICATED; the article is an opposition opinion piece, so nothing resting on it is
// stronger than ALLEGED, and "involved in sentencing" is not "ordered".
func TestAllegationsAreNotFacts(t *testing.T) {
	db := graphtest.MustOpenDB(t)
	mustSeed(t, db)
	bad := graphtest.Exec(t, `
		MATCH (s:Source)<-[:FROM_SOURCE]-(c:Citation {confidence: 'ADJUDICATED'})-[:CLAIMED_BY]->(claimant)
		WHERE NOT (claimant:Organization AND claimant.kind = 'COURT' AND (s.kind = 'COURT_RECORD' OR s.publisher = claimant.name))
		RETURN c.about, s.id, claimant.id`, nil)
	for _, r := range bad {
		t.Errorf("%v is ADJUDICATED on %v, claimed by %v: not a court's own record", r.Values[0], r.Values[1], r.Values[2])
	}
	onArticle := graphtest.Exec(t, `
		MATCH (c:Citation)-[:FROM_SOURCE]->(:Source {id: 'source:ncri-factions-collaborate'})
		RETURN c.confidence AS confidence, count(*) AS n ORDER BY confidence`, nil)
	for _, r := range onArticle {
		if r.Values[0] != "ALLEGED" {
			t.Errorf("%v citations of the article are %v: an opinion piece with a stake supports at most ALLEGED", r.Values[1], r.Values[0])
		}
	}
	strong := graphtest.Exec(t, `
		MATCH (n) WHERE n.confidence IN ['ADJUDICATED', 'CONFIRMED', 'REPORTED'] RETURN n.id AS id
		UNION MATCH ()-[r]->() WHERE r.confidence IN ['ADJUDICATED', 'CONFIRMED', 'REPORTED'] RETURN r.id AS id`, nil)
	for _, r := range strong {
		t.Errorf("%v is stronger than ALLEGED on the article alone", r.Values[0])
	}
	rows := graphtest.Exec(t, `
		MATCH (p:Person)-[r:RESPONSIBLE_FOR]->(:Event {id: 'event:1988-massacre'})
		WHERE p.id IN ['person:ebrahim-raisi', 'person:alireza-avaei']
		MATCH (c:Citation {about: r.id})-[:CLAIMED_BY]->(claimant)
		RETURN p.id, r.confidence, r.role, claimant.id ORDER BY p.id`, nil)
	if len(rows) != 2 {
		t.Fatalf("%d responsibility citations of Raisi and Avaei for the 1988 massacre, want 2", len(rows))
	}
	for _, r := range rows {
		if r.Values[1] != "ALLEGED" || r.Values[2] != "IMPLICATED" || r.Values[3] != "person:mansoureh-galestan" {
			t.Errorf("%v's responsibility for the 1988 massacre = %v, want ALLEGED IMPLICATED claimed by the article's author (\"involved in sentencing\" is not ORDERED)", r.Values[0], r.Values[1:])
		}
	}
}

func TestMalformedSeedFiles(t *testing.T) {
	tests := map[string][]string{
		"missing-citation":   {"people.yaml:1: citations: missing citation: every fact needs at least one"},
		"unknown-source":     {`people.yaml:4: citations[0].source: unknown source "source:nowhere"`},
		"dangling-reference": {`people.yaml:5: links[0].target: dangling reference: no entity "org:ghost"`},
		"duplicate-id":       {`people.yaml:9: id: duplicate id "person:minister" (first defined at people.yaml:1)`},
		"unknown-kind": {`organizations.yaml:3: kind: unknown organization kind "TRIBUNAL": want one of MINISTRY, EMBASSY, ` +
			`JUDICIARY, COURT, COMMISSION, SECURITY_FORCE, INTELLIGENCE_AGENCY, POLICE, GOVERNMENT, LEGISLATURE, ` +
			`INTERGOVERNMENTAL, NGO, OPPOSITION_GROUP, MEDIA, OTHER`},
		"unknown-relationship": {`people.yaml:4: links[0].type: unknown relationship type "EMPLOYED_BY": want one of HOLDS, ` +
			`POSITION_IN, MEMBER_OF, PART_OF, RESPONSIBLE_FOR, PARTICIPATED_IN, ISSUED_BY, AGAINST, CONCERNS, STATED, ABOUT, LOCATED_IN, OCCURRED_IN`},
		"bad-date":                        {`people.yaml:6: links[0].from: bad date "1990-13": month is not 01-12 (want YYYY, YYYY-MM or YYYY-MM-DD)`},
		"to-before-from":                  {`people.yaml:7: links[0].to: to 1989 is before from 1990-05`},
		"structure-self-loop":             {`events.yaml:7: links[0].target: a relationship cannot join event:raid to itself`},
		"structure-ended-before-from":     {`people.yaml:7: links[0].endedBy: endedBy 1989 is before from 1990-05`},
		"structure-ended-before-attested": {`people.yaml:7: links[0].endedBy: endedBy 1989 is before attested 1990-05: it cannot have ended before it was attested`},
		"structure-attested-outside":      {`people.yaml:8: links[0].attested: attested 1990-05 is outside from 1985 to 1989`},
		"unknown-confidence": {`people.yaml:7: citations[0].confidence: unknown confidence "PROBABLE": want one of ` +
			`ADJUDICATED, CONFIRMED, REPORTED, ALLEGED, DISPUTED, RETRACTED`},
		"wrong-labels": {`people.yaml:4: links[0].type: HOLDS cannot join a Person to an Organization (HOLDS joins Person → Position)`},
		"unknown-field": {`people.yaml:3: born: unknown field "born" for a Person ` +
			`(allowed: id, name, aliases, description, confidence, retraction, citations, links)`},
		"invalid-yaml":       {`people.yaml:7: invalid YAML: did not find expected ',' or ']'`},
		"quote-not-verbatim": {`people.yaml:5: citations[0].quote: quote "The court acquitted the minister." not found verbatim in source:court-record (documents/judgment.txt)`},
		"stronger-than-citations": {`people.yaml:3: confidence: confidence ADJUDICATED is stronger than its citations support (ALLEGED): ` +
			`ADJUDICATED needs the court's own record: a source of kind COURT_RECORD, or one published by the court that claims it`},
		"adjudicated-by-opinion-writer": {`people.yaml:7: citations[0].confidence: confidence ADJUDICATED refused: ADJUDICATED needs the court's own ` +
			`record: a source of kind COURT_RECORD, or one published by the court that claims it; source:opinion is an ARTICLE published by ` +
			`"Opposition Weekly" (with a stake) and its claimant person:columnist is no court, so this citation supports at most ALLEGED`},
		"reported-by-a-party": {`people.yaml:7: citations[0].confidence: confidence REPORTED refused: REPORTED needs a source without a stake; ` +
			`a party's claim is ALLEGED; source:opinion has a stake, so it supports at most ALLEGED`},
		"confirmed-by-one-publisher": {`people.yaml:3: confidence: confidence CONFIRMED is stronger than its citations support (REPORTED): ` +
			`CONFIRMED needs citations from at least two sources of different publishers, none of them a party with a stake`},
		"disputed-without-dispute": {`people.yaml:3: confidence: confidence DISPUTED refused: DISPUTED needs a citation with stance DISPUTES`},
		"unknown-stance":           {`people.yaml:8: citations[0].stance: unknown stance "DENIES": want one of SUPPORTS, DISPUTES`},
		"nothing-supports":         {`people.yaml:3: citations: no citation SUPPORTS this fact: a fact needs one before another can dispute it`},
		"alias-without-provenance": {`people.yaml:5: aliases[1]: alias "The Boss" says nowhere where it comes from: give it a citation, ` +
			`or a note saying what it is ("standard Persian spelling")`},
		"alias-quote-not-verbatim": {`people.yaml:7: aliases[0].citations[0].quote: quote "the boss of the ministry" not found verbatim in source:court-record (documents/judgment.txt)`},
		"unknown-file": {`persons.yaml: unknown seed file: want one of events.yaml, organizations.yaml, people.yaml, ` +
			`places.yaml, positions.yaml, sources.yaml, statements.yaml, verdicts.yaml`},
		"many-problems": {
			`people.yaml:4: links[0].type: HOLDS cannot join a Person to an Organization (HOLDS joins Person → Position)`,
			`people.yaml:6: links[0].from: bad date "1990-13": month is not 01-12 (want YYYY, YYYY-MM or YYYY-MM-DD)`,
			`people.yaml:18: id: id "person:Bad Id" must be person:<lowercase-words-with-hyphens>`,
			`people.yaml:18: citations: missing citation: every fact needs at least one`,
		},
	}
	dirs, err := os.ReadDir("testdata")
	if err != nil {
		t.Fatal(err)
	}
	fixtures := len(dirs) - 2 // base, and fuzz (the fuzz targets' seeds)
	if fixtures != len(tests) {
		t.Fatalf("%d fixture directories besides base and fuzz, %d cases: keep them in step", fixtures, len(tests))
	}

	db := graphtest.MustOpenDB(t)
	mustSeed(t, db)
	before := graphtest.Snapshot(t)
	for name, want := range tests {
		t.Run(name, func(t *testing.T) {
			ds, err := seed.Load(fixture(t, name))
			if err == nil {
				_, err = db.Write(context.Background(), ds)
			}
			var invalid *graph.ValidationError
			if !errors.As(err, &invalid) || graph.ErrorCode(err) != graph.EINVALID {
				t.Fatalf("error = %v, want a validation error", err)
			}
			var got []string
			for _, p := range invalid.Problems {
				got = append(got, p.String())
			}
			if strings.Join(got, "\n") != strings.Join(want, "\n") {
				t.Errorf("problems:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
			}
			if after := graphtest.Snapshot(t); after != before {
				t.Fatalf("the graph changed:\n%s", firstDifference(before, after))
			}
		})
	}
	if _, err := seed.Load(fixture(t, "base")); err != nil {
		t.Fatalf("the base fixture itself must be valid: %v", err)
	}
}

// TestWriteIsAllOrNothing: a dataset that passes validation but fails inside the
// transaction (a link id already used between other nodes) leaves nothing behind.
func TestWriteIsAllOrNothing(t *testing.T) {
	db := graphtest.MustOpenDB(t)
	mustSeed(t, db)
	before := graphtest.Snapshot(t)

	ds, err := seed.Load(fixture(t, "base"))
	if err != nil {
		t.Fatal(err)
	}
	minister := &graph.Person{Base: graph.Base{ID: "person:minister", Name: "The Minister", Citations: []graph.Citation{{
		Source: "source:court-record", Quote: "He ordered the raid in May 1990.", ClaimedBy: "org:example-court", Confidence: graph.Adjudicated,
	}}}}
	ds.Entities = append(ds.Entities, minister)
	ds.Links = append(ds.Links, &graph.Link{
		ID:   "member_of:ebrahim-raisi--1988-death-commissions", // taken by Raisi's membership
		Type: graph.RelMemberOf, From: "person:minister", To: "org:example-court", Field: "links[0]",
		Citations: minister.Citations,
	})
	_, err = db.Write(context.Background(), ds)
	if err == nil {
		t.Fatal("write succeeded, want the id constraint to refuse it")
	}
	if after := graphtest.Snapshot(t); after != before {
		t.Fatalf("a failed write left changes:\n%s", firstDifference(before, after))
	}
}

func squash(s string) string { return strings.Join(strings.Fields(s), " ") }

func firstDifference(a, b string) string {
	al, bl := strings.Split(a, "\n"), strings.Split(b, "\n")
	for i := 0; i < len(al) && i < len(bl); i++ {
		if al[i] != bl[i] {
			return "before: " + al[i] + "\nafter:  " + bl[i]
		}
	}
	return "before has " + strconv.Itoa(len(al)) + " lines, after " + strconv.Itoa(len(bl))
}
