package server

import (
	"context"

	"github.com/accgraph/accgraph/graph"
	"github.com/accgraph/accgraph/schema"
)

// Responsible is the resolver for the responsible field.
func (r *eventResolver) Responsible(ctx context.Context, obj *graph.Event, asOf *graph.Date, minConfidence *graph.Confidence, includeRetracted *bool, first *int) ([]*graph.Responsibility, error) {
	return related[*graph.Responsibility](ctx, &obj.Base)
}

// Participants is the resolver for the participants field.
func (r *eventResolver) Participants(ctx context.Context, obj *graph.Event, asOf *graph.Date, minConfidence *graph.Confidence, includeRetracted *bool, first *int) ([]*graph.Participation, error) {
	return related[*graph.Participation](ctx, &obj.Base)
}

// Verdicts is the resolver for the verdicts field.
func (r *eventResolver) Verdicts(ctx context.Context, obj *graph.Event, asOf *graph.Date, minConfidence *graph.Confidence, includeRetracted *bool, first *int) ([]*graph.Relation, error) {
	return related[*graph.Relation](ctx, &obj.Base)
}

// Parts is the resolver for the parts field.
func (r *eventResolver) Parts(ctx context.Context, obj *graph.Event, asOf *graph.Date, minConfidence *graph.Confidence, includeRetracted *bool, first *int) ([]*graph.PartOf, error) {
	return related[*graph.PartOf](ctx, &obj.Base)
}

// PartOf is the resolver for the partOf field.
func (r *eventResolver) PartOf(ctx context.Context, obj *graph.Event, asOf *graph.Date, minConfidence *graph.Confidence, includeRetracted *bool, first *int) ([]*graph.PartOf, error) {
	return related[*graph.PartOf](ctx, &obj.Base)
}

// Places is the resolver for the places field.
func (r *eventResolver) Places(ctx context.Context, obj *graph.Event, asOf *graph.Date, minConfidence *graph.Confidence, includeRetracted *bool, first *int) ([]*graph.Relation, error) {
	return related[*graph.Relation](ctx, &obj.Base)
}

// MentionedIn is the resolver for the mentionedIn field.
func (r *eventResolver) MentionedIn(ctx context.Context, obj *graph.Event, asOf *graph.Date, minConfidence *graph.Confidence, includeRetracted *bool, first *int) ([]*graph.Relation, error) {
	return related[*graph.Relation](ctx, &obj.Base)
}

// Related is the resolver for the related field.
func (r *eventResolver) Related(ctx context.Context, obj *graph.Event, asOf *graph.Date, minConfidence *graph.Confidence, includeRetracted *bool, first *int) ([]*graph.Relation, error) {
	return related[*graph.Relation](ctx, &obj.Base)
}

// RelatedFrom is the resolver for the relatedFrom field.
func (r *eventResolver) RelatedFrom(ctx context.Context, obj *graph.Event, asOf *graph.Date, minConfidence *graph.Confidence, includeRetracted *bool, first *int) ([]*graph.Relation, error) {
	return related[*graph.Relation](ctx, &obj.Base)
}

// Positions is the resolver for the positions field.
func (r *organizationResolver) Positions(ctx context.Context, obj *graph.Organization, asOf *graph.Date, minConfidence *graph.Confidence, includeRetracted *bool, first *int) ([]*graph.Relation, error) {
	return related[*graph.Relation](ctx, &obj.Base)
}

// Members is the resolver for the members field.
func (r *organizationResolver) Members(ctx context.Context, obj *graph.Organization, asOf *graph.Date, minConfidence *graph.Confidence, includeRetracted *bool, first *int) ([]*graph.Membership, error) {
	return related[*graph.Membership](ctx, &obj.Base)
}

// Parts is the resolver for the parts field.
func (r *organizationResolver) Parts(ctx context.Context, obj *graph.Organization, asOf *graph.Date, minConfidence *graph.Confidence, includeRetracted *bool, first *int) ([]*graph.PartOf, error) {
	return related[*graph.PartOf](ctx, &obj.Base)
}

// PartOf is the resolver for the partOf field.
func (r *organizationResolver) PartOf(ctx context.Context, obj *graph.Organization, asOf *graph.Date, minConfidence *graph.Confidence, includeRetracted *bool, first *int) ([]*graph.PartOf, error) {
	return related[*graph.PartOf](ctx, &obj.Base)
}

// Responsibilities is the resolver for the responsibilities field.
func (r *organizationResolver) Responsibilities(ctx context.Context, obj *graph.Organization, asOf *graph.Date, minConfidence *graph.Confidence, includeRetracted *bool, first *int) ([]*graph.Responsibility, error) {
	return related[*graph.Responsibility](ctx, &obj.Base)
}

// Participations is the resolver for the participations field.
func (r *organizationResolver) Participations(ctx context.Context, obj *graph.Organization, asOf *graph.Date, minConfidence *graph.Confidence, includeRetracted *bool, first *int) ([]*graph.Participation, error) {
	return related[*graph.Participation](ctx, &obj.Base)
}

// LocatedIn is the resolver for the locatedIn field.
func (r *organizationResolver) LocatedIn(ctx context.Context, obj *graph.Organization, asOf *graph.Date, minConfidence *graph.Confidence, includeRetracted *bool, first *int) ([]*graph.Relation, error) {
	return related[*graph.Relation](ctx, &obj.Base)
}

// VerdictsIssued is the resolver for the verdictsIssued field.
func (r *organizationResolver) VerdictsIssued(ctx context.Context, obj *graph.Organization, asOf *graph.Date, minConfidence *graph.Confidence, includeRetracted *bool, first *int) ([]*graph.Relation, error) {
	return related[*graph.Relation](ctx, &obj.Base)
}

// Verdicts is the resolver for the verdicts field.
func (r *organizationResolver) Verdicts(ctx context.Context, obj *graph.Organization, asOf *graph.Date, minConfidence *graph.Confidence, includeRetracted *bool, first *int) ([]*graph.VerdictParty, error) {
	return related[*graph.VerdictParty](ctx, &obj.Base)
}

// Statements is the resolver for the statements field.
func (r *organizationResolver) Statements(ctx context.Context, obj *graph.Organization, asOf *graph.Date, minConfidence *graph.Confidence, includeRetracted *bool, first *int) ([]*graph.Relation, error) {
	return related[*graph.Relation](ctx, &obj.Base)
}

// MentionedIn is the resolver for the mentionedIn field.
func (r *organizationResolver) MentionedIn(ctx context.Context, obj *graph.Organization, asOf *graph.Date, minConfidence *graph.Confidence, includeRetracted *bool, first *int) ([]*graph.Relation, error) {
	return related[*graph.Relation](ctx, &obj.Base)
}

// Owns is the resolver for the owns field.
func (r *organizationResolver) Owns(ctx context.Context, obj *graph.Organization, asOf *graph.Date, minConfidence *graph.Confidence, includeRetracted *bool, first *int) ([]*graph.Ownership, error) {
	return related[*graph.Ownership](ctx, &obj.Base)
}

// Owners is the resolver for the owners field.
func (r *organizationResolver) Owners(ctx context.Context, obj *graph.Organization, asOf *graph.Date, minConfidence *graph.Confidence, includeRetracted *bool, first *int) ([]*graph.Ownership, error) {
	return related[*graph.Ownership](ctx, &obj.Base)
}

// PaymentsMade is the resolver for the paymentsMade field.
func (r *organizationResolver) PaymentsMade(ctx context.Context, obj *graph.Organization, asOf *graph.Date, minConfidence *graph.Confidence, includeRetracted *bool, first *int) ([]*graph.Payment, error) {
	return related[*graph.Payment](ctx, &obj.Base)
}

// PaymentsReceived is the resolver for the paymentsReceived field.
func (r *organizationResolver) PaymentsReceived(ctx context.Context, obj *graph.Organization, asOf *graph.Date, minConfidence *graph.Confidence, includeRetracted *bool, first *int) ([]*graph.Payment, error) {
	return related[*graph.Payment](ctx, &obj.Base)
}

// Related is the resolver for the related field.
func (r *organizationResolver) Related(ctx context.Context, obj *graph.Organization, asOf *graph.Date, minConfidence *graph.Confidence, includeRetracted *bool, first *int) ([]*graph.Relation, error) {
	return related[*graph.Relation](ctx, &obj.Base)
}

// RelatedFrom is the resolver for the relatedFrom field.
func (r *organizationResolver) RelatedFrom(ctx context.Context, obj *graph.Organization, asOf *graph.Date, minConfidence *graph.Confidence, includeRetracted *bool, first *int) ([]*graph.Relation, error) {
	return related[*graph.Relation](ctx, &obj.Base)
}

// Tenures is the resolver for the tenures field.
func (r *personResolver) Tenures(ctx context.Context, obj *graph.Person, asOf *graph.Date, minConfidence *graph.Confidence, includeRetracted *bool, first *int) ([]*graph.Tenure, error) {
	return related[*graph.Tenure](ctx, &obj.Base)
}

// Memberships is the resolver for the memberships field.
func (r *personResolver) Memberships(ctx context.Context, obj *graph.Person, asOf *graph.Date, minConfidence *graph.Confidence, includeRetracted *bool, first *int) ([]*graph.Membership, error) {
	return related[*graph.Membership](ctx, &obj.Base)
}

// Responsibilities is the resolver for the responsibilities field.
func (r *personResolver) Responsibilities(ctx context.Context, obj *graph.Person, asOf *graph.Date, minConfidence *graph.Confidence, includeRetracted *bool, first *int) ([]*graph.Responsibility, error) {
	return related[*graph.Responsibility](ctx, &obj.Base)
}

// Participations is the resolver for the participations field.
func (r *personResolver) Participations(ctx context.Context, obj *graph.Person, asOf *graph.Date, minConfidence *graph.Confidence, includeRetracted *bool, first *int) ([]*graph.Participation, error) {
	return related[*graph.Participation](ctx, &obj.Base)
}

// Statements is the resolver for the statements field.
func (r *personResolver) Statements(ctx context.Context, obj *graph.Person, asOf *graph.Date, minConfidence *graph.Confidence, includeRetracted *bool, first *int) ([]*graph.Relation, error) {
	return related[*graph.Relation](ctx, &obj.Base)
}

// Verdicts is the resolver for the verdicts field.
func (r *personResolver) Verdicts(ctx context.Context, obj *graph.Person, asOf *graph.Date, minConfidence *graph.Confidence, includeRetracted *bool, first *int) ([]*graph.VerdictParty, error) {
	return related[*graph.VerdictParty](ctx, &obj.Base)
}

// MentionedIn is the resolver for the mentionedIn field.
func (r *personResolver) MentionedIn(ctx context.Context, obj *graph.Person, asOf *graph.Date, minConfidence *graph.Confidence, includeRetracted *bool, first *int) ([]*graph.Relation, error) {
	return related[*graph.Relation](ctx, &obj.Base)
}

// Owns is the resolver for the owns field.
func (r *personResolver) Owns(ctx context.Context, obj *graph.Person, asOf *graph.Date, minConfidence *graph.Confidence, includeRetracted *bool, first *int) ([]*graph.Ownership, error) {
	return related[*graph.Ownership](ctx, &obj.Base)
}

// PaymentsMade is the resolver for the paymentsMade field.
func (r *personResolver) PaymentsMade(ctx context.Context, obj *graph.Person, asOf *graph.Date, minConfidence *graph.Confidence, includeRetracted *bool, first *int) ([]*graph.Payment, error) {
	return related[*graph.Payment](ctx, &obj.Base)
}

// PaymentsReceived is the resolver for the paymentsReceived field.
func (r *personResolver) PaymentsReceived(ctx context.Context, obj *graph.Person, asOf *graph.Date, minConfidence *graph.Confidence, includeRetracted *bool, first *int) ([]*graph.Payment, error) {
	return related[*graph.Payment](ctx, &obj.Base)
}

// Family is the resolver for the family field.
func (r *personResolver) Family(ctx context.Context, obj *graph.Person, asOf *graph.Date, minConfidence *graph.Confidence, includeRetracted *bool, first *int) ([]*graph.Relation, error) {
	return related[*graph.Relation](ctx, &obj.Base)
}

// FamilyOf is the resolver for the familyOf field.
func (r *personResolver) FamilyOf(ctx context.Context, obj *graph.Person, asOf *graph.Date, minConfidence *graph.Confidence, includeRetracted *bool, first *int) ([]*graph.Relation, error) {
	return related[*graph.Relation](ctx, &obj.Base)
}

// Associates is the resolver for the associates field.
func (r *personResolver) Associates(ctx context.Context, obj *graph.Person, asOf *graph.Date, minConfidence *graph.Confidence, includeRetracted *bool, first *int) ([]*graph.Relation, error) {
	return related[*graph.Relation](ctx, &obj.Base)
}

// AssociateOf is the resolver for the associateOf field.
func (r *personResolver) AssociateOf(ctx context.Context, obj *graph.Person, asOf *graph.Date, minConfidence *graph.Confidence, includeRetracted *bool, first *int) ([]*graph.Relation, error) {
	return related[*graph.Relation](ctx, &obj.Base)
}

// Related is the resolver for the related field.
func (r *personResolver) Related(ctx context.Context, obj *graph.Person, asOf *graph.Date, minConfidence *graph.Confidence, includeRetracted *bool, first *int) ([]*graph.Relation, error) {
	return related[*graph.Relation](ctx, &obj.Base)
}

// RelatedFrom is the resolver for the relatedFrom field.
func (r *personResolver) RelatedFrom(ctx context.Context, obj *graph.Person, asOf *graph.Date, minConfidence *graph.Confidence, includeRetracted *bool, first *int) ([]*graph.Relation, error) {
	return related[*graph.Relation](ctx, &obj.Base)
}

// LocatedIn is the resolver for the locatedIn field.
func (r *placeResolver) LocatedIn(ctx context.Context, obj *graph.Place, asOf *graph.Date, minConfidence *graph.Confidence, includeRetracted *bool, first *int) ([]*graph.Relation, error) {
	return related[*graph.Relation](ctx, &obj.Base)
}

// Contains is the resolver for the contains field.
func (r *placeResolver) Contains(ctx context.Context, obj *graph.Place, asOf *graph.Date, minConfidence *graph.Confidence, includeRetracted *bool, first *int) ([]*graph.Relation, error) {
	return related[*graph.Relation](ctx, &obj.Base)
}

// Events is the resolver for the events field.
func (r *placeResolver) Events(ctx context.Context, obj *graph.Place, asOf *graph.Date, minConfidence *graph.Confidence, includeRetracted *bool, first *int) ([]*graph.Relation, error) {
	return related[*graph.Relation](ctx, &obj.Base)
}

// Owners is the resolver for the owners field.
func (r *placeResolver) Owners(ctx context.Context, obj *graph.Place, asOf *graph.Date, minConfidence *graph.Confidence, includeRetracted *bool, first *int) ([]*graph.Ownership, error) {
	return related[*graph.Ownership](ctx, &obj.Base)
}

// Related is the resolver for the related field.
func (r *placeResolver) Related(ctx context.Context, obj *graph.Place, asOf *graph.Date, minConfidence *graph.Confidence, includeRetracted *bool, first *int) ([]*graph.Relation, error) {
	return related[*graph.Relation](ctx, &obj.Base)
}

// RelatedFrom is the resolver for the relatedFrom field.
func (r *placeResolver) RelatedFrom(ctx context.Context, obj *graph.Place, asOf *graph.Date, minConfidence *graph.Confidence, includeRetracted *bool, first *int) ([]*graph.Relation, error) {
	return related[*graph.Relation](ctx, &obj.Base)
}

// Organizations is the resolver for the organizations field.
func (r *positionResolver) Organizations(ctx context.Context, obj *graph.Position, asOf *graph.Date, minConfidence *graph.Confidence, includeRetracted *bool, first *int) ([]*graph.Relation, error) {
	return related[*graph.Relation](ctx, &obj.Base)
}

// Holders is the resolver for the holders field.
func (r *positionResolver) Holders(ctx context.Context, obj *graph.Position, asOf *graph.Date, minConfidence *graph.Confidence, includeRetracted *bool, first *int) ([]*graph.Tenure, error) {
	return related[*graph.Tenure](ctx, &obj.Base)
}

// MentionedIn is the resolver for the mentionedIn field.
func (r *positionResolver) MentionedIn(ctx context.Context, obj *graph.Position, asOf *graph.Date, minConfidence *graph.Confidence, includeRetracted *bool, first *int) ([]*graph.Relation, error) {
	return related[*graph.Relation](ctx, &obj.Base)
}

// Speakers is the resolver for the speakers field.
func (r *statementResolver) Speakers(ctx context.Context, obj *graph.Statement, asOf *graph.Date, minConfidence *graph.Confidence, includeRetracted *bool, first *int) ([]*graph.Relation, error) {
	return related[*graph.Relation](ctx, &obj.Base)
}

// About is the resolver for the about field.
func (r *statementResolver) About(ctx context.Context, obj *graph.Statement, asOf *graph.Date, minConfidence *graph.Confidence, includeRetracted *bool, first *int) ([]*graph.Relation, error) {
	return related[*graph.Relation](ctx, &obj.Base)
}

// Owners is the resolver for the owners field.
func (r *thingResolver) Owners(ctx context.Context, obj *graph.Thing, asOf *graph.Date, minConfidence *graph.Confidence, includeRetracted *bool, first *int) ([]*graph.Ownership, error) {
	return related[*graph.Ownership](ctx, &obj.Base)
}

// Related is the resolver for the related field.
func (r *thingResolver) Related(ctx context.Context, obj *graph.Thing, asOf *graph.Date, minConfidence *graph.Confidence, includeRetracted *bool, first *int) ([]*graph.Relation, error) {
	return related[*graph.Relation](ctx, &obj.Base)
}

// RelatedFrom is the resolver for the relatedFrom field.
func (r *thingResolver) RelatedFrom(ctx context.Context, obj *graph.Thing, asOf *graph.Date, minConfidence *graph.Confidence, includeRetracted *bool, first *int) ([]*graph.Relation, error) {
	return related[*graph.Relation](ctx, &obj.Base)
}

// IssuedBy is the resolver for the issuedBy field.
func (r *verdictResolver) IssuedBy(ctx context.Context, obj *graph.Verdict, asOf *graph.Date, minConfidence *graph.Confidence, includeRetracted *bool, first *int) ([]*graph.Relation, error) {
	return related[*graph.Relation](ctx, &obj.Base)
}

// Parties is the resolver for the parties field.
func (r *verdictResolver) Parties(ctx context.Context, obj *graph.Verdict, asOf *graph.Date, minConfidence *graph.Confidence, includeRetracted *bool, first *int) ([]*graph.VerdictParty, error) {
	return related[*graph.VerdictParty](ctx, &obj.Base)
}

// Concerns is the resolver for the concerns field.
func (r *verdictResolver) Concerns(ctx context.Context, obj *graph.Verdict, asOf *graph.Date, minConfidence *graph.Confidence, includeRetracted *bool, first *int) ([]*graph.Relation, error) {
	return related[*graph.Relation](ctx, &obj.Base)
}

// MentionedIn is the resolver for the mentionedIn field.
func (r *verdictResolver) MentionedIn(ctx context.Context, obj *graph.Verdict, asOf *graph.Date, minConfidence *graph.Confidence, includeRetracted *bool, first *int) ([]*graph.Relation, error) {
	return related[*graph.Relation](ctx, &obj.Base)
}

// Event returns schema.EventResolver implementation.
func (r *Resolver) Event() schema.EventResolver { return &eventResolver{r} }

// Organization returns schema.OrganizationResolver implementation.
func (r *Resolver) Organization() schema.OrganizationResolver { return &organizationResolver{r} }

// Person returns schema.PersonResolver implementation.
func (r *Resolver) Person() schema.PersonResolver { return &personResolver{r} }

// Place returns schema.PlaceResolver implementation.
func (r *Resolver) Place() schema.PlaceResolver { return &placeResolver{r} }

// Position returns schema.PositionResolver implementation.
func (r *Resolver) Position() schema.PositionResolver { return &positionResolver{r} }

// Statement returns schema.StatementResolver implementation.
func (r *Resolver) Statement() schema.StatementResolver { return &statementResolver{r} }

// Thing returns schema.ThingResolver implementation.
func (r *Resolver) Thing() schema.ThingResolver { return &thingResolver{r} }

// Verdict returns schema.VerdictResolver implementation.
func (r *Resolver) Verdict() schema.VerdictResolver { return &verdictResolver{r} }

type (
	eventResolver        struct{ *Resolver }
	organizationResolver struct{ *Resolver }
	personResolver       struct{ *Resolver }
	placeResolver        struct{ *Resolver }
	positionResolver     struct{ *Resolver }
	statementResolver    struct{ *Resolver }
	thingResolver        struct{ *Resolver }
	verdictResolver      struct{ *Resolver }
)
