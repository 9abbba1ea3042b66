package graph

import (
	"strings"
	"testing"
)

// TestProjectionReadsOnlySelectedProperties: a read fetches the properties its selection
// reads, not every property of every node, relationship and citation it passes.
func TestProjectionReadsOnlySelectedProperties(t *testing.T) {
	sub := func(fields ...Selection) func(string) []Selection {
		return func(string) []Selection { return fields }
	}
	scalar := func(name string) Selection { return Selection{Alias: name, Name: name} }
	q := Selection{Alias: "entity", Name: "entity", Args: map[string]any{"id": "person:a"}, Sub: sub(
		scalar("__typename"), scalar("name"),
		Selection{Alias: "tenures", Name: "tenures", Args: map[string]any{}, Sub: sub(
			scalar("toKnown"),
			Selection{Alias: "position", Name: "position", Sub: sub(scalar("id"))},
			Selection{Alias: "citations", Name: "citations", Sub: sub(scalar("quote"),
				Selection{Alias: "source", Name: "source", Sub: sub(scalar("title"))})},
		)},
	)}
	st := compile([]Selection{q})
	if err := st.res.errs["entity"]; err != nil {
		t.Fatal(err)
	}
	cypher := st.cypher
	if strings.Contains(cypher, ".*") {
		t.Errorf("the statement projects every property:\n%s", cypher)
	}
	for _, want := range []string{
		"RETURN [n1.id, n1.name, COLLECT { ",               // the person (a node's id tells its kind), with its tenures
		"RETURN [r2.to, r2.endedBy, [m3.id], COLLECT { ",   // the tenure (toKnown reads to and endedBy; its id is not asked), its position's id, its citations
		"RETURN [c4.quote, [s5.id, s5.title]] AS citation", // the citation (nor its id) and its source
	} {
		if !strings.Contains(cypher, want) {
			t.Errorf("the statement lacks %q:\n%s", want, cypher)
		}
	}
}
