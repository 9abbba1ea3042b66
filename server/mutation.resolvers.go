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

// CreateEntity is the resolver for the createEntity field.
func (r *mutationResolver) CreateEntity(ctx context.Context, input graph.EntityInput) (graph.Entity, error) {
	return r.Server.createEntity(ctx, &input)
}

// AddSource is the resolver for the addSource field.
func (r *mutationResolver) AddSource(ctx context.Context, input graph.EntityInput) (*graph.Source, error) {
	return r.Server.addSource(ctx, &input)
}

// UpdateEntity is the resolver for the updateEntity field.
func (r *mutationResolver) UpdateEntity(ctx context.Context, id string, input graph.EntityPatch) (graph.Entity, error) {
	return r.Server.updateEntity(ctx, id, &input)
}

// Link is the resolver for the link field.
func (r *mutationResolver) Link(ctx context.Context, from string, typeArg graph.RelType, to string, properties *graph.LinkInput, citations []*graph.CitationInput) (string, error) {
	return r.Server.link(ctx, from, typeArg, to, properties, citations)
}

// Unlink is the resolver for the unlink field.
func (r *mutationResolver) Unlink(ctx context.Context, id string) (bool, error) {
	return r.Server.unlink(ctx, id)
}

// AddCitation is the resolver for the addCitation field.
func (r *mutationResolver) AddCitation(ctx context.Context, id string, citation graph.CitationInput) (int, error) {
	return r.Server.addCitation(ctx, id, &citation)
}

// SetConfidence is the resolver for the setConfidence field.
func (r *mutationResolver) SetConfidence(ctx context.Context, id string, confidence graph.Confidence) (graph.Confidence, error) {
	return r.Server.setConfidence(ctx, id, confidence)
}

// Retract is the resolver for the retract field.
func (r *mutationResolver) Retract(ctx context.Context, id string, reason string) (bool, error) {
	return r.Server.retract(ctx, id, reason)
}

// MergeEntities is the resolver for the mergeEntities field.
func (r *mutationResolver) MergeEntities(ctx context.Context, keep string, drop string) (graph.Entity, error) {
	return r.Server.mergeEntities(ctx, keep, drop)
}

// UnmergeEntities is the resolver for the unmergeEntities field.
func (r *mutationResolver) UnmergeEntities(ctx context.Context, keep string, drop string) ([]graph.Entity, error) {
	return r.Server.unmergeEntities(ctx, keep, drop)
}

// History is the resolver for the history field.
func (r *queryResolver) History(ctx context.Context, id string) ([]*graph.Change, error) {
	return r.Server.history(ctx, id)
}

// Changes is the resolver for the changes field.
func (r *queryResolver) Changes(ctx context.Context, since string, by *string) ([]*graph.Change, error) {
	return r.Server.changes(ctx, since, deref(by))
}

// Mutation returns schema.MutationResolver implementation.
func (r *Resolver) Mutation() schema.MutationResolver { return &mutationResolver{r} }

type mutationResolver struct{ *Resolver }
