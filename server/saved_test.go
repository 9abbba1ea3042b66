package server_test

import (
	"context"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"net/http/httptest"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/accgraph/accgraph/graph"
	"github.com/accgraph/accgraph/seed"
	"github.com/accgraph/accgraph/server"
)

// savedAPI is the seeded API with the built-in saved queries stored.
func savedAPI(t *testing.T) (*api, *server.Server) {
	t.Helper()
	a := seededAPI(t)
	srv := &server.Server{DB: a.db, Logger: quiet, RatePerIP: 1e6} // a journalist's table, not the rate limit, is under test
	a.h = srv.Handler()
	qs, err := seed.LoadQueries(seed.Queries())
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range qs {
		if err := srv.ValidateSavedQuery(context.Background(), q); err != nil {
			t.Fatal(err)
		}
		if _, err := a.db.SaveQuery(context.Background(), q); err != nil {
			t.Fatal(err)
		}
	}
	return a, srv
}

func (a *api) get(url string) (int, string) {
	a.t.Helper()
	rec := httptest.NewRecorder()
	a.h.ServeHTTP(rec, httptest.NewRequest("GET", url, nil))
	return rec.Code, rec.Body.String()
}

type table struct {
	Name    string
	Version int
	Columns []string
	Rows    [][]any
}

func (a *api) table(url string) table {
	a.t.Helper()
	code, body := a.get(url)
	var tb table
	if code != 200 || json.Unmarshal([]byte(body), &tb) != nil {
		a.t.Fatalf("GET %s = %d %s", url, code, body)
	}
	return tb
}

// column is a column's cells as text: a list (a citations column) joined with " | ".
func column(tb table, name string) []string {
	i := slices.Index(tb.Columns, name)
	var out []string
	for _, r := range tb.Rows {
		switch v := r[i].(type) {
		case nil:
			out = append(out, "")
		case []any:
			var parts []string
			for _, x := range v {
				parts = append(parts, fmt.Sprint(x))
			}
			out = append(out, strings.Join(parts, " | "))
		default:
			out = append(out, fmt.Sprint(v))
		}
	}
	return out
}

func TestBuiltInSavedQueriesAnswerTheirQuestions(t *testing.T) {
	a, _ := savedAPI(t)
	tests := []struct {
		name, column string
		want         []string
	}{
		{"death-commission-members", "Post", []string{"Minister of Justice of Iran", "Head of the Judiciary of Iran"}},
		{"court-verdicts", "Sentence", []string{"20 years in prison"}},
		{"claims-by-organization", "Relationship", []string{"", "", "", "OCCURRED_IN", "OCCURRED_IN", "RESPONSIBLE_FOR", "RESPONSIBLE_FOR"}},
		{"statements-about", "Said by", []string{"Tahar Boumedra", "Lars Rise"}},
		{"who-held-post", "Holder", []string{"Ebrahim Raisi"}},
		{"officials-with-allegations", "Name", []string{"Alireza Avaei", "Ebrahim Raisi", "Mohammad Javad Zarif"}},
		{"sources-behind", "Claimed by", []string{"Mansoureh Galestan", "Mansoureh Galestan", "Mansoureh Galestan", "Mansoureh Galestan"}},
		{"events-by-kind", "Responsible", []string{"1988 Death Commissions", "Alireza Avaei", "Ebrahim Raisi", "Government of the Islamic Republic of Iran", "Government of the Islamic Republic of Iran"}},
		{"person-timeline", "What", []string{"member of 1988 Death Commissions", "responsible for 1988 massacre of political prisoners", "holds Head of the Judiciary of Iran"}},
		{"event-accountability", "Who", []string{"1988 Death Commissions", "Alireza Avaei", "Ebrahim Raisi", "Government of the Islamic Republic of Iran", "Alireza Avaei", "Ebrahim Raisi"}},
		{"court-verdicts", "Date", []string{"undated"}},
	}
	chain := a.table("/saved/bomb-plot-chain")
	paths := map[string][]string{} // the steps of each path, by its number
	for i, p := range column(chain, "Path") {
		paths[p] = append(paths[p], column(chain, "From")[i]+" -"+column(chain, "Relationship")[i]+" "+column(chain, "Direction")[i]+"- "+column(chain, "To")[i])
	}
	want := []string{"Belgian verdict against Assadollah Assadi -AGAINST FORWARD- Assadollah Assadi",
		"Assadollah Assadi -MEMBER_OF FORWARD- Ministry of Foreign Affairs of Iran",
		"Ministry of Foreign Affairs of Iran -POSITION_IN BACKWARD- Minister of Foreign Affairs of Iran",
		"Minister of Foreign Affairs of Iran -HOLDS BACKWARD- Mohammad Javad Zarif"}
	found := false
	for _, steps := range paths {
		found = found || slices.Equal(steps, want)
	}
	if len(paths) != 5 || !found {
		t.Errorf("bomb-plot-chain: paths %q, want 5 with one of steps %q", paths, want)
	}
	code, body := a.get("/saved")
	var list []map[string]any
	if code != 200 || json.Unmarshal([]byte(body), &list) != nil || len(list) != len(tests) {
		t.Fatalf("GET /saved = %d, %d queries; want %d", code, len(list), len(tests))
	}
	for _, tt := range tests {
		tb := a.table("/saved/" + tt.name)
		if got := column(tb, tt.column); !slices.Equal(got, tt.want) {
			t.Errorf("%s: %s = %q, want %q", tt.name, tt.column, got, tt.want)
		}
		if i := slices.Index(tb.Columns, "Sources"); i >= 0 {
			for _, r := range tb.Rows {
				if l, _ := r[i].([]any); len(l) == 0 {
					t.Errorf("%s: a row without sources: %q", tt.name, r)
				}
			}
		}
	}
	tb := a.table("/saved/who-held-post?position=position:iran-minister-of-justice&asOf=2021-02-10")
	if got := column(tb, "Holder"); !slices.Equal(got, []string{"Alireza Avaei"}) {
		t.Errorf("who held the Justice post = %v", got)
	}
	if tb := a.table("/saved/who-held-post?asOf=1990"); len(tb.Rows) != 0 {
		t.Errorf("who held the judiciary in 1990 = %v, want nobody the sources attest", tb.Rows)
	}
}

func TestSavedQueryCSV(t *testing.T) {
	a, srv := savedAPI(t)
	q := &graph.SavedQuery{Name: "names", Title: "Names and aliases", Rows: "people.edges.node",
		Document: `query Names($name: String = "Ebrahim Raisi") { people(where: {name: {eq: $name}}) { edges { node { name description aliases citations { quote claimedBy { name } source { title } confidence } } } } }`,
		Columns: []graph.Column{{Name: "Name, as given", Path: "name"}, {Name: `The "aliases"`, Path: "aliases"},
			{Name: "Description", Path: "description"}, {Name: "Sources", Path: "citations", Citations: true}}}
	if err := srv.ValidateSavedQuery(context.Background(), q); err != nil {
		t.Fatal(err)
	}
	if _, err := a.db.SaveQuery(context.Background(), q); err != nil {
		t.Fatal(err)
	}
	rec := httptest.NewRecorder()
	a.h.ServeHTTP(rec, httptest.NewRequest("GET", "/saved/names.csv", nil))
	if ct := rec.Header().Get("Content-Type"); rec.Code != 200 || ct != "text/csv; charset=utf-8" {
		t.Fatalf("CSV = %d %q", rec.Code, ct)
	}
	raw := rec.Body.String()
	if !strings.HasPrefix(raw, "\uFEFF\"Name, as given\",\"The \"\"aliases\"\"\",Description,Sources\r\n") {
		t.Errorf("header row = %q", strings.SplitN(raw, "\n", 2)[0])
	}
	rows, err := csv.NewReader(strings.NewReader(strings.TrimPrefix(raw, "\uFEFF"))).ReadAll()
	if err != nil {
		t.Fatalf("not CSV: %v", err)
	}
	if len(rows) != 2 || rows[1][0] != "Ebrahim Raisi" || !strings.Contains(rows[1][1], "ابراهیم رئیسی") ||
		!strings.Contains(rows[1][3], "“the current Judiciary Chief Ebrahim Raisi” — Mansoureh Galestan") {
		t.Errorf("rows = %q", rows)
	}

	// a cell with commas and quotes survives the round trip; its paragraphs join on one line
	// in the CSV, and stay apart in JSON
	rec = httptest.NewRecorder()
	a.h.ServeHTTP(rec, httptest.NewRequest("GET", "/saved/statements-about.csv?bom=0", nil))
	rows, err = csv.NewReader(strings.NewReader(rec.Body.String())).ReadAll()
	text := "How come every European leader wants to shake Zarif’s hand? After receiving today’s verdict, all European leaders have to add an arrest warrant for Zarif to their to-do list.\n\nHow is it possible for anyone to continue to work with the regime as if nothing happened?"
	if err != nil || len(rows) != 3 || rows[2][2] != strings.ReplaceAll(text, "\n\n", " ") {
		t.Errorf("statements-about.csv = %q, %v", rows, err)
	}
	if got := column(a.table("/saved/statements-about.json"), "Text"); len(got) != 2 || got[1] != text {
		t.Errorf("statements-about.json Text = %q", got)
	}
}

func TestSavedQueryVersionsAndErrors(t *testing.T) {
	a, srv := savedAPI(t)
	ctx := context.Background()
	v1, _ := a.db.SavedQueryVersion(ctx, "who-held-post", 0)
	v2 := *v1
	v2.Document = strings.Replace(v1.Document, `"2021-02"`, `"2021-02-04"`, 1)
	if err := srv.ValidateSavedQuery(ctx, &v2); err != nil {
		t.Fatal(err)
	}
	if n, err := a.db.SaveQuery(ctx, &v2); err != nil || n != 2 {
		t.Fatalf("save v2 = %d, %v", n, err)
	}
	if n, _ := a.db.SaveQuery(ctx, &v2); n != 2 {
		t.Errorf("saving v2 again made version %d, want 2 (idempotent)", n)
	}
	if tb := a.table("/saved/who-held-post"); tb.Version != 2 {
		t.Errorf("latest = v%d", tb.Version)
	}
	if tb := a.table("/saved/who-held-post?version=1"); tb.Version != 1 || len(tb.Rows) != 1 {
		t.Errorf("v1 = %+v", tb)
	}
	data := a.ok(`{ savedQueryHistory(name: "who-held-post") { version document } savedQuery(name: "who-held-post", version: 1) { version variables { name type required default } url csvUrl } }`, nil)
	if h := data["savedQueryHistory"].([]any); len(h) != 2 || h[0].(map[string]any)["version"] != 2.0 {
		t.Errorf("history = %v", h)
	}
	sq := data["savedQuery"].(map[string]any)
	if sq["csvUrl"] != "/saved/who-held-post.csv" || len(sq["variables"].([]any)) != 2 {
		t.Errorf("savedQuery = %v", sq)
	}
	run := a.ok(`{ runSavedQuery(name: "who-held-post", variables: {position: "position:iran-minister-of-foreign-affairs"}) }`, nil)
	if rows := run["runSavedQuery"].(map[string]any)["rows"].([]any); len(rows) != 1 || rows[0].([]any)[0] != "Mohammad Javad Zarif" {
		t.Errorf("runSavedQuery = %v", run)
	}

	if err := a.db.DeleteSavedQuery(ctx, "who-held-post"); err != nil {
		t.Fatal(err)
	}
	if code, body := a.get("/saved/who-held-post"); code != 404 || !strings.Contains(body, `"list":"/saved"`) {
		t.Errorf("deleted query = %d %s, want 404 with the list's URL", code, body)
	}
	if h, _ := a.db.SavedQueryHistory(ctx, "who-held-post"); len(h) != 2 {
		t.Errorf("history after delete has %d versions, want 2: deletion is soft", len(h))
	}

	for url, want := range map[string]string{
		"/saved/nothing-here":                     "404",
		"/saved/death-commission-members?color=1": `400 unknown variable "color"`,
		"/saved/events-by-kind?kind=PICNIC":       "400 ",
		"/saved/events-by-kind?from=1988-13":      "400 ",
		"/saved/court-verdicts?version=x":         "400 version must be a positive integer",
		"/saved/person-timeline?version=9":        "404",
	} {
		code, body := a.get(url)
		if got := strings.TrimSpace(strings.SplitN(want, " ", 2)[0]); got != strconv.Itoa(code) {
			t.Errorf("GET %s = %d %s, want %s", url, code, body, want)
		} else if parts := strings.SplitN(want, " ", 2); len(parts) == 2 && parts[1] != "" && !strings.Contains(body, strings.ReplaceAll(parts[1], `"`, `\"`)) {
			t.Errorf("GET %s = %s, want it to say %s", url, body, parts[1])
		}
	}
	req := &graph.SavedQuery{Name: "needs-id", Title: "x", Rows: "entity", Document: `query($id: ID!) { entity(id: $id) { name } }`, Columns: []graph.Column{{Name: "N", Path: "name"}}}
	if err := srv.ValidateSavedQuery(ctx, req); err != nil {
		t.Fatal(err)
	}
	_, _ = a.db.SaveQuery(ctx, req)
	if code, body := a.get("/saved/needs-id"); code != 400 || !strings.Contains(body, "missing required variable id (ID!)") {
		t.Errorf("missing variable = %d %s", code, body)
	}
}

func TestSavedQueryValidation(t *testing.T) {
	_, srv := savedAPI(t)
	for name, tt := range map[string]struct{ doc, rows, col, want string }{
		"mutation":     {`mutation { deleteSavedQuery(name: "x") }`, "deleteSavedQuery", "x", "line 1, column 1: a saved query runs a query, not a mutation"},
		"syntax error": {"query {\n  people {", "people", "x", "line 2, column 11: Expected Name, found <EOF>"},
		"unknown field": {"query {\n  people { edges { node { shoeSize } } }\n}", "people", "x",
			`line 2, column 27: Cannot query field "shoeSize" on type "Person".`},
		"two operations":  {"query A { status { schemaVersion } } query B { status { schemaVersion } }", "status", "schemaVersion", "exactly one operation"},
		"bad rows path":   {"{ people { edges { node { name } } } }", "people.nodes", "name", `rows path "people.nodes" is not in the selection`},
		"bad column path": {"{ people { edges { node { name } } } }", "people.edges.node", "id", `column "C": path "id" is not in the selection under "people.edges.node"`},
		"complexity bomb": {"{ people(first: 500) { edges { node { tenures(first: 500) { position { holders(first: 500) { id } } } } } } }", "people", "edges", "exceeds the limit"},
	} {
		q := &graph.SavedQuery{Name: "bad", Title: "bad", Document: tt.doc, Rows: tt.rows, Columns: []graph.Column{{Name: "C", Path: tt.col}}}
		err := srv.ValidateSavedQuery(context.Background(), q)
		if err == nil || graph.ErrorCode(err) != graph.EINVALID || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: %v, want EINVALID containing %q", name, err, tt.want)
		}
	}
}
