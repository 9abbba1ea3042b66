package server

import (
	"context"

	"github.com/accgraph/accgraph/graph"
)

// Neighborhood is the resolver for the neighborhood field.
func (r *queryResolver) Neighborhood(ctx context.Context, id string, depth *int, relTypes []graph.RelType, kinds []graph.EntityKind, asOf *graph.Date, minConfidence *graph.Confidence, limit *int) (*graph.Subgraph, error) {
	return rootValue[*graph.Subgraph](ctx)
}

// ExpandStats is the resolver for the expandStats field.
func (r *queryResolver) ExpandStats(ctx context.Context, id string, asOf *graph.Date, minConfidence *graph.Confidence) ([]*graph.ExpandStat, error) {
	return rootValue[[]*graph.ExpandStat](ctx)
}

// Paths is the resolver for the paths field.
func (r *queryResolver) Paths(ctx context.Context, from string, to string, maxLength *int, relTypes []graph.RelType, asOf *graph.Date, minConfidence *graph.Confidence, directed *bool, limit *int, longer *bool) ([]*graph.Path, error) {
	return rootValue[[]*graph.Path](ctx)
}
