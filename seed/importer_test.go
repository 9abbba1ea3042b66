package seed_test

import (
	"context"
	"errors"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/accgraph/accgraph/graph/graphtest"
	"github.com/accgraph/accgraph/seed"
)

// knowledge is the graph's snapshot without the audit records, which differ by time.
func knowledge(t *testing.T) string {
	var keep []string
	for _, l := range strings.Split(graphtest.Snapshot(t), "\n") {
		if !strings.HasPrefix(l, "node [Change]") {
			keep = append(keep, l)
		}
	}
	return strings.Join(keep, "\n")
}

// goodLines are the fixture's valid lines, relationships first: every reference points
// forward, so relationships must wait for the entities they join.
func goodLines() string {
	lines := strings.Split(strings.TrimSpace(ftmFixture), "\n")[:16]
	var rels, ents []string
	for _, l := range lines {
		if strings.Contains(l, `"Occupancy"`) || strings.Contains(l, `"Membership"`) || strings.Contains(l, `"Employment"`) ||
			strings.Contains(l, `"Directorship"`) || strings.Contains(l, `"CourtCaseParty"`) {
			rels = append(rels, l)
		} else {
			ents = append(ents, l)
		}
	}
	return strings.Join(append(rels, ents...), "\n") + "\n"
}

func TestImporterResolvesForwardReferencesAcrossBatches(t *testing.T) {
	ctx := context.Background()
	db := graphtest.MustOpenDB(t)
	im := &seed.Importer{DB: db, By: "test", Batch: 100}
	if _, problems, err := im.FtM(ctx, "fixture.jsonl", strings.NewReader(goodLines())); err != nil || len(problems) > 0 {
		t.Fatalf("one batch: %v %v", err, problems)
	}
	oneBatch := knowledge(t)

	db = graphtest.MustOpenDB(t)
	im = &seed.Importer{DB: db, By: "test", Batch: 2}
	stats, problems, err := im.FtM(ctx, "fixture.jsonl", strings.NewReader(goodLines()))
	if err != nil || len(problems) > 0 {
		t.Fatalf("batches of 2: %v %v", err, problems)
	}
	if stats.Links != 7 || knowledge(t) != oneBatch {
		t.Errorf("batches of 2 wrote %d links and a different graph than one batch", stats.Links)
	}

	// a relationship whose end never arrives is reported with its line
	db = graphtest.MustOpenDB(t)
	_, problems, err = (&seed.Importer{DB: db, By: "test", Batch: 2}).FtM(ctx, "f.jsonl", strings.NewReader(
		`{"id": "m9", "schema": "Membership", "datasets": ["x"], "properties": {"member": ["ghost"], "organization": ["o9"]}}`+"\n"+
			`{"id": "o9", "schema": "Organization", "caption": "O9", "datasets": ["x"], "properties": {"name": ["O9"]}}`+"\n"))
	if err != nil || len(problems) != 1 || problems[0].String() != "line 1: dangling reference: Membership m9 points at ghost, which is neither in the file nor in the graph" {
		t.Errorf("dangling = %v, %v", problems, err)
	}
}

// failingReader returns an error after n lines, as a killed import would stop.
type failingReader struct {
	r     io.Reader
	lines int
}

func (f *failingReader) Read(p []byte) (int, error) {
	if f.lines <= 0 {
		return 0, errors.New("interrupted")
	}
	n, err := f.r.Read(p[:1])
	if n == 1 && p[0] == '\n' {
		f.lines--
	}
	return n, err
}

func TestImporterResumesWhereItStopped(t *testing.T) {
	ctx := context.Background()
	db := graphtest.MustOpenDB(t)
	if _, _, err := (&seed.Importer{DB: db, By: "test"}).FtM(ctx, "fixture.jsonl", strings.NewReader(goodLines())); err != nil {
		t.Fatal(err)
	}
	clean := knowledge(t)

	db = graphtest.MustOpenDB(t)
	checkpoint := filepath.Join(t.TempDir(), "fixture.checkpoint")
	im := &seed.Importer{DB: db, By: "test", Batch: 3, Checkpoint: checkpoint}
	_, _, err := im.FtM(ctx, "fixture.jsonl", &failingReader{r: strings.NewReader(goodLines()), lines: 10})
	if err == nil || !strings.Contains(err.Error(), "interrupted") {
		t.Fatalf("the interrupted import: %v", err)
	}
	if knowledge(t) == clean {
		t.Fatal("the interruption came too late to test anything")
	}
	im.Resume = true
	if _, problems, err := im.FtM(ctx, "fixture.jsonl", strings.NewReader(goodLines())); err != nil || len(problems) > 0 {
		t.Fatalf("resume: %v %v", err, problems)
	}
	if knowledge(t) != clean {
		t.Error("an interrupted import, resumed, differs from a clean one")
	}
}

func TestImporterStrictWritesNothing(t *testing.T) {
	ctx := context.Background()
	db := graphtest.MustOpenDB(t)
	before := knowledge(t)
	stats, problems, err := (&seed.Importer{DB: db, By: "test", Strict: true}).FtM(ctx, "fixture.jsonl", strings.NewReader(ftmFixture))
	if err == nil || !strings.Contains(err.Error(), "line 17: invalid JSON") || stats.Entities != 0 {
		t.Fatalf("strict = %+v, %v, %v", stats, problems, err)
	}
	if knowledge(t) != before {
		t.Error("--strict wrote part of the file")
	}
	stats, problems, err = (&seed.Importer{DB: db, By: "test"}).FtM(ctx, "fixture.jsonl", strings.NewReader(ftmFixture))
	var lines []int
	for _, p := range problems {
		lines = append(lines, p.Line)
	}
	// lines 17–20 are bad; line 21 deletes an entity that was never imported
	if err != nil || stats.Skipped != 4 || !slices.Equal(lines, []int{17, 18, 19, 20, 21}) || stats.Entities == 0 ||
		!strings.Contains(problems[4].String(), `DEL gone: no entity or relationship imported with this FtM id`) {
		t.Errorf("skip-and-report = %+v, %v, %v", stats, lines, err)
	}
}

func TestFtMRoundTrip(t *testing.T) {
	ctx := context.Background()
	db := graphtest.MustOpenDB(t)
	if _, _, err := (&seed.Importer{DB: db, By: "test"}).FtM(ctx, "fixture.jsonl", strings.NewReader(goodLines())); err != nil {
		t.Fatal(err)
	}
	before := knowledge(t)
	out := filepath.Join(t.TempDir(), "out.ftm.jsonl")
	if err := seed.Export(ctx, db, "ftm", out, nil); err != nil {
		t.Fatal(err)
	}
	db = graphtest.MustOpenDB(t)
	f, err := os.Open(out)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if _, problems, err := (&seed.Importer{DB: db, By: "test"}).FtM(ctx, "fixture.jsonl", f); err != nil || len(problems) > 0 {
		t.Fatalf("re-import: %v %v", err, problems)
	}
	if knowledge(t) != before {
		t.Error("FtM export then import changed the graph")
	}
}

// badLines has one bad value per line among good ones (lines 4 to 7): each is that
// line's problem, and the rest imports, in any batch size.
func badLines() string {
	return strings.Join([]string{
		`{"id": "ofac-1234", "schema": "Person", "datasets": ["x"], "properties": {"name": ["Lower Case"]}}`,
		`{"id": "OFAC_1234", "schema": "Person", "datasets": ["x"], "properties": {"name": ["Upper Case"]}}`,
		`{"id": "addr1", "schema": "Address", "datasets": ["x"], "properties": {"full": ["1 Main Street, Kyiv"], "country": ["ua"]}}`,
		`{"id": "empty", "schema": "Person", "datasets": ["x"], "properties": {"name": [""]}}`,
		`{"id": "long", "schema": "Person", "datasets": ["x"], "properties": {"name": ["` + strings.Repeat("a", 4001) + `"]}}`,
		`{"id": "utf8", "schema": "Person", "datasets": ["x"], "properties": {"name": ["` + "\xff" + `"]}}`,
		`{"id": "huge", "schema": "Person", "datasets": ["x"], "properties": {"name": ["` + strings.Repeat("b", seed.MaxFtMLine) + `"]}}`,
		`{"id": "m1", "schema": "Membership", "datasets": ["x"], "properties": {"member": ["OFAC_1234"], "organization": ["o1"]}}`,
		`{"id": "m2", "schema": "Membership", "datasets": ["x"], "properties": {"member": ["empty"], "organization": ["o1"]}}`,
		`{"id": "o1", "schema": "Organization", "datasets": ["x"], "properties": {"name": ["Org One"], "addressEntity": ["addr1"]}}`,
	}, "\n") + "\n"
}

func TestImporterBadLineIsThatLinesProblem(t *testing.T) {
	ctx := context.Background()
	db := graphtest.MustOpenDB(t)
	stats, problems, err := (&seed.Importer{DB: db, By: "test", Batch: 2}).FtM(ctx, "bad.jsonl", strings.NewReader(badLines()))
	var got []string
	for _, p := range problems {
		got = append(got, p.String())
	}
	want := []string{
		"line 4: name: missing name",
		"line 5: name: name is 4001 bytes; at most 4000 (names are indexed)",
		"line 6: invalid UTF-8 at byte 79",
		"line 7: line is over 16 MB",
		"line 9: dangling reference: Membership m2 points at empty, which is neither in the file nor in the graph",
	}
	if err != nil || !slices.Equal(got, want) {
		t.Fatalf("problems = %v, %v\nwant %v", strings.Join(got, "\n"), err, want)
	}
	if stats.Entities != 4 || stats.Links != 2 || stats.Skipped != 4 {
		t.Errorf("stats = %+v, want 4 entities (not the dataset's source), 2 relationships, 4 lines skipped", stats)
	}
	rows := graphtest.Exec(t, `MATCH (p:Person) RETURN p.id, p.name ORDER BY p.name`, nil)
	if len(rows) != 2 || rows[0].Values[1] != "Lower Case" || rows[1].Values[1] != "Upper Case" || rows[0].Values[0] == rows[1].Values[0] {
		t.Errorf("two ids that slug to one became %v", rows)
	}
	rows = graphtest.Exec(t, `MATCH (:Person {name: 'Upper Case'})-[:MEMBER_OF]->(o:Organization)-[r:RELATED_TO]->(a:Place)
		RETURN o.name, r.role, a.name, a.country`, nil)
	if len(rows) != 1 || rows[0].Values[1] != "addressEntity" || rows[0].Values[2] != "1 Main Street, Kyiv" || rows[0].Values[3] != "UA" {
		t.Errorf("the membership and the caption-less address = %v", rows)
	}

	// --strict: any rejection fails the import, and the batch with the bad line is not written
	db = graphtest.MustOpenDB(t)
	before := knowledge(t)
	_, _, err = (&seed.Importer{DB: db, By: "test", Batch: 100, Strict: true}).FtM(ctx, "bad.jsonl", strings.NewReader(badLines()))
	if err == nil || !strings.Contains(err.Error(), "line 6: invalid UTF-8 at byte 79 (--strict") || knowledge(t) != before {
		t.Errorf("strict: %v", err)
	}
	lines := strings.SplitAfter(badLines(), "\n")
	_, _, err = (&seed.Importer{DB: db, By: "test", Strict: true}).FtM(ctx, "dangling.jsonl", strings.NewReader(lines[8]))
	if err == nil || !strings.Contains(err.Error(), "line 1: dangling reference: Membership m2 points at empty, o1") {
		t.Errorf("strict with a dangling reference: %v", err)
	}

	// interrupted after the bad lines and resumed: the same graph as in one go
	db = graphtest.MustOpenDB(t)
	if _, _, err := (&seed.Importer{DB: db, By: "test", Batch: 2}).FtM(ctx, "bad.jsonl", strings.NewReader(badLines())); err != nil {
		t.Fatal(err)
	}
	clean := knowledge(t)
	db = graphtest.MustOpenDB(t)
	im := &seed.Importer{DB: db, By: "test", Batch: 2, Checkpoint: filepath.Join(t.TempDir(), "bad.checkpoint")}
	if _, _, err := im.FtM(ctx, "bad.jsonl", &failingReader{r: strings.NewReader(badLines()), lines: 8}); err == nil {
		t.Fatal("the interrupted import did not fail")
	}
	im.Resume = true
	if _, _, err := im.FtM(ctx, "bad.jsonl", strings.NewReader(badLines())); err != nil || knowledge(t) != clean {
		t.Errorf("resumed after the bad lines: %v, same graph: %v", err, knowledge(t) == clean)
	}
}

// TestFtMRoundTripEverySchema: what followthemoney wrote, imported, exported with
// --format ftm, passes the library's validation and imports into the same graph,
// referents and redirects included.
func TestFtMRoundTripEverySchema(t *testing.T) {
	ctx := context.Background()
	sample := string(seed.FtMLibrary(t, "sample")) +
		`{"id": "sample-person-new", "schema": "Person", "datasets": ["sample"], "referents": ["sample-person-old"], "properties": {"name": ["Renamed Person"]}}` + "\n"
	db := graphtest.MustOpenDB(t)
	if _, problems, err := (&seed.Importer{DB: db, By: "test"}).FtM(ctx, "sample.jsonl", strings.NewReader(sample)); err != nil || len(problems) > 0 {
		t.Fatalf("import: %v %v", err, problems)
	}
	before := knowledge(t)
	out := filepath.Join(t.TempDir(), "out.ftm.jsonl")
	if err := seed.Export(ctx, db, "ftm", out, nil); err != nil {
		t.Fatal(err)
	}
	if refused := seed.FtMLibrary(t, "validate", out); len(refused) > 0 {
		t.Errorf("followthemoney refuses the export:\n%s", refused)
	}
	data, _ := os.ReadFile(out)
	if !strings.Contains(string(data), `"referents":["sample-person-old"]`) {
		t.Error("the export dropped the referents")
	}
	db = graphtest.MustOpenDB(t)
	if _, problems, err := (&seed.Importer{DB: db, By: "test"}).FtM(ctx, "sample.jsonl", strings.NewReader(string(data))); err != nil || len(problems) > 0 {
		t.Fatalf("re-import: %v %v", err, problems)
	}
	if after := knowledge(t); after != before {
		t.Errorf("export then import changed the graph:\n%s", diffLines(before, after))
	}
}

// diffLines lists the lines only one of a and b has.
func diffLines(a, b string) string {
	in := func(s string) map[string]bool {
		m := map[string]bool{}
		for _, l := range strings.Split(s, "\n") {
			m[l] = true
		}
		return m
	}
	ina, inb := in(a), in(b)
	var out []string
	for l := range ina {
		if !inb[l] {
			out = append(out, "- "+l)
		}
	}
	for l := range inb {
		if !ina[l] {
			out = append(out, "+ "+l)
		}
	}
	slices.Sort(out)
	if len(out) > 20 {
		out = out[:20]
	}
	return strings.Join(out, "\n")
}
