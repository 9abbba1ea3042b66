package graph

import (
	"strings"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

// RelType is a relationship type.
type RelType string

// The relationship types, direction as written: HOLDS is Person → Position.
const (
	RelHolds          RelType = "HOLDS"
	RelPositionIn     RelType = "POSITION_IN"
	RelMemberOf       RelType = "MEMBER_OF"
	RelPartOf         RelType = "PART_OF"
	RelResponsibleFor RelType = "RESPONSIBLE_FOR"
	RelParticipatedIn RelType = "PARTICIPATED_IN"
	RelIssuedBy       RelType = "ISSUED_BY"
	RelAgainst        RelType = "AGAINST"
	RelConcerns       RelType = "CONCERNS"
	RelStated         RelType = "STATED"
	RelAbout          RelType = "ABOUT"
	RelLocatedIn      RelType = "LOCATED_IN"
	RelOccurredIn     RelType = "OCCURRED_IN"
)

// endpoints says which kinds each relationship type joins: from → to. PART_OF joins an
// organization to an organization or an event to an event, never one to the other.
var endpoints = map[RelType][][2][]EntityKind{
	RelHolds:          {{{KindPerson}, {KindPosition}}},
	RelPositionIn:     {{{KindPosition}, {KindOrganization}}},
	RelMemberOf:       {{{KindPerson}, {KindOrganization}}},
	RelPartOf:         {{{KindOrganization}, {KindOrganization}}, {{KindEvent}, {KindEvent}}},
	RelResponsibleFor: {{{KindPerson, KindOrganization}, {KindEvent}}},
	RelParticipatedIn: {{{KindPerson, KindOrganization}, {KindEvent}}},
	RelIssuedBy:       {{{KindVerdict}, {KindOrganization}}},
	RelAgainst:        {{{KindVerdict}, {KindPerson, KindOrganization}}},
	RelConcerns:       {{{KindVerdict}, {KindEvent}}},
	RelStated:         {{{KindPerson, KindOrganization}, {KindStatement}}},
	RelAbout:          {{{KindStatement}, EntityKinds}},
	RelLocatedIn:      {{{KindOrganization, KindPlace}, {KindPlace}}},
	RelOccurredIn:     {{{KindEvent}, {KindPlace}}},
}

// RelTypes lists every relationship type accgraph writes, in a fixed order.
var RelTypes = []RelType{
	RelHolds, RelPositionIn, RelMemberOf, RelPartOf, RelResponsibleFor, RelParticipatedIn,
	RelIssuedBy, RelAgainst, RelConcerns, RelStated, RelAbout, RelLocatedIn, RelOccurredIn,
}

// IsValid reports whether t is one of RelTypes; Cypher takes types only from here.
func (t RelType) IsValid() bool { _, ok := endpoints[t]; return ok }

// Allows reports whether t may join a node of kind from to one of kind to.
func (t RelType) Allows(from, to EntityKind) bool {
	for _, e := range endpoints[t] {
		if oneOf(from, e[0]) && oneOf(to, e[1]) {
			return true
		}
	}
	return false
}

// Link is a relationship with its own properties and citations: a tenure, a membership,
// a responsibility, a verdict's party.
type Link struct {
	ID   string // default: type:from-slug--to-slug
	Type RelType
	From string // entity id
	To   string // entity id
	Role string // RESPONSIBLE_FOR: a ResponsibilityRole; MEMBER_OF and PARTICIPATED_IN: free text
	// AGAINST: what the court decided about this party.
	Outcome  string
	Sentence string
	// When is when the relation held, as far as it is known. Attested is a date on which
	// a source says it held ("the current Judiciary Chief", as of the source's date);
	// EndedBy is a date by which it had ended ("former MP"). Time travel uses the
	// interval these establish and nothing wider (see Valid).
	When       Interval
	Attested   Date
	EndedBy    Date
	Confidence Confidence // empty takes its citations' (derivedConfidence)
	Retraction string
	// Inference is set when the source implies the link but does not state it: the note
	// says how it is read ("Iran is read from 'the Iranian regime … executioner'").
	Inference string
	Citations []Citation
	Origin    Origin
	Field     string // the link's path in its origin record, e.g. "links[2]"
	FtM       string // the FollowTheMoney entity it was imported from, as JSON
}

// Valid is the interval in which the link is known to hold, Security Force Monitor's
// first/last cited date rule: from From (or the Attested date) to To (or, after a known
// start, EndedBy; or the Attested date). A link with no date at which it is known to
// hold has a zero Valid, and time travel (asOf) leaves it out.
func (l *Link) Valid() Interval {
	iv := l.When
	if iv.From.IsZero() {
		iv.From = l.Attested
	}
	if iv.To.IsZero() {
		if !l.When.From.IsZero() {
			iv.To = l.EndedBy
		} else {
			iv.To = l.Attested
		}
	}
	return iv
}

// relTypeOfID reads a relationship's type from its id prefix (`holds:…` is HOLDS).
func relTypeOfID(id string) (RelType, bool) {
	prefix, _, ok := strings.Cut(id, ":")
	t := RelType(strings.ToUpper(prefix))
	return t, ok && t.IsValid()
}

// DefaultLinkID is the id of the only link of a type between two entities.
func DefaultLinkID(t RelType, from, to string) string {
	return strings.ToLower(string(t)) + ":" + slug(from) + "--" + slug(to)
}

func slug(id string) string {
	_, s, _ := strings.Cut(id, ":")
	return s
}

// validate checks the link in isolation; the dataset checks that its ends resolve to
// entities of the kinds its type allows.
func (l *Link) validate(p *Problems) {
	p = p.Under(l.Field + ".")
	if !l.Type.IsValid() {
		p.Add("type", "%s", unknownValue("relationship type", string(l.Type), RelTypes))
	}
	if l.To == "" {
		p.Add("target", "missing target")
	}
	if l.Type.IsValid() && l.ID != "" && !strings.HasPrefix(l.ID, strings.ToLower(string(l.Type))+":") {
		p.Add("id", "id %q must start with %s: (the type tells where to find it)", l.ID, strings.ToLower(string(l.Type)))
	}
	if l.Type == RelResponsibleFor && !oneOf(ResponsibilityRole(l.Role), ResponsibilityRoles) {
		p.Add("role", "%s", unknownValue("responsibility role", l.Role, ResponsibilityRoles))
	}
	if (l.Outcome != "" || l.Sentence != "") && l.Type != RelAgainst {
		p.Add("outcome", "outcome and sentence belong on AGAINST only")
	}
	if err := l.When.Validate(); err != nil {
		p.Add("to", "%s", ErrorMessage(err))
	}
	validateFact(l.Confidence, l.Retraction, l.Citations, p)
}

// properties are the Neo4j properties of the relationship.
func (l *Link) properties() map[string]any {
	props := map[string]any{
		"id":         l.ID,
		"confidence": string(effectiveConfidence(l.Confidence, l.Citations)),
	}
	setIf(props, "ownConfidence", string(l.Confidence))
	setIf(props, "role", l.Role)
	setIf(props, "outcome", l.Outcome)
	setIf(props, "sentence", l.Sentence)
	setIf(props, "from", l.When.From.String())
	setIf(props, "to", l.When.To.String())
	setIf(props, "attested", l.Attested.String())
	setIf(props, "endedBy", l.EndedBy.String())
	setIf(props, "retraction", l.Retraction)
	setIf(props, "inference", strings.TrimSpace(l.Inference))
	setIf(props, "ftm", l.FtM)
	setInterval(props, l.Valid())
	return props
}

// setInterval stores an interval as Neo4j dates for time-travel queries: validFrom is
// the first day it may cover, validTo the last; an open end is left unset.
func setInterval(props map[string]any, iv Interval) {
	if !iv.From.IsZero() {
		props["validFrom"] = neo4j.DateOf(iv.From.First())
	}
	if !iv.To.IsZero() {
		props["validTo"] = neo4j.DateOf(iv.To.Last())
	}
}
