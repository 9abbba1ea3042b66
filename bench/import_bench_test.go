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

	"github.com/accgraph/accgraph/graph/graphtest"
	"github.com/accgraph/accgraph/seed"
)

// BenchmarkImportFtM imports a generated FollowTheMoney file (ACCGRAPH_BENCH_FTM lines,
// default 200000: public bodies, posts, people and their occupancies) and reports
// entities per second and the peak RSS of this process.
func BenchmarkImportFtM(b *testing.B) {
	lines := 200000
	if n, err := strconv.Atoi(os.Getenv("ACCGRAPH_BENCH_FTM")); err == nil && n > 0 {
		lines = n
	}
	file := filepath.Join(b.TempDir(), "gen.ftm.jsonl")
	writeFtM(b, file, lines)
	for b.Loop() {
		db := graphtest.MustOpenDB(b)
		f, err := os.Open(file)
		if err != nil {
			b.Fatal(err)
		}
		stats, problems, err := (&seed.Importer{DB: db, By: "bench", Batch: 5000}).FtM(context.Background(), "gen.ftm.jsonl", f)
		f.Close()
		if err != nil || len(problems) > 0 {
			b.Fatalf("import: %v, %d problems", err, len(problems))
		}
		b.ReportMetric(stats.Rate(), "entities/s")
	}
	b.ReportMetric(float64(peakRSSKiB())/1024, "peak-RSS-MiB")
}

func writeFtM(b *testing.B, file string, lines int) {
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

// BenchmarkNeo4jCreateFloor measures what this machine's Neo4j does with no accgraph
// in the way: bare (:Citation {id, about, quote}) nodes, each with one relationship to a
// shared source, CREATEd by UNWIND in transactions of 5000 (ACCGRAPH_BENCH_FTM rows in
// all). An imported entity costs at least two such nodes (itself and its citation) and
// three relationships, so entities/s of BenchmarkImportFtM cannot pass half of this.
func BenchmarkNeo4jCreateFloor(b *testing.B) {
	rows := 200000
	if n, err := strconv.Atoi(os.Getenv("ACCGRAPH_BENCH_FTM")); err == nil && n > 0 {
		rows = n
	}
	for b.Loop() {
		graphtest.MustOpenDB(b)
		graphtest.Exec(b, "CREATE (:Source {id: 'source:floor'})", nil)
		began := time.Now()
		for i := 0; i < rows; i += 5000 {
			batch := make([]map[string]any, 0, 5000)
			for j := i; j < min(i+5000, rows); j++ {
				batch = append(batch, map[string]any{"id": fmt.Sprintf("cite:floor-%d", j), "about": fmt.Sprintf("person:floor-%d", j), "quote": "Listed in the generated dataset"})
			}
			graphtest.Exec(b, `MATCH (s:Source {id: 'source:floor'}) UNWIND $rows AS row
				CREATE (c:Citation)-[:FROM_SOURCE]->(s) SET c = row`, map[string]any{"rows": batch})
		}
		b.ReportMetric(float64(rows)/time.Since(began).Seconds(), "nodes+rels/s")
	}
}
