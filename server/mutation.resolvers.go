package server

import (
	"context"

	"github.com/accgraph/accgraph/graph"
	"github.com/accgraph/accgraph/schema"
)

// SaveQuery is the resolver for the saveQuery field.
func (r *mutationResolver) SaveQuery(ctx context.Context, input schema.SavedQueryInput) (*graph.SavedQuery, error) {
	return r.Server.saveQuery(ctx, input)
}

// DeleteSavedQuery is the resolver for the deleteSavedQuery field.
func (r *mutationResolver) DeleteSavedQuery(ctx context.Context, name string) (bool, error) {
	return r.Server.deleteSavedQuery(ctx, name)
}

// Mutation returns schema.MutationResolver implementation.
func (r *Resolver) Mutation() schema.MutationResolver { return &mutationResolver{r} }

type mutationResolver struct{ *Resolver }
