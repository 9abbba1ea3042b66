package server

import (
	"context"

	"github.com/accgraph/accgraph/graph"
)

// Status is the resolver for the status field.
func (r *queryResolver) Status(ctx context.Context) (*graph.Status, error) {
	return r.DB.ReadStatus(ctx)
}
