package graph

// EdgeBase is what every relationship read through the API carries. The typed edges
// below add their two ends under the names the schema gives them.
type EdgeBase struct {
	ID         string
	Type       RelType
	Role       string
	Outcome    string
	Sentence   string
	When       Interval
	Attested   Date
	EndedBy    Date
	Confidence Confidence
	Retraction string
	Inference  *string // how the link is read from a source that implies it; nil when stated
	Facts      Facts   // LinkFacts: an ownership's share, a payment's amount
	Citations  []Citation
}

// From is when the relationship began, as the sources give it.
func (e *EdgeBase) From() Date { return e.When.From }

// To is when it ended, as the sources give it.
func (e *EdgeBase) To() Date { return e.When.To }

// ToKnown is false when the sources give no end (nor a date by which it ended).
func (e *EdgeBase) ToKnown() bool { return !e.When.To.IsZero() || !e.EndedBy.IsZero() }

// Tenure is Person -HOLDS-> Position.
type Tenure struct {
	EdgeBase
	Person   *Person
	Position *Position
}

// Membership is Person -MEMBER_OF-> Organization.
type Membership struct {
	EdgeBase
	Person       *Person
	Organization *Organization
}

// Responsibility is Person or Organization -RESPONSIBLE_FOR-> Event.
type Responsibility struct {
	EdgeBase
	Actor Entity
	Event *Event
}

// Participation is Person or Organization -PARTICIPATED_IN-> Event.
type Participation struct {
	EdgeBase
	Participant Entity
	Event       *Event
}

// VerdictParty is Verdict -AGAINST-> Person or Organization.
type VerdictParty struct {
	EdgeBase
	Verdict *Verdict
	Party   Entity
}

// PartOf is Organization -PART_OF-> Organization or Event -PART_OF-> Event.
type PartOf struct {
	EdgeBase
	Part  Entity
	Whole Entity
}

// Relation is any other relationship, from Source to Target.
type Relation struct {
	EdgeBase
	Source Entity
	Target Entity
}

// edgeShape is how one GraphQL edge type is filled: the schema's names for its start
// and end, and how to build it from its parts.
type edgeShape struct {
	typeName   string
	start, end string
	build      func(base EdgeBase, start, end Entity) any
}

var (
	tenureShape = edgeShape{"Tenure", "person", "position", func(b EdgeBase, s, e Entity) any {
		return &Tenure{b, asPerson(s), asPosition(e)}
	}}
	membershipShape = edgeShape{"Membership", "person", "organization", func(b EdgeBase, s, e Entity) any {
		return &Membership{b, asPerson(s), asOrganization(e)}
	}}
	responsibilityShape = edgeShape{"Responsibility", "actor", "event", func(b EdgeBase, s, e Entity) any {
		return &Responsibility{b, s, asEvent(e)}
	}}
	participationShape = edgeShape{"Participation", "participant", "event", func(b EdgeBase, s, e Entity) any {
		return &Participation{b, s, asEvent(e)}
	}}
	verdictPartyShape = edgeShape{"VerdictParty", "verdict", "party", func(b EdgeBase, s, e Entity) any {
		return &VerdictParty{b, asVerdict(s), e}
	}}
	partOfShape = edgeShape{"PartOf", "part", "whole", func(b EdgeBase, s, e Entity) any {
		return &PartOf{b, s, e}
	}}
	relationShape = edgeShape{"Relation", "source", "target", func(b EdgeBase, s, e Entity) any {
		return &Relation{b, s, e}
	}}
)

// The typed ends: nil stays nil (an end that was not selected).
func asPerson(e Entity) *Person             { p, _ := e.(*Person); return p }
func asPosition(e Entity) *Position         { p, _ := e.(*Position); return p }
func asOrganization(e Entity) *Organization { o, _ := e.(*Organization); return o }
func asEvent(e Entity) *Event               { v, _ := e.(*Event); return v }
func asVerdict(e Entity) *Verdict           { v, _ := e.(*Verdict); return v }

// optional is a stored string property that may be absent, as GraphQL's null.
func optional(v any) *string {
	if s := str(v); s != "" {
		return new(s) // allocated only when present (&s would move s to the heap always)
	}
	return nil
}

func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}
