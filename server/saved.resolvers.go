package server

import (
	"context"

	"github.com/accgraph/accgraph/graph"
	"github.com/accgraph/accgraph/schema"
)

// SavedQueries is the resolver for the savedQueries field.
func (r *queryResolver) SavedQueries(ctx context.Context, tag *string) ([]*graph.SavedQuery, error) {
	return forCaller(ctx)(r.DB.SavedQueries(ctx, deref(tag)))
}

// SavedQuery is the resolver for the savedQuery field.
func (r *queryResolver) SavedQuery(ctx context.Context, name string, version *int) (*graph.SavedQuery, error) {
	q, err := r.DB.SavedQueryVersion(ctx, name, deref(version))
	if graph.ErrorCode(err) == graph.ENOTFOUND {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	hideAuthor(ctx, q)
	return q, nil
}

// SavedQueryHistory is the resolver for the savedQueryHistory field.
func (r *queryResolver) SavedQueryHistory(ctx context.Context, name string) ([]*graph.SavedQuery, error) {
	return forCaller(ctx)(r.DB.SavedQueryHistory(ctx, name))
}

// RunSavedQuery is the resolver for the runSavedQuery field.
func (r *queryResolver) RunSavedQuery(ctx context.Context, name string, variables map[string]any, version *int) (map[string]any, error) {
	return r.Server.runSavedQueryJSON(ctx, name, variables, deref(version))
}

// URL is the resolver for the url field.
func (r *savedQueryResolver) URL(ctx context.Context, obj *graph.SavedQuery) (string, error) {
	return savedURL(obj.Name, ""), nil
}

// CSVURL is the resolver for the csvUrl field.
func (r *savedQueryResolver) CSVURL(ctx context.Context, obj *graph.SavedQuery) (string, error) {
	return savedURL(obj.Name, ".csv"), nil
}

// SavedQuery returns schema.SavedQueryResolver implementation.
func (r *Resolver) SavedQuery() schema.SavedQueryResolver { return &savedQueryResolver{r} }

type savedQueryResolver struct{ *Resolver }
