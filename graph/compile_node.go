package graph

import (
	"fmt"
	"strings"
)

// nodePlan decodes a projected node of one of several kinds.
type nodePlan struct {
	kinds map[EntityKind]*kindPlan
	keys  shape // of the one projection every kind shares, if they share one
}

type kindPlan struct {
	keys      shape
	rels      []*relPlan
	citations *citationPlan
}

// mergeSub joins the selections of every field named name (a field asked under several
// aliases), since the decoded value is shared.
func mergeSub(fields []Selection, name string) (func(string) []Selection, bool) {
	var subs []func(string) []Selection
	for _, f := range fields {
		if f.Name == name && f.Sub != nil {
			subs = append(subs, f.Sub)
		}
	}
	switch len(subs) {
	case 0:
		return nil, false
	case 1: // as it is: a Sub that gives one slice for every type keeps doing so (Selection)
		return subs[0], true
	}
	return func(t string) []Selection {
		var out []Selection
		for _, s := range subs {
			out = append(out, s(t)...)
		}
		return out
	}, true
}

// node projects the node in variable v, of one of kinds, with the fields sub asks for:
// the stored properties they read (and need, which the caller's Go code reads), relation
// lists and citations.
func (c *compiler) node(v string, kinds []EntityKind, sub func(string) []Selection, path string, need ...string) (string, *nodePlan, error) {
	plan := &nodePlan{kinds: map[EntityKind]*kindPlan{}}
	projections := map[EntityKind]string{}
	var shared struct { // the first kind's fields, when they hold no relation of it
		fields []Selection
		kind   EntityKind
		ok     bool
	}
	need = append([]string{"id"}, need...) // decode tells the kind from the id
	for _, k := range kinds {
		var fields []Selection
		if sub != nil {
			fields = sub(k.Label())
		}
		// The same fields (Sub gives one slice for a selection without fragments) and no
		// relation of either kind among them: the projection and plan are the same, and
		// compiling them again for each of an Entity's kinds would be most of the work.
		if shared.ok && sameSlice(fields, shared.fields) && !hasRelation(k, fields) {
			plan.kinds[k], projections[k] = plan.kinds[shared.kind], projections[shared.kind]
			continue
		}
		if !shared.ok && !hasRelation(k, fields) {
			shared.fields, shared.kind, shared.ok = fields, k, true
		}
		kp := &kindPlan{}
		var parts []part
		seen := map[string]bool{}
		for _, f := range fields {
			spec, isRel := relFields[k][f.Name]
			switch {
			case isRel:
				if seen[f.Alias] {
					continue
				}
				seen[f.Alias] = true
				key := "__r_" + f.Alias
				expr, rp, err := c.relation(v, k, spec, f, path+"."+f.Alias)
				if err != nil {
					return "", nil, err
				}
				rp.key, rp.alias = key, f.Alias
				kp.rels = append(kp.rels, rp)
				parts = append(parts, part{key, expr})
			case f.Name == "citations" && kp.citations == nil:
				expr, cp, err := c.citations(v, fields, path+".citations")
				if err != nil {
					return "", nil, err
				}
				kp.citations = cp
				parts = append(parts, part{"__citations", expr})
			}
		}
		plan.kinds[k] = kp
		projections[k], kp.keys = projection(v, fields, need, parts)
	}
	if len(kinds) == 1 || allSame(projections) {
		plan.keys = plan.kinds[kinds[0]].keys
		return projections[kinds[0]], plan, nil
	}
	var b strings.Builder
	b.WriteString("CASE")
	for _, k := range kinds {
		fmt.Fprintf(&b, " WHEN %s:%s THEN %s", v, k.Label(), projections[k])
	}
	b.WriteString(" END")
	return b.String(), plan, nil
}

// sameSlice tells whether a and b are the same slice, not merely equal ones.
func sameSlice(a, b []Selection) bool {
	return len(a) == len(b) && (len(a) == 0 || &a[0] == &b[0])
}

// hasRelation tells whether fields ask for a relation list of kind k.
func hasRelation(k EntityKind, fields []Selection) bool {
	for _, f := range fields {
		if _, ok := relFields[k][f.Name]; ok {
			return true
		}
	}
	return false
}

// storedProperties maps each scalar field of an entity, an edge or a citation to the
// stored properties it is read from. Fields not listed read none (__typename, Relation.type);
// TestStoredPropertiesCoverSchema keeps the table in step with the schema.
var storedProperties = map[string][]string{
	"id": {"id"}, "name": {"name"}, "aliases": {"aliases"}, "description": {"description"},
	"aliasSources": {"aliases", "aliasNotes", "aliasCitations"},
	"confidence":   {"confidence"}, "retraction": {"retraction"}, "kind": {"kind"},
	"from": {"from"}, "to": {"to"}, "victims": {"victims"}, "date": {"date"}, "text": {"text"},
	"title": {"title"}, "publisher": {"publisher"}, "author": {"author"}, "url": {"url"},
	"published": {"published"}, "stake": {"stake"}, "country": {"country"}, "schema": {"schema"},
	"role": {"role"}, "outcome": {"outcome"}, "sentence": {"sentence"},
	"attested": {"attested"}, "endedBy": {"endedBy"}, "toKnown": {"to", "endedBy"},
	"quote": {"quote"}, "locator": {"locator"}, "accessed": {"accessed"}, "checked": {"checked"}, "stance": {"stance"},
	"inference": {"inference"},
}

func init() {
	for field, spec := range factKinds {
		if _, taken := storedProperties[field]; !taken { // country: a place's too, the same property
			storedProperties[field] = []string{spec.stored}
		}
	}
}

// projection is what a compiled read returns for the node, relationship or citation in
// x: need, the stored properties fields read, and the computed entries parts, as a list
// of values in the order of its keys. Projecting only these, not .*, keeps large
// properties (an imported entity's FtM JSON) and unasked ones out of every read, down to
// a relationship's or citation's id (returning Q3's took 6–9% of its statement's time);
// a list rather than a map projection, because Neo4j builds and sends a list of values
// much faster than a map of them (docs/design.md, step 16), and the keys are known here.
func projection(x string, fields []Selection, need []string, parts []part) (string, shape) {
	var keys shape
	seen := map[string]bool{}
	add := func(prop string) {
		if !seen[prop] {
			seen[prop] = true
			keys = append(keys, prop)
		}
	}
	for _, prop := range need {
		add(prop)
	}
	for _, f := range fields {
		for _, prop := range storedProperties[f.Name] {
			add(prop)
		}
	}
	items := make([]string, 0, len(keys)+len(parts))
	for _, k := range keys {
		items = append(items, x+"."+k)
	}
	for _, p := range parts {
		keys = append(keys, p.key)
		items = append(items, p.expr)
	}
	return "[" + strings.Join(items, ", ") + "]", keys
}

// part is a computed entry of a projection: a relation list, citations, an end node.
type part struct{ key, expr string }

// shape is the keys of a projection, in the order of its values.
type shape []string

func allSame(m map[EntityKind]string) bool {
	first := ""
	for _, s := range m {
		if first == "" {
			first = s
		} else if s != first {
			return false
		}
	}
	return true
}

// decode builds the entity a projection returned, with the relation lists and citations
// the plan asked for.
func (p *nodePlan) decode(v any) Entity {
	list, ok := v.([]any)
	if !ok || p == nil || len(list) == 0 {
		return nil // a null node (OPTIONAL MATCH) projects a list of nulls: its id is null
	}
	kind, ok := kindOfID(str(list[0]))
	if !ok {
		return nil
	}
	kp, keys := p.kinds[kind], p.keys
	if kp != nil {
		keys = kp.keys
	}
	if keys == nil {
		return nil
	}
	props := record{keys, list}
	e := newEntity(kind)
	b := e.Common()
	readBase(b, props)
	e.readProperties(props)
	if kp == nil {
		return e
	}
	for _, rp := range kp.rels {
		b.setRelated(rp.alias, rp.decode(props.get(rp.key)))
	}
	if kp.citations != nil {
		b.Citations = kp.citations.decode(props.get("__citations"))
	}
	return e
}
