package server_test

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"

	"github.com/accgraph/accgraph/seed"
)

// withFtM adds imported people to the seeded graph: two namesakes told apart by birth
// date, nationality and an id number, and one whose name is markup.
func withFtM(t *testing.T, a *api) {
	t.Helper()
	lines := `{"id": "nouri-1", "schema": "Person", "datasets": ["se_court"], "properties": {"name": ["Hamid Nouri"], "alias": ["Hamid Abbasi"], "birthDate": ["1961-04-05"], "nationality": ["ir"], "idNumber": ["IR-4411-77"]}}
{"id": "nouri-2", "schema": "Person", "datasets": ["se_court"], "properties": {"name": ["Hamid Nouri"], "birthDate": ["1978-01-01"], "nationality": ["se"]}}
{"id": "markup", "schema": "Person", "datasets": ["se_court"], "properties": {"name": ["<script>alert(1)</script> & \"Co\""]}}
`
	var entities []seed.FtMEntity
	if err := seed.ParseFtM(strings.NewReader(lines), func(e seed.FtMEntity) error { entities = append(entities, e); return nil },
		func(p seed.FtMProblem) error { return fmt.Errorf("%s", p) }); err != nil {
		t.Fatal(err)
	}
	ds, problems := seed.NewFtMMapper("test.ftm.json").Map(entities)
	if len(problems) > 0 {
		t.Fatalf("mapping the FtM entities: %v", problems)
	}
	if _, err := a.db.Write(context.Background(), ds); err != nil {
		t.Fatal(err)
	}
}

func TestSuggestPreviewAndExtend(t *testing.T) {
	a := seededAPI(t)
	withFtM(t, a)
	for prefix, want := range map[string]string{"Rai": "person:ebrahim-raisi", "ministry of fo": "org:iran-ministry-of-foreign-affairs",
		"ابراهیم": "person:ebrahim-raisi", "Javad Z": "person:mohammad-javad-zarif"} {
		code, body := a.get("/reconcile/suggest/entity?prefix=" + url.QueryEscape(prefix))
		valid(t, "suggest-entities-response.json", body)
		var res struct{ Result []struct{ ID string } }
		if code != 200 || json.Unmarshal([]byte(body), &res) != nil || len(res.Result) == 0 || res.Result[0].ID != want {
			t.Errorf("suggest %q = %d %s, want %s first", prefix, code, body, want)
		}
	}
	code, body := a.get("/reconcile/suggest/entity?prefix=Rai&type=ORGANIZATION")
	if code != 200 || strings.Contains(body, "person:") {
		t.Errorf("suggest among organizations = %d %s", code, body)
	}
	code, body = a.get("/reconcile/suggest/type?prefix=pe")
	if code != 200 || !strings.Contains(body, `"id":"PERSON"`) || strings.Contains(body, "ORGANIZATION") {
		t.Errorf("suggest type pe = %d %s", code, body)
	}
	code, body = a.get("/reconcile/suggest/property?prefix=birth")
	if code != 200 || !strings.Contains(body, `"id":"birthDate"`) {
		t.Errorf("suggest property birth = %d %s", code, body)
	}

	rec := httptest.NewRecorder()
	a.h.ServeHTTP(rec, httptest.NewRequest("GET", "/reconcile/preview?id=person:ftm-markup", nil))
	page := rec.Body.String()
	if rec.Code != 200 || strings.Contains(page, "<script>") || !strings.Contains(page, "&lt;script&gt;alert(1)&lt;/script&gt; &amp; &#34;Co&#34;") {
		t.Errorf("preview of a name that is markup = %d %s", rec.Code, page)
	}
	if csp := rec.Header().Get("Content-Security-Policy"); !strings.Contains(csp, "default-src 'none'") || strings.Contains(csp, "frame-ancestors") ||
		rec.Header().Get("X-Frame-Options") != "" {
		t.Errorf("preview policy %q, X-Frame-Options %q: it must load nothing yet be framed by OpenRefine", csp, rec.Header().Get("X-Frame-Options"))
	}
	rec = httptest.NewRecorder()
	a.h.ServeHTTP(rec, httptest.NewRequest("GET", "/reconcile/preview?id=person:ebrahim-raisi", nil))
	if page := rec.Body.String(); !strings.Contains(page, "Ebrahim Raeesi") || !strings.Contains(page, "Head of the Judiciary of Iran") {
		t.Errorf("Raisi's preview lacks his alias or post: %s", page)
	}
	if code, body := a.get("/reconcile/preview?id=person:nobody"); code != 404 || !strings.Contains(body, "no entity") {
		t.Errorf("preview of no entity = %d %s", code, body)
	}

	code, body = a.get("/reconcile/extend/propose?type=PERSON")
	if code != 200 || !strings.Contains(body, `"id":"posts"`) || !strings.Contains(body, `"id":"aliases"`) {
		t.Errorf("propose properties for people = %d %s", code, body)
	}
	ext := `{"ids": ["person:ebrahim-raisi", "org:embassy-rajavi-refers-to", "person:nobody"], "properties": [{"id": "aliases"}, {"id": "posts"}, {"id": "kind"}, {"id": "type"}, {"id": "countries"}]}`
	code, body = a.post("/reconcile", "application/x-www-form-urlencoded", url.Values{"extend": {ext}}.Encode())
	if code != 200 {
		t.Fatalf("extend = %d %s", code, body)
	}
	valid(t, "data-extension-response.json", body)
	var res struct {
		Meta []struct{ ID, Name string }
		Rows map[string]map[string][]struct{ Str string }
	}
	if err := json.Unmarshal([]byte(body), &res); err != nil {
		t.Fatal(err)
	}
	strs := func(id, prop string) string {
		var out []string
		for _, v := range res.Rows[id][prop] {
			out = append(out, v.Str)
		}
		return strings.Join(out, "; ")
	}
	for _, tt := range []struct{ id, prop, want string }{
		{"person:ebrahim-raisi", "posts", "Head of the Judiciary of Iran"},
		{"person:ebrahim-raisi", "kind", "PERSON"},
		{"person:ebrahim-raisi", "countries", "ir"},
		{"org:embassy-rajavi-refers-to", "type", "EMBASSY"},
		{"org:embassy-rajavi-refers-to", "countries", "at; ir"},
		{"org:embassy-rajavi-refers-to", "aliases", "Embassy of Iran in Vienna; Iranian embassy in Vienna"},
		{"person:nobody", "aliases", ""},
	} {
		if got := strs(tt.id, tt.prop); got != tt.want {
			t.Errorf("extend %s %s = %q, want %q", tt.id, tt.prop, got, tt.want)
		}
	}
	if !strings.Contains(strs("person:ebrahim-raisi", "aliases"), "ابراهیم رئیسی") || len(res.Meta) != 5 || res.Meta[1].ID != "posts" {
		t.Errorf("extend: aliases %q, meta %+v", strs("person:ebrahim-raisi", "aliases"), res.Meta)
	}
	if code, body := a.post("/reconcile", "application/x-www-form-urlencoded", url.Values{"extend": {`{"ids": ["x"], "properties": [{"id": "shoeSize"}]}`}}.Encode()); code != 400 || !strings.Contains(body, `unknown property \"shoeSize\"`) {
		t.Errorf("extend with an unknown property = %d %s", code, body)
	}
}
