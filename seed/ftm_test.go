package seed_test

import (
	"context"
	"slices"
	"strings"
	"testing"

	"github.com/accgraph/accgraph/graph/graphtest"
	"github.com/accgraph/accgraph/seed"
)

// ftmFixture covers every schema the importer maps, a delta line, and one bad line of
// each kind (lines 17 to 20).
const ftmFixture = `{"id": "p1", "schema": "Person", "caption": "Ali Example", "datasets": ["test_pep"], "properties": {"name": ["Ali Example"], "alias": ["A. Example"], "weakAlias": ["Ali"], "previousName": ["Ali Sample"]}}
{"id": "pb1", "schema": "PublicBody", "caption": "Supreme Court of Examplia", "datasets": ["test_pep"], "properties": {"name": ["Supreme Court of Examplia"], "topics": ["gov.judicial"]}}
{"id": "o1", "schema": "Organization", "caption": "Example Party", "datasets": ["test_pep"], "properties": {"name": ["Example Party"]}}
{"id": "c1", "schema": "Company", "caption": "Example Trading LLC", "datasets": ["test_pep"], "properties": {"name": ["Example Trading LLC"]}}
{"id": "le1", "schema": "LegalEntity", "caption": "Example Foundation", "datasets": ["test_pep"], "properties": {"name": ["Example Foundation"]}}
{"id": "pos1", "schema": "Position", "caption": "Chief Justice of Examplia", "datasets": ["test_pep"], "properties": {"name": ["Chief Justice of Examplia"], "organization": ["pb1"]}}
{"id": "occ1", "schema": "Occupancy", "datasets": ["test_pep"], "properties": {"holder": ["p1"], "post": ["pos1"], "startDate": ["2019-03-07"], "endDate": ["2021-06"]}}
{"id": "m1", "schema": "Membership", "datasets": ["test_pep"], "properties": {"member": ["p1"], "organization": ["o1"], "role": ["chair"]}}
{"id": "e1", "schema": "Employment", "datasets": ["test_pep"], "properties": {"employee": ["p1"], "employer": ["c1"]}}
{"id": "d1", "schema": "Directorship", "datasets": ["test_pep"], "properties": {"director": ["p1"], "organization": ["le1"], "role": ["board member"]}}
{"id": "cc1", "schema": "CourtCase", "caption": "Examplia v. Example", "datasets": ["test_courts"], "properties": {"name": ["Examplia v. Example"], "closeDate": ["2022-05-01"]}}
{"id": "ccp1", "schema": "CourtCaseParty", "datasets": ["test_courts"], "properties": {"case": ["cc1"], "party": ["p1"], "role": ["defendant, convicted"]}}
{"id": "s1", "schema": "Sanction", "datasets": ["test_sanctions"], "properties": {"entity": ["p1"], "authority": ["Office of Example Sanctions"], "program": ["EX-HR"], "reason": ["Responsible for serious human rights abuses."], "startDate": ["2022-01-15"]}}
{"id": "ev1", "schema": "Event", "caption": "Examplia protests", "datasets": ["test_pep"], "properties": {"name": ["Examplia protests"], "date": ["2019-11"]}}
{"id": "a1", "schema": "Address", "caption": "Capital City, Examplia", "datasets": ["test_pep"], "properties": {"full": ["Capital City, Examplia"], "country": ["xe"]}}
{"op": "ADD", "entity": {"id": "p2", "schema": "Person", "caption": "Bea Example", "datasets": ["test_pep"], "properties": {"name": ["Bea Example"]}}}
{"id": "broken", "schema": "Person"
{"id": "x1", "schema": "Vessel", "properties": {"x": ["y"]}}
{"schema": "Person", "properties": {"name": ["No Id"]}}
{"id": "x2", "schema": "Person", "properties": {"name": "not a list"}}
{"op": "DEL", "entity": {"id": "gone", "schema": "Person", "properties": {}}}
`

func parseFixture(t *testing.T, text string) ([]seed.FtMEntity, []string) {
	t.Helper()
	var entities []seed.FtMEntity
	var p []string
	err := seed.ParseFtM(strings.NewReader(text),
		func(e seed.FtMEntity) error { entities = append(entities, e); return nil },
		func(pr seed.FtMProblem) error { p = append(p, pr.String()); return nil })
	if err != nil {
		t.Fatal(err)
	}
	return entities, p
}

func TestParseFtM(t *testing.T) {
	entities, problems := parseFixture(t, ftmFixture+`{"op": "MOD", "entity": {"id": "p2", "schema": "Person", "properties": {"name": ["Bea Example"]}}}
{"op": "DEL", "entity": {"id": "p2"}}
{"op": "UPSERT", "entity": {"id": "p2"}}
{"id": "bad-utf8", "schema": "Person", "properties": {"name": ["`+"\xff"+`"]}}
{"id": "bad-url", "schema": "Person", "properties": {"name": ["Cy Example"], "sourceUrl": ["javascript:alert(1)"]}}
`)
	if len(entities) != 19 || entities[17].Op != "MOD" || entities[18].Op != "DEL" || entities[18].ID != "p2" {
		t.Errorf("%d entities, want 19 with a MOD and a DEL by id alone", len(entities))
	}
	want := []string{
		"line 17: invalid JSON: unexpected end of JSON input",
		`line 18: properties.x: Vessel has no property "x"`,
		"line 19: id: missing id",
		"line 20: properties.name: not a list of strings",
		`line 24: op: unknown op "UPSERT": want ADD, MOD or DEL`,
		"line 25: invalid UTF-8 at byte 64",
		`line 26: properties.sourceUrl: "javascript:alert(1)" is not an http or https URL`,
	}
	if !slices.Equal(problems, want) {
		t.Errorf("problems:\n%s\nwant:\n%s", strings.Join(problems, "\n"), strings.Join(want, "\n"))
	}
}

func TestImportFtM(t *testing.T) {
	ctx := context.Background()
	db := graphtest.MustOpenDB(t)
	for run := 1; run <= 2; run++ {
		if _, problems, err := (&seed.Importer{DB: db, By: "test"}).FtM(ctx, "fixture.jsonl", strings.NewReader(goodLines())); err != nil || len(problems) > 0 {
			t.Fatalf("run %d: %v %v", run, err, problems)
		}
	}
	counts, _ := db.ReadCounts(ctx)
	wantLabels := map[string]int{"Person": 2, "Organization": 5, "Position": 1, "Verdict": 1, "Event": 2, "Place": 1, "Source": 3}
	for l, n := range wantLabels {
		if counts.Labels[l] != n {
			t.Errorf("%d %s after two imports, want %d", counts.Labels[l], l, n)
		}
	}
	wantTypes := map[string]int{"HOLDS": 1, "MEMBER_OF": 3, "POSITION_IN": 1, "AGAINST": 1, "PARTICIPATED_IN": 1}
	for ty, n := range wantTypes {
		if counts.Types[ty] != n {
			t.Errorf("%d %s after two imports, want %d", counts.Types[ty], ty, n)
		}
	}
	rows := graphtest.Exec(t, `MATCH (p:Person {id: 'person:ftm-p1'})-[h:HOLDS]->(:Position)-[:POSITION_IN]->(o:Organization)
		RETURN p.aliases, h.from, h.to, o.kind`, nil)
	if len(rows) != 1 || !slices.Equal(toStrings(rows[0].Values[0]), []string{"A. Example", "Ali Sample"}) ||
		rows[0].Values[1] != "2019-03-07" || rows[0].Values[2] != "2021-06" || rows[0].Values[3] != "JUDICIARY" {
		t.Errorf("Ali's tenure = %v", rows)
	}
	rows = graphtest.Exec(t, `MATCH (:Person {id: 'person:ftm-p1'})-[:PARTICIPATED_IN]->(s:Event {kind: 'SANCTION'})
		MATCH (c:Citation {about: s.id})-[:CLAIMED_BY]->(auth) RETURN c.quote, auth.name, c.confidence, s.from`, nil)
	if len(rows) != 1 || rows[0].Values[0] != "Responsible for serious human rights abuses." ||
		rows[0].Values[1] != "Office of Example Sanctions" || rows[0].Values[2] != "REPORTED" || rows[0].Values[3] != "2022-01-15" {
		t.Errorf("the sanction's citation = %v", rows)
	}
	rows = graphtest.Exec(t, `MATCH (:Verdict)-[a:AGAINST]->(:Person {id: 'person:ftm-p1'}) RETURN a.outcome`, nil)
	if len(rows) != 1 || rows[0].Values[0] != "defendant, convicted" {
		t.Errorf("the court case party = %v", rows)
	}
	rows = graphtest.Exec(t, `MATCH (a:Place {id: 'place:ftm-a1'}) RETURN a.name, a.country`, nil)
	if len(rows) != 1 || rows[0].Values[0] != "Capital City, Examplia" || rows[0].Values[1] != "XE" {
		t.Errorf("the address = %v", rows)
	}
}
