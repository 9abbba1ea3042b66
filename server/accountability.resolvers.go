package server

import (
	"context"

	"github.com/accgraph/accgraph/graph"
)

// Accountability is the resolver for the accountability field.
func (r *queryResolver) Accountability(ctx context.Context, subject string, asOf *graph.Date, maxHops *int, minConfidence *graph.Confidence) (*graph.AccountabilityReport, error) {
	return rootValue[*graph.AccountabilityReport](ctx)
}
