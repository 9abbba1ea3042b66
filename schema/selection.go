package schema

import (
	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"

	"github.com/accgraph/accgraph/graph"
)

// Selections converts gqlgen's selection set, with fragments applied for typeName, into
// graph.Selections; their Sub collects the next level lazily, per concrete type. The
// server's read-ahead and the compiler's golden tests both build their reads with it.
func Selections(oc *graphql.OperationContext, set ast.SelectionSet, typeName string) []graph.Selection {
	fields := graphql.CollectFields(oc, set, []string{typeName, "Entity"})
	out := make([]graph.Selection, len(fields))
	for i, f := range fields {
		sub := f.Selections
		out[i] = graph.Selection{
			Alias: f.Alias,
			Name:  f.Name,
			Args:  f.ArgumentMap(oc.Variables),
			Sub:   func(t string) []graph.Selection { return Selections(oc, sub, t) },
		}
	}
	return out
}
