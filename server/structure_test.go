package server_test

import (
	"strings"
	"testing"

	"github.com/accgraph/accgraph/graph/graphtest"
)

// TestWritesKeepTheGraphsStructure: loops, dates that contradict each other, bad partial
// dates, ends of the wrong kinds, a missing end and an id merged away are refused with
// BAD_USER_INPUT naming the argument and field, and nothing is written.
func TestWritesKeepTheGraphsStructure(t *testing.T) {
	a, editor, _ := editorAPI(t)
	for _, m := range []string{
		`mutation { createEntity(input: {id: "person:e-raisi", name: "E. Raisi", citations: [` + articleCite + `]}) { id } }`,
		`mutation { mergeEntities(keep: "person:ebrahim-raisi", drop: "person:e-raisi") { id } }`,
	} {
		if r := a.as(editor, map[string]any{"query": m}); len(r.Errors) > 0 {
			t.Fatal(r.raw)
		}
	}
	before := graphtest.Snapshot(t)
	link := func(from, typ, to, props string) string {
		return `mutation { link(from: "` + from + `", type: ` + typ + `, to: "` + to + `", properties: {` + props + `}, citations: [` + articleCite + `]) }`
	}
	for name, tt := range map[string]struct{ m, argument, want string }{
		"loop": {link("org:irgc", "PART_OF", "org:irgc", ""), "to",
			"to: a relationship cannot join org:irgc to itself"},
		"to before from": {link("person:lars-rise", "MEMBER_OF", "org:irgc", `from: "2005", to: "2001"`), "properties.to",
			"properties.to: to 2001 is before from 2005"},
		"ended before it began": {link("person:lars-rise", "MEMBER_OF", "org:irgc", `from: "2005", endedBy: "2001"`), "properties.endedBy",
			"properties.endedBy: endedBy 2001 is before from 2005"},
		"ended before attested": {link("person:lars-rise", "MEMBER_OF", "org:irgc", `attested: "2005", endedBy: "2001"`), "properties.endedBy",
			"properties.endedBy: endedBy 2001 is before attested 2005"},
		"attested outside": {link("person:lars-rise", "MEMBER_OF", "org:irgc", `from: "2001", to: "2003", attested: "2005-02"`), "properties.attested",
			"properties.attested: attested 2005-02 is outside from 2001 to 2003"},
		"event to before from": {`mutation { createEntity(input: {id: "event:backwards", name: "Backwards", kind: "OTHER", from: "1990", to: "1989",
			citations: [` + articleCite + `]}) { id } }`, "input.to", "input.to: to 1989 is before from 1990"},
		"wrong kinds": {link("person:lars-rise", "HOLDS", "org:irgc", ""), "type",
			"type: HOLDS cannot join a Person to an Organization (HOLDS joins Person → Position)"},
		"no start": {link("", "MEMBER_OF", "org:irgc", ""), "from", "from: missing source: the entity the relationship starts at"},
		"no end":   {link("person:lars-rise", "MEMBER_OF", "", ""), "to", "to: missing target"},
		"merged id created again": {`mutation { createEntity(input: {id: "person:e-raisi", name: "E. Raisi", citations: [` + articleCite + `]}) { id } }`,
			"input.id", "input.id: person:e-raisi was merged into person:ebrahim-raisi and cannot be created again"},
		"merged id linked": {link("person:e-raisi", "MEMBER_OF", "org:irgc", ""), "from",
			"from: dangling reference: person:e-raisi was merged into person:ebrahim-raisi; use that id"},
	} {
		r := a.as(editor, map[string]any{"query": tt.m})
		if code(r) != "BAD_USER_INPUT" || !strings.Contains(r.Errors[0].Message, tt.want) || r.Errors[0].Extensions["argument"] != tt.argument {
			t.Errorf("%s = %s\nwant BAD_USER_INPUT on %s saying %q", name, r.raw, tt.argument, tt.want)
		}
	}
	// a partial date that is no date is refused by the Date scalar, with its path
	r := a.as(editor, map[string]any{"query": link("person:lars-rise", "MEMBER_OF", "org:irgc", `from: "2005-13"`)})
	if code(r) != "BAD_USER_INPUT" || !strings.Contains(r.Errors[0].Message, `bad date "2005-13": month is not 01-12`) ||
		!strings.Contains(r.raw, `"properties"`) || !strings.Contains(r.raw, `"from"`) {
		t.Errorf("a bad date = %s", r.raw)
	}
	if after := graphtest.Snapshot(t); after != before {
		t.Error("a refused write changed the graph")
	}
}
