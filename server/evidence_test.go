package server_test

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/accgraph/accgraph/graph"
	"github.com/accgraph/accgraph/graph/graphtest"
)

// TestWritesAboveTheEvidenceAreRefused: the example, an opinion writer recorded
// as a court, and an editor raising a confidence, are refused with the rule, and nothing
// is written.
func TestWritesAboveTheEvidenceAreRefused(t *testing.T) {
	a, editor, _ := editorAPI(t)
	before := graphtest.Snapshot(t)
	for name, tt := range map[string]struct{ m, want string }{
		"ADJUDICATED by an opinion writer": {`mutation { addCitation(id: "person:lars-rise", citation: {source: "source:ncri-factions-collaborate",
			quote: "Lars Rise ordered the 1988 massacre", claimedBy: "person:mansoureh-galestan", confidence: ADJUDICATED}) }`,
			`confidence ADJUDICATED refused: ADJUDICATED needs the court's own record: a source of kind COURT_RECORD, ` +
				`or one published by the court that claims it; source:ncri-factions-collaborate is an ARTICLE published by`},
		"ADJUDICATED claimed by the court, on the article": {`mutation { addCitation(id: "verdict:assadi-belgium", citation: {source: "source:ncri-factions-collaborate",
			quote: "was sentenced to 20 years in prison", claimedBy: "org:belgian-court", confidence: ADJUDICATED}) }`,
			"its claimant org:belgian-court is a court that did not publish it, so this citation supports at most ALLEGED"},
		"REPORTED from a party": {`mutation { addCitation(id: "person:lars-rise", citation: {source: "source:ncri-factions-collaborate",
			quote: "Lars Rise former Norwegian MP", claimedBy: "person:mansoureh-galestan", confidence: REPORTED}) }`,
			"REPORTED needs a source without a stake; a party's claim is ALLEGED; source:ncri-factions-collaborate has a stake"},
		"raised by an editor": {`mutation { setConfidence(id: "person:lars-rise", confidence: REPORTED) }`,
			"confidence: confidence REPORTED is stronger than its citations support (ALLEGED): REPORTED needs a source without a stake"},
	} {
		r := a.as(editor, map[string]any{"query": tt.m})
		if len(r.Errors) == 0 || !strings.Contains(r.Errors[0].Message, tt.want) || code(r) != "BAD_USER_INPUT" {
			t.Errorf("%s = %s, want a BAD_USER_INPUT error saying %q", name, r.raw, tt.want)
		}
	}
	if after := graphtest.Snapshot(t); after != before {
		t.Error("a refused write changed the graph")
	}
	if r := a.as(editor, map[string]any{"query": `mutation { setConfidence(id: "person:lars-rise", confidence: DISPUTED) }`}); len(r.Errors) == 0 ||
		!strings.Contains(r.Errors[0].Message, "DISPUTED needs a citation with stance DISPUTES") {
		t.Errorf("DISPUTED without a disputing citation = %s", r.raw)
	}
}

// TestConfidenceFollowsTheEvidence: two independent reports CONFIRM a fact; a court's own
// record claimed by the court ADJUDICATES it; a denial next to a report makes it DISPUTED,
// with both citations and their stances visible.
func TestConfidenceFollowsTheEvidence(t *testing.T) {
	a, editor, _ := editorAPI(t)
	src := func(id, publisher, kind string) *graph.Source {
		return &graph.Source{Base: graph.Base{ID: id, Name: id, Citations: []graph.Citation{{
			Source: id, ClaimedBy: id, Quote: publisher, Confidence: graph.Reported}}}, Title: id, Publisher: publisher, SourceKind: graph.SourceKind(kind)}
	}
	cite := func(source, claimant string, c graph.Confidence, s graph.Stance) graph.Citation {
		return graph.Citation{Source: source, ClaimedBy: claimant, Quote: "words of " + source, Confidence: c, Stance: s}
	}
	ds := &graph.Dataset{
		Entities: []graph.Entity{
			src("source:wire", "Example Wire", "ARTICLE"), src("source:paper", "Example Paper", "ARTICLE"),
			src("source:denial", "Ministry of Foreign Affairs", "STATEMENT"), src("source:judgment", "Example Court", "COURT_RECORD"),
			&graph.Organization{Base: graph.Base{ID: "org:example-court", Name: "Example Court",
				Citations: []graph.Citation{cite("source:judgment", "source:judgment", graph.Reported, "")}}, OrgKind: "COURT"},
			&graph.Person{Base: graph.Base{ID: "person:confirmed", Name: "Confirmed", Confidence: graph.Confirmed, Citations: []graph.Citation{
				cite("source:wire", "source:wire", graph.Reported, ""), cite("source:paper", "source:paper", graph.Reported, "")}}},
			&graph.Person{Base: graph.Base{ID: "person:convicted", Name: "Convicted", Citations: []graph.Citation{
				cite("source:judgment", "org:example-court", graph.Adjudicated, "")}}},
			&graph.Person{Base: graph.Base{ID: "person:disputed", Name: "Disputed", Citations: []graph.Citation{
				cite("source:wire", "source:wire", graph.Reported, graph.Supports),
				cite("source:denial", "source:denial", graph.Alleged, graph.Disputes)}}},
		},
	}
	if _, err := a.db.Write(context.Background(), ds); err != nil {
		t.Fatal(err)
	}
	for id, want := range map[string]string{"person:confirmed": "CONFIRMED", "person:convicted": "ADJUDICATED", "person:disputed": "DISPUTED"} {
		e := a.ok(`query($id: ID!) { entity(id: $id) { confidence citations { stance confidence source { id } } } }`,
			map[string]any{"id": id})["entity"].(map[string]any)
		if e["confidence"] != want {
			t.Errorf("%s is %v, want %s", id, e["confidence"], want)
		}
		if id == "person:disputed" {
			var got []string
			for _, c := range e["citations"].([]any) {
				c := c.(map[string]any)
				got = append(got, c["source"].(map[string]any)["id"].(string)+" "+c["stance"].(string)+" "+c["confidence"].(string))
			}
			if strings.Join(got, ", ") != "source:denial DISPUTES ALLEGED, source:wire SUPPORTS REPORTED" &&
				strings.Join(got, ", ") != "source:wire SUPPORTS REPORTED, source:denial DISPUTES ALLEGED" {
				t.Errorf("the disputed fact's citations = %v, want the report and the denial, both visible", got)
			}
		}
	}

	// an editor may lower a confidence and restore it as far as the evidence goes, never further
	for _, tt := range []struct{ id, to, want string }{
		{"person:confirmed", "REPORTED", ""},
		{"person:confirmed", "CONFIRMED", ""},
		{"person:convicted", "ALLEGED", ""},
		{"person:confirmed", "ADJUDICATED", "confidence ADJUDICATED is stronger than its citations support (CONFIRMED)"},
	} {
		r := a.as(editor, map[string]any{"query": `mutation($id: ID!, $c: Confidence!) { setConfidence(id: $id, confidence: $c) }`,
			"variables": map[string]any{"id": tt.id, "c": tt.to}})
		if tt.want == "" && len(r.Errors) > 0 || tt.want != "" && (len(r.Errors) == 0 || !strings.Contains(r.Errors[0].Message, tt.want)) {
			t.Errorf("setConfidence(%s, %s) = %s, want error %q", tt.id, tt.to, r.raw, tt.want)
		}
		got := a.ok(`query($id: ID!) { entity(id: $id) { confidence } }`, map[string]any{"id": tt.id})["entity"].(map[string]any)["confidence"]
		if tt.want == "" && got != tt.to {
			t.Errorf("after setConfidence(%s, %s) it reads %v", tt.id, tt.to, got)
		}
	}

	// a denial added to a confirmed fact makes it DISPUTED; the report stays beside it
	r := a.as(editor, map[string]any{"query": `mutation { addCitation(id: "person:confirmed", citation: {source: "source:denial",
		quote: "words of source:denial", claimedBy: "source:denial", confidence: ALLEGED, stance: DISPUTES}) }`})
	if len(r.Errors) > 0 {
		t.Fatalf("adding a denial: %s", r.raw)
	}
	e := a.ok(`{ entity(id: "person:confirmed") { confidence citations { stance source { id } } } }`, nil)["entity"].(map[string]any)
	stances := map[string]any{}
	for _, c := range e["citations"].([]any) {
		c := c.(map[string]any)
		stances[c["source"].(map[string]any)["id"].(string)] = c["stance"]
	}
	if e["confidence"] != "DISPUTED" || len(stances) != 3 || stances["source:denial"] != "DISPUTES" || stances["source:wire"] != "SUPPORTS" {
		t.Errorf("the confirmed fact with a denial = %v %v, want DISPUTED with both reports and the denial", e["confidence"], stances)
	}
}

// TestInferencesSayWhatTheyAre: a link the article implies but does not state carries its
// note on every relationship read and in the saved queries' tables; a stated one has none.
func TestInferencesSayWhatTheyAre(t *testing.T) {
	a, _ := savedAPI(t)
	data := a.ok(`{ assadi: entity(id: "person:assadollah-assadi") { ... on Person {
	    memberships { organization { id } inference } responsibilities { role inference } } }
	  paths(from: "person:assadollah-assadi", to: "person:mohammad-javad-zarif", relTypes: [MEMBER_OF, POSITION_IN, HOLDS]) {
	    steps { edge { type inference } } } }`, nil)
	m := data["assadi"].(map[string]any)["memberships"].([]any)[0].(map[string]any)
	if m["organization"].(map[string]any)["id"] != "org:iran-ministry-of-foreign-affairs" ||
		!strings.Contains(fmt.Sprint(m["inference"]), "that he belongs to the Foreign Ministry is read from these") {
		t.Errorf("Assadi's membership = %v, want the Foreign Ministry, marked as read from the article's words", m)
	}
	if r := data["assadi"].(map[string]any)["responsibilities"].([]any)[0].(map[string]any); r["inference"] != nil {
		t.Errorf("Rajavi's stated accusation is marked as an inference: %v", r)
	}
	steps := data["paths"].([]any)[0].(map[string]any)["steps"].([]any)
	if first := steps[0].(map[string]any)["edge"].(map[string]any); first["type"] != "MEMBER_OF" || first["inference"] == nil {
		t.Errorf("the path's first step = %v, want the inferred membership, marked", first)
	}
	tb := a.table("/saved/bomb-plot-chain")
	inferred := column(tb, "Inferred")
	if !slices.ContainsFunc(inferred, func(s string) bool { return strings.Contains(s, "read from these") }) {
		t.Errorf("bomb-plot-chain's Inferred column = %q, want the membership's note", inferred)
	}
}

// TestAliasesSayWhereTheyComeFrom: every alias of the curated data has a citation or a
// note, search still finds the Persian spelling, and a write of an alias with neither is
// refused with nothing written.
func TestAliasesSayWhereTheyComeFrom(t *testing.T) {
	a, editor, _ := editorAPI(t)
	data := a.ok(`{ raisi: entity(id: "person:ebrahim-raisi") { aliases aliasSources { name note citations { quote } } }
	  pmoi: entity(id: "org:pmoi") { aliasSources { name note citations { quote source } } }
	  search(text: "ابراهیم رئیسی") { entity { id } } }`, nil)
	notes := map[string]string{}
	for _, s := range data["raisi"].(map[string]any)["aliasSources"].([]any) {
		s := s.(map[string]any)
		notes[s["name"].(string)] = s["note"].(string)
	}
	if !strings.Contains(notes["ابراهیم رئیسی"], "Persian script") || len(notes) != len(data["raisi"].(map[string]any)["aliases"].([]any)) {
		t.Errorf("Raisi's aliases and their provenance = %v", notes)
	}
	for _, s := range data["pmoi"].(map[string]any)["aliasSources"].([]any) {
		s := s.(map[string]any)
		if s["name"] == "MKO" && !strings.Contains(s["note"].(string), "the Iranian government and the group's opponents use") {
			t.Errorf("MKO does not say whose name it is: %v", s)
		}
		if s["name"] == "PMOI" && (s["note"] != "" || len(s["citations"].([]any)) != 1) {
			t.Errorf("PMOI, in the article, is not cited to it: %v", s)
		}
	}
	if hits := data["search"].([]any); len(hits) == 0 || hits[0].(map[string]any)["entity"].(map[string]any)["id"] != "person:ebrahim-raisi" {
		t.Errorf("search by the Persian alias = %v", hits)
	}
	before := graphtest.Snapshot(t)
	r := a.as(editor, map[string]any{"query": `mutation { updateEntity(id: "person:lars-rise", input: {aliases: ["Lars Rice"]}) { id } }`})
	if len(r.Errors) == 0 || !strings.Contains(r.Errors[0].Message, `alias "Lars Rice" says nowhere where it comes from`) {
		t.Errorf("an alias without provenance = %s", r.raw)
	}
	if graphtest.Snapshot(t) != before {
		t.Error("the refused alias changed the graph")
	}
}

// TestADenialStaysVisibleInTheTables: a disputing citation added to a seeded fact makes it
// DISPUTED, and the saved queries' tables show both citations, the denial marked.
func TestADenialStaysVisibleInTheTables(t *testing.T) {
	a, editor, _ := editorAPI(t)
	for _, m := range []string{
		`mutation { addSource(input: {id: "source:denial-fixture", name: "A denial (test fixture)", kind: "STATEMENT", title: "A denial (test fixture)",
		  publisher: "Test ministry", stake: "the accused's own government", text: "Raisi never held the post.",
		  citations: [{source: "source:denial-fixture", quote: "Raisi never held the post.", claimedBy: "source:denial-fixture", confidence: ALLEGED}]}) { id } }`,
		`mutation { addCitation(id: "holds:ebrahim-raisi--iran-head-of-judiciary", citation: {source: "source:denial-fixture",
		  quote: "Raisi never held the post.", claimedBy: "source:denial-fixture", confidence: ALLEGED, stance: DISPUTES}) }`,
	} {
		if r := a.as(editor, map[string]any{"query": m}); len(r.Errors) > 0 {
			t.Fatalf("%s: %s", m, r.raw)
		}
	}
	// a denial does not hide what it denies: the disputed tenure stays where allegations do
	for min, want := range map[string]int{"ALLEGED": 1, "DISPUTED": 1, "REPORTED": 0} {
		r := a.query(`{ holders(position: "position:iran-head-of-judiciary", minConfidence: `+min+`) { confidence person { id } } }`, nil)
		if got := len(r.Data["holders"].([]any)); len(r.Errors) > 0 || got != want {
			t.Errorf("holders(minConfidence: %s) = %s, want %d tenure(s)", min, r.raw, want)
		}
	}
	tb := a.table("/saved/who-held-post")
	if got := column(tb, "Confidence"); !slices.Equal(got, []string{"DISPUTED"}) {
		t.Errorf("who-held-post Confidence = %q, want DISPUTED", got)
	}
	sources := strings.Join(column(tb, "Sources"), "\n")
	if !strings.Contains(sources, "“This includes the current Judiciary Chief Ebrahim Raisi” — Mansoureh Galestan") ||
		!strings.Contains(sources, "“Raisi never held the post.” — A denial (test fixture), A denial (test fixture), ALLEGED, disputes it") {
		t.Errorf("who-held-post Sources = %s, want the report and the denial, marked", sources)
	}
}
