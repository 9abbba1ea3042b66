package server

import (
	"context"

	"github.com/accgraph/accgraph/graph"
	"github.com/accgraph/accgraph/schema"
)

// Node is the resolver for the node field.
func (r *eventEdgeResolver) Node(ctx context.Context, obj *graph.ConnectionEdge) (*graph.Event, error) {
	n, _ := obj.Node.(*graph.Event)
	return n, nil
}

// Node is the resolver for the node field.
func (r *organizationEdgeResolver) Node(ctx context.Context, obj *graph.ConnectionEdge) (*graph.Organization, error) {
	n, _ := obj.Node.(*graph.Organization)
	return n, nil
}

// Node is the resolver for the node field.
func (r *personEdgeResolver) Node(ctx context.Context, obj *graph.ConnectionEdge) (*graph.Person, error) {
	n, _ := obj.Node.(*graph.Person)
	return n, nil
}

// Node is the resolver for the node field.
func (r *placeEdgeResolver) Node(ctx context.Context, obj *graph.ConnectionEdge) (*graph.Place, error) {
	n, _ := obj.Node.(*graph.Place)
	return n, nil
}

// Node is the resolver for the node field.
func (r *positionEdgeResolver) Node(ctx context.Context, obj *graph.ConnectionEdge) (*graph.Position, error) {
	n, _ := obj.Node.(*graph.Position)
	return n, nil
}

// Entity is the resolver for the entity field.
func (r *queryResolver) Entity(ctx context.Context, id string) (graph.Entity, error) {
	return rootValue[graph.Entity](ctx)
}

// Search is the resolver for the search field.
func (r *queryResolver) Search(ctx context.Context, text string, kinds []graph.EntityKind, first *int) ([]*graph.SearchHit, error) {
	return rootValue[[]*graph.SearchHit](ctx)
}

// Mentions is the resolver for the mentions field.
func (r *queryResolver) Mentions(ctx context.Context, text string, first *int) ([]*graph.Mention, error) {
	return rootValue[[]*graph.Mention](ctx)
}

// People is the resolver for the people field.
func (r *queryResolver) People(ctx context.Context, where map[string]any, orderBy []map[string]any, first *int, after *string) (*graph.Connection, error) {
	return rootValue[*graph.Connection](ctx)
}

// Organizations is the resolver for the organizations field.
func (r *queryResolver) Organizations(ctx context.Context, where map[string]any, orderBy []map[string]any, first *int, after *string) (*graph.Connection, error) {
	return rootValue[*graph.Connection](ctx)
}

// Positions is the resolver for the positions field.
func (r *queryResolver) Positions(ctx context.Context, where map[string]any, orderBy []map[string]any, first *int, after *string) (*graph.Connection, error) {
	return rootValue[*graph.Connection](ctx)
}

// Events is the resolver for the events field.
func (r *queryResolver) Events(ctx context.Context, where map[string]any, orderBy []map[string]any, first *int, after *string) (*graph.Connection, error) {
	return rootValue[*graph.Connection](ctx)
}

// Verdicts is the resolver for the verdicts field.
func (r *queryResolver) Verdicts(ctx context.Context, where map[string]any, orderBy []map[string]any, first *int, after *string) (*graph.Connection, error) {
	return rootValue[*graph.Connection](ctx)
}

// Sources is the resolver for the sources field.
func (r *queryResolver) Sources(ctx context.Context, where map[string]any, orderBy []map[string]any, first *int, after *string) (*graph.Connection, error) {
	return rootValue[*graph.Connection](ctx)
}

// Statements is the resolver for the statements field.
func (r *queryResolver) Statements(ctx context.Context, where map[string]any, orderBy []map[string]any, first *int, after *string) (*graph.Connection, error) {
	return rootValue[*graph.Connection](ctx)
}

// Places is the resolver for the places field.
func (r *queryResolver) Places(ctx context.Context, where map[string]any, orderBy []map[string]any, first *int, after *string) (*graph.Connection, error) {
	return rootValue[*graph.Connection](ctx)
}

// Holders is the resolver for the holders field.
func (r *queryResolver) Holders(ctx context.Context, position string, asOf *graph.Date, minConfidence *graph.Confidence, includeRetracted *bool) ([]*graph.Tenure, error) {
	return rootValue[[]*graph.Tenure](ctx)
}

// Node is the resolver for the node field.
func (r *sourceEdgeResolver) Node(ctx context.Context, obj *graph.ConnectionEdge) (*graph.Source, error) {
	n, _ := obj.Node.(*graph.Source)
	return n, nil
}

// Node is the resolver for the node field.
func (r *statementEdgeResolver) Node(ctx context.Context, obj *graph.ConnectionEdge) (*graph.Statement, error) {
	n, _ := obj.Node.(*graph.Statement)
	return n, nil
}

// Node is the resolver for the node field.
func (r *verdictEdgeResolver) Node(ctx context.Context, obj *graph.ConnectionEdge) (*graph.Verdict, error) {
	n, _ := obj.Node.(*graph.Verdict)
	return n, nil
}

// EventEdge returns schema.EventEdgeResolver implementation.
func (r *Resolver) EventEdge() schema.EventEdgeResolver { return &eventEdgeResolver{r} }

// OrganizationEdge returns schema.OrganizationEdgeResolver implementation.
func (r *Resolver) OrganizationEdge() schema.OrganizationEdgeResolver {
	return &organizationEdgeResolver{r}
}

// PersonEdge returns schema.PersonEdgeResolver implementation.
func (r *Resolver) PersonEdge() schema.PersonEdgeResolver { return &personEdgeResolver{r} }

// PlaceEdge returns schema.PlaceEdgeResolver implementation.
func (r *Resolver) PlaceEdge() schema.PlaceEdgeResolver { return &placeEdgeResolver{r} }

// PositionEdge returns schema.PositionEdgeResolver implementation.
func (r *Resolver) PositionEdge() schema.PositionEdgeResolver { return &positionEdgeResolver{r} }

// Query returns schema.QueryResolver implementation.
func (r *Resolver) Query() schema.QueryResolver { return &queryResolver{r} }

// SourceEdge returns schema.SourceEdgeResolver implementation.
func (r *Resolver) SourceEdge() schema.SourceEdgeResolver { return &sourceEdgeResolver{r} }

// StatementEdge returns schema.StatementEdgeResolver implementation.
func (r *Resolver) StatementEdge() schema.StatementEdgeResolver { return &statementEdgeResolver{r} }

// VerdictEdge returns schema.VerdictEdgeResolver implementation.
func (r *Resolver) VerdictEdge() schema.VerdictEdgeResolver { return &verdictEdgeResolver{r} }

type (
	eventEdgeResolver        struct{ *Resolver }
	organizationEdgeResolver struct{ *Resolver }
	personEdgeResolver       struct{ *Resolver }
	placeEdgeResolver        struct{ *Resolver }
	positionEdgeResolver     struct{ *Resolver }
	queryResolver            struct{ *Resolver }
	sourceEdgeResolver       struct{ *Resolver }
	statementEdgeResolver    struct{ *Resolver }
	verdictEdgeResolver      struct{ *Resolver }
)
