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
	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
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
// counts and the bytes of their keys and values (8 for a value that is not text), and
// their shapes.
type written struct {
	nodes, nodeProps, nodeBytes, rels, relProps, relBytes int
	nodeShapes, relShapes                                 []shape
}

// shape is a group of nodes with the same labels (or relationships of the same type)
// and the same property keys: how many, and the mean bytes of each key's values.
type shape struct {
	labels string // ":Person:Entity", or a relationship's ":TYPE"
	keys   []string
	size   map[string]int
	count  int
	n      int // its place among the shapes, which makes its ids unique
}

const valueBytes = `CASE WHEN k IS NULL THEN 0 WHEN x[k] IS :: STRING THEN size(x[k])
	WHEN x[k] IS :: LIST<STRING> THEN reduce(t = 0, v IN x[k] | t + size(v)) ELSE 8 END`

func countWritten(b *testing.B) written {
	var w written
	read := func(match string, shapes *[]shape, count, props, bytes *int) {
		at := map[string]int{}
		for _, r := range graphtest.Exec(b, match+" UNWIND CASE keys(x) WHEN [] THEN [null] ELSE keys(x) END AS k WITH l, keys(x) AS ks, k, "+valueBytes+
			" AS s RETURN l, ks, k, count(*), sum(s)", nil) {
			keys := strs(r.Values[1])
			id := fmt.Sprint(r.Values[0], keys)
			i, ok := at[id]
			if !ok {
				i, at[id] = len(*shapes), len(*shapes)
				sh := shape{keys: keys, size: map[string]int{}, count: int(r.Values[3].(int64)), n: i}
				for _, l := range strs(r.Values[0]) {
					sh.labels += ":" + l
				}
				*shapes = append(*shapes, sh)
				*count += sh.count
				*props += sh.count * len(keys)
			}
			sh := &(*shapes)[i]
			k, sum := "", int(r.Values[4].(int64))
			if len(keys) > 0 { // a shape without properties is one row, its key null
				k = r.Values[2].(string)
				sh.size[k] = sum / max(sh.count, 1)
			}
			*bytes += sum + sh.count*len(k)
		}
	}
	read("MATCH (x) WHERE NOT x:SchemaMigration WITH labels(x) AS l, x", &w.nodeShapes, &w.nodes, &w.nodeProps, &w.nodeBytes)
	read("MATCH ()-[x]->() WITH [type(x)] AS l, x", &w.relShapes, &w.rels, &w.relProps, &w.relBytes)
	return w
}

func strs(v any) []string {
	var out []string
	for _, x := range v.([]any) {
		out = append(out, x.(string))
	}
	return out
}

// createFloor is what this machine's Neo4j does with no accgraph in the way: it CREATEs
// w's nodes and relationships in as many transactions as the import's batches, one
// UNWIND statement per shape each, under the schema the import writes to. Every node and
// relationship has the labels (or type) and property keys of one the import wrote, with
// distinct values of the same total size, so the floor maintains the same id constraints
// and indexes, with as many entries, as the import (readers need them: an import cannot
// skip them). Every relationship goes from a node of its statement to one hub (as an
// imported citation's go to its source), so no statement looks anything up by id. It
// returns nodes+relationships per second.
func createFloor(b *testing.B, w written, batches int) float64 {
	emptyDB(b)
	graphtest.Exec(b, "CREATE (:FloorHub)", nil)
	cfg := graphtest.Config(b)
	ctx := context.Background()
	driver, err := neo4j.NewDriverWithContext(cfg.URI, neo4j.BasicAuth(cfg.User, cfg.Password, ""))
	if err != nil {
		b.Fatal(err)
	}
	defer driver.Close(ctx)
	var took time.Duration // in Neo4j: building the rows is not timed
	for i := range batches {
		part := func(sh shape) []map[string]any {
			var rows []map[string]any
			for j := i * sh.count / batches; j < (i+1)*sh.count/batches; j++ {
				rows = append(rows, map[string]any{"props": floorProps(sh, j)})
			}
			return rows
		}
		// the relationships start at the batch's nodes of the largest shape, spread evenly
		hub := 0
		for k, sh := range w.nodeShapes {
			if sh.count > w.nodeShapes[hub].count {
				hub = k
			}
		}
		var stmts []string
		var params []map[string]any
		for k, sh := range w.nodeShapes {
			rows := part(sh)
			if len(rows) == 0 {
				continue
			}
			cypher := "MATCH (h:FloorHub) UNWIND $rows AS row CREATE (n" + sh.labels + ") SET n = row.props"
			if k == hub {
				for r, rsh := range w.relShapes {
					key := fmt.Sprintf("r%d", r)
					for _, row := range rows {
						row[key] = []map[string]any{}
					}
					rels := part(rsh)
					for j, rel := range rels {
						row := rows[j*len(rows)/len(rels)]
						row[key] = append(row[key].([]map[string]any), rel["props"].(map[string]any))
					}
					cypher += " FOREACH (p IN row." + key + " | CREATE (n)-[x" + rsh.labels + "]->(h) SET x = p)"
				}
			}
			stmts = append(stmts, cypher)
			params = append(params, map[string]any{"rows": rows})
		}
		began := time.Now()
		session := driver.NewSession(ctx, neo4j.SessionConfig{DatabaseName: "neo4j"})
		_, err := session.ExecuteWrite(ctx, func(tx neo4j.ManagedTransaction) (any, error) {
			for k, st := range stmts {
				res, err := tx.Run(ctx, st, params[k])
				if err == nil {
					_, err = res.Consume(ctx)
				}
				if err != nil {
					return nil, err
				}
			}
			return nil, nil
		})
		session.Close(ctx)
		took += time.Since(began)
		if err != nil {
			b.Fatal(err)
		}
	}
	return float64(w.nodes+w.rels) / took.Seconds()
}

// floorProps are the j-th properties of a shape: its keys, each a distinct value of the
// mean size of that key's.
func floorProps(sh shape, j int) map[string]any {
	p := map[string]any{}
	for _, k := range sh.keys {
		v := fmt.Sprintf("%d.%d-", sh.n, j)
		p[k] = v + strings.Repeat("x", max(sh.size[k]-len(v), 0))
	}
	return p
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
