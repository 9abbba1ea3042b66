package server_test

import (
	"encoding/csv"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/accgraph/accgraph/graph/graphtest"
)

const madeUp = `{source: "source:ncri-factions-collaborate", quote: "Lars Rise ordered the 1988 massacre",
	claimedBy: "person:mansoureh-galestan", confidence: ALLEGED}`

// TestAQuoteNotInItsSourceIsRefusedEverywhere: the graph holds the article's text, so a
// quote it does not contain is refused by every mutation that takes a citation, naming
// the source and the quote's first words, and nothing is written.
func TestAQuoteNotInItsSourceIsRefusedEverywhere(t *testing.T) {
	a, editor, _ := editorAPI(t)
	before := graphtest.Snapshot(t)
	want := `quote "Lars Rise ordered the 1988 massacre" not found verbatim in source:ncri-factions-collaborate (its stored text)`
	for name, tt := range map[string]struct{ m, argument string }{
		"addCitation on an entity": {`mutation { addCitation(id: "person:lars-rise", citation: {source: "source:ncri-factions-collaborate",
			quote: "Lars Rise ordered the 1988 massacre", claimedBy: "person:mansoureh-galestan", confidence: ADJUDICATED}) }`, "citation.quote"},
		"addCitation on a relationship": {`mutation { addCitation(id: "holds:lars-rise--norwegian-mp", citation: ` + madeUp + `) }`, "citation.quote"},
		"createEntity": {`mutation { createEntity(input: {id: "person:invented", name: "Invented", citations: [` + madeUp + `]}) { id } }`,
			"input.citations[0].quote"},
		"addSource": {`mutation { addSource(input: {id: "source:invented", name: "I", kind: "REPORT", title: "I", publisher: "P", citations: [` + madeUp + `]}) { id } }`,
			"input.citations[0].quote"},
		"link": {`mutation { link(from: "person:lars-rise", type: MEMBER_OF, to: "org:irgc", citations: [` + articleCite + `, ` + madeUp + `]) }`,
			"citations[1].quote"},
	} {
		r := a.as(editor, map[string]any{"query": tt.m})
		if code(r) != "BAD_USER_INPUT" || !strings.Contains(r.Errors[0].Message, want) || r.Errors[0].Extensions["argument"] != tt.argument {
			t.Errorf("%s = %s, want BAD_USER_INPUT on %s saying %q", name, r.raw, tt.argument, want)
		}
	}
	if after := graphtest.Snapshot(t); after != before {
		t.Error("a refused quote changed the graph")
	}
	// the seed's quotes were checked against the article
	c := a.ok(`{ entity(id: "person:lars-rise") { citations { checked } } }`, nil)["entity"].(map[string]any)["citations"].([]any)
	if len(c) == 0 || c[0].(map[string]any)["checked"] != true {
		t.Errorf("the seed's citations of Lars Rise = %v, want checked", c)
	}
}

// TestACitationOfASourceWithoutTextIsMarkedNotChecked: addSource keeps the text it is
// given (HTML as its text) and quotes are checked against it; a source without text
// is cited unchecked, which the API and the saved queries' tables say.
func TestACitationOfASourceWithoutTextIsMarkedNotChecked(t *testing.T) {
	a, editor, _ := editorAPI(t)
	for _, m := range []string{
		`mutation { addSource(input: {id: "source:untexted", name: "A report we have not got", kind: "REPORT", title: "Report", publisher: "Someone",
			citations: [` + articleCite + `]}) { id } }`,
		`mutation { addSource(input: {id: "source:page", name: "A page", kind: "ARTICLE", title: "Page", publisher: "A paper",
			html: "<p>The minister <em>resigned</em> in&nbsp;2019.</p>", citations: [` + articleCite + `]}) { id } }`,
		`mutation { createEntity(input: {id: "person:minister", name: "The Minister", citations: [
			{source: "source:untexted", quote: "The minister resigned.", claimedBy: "org:united-nations", confidence: REPORTED},
			{source: "source:page", quote: "The minister resigned in 2019.", claimedBy: "org:united-nations", confidence: REPORTED}]}) { id } }`,
		`mutation { link(from: "person:minister", type: MEMBER_OF, to: "org:irgc", properties: {from: "2010", to: "2019"},
			citations: [{source: "source:untexted", quote: "He was a member.", claimedBy: "org:united-nations", confidence: REPORTED}]) }`,
	} {
		if r := a.as(editor, map[string]any{"query": m}); len(r.Errors) > 0 {
			t.Fatalf("%s: %s", m, r.raw)
		}
	}
	got := map[string]any{}
	for _, c := range a.ok(`{ entity(id: "person:minister") { citations { checked source { id } } } }`, nil)["entity"].(map[string]any)["citations"].([]any) {
		c := c.(map[string]any)
		got[c["source"].(map[string]any)["id"].(string)] = c["checked"]
	}
	if got["source:untexted"] != false || got["source:page"] != true {
		t.Errorf("checked by source = %v, want the untexted one false and the page true", got)
	}
	r := a.as(editor, map[string]any{"query": `mutation { addCitation(id: "person:minister", citation: {source: "source:page",
		quote: "The minister was sacked in 2019.", claimedBy: "org:united-nations", confidence: REPORTED}) }`})
	if code(r) != "BAD_USER_INPUT" || !strings.Contains(r.Errors[0].Message, `quote "The minister was sacked in 2019." not found verbatim in source:page`) {
		t.Errorf("a quote not on the page = %s", r.raw)
	}

	rec := httptest.NewRecorder()
	a.h.ServeHTTP(rec, httptest.NewRequest("GET", "/saved/person-timeline.csv?person=person:minister", nil))
	rows, err := csv.NewReader(strings.NewReader(rec.Body.String())).ReadAll()
	if err != nil || len(rows) != 2 || !strings.Contains(rows[1][len(rows[1])-1], "“He was a member.” — United Nations, Report, REPORTED, not checked against the document") {
		t.Errorf("person-timeline.csv = %q, %v", rows, err)
	}
	rec = httptest.NewRecorder()
	a.h.ServeHTTP(rec, httptest.NewRequest("GET", "/saved/person-timeline.csv", nil))
	if rec.Code != 200 || strings.Contains(rec.Body.String(), "not checked") {
		t.Error("Raisi's timeline, all quoted from the article, says a quote was not checked")
	}
}
