package server

import (
	"reflect"
	"strings"

	"github.com/vektah/gqlparser/v2/ast"

	"github.com/accgraph/accgraph/graph"
)

// directTypes maps each GraphQL object type the direct writer answers to the Go type
// gqlgen binds it to (schema/gqlgen.yml and autobind). A type not listed here, and every
// field of a listed type that binds to nothing below, sends its operation to the executor.
var directTypes = func() map[string]reflect.Type {
	m := map[string]reflect.Type{}
	add := func(name string, v any) { m[name] = reflect.TypeOf(v) }
	for name, v := range map[string]any{
		"Person": (*graph.Person)(nil), "Organization": (*graph.Organization)(nil),
		"Position": (*graph.Position)(nil), "Event": (*graph.Event)(nil), "Verdict": (*graph.Verdict)(nil),
		"Statement": (*graph.Statement)(nil), "Source": (*graph.Source)(nil), "Place": (*graph.Place)(nil),
	} {
		add(name, v)
		add(name+"Connection", (*graph.Connection)(nil))
		add(name+"Edge", (*graph.ConnectionEdge)(nil))
	}
	for name, v := range map[string]any{
		"Thing": (*graph.Thing)(nil), "Citation": (*graph.Citation)(nil), "AliasSource": (*graph.Alias)(nil),
		"AliasCitation": (*graph.Citation)(nil), "Tenure": (*graph.Tenure)(nil), "Membership": (*graph.Membership)(nil),
		"Responsibility": (*graph.Responsibility)(nil), "Participation": (*graph.Participation)(nil),
		"VerdictParty": (*graph.VerdictParty)(nil), "PartOf": (*graph.PartOf)(nil), "Relation": (*graph.Relation)(nil),
		"PageInfo": (*graph.PageInfo)(nil), "SearchHit": (*graph.SearchHit)(nil), "Mention": (*graph.Mention)(nil),
		"AccountabilityReport": (*graph.AccountabilityReport)(nil), "AccountabilityEntry": (*graph.AccountabilityEntry)(nil),
		"HeldAtTime": (*graph.HeldAtTime)(nil), "PostAtTime": (*graph.PostAtTime)(nil), "Subgraph": (*graph.Subgraph)(nil),
		"GraphNode": (*graph.GraphNode)(nil), "GraphEdge": (*graph.GraphEdge)(nil), "ExpandStat": (*graph.ExpandStat)(nil),
		"Path": (*graph.Path)(nil), "PathStep": (*graph.PathStep)(nil), "TimelineEntry": (*graph.TimelineEntry)(nil),
	} {
		add(name, v)
	}
	return m
}()

// fieldNames are schema/gqlgen.yml's fieldName overrides, by type and field.
var fieldNames = map[string]string{
	"Citation.quote": "QuoteText", "Citation.source": "SourceNode", "Citation.claimedBy": "Claimant", "Organization.kind": "OrgKind",
	"Event.kind": "EventKind", "Event.victims": "VictimCount", "Source.kind": "SourceKind", "Source.text": "Document",
}

// accessor reads one field of a Go value (always a pointer to its struct): a method, a
// struct field, or the relation list the read-ahead stored under the field's alias.
type accessor struct {
	typ     *ast.Type       // the field's type on this object type
	def     *ast.Definition // typ's named type
	method  int             // index in the pointer type's method set, or -1
	field   []int           // struct field index path, when method < 0 and !related
	related bool
}

// bindings holds an accessor for every (type, field) the writer knows, keyed "Type.field".
type bindings map[string]accessor

// bind finds, for every field of every directTypes type, what gqlgen's generated code reads:
// gqlgen's rules are an own field or method whose name matches ignoring case (a method
// promoted from an embedded struct after an own field), overrides from gqlgen.yml, and the
// relation resolvers of entities (server/entity.resolvers.go), which read Base.Related.
func bind(s *ast.Schema) bindings {
	b := bindings{}
	for name, t := range directTypes {
		def := s.Types[name]
		if def == nil {
			continue
		}
		for _, f := range def.Fields {
			if strings.HasPrefix(f.Name, "__") {
				continue
			}
			if acc, ok := bindField(t, name, f); ok {
				acc.typ, acc.def = f.Type, s.Types[f.Type.Name()]
				b[name+"."+f.Name] = acc
			}
		}
	}
	return b
}

var entityType = reflect.TypeOf((*graph.Entity)(nil)).Elem()

func bindField(t reflect.Type, typeName string, f *ast.FieldDefinition) (accessor, bool) {
	goName, overridden := fieldNames[typeName+"."+f.Name]
	match := func(s string) bool {
		if overridden {
			return s == goName
		}
		return strings.EqualFold(s, f.Name)
	}
	st := t.Elem()
	for i := 0; i < st.NumField(); i++ { // an own field comes first
		if sf := st.Field(i); !sf.Anonymous && sf.IsExported() && match(sf.Name) {
			return accessor{method: -1, field: sf.Index}, true
		}
	}
	for i := 0; i < t.NumMethod(); i++ {
		m := t.Method(i)
		if match(m.Name) && m.Type.NumIn() == 1 && m.Type.NumOut() == 1 {
			return accessor{method: i}, true
		}
	}
	if sf, ok := st.FieldByNameFunc(match); ok && sf.IsExported() {
		return accessor{method: -1, field: sf.Index}, true
	}
	if t.Implements(entityType) && f.Arguments.ForName("asOf") != nil && f.Arguments.ForName("first") != nil {
		return accessor{method: -1, related: true}, true
	}
	return accessor{}, false
}

// get reads the field from v, a pointer to the Go struct, asked under alias.
func (a accessor) get(v reflect.Value, alias string) reflect.Value {
	switch {
	case a.related:
		return reflect.ValueOf(v.Interface().(graph.Entity).Common().Related(alias))
	case a.method >= 0:
		return v.Method(a.method).Call(nil)[0]
	}
	return v.Elem().FieldByIndex(a.field)
}
