package server_test

import (
	"context"
	"encoding/csv"
	"encoding/json"
	"slices"
	"strings"
	"testing"

	"github.com/accgraph/accgraph/graph"
)

// TestSavedQueriesArePublishable runs every built-in saved query with its defaults, as CSV
// and as JSON, and checks what a journalist publishing the table relies on.
func TestSavedQueriesArePublishable(t *testing.T) {
	a, _ := savedAPI(t)
	list, err := a.db.SavedQueries(context.Background(), "")
	if err != nil || len(list) == 0 {
		t.Fatalf("saved queries = %d, %v", len(list), err)
	}
	// the defaults, and a run that reaches the same person and organization by two paths
	runs := map[string]string{"event-accountability?event=Assadi%20bomb%20plot": "event-accountability"}
	for _, q := range list {
		runs[q.Name] = q.Name
	}
	byName := map[string]*graph.SavedQuery{}
	for _, q := range list {
		byName[q.Name] = q
	}
	for run, name := range runs {
		q := byName[name]
		path, vars, _ := strings.Cut(run, "?")
		code, raw := a.get("/saved/" + path + ".csv?" + vars)
		if code != 200 || !strings.HasPrefix(raw, "\uFEFF") {
			t.Errorf("%s.csv = %d, starts %q: want a UTF-8 byte-order mark for Excel", q.Name, code, raw[:min(len(raw), 8)])
			continue
		}
		records, err := csv.NewReader(strings.NewReader(strings.TrimPrefix(raw, "\uFEFF"))).ReadAll()
		if err != nil || len(records) < 2 {
			t.Errorf("%s.csv: %d records, %v; want a header and rows with the defaults", q.Name, len(records), err)
			continue
		}
		if lines := strings.Count(raw, "\r\n"); lines != len(records) {
			t.Errorf("%s.csv: %d records on %d lines, want one line each", q.Name, len(records), lines)
		}
		seen := map[string]bool{} // rows alike in every fact column, whatever their sources
		for _, r := range records[1:] {
			var facts []string
			for i, c := range q.Columns {
				if !c.Citations {
					facts = append(facts, r[i])
				}
			}
			if key := strings.Join(facts, "\x00"); seen[key] {
				t.Errorf("%s.csv: the row %q twice", run, facts)
			} else {
				seen[key] = true
			}
		}
		// a fact column has a sources column after it (sources-behind's rows are citations)
		if q.Name != "sources-behind" {
			for i, c := range q.Columns {
				if !c.Citations && !slices.ContainsFunc(q.Columns[i:], func(c2 graph.Column) bool { return c2.Citations }) {
					t.Errorf("%s: column %q has no sources column after it", q.Name, c.Name)
				}
			}
		}
		bare, asJSON := a.table("/saved/"+path+"?"+vars), a.table("/saved/"+path+".json?"+vars)
		if b1, _ := json.Marshal(bare); string(b1) != mustJSON(asJSON) || len(asJSON.Rows) != len(records)-1 {
			t.Errorf("%s.json: %d rows, the CSV %d; /saved/%s gives the same: %v", run, len(asJSON.Rows), len(records)-1, path, string(b1) == mustJSON(asJSON))
		}
	}
	if code, raw := a.get("/saved/court-verdicts.csv?bom=0"); code != 200 || !strings.HasPrefix(raw, "Verdict,") {
		t.Errorf("bom=0: %d %q", code, raw[:min(len(raw), 10)])
	}

	// typed JSON: numbers are numbers, booleans booleans, a citations column a list
	events := a.table("/saved/events-by-kind.json")
	if v := events.Rows[0][slices.Index(events.Columns, "Victims")]; v != 30000.0 {
		t.Errorf("Victims = %#v, want the number 30000", v)
	}
	if v, ok := events.Rows[0][slices.Index(events.Columns, "Responsibility sources")].([]any); !ok || len(v) == 0 {
		t.Errorf("Responsibility sources = %#v, want a list of citations", v)
	}
	sources := a.table("/saved/sources-behind.json")
	if v := sources.Rows[0][slices.Index(sources.Columns, "Checked against the document")]; v != true && v != false {
		t.Errorf("Checked = %#v, want a boolean", v)
	}
	if got := column(sources, "Supports"); !slices.Contains(got, "Ebrahim Raisi") || !slices.Contains(got, "member of 1988 Death Commissions") {
		t.Errorf("sources-behind supports %q: want the entity's own citations and those of its relationships", got)
	}

	// undated facts are kept and marked
	plots := a.table("/saved/events-by-kind?kind=ATTACK_PLOT")
	if got := column(plots, "Event"); len(got) == 0 || got[0] != "Failed bomb attack plot in the Assadi case" || column(plots, "From")[0] != "undated" {
		t.Errorf("ATTACK_PLOT events = %q, from %q", got, column(plots, "From"))
	}
	if got := column(a.table("/saved/person-timeline?person=person:assadollah-assadi"), "Date"); len(got) < 5 || got[len(got)-1] != "undated" {
		t.Errorf("Assadi's timeline dates = %q, want his undated facts, marked", got)
	}

	// one row per fact: each responsibility its own row with its own confidence
	massacre := a.table("/saved/events-by-kind")
	for i, who := range column(massacre, "Responsible") {
		if strings.Contains(who, ";") || column(massacre, "Confidence")[i] == "" {
			t.Errorf("events-by-kind row %d: responsible %q, confidence %q", i, who, column(massacre, "Confidence")[i])
		}
	}

	// variables take names
	for url, want := range map[string][]string{
		"/saved/who-held-post?position=Justice%20Minister":                            {"Alireza Avaei"},
		"/saved/who-held-post?position=minister%20of%20foreign%20affairs%20of%20iran": {"Mohammad Javad Zarif"},
		"/saved/who-held-post?position=foreign%20minister":                            {"Mohammad Javad Zarif"},
		"/saved/death-commission-members.json?commission=Death%20Commissions":         {"Alireza Avaei", "Ebrahim Raisi"},
		"/saved/death-commission-members?commission=org:1988-death-commissions":       {"Alireza Avaei", "Ebrahim Raisi"},
	} {
		tb := a.table(url)
		if got := column(tb, tb.Columns[0]); !slices.Equal(got, want) {
			t.Errorf("GET %s: %q, want %q", url, got, want)
		}
	}
	for url, want := range map[string]string{
		"/saved/who-held-post?position=Minister":                         `400 matches 2 entities; give the name or id of one: Minister of Justice of Iran (position:iran-minister-of-justice), Minister of Foreign Affairs of Iran (position:iran-minister-of-foreign-affairs)`,
		"/saved/who-held-post?position=Zebra%20Keeper":                   `404 variable position: no position matches \"Zebra Keeper\"; give a name or an id`,
		"/saved/person-timeline.csv?person=Iran":                         `404 variable person: no person matches \"Iran\"`,
		"/saved/claims-by-organization.csv?organization=Iran":            `400 variable organization: \"Iran\" matches 10 entities; give the name or id of one: People’s Mojahedin`,
		"/saved/who-held-post?position=position:nowhere":                 `404 variable position: no entity`,
		"/saved/who-held-post.csv?bom=maybe":                             "400 bom must be 1 or 0",
		"/saved/who-held-post?position=":                                 "400 variable position is empty: give a name or an id",
		"/saved/who-held-post?position=" + strings.Repeat("word%20", 20): "400 variable position: ",
	} {
		code, body := a.get(url)
		status, text, _ := strings.Cut(want, " ")
		if status != itoa(code) || !strings.Contains(body, text) {
			t.Errorf("GET %s = %d %s, want %s", url, code, body, want)
		}
	}
}

func itoa(n int) string { b, _ := json.Marshal(n); return string(b) }

func mustJSON(v any) string { b, _ := json.Marshal(v); return string(b) }

// TestContainsIgnoresCase: a where filter's contains finds a name in any letter case.
func TestContainsIgnoresCase(t *testing.T) {
	a := seededAPI(t)
	for _, text := range []string{"raisi", "RAISI", "Raisi"} {
		data := a.ok(`query($t: String!) { people(where: {name: {contains: $t}}) { edges { node { name } } } }`, map[string]any{"t": text})
		edges := data["people"].(map[string]any)["edges"].([]any)
		if len(edges) != 1 || edges[0].(map[string]any)["node"].(map[string]any)["name"] != "Ebrahim Raisi" {
			t.Errorf("contains %q = %v", text, edges)
		}
	}
}

// TestRootListsOfStatementsAndPlaces: statements and places are listed like the other
// kinds, filtered, ordered and counted.
func TestRootListsOfStatementsAndPlaces(t *testing.T) {
	a := seededAPI(t)
	data := a.ok(`{
  all: statements(first: 100) { totalCount }
  zarif: statements(where: {text: {contains: "ARREST WARRANT"}}, orderBy: [{field: NAME}]) { totalCount edges { node { name text speakers { source { name } } } } }
  places(where: {name: {contains: "vienna"}}) { totalCount edges { node { id name locatedIn { target { name } } } } }
  europe: places(where: {contains: {some: {}}}, orderBy: [{field: NAME}]) { edges { node { name } } }
}`, nil)
	if n := data["all"].(map[string]any)["totalCount"]; n != 18.0 {
		t.Errorf("statements: %v, want the 18 curated ones", n)
	}
	z := data["zarif"].(map[string]any)
	edges := z["edges"].([]any)
	if z["totalCount"] != 1.0 || len(edges) != 1 {
		t.Fatalf("statements with the words = %v", z)
	}
	node := edges[0].(map[string]any)["node"].(map[string]any)
	speakers := node["speakers"].([]any)
	if node["name"] != "Rise: European leaders must add an arrest warrant for Zarif" || len(speakers) != 1 ||
		speakers[0].(map[string]any)["source"].(map[string]any)["name"] != "Lars Rise" {
		t.Errorf("statement = %v", node)
	}
	p := data["places"].(map[string]any)
	pe := p["edges"].([]any)
	if p["totalCount"] != 1.0 || len(pe) != 1 || pe[0].(map[string]any)["node"].(map[string]any)["id"] != "place:vienna" {
		t.Errorf("places named vienna = %v", p)
	}
	if within := pe[0].(map[string]any)["node"].(map[string]any)["locatedIn"].([]any); len(within) != 1 ||
		within[0].(map[string]any)["target"].(map[string]any)["name"] != "Austria" {
		t.Errorf("Vienna lies in %v", within)
	}
	if e := data["europe"].(map[string]any)["edges"].([]any); len(e) == 0 {
		t.Errorf("places containing others = %v", e)
	}
}
