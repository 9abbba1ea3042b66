package graph

import (
	"slices"
	"strings"
)

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
	// SanctionFacts are a SANCTION event's (FtM Sanction): its program, who listed it and when.
	SanctionFacts = []string{"program", "programId", "programUrl", "authority", "authorityId", "unscId",
		"listingDate", "status", "provisions"}
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
	add(SanctionFacts, KindEvent)
	return m
}()

type factSpec struct {
	stored string
	kinds  []EntityKind
}

// IdentifierFacts are the facts search and matching find an entity by: their values are
// also kept as written without case or separators ("AB 123-456" as "AB123456", see
// identifier) in the node's list property identifiers, which the full-text index
// entity_identifiers holds.
var IdentifierFacts = []string{"idNumber", "passportNumber", "taxNumber", "registrationNumber", "innCode", "wikidataId"}

func (f Facts) store(props map[string]any, names []string) {
	var ids []string
	for _, n := range names {
		v := f[n]
		if len(v) == 0 {
			continue
		}
		props[n] = v
		if slices.Contains(IdentifierFacts, n) {
			ids = append(ids, v...)
		}
	}
	storeIdentifiers(props, ids)
}

// storeIdentifiers keeps values, as identifier makes them and each once, in the list
// property identifiers (none when no value has a letter or digit).
func storeIdentifiers(props map[string]any, values []string) {
	var keys []string
	for _, s := range values {
		if k := identifier(s); k != "" && !slices.Contains(keys, k) {
			keys = append(keys, k)
		}
	}
	if len(keys) > 0 {
		props["identifiers"] = keys
	}
}

// identifiersBackfill sets identifiers on the people and organizations written before
// they had it, as store does (Cypher's letters and digits are Java's: the same but for
// a few letters whose upper case is two, such as ß).
func identifiersBackfill() string {
	values := make([]string, len(IdentifierFacts))
	for i, f := range IdentifierFacts {
		values[i] = "coalesce(n." + f + ", [])"
	}
	return `MATCH (n) WHERE n:Person OR n:Organization
WITH n, [v IN ` + strings.Join(values, " + ") + ` | reduce(s = '', c IN split(v, '') | s + CASE WHEN c =~ '[\p{L}\p{Nd}]' THEN toUpper(c) ELSE '' END)] AS keys
WITH n, reduce(acc = [], k IN keys | CASE WHEN k = '' OR k IN acc THEN acc ELSE acc + k END) AS keys
WHERE size(keys) > 0
SET n.identifiers = keys`
}

// readFacts reads the facts names of the properties props, walking the properties: a
// read projects only those its fields ask for, often two or three.
func readFacts(props record, names []string) Facts {
	var f Facts
	add := func(n string, v any) {
		if v := strs(v); len(v) > 0 {
			if f == nil {
				f = Facts{}
			}
			f[n] = v
		}
	}
	for i, n := range props.keys {
		if i < len(props.vals) && slices.Contains(names, n) {
			add(n, props.vals[i])
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

func (e *Event) Program() []string     { return e.Facts.get("program") }
func (e *Event) ProgramID() []string   { return e.Facts.get("programId") }
func (e *Event) ProgramURL() []string  { return e.Facts.get("programUrl") }
func (e *Event) Authority() []string   { return e.Facts.get("authority") }
func (e *Event) AuthorityID() []string { return e.Facts.get("authorityId") }
func (e *Event) UnscID() []string      { return e.Facts.get("unscId") }
func (e *Event) ListingDate() []string { return e.Facts.get("listingDate") }
func (e *Event) Status() []string      { return e.Facts.get("status") }
func (e *Event) Provisions() []string  { return e.Facts.get("provisions") }
