package seed_test

import (
	"bufio"
	"context"
	"encoding/csv"
	"encoding/json"
	"encoding/xml"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/accgraph/accgraph/graph"
	"github.com/accgraph/accgraph/graph/graphtest"
	"github.com/accgraph/accgraph/seed"
)

func TestExportFormats(t *testing.T) {
	ctx := context.Background()
	db := graphtest.MustOpenDB(t)
	mustSeed(t, db)
	counts, _ := db.ReadCounts(ctx)
	nodes := 0
	for _, l := range []string{"Person", "Organization", "Position", "Event", "Verdict", "Statement", "Source", "Place", "Citation"} {
		nodes += counts.Labels[l]
	}
	rels := 0
	for _, n := range counts.Types {
		rels += n
	}
	dir := t.TempDir()

	// jsonl: one valid object per node and relationship
	if err := seed.Export(ctx, db, "jsonl", filepath.Join(dir, "g.jsonl"), nil); err != nil {
		t.Fatal(err)
	}
	f, _ := os.Open(filepath.Join(dir, "g.jsonl"))
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	lines := map[string]int{}
	var raisi map[string]any
	for sc.Scan() {
		var rec map[string]any
		if err := json.Unmarshal(sc.Bytes(), &rec); err != nil {
			t.Fatalf("not JSON: %s", sc.Text())
		}
		lines[rec["type"].(string)]++
		if p, _ := rec["properties"].(map[string]any); p["id"] == "person:ebrahim-raisi" {
			raisi = p
		}
	}
	f.Close()
	if lines["node"] != nodes || lines["relationship"] != rels {
		t.Errorf("jsonl = %v, want %d nodes and %d relationships", lines, nodes, rels)
	}
	if raisi == nil || !strings.Contains(strings.Join(toStrings(raisi["aliases"]), ","), "ابراهیم رئیسی") {
		t.Errorf("Raisi in jsonl = %v", raisi)
	}

	// jsonl round trip: exported, emptied, imported back, the same graph
	jsonlBefore := graphtest.Snapshot(t)
	graphtest.MustOpenDB(t)
	f, _ = os.Open(filepath.Join(dir, "g.jsonl"))
	n, r, err := seed.ImportJSONL(ctx, db, "g.jsonl", f)
	f.Close()
	if err != nil || n != nodes || r != rels {
		t.Fatalf("import jsonl = %d nodes, %d relationships, %v", n, r, err)
	}
	if graphtest.Snapshot(t) != jsonlBefore {
		t.Error("the JSON lines round trip changed the graph")
	}
	if _, _, err := seed.ImportJSONL(ctx, db, "bad.jsonl", strings.NewReader(`{"type":"node","labels":["APIKey"],"properties":{}}`)); err == nil {
		t.Error("a node of a label outside the knowledge graph was imported")
	}

	// ftm: the curated graph, mapped to FollowTheMoney, reads back without a problem
	if err := seed.Export(ctx, db, "ftm", filepath.Join(dir, "g.ftm"), nil); err != nil {
		t.Fatal(err)
	}
	f, _ = os.Open(filepath.Join(dir, "g.ftm"))
	schemas := map[string]int{}
	err = seed.ParseFtM(f, func(e seed.FtMEntity) error { schemas[e.Schema]++; return nil },
		func(p seed.FtMProblem) error { t.Errorf("ftm export: %s", p); return nil })
	f.Close()
	if err != nil || schemas["Person"] != 9 || schemas["Occupancy"] != 7 || schemas["CourtCaseParty"] != 1 {
		t.Errorf("ftm export = %v, %v", schemas, err)
	}

	// csv: nodes.csv and edges.csv with headers
	if err := seed.Export(ctx, db, "csv", filepath.Join(dir, "csv"), nil); err != nil {
		t.Fatal(err)
	}
	for name, want := range map[string]int{"nodes.csv": nodes + 1, "edges.csv": rels + 1} {
		f, _ := os.Open(filepath.Join(dir, "csv", name))
		rows, err := csv.NewReader(f).ReadAll()
		f.Close()
		if err != nil || len(rows) != want {
			t.Errorf("%s: %d rows, %v; want %d", name, len(rows), err, want)
		}
	}

	// graphml: well-formed, with the GraphML structure, every edge between exported nodes
	if err := seed.Export(ctx, db, "graphml", filepath.Join(dir, "g.graphml"), nil); err != nil {
		t.Fatal(err)
	}
	raw, _ := os.ReadFile(filepath.Join(dir, "g.graphml"))
	var doc struct {
		XMLName xml.Name `xml:"http://graphml.graphdrawing.org/xmlns graphml"`
		Keys    []struct {
			ID  string `xml:"id,attr"`
			For string `xml:"for,attr"`
		} `xml:"key"`
		Graph struct {
			Nodes []struct {
				ID   string `xml:"id,attr"`
				Data []struct {
					Key   string `xml:"key,attr"`
					Value string `xml:",chardata"`
				} `xml:"data"`
			} `xml:"node"`
			Edges []struct {
				Source string `xml:"source,attr"`
				Target string `xml:"target,attr"`
			} `xml:"edge"`
		} `xml:"graph"`
	}
	if err := xml.Unmarshal(raw, &doc); err != nil {
		t.Fatalf("GraphML is not XML of the GraphML namespace: %v", err)
	}
	ids := map[string]bool{}
	for _, n := range doc.Graph.Nodes {
		ids[n.ID] = true
	}
	if len(doc.Graph.Nodes) != nodes || len(doc.Graph.Edges) != rels || len(doc.Keys) < 10 {
		t.Errorf("graphml: %d nodes, %d edges, %d keys", len(doc.Graph.Nodes), len(doc.Graph.Edges), len(doc.Keys))
	}
	for _, e := range doc.Graph.Edges {
		if !ids[e.Source] || !ids[e.Target] {
			t.Fatalf("edge %s -> %s leaves the exported nodes", e.Source, e.Target)
		}
	}

	// cypher: replayed into an emptied database, it rebuilds the same graph
	before := graphtest.Snapshot(t)
	if err := seed.Export(ctx, db, "cypher", filepath.Join(dir, "g.cypher"), nil); err != nil {
		t.Fatal(err)
	}
	graphtest.MustOpenDB(t) // empties the graph, keeps the schema
	script, _ := os.ReadFile(filepath.Join(dir, "g.cypher"))
	for _, stmt := range strings.Split(strings.TrimSpace(string(script)), ";\n") {
		graphtest.Exec(t, strings.TrimSuffix(stmt, ";"), nil)
	}
	if after := graphtest.Snapshot(t); after != before {
		t.Errorf("the replayed graph differs from the exported one")
	}
	if err := seed.Export(ctx, db, "xlsx", filepath.Join(dir, "x"), nil); graph.ErrorCode(err) != graph.EINVALID {
		t.Errorf("an unknown format: %v", err)
	}
}

func toStrings(v any) []string {
	var out []string
	list, _ := v.([]any)
	for _, x := range list {
		s, _ := x.(string)
		out = append(out, s)
	}
	return out
}
