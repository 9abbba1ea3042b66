package graph

// Facts are the FollowTheMoney properties a person or an organization answers as GraphQL
// fields and where filters (birth dates, nationalities, identifiers, topics...): list
// properties of the same name on its node, each value as the source wrote it.
type Facts map[string][]string

// PersonFacts and OrganizationFacts are the facts each kind keeps, in order.
var (
	PersonFacts = []string{"birthDate", "deathDate", "nationality", "gender", "position", "topics", "notes",
		"idNumber", "passportNumber", "taxNumber", "wikidataId"}
	OrganizationFacts = []string{"country", "topics", "notes", "idNumber", "taxNumber", "registrationNumber",
		"innCode", "wikidataId"}
)

// LinkFacts are the FollowTheMoney properties a relationship keeps as list properties of
// the same name (an ownership's share, a payment's amount): Cypher reads and filters them.
var LinkFacts = []string{"percentage", "sharesCount", "sharesValue", "sharesCurrency", "sharesType", "ownershipType",
	"amount", "amountUsd", "amountEur", "currency"}

// factFields are the GraphQL field (and where key) of each fact stored under another
// name: Person.position would read as the relation fields named position elsewhere.
var factFields = map[string]string{"position": "positionTitles"}

// factKinds says, by GraphQL field, which kinds keep each fact and under which property.
var factKinds = func() map[string]factSpec {
	m := map[string]factSpec{}
	add := func(names []string, k EntityKind) {
		for _, f := range names {
			field := f
			if alt, ok := factFields[f]; ok {
				field = alt
			}
			spec := m[field]
			spec.stored, spec.kinds = f, append(spec.kinds, k)
			m[field] = spec
		}
	}
	add(PersonFacts, KindPerson)
	add(OrganizationFacts, KindOrganization)
	return m
}()

type factSpec struct {
	stored string
	kinds  []EntityKind
}

func (f Facts) store(props map[string]any, names []string) {
	for _, n := range names {
		if v := f[n]; len(v) > 0 {
			props[n] = v
		}
	}
}

func readFacts(props map[string]any, names []string) Facts {
	var f Facts
	for _, n := range names {
		if v := strs(props[n]); len(v) > 0 {
			if f == nil {
				f = Facts{}
			}
			f[n] = v
		}
	}
	return f
}

func (f Facts) get(name string) []string { return nonNil(f[name]) }

// The fields of the GraphQL types.

func (p *Person) BirthDate() []string      { return p.Facts.get("birthDate") }
func (p *Person) DeathDate() []string      { return p.Facts.get("deathDate") }
func (p *Person) Nationality() []string    { return p.Facts.get("nationality") }
func (p *Person) Gender() []string         { return p.Facts.get("gender") }
func (p *Person) PositionTitles() []string { return p.Facts.get("position") }
func (p *Person) Topics() []string         { return p.Facts.get("topics") }
func (p *Person) Notes() []string          { return p.Facts.get("notes") }
func (p *Person) IDNumber() []string       { return p.Facts.get("idNumber") }
func (p *Person) PassportNumber() []string { return p.Facts.get("passportNumber") }
func (p *Person) TaxNumber() []string      { return p.Facts.get("taxNumber") }
func (p *Person) WikidataID() []string     { return p.Facts.get("wikidataId") }

func (o *Organization) Country() []string            { return o.Facts.get("country") }
func (o *Organization) Topics() []string             { return o.Facts.get("topics") }
func (o *Organization) Notes() []string              { return o.Facts.get("notes") }
func (o *Organization) IDNumber() []string           { return o.Facts.get("idNumber") }
func (o *Organization) TaxNumber() []string          { return o.Facts.get("taxNumber") }
func (o *Organization) RegistrationNumber() []string { return o.Facts.get("registrationNumber") }
func (o *Organization) InnCode() []string            { return o.Facts.get("innCode") }
func (o *Organization) WikidataID() []string         { return o.Facts.get("wikidataId") }
