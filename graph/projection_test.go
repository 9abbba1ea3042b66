package graph

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/vektah/gqlparser/v2"
	"github.com/vektah/gqlparser/v2/ast"
)

// TestStoredPropertiesCoverSchema fails when the schema gains a scalar field on an entity,
// an edge or a citation that storedProperties does not map, which would read as empty.
func TestStoredPropertiesCoverSchema(t *testing.T) {
	paths, err := filepath.Glob("../schema/*.graphqls")
	if err != nil || len(paths) == 0 {
		t.Fatalf("schema files: %v (%d found)", err, len(paths))
	}
	var sources []*ast.Source
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		sources = append(sources, &ast.Source{Name: p, Input: string(b)})
	}
	schema, err := gqlparser.LoadSchema(sources...)
	if err != nil {
		t.Fatal(err)
	}
	readsNothing := map[string]bool{"Relation.type": true} // the relationship's type, from relSpec
	types := []string{"Citation"}
	for _, def := range schema.GetPossibleTypes(schema.Types["Entity"]) {
		types = append(types, def.Name)
	}
	edgeTypes := map[string]bool{} // every edge type a relation field yields
	for _, fields := range relFields {
		for _, spec := range fields {
			edgeTypes[spec.shape.typeName] = true
		}
	}
	for name := range edgeTypes {
		types = append(types, name)
	}
	checked := 0
	for _, name := range types {
		for _, f := range schema.Types[name].Fields {
			kind := schema.Types[f.Type.Name()].Kind
			if kind != ast.Scalar && kind != ast.Enum || readsNothing[name+"."+f.Name] {
				continue
			}
			checked++
			if _, ok := storedProperties[f.Name]; !ok {
				t.Errorf("%s.%s is not in storedProperties: a read would never fetch it", name, f.Name)
			}
		}
	}
	if checked < 40 {
		t.Fatalf("checked only %d scalar fields of %v", checked, types)
	}
}

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
		"n1 {.id, .name, `__r_tenures`: ", // the person
		" {.id, .to, .endedBy, __end: ",   // the tenure: toKnown reads to and endedBy
		"__end: m3 {.id}, __citations: ",  // ... whose position asks only its id
		" {.id, .quote, __source: ",       // the citation
		" {.id, .title}",                  // its source
	} {
		if !strings.Contains(cypher, want) {
			t.Errorf("the statement lacks %q:\n%s", want, cypher)
		}
	}
}
