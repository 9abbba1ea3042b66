package server

import (
	"context"

	"github.com/vektah/gqlparser/v2/ast"

	"github.com/accgraph/accgraph/graph"
)

// savedQueryFields are the root fields a saved query may not select: runSavedQuery runs
// saved queries, and the others read them, so a saved document that reached them could
// call itself (a run that never ends) or fan out into every other saved query.
var savedQueryFields = map[string]bool{
	"runSavedQuery": true, "savedQuery": true, "savedQueries": true, "savedQueryHistory": true,
}

// savedQueryField returns the first field of set (fragments followed) that reads or
// runs saved queries, or nil.
func savedQueryField(set ast.SelectionSet, seen map[string]bool) *ast.Field {
	for _, sel := range set {
		var sub ast.SelectionSet
		switch s := sel.(type) {
		case *ast.Field:
			if savedQueryFields[s.Name] {
				return s
			}
			sub = s.SelectionSet
		case *ast.InlineFragment:
			sub = s.SelectionSet
		case *ast.FragmentSpread:
			if s.Definition == nil || seen[s.Name] {
				continue
			}
			seen[s.Name] = true
			sub = s.Definition.SelectionSet
		}
		if f := savedQueryField(sub, seen); f != nil {
			return f
		}
	}
	return nil
}

// hideAuthor blanks who saved q (an API key's name) for a caller without a key: key names
// are for the people who hold keys.
func hideAuthor(ctx context.Context, q *graph.SavedQuery) {
	if identity(ctx).Role == graph.RoleAnonymous {
		q.CreatedBy = ""
	}
}

// forCaller returns a function that passes a list of saved queries through hideAuthor.
func forCaller(ctx context.Context) func([]*graph.SavedQuery, error) ([]*graph.SavedQuery, error) {
	return func(list []*graph.SavedQuery, err error) ([]*graph.SavedQuery, error) {
		for _, q := range list {
			hideAuthor(ctx, q)
		}
		return list, err
	}
}

// savedRunKey marks the context of a saved query's run.
type savedRunKey struct{}

// startSavedRun marks ctx as running the saved query name; a run inside a run (a saved
// document stored before saving refused runSavedQuery) is EINVALID, so a run never nests.
func startSavedRun(ctx context.Context, name string) (context.Context, error) {
	if outer, ok := ctx.Value(savedRunKey{}).(string); ok {
		return nil, graph.Errorf(graph.EINVALID, "saved query %s: a saved query cannot run or read saved queries (%s was running)", name, outer)
	}
	return context.WithValue(ctx, savedRunKey{}, name), nil
}
