package server

import (
	"context"

	"github.com/accgraph/accgraph/graph"
)

// Claims is the resolver for the claims field.
func (r *queryResolver) Claims(ctx context.Context, by string, first *int) ([]*graph.Mention, error) {
	return rootValue[[]*graph.Mention](ctx)
}
