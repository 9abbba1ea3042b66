package server_test

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/accgraph/accgraph/graph/graphtest"
)

// history returns the changes of id, newest first, with before and after decoded.
func (a *api) history(key, id string) []struct {
	Mutation      string
	Before, After map[string]map[string]any
} {
	a.t.Helper()
	r := a.as(key, map[string]any{"query": `query($id: ID!) { history(id: $id) { mutation before after } }`, "variables": map[string]any{"id": id}})
	var raw []struct{ Mutation, Before, After string }
	b, _ := json.Marshal(r.Data["history"])
	_ = json.Unmarshal(b, &raw)
	out := make([]struct {
		Mutation      string
		Before, After map[string]map[string]any
	}, len(raw))
	for i, c := range raw {
		out[i].Mutation = c.Mutation
		_ = json.Unmarshal([]byte(c.Before), &out[i].Before)
		_ = json.Unmarshal([]byte(c.After), &out[i].After)
	}
	return out
}

// quotes lists the quotes of the citations an audit record keeps of one fact.
func quotes(fact map[string]any) []string {
	var out []string
	list, _ := fact["citations"].([]any)
	for _, c := range list {
		c := c.(map[string]any)
		out = append(out, c["quote"].(string)+" | "+c["source"].(string)+" | "+c["claimedBy"].(string))
	}
	return out
}

// TestHistoryKeepsCitationsAndEnds: the audit of a write keeps the citations before and
// after it, and a relationship's type and ends; unlink keeps the citations it deleted.
func TestHistoryKeepsCitationsAndEnds(t *testing.T) {
	a, editor, reader := editorAPI(t)
	added := `the Justice Minister Alireza Avaei | source:ncri-factions-collaborate | person:mansoureh-galestan`
	if r := a.as(editor, map[string]any{"query": `mutation { addCitation(id: "person:lars-rise", citation: ` + articleCite + `) }`}); len(r.Errors) > 0 {
		t.Fatal(r.raw)
	}
	h := a.history(reader, "person:lars-rise")
	if len(h) != 1 || h[0].Mutation != "addCitation" || strings.Contains(strings.Join(quotes(h[0].Before["person:lars-rise"]), "\n"), added) ||
		!strings.Contains(strings.Join(quotes(h[0].After["person:lars-rise"]), "\n"), added) {
		t.Errorf("history of addCitation = %+v, want the citation absent before and present after", h)
	}

	if r := a.as(editor, map[string]any{"query": `mutation { link(from: "person:lars-rise", type: MEMBER_OF, to: "org:irgc", citations: [` + articleCite + `]) }`}); len(r.Errors) > 0 {
		t.Fatal(r.raw)
	}
	if r := a.as(editor, map[string]any{"query": `mutation { unlink(id: "member_of:lars-rise--irgc") }`}); len(r.Errors) > 0 {
		t.Fatal(r.raw)
	}
	h = a.history(reader, "member_of:lars-rise--irgc")
	if len(h) != 2 || h[0].Mutation != "unlink" || h[1].Mutation != "link" {
		t.Fatalf("history of the link = %+v", h)
	}
	gone := h[0].Before["member_of:lars-rise--irgc"]
	if gone["type"] != "MEMBER_OF" || gone["start"] != "person:lars-rise" || gone["end"] != "org:irgc" ||
		strings.Join(quotes(gone), "\n") != added || h[0].After["member_of:lars-rise--irgc"] != nil {
		t.Errorf("unlink recorded before %v after %v, want the relationship with its ends and its citation, then nothing", gone, h[0].After)
	}
	if made := h[1].After["member_of:lars-rise--irgc"]; made["start"] != "person:lars-rise" || strings.Join(quotes(made), "\n") != added {
		t.Errorf("link recorded %v", made)
	}
}

// TestUnmergeRestoresBothEntities: a merge, then its undo, leave the graph as it was
// (every node, relationship and property, the audit records aside), and each entity
// reads back with its own names, relationships and citations.
func TestUnmergeRestoresBothEntities(t *testing.T) {
	a, editor, reader := editorAPI(t)
	irgcCite := `{source: "source:ncri-factions-collaborate", quote: "Designate the entire Ministry of Intelligence and the IRGC as terrorist entities.",
		locator: "list of demands after Rajavi's quotations", claimedBy: "person:maryam-rajavi", confidence: ALLEGED}`
	for _, m := range []string{
		// a duplicate of the IRGC citing what the IRGC cites (the same claim about both)
		`mutation { createEntity(input: {id: "org:guards", name: "The Guards", aliases: ["Guards", "IRGC"], description: "An imported duplicate.",
			aliasSources: [{name: "Guards", note: "a short form, as the import gives it"}, {name: "IRGC", citations: [` + irgcCite + `]}],
			kind: "SECURITY_FORCE", citations: [` + irgcCite + `, ` + articleCite + `]}) { id } }`,
		`mutation { link(from: "person:lars-rise", type: MEMBER_OF, to: "org:guards", properties: {role: "member", from: "2001", to: "2005"}, citations: [` + articleCite + `]) }`,
		`mutation { link(from: "org:guards", type: PART_OF, to: "org:irgc", citations: [` + articleCite + `]) }`,
		`mutation { addCitation(id: "person:lars-rise", citation: {source: "source:ncri-factions-collaborate", quote: "As former Norwegian MP, Lars Rise said",
			claimedBy: "org:guards", confidence: ALLEGED}) }`,
	} {
		if r := a.as(editor, map[string]any{"query": m}); len(r.Errors) > 0 {
			t.Fatalf("%s: %s", m, r.raw)
		}
	}
	read := `{ guards: entity(id: "org:guards") { id name aliases description citations { quote claimedBy { id } }
	    ... on Organization { kind members { id role from to person { id } citations { quote } } partOf { id whole { id } } } }
	  irgc: entity(id: "org:irgc") { id name aliases citations { quote claimedBy { id } } ... on Organization { members { id } parts { id } } }
	  rise: entity(id: "person:lars-rise") { citations { quote claimedBy { id } } } }`
	graphBefore, answerBefore := withoutAudit(graphtest.Snapshot(t)), a.ok(read, nil)

	if r := a.as(editor, map[string]any{"query": `mutation { mergeEntities(keep: "org:irgc", drop: "org:guards") { id } }`}); len(r.Errors) > 0 {
		t.Fatal(r.raw)
	}
	merged := a.ok(read, nil)
	if merged["guards"].(map[string]any)["id"] != "org:irgc" {
		t.Fatalf("after the merge the dropped id reads %v", merged["guards"])
	}
	h := a.history(reader, "org:guards")
	if len(h) == 0 || h[0].Mutation != "mergeEntities" || len(quotes(h[0].Before["org:guards"])) != 2 {
		t.Errorf("the merge's record = %+v, want the dropped entity with its 2 citations before", h)
	}

	r := a.as(editor, map[string]any{"query": `mutation { unmergeEntities(keep: "org:irgc", drop: "org:guards") { id name } }`})
	if len(r.Errors) > 0 {
		t.Fatal(r.raw)
	}
	if got, _ := json.Marshal(r.Data["unmergeEntities"]); string(got) != `[{"id":"org:irgc","name":"Islamic Revolutionary Guard Corps"},{"id":"org:guards","name":"The Guards"}]` {
		t.Errorf("unmergeEntities answered %s", got)
	}
	if graphAfter := withoutAudit(graphtest.Snapshot(t)); graphAfter != graphBefore {
		t.Errorf("the graph after merge and unmerge differs from before:\n%s", firstDifference(graphBefore, graphAfter))
	}
	before, _ := json.Marshal(answerBefore)
	after, _ := json.Marshal(a.ok(read, nil))
	if string(after) != string(before) {
		t.Errorf("read back after unmerge:\n%s\nbefore the merge:\n%s", after, before)
	}
	if h := a.history(reader, "org:guards"); len(h) == 0 || h[0].Mutation != "unmergeEntities" {
		t.Errorf("history of the restored entity = %+v", h)
	}
	for _, m := range []string{
		`mutation { unmergeEntities(keep: "org:irgc", drop: "org:guards") { id } }`,
		`mutation { unmergeEntities(keep: "org:irgc", drop: "org:ghost") { id } }`,
	} {
		if r := a.as(editor, map[string]any{"query": m}); code(r) != "BAD_USER_INPUT" || !strings.Contains(r.Errors[0].Message, "was not merged into anything") {
			t.Errorf("%s = %s", m, r.raw)
		}
	}
	if r := a.as(reader, map[string]any{"query": `mutation { unmergeEntities(keep: "org:irgc", drop: "org:guards") { id } }`}); code(r) != "FORBIDDEN" {
		t.Errorf("a reader unmerges: %s", r.raw)
	}
}

// withoutAudit drops the audit records from a snapshot.
func withoutAudit(snapshot string) string {
	var keep []string
	for _, line := range strings.Split(snapshot, "\n") {
		if !strings.HasPrefix(line, "node [Change]") {
			keep = append(keep, line)
		}
	}
	return strings.Join(keep, "\n")
}

// firstDifference lists the lines only one of two snapshots has.
func firstDifference(a, b string) string {
	inA, inB := map[string]bool{}, map[string]bool{}
	for _, l := range strings.Split(a, "\n") {
		inA[l] = true
	}
	for _, l := range strings.Split(b, "\n") {
		inB[l] = true
	}
	var out []string
	for l := range inA {
		if !inB[l] {
			out = append(out, "before only: "+l)
		}
	}
	for l := range inB {
		if !inA[l] {
			out = append(out, "after only:  "+l)
		}
	}
	return strings.Join(out, "\n")
}

// TestUnmergeRestoresTypedProperties: an event's dates (stored as Neo4j dates for time
// travel) and its victims (an integer) come back as they were.
func TestUnmergeRestoresTypedProperties(t *testing.T) {
	a, editor, _ := editorAPI(t)
	if r := a.as(editor, map[string]any{"query": `mutation { createEntity(input: {id: "event:massacre-copy", name: "The 1988 killings", kind: "MASSACRE",
		from: "1988-07", to: "1988-09", victims: 30000, citations: [` + articleCite + `]}) { id } }`}); len(r.Errors) > 0 {
		t.Fatal(r.raw)
	}
	before := withoutAudit(graphtest.Snapshot(t))
	for _, m := range []string{
		`mutation { mergeEntities(keep: "event:1988-massacre", drop: "event:massacre-copy") { id } }`,
		`mutation { unmergeEntities(keep: "event:1988-massacre", drop: "event:massacre-copy") { id } }`,
	} {
		if r := a.as(editor, map[string]any{"query": m}); len(r.Errors) > 0 {
			t.Fatal(r.raw)
		}
	}
	if after := withoutAudit(graphtest.Snapshot(t)); after != before {
		t.Errorf("the graph after merge and unmerge differs:\n%s", firstDifference(before, after))
	}
	got := a.ok(`{ events(where: {when: {from: "1988-08", to: "1988-08"}, victims: {eq: 30000}}) { edges { node { id } } } }`, nil)
	if ids := ids(got["events"]); !strings.Contains(strings.Join(ids, " "), "event:massacre-copy") {
		t.Errorf("the restored event is not found by date and victims: %v", ids)
	}
}
