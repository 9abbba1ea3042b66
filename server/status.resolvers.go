package server

import (
	"context"

	"github.com/accgraph/accgraph/graph"
	"github.com/accgraph/accgraph/schema"
)

// Status is the resolver for the status field.
func (r *queryResolver) Status(ctx context.Context) (*graph.Status, error) {
	return r.DB.ReadStatus(ctx)
}

// Query returns schema.QueryResolver implementation.
func (r *Resolver) Query() schema.QueryResolver { return &queryResolver{r} }

type queryResolver struct{ *Resolver }
