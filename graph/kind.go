package graph

// EntityKind is the kind of a node, one per Neo4j label.
type EntityKind string

// The entity kinds. Their labels are the only labels accgraph writes.
const (
	KindPerson       EntityKind = "PERSON"
	KindOrganization EntityKind = "ORGANIZATION"
	KindPosition     EntityKind = "POSITION"
	KindEvent        EntityKind = "EVENT"
	KindVerdict      EntityKind = "VERDICT"
	KindStatement    EntityKind = "STATEMENT"
	KindSource       EntityKind = "SOURCE"
	KindPlace        EntityKind = "PLACE"
	KindThing        EntityKind = "THING"
)

// EntityKinds lists every kind in a fixed order.
var EntityKinds = []EntityKind{
	KindPerson, KindOrganization, KindPosition, KindEvent,
	KindVerdict, KindStatement, KindSource, KindPlace, KindThing,
}

// Label returns the Neo4j label of k, or "" when k is not a kind. Cypher text takes
// labels only from here, never from input.
func (k EntityKind) Label() string {
	switch k {
	case KindPerson:
		return "Person"
	case KindOrganization:
		return "Organization"
	case KindPosition:
		return "Position"
	case KindEvent:
		return "Event"
	case KindVerdict:
		return "Verdict"
	case KindStatement:
		return "Statement"
	case KindSource:
		return "Source"
	case KindPlace:
		return "Place"
	case KindThing:
		return "Thing"
	}
	return ""
}

// IsValid reports whether k is one of EntityKinds.
func (k EntityKind) IsValid() bool { return k.Label() != "" }

// IDPrefix is the prefix of k's ids: `person` in `person:ebrahim-raisi`.
func (k EntityKind) IDPrefix() string { return idPrefixes[k] }
