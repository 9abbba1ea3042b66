package seed_test

import (
	"context"
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/accgraph/accgraph/graph/graphtest"
	"github.com/accgraph/accgraph/seed"
)

func TestImporterDeltasAndReferents(t *testing.T) {
	ctx := context.Background()
	db := graphtest.MustOpenDB(t)
	im := &seed.Importer{DB: db, By: "test"}
	if _, _, err := im.FtM(ctx, "fixture.jsonl", strings.NewReader(goodLines())); err != nil {
		t.Fatal(err)
	}
	delta := `{"op": "DEL", "entity": {"id": "p2", "schema": "Person", "properties": {}}}
{"op": "DEL", "entity": {"id": "never-there", "schema": "Person", "properties": {}}}
{"id": "p3", "schema": "Person", "caption": "Ali Example", "datasets": ["test_pep"], "referents": ["p1", "p-older"], "properties": {"name": ["Ali Example"]}}
`
	_, problems, err := im.FtM(ctx, "delta.jsonl", strings.NewReader(delta))
	if err != nil || len(problems) != 1 || !strings.Contains(problems[0].String(), `line 2: DEL never-there: no entity or relationship imported with this FtM id`) {
		t.Fatalf("delta = %v, %v", problems, err)
	}
	rows := graphtest.Exec(t, "MATCH (p:Person {id: 'person:ftm-p2'}) RETURN p.confidence, p.retraction", nil)
	if len(rows) != 1 || rows[0].Values[0] != "RETRACTED" || !strings.Contains(rows[0].Values[1].(string), "DEL line in delta.jsonl") {
		t.Errorf("the deleted person = %v", rows)
	}
	if rows := graphtest.Exec(t, "MATCH (p:Person {id: 'person:ftm-p1'}) RETURN p", nil); len(rows) != 0 {
		t.Error("the referent p1 was not merged into p3")
	}
	rows = graphtest.Exec(t, "MATCH (:Person {id: 'person:ftm-p3'})-[h:HOLDS]->() RETURN count(h)", nil)
	if rows[0].Values[0] != int64(1) {
		t.Errorf("p1's tenure did not move to p3: %v", rows)
	}
	rows = graphtest.Exec(t, "MATCH (r:Redirect) RETURN r.from, r.to ORDER BY r.from", nil)
	if len(rows) != 2 || rows[0].Values[0] != "person:ftm-p-older" || rows[1].Values[0] != "person:ftm-p1" || rows[1].Values[1] != "person:ftm-p3" {
		t.Errorf("redirects = %v", rows)
	}
}

func TestImporterDeltasFragmentsAndAuthorities(t *testing.T) {
	ctx := context.Background()
	db := graphtest.MustOpenDB(t)
	im := &seed.Importer{DB: db, By: "test", Batch: 2}
	// fragments of one entity on several lines, across batches, merged as FtM merges them
	first := `{"id": "NK-1", "schema": "LegalEntity", "datasets": ["ua_gur"], "first_seen": "2022-03-01T00:00:00", "last_seen": "2024-01-01T00:00:00", "properties": {"name": ["Ivan Petrenko"]}}
{"id": "other", "schema": "Person", "datasets": ["ua_sbu"], "properties": {"name": ["Other Person"]}}
{"id": "NK-1", "schema": "Person", "datasets": ["ua_sbu"], "properties": {"name": ["Іван Петренко"], "birthDate": ["1970"]}}
{"id": "s-gur", "schema": "Sanction", "datasets": ["ua_gur"], "properties": {"entity": ["NK-1"], "authority": ["ГУР МО України"], "sourceUrl": ["https://example.org/gur/1"]}}
{"id": "s-sbu", "schema": "Sanction", "datasets": ["ua_sbu"], "properties": {"entity": ["other"], "authority": ["Служба безпеки України"], "reason": ["Financing."]}}
{"id": "assoc-0", "schema": "Associate", "datasets": ["ua_sbu"], "properties": {"person": ["NK-1"], "associate": ["other"]}}
`
	if _, problems, err := im.FtM(ctx, "first.jsonl", strings.NewReader(first)); err != nil || len(problems) > 0 {
		t.Fatalf("first: %v %v", err, problems)
	}
	id := seed.AccgraphID("Person", "NK-1")
	rows := graphtest.Exec(t, `MATCH (p:Person {id: $id}) RETURN p.name, p.aliases, p.ftm`, map[string]any{"id": id})
	if len(rows) != 1 || rows[0].Values[0] != "Ivan Petrenko" || !slices.Equal(toStrings(rows[0].Values[1]), []string{"Іван Петренко"}) {
		t.Fatalf("the merged fragments = %v", graphtest.Exec(t, "MATCH (p) WHERE p.name STARTS WITH 'Ivan' RETURN p.id, p.name, p.aliases, labels(p)", nil)[0].Values)
	}
	merged, err := seed.ReadFtMJSON(rows[0].Values[2].(string))
	if err != nil || merged.ID != "NK-1" || merged.Schema != "Person" || !slices.Equal(merged.Datasets, []string{"ua_gur", "ua_sbu"}) ||
		merged.FirstSeen != "2022-03-01T00:00:00" || !slices.Equal(merged.Properties["birthDate"], []string{"1970"}) {
		t.Errorf("the merged FtM entity = %+v, %v", merged, err)
	}
	// a citation per dataset; the sanction without a reason has no quote, its locator the sourceUrl
	rows = graphtest.Exec(t, `MATCH (c:Citation {about: $id})-[:FROM_SOURCE]->(s) RETURN s.publisher, c.quote, c.accessed ORDER BY s.publisher`, map[string]any{"id": id})
	if len(rows) != 2 || rows[0].Values[0] != "ua_gur" || rows[1].Values[0] != "ua_sbu" || rows[0].Values[2] != "2024-01-01" {
		t.Errorf("the citations of the merged person = %v", rows)
	}
	rows = graphtest.Exec(t, `MATCH (s:Event {kind: 'SANCTION'}) MATCH (c:Citation {about: s.id})-[:CLAIMED_BY]->(a)
		RETURN a.id, a.name, c.quote, c.locator ORDER BY a.name`, nil)
	if len(rows) != 2 || rows[0].Values[1] != "ГУР МО України" || rows[1].Values[1] != "Служба безпеки України" || rows[0].Values[0] == rows[1].Values[0] ||
		(rows[0].Values[2] != nil && rows[0].Values[2] != "") || rows[0].Values[3] != "https://example.org/gur/1" || rows[1].Values[2] != "Financing." {
		for _, r := range rows {
			t.Errorf("the two authorities: %v", r.Values)
		}
	}

	// a delta file: MOD replaces, DEL by id alone retracts, a reference to an entity of the
	// first file resolves against the graph
	delta := `{"op": "MOD", "entity": {"id": "other", "schema": "Person", "datasets": ["ua_sbu"], "properties": {"name": ["Other Person Renamed"]}}}
{"op": "DEL", "entity": {"id": "s-sbu"}}
{"op": "ADD", "entity": {"id": "fam1", "schema": "Family", "datasets": ["ua_sbu"], "properties": {"person": ["NK-1"], "relative": ["other"], "relationship": ["brother"]}}}
{"op": "DEL", "entity": {"id": "never-there"}}
{"op": "DEL", "entity": {"id": "assoc-0"}}
`
	_, problems, err := im.FtM(ctx, "delta.jsonl", strings.NewReader(delta))
	if err != nil || len(problems) != 1 || problems[0].String() != "line 4: DEL never-there: no entity or relationship imported with this FtM id" {
		t.Fatalf("delta: %v %v", err, problems)
	}
	rows = graphtest.Exec(t, `MATCH (p:Person {id: $id})-[f:FAMILY_OF]->(o:Person) RETURN f.role, o.name`, map[string]any{"id": id})
	if len(rows) != 1 || rows[0].Values[0] != "brother" || rows[0].Values[1] != "Other Person Renamed" {
		t.Errorf("the family link to an entity of the earlier file = %v", rows)
	}
	rows = graphtest.Exec(t, `MATCH (s:Event {id: $id}) RETURN s.confidence, s.retraction`, map[string]any{"id": seed.AccgraphID("Sanction", "s-sbu")})
	if len(rows) != 1 || rows[0].Values[0] != "RETRACTED" || !strings.Contains(rows[0].Values[1].(string), "DEL line in delta.jsonl") {
		t.Errorf("the deleted sanction = %v", rows)
	}
	rows = graphtest.Exec(t, `MATCH ()-[r:ASSOCIATE_OF]->() RETURN r.confidence, r.ftm`, nil)
	if len(rows) != 1 || rows[0].Values[0] != "RETRACTED" || !strings.Contains(fmt.Sprint(rows[0].Values[1]), `"id":"assoc-0"`) {
		t.Errorf("the deleted relationship, which keeps its FtM entity for export = %v", rows)
	}
}

func TestImporterResumedAppliesTheDeletesItSkips(t *testing.T) {
	ctx := context.Background()
	db := graphtest.MustOpenDB(t)
	var lines []string
	for i := range 6 {
		lines = append(lines, fmt.Sprintf(`{"id": "p%d", "schema": "Person", "datasets": ["x"], "properties": {"name": ["P %d"]}}`, i, i))
	}
	lines = slices.Insert(lines, 2, `{"op": "DEL", "entity": {"id": "p0"}}`)
	file := strings.Join(lines, "\n") + "\n"
	im := &seed.Importer{DB: db, By: "test", Batch: 1, Checkpoint: filepath.Join(t.TempDir(), "del.checkpoint")}
	if _, _, err := im.FtM(ctx, "del.jsonl", &failingReader{r: strings.NewReader(file), lines: 5}); err == nil {
		t.Fatal("the interrupted import did not fail")
	}
	im.Resume = true
	if _, problems, err := im.FtM(ctx, "del.jsonl", strings.NewReader(file)); err != nil || len(problems) > 0 {
		t.Fatalf("resume: %v %v", err, problems)
	}
	rows := graphtest.Exec(t, "MATCH (p:Person {name: 'P 0'}) RETURN p.confidence", nil)
	if len(rows) != 1 || rows[0].Values[0] != "RETRACTED" {
		t.Errorf("the DEL line before the checkpoint was not applied: %v", rows)
	}
}
