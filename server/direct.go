package server

import (
	"context"
	"sync/atomic"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"

	"github.com/accgraph/accgraph/graph"
)

// directSchema is gqlgen's executable schema with one change: a query that the direct
// writer supports (decided up front, from the validated document) is answered by writing
// the read-ahead's values as JSON in one pass, without gqlgen's per-field executor and
// its goroutine per list element. Everything else — parsing, validation, the limits and
// cost checks, the extensions, the response interceptors, the error presenter — is
// gqlgen's as before; introspection, mutations and any field the writer does not know go
// to the generated executor. docs/design.md says why.
type directSchema struct {
	graphql.ExecutableSchema
	s        *Server
	bindings bindings
	impls    map[string][]string // the type names CollectFields matches for each object type
}

// directStats counts how queries were answered, for tests and the design notes.
type directStats struct {
	written     atomic.Int64 // by the direct writer
	unsupported atomic.Int64 // by the executor: the operation asked for what the writer does not know
	redone      atomic.Int64 // by the executor after the writer met a value it must not write (a null in a non-null field)
}

func newDirectSchema(es graphql.ExecutableSchema, s *Server) *directSchema {
	d := &directSchema{ExecutableSchema: es, s: s, bindings: bind(es.Schema()), impls: map[string][]string{}}
	for name := range directTypes {
		if def := es.Schema().Types[name]; def != nil {
			d.impls[name] = append([]string{name}, def.Interfaces...)
		}
	}
	return d
}

func (d *directSchema) Exec(ctx context.Context) graphql.ResponseHandler {
	oc := graphql.GetOperationContext(ctx)
	rr, _ := ctx.Value(resultsKey{}).(*readResults)
	if d.s.NoDirectWrites || rr == nil || !d.supported(oc) {
		if rr != nil {
			d.s.direct.unsupported.Add(1)
		}
		return d.ExecutableSchema.Exec(ctx)
	}
	var next graphql.ResponseHandler
	return func(rctx context.Context) *graphql.Response {
		if next != nil {
			return next(rctx)
		}
		data, errs, ok := d.write(rctx, oc, rr)
		if !ok { // the executor answers instead, from the same read-ahead results
			d.s.direct.redone.Add(1)
			next = d.ExecutableSchema.Exec(ctx)
			return next(rctx)
		}
		d.s.direct.written.Add(1)
		next = func(context.Context) *graphql.Response { return nil }
		for _, e := range errs {
			// as gqlgen's generated root resolver reports an error: path and location from
			// the field context, then the error presenter
			fctx := graphql.WithFieldContext(graphql.WithFieldContext(rctx, &graphql.FieldContext{Object: "Query"}),
				&graphql.FieldContext{Object: "Query", Field: e.field, IsMethod: true, IsResolver: true})
			oc.Error(fctx, graphql.AddFieldLocationToError(fctx, e.err))
		}
		return &graphql.Response{Data: data}
	}
}

// supported reports whether the writer knows every field the operation may select: a
// query whose root fields are all graph.Roots (those graph.Read compiles), whose fields all have bindings (on every
// possible type of an interface), whose Date arguments gqlgen can read (else gqlgen's
// argument error is the answer) and which defers nothing. It walks the validated
// document, so a field under @skip counts too.
func (d *directSchema) supported(oc *graphql.OperationContext) bool {
	if oc.Operation == nil || oc.Operation.Operation != ast.Query {
		return false
	}
	seen := map[string]bool{}
	var check func(set ast.SelectionSet, root bool) bool
	check = func(set ast.SelectionSet, root bool) bool {
		for _, sel := range set {
			switch sel := sel.(type) {
			case *ast.Field:
				switch {
				case sel.Name == "__typename":
					continue
				case root && !graph.Roots[sel.Name], !root && !d.known(sel), !d.argumentsRead(sel, oc.Variables),
					!check(sel.SelectionSet, false):
					return false
				}
			case *ast.InlineFragment:
				if sel.Directives.ForName("defer") != nil || !check(sel.SelectionSet, root) {
					return false
				}
			case *ast.FragmentSpread:
				if sel.Directives.ForName("defer") != nil || sel.Definition == nil {
					return false
				}
				if !seen[sel.Name] {
					seen[sel.Name] = true
					if !check(sel.Definition.SelectionSet, root) {
						return false
					}
				}
			}
		}
		return true
	}
	return check(oc.Operation.SelectionSet, true)
}

// known reports whether f has a binding on its parent type, or on every type that may
// stand for its parent interface.
func (d *directSchema) known(f *ast.Field) bool {
	parent := f.ObjectDefinition
	if parent == nil {
		return false
	}
	if parent.Kind == ast.Object {
		_, ok := d.bindings[parent.Name+"."+f.Name]
		return ok
	}
	for _, t := range d.Schema().GetPossibleTypes(parent) {
		if _, ok := d.bindings[t.Name+"."+f.Name]; !ok {
			return false
		}
	}
	return true
}

// argumentsRead reports whether gqlgen's generated code reads every argument of f: the
// executor unmarshals each Date (in an input object too) before any resolver runs and
// answers a bad one with an error of its own, where graph.Read would give another.
func (d *directSchema) argumentsRead(f *ast.Field, vars map[string]any) bool {
	if f.Definition == nil {
		return false
	}
	args := f.ArgumentMap(vars)
	for _, a := range f.Definition.Arguments {
		if !d.readable(a.Type, args[a.Name]) {
			return false
		}
	}
	return true
}

func (d *directSchema) readable(t *ast.Type, v any) bool {
	if v == nil {
		return true
	}
	if t.Elem != nil {
		list, ok := v.([]any)
		if !ok {
			return d.readable(t.Elem, v) // a single value stands for a list of one
		}
		for _, x := range list {
			if !d.readable(t.Elem, x) {
				return false
			}
		}
		return true
	}
	switch def := d.Schema().Types[t.NamedType]; {
	case def.Name == "Date":
		var date graph.Date
		return date.UnmarshalGQL(v) == nil
	case def.Kind == ast.InputObject:
		m, ok := v.(map[string]any)
		for _, f := range def.Fields {
			if ok && !d.readable(f.Type, m[f.Name]) {
				return false
			}
		}
	}
	return true
}
