package server_test

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"
)

type matchAnswer struct {
	Responses map[string]struct {
		Status  int
		Results []struct {
			ID         string
			Caption    string
			Schema     string
			Properties map[string][]string
			Score      float64
			Match      bool
			Features   map[string]float64
		}
		Total struct {
			Value    int
			Relation string
		}
		Query struct {
			Schema     string
			Properties map[string][]string
		}
	}
	Limit     int
	Threshold float64
	Matcher   struct{ Features map[string]string }
}

func (a *api) match(path, body string) (int, matchAnswer, string) {
	a.t.Helper()
	code, raw := a.post(path, "application/json", body)
	var out matchAnswer
	if code == 200 {
		if err := json.Unmarshal([]byte(raw), &out); err != nil {
			a.t.Fatalf("answer is not yente's shape: %v\n%s", err, raw)
		}
	}
	return code, out, raw
}

func TestMatchFtMQueryEntities(t *testing.T) {
	a := seededAPI(t)
	withFtM(t, a)
	body := `{"queries": {
	  "nouri": {"schema": "Person", "properties": {"name": ["Hamid Nouri"], "birthDate": ["1961-04-05"], "nationality": ["ir"], "gender": ["male"]}},
	  "byId": {"schema": "Person", "properties": {"name": ["Nouri"], "idNumber": ["ir 4411 77"]}},
	  "raisi": {"schema": "Person", "properties": {"name": ["Raisi, Ebrahim"], "nationality": ["Iran"]}},
	  "absent": {"schema": "Person", "properties": {"name": ["Angela Merkel"], "birthDate": ["1954-07-17"]}},
	  "ministry": {"schema": "PublicBody", "properties": {"name": ["the Ministry of Intelligence"], "country": ["IRN"]}}
	}}`
	before := a.db.Statements()
	code, res, raw := a.match("/match/default", body)
	if code != 200 {
		t.Fatalf("POST /match/default = %d %s", code, raw)
	}
	if n := a.db.Statements() - before; n != 1 {
		t.Errorf("a batch of 5 sent %d statements, want 1", n)
	}
	if res.Limit != 5 || res.Threshold != 0.8 || len(res.Matcher.Features) == 0 {
		t.Errorf("limit %d threshold %v matcher %v", res.Limit, res.Threshold, res.Matcher)
	}
	nouri := res.Responses["nouri"]
	if nouri.Status != 200 || nouri.Total.Relation != "eq" || nouri.Total.Value < 2 || nouri.Query.Schema != "Person" || nouri.Query.Properties["gender"][0] != "male" {
		t.Errorf("nouri: status %d total %+v query %+v", nouri.Status, nouri.Total, nouri.Query)
	}
	if len(nouri.Results) < 2 {
		t.Fatalf("nouri: %+v, want both namesakes", nouri.Results)
	}
	first, second := nouri.Results[0], nouri.Results[1]
	if first.ID != "person:ftm-nouri-1" || !first.Match || first.Features["date_match"] != 1 || first.Features["country_match"] != 1 ||
		first.Schema != "Person" || first.Caption != "Hamid Nouri" || first.Properties["birthDate"][0] != "1961-04-05" {
		t.Errorf("nouri: first %+v, want the one born 1961-04-05 in Iran, matched", first)
	}
	if second.ID != "person:ftm-nouri-2" || second.Match || second.Features["date_mismatch"] != 1 || second.Features["country_mismatch"] != 1 || second.Score >= first.Score {
		t.Errorf("nouri: the namesake born 1978 in Sweden = %+v, want a lower score and no match", second)
	}
	if r := res.Responses["byId"].Results; len(r) == 0 || r[0].ID != "person:ftm-nouri-1" || !r[0].Match || r[0].Features["identifier_match"] != 1 {
		t.Errorf("by id number = %+v", r)
	}
	if r := res.Responses["raisi"].Results; len(r) == 0 || r[0].ID != "person:ebrahim-raisi" || !r[0].Match || r[0].Features["country_match"] != 1 ||
		!strings.Contains(strings.Join(r[0].Properties["position"], ";"), "Head of the Judiciary of Iran") {
		t.Errorf("raisi = %+v", r)
	}
	for _, r := range res.Responses["absent"].Results {
		if r.Match || r.Score >= 0.6 {
			t.Errorf("Angela Merkel is not in the graph, yet %+v", r)
		}
	}
	if r := res.Responses["ministry"].Results; len(r) == 0 || r[0].ID != "org:iran-ministry-of-intelligence" || !r[0].Match || r[0].Schema != "Organization" {
		t.Errorf("ministry = %+v", r)
	}

	// a dataset of the graph: only what it holds
	code, res, raw = a.match("/match/se_court", body)
	if code != 200 || len(res.Responses["raisi"].Results) != 0 || len(res.Responses["nouri"].Results) != 2 {
		t.Errorf("/match/se_court = %d %s", code, raw)
	}
	code, res, raw = a.match("/match/se_court", `{"queries": {"q": {"properties": {"name": ["Angela Merkel"]}}}}`)
	if code != 200 || len(res.Responses["q"].Results) != 0 {
		t.Errorf("/match/se_court with nothing to find = %d %s, want 200 and no results", code, raw)
	}
	code, _, raw = a.match("/match/no-such-list", body)
	if code != 404 || !strings.Contains(raw, `no dataset \"no-such-list\"`) || !strings.Contains(raw, "se_court") {
		t.Errorf("/match/no-such-list = %d %s, want 404 naming the datasets", code, raw)
	}

	// threshold and cutoff
	typo := `{"queries": {"q": {"schema": "Person", "properties": {"name": ["Hamid Nuri"]}}}}`
	_, res, raw = a.match("/match/default", typo)
	if r := res.Responses["q"].Results; len(r) == 0 || !r[0].Match || r[0].Score == 1 {
		t.Fatalf("a misspelt name = %s", raw)
	}
	_, res, _ = a.match("/match/default?threshold=1", typo)
	if r := res.Responses["q"].Results; len(r) == 0 || r[0].Match || res.Threshold != 1 {
		t.Errorf("threshold=1 still matches %+v", r)
	}
	_, res, _ = a.match("/match/default?cutoff=0.9&limit=1", typo)
	if r := res.Responses["q"].Results; len(r) != 1 || r[0].Score < 0.9 || res.Limit != 1 {
		t.Errorf("cutoff=0.9&limit=1 = %+v", r)
	}
}

func TestMatchBadInputIsA400NamingIt(t *testing.T) {
	a := seededAPI(t)
	var many []string
	for i := 0; i < 101; i++ {
		many = append(many, fmt.Sprintf(`"q%d": {"schema": "Person", "properties": {"name": ["Raisi"]}}`, i))
	}
	q := func(entity string) string { return `{"queries": {"q1": ` + entity + `}}` }
	tests := []struct{ name, path, body, want string }{
		{"malformed JSON", "/match/default", `{"queries": {"q1": {"schema": "Person"`, "the request body is not valid JSON"},
		{"queries not an object", "/match/default", `{"queries": ["Raisi"]}`, "queries must be an object"},
		{"too many queries", "/match/default", `{"queries": {` + strings.Join(many, ",") + `}}`, "101 queries in one batch, at most 100"},
		{"no queries", "/match/default", `{}`, "no queries"},
		{"an unknown schema", "/match/default", q(`{"schema": "Spaceship", "properties": {"name": ["Raisi"]}}`), `unknown schema \"Spaceship\"`},
		{"no name", "/match/default", q(`{"schema": "Person", "properties": {"birthDate": ["1960"]}}`), "no name to match"},
		{"a huge name", "/match/default", q(`{"schema": "Person", "properties": {"name": ["` + strings.Repeat("Raisi ", 5000) + `"]}}`), "a value of 30000 bytes"},
		{"too many names", "/match/default", q(`{"schema": "Person", "properties": {"name": ["a","b","c","d","e","f","g","h","i","j","k"]}}`), "more than 10 names"},
		{"a bad birth date", "/match/default", q(`{"schema": "Person", "properties": {"name": ["Raisi"], "birthDate": ["last year"]}}`), `\"last year\" is not a date`},
		{"properties of the wrong type", "/match/default", q(`{"schema": "Person", "properties": {"name": [{"first": "Ebrahim"}]}}`), "properties.name must be a list of strings"},
		{"a limit out of range", "/match/default?limit=0", q(`{"schema": "Person", "properties": {"name": ["Raisi"]}}`), `limit \"0\" is out of range`},
		{"a threshold out of range", "/match/default?threshold=2", q(`{"schema": "Person", "properties": {"name": ["Raisi"]}}`), `threshold \"2\" is out of range`},
	}
	for _, tt := range tests {
		code, _, raw := a.match(tt.path, tt.body)
		if code != 400 || !strings.Contains(raw, tt.want) {
			t.Errorf("%s: %d %s, want 400 saying %s", tt.name, code, raw[:min(len(raw), 300)], tt.want)
		}
	}
	if code, _, raw := a.match("/match/default", `{"queries": {"q": {"schema": "Person", "properties": {"name": ["`+strings.Repeat("a", 2<<20)+`"]}}}}`); code != 413 {
		t.Errorf("a 2 MB body = %d %s", code, raw[:min(len(raw), 200)])
	}
}
