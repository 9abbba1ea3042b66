package graph

import (
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"sort"
	"strings"
	"sync"
	"testing"

	"github.com/vektah/gqlparser/v2"
	"github.com/vektah/gqlparser/v2/ast"
)

// The tests here hold graph's tables of the schema's facts (relFields, storedProperties,
// orderProperties, connectionKinds, the enum lists, the per-kind converters) to the SDL
// gqlgen serves: a field the schema has and a table lacks, or the reverse, fails a test
// that names both. graph cannot import package schema (it imports graph), so the SDL is
// read from the files gqlgen embeds, once per test binary.

var sdl = sync.OnceValues(func() (*ast.Schema, error) {
	paths, err := filepath.Glob("../schema/*.graphqls")
	if err != nil || len(paths) == 0 {
		return nil, fmt.Errorf("schema files: %v (%d found)", err, len(paths))
	}
	var sources []*ast.Source
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			return nil, err
		}
		sources = append(sources, &ast.Source{Name: p, Input: string(b)})
	}
	s, err := gqlparser.LoadSchema(sources...)
	if err != nil {
		return nil, err
	}
	return s, nil
})

func schemaAST(t *testing.T) *ast.Schema {
	t.Helper()
	s, err := sdl()
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// sameSet reports, as test errors, what want (the schema's) has that got (a table) lacks
// and the reverse; what names the table.
func sameSet(t *testing.T, what string, want, got []string) {
	t.Helper()
	for _, w := range want {
		if !slices.Contains(got, w) {
			t.Errorf("the schema has %s, which %s lacks", w, what)
		}
	}
	for _, g := range got {
		if !slices.Contains(want, g) {
			t.Errorf("%s has %s, which the schema lacks", what, g)
		}
	}
}

func keys[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

func enumValues(t *testing.T, s *ast.Schema, name string) []string {
	t.Helper()
	def := s.Types[name]
	if def == nil || def.Kind != ast.Enum {
		t.Fatalf("the schema has no enum %s", name)
	}
	var out []string
	for _, v := range def.EnumValues {
		out = append(out, v.Name)
	}
	return out
}

func names[T ~string](vs []T) []string {
	out := make([]string, len(vs))
	for i, v := range vs {
		out[i] = string(v)
	}
	return out
}

func TestEnumListsMatchSchema(t *testing.T) {
	s := schemaAST(t)
	for enum, list := range map[string][]string{
		"EntityKind": names(EntityKinds),
		"OrgKind":    names(OrgKinds),
		"EventKind":  names(EventKinds),
		"SourceKind": names(SourceKinds),
		"Confidence": names(Confidences),
		"Stance":     names(Stances),
		"RelType":    names(RelTypes),
		"Basis":      names(Bases),
	} {
		sameSet(t, "graph's list of "+enum, enumValues(t, s, enum), list)
	}
	var labels []string
	for _, def := range s.GetPossibleTypes(s.Types["Entity"]) {
		labels = append(labels, def.Name)
	}
	var kindLabels []string
	for _, k := range EntityKinds {
		kindLabels = append(kindLabels, k.Label())
	}
	sameSet(t, "EntityKind.Label (the types implementing Entity)", labels, kindLabels)
}

// relationFields are the fields of an entity type that list relationships: each yields
// an edge type (Tenure, Relation, ...), never Citation or AliasSource.
func relationFields(def *ast.Definition, s *ast.Schema) map[string]*ast.FieldDefinition {
	out := map[string]*ast.FieldDefinition{}
	for _, f := range def.Fields {
		elem := s.Types[f.Type.Name()]
		if f.Type.Elem != nil && elem.Kind == ast.Object && elem.Name != "Citation" && elem.Name != "AliasSource" {
			out[f.Name] = f
		}
	}
	return out
}

func TestRelFieldsMatchSchema(t *testing.T) {
	s := schemaAST(t)
	for _, k := range EntityKinds {
		def := s.Types[k.Label()]
		if def == nil {
			t.Errorf("the schema has no type %s", k.Label())
			continue
		}
		fields := relationFields(def, s)
		var names []string
		for name := range fields {
			names = append(names, k.Label()+"."+name)
		}
		var table []string
		for name, spec := range relFields[k] {
			table = append(table, k.Label()+"."+name)
			f := fields[name]
			if f == nil {
				continue
			}
			if f.Type.Name() != spec.shape.typeName {
				t.Errorf("%s.%s lists %s in the schema, but relFields builds %s", k.Label(), name, f.Type.Name(), spec.shape.typeName)
			}
			if len(spec.farKinds(k)) == 0 {
				t.Errorf("relFields[%s][%s] follows %s, which never has a %s at that end", k, name, spec.typ, k)
			}
		}
		sameSet(t, "relFields["+string(k)+"]", names, table)
	}
	for k := range relFields {
		if !k.IsValid() {
			t.Errorf("relFields has kind %s, which is not an EntityKind", k)
		}
	}
}

// scalarTypes are the types whose scalar fields a read fetches from stored properties:
// the entities, the edges the relation fields yield, and citations.
func scalarTypes(s *ast.Schema) []string {
	types := []string{"Citation"}
	for _, def := range s.GetPossibleTypes(s.Types["Entity"]) {
		types = append(types, def.Name)
	}
	edgeTypes := map[string]bool{}
	for _, fields := range relFields {
		for _, spec := range fields {
			edgeTypes[spec.shape.typeName] = true
		}
	}
	for name := range edgeTypes {
		types = append(types, name)
	}
	return types
}

func isScalar(s *ast.Schema, f *ast.FieldDefinition) bool {
	kind := s.Types[f.Type.Name()].Kind
	return kind == ast.Scalar || kind == ast.Enum
}

// TestStoredPropertiesCoverSchema fails when the schema gains a scalar field on an entity,
// an edge or a citation that storedProperties does not map, which would read as empty,
// and when storedProperties maps a field none of them has.
func TestStoredPropertiesCoverSchema(t *testing.T) {
	s := schemaAST(t)
	readsNothing := map[string]bool{"Relation.type": true} // the relationship's type, from relSpec
	fieldNames := map[string]bool{}
	checked := 0
	for _, name := range scalarTypes(s) {
		for _, f := range s.Types[name].Fields {
			fieldNames[f.Name] = true
			if !isScalar(s, f) || readsNothing[name+"."+f.Name] {
				continue
			}
			checked++
			if _, ok := storedProperties[f.Name]; !ok {
				t.Errorf("%s.%s is not in storedProperties: a read would never fetch it", name, f.Name)
			}
		}
	}
	if checked < 40 {
		t.Fatalf("checked only %d scalar fields of %v", checked, scalarTypes(s))
	}
	for _, field := range keys(storedProperties) {
		if !fieldNames[field] {
			t.Errorf("storedProperties maps %s, which no entity, edge or citation of the schema has", field)
		}
	}
}

func TestOrderPropertiesMatchSchema(t *testing.T) {
	s := schemaAST(t)
	sameSet(t, "orderProperties", enumValues(t, s, "OrderField"), keys(orderProperties))
	for field, byKind := range orderProperties {
		for _, k := range []EntityKind{KindPerson, KindOrganization, KindPosition, KindEvent, KindVerdict, KindSource, KindStatement, KindPlace} {
			if (field == "ID" || field == "NAME") && byKind[k] == "" {
				t.Errorf("orderProperties[%s] lacks %s: every list sorts by id and name", field, k)
			}
		}
	}
}

func TestConnectionKindsMatchSchema(t *testing.T) {
	s := schemaAST(t)
	var roots []string
	for _, f := range s.Query.Fields {
		name, ok := strings.CutSuffix(f.Type.Name(), "Connection")
		if !ok {
			continue
		}
		roots = append(roots, f.Name)
		if k, ok := connectionKinds[f.Name]; ok && k.Label() != name {
			t.Errorf("Query.%s lists %s, but connectionKinds says %s", f.Name, f.Type.Name(), k)
		}
	}
	sameSet(t, "connectionKinds", roots, keys(connectionKinds))
}

// sample is a stored value for a field of type typ, as Neo4j gives it back.
func sample(s *ast.Schema, typ *ast.Type) any {
	if typ.Elem != nil {
		return []any{sample(s, typ.Elem)}
	}
	switch def := s.Types[typ.Name()]; {
	case def.Kind == ast.Enum: // the last value: the first is often what an empty property reads as
		return def.EnumValues[len(def.EnumValues)-1].Name
	case typ.Name() == "Date":
		return "1988-07"
	case typ.Name() == "Int":
		return int64(7)
	case typ.Name() == "Boolean":
		return true
	}
	return "sample text"
}

// TestConvertersKeepEveryField: each kind's converters (readBase and readProperties,
// nodeProperties and properties) carry every scalar field of its schema type from the
// stored properties and back, readLink and Link.properties every scalar field of the
// edge types, and readEdge and the citation decoder read every scalar field of the edge
// types and of Citation.
func TestConvertersKeepEveryField(t *testing.T) {
	s := schemaAST(t)
	for _, k := range EntityKinds {
		for _, f := range s.Types[k.Label()].Fields {
			if !isScalar(s, f) || len(f.Arguments) > 0 {
				continue
			}
			for _, prop := range storedProperties[f.Name] {
				in := map[string]any{"id": k.IDPrefix() + ":x", prop: sample(s, f.Type)}
				e := newEntity(k)
				readBase(e.Common(), recordOf(in))
				e.readProperties(recordOf(in))
				out := nodeProperties(e)
				if fmt.Sprint(out[prop]) != fmt.Sprint(in[prop]) {
					t.Errorf("%s.%s: stored %s = %v comes back from the converters as %v", k.Label(), f.Name, prop, in[prop], out[prop])
				}
			}
		}
	}
	for _, name := range scalarTypes(s) {
		if name == "Citation" || slices.Contains(s.Types[name].Interfaces, "Entity") {
			continue
		}
		for _, f := range s.Types[name].Fields {
			// the type comes from relSpec, toKnown is read from to and endedBy, and a
			// link's confidence is its citations' unless an editor set ownConfidence
			if !isScalar(s, f) || f.Name == "type" || f.Name == "toKnown" || f.Name == "confidence" {
				continue
			}
			for _, prop := range storedProperties[f.Name] {
				in := map[string]any{prop: sample(s, f.Type)}
				out := readLink(RelHolds, in).properties()
				if fmt.Sprint(out[prop]) != fmt.Sprint(in[prop]) {
					t.Errorf("%s.%s: stored %s = %v comes back from readLink and Link.properties as %v", name, f.Name, prop, in[prop], out[prop])
				}
			}
		}
	}
	readers := map[string]func(map[string]any) any{
		"Citation": func(p map[string]any) any {
			cp, row := &citationPlan{}, []any{}
			for k, v := range p { // as projection lists them
				cp.keys, row = append(cp.keys, k), append(row, v)
			}
			return cp.decode([]any{row})
		},
	}
	for _, name := range scalarTypes(s) {
		if _, ok := readers[name]; !ok && s.Types[name].Kind == ast.Object && !slices.Contains(s.Types[name].Interfaces, "Entity") {
			readers[name] = func(p map[string]any) any { return readEdge(recordOf(p), RelHolds) }
		}
	}
	for name, read := range readers {
		for _, f := range s.Types[name].Fields {
			if !isScalar(s, f) || f.Name == "type" || f.Name == "toKnown" {
				continue // the type comes from relSpec; toKnown is read from to and endedBy
			}
			for _, prop := range storedProperties[f.Name] {
				if reflect.DeepEqual(read(map[string]any{prop: sample(s, f.Type)}), read(map[string]any{})) {
					t.Errorf("%s.%s: the decoder does not read the stored %s", name, f.Name, prop)
				}
			}
		}
	}
}

// TestWhereFiltersCoverSchema: every field of each list's where input is a filter the
// compiler knows (an empty filter on it compiles without "unknown filter field").
func TestWhereFiltersCoverSchema(t *testing.T) {
	s := schemaAST(t)
	checked := 0
	for _, root := range s.Query.Fields {
		kind, ok := connectionKinds[root.Name]
		where := root.Arguments.ForName("where")
		if !ok || where == nil {
			continue
		}
		for _, f := range s.Types[where.Type.Name()].Fields {
			checked++
			c := &compiler{params: map[string]any{}}
			if _, err := c.where(kind, "n", map[string]any{f.Name: map[string]any{}}, root.Name+".where"); err != nil &&
				strings.Contains(err.Error(), "unknown filter field") {
				t.Errorf("%s.%s: %v", where.Type.Name(), f.Name, err)
			}
		}
	}
	if checked < 50 {
		t.Fatalf("checked only %d where fields", checked)
	}
}
