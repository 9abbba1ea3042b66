package schema

import (
	"sync"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"

	"github.com/accgraph/accgraph/graph"
)

// Selections converts gqlgen's selection set, with fragments applied for typeName, into
// graph.Selections; their Sub collects the next level lazily, per concrete type. The
// server's read-ahead and the compiler's golden tests both build their reads with it.
// A selection set without fragments is the same for every type: its Sub collects it once
// and gives that one slice for every type name, which lets the compiler compile it once
// for all the kinds an interface-typed field may hold (graph.Selection).
func Selections(oc *graphql.OperationContext, set ast.SelectionSet, typeName string) []graph.Selection {
	fields := graphql.CollectFields(oc, set, []string{typeName, "Entity"})
	out := make([]graph.Selection, len(fields))
	for i, f := range fields {
		sub := f.Selections
		collect := func(t string) []graph.Selection { return Selections(oc, sub, t) }
		if !hasFragments(sub) {
			once := sync.OnceValue(func() []graph.Selection { return Selections(oc, sub, "") })
			collect = func(string) []graph.Selection { return once() }
		}
		out[i] = graph.Selection{Alias: f.Alias, Name: f.Name, Args: f.ArgumentMap(oc.Variables), Sub: collect}
	}
	return out
}

// hasFragments tells whether set spreads a fragment or holds an inline one, the only
// selections whose fields depend on the type they are collected for.
func hasFragments(set ast.SelectionSet) bool {
	for _, s := range set {
		if _, field := s.(*ast.Field); !field {
			return true
		}
	}
	return false
}
