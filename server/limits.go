package server

import (
	"context"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"
)

// Default limits; Server fields override them.
const (
	DefaultMaxDepth      = 10
	DefaultMaxComplexity = 500_000
)

// depthLimit refuses an operation nested deeper than max fields (a root field is depth 1;
// fragments count as the fields they hold; introspection is bounded by the schema and not
// counted), before anything runs. gqlgen has no such rule of its own.
type depthLimit struct{ max int }

var _ interface {
	graphql.HandlerExtension
	graphql.OperationContextMutator
} = depthLimit{}

func (depthLimit) ExtensionName() string                   { return "DepthLimit" }
func (depthLimit) Validate(graphql.ExecutableSchema) error { return nil }

func (d depthLimit) MutateOperationContext(_ context.Context, oc *graphql.OperationContext) *gqlerror.Error {
	if oc.Operation == nil {
		return nil
	}
	if depth := selectionDepth(oc.Operation.SelectionSet, map[string]bool{}); depth > d.max {
		err := gqlerror.Errorf("query depth %d exceeds the limit of %d", depth, d.max)
		err.Extensions = map[string]any{"code": "DEPTH_LIMIT_EXCEEDED"}
		return err
	}
	return nil
}

// selectionDepth measures a selection set; visiting stops a fragment cycle (which the
// validator refuses anyway).
func selectionDepth(set ast.SelectionSet, visiting map[string]bool) int {
	deepest := 0
	for _, sel := range set {
		depth := 0
		switch s := sel.(type) {
		case *ast.Field:
			if s.Name == "__schema" || s.Name == "__type" {
				continue
			}
			depth = 1 + selectionDepth(s.SelectionSet, visiting)
		case *ast.InlineFragment:
			depth = selectionDepth(s.SelectionSet, visiting)
		case *ast.FragmentSpread:
			if s.Definition == nil || visiting[s.Name] {
				continue
			}
			visiting[s.Name] = true
			depth = selectionDepth(s.Definition.SelectionSet, visiting)
			delete(visiting, s.Name)
		}
		deepest = max(deepest, depth)
	}
	return deepest
}

// costedSchema gives every list its worst case to gqlgen's complexity limit: a field
// with a `first` argument costs its children times first; citations count as 5 and
// holders (no first) as 50. Everything else costs gqlgen's default, 1 + its children.
type costedSchema struct{ graphql.ExecutableSchema }

func (s costedSchema) Complexity(ctx context.Context, typeName, field string, child int, args map[string]any) (int, bool) {
	n := 0
	switch first := args["first"].(type) {
	case int:
		n = first
	case int64:
		n = int(first)
	}
	switch {
	case n > 0:
		return 1 + child*n, true
	case field == "citations":
		return 1 + child*5, true
	case typeName == "Query" && field == "holders":
		return 1 + child*50, true
	}
	return s.ExecutableSchema.Complexity(ctx, typeName, field, child, args)
}
