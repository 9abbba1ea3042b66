package server_test

import (
	"context"
	"encoding/json"
	"strings"
	"testing"

	"github.com/accgraph/accgraph/graph"
	"github.com/accgraph/accgraph/graph/graphtest"
)

const articleCite = `{source: "source:ncri-factions-collaborate", quote: "the Justice Minister Alireza Avaei", claimedBy: "person:mansoureh-galestan", confidence: ALLEGED}`

func editorAPI(t *testing.T) (*api, string, string) {
	t.Helper()
	a, _ := savedAPI(t)
	editor, err := a.db.CreateAPIKey(context.Background(), "editor-one", graph.RoleEditor)
	if err != nil {
		t.Fatal(err)
	}
	reader, _ := a.db.CreateAPIKey(context.Background(), "reader-one", graph.RoleReader)
	return a, editor, reader
}

func TestMutationsNeedKeysAndAreAudited(t *testing.T) {
	a, editor, reader := editorAPI(t)
	mutations := map[string]string{
		"createEntity": `mutation { createEntity(input: {id: "person:new-official", name: "New Official", citations: [` + articleCite + `]}) { id name citations { quote source { title } } } }`,
		"updateEntity": `mutation { updateEntity(id: "person:alireza-avaei", input: {description: "Justice minister, 2017–2021"}) { id description } }`,
		"link": `mutation { link(from: "person:alireza-avaei", type: MEMBER_OF, to: "org:iran-ministry-of-justice",
			properties: {role: "minister", attested: "2021-02"}, citations: [` + articleCite + `]) }`,
		"addCitation":   `mutation { addCitation(id: "holds:alireza-avaei--iran-minister-of-justice", citation: ` + articleCite + `) }`,
		"setConfidence": `mutation { setConfidence(id: "person:alireza-avaei", confidence: ALLEGED) }`,
		"retract":       `mutation { retract(id: "stated:mansoureh-galestan--galestan-prolific-executioner", reason: "the author's statement, not hers to retract: a test") }`,
		"unlink":        `mutation { unlink(id: "located_in:place-vienna--austria") }`,
		"addSource": `mutation { addSource(input: {id: "source:un-report", name: "UN report", kind: "UN_DOCUMENT", title: "Report", publisher: "United Nations",
			citations: [{source: "source:ncri-factions-collaborate", quote: "Special Rapporteur on Iran Human Rights", claimedBy: "org:united-nations", confidence: ALLEGED}]}) { id title } }`,
	}
	for name, m := range mutations {
		if r := a.as("", map[string]any{"query": m}); r.Status != 401 || code(r) != "UNAUTHENTICATED" {
			t.Errorf("%s without a key = %d %s", name, r.Status, r.raw)
		}
		if r := a.as(reader, map[string]any{"query": m}); r.Status != 403 || code(r) != "FORBIDDEN" {
			t.Errorf("%s with a reader key = %d %s", name, r.Status, r.raw)
		}
	}
	for _, name := range []string{"createEntity", "updateEntity", "link", "addCitation", "setConfidence", "retract", "addSource"} {
		if r := a.as(editor, map[string]any{"query": mutations[name]}); r.Status != 200 || len(r.Errors) > 0 {
			t.Errorf("%s with an editor key = %d %s", name, r.Status, r.raw)
		}
	}
	created := a.ok(`{ entity(id: "person:new-official") { name citations { quote claimedBy { id } } } }`, nil)["entity"].(map[string]any)
	if created["name"] != "New Official" || len(created["citations"].([]any)) != 1 {
		t.Errorf("created entity = %v", created)
	}

	// history: who, which mutation, before and after
	r := a.as(reader, map[string]any{"query": `{ history(id: "person:alireza-avaei") { by mutation ids before after } }`})
	var h []struct{ By, Mutation, Before, After string }
	raw, _ := json.Marshal(r.Data["history"])
	_ = json.Unmarshal(raw, &h)
	if len(h) != 2 || h[0].Mutation != "setConfidence" || h[1].Mutation != "updateEntity" || h[0].By != "editor-one" {
		t.Fatalf("history of Avaei = %s", r.raw)
	}
	var before, after map[string]map[string]any
	_ = json.Unmarshal([]byte(h[1].Before), &before)
	_ = json.Unmarshal([]byte(h[1].After), &after)
	if before["person:alireza-avaei"]["description"] != "Iran's Minister of Justice when the article was published." ||
		after["person:alireza-avaei"]["description"] != "Justice minister, 2017–2021" {
		t.Errorf("updateEntity before %v after %v", before, after)
	}
	if r := a.as(reader, map[string]any{"query": `{ changes(since: "2020-01-01T00:00:00Z") { id } }`}); code(r) != "FORBIDDEN" {
		t.Errorf("changes for a reader: %s", r.raw)
	}
	admin, _ := a.db.CreateAPIKey(context.Background(), "admin-one", graph.RoleAdmin)
	r = a.as(admin, map[string]any{"query": `{ changes(since: "2020-01-01T00:00:00Z", by: "editor-one") { mutation } }`})
	if n := len(r.Data["changes"].([]any)); n != 7 {
		t.Errorf("changes by editor-one = %d, want the 7 mutations: %s", n, r.raw)
	}

	// a retracted relationship leaves default answers and stays visible on request
	data := a.ok(`{ entity(id: "person:mansoureh-galestan") { ... on Person {
	  statements { id } all: statements(includeRetracted: true) { id confidence retraction } } } }`, nil)
	galestan := data["entity"].(map[string]any)
	if len(galestan["all"].([]any))-len(galestan["statements"].([]any)) != 1 {
		t.Errorf("retracted statement: %v", galestan)
	}
	r = a.as(reader, map[string]any{"query": `{ history(id: "stated:mansoureh-galestan--galestan-prolific-executioner") { mutation after } }`})
	if list, _ := r.Data["history"].([]any); len(list) != 1 || !strings.Contains(list[0].(map[string]any)["after"].(string), `"confidence":"RETRACTED"`) {
		t.Errorf("history of the retracted relationship = %s", r.raw)
	}
}

func TestMutationsRefuseBadInputAndWriteNothing(t *testing.T) {
	a, editor, _ := editorAPI(t)
	before := graphtest.Snapshot(t)
	for name, tt := range map[string]struct{ m, want string }{
		"link without citation": {`mutation { link(from: "person:alireza-avaei", type: MEMBER_OF, to: "org:irgc", citations: []) }`,
			"citations: missing citation"},
		"unknown source": {`mutation { link(from: "person:alireza-avaei", type: MEMBER_OF, to: "org:irgc",
			citations: [{source: "source:nowhere", quote: "x", claimedBy: "org:ncri", confidence: ALLEGED}]) }`, `unknown source "source:nowhere"`},
		"wrong labels": {`mutation { link(from: "person:alireza-avaei", type: HOLDS, to: "org:irgc", citations: [` + articleCite + `]) }`,
			"HOLDS cannot join a Person to an Organization"},
		"dangling target": {`mutation { link(from: "person:alireza-avaei", type: MEMBER_OF, to: "org:ghost", citations: [` + articleCite + `]) }`,
			`dangling reference: no entity "org:ghost"`},
		"stronger than cited": {`mutation { setConfidence(id: "person:alireza-avaei", confidence: ADJUDICATED) }`,
			"confidence ADJUDICATED is stronger than its citations support (ALLEGED)"},
		"entity without citation": {`mutation { createEntity(input: {id: "person:x", name: "X", citations: []}) { id } }`,
			"citations: missing citation"},
		"entity of no kind": {`mutation { createEntity(input: {id: "nobody", name: "X", citations: [` + articleCite + `]}) { id } }`,
			"must start with person:"},
		"existing id": {`mutation { createEntity(input: {id: "person:ebrahim-raisi", name: "X", citations: [` + articleCite + `]}) { id } }`,
			"person:ebrahim-raisi exists"},
	} {
		r := a.as(editor, map[string]any{"query": tt.m})
		if len(r.Errors) == 0 || !strings.Contains(r.Errors[0].Message, tt.want) {
			t.Errorf("%s = %s, want an error saying %q", name, r.raw, tt.want)
		}
	}
	if after := graphtest.Snapshot(t); after != before {
		t.Error("a refused mutation changed the graph")
	}
}

// TestInjectionCorpusIsStoredVerbatim: what looks like Cypher, Lucene or unicode tricks is
// data, stored and returned to the byte.
func TestInjectionCorpusIsStoredVerbatim(t *testing.T) {
	a, editor, _ := editorAPI(t)
	corpus := []string{
		"x'}) MATCH (n) DETACH DELETE n //",
		"name:raisi~ AND \"~*?\\\\/",
		"\u202eevil\u202c \u200b zero\u200dwidth e\u0301 ﷽ 🏳️‍🌈",
		"$param {id: $id} `backtick`",
	}
	long := strings.Repeat("long ", 150000) // 750 kB
	for i, text := range append(corpus, long) {
		id := "person:corpus-" + string(rune('a'+i))
		name := text
		if text == long {
			name = "Long description" // names are indexed and bounded; descriptions are not
		}
		r := a.as(editor, map[string]any{
			"query": `mutation($id: ID!, $name: String!, $text: String!) { createEntity(input: {id: $id, name: $name, description: $text,
			  citations: [` + articleCite + `]}) { id } }`,
			"variables": map[string]any{"id": id, "name": name, "text": text}})
		if len(r.Errors) > 0 {
			t.Fatalf("corpus %d: %s", i, r.raw[:min(300, len(r.raw))])
		}
		got := a.ok(`query($id: ID!) { entity(id: $id) { name description } }`, map[string]any{"id": id})["entity"].(map[string]any)
		if got["name"] != name || got["description"] != text {
			t.Errorf("corpus %d came back changed", i)
		}
	}
	if n := a.ok(`{ people { totalCount } }`, nil)["people"].(map[string]any)["totalCount"]; n != 14.0 {
		t.Errorf("people = %v, want the 9 of the seed and the 5 of the corpus", n)
	}
	r := a.as(editor, map[string]any{"query": `mutation($n: String!) { createEntity(input: {id: "person:too-long", name: $n, citations: [` + articleCite + `]}) { id } }`,
		"variables": map[string]any{"n": long}})
	if code(r) != "BAD_USER_INPUT" || !strings.Contains(r.Errors[0].Message, "name is 750000 bytes; at most 4000") {
		t.Errorf("a 750 kB name = %s", r.raw[:min(300, len(r.raw))])
	}
}

func TestMergeEntities(t *testing.T) {
	a, editor, reader := editorAPI(t)
	// a duplicate of Raisi, as an import might bring, with a relationship and a claim of its own
	if r := a.as(editor, map[string]any{"query": `mutation {
	  createEntity(input: {id: "person:e-raisi", name: "E. Raisi", aliases: ["Raisi, Ebrahim"],
	    aliasSources: [{name: "Raisi, Ebrahim", note: "the name inverted, as an import gives it"}], citations: [` + articleCite + `]}) { id }
	}`}); len(r.Errors) > 0 {
		t.Fatal(r.raw)
	}
	if r := a.as(editor, map[string]any{"query": `mutation { link(from: "person:e-raisi", type: MEMBER_OF, to: "org:irgc",
	  properties: {role: "member"}, citations: [{source: "source:ncri-factions-collaborate", quote: "Designate the entire Ministry of Intelligence and the IRGC as terrorist entities.",
	  claimedBy: "person:e-raisi", confidence: ALLEGED}]) }`}); len(r.Errors) > 0 {
		t.Fatal(r.raw)
	}
	if r := a.as(reader, map[string]any{"query": `mutation { mergeEntities(keep: "person:ebrahim-raisi", drop: "person:e-raisi") { id } }`}); code(r) != "FORBIDDEN" {
		t.Errorf("a reader merges: %s", r.raw)
	}
	r := a.as(editor, map[string]any{"query": `mutation { mergeEntities(keep: "person:ebrahim-raisi", drop: "person:e-raisi") {
	  id aliases aliasSources { name note } ... on Person { memberships { organization { id } citations { claimedBy { id } } } } } }`})
	if len(r.Errors) > 0 {
		t.Fatalf("merge: %s", r.raw)
	}
	kept := r.Data["mergeEntities"].(map[string]any)
	aliases := kept["aliases"].([]any)
	if !containsAll(aliases, "E. Raisi", "Raisi, Ebrahim", "Ebrahim Raeesi") {
		t.Errorf("aliases after merge = %v", aliases)
	}
	notes := map[string]any{}
	for _, s := range kept["aliasSources"].([]any) {
		notes[s.(map[string]any)["name"].(string)] = s.(map[string]any)["note"]
	}
	if notes["E. Raisi"] != "the name of person:e-raisi, merged into this entity" || notes["Raisi, Ebrahim"] != "the name inverted, as an import gives it" ||
		!strings.Contains(notes["Ebrahim Raeesi"].(string), "transliteration") {
		t.Errorf("alias provenance after merge = %v", notes)
	}
	var orgs []string
	for _, m := range kept["memberships"].([]any) {
		m := m.(map[string]any)
		orgs = append(orgs, m["organization"].(map[string]any)["id"].(string))
		if m["organization"].(map[string]any)["id"] == "org:irgc" && m["citations"].([]any)[0].(map[string]any)["claimedBy"].(map[string]any)["id"] != "person:ebrahim-raisi" {
			t.Errorf("the claim by the dropped entity did not follow it: %v", m)
		}
	}
	if !containsAll(toAny(orgs), "org:1988-death-commissions", "org:irgc") {
		t.Errorf("memberships after merge = %v", orgs)
	}
	old := a.ok(`{ entity(id: "person:e-raisi") { id name } }`, nil)["entity"].(map[string]any)
	if old["id"] != "person:ebrahim-raisi" {
		t.Errorf("the old id resolves to %v, want the kept entity", old)
	}
	for _, id := range []string{"person:ebrahim-raisi", "person:e-raisi"} {
		h := a.as(reader, map[string]any{"query": `query($id: ID!) { history(id: $id) { mutation } }`, "variables": map[string]any{"id": id}})
		list := h.Data["history"].([]any)
		if len(list) == 0 || list[0].(map[string]any)["mutation"] != "mergeEntities" {
			t.Errorf("history of %s = %s", id, h.raw)
		}
	}
	if n := a.ok(`{ people { totalCount } }`, nil)["people"].(map[string]any)["totalCount"]; n != 9.0 {
		t.Errorf("people after merge = %v, want 9", n)
	}
	if r := a.as(editor, map[string]any{"query": `mutation { addCitation(id: "person:ebrahim-raisi", citation: ` + articleCite + `) }`}); len(r.Errors) > 0 {
		t.Errorf("the merged entity (its merged aliases checked again) cannot be edited: %s", r.raw)
	}
	if r := a.as(editor, map[string]any{"query": `mutation { mergeEntities(keep: "person:ebrahim-raisi", drop: "org:irgc") { id } }`}); code(r) != "BAD_USER_INPUT" {
		t.Errorf("merging two kinds: %s", r.raw)
	}
}

func containsAll(list []any, want ...string) bool {
	for _, w := range want {
		found := false
		for _, x := range list {
			found = found || x == w
		}
		if !found {
			return false
		}
	}
	return true
}

func toAny(s []string) []any {
	out := make([]any, len(s))
	for i, x := range s {
		out[i] = x
	}
	return out
}
