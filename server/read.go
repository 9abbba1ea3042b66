package server

import (
	"context"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"

	"github.com/accgraph/accgraph/graph"
	"github.com/accgraph/accgraph/schema"
)

// readAhead answers a query's graph reads before gqlgen resolves a single field: it
// turns the whole operation into graph.Selections and asks graph.Read for them, which
// sends ONE Cypher statement. The direct writer (direct.go), or else the resolvers, then
// only read what it returned. It runs after validation, depth and complexity checks, so a
// refused query never reaches Neo4j.
type readAhead struct{ db *graph.DB }

var _ interface {
	graphql.HandlerExtension
	graphql.OperationInterceptor
} = readAhead{}

func (readAhead) ExtensionName() string                   { return "ReadAhead" }
func (readAhead) Validate(graphql.ExecutableSchema) error { return nil }

type resultsKey struct{}

type readResults struct {
	results *graph.Results
	err     error            // the read failed as a whole
	refused map[string]error // root fields refused for their arguments, by alias
}

func (ra readAhead) InterceptOperation(ctx context.Context, next graphql.OperationHandler) graphql.ResponseHandler {
	oc := graphql.GetOperationContext(ctx)
	if oc.Operation == nil || oc.Operation.Operation != ast.Query {
		return next(ctx)
	}
	var roots []graph.Selection
	refused := map[string]error{}
	for _, f := range schema.Selections(oc, oc.Operation.SelectionSet, "Query") {
		if err := checkArguments(f); err != nil {
			refused[f.Alias] = err
			continue
		}
		roots = append(roots, f)
	}
	res, err := ra.db.Read(ctx, roots)
	return next(context.WithValue(ctx, resultsKey{}, &readResults{results: res, err: err, refused: refused}))
}

// rootValue returns what the read-ahead found for the current root field.
func rootValue[T any](ctx context.Context) (T, error) {
	var zero T
	rr, _ := ctx.Value(resultsKey{}).(*readResults)
	if rr == nil {
		return zero, &graph.Error{Code: graph.EINTERNAL, Message: "no read-ahead for this operation"}
	}
	alias := graphql.GetFieldContext(ctx).Field.Alias
	if err, ok := rr.refused[alias]; ok {
		return zero, err
	}
	if rr.err != nil {
		return zero, rr.err
	}
	v, err := rr.results.Get(alias)
	if err != nil {
		return zero, err
	}
	t, _ := v.(T)
	return t, nil
}

// related returns the relation list the read-ahead found for the current field.
func related[T any](ctx context.Context, b *graph.Base) ([]T, error) {
	list, _ := b.Related(graphql.GetFieldContext(ctx).Field.Alias).([]T)
	if list == nil {
		list = []T{}
	}
	return list, nil
}
