package seed_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/accgraph/accgraph/graph/graphtest"
	"github.com/accgraph/accgraph/seed"
)

// TestFtMExportLeavesOutRetracted: what a DEL line retracted is not in an FtM export
// (an OpenSanctions export is the current list), so importing the export does not
// bring it back; what pointed at a retracted entity is left out with it.
func TestFtMExportLeavesOutRetracted(t *testing.T) {
	ctx := context.Background()
	db := graphtest.MustOpenDB(t)
	im := &seed.Importer{DB: db, By: "test"}
	if _, _, err := im.FtM(ctx, "fixture.jsonl", strings.NewReader(goodLines())); err != nil {
		t.Fatal(err)
	}
	delta := `{"op": "DEL", "entity": {"id": "p2"}}
{"op": "DEL", "entity": {"id": "m1"}}
{"op": "DEL", "entity": {"id": "cc1"}}
`
	if _, problems, err := im.FtM(ctx, "delta.jsonl", strings.NewReader(delta)); err != nil || len(problems) > 0 {
		t.Fatalf("delta: %v %v", err, problems)
	}
	out := filepath.Join(t.TempDir(), "out.ftm.jsonl")
	left, err := seed.ExportReport(ctx, db, "ftm", out, nil)
	if err != nil {
		t.Fatal(err)
	}
	data, _ := os.ReadFile(out)
	for _, id := range []string{"p2", "m1", "cc1", "ccp1"} { // ccp1: the party of the retracted case
		if strings.Contains(string(data), `"id":"`+id+`"`) {
			t.Errorf("the export has the retracted %s", id)
		}
	}
	if !strings.Contains(strings.Join(left, "\n"), "retracted") {
		t.Errorf("the export did not say it left out what was retracted: %q", left)
	}
	db = graphtest.MustOpenDB(t)
	if _, problems, err := (&seed.Importer{DB: db, By: "test"}).FtM(ctx, "out.jsonl", strings.NewReader(string(data))); err != nil || len(problems) > 0 {
		t.Fatalf("re-import: %v %v", err, problems)
	}
	rows := graphtest.Exec(t, `MATCH (n) WHERE n.id IN ['person:ftm-p2', 'verdict:ftm-cc1'] RETURN n.id`, nil)
	rows = append(rows, graphtest.Exec(t, `MATCH ()-[r]->() WHERE r.id IN ['member_of:ftm-m1', 'against:ftm-ccp1'] RETURN r.id`, nil)...)
	if len(rows) > 0 {
		t.Errorf("re-importing the export revived %v", rows)
	}
	rows = graphtest.Exec(t, `MATCH (p:Person {id: 'person:ftm-p1'}) RETURN p.name`, nil)
	if len(rows) != 1 {
		t.Errorf("the live person is missing from the export: %v", rows)
	}
}

// TestFtMExportOfTheCuratedGraph: the curated graph exported as FtM passes
// followthemoney's validation (ids included), holds every entity and relationship FtM
// can carry (relationships with no FtM schema as UnknownLink), says what it left out, and
// imports into an empty graph as the same entities and relationships, under the same ids.
func TestFtMExportOfTheCuratedGraph(t *testing.T) {
	ctx := context.Background()
	db := graphtest.MustOpenDB(t)
	mustSeed(t, db)
	shape := func() (string, string) {
		nodes := graphtest.Exec(t, `MATCH (n) WHERE n:Person OR n:Organization OR n:Position OR n:Event OR n:Place OR n:Verdict
			RETURN head(labels(n)) + ' ' + n.id + ' ' + n.name AS l ORDER BY l`, nil)
		rels := graphtest.Exec(t, `MATCH (a)-[r]->(b) WHERE NOT type(r) IN ['FROM_SOURCE', 'CLAIMED_BY', 'ABOUT', 'STATED']
			RETURN type(r) + ' ' + r.id + ' ' + a.id + ' ' + b.id + ' ' + coalesce(r.role, '') + coalesce(r.outcome, '') AS l ORDER BY l`, nil)
		var n, r []string
		for _, x := range nodes {
			n = append(n, x.Values[0].(string))
		}
		for _, x := range rels {
			r = append(r, x.Values[0].(string))
		}
		return strings.Join(n, "\n"), strings.Join(r, "\n")
	}
	nodesBefore, relsBefore := shape()
	out := filepath.Join(t.TempDir(), "curated.ftm.jsonl")
	left, err := seed.ExportReport(ctx, db, "ftm", out, nil)
	if err != nil {
		t.Fatal(err)
	}
	if refused := seed.FtMLibrary(t, "validate", out); len(refused) > 0 {
		t.Errorf("followthemoney refuses the export:\n%s", refused)
	}
	report := strings.Join(left, "\n")
	for _, w := range []string{"left out 18 statements", "left out 41 ABOUT relationships", "left out 17 STATED relationships"} {
		if !strings.Contains(report, w) {
			t.Errorf("the export's report lacks %q:\n%s", w, report)
		}
	}
	data, _ := os.ReadFile(out)
	db = graphtest.MustOpenDB(t)
	if _, problems, err := (&seed.Importer{DB: db, By: "test"}).FtM(ctx, "curated.ftm.jsonl", strings.NewReader(string(data))); err != nil || len(problems) > 0 {
		t.Fatalf("re-import: %v %v", err, problems)
	}
	nodesAfter, relsAfter := shape()
	if nodesAfter != nodesBefore {
		t.Errorf("the entities changed:\n%s", diffLines(nodesBefore, nodesAfter))
	}
	if relsAfter != relsBefore {
		t.Errorf("the relationships changed:\n%s", diffLines(relsBefore, relsAfter))
	}
}

// TestFtMSanctionOfAnEarlierFileIsNamedPlainly: a sanction whose entity came in an
// earlier file is not named after the raw id as if it were a name.
func TestFtMSanctionOfAnEarlierFileIsNamedPlainly(t *testing.T) {
	ctx := context.Background()
	db := graphtest.MustOpenDB(t)
	im := &seed.Importer{DB: db, By: "test"}
	for name, file := range map[string]string{
		"1-entities.jsonl": `{"id": "fe-owner-1", "schema": "Person", "datasets": ["x"], "properties": {"name": ["Fe Owner"]}}` + "\n",
	} {
		if _, problems, err := im.FtM(ctx, name, strings.NewReader(file)); err != nil || len(problems) > 0 {
			t.Fatalf("%s: %v %v", name, err, problems)
		}
	}
	if _, problems, err := im.FtM(ctx, "2-sanctions.jsonl", strings.NewReader(`{"id": "fe-s1", "schema": "Sanction", "datasets": ["x"], "properties": {"entity": ["fe-owner-1"]}}`+"\n")); err != nil || len(problems) > 0 {
		t.Fatalf("sanctions: %v %v", err, problems)
	}
	rows := graphtest.Exec(t, `MATCH (s:Event {kind: 'SANCTION'}) RETURN s.name`, nil)
	if len(rows) != 1 || rows[0].Values[0] != "Sanction listing of the entity with FtM id fe-owner-1" {
		t.Errorf("the sanction's name = %v", rows)
	}
}
