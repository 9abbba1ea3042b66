package server

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"

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

// RunSavedQuery runs a saved query with vars (its defaults fill the rest; an ID variable
// may be given a name) through the same executor, limits and one-statement read as
// /graphql, and flattens the answer.
func (s *Server) RunSavedQuery(ctx context.Context, q *graph.SavedQuery, vars map[string]any) (*SavedResult, error) {
	data, err := s.SavedQueryData(ctx, q, vars)
	s.Metrics.SavedQueryRun(q.Name, outcome(err))
	if err != nil {
		return nil, err
	}
	return flatten(q, data), nil
}

// SavedQueryData runs a saved query and returns its answer's data, decoded from JSON.
func (s *Server) SavedQueryData(ctx context.Context, q *graph.SavedQuery, vars map[string]any) (any, error) {
	s.setup()
	ctx, err := startSavedRun(ctx, q.Name)
	if err != nil {
		return nil, err
	}
	if vars, err = s.resolveNames(ctx, q, vars); err != nil {
		return nil, err
	}
	data, err := s.execute(ctx, q.Document, vars)
	if err != nil && graph.ErrorCode(err) == graph.EINTERNAL {
		return nil, fmt.Errorf("saved query %s: %w", q.Name, err)
	}
	return data, err
}

// execute runs a query document through the executor and decodes its data.
func (s *Server) execute(ctx context.Context, doc string, vars map[string]any) (any, error) {
	s.setup()
	params := &graphql.RawParams{Query: doc, Variables: vars}
	ctx = graphql.StartOperationTrace(ctx)
	rc, errs := s.exec.CreateOperationContext(ctx, params)
	if len(errs) > 0 {
		return nil, graphErr(errs[0])
	}
	handler, ctx := s.exec.DispatchOperation(ctx, rc)
	resp := handler(ctx)
	if len(resp.Errors) > 0 {
		return nil, graphErr(resp.Errors[0])
	}
	var data any
	if err := json.Unmarshal(resp.Data, &data); err != nil {
		return nil, &graph.Error{Code: graph.EINTERNAL, Err: err}
	}
	return data, nil
}

// graphErr turns an executor error into the error it reports: a resolver's error (its
// *graph.Error, or an internal one) unwrapped from the presented one, else a parse,
// validation or limit error of the document, which is the caller's (EINVALID, with its path).
func graphErr(e *gqlerror.Error) error {
	var ge *graph.Error
	switch {
	case errors.As(e, &ge) && ge.Code != graph.EINVALID:
		return e
	case ge == nil && e.Err != nil:
		return &graph.Error{Code: graph.EINTERNAL, Err: e}
	}
	msg := e.Message
	if len(e.Path) > 0 {
		msg = e.Path.String() + ": " + msg
	}
	return &graph.Error{Code: graph.EINVALID, Message: msg, Err: e}
}
