package server_test

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/accgraph/accgraph/graph/graphtest"
	"github.com/accgraph/accgraph/seed"
	"github.com/accgraph/accgraph/server"
)

// TestSearchFindsHolderByPassport: a Passport's or Identification's number finds its
// holder (and the document), however the two arrive: in one file, the holder in a
// later file than its passport or the other way round; a MOD of the passport moves its
// number, a DEL takes it away. A Vessel's IMO number finds the vessel. The files are
// written by followthemoney.
func TestSearchFindsHolderByPassport(t *testing.T) {
	db := graphtest.MustOpenDB(t)
	im := &seed.Importer{DB: db, By: "test"}
	load := func(name, lines string) {
		t.Helper()
		file := graphtest.FtMLibrary(t, strings.NewReader(lines), "write")
		if _, problems, err := im.FtM(context.Background(), name, strings.NewReader(string(file))); err != nil || len(problems) > 0 {
			t.Fatalf("import %s: %v %v", name, err, problems)
		}
	}
	load("first.jsonl", `{"id": "h1", "schema": "Person", "datasets": ["d"], "properties": {"name": ["Ivan Holder"]}}
{"id": "pp1", "schema": "Passport", "datasets": ["d"], "properties": {"holder": ["h1"], "number": ["P7734921X"], "country": ["ru"]}}
{"id": "c1", "schema": "Company", "datasets": ["d"], "properties": {"name": ["Holding Co"]}}
{"id": "id1", "schema": "Identification", "datasets": ["d"], "properties": {"holder": ["c1"], "number": ["ID-555 01"]}}
{"id": "pp2", "schema": "Passport", "datasets": ["d"], "properties": {"holder": ["h2"], "number": ["LATE-2"]}}
{"id": "h3", "schema": "Person", "datasets": ["d"], "properties": {"name": ["Early Holder"]}}
{"id": "v1", "schema": "Vessel", "datasets": ["d"], "properties": {"name": ["Sea Star"], "imoNumber": ["IMO 9074729"]}}
`)
	load("second.jsonl", `{"id": "h2", "schema": "Person", "datasets": ["d"], "properties": {"name": ["Late Holder"]}}
{"id": "pp3", "schema": "Passport", "datasets": ["d"], "properties": {"holder": ["h3"], "passportNumber": ["EARLY-3"]}}
`)
	a := &api{t: t, db: db, h: (&server.Server{DB: db, Logger: quiet}).Handler()}
	search := func(text string, kinds ...string) string {
		data := a.ok(`query($q: String!, $k: [EntityKind!]) { search(text: $q, kinds: $k) { score matched entity { id } } }`,
			map[string]any{"q": text, "k": kinds})
		var out []string
		for _, h := range data["search"].([]any) {
			m := h.(map[string]any)
			if m["score"].(float64) >= 4 { // identifier hits only
				out = append(out, fmt.Sprintf("%s=%s", m["entity"].(map[string]any)["id"], m["matched"]))
			}
		}
		return strings.Join(out, " ")
	}
	id := seed.AccgraphID
	for _, c := range []struct{ text, kinds, want string }{
		{"P7734921X", "", id("Person", "h1") + "=P7734921X " + id("Passport", "pp1") + "=P7734921X"},
		{"p 7734921-x", "PERSON", id("Person", "h1") + "=P7734921X"},
		{"ID55501", "ORGANIZATION", id("Company", "c1") + "=ID-555 01"},
		{"late-2", "PERSON", id("Person", "h2") + "=LATE-2"},   // the holder came in a later file
		{"EARLY-3", "PERSON", id("Person", "h3") + "=EARLY-3"}, // the passport came in a later file
		{"imo 9074729", "", id("Vessel", "v1") + "=IMO9074729"},
		{"P7734921X", "ORGANIZATION", ""},
	} {
		var kinds []string
		if c.kinds != "" {
			kinds = []string{c.kinds}
		}
		if got := search(c.text, kinds...); got != c.want {
			t.Errorf("search %q %v = %q, want %q", c.text, kinds, got, c.want)
		}
	}
	// the holder's own record does not say the number: it is the passport's
	data := a.ok(`query($id: ID!) { entity(id: $id) { ... on Person { passportNumber idNumber } } }`, map[string]any{"id": id("Person", "h1")})
	if got := fmt.Sprint(data["entity"]); got != "map[idNumber:[] passportNumber:[]]" {
		t.Errorf("holder's facts = %s", got)
	}
	mod := graphtest.FtMLibrary(t, strings.NewReader(`{"id": "pp1", "schema": "Passport", "datasets": ["d"], "properties": {"holder": ["h1"], "number": ["P0000001"]}}
`), "write")
	delta := `{"op": "MOD", "entity": ` + strings.TrimSpace(string(mod)) + "}\n" + `{"op": "DEL", "entity": {"id": "pp3"}}` + "\n"
	if _, problems, err := im.FtM(context.Background(), "delta.jsonl", strings.NewReader(delta)); err != nil || len(problems) > 0 {
		t.Fatalf("import delta: %v %v", err, problems)
	}
	for text, want := range map[string]string{
		"P7734921X": "",
		"P0000001":  id("Person", "h1") + "=P0000001 " + id("Passport", "pp1") + "=P0000001",
		"EARLY-3":   "",
	} {
		if got := search(text); got != want {
			t.Errorf("after the delta, search %q = %q, want %q", text, got, want)
		}
	}
}

// TestSearchRanksExactFtMIDFirst: of two entities whose FtM ids differ only in case, the
// one with the id as typed comes first, scored higher.
func TestSearchRanksExactFtMIDFirst(t *testing.T) {
	db := graphtest.MustOpenDB(t)
	file := graphtest.FtMLibrary(t, strings.NewReader(`{"id": "ofac-1234", "schema": "Person", "datasets": ["d"], "properties": {"name": ["Lower Case"]}}
{"id": "OFAC-1234", "schema": "Person", "datasets": ["d"], "properties": {"name": ["Upper Case"]}}
`), "write")
	if _, problems, err := (&seed.Importer{DB: db, By: "test"}).FtM(context.Background(), "ids.jsonl", strings.NewReader(string(file))); err != nil || len(problems) > 0 {
		t.Fatalf("import: %v %v", err, problems)
	}
	a := &api{t: t, db: db, h: (&server.Server{DB: db, Logger: quiet}).Handler()}
	search := func(typed string) []any {
		return a.ok(`query($q: String!) { search(text: $q) { score matched entity { id } } }`, map[string]any{"q": typed})["search"].([]any)
	}
	hits := search("OFAC-1234")
	if len(hits) != 2 {
		t.Fatalf("search OFAC-1234 = %v, want both", hits)
	}
	first, second := hits[0].(map[string]any), hits[1].(map[string]any)
	if id := first["entity"].(map[string]any)["id"]; id != seed.AccgraphID("Person", "OFAC-1234") || first["matched"] != "OFAC-1234" ||
		second["matched"] != "ofac-1234" || first["score"].(float64) <= second["score"].(float64) {
		t.Errorf("search OFAC-1234: %v, want %s first and scored higher", hits, seed.AccgraphID("Person", "OFAC-1234"))
	}
	// typed in lower case, only the lower-case id is the text's
	if hits := search("ofac-1234"); len(hits) != 1 || hits[0].(map[string]any)["entity"].(map[string]any)["id"] != seed.AccgraphID("Person", "ofac-1234") {
		t.Errorf("search ofac-1234 = %v", hits)
	}
}
