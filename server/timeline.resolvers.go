package server

import (
	"context"

	"github.com/accgraph/accgraph/graph"
)

// Timeline is the resolver for the timeline field.
func (r *queryResolver) Timeline(ctx context.Context, id string, from *graph.Date, to *graph.Date, undated *bool) ([]*graph.TimelineEntry, error) {
	return rootValue[[]*graph.TimelineEntry](ctx)
}
