package bench_test

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/accgraph/accgraph/graph"
	"github.com/accgraph/accgraph/graph/graphtest"
	"github.com/accgraph/accgraph/seed"
)

// BenchmarkImportFtM imports a generated FollowTheMoney file (ACCGRAPH_BENCH_FTM lines,
// default 200000: public bodies, posts, people and their occupancies), counts the nodes
// and relationships the import wrote, then has Neo4j create as many bare ones in the same
// run (createFloor), and reports both rates, their ratio and the peak RSS of this process.
func BenchmarkImportFtM(b *testing.B) {
	lines := 200000
	if n, err := strconv.Atoi(os.Getenv("ACCGRAPH_BENCH_FTM")); err == nil && n > 0 {
		lines = n
	}
	const batch = 5000
	file := filepath.Join(b.TempDir(), "gen.ftm.jsonl")
	writeFtM(b, file, lines)
	for b.Loop() {
		db := emptyDB(b)
		f, err := os.Open(file)
		if err != nil {
			b.Fatal(err)
		}
		stats, problems, err := (&seed.Importer{DB: db, By: "bench", Batch: batch}).FtM(context.Background(), "gen.ftm.jsonl", f)
		f.Close()
		if err != nil || len(problems) > 0 {
			b.Fatalf("import: %v, %d problems", err, len(problems))
		}
		w := countWritten(b)
		floor := createFloor(b, w, (lines+batch-1)/batch)
		imported := float64(w.nodes+w.rels) / stats.Elapsed.Seconds()
		b.ReportMetric(stats.Rate(), "entities/s")
		b.ReportMetric(imported, "import-nodes+rels/s")
		b.ReportMetric(floor, "floor-nodes+rels/s")
		b.ReportMetric(100*imported/floor, "%-of-floor")
		b.Logf("%d lines: %d nodes (%d properties, %d bytes), %d relationships (%d properties, %d bytes); import %.1f s, %.0f nodes+rels/s; floor %.0f/s; %.1f%%",
			lines, w.nodes, w.nodeProps, w.nodeBytes, w.rels, w.relProps, w.relBytes, stats.Elapsed.Seconds(), imported, floor, 100*imported/floor)
	}
	b.ReportMetric(float64(peakRSSKiB())/1024, "peak-RSS-MiB")
}

// emptyDB opens the test database, emptied: relationships first, in slices, so that a
// source with a million citations fits the transaction memory limit.
func emptyDB(b *testing.B) *graph.DB {
	for graphtest.Exec(b, "MATCH ()-[r]->() WITH r LIMIT 50000 DELETE r RETURN count(*)", nil)[0].Values[0].(int64) > 0 {
	}
	return graphtest.MustOpenDB(b)
}

// written is what an import left in the graph: nodes and relationships, their property
// counts and the bytes of their keys and values (8 for a value that is not text).
type written struct {
	nodes, nodeProps, nodeBytes, rels, relProps, relBytes int
}

const propBytes = `reduce(s = 0, k IN keys(x) | s + size(k) + CASE WHEN x[k] IS :: STRING THEN size(x[k])
	WHEN x[k] IS :: LIST<STRING> THEN reduce(t = 0, v IN x[k] | t + size(v)) ELSE 8 END)`

func countWritten(b *testing.B) written {
	n := graphtest.Exec(b, "MATCH (x) WHERE NOT x:SchemaMigration RETURN count(x), sum(size(keys(x))), sum("+propBytes+")", nil)[0].Values
	r := graphtest.Exec(b, "MATCH ()-[x]->() RETURN count(x), sum(size(keys(x))), sum("+propBytes+")", nil)[0].Values
	i := func(v any) int { return int(v.(int64)) }
	return written{i(n[0]), i(n[1]), i(n[2]), i(r[0]), i(r[1]), i(r[2])}
}

// createFloor is what this machine's Neo4j does with no accgraph in the way: it CREATEs
// w's nodes and relationships, with as many properties of the same total size, in as
// many transactions as the import's batches, one UNWIND statement each. Every node has a
// unique id (a constraint, as every imported node has); every relationship goes from a
// node of its statement to one hub (as an imported citation's go to its source), so no
// statement looks anything up by id. It returns nodes+relationships per second.
func createFloor(b *testing.B, w written, batches int) float64 {
	emptyDB(b)
	graphtest.Exec(b, "CREATE CONSTRAINT floor_id IF NOT EXISTS FOR (n:Floor) REQUIRE n.id IS UNIQUE", nil)
	defer graphtest.Exec(b, "DROP CONSTRAINT floor_id IF EXISTS", nil)
	graphtest.Exec(b, "CREATE (:FloorHub)", nil)
	props := func(count, bytes, of int) map[string]any {
		p := map[string]any{}
		of = max(of, 1)
		per := max(count/of, 1)
		for k := range per {
			key := fmt.Sprintf("p%d", k)
			p[key] = strings.Repeat("x", max(bytes/of/per-len(key), 0))
		}
		return p
	}
	nodeProps := props(w.nodeProps, w.nodeBytes, w.nodes)
	delete(nodeProps, "p0") // the id is one of them
	relProps := props(w.relProps, w.relBytes, w.rels)
	began := time.Now()
	for i := range batches {
		from, to := i*w.nodes/batches, (i+1)*w.nodes/batches
		rows := make([]map[string]any, 0, to-from)
		for j := from; j < to; j++ {
			rels := (j+1)*w.rels/w.nodes - j*w.rels/w.nodes
			rows = append(rows, map[string]any{"id": fmt.Sprintf("floor-%d", j), "props": nodeProps, "rels": rels})
		}
		graphtest.Exec(b, `MATCH (h:FloorHub) UNWIND $rows AS row CREATE (n:Floor {id: row.id}) SET n += row.props
			WITH h, n, row UNWIND range(1, row.rels) AS k CREATE (n)-[r:FLOOR]->(h) SET r = $relProps`,
			map[string]any{"rows": rows, "relProps": relProps})
	}
	return float64(w.nodes+w.rels) / time.Since(began).Seconds()
}

// TestGenerateFtM writes BenchmarkImportFtM's file to ACCGRAPH_GEN_FTM (ACCGRAPH_BENCH_FTM
// lines), for measuring `accgraph import ftm` on it; without it, it is skipped.
func TestGenerateFtM(t *testing.T) {
	file := os.Getenv("ACCGRAPH_GEN_FTM")
	if file == "" {
		t.Skip("ACCGRAPH_GEN_FTM names no file to write")
	}
	lines, err := strconv.Atoi(os.Getenv("ACCGRAPH_BENCH_FTM"))
	if err != nil || lines <= 0 {
		t.Fatal("ACCGRAPH_BENCH_FTM must be the number of lines")
	}
	writeFtM(t, file, lines)
}

func writeFtM(b testing.TB, file string, lines int) {
	f, err := os.Create(file)
	if err != nil {
		b.Fatal(err)
	}
	defer f.Close()
	w := bufio.NewWriter(f)
	enc := json.NewEncoder(w)
	bodies, posts := lines/20, lines/10
	people := lines - bodies - posts - lines/5
	write := func(id, schema, caption string, props map[string][]string) {
		_ = enc.Encode(map[string]any{"id": id, "schema": schema, "caption": caption, "datasets": []string{"gen"}, "properties": props})
	}
	for i := range bodies {
		write(fmt.Sprintf("b%d", i), "PublicBody", fmt.Sprintf("Body %d", i), map[string][]string{"name": {fmt.Sprintf("Body %d", i)}})
	}
	for i := range posts {
		write(fmt.Sprintf("pos%d", i), "Position", fmt.Sprintf("Post %d", i), map[string][]string{"name": {fmt.Sprintf("Post %d", i)}, "organization": {fmt.Sprintf("b%d", i%bodies)}})
	}
	for i := range people {
		write(fmt.Sprintf("p%d", i), "Person", fmt.Sprintf("Person %d", i), map[string][]string{"name": {fmt.Sprintf("Person %d", i)}})
	}
	for i := range lines / 5 {
		write(fmt.Sprintf("occ%d", i), "Occupancy", "", map[string][]string{"holder": {fmt.Sprintf("p%d", i%people)}, "post": {fmt.Sprintf("pos%d", i%posts)}, "startDate": {"2015"}})
	}
	if err := w.Flush(); err != nil {
		b.Fatal(err)
	}
}

// peakRSSKiB reads this process's peak resident set (VmHWM) from /proc.
func peakRSSKiB() int {
	data, _ := os.ReadFile("/proc/self/status")
	for _, l := range strings.Split(string(data), "\n") {
		if v, ok := strings.CutPrefix(l, "VmHWM:"); ok {
			n, _ := strconv.Atoi(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(v), "kB")))
			return n
		}
	}
	return 0
}
