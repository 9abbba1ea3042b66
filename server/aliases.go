package server

import (
	"context"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"
)

// DefaultMaxAliases bounds the aliased fields of one request: aliases are how one
// request asks the same expensive field many times.
const DefaultMaxAliases = 50

// aliasLimit refuses an operation with more aliased fields than max, counting fragments
// as the fields they hold, before anything runs.
type aliasLimit struct{ max int }

var _ interface {
	graphql.HandlerExtension
	graphql.OperationContextMutator
} = aliasLimit{}

func (aliasLimit) ExtensionName() string                   { return "AliasLimit" }
func (aliasLimit) Validate(graphql.ExecutableSchema) error { return nil }

func (l aliasLimit) MutateOperationContext(_ context.Context, oc *graphql.OperationContext) *gqlerror.Error {
	if oc.Operation == nil {
		return nil
	}
	if n := countAliases(oc.Operation.SelectionSet, map[string]bool{}); n > l.max {
		err := gqlerror.Errorf("%d aliased fields exceed the limit of %d", n, l.max)
		err.Extensions = map[string]any{"code": "ALIAS_LIMIT_EXCEEDED"}
		return err
	}
	return nil
}

func countAliases(set ast.SelectionSet, visiting map[string]bool) int {
	n := 0
	for _, sel := range set {
		switch s := sel.(type) {
		case *ast.Field:
			if s.Alias != "" && s.Alias != s.Name {
				n++
			}
			n += countAliases(s.SelectionSet, visiting)
		case *ast.InlineFragment:
			n += countAliases(s.SelectionSet, visiting)
		case *ast.FragmentSpread:
			if s.Definition != nil && !visiting[s.Name] {
				visiting[s.Name] = true
				n += countAliases(s.Definition.SelectionSet, visiting)
				delete(visiting, s.Name)
			}
		}
	}
	return n
}
