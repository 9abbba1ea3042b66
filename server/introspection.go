package server

import (
	"context"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"

	"github.com/accgraph/accgraph/graph"
)

// refuseIntrospection answers an operation that asks for __schema or __type, when
// introspection is off, with one clear error before anything runs (gqlgen's own refusal
// is a bare resolver error that would read as an internal one).
type refuseIntrospection struct{}

var _ interface {
	graphql.HandlerExtension
	graphql.OperationContextMutator
} = refuseIntrospection{}

func (refuseIntrospection) ExtensionName() string                   { return "RefuseIntrospection" }
func (refuseIntrospection) Validate(graphql.ExecutableSchema) error { return nil }
func (refuseIntrospection) MutateOperationContext(_ context.Context, oc *graphql.OperationContext) *gqlerror.Error {
	if oc.Operation == nil {
		return nil
	}
	if f := introspectionField(oc.Operation.SelectionSet); f != nil {
		err := gqlerror.ErrorPosf(f.Position, "introspection is disabled on this server (%s)", f.Name)
		err.Extensions = map[string]any{"code": gqlCode(graph.EINTROSPECTIONOFF)}
		return err
	}
	return nil
}

// introspectionField finds a root-level __schema or __type field, also inside fragments.
func introspectionField(set ast.SelectionSet) *ast.Field {
	for _, sel := range set {
		switch s := sel.(type) {
		case *ast.Field:
			if s.Name == "__schema" || s.Name == "__type" {
				return s
			}
		case *ast.InlineFragment:
			if f := introspectionField(s.SelectionSet); f != nil {
				return f
			}
		case *ast.FragmentSpread:
			if s.Definition != nil {
				if f := introspectionField(s.Definition.SelectionSet); f != nil {
					return f
				}
			}
		}
	}
	return nil
}
