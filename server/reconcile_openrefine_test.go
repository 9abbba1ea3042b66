package server_test

import (
	"encoding/json"
	"fmt"
	"testing"
)

// openRefineNames is a column of 50 names as a journalist's spreadsheet has them: with
// "of" and "the", in Persian, misspelt, reordered; the last 15 are not in the graph.
var openRefineNames = []struct{ name, typ, want string }{
	{"Ebrahim Raisi", "PERSON", "person:ebrahim-raisi"},
	{"RAISI, Ebrahim", "PERSON", "person:ebrahim-raisi"},
	{"Ebrahim Raisy", "PERSON", "person:ebrahim-raisi"},
	{"ابراهیم رئیسی", "", "person:ebrahim-raisi"},
	{"ابراهيم رئيسي", "", "person:ebrahim-raisi"}, // Arabic yeh
	{"Ali-Reza Avaei", "PERSON", "person:alireza-avaei"},
	{"Mohamad Javad Zarif", "PERSON", "person:mohammad-javad-zarif"},
	{"Javad Zarif", "", "person:mohammad-javad-zarif"},
	{"محمدجواد ظریف", "", "person:mohammad-javad-zarif"},
	{"Asadollah Asadi", "PERSON", "person:assadollah-assadi"},
	{"Assadolah Assadi", "PERSON", "person:assadollah-assadi"},
	{"Tahar Boumedra", "", "person:tahar-boumedra"},
	{"Dr Tahar Boumedra", "PERSON", "person:tahar-boumedra"},
	{"Lars Rise", "PERSON", "person:lars-rise"},
	{"Maryam Radjavi", "PERSON", "person:maryam-rajavi"},
	{"مریم رجوی", "", "person:maryam-rajavi"},
	{"Josep Borrell Fontelles", "PERSON", "person:josep-borrell"},
	{"Mansoureh Galestan", "", "person:mansoureh-galestan"},
	{"the Ministry of Foreign Affairs", "ORGANIZATION", "org:iran-ministry-of-foreign-affairs"},
	{"Ministry of Intelligence", "ORGANIZATION", "org:iran-ministry-of-intelligence"},
	{"Embassy of Iran in Vienna", "", "org:embassy-rajavi-refers-to"},
	{"the Iranian embassy in Vienna", "ORGANIZATION", "org:embassy-rajavi-refers-to"},
	{"Islamic Revolutionary Guards Corps", "ORGANIZATION", "org:irgc"},
	{"IRGC", "", "org:irgc"},
	{"National Council of Resistance of Iran", "", "org:ncri"},
	{"NCRI", "ORGANIZATION", "org:ncri"},
	{"People's Mojahedin Organization of Iran", "", "org:pmoi"},
	{"MEK", "ORGANIZATION", "org:pmoi"},
	{"United Nations Security Council", "", "org:un-security-council"},
	{"UN General Assembly", "ORGANIZATION", "org:un-general-assembly"},
	{"European Union", "", "org:european-union"},
	{"Head of the Judiciary", "POSITION", "position:iran-head-of-judiciary"},
	{"Justice Minister", "POSITION", "position:iran-minister-of-justice"},
	{"1988 massacre", "EVENT", "event:1988-massacre"},
	{"Storting", "", "org:norwegian-parliament"},
	{"Angela Merkel", "PERSON", ""},
	{"Mohammad Reza Pahlavi", "PERSON", ""},
	{"Hassan Rouhani", "", ""},
	{"Ali Khamenei", "PERSON", ""},
	{"Ebrahim Rahimi", "PERSON", ""},
	{"Maryam Rahimi", "", ""},
	{"Lars Olsen", "PERSON", ""},
	{"Josep Guardiola", "", ""},
	{"Ministry of Health", "ORGANIZATION", ""},
	{"Ministry of Defence", "", ""},
	{"Embassy of France in Berlin", "ORGANIZATION", ""},
	{"World Health Organization", "", ""},
	{"Islamic Republic News Agency", "ORGANIZATION", ""},
	{"Amnesty International", "", ""},
	{"Mahmoud Ahmadinejad", "PERSON", ""},
}

func TestReconcileFiftyNamesAsOpenRefineSendsThem(t *testing.T) {
	a := seededAPI(t)
	if len(openRefineNames) != 50 {
		t.Fatalf("%d names, want 50", len(openRefineNames))
	}
	// OpenRefine 3: {"q0": {"query": ..., "type": ..., "type_strict": "should", "limit": ...}}
	batch := map[string]map[string]any{}
	for i, n := range openRefineNames {
		q := map[string]any{"query": n.name, "type_strict": "should"}
		if n.typ != "" || i%3 == 0 { // sometimes "", as OpenRefine sends "no particular type"
			q["type"] = n.typ
		}
		if i%2 == 0 {
			q["limit"] = 3
		}
		batch[fmt.Sprintf("q%d", i)] = q
	}
	raw, _ := json.Marshal(batch)
	before := a.db.Statements()
	code, res, body := a.reconcile(string(raw))
	if code != 200 {
		t.Fatalf("POST /reconcile = %d %s", code, body)
	}
	if n := a.db.Statements() - before; n != 1 {
		t.Errorf("a batch of 50 sent %d Cypher statements, want 1", n)
	}
	valid(t, "reconciliation-result-batch.json", body)
	found, refused, worstPresent, bestAbsent := 0, 0, 1.0, 0.0
	for i, n := range openRefineNames {
		cands := res[fmt.Sprintf("q%d", i)].Result
		if i%2 == 0 && len(cands) > 3 {
			t.Errorf("%q: %d candidates past the limit of 3", n.name, len(cands))
		}
		matches := 0
		for _, c := range cands {
			if c.Match {
				matches++
			}
		}
		if n.want == "" {
			if matches > 0 || len(cands) > 0 && cands[0].Score >= 0.6 {
				t.Errorf("%q is not in the graph, yet %+v", n.name, cands[0])
				continue
			}
			refused++
			if len(cands) > 0 {
				bestAbsent = max(bestAbsent, cands[0].Score)
			}
			continue
		}
		if len(cands) == 0 || cands[0].ID != n.want || !cands[0].Match || matches != 1 {
			t.Errorf("%q: candidates %+v, want %s alone matched", n.name, cands, n.want)
			continue
		}
		found++
		worstPresent = min(worstPresent, cands[0].Score)
	}
	t.Logf("matched %d of 35 present names (lowest score %.3f); refused %d of 15 absent ones (highest score %.3f)", found, worstPresent, refused, bestAbsent)
}
