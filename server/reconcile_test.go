package server_test

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/accgraph/accgraph/server"
)

const specBase = "https://reconciliation-api.github.io/specs/0.2/schemas/"

// specSchema compiles one of the specification's JSON schemas vendored in
// testdata/reconciliation-0.2 (the manifest's reference to Swagger's security definitions,
// which accgraph does not use, is an empty schema).
func specSchema(t *testing.T, name string) *jsonschema.Schema {
	t.Helper()
	c := jsonschema.NewCompiler()
	if err := c.AddResource("http://swagger.io/v2/schema.json", map[string]any{
		"definitions": map[string]any{"securityDefinitions": map[string]any{"additionalProperties": map[string]any{}}}}); err != nil {
		t.Fatal(err)
	}
	files, _ := filepath.Glob("testdata/reconciliation-0.2/*.json")
	for _, f := range files {
		doc := readJSONFile(t, f)
		if err := c.AddResource(specBase+filepath.Base(f), doc); err != nil {
			t.Fatal(err)
		}
	}
	s, err := c.Compile(specBase + name)
	if err != nil {
		t.Fatalf("compile %s: %v", name, err)
	}
	return s
}

func readJSONFile(t *testing.T, name string) any {
	t.Helper()
	f, err := os.Open(name)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	doc, err := jsonschema.UnmarshalJSON(f)
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return doc
}

// valid checks a JSON body against one of the specification's schemas.
func valid(t *testing.T, schema, body string) {
	t.Helper()
	doc, err := jsonschema.UnmarshalJSON(strings.NewReader(body))
	if err != nil {
		t.Fatalf("not JSON: %v\n%s", err, body)
	}
	if err := specSchema(t, schema).Validate(doc); err != nil {
		t.Errorf("%s does not validate against %s: %v", body[:min(len(body), 300)], schema, err)
	}
}

// post sends a request body with a content type and returns the status and body.
func (a *api) post(path, contentType, body string) (int, string) {
	a.t.Helper()
	rec := httptest.NewRecorder()
	req := httptest.NewRequest("POST", path, strings.NewReader(body))
	req.Header.Set("Content-Type", contentType)
	a.h.ServeHTTP(rec, req)
	return rec.Code, rec.Body.String()
}

// reconcile posts a batch form-encoded, as OpenRefine does, and decodes the answer.
func (a *api) reconcile(batch string) (int, map[string]struct{ Result []candidate }, string) {
	a.t.Helper()
	code, body := a.post("/reconcile", "application/x-www-form-urlencoded; charset=UTF-8", url.Values{"queries": {batch}}.Encode())
	var out map[string]struct{ Result []candidate }
	if code == 200 {
		if err := json.Unmarshal([]byte(body), &out); err != nil {
			a.t.Fatalf("answer is not a result batch: %v\n%s", err, body)
		}
	}
	return code, out, body
}

type candidate struct {
	ID       string
	Name     string
	Score    float64
	Match    bool
	Type     []struct{ ID, Name string }
	Features []struct {
		ID    string
		Value float64
	}
}

func TestReconcileManifestValidatesAgainstTheSpec(t *testing.T) {
	a := seededAPI(t)
	code, body := a.get("/reconcile")
	if code != 200 {
		t.Fatalf("GET /reconcile = %d %s", code, body)
	}
	valid(t, "manifest.json", body)
	// the schema bites: without versions, or with view and preview URLs lacking {{id}}, it refuses
	for _, broken := range []string{strings.Replace(body, `"versions"`, `"versionz"`, 1), strings.ReplaceAll(body, "{{id}}", "ID")} {
		doc, _ := jsonschema.UnmarshalJSON(strings.NewReader(broken))
		if specSchema(t, "manifest.json").Validate(doc) == nil {
			t.Errorf("the manifest schema accepts %s", broken[:min(len(broken), 200)])
		}
	}
	var m struct {
		Versions        []string
		Name            string
		IdentifierSpace string
		SchemaSpace     string
		DefaultTypes    []struct{ ID, Name string }
		View            struct{ URL string }
		Preview         struct{ URL string }
	}
	if err := json.Unmarshal([]byte(body), &m); err != nil {
		t.Fatal(err)
	}
	var kinds []string
	for _, ty := range m.DefaultTypes {
		kinds = append(kinds, ty.ID+"="+ty.Name)
	}
	if got := strings.Join(kinds, " "); got != "PERSON=Person ORGANIZATION=Organization POSITION=Position EVENT=Event VERDICT=Verdict STATEMENT=Statement SOURCE=Source PLACE=Place THING=Thing" {
		t.Errorf("defaultTypes = %s", got)
	}
	if m.View.URL != "http://example.com/explore?ids={{id}}&selected={{id}}" || m.Preview.URL != "http://example.com/reconcile/preview?id={{id}}" {
		t.Errorf("view %q, preview %q", m.View.URL, m.Preview.URL)
	}
	var sd struct {
		Suggest struct {
			Entity struct {
				URL  string `json:"service_url"`
				Path string `json:"service_path"`
			}
		}
	}
	_ = json.Unmarshal([]byte(body), &sd)
	if sd.Suggest.Entity.URL+sd.Suggest.Entity.Path != "http://example.com/reconcile/suggest/entity" {
		t.Errorf("suggest entity service = %+v", sd.Suggest.Entity)
	}

	// JSONP, for a browser page that cannot use CORS
	rec := httptest.NewRecorder()
	a.h.ServeHTTP(rec, httptest.NewRequest("GET", "/reconcile?callback=jQuery123_456", nil))
	if ct := rec.Header().Get("Content-Type"); !strings.HasPrefix(ct, "application/javascript") ||
		!strings.HasPrefix(rec.Body.String(), "/**/jQuery123_456({") || !strings.HasSuffix(rec.Body.String(), "});") {
		t.Errorf("JSONP answer %s %q", ct, rec.Body.String()[:min(60, rec.Body.Len())])
	}
	// the queries asked by GET answer JSONP too
	rec = httptest.NewRecorder()
	a.h.ServeHTTP(rec, httptest.NewRequest("GET", "/reconcile?callback=cb&queries="+url.QueryEscape(`{"q0": {"query": "Zarif"}}`), nil))
	if body := rec.Body.String(); !strings.HasPrefix(body, "/**/cb({") || !strings.Contains(body, "person:mohammad-javad-zarif") {
		t.Errorf("JSONP queries answer %q", body[:min(80, len(body))])
	}
	if code, body := a.get("/reconcile?callback=" + url.QueryEscape("alert(1)//")); code != 400 || !strings.Contains(body, "not a JavaScript function name") {
		t.Errorf("a callback that is code = %d %s", code, body)
	}
}

func TestReconcileSpecExamples(t *testing.T) {
	a := seededAPI(t)
	example := func(name string) string {
		b, err := os.ReadFile("testdata/reconciliation-0.2/examples/" + name)
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	}
	// the specification's example, as it stands: its type and property are another service's
	multi := example("multi-values.json")
	valid(t, "reconciliation-query-batch.json", multi)
	if code, _, body := a.reconcile(multi); code != 400 || !strings.Contains(body, `unknown type \"DifferentiatedPerson\"`) {
		t.Errorf("spec example multi-values = %d %s, want 400 naming the type", code, body)
	}
	// the specification's invalid example: no query
	if code, _, body := a.reconcile(example("empty-query.json")); code != 400 || !strings.Contains(body, "no name to match") {
		t.Errorf("spec example empty-query = %d %s, want 400", code, body)
	}
	// the same example in accgraph's terms: a type, a limit, a property with a string and
	// an entity as values, type_strict
	ours := strings.NewReplacer("DifferentiatedPerson", "PERSON", "professionOrOccupation", "position",
		"Politik*", "Head of the Judiciary", "wissenschaftler", "position:iran-minister-of-justice", "Wissenschaftler(in)", "Justice Minister").Replace(multi)
	ours = strings.Replace(ours, "{\n  \"q0\"", `{"q1": {"query": "Raisi", "type": "PERSON", "properties": [{"pid": "position", "v": "Head of the Judiciary of Iran"}]}, "q0"`, 1)
	valid(t, "reconciliation-query-batch.json", ours)
	code, res, body := a.reconcile(ours)
	if code != 200 {
		t.Fatalf("adapted example = %d %s", code, body)
	}
	valid(t, "reconciliation-result-batch.json", body)
	for _, c := range res["q0"].Result {
		if c.Match || c.Score >= 0.6 {
			t.Errorf("Christel Hanewinckel is not in the graph, yet %+v", c)
		}
	}
	top := res["q1"].Result
	if len(top) == 0 || top[0].ID != "person:ebrahim-raisi" || !top[0].Match || top[0].Type[0].ID != "PERSON" {
		t.Fatalf("Raisi with his post = %+v", top)
	}
	if !hasFeature(top[0], "position_match") {
		t.Errorf("the post given did not count: %+v", top[0].Features)
	}
}

func hasFeature(c candidate, id string) bool {
	for _, f := range c.Features {
		if f.ID == id && f.Value > 0 {
			return true
		}
	}
	return false
}

func TestReconcileOtherWaysOfAsking(t *testing.T) {
	a := seededAPI(t)
	batch := `{"q0": {"query": "Zarif", "type": ["PERSON", "ORGANIZATION"]}, "q1": {"query": "Judiciary Chief", "type": "Position"}}`
	check := func(how string, code int, body string) {
		t.Helper()
		var res map[string]struct{ Result []candidate }
		if code != 200 || json.Unmarshal([]byte(body), &res) != nil {
			t.Fatalf("%s = %d %s", how, code, body)
		}
		if r := res["q0"].Result; len(r) == 0 || r[0].ID != "person:mohammad-javad-zarif" || r[0].Match {
			t.Errorf("%s: Zarif alone = %+v, want Zarif first but not matched on a surname", how, r)
		}
		if r := res["q1"].Result; len(r) == 0 || r[0].ID != "position:iran-head-of-judiciary" || !r[0].Match {
			t.Errorf("%s: Judiciary Chief = %+v", how, r)
		}
	}
	code, body := a.post("/reconcile", "application/json", batch)
	check("a JSON body", code, body)
	code, body = a.post("/reconcile", "application/json", `{"queries": `+batch+`}`)
	check("a JSON body with queries", code, body)
	code, body = a.post("/reconcile", "application/json", `{"queries": `+strconvQuote(batch)+`}`)
	check("queries as a JSON string", code, body)
	code, body = a.get("/reconcile?queries=" + url.QueryEscape(batch))
	check("GET with queries", code, body)
}

func strconvQuote(s string) string { b, _ := json.Marshal(s); return string(b) }

func TestReconcileBadInputIsA400NamingIt(t *testing.T) {
	a := seededAPI(t)
	many := map[string]any{}
	for i := 0; i < 101; i++ {
		many[fmt.Sprintf("q%d", i)] = map[string]any{"query": "Raisi"}
	}
	tooMany, _ := json.Marshal(many)
	tests := []struct{ name, batch, want string }{
		{"malformed JSON", `{"q0": {"query": "Raisi"`, "the queries parameter is not valid JSON"},
		{"not an object", `["Raisi"]`, "must be an object"},
		{"a query that is a string", `{"q0": "Raisi"}`, `query \"q0\": the value must be an object`},
		{"too many queries", string(tooMany), "101 queries in one batch, at most 100"},
		{"no queries", `{}`, "no queries"},
		{"a huge name", `{"q0": {"query": "` + strings.Repeat("Raisi ", 2000) + `"}}`, "query is 12000 bytes, at most 500"},
		{"a huge property value", `{"q0": {"query": "Raisi", "properties": [{"pid": "position", "v": "` + strings.Repeat("x", 600) + `"}]}}`, "a value of 600 bytes"},
		{"an unknown type", `{"q0": {"query": "Raisi", "type": "Human"}}`, `unknown type \"Human\"`},
		{"a huge unknown type, not echoed whole", `{"q0": {"query": "Raisi", "type": "` + strings.Repeat("T", 5000) + `"}}`, `unknown type \"` + strings.Repeat("T", 60) + `\": want`},
		{"an unknown property", `{"q0": {"query": "Raisi", "properties": [{"pid": "shoeSize", "v": 42}]}}`, `unknown property \"shoeSize\"`},
		{"a date that is not one", `{"q0": {"query": "Raisi", "properties": [{"pid": "birthDate", "v": "14/12/1960"}]}}`, `\"14/12/1960\" is not a date`},
		{"a country that is not one", `{"q0": {"query": "Raisi", "properties": [{"pid": "country", "v": "Persia"}]}}`, `\"Persia\" is not a country`},
		{"a limit out of range", `{"q0": {"query": "Raisi", "limit": 0}}`, "limit 0 is out of range"},
		{"a limit of the wrong type", `{"q0": {"query": "Raisi", "limit": "five"}}`, "limit must be a number"},
	}
	for _, tt := range tests {
		code, _, body := a.reconcile(tt.batch)
		if code != 400 || !strings.Contains(body, tt.want) {
			t.Errorf("%s: %d %s, want 400 saying %s", tt.name, code, body[:min(len(body), 300)], tt.want)
		}
	}
	if code, body := a.post("/reconcile", "application/x-www-form-urlencoded", "nothing=here"); code != 400 || !strings.Contains(body, "no queries") {
		t.Errorf("no queries field: %d %s", code, body)
	}
	huge := "queries=" + strings.Repeat("a", 2<<20)
	if code, body := a.post("/reconcile", "application/x-www-form-urlencoded", huge); code != 413 || !strings.Contains(body, "exceeds 1 MB") {
		t.Errorf("a 2 MB body: %d %s", code, body[:min(len(body), 200)])
	}
}

func TestReconcileRoutesShareLimitsAndCORS(t *testing.T) {
	a := seededAPI(t)
	a.h = (&server.Server{DB: a.db, Logger: quiet, RatePerIP: 2, CORSOrigins: []string{"http://localhost:3333"}}).Handler()
	req := httptest.NewRequest("OPTIONS", "/reconcile", nil)
	req.Header.Set("Origin", "http://localhost:3333") // OpenRefine's page
	req.Header.Set("Access-Control-Request-Method", "POST")
	rec := httptest.NewRecorder()
	a.h.ServeHTTP(rec, req)
	if rec.Header().Get("Access-Control-Allow-Origin") != "http://localhost:3333" {
		t.Errorf("preflight from OpenRefine's origin: %d %v", rec.Code, rec.Header())
	}
	statuses := map[int]int{}
	for range 10 {
		code, _ := a.post("/match/default", "application/json", `{"queries": {"q": {"schema": "Person", "properties": {"name": ["Raisi"]}}}}`)
		statuses[code]++
	}
	if statuses[http.StatusOK] != 3 || statuses[http.StatusTooManyRequests] != 7 { // the preflight took one of the burst of 4
		t.Errorf("10 quick matches at 2/s after a preflight = %v, want 3 answered and 7 refused", statuses)
	}
}
