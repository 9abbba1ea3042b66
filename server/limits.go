package server

import (
	"context"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"

	"github.com/accgraph/accgraph/graph"
)

// Default limits; Server fields override them.
const (
	DefaultMaxDepth      = 10
	DefaultMaxComplexity = 500_000
	// DefaultMaxAliases bounds the aliased fields of one request: aliases are how one
	// request asks the same expensive field many times.
	DefaultMaxAliases = 50
)

// shapeLimits refuses, before anything runs, an operation nested deeper than maxDepth
// fields or holding more than maxAliases aliased fields. A root field is depth 1;
// fragments count as the fields they hold; introspection is bounded by the schema and
// not counted. gqlgen has no such rules of its own.
type shapeLimits struct{ maxDepth, maxAliases int }

var _ interface {
	graphql.HandlerExtension
	graphql.OperationContextMutator
} = shapeLimits{}

func (shapeLimits) ExtensionName() string                   { return "ShapeLimits" }
func (shapeLimits) Validate(graphql.ExecutableSchema) error { return nil }

func (l shapeLimits) MutateOperationContext(_ context.Context, oc *graphql.OperationContext) *gqlerror.Error {
	if oc.Operation == nil {
		return nil
	}
	depth, aliases := measure(oc.Operation.SelectionSet, map[string]bool{})
	var err *gqlerror.Error
	switch {
	case depth > l.maxDepth:
		err = gqlError(graph.EDEPTHLIMIT, "query depth %d exceeds the limit of %d", depth, l.maxDepth)
	case aliases > l.maxAliases:
		err = gqlError(graph.EALIASLIMIT, "%d aliased fields exceed the limit of %d", aliases, l.maxAliases)
	}
	return err
}

// measure returns the depth and the number of aliased fields of a selection set;
// visiting stops a fragment cycle (which the validator refuses anyway).
func measure(set ast.SelectionSet, visiting map[string]bool) (depth, aliases int) {
	for _, sel := range set {
		d, a := 0, 0
		switch s := sel.(type) {
		case *ast.Field:
			if s.Name == "__schema" || s.Name == "__type" {
				continue
			}
			d, a = measure(s.SelectionSet, visiting)
			d++
			if s.Alias != "" && s.Alias != s.Name {
				a++
			}
		case *ast.InlineFragment:
			d, a = measure(s.SelectionSet, visiting)
		case *ast.FragmentSpread:
			if s.Definition == nil || visiting[s.Name] {
				continue
			}
			visiting[s.Name] = true
			d, a = measure(s.Definition.SelectionSet, visiting)
			delete(visiting, s.Name)
		}
		depth = max(depth, d)
		aliases += a
	}
	return depth, aliases
}
