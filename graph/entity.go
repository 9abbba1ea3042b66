package graph

import (
	"regexp"
	"strings"
)

// Entity is a node of the graph: a Person, Organization, Position, Event, Verdict,
// Statement, Source or Place.
type Entity interface {
	Kind() EntityKind
	Common() *Base
	// validate checks the kind's own fields.
	validate(p *Problems)
	// properties adds the kind's own fields to the node's Neo4j properties.
	properties(props map[string]any)
	// readProperties is the reverse of properties, for nodes read back.
	readProperties(props record)
}

// Base is what every entity has: a stable readable id (`person:ebrahim-raisi`), a name,
// aliases (transliterations and native-script names), a description, how well its
// existence is established, and the citations that say so.
type Base struct {
	ID      string
	Name    string
	Aliases []string
	// AliasSources says where each alias comes from (a citation or a note).
	AliasSources []Alias
	Description  string
	// Confidence is the fact's own, set by an editor (never above its evidence); empty
	// takes its citations' (derivedConfidence).
	Confidence Confidence
	// Retraction says why a RETRACTED fact was withdrawn.
	Retraction string
	Citations  []Citation
	Origin     Origin
	// FtM is the FollowTheMoney entity this one was imported from, as JSON, so that an
	// FtM export gives back what came in.
	FtM string

	// related holds the relation lists a query read, with the alias each was asked
	// under: a few at most, so a slice, not a map per entity.
	related []relatedList
}

type relatedList struct {
	alias string
	list  any
}

// Related returns the relation list read under alias (a []*Tenure, []*Relation, ...).
func (b *Base) Related(alias string) any {
	for _, r := range b.related {
		if r.alias == alias {
			return r.list
		}
	}
	return nil
}

func (b *Base) setRelated(alias string, v any) {
	for i := range b.related {
		if b.related[i].alias == alias {
			b.related[i].list = v
			return
		}
	}
	b.related = append(b.related, relatedList{alias, v})
}

// readBase fills the fields every entity has from its node's properties.
func readBase(b *Base, props record) {
	b.ID = str(props.get("id"))
	b.Name = str(props.get("name"))
	b.Aliases = strs(props.get("aliases"))
	if props.has("aliasNotes") {
		b.AliasSources = readAliases(props)
	}
	b.Description = str(props.get("description"))
	b.Confidence = Confidence(str(props.get("confidence")))
	b.Retraction = str(props.get("retraction"))
	b.FtM = str(props.get("ftm"))
}

// readDate reads a stored partial date; stored dates were validated on the way in.
func readDate(v any) Date {
	d, _ := ParseDate(str(v))
	return d
}

// Common returns b, so that every entity type shares its validation and storage.
func (b *Base) Common() *Base { return b }

// MaxNameBytes bounds names and aliases: Neo4j's indexes refuse long keys.
const MaxNameBytes = 4000

// idPrefixes are the id prefixes of each kind: `org:embassy-iran-vienna`.
var idPrefixes = map[EntityKind]string{
	KindPerson: "person", KindOrganization: "org", KindPosition: "position", KindEvent: "event",
	KindVerdict: "verdict", KindStatement: "statement", KindSource: "source", KindPlace: "place",
	KindThing: "thing",
}

var slugPattern = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)

// validateBase checks the fields every entity has.
func validateBase(e Entity, p *Problems) {
	b := e.Common()
	prefix := idPrefixes[e.Kind()]
	if b.ID == "" {
		p.Add("id", "missing id")
	} else if slug, ok := strings.CutPrefix(b.ID, prefix+":"); !ok || !slugPattern.MatchString(slug) {
		p.Add("id", "id %q must be %s:<lowercase-words-with-hyphens>", b.ID, prefix)
	}
	if strings.TrimSpace(b.Name) == "" {
		p.Add("name", "missing name")
	}
	if len(b.Name) > MaxNameBytes {
		p.Add("name", "name is %d bytes; at most %d (names are indexed)", len(b.Name), MaxNameBytes)
	}
	for i, a := range b.Aliases {
		if strings.TrimSpace(a) == "" {
			p.Add(field("aliases", i), "empty alias")
		}
		if len(a) > MaxNameBytes {
			p.Add(field("aliases", i), "alias is %d bytes; at most %d (aliases are indexed)", len(a), MaxNameBytes)
		}
	}
	validateAliases(b, p)
	validateFact(b.Confidence, b.Retraction, b.Citations, p)
}

// validateFact checks what nodes and relationships share: at least one citation, each
// valid, and a known confidence; the dataset checks that the confidence follows from the
// evidence (checkEvidence).
func validateFact(c Confidence, retraction string, cites []Citation, p *Problems) {
	if len(cites) == 0 {
		p.Add("citations", "missing citation: every fact needs at least one")
	}
	for i := range cites {
		cites[i].Validate(field("citations", i), p)
	}
	switch {
	case c == "":
	case !c.IsValid():
		p.Add("confidence", "%s", unknownValue("confidence", string(c), Confidences))
	case c == Retracted && strings.TrimSpace(retraction) == "":
		p.Add("retraction", "a RETRACTED fact needs the reason it was withdrawn")
	}
	if retraction != "" && c != Retracted {
		p.Add("retraction", "a retraction reason needs confidence RETRACTED")
	}
}

// effectiveConfidence is the stored confidence of a fact: DISPUTED when its citations
// both support and dispute it (unless it was RETRACTED), else its own when an editor set
// one, else what its citations give (derivedConfidence).
func effectiveConfidence(c Confidence, cites []Citation) Confidence {
	derived := derivedConfidence(cites)
	if c == "" || derived == Disputed && c != Retracted {
		return derived
	}
	return c
}

// nodeProperties are the Neo4j properties of e's node.
func nodeProperties(e Entity) map[string]any {
	b := e.Common()
	props := map[string]any{
		"id":         b.ID,
		"name":       b.Name,
		"aliases":    nonNil(b.Aliases),
		"confidence": string(effectiveConfidence(b.Confidence, b.Citations)),
	}
	aliasProperties(b, props)
	setIf(props, "ownConfidence", string(b.Confidence))
	setIf(props, "description", b.Description)
	setIf(props, "retraction", b.Retraction)
	setIf(props, "ftm", b.FtM)
	e.properties(props)
	return props
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

// setIf sets props[key] when v is not empty: Neo4j stores no empty values.
func setIf(props map[string]any, key, v string) {
	if v != "" {
		props[key] = v
	}
}

// validateDate checks that a partial date field is well formed.
func validateDate(d Date, name string, p *Problems) {
	if d.IsZero() {
		return
	}
	if _, err := ParseDate(d.String()); err != nil {
		p.Add(name, "%s", err)
	}
}

func field(name string, i int) string { return name + "[" + itoa(i) + "]" }
