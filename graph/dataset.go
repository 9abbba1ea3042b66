package graph

import (
	"fmt"
	"strings"
)

// Dataset is a set of entities and the links that start at them, validated and written
// together: the curated seed, an import batch.
type Dataset struct {
	Entities []Entity
	Links    []*Link
	// Existing are entities already in the graph that the dataset may refer to (by id,
	// with their kind): a mutation's sources, claimants and link ends.
	Existing map[string]EntityKind
	// Known are the existing sources and organizations among them, with what the
	// evidence rules read: a source's kind, publisher and stake, a court's kind and name.
	Known map[string]Entity
	// Texts are the stored texts of the existing sources it cites, by id, so that their
	// quotes are checked as the dataset's own sources' are.
	Texts map[string]string
	// Merged are the ids among those it defines or refers to that were merged away, with
	// the id each resolves to now.
	Merged map[string]string
}

// Validate checks everything before anything is written and reports every problem at
// once, each with its file, line and field: missing citations, unknown sources, dangling
// references, duplicate ids, unknown kinds and relationship types, bad intervals, unknown
// confidences, confidences stronger than the evidence (checkEvidence), relationships
// between the wrong kinds, and quotes not found verbatim in a source whose text accgraph
// holds. It fills in default link ids.
func (d *Dataset) Validate() error {
	var all Problems
	d.Check(&all)
	return all.Err()
}

// Check is Validate adding its problems to all, for callers that have problems of their
// own to report with them (a loader's parse errors).
func (d *Dataset) Check(all *Problems) {
	byID := map[string]Entity{}
	seen := map[string]string{} // id → where it was first defined
	define := func(id, where string, p *Problems, field string) {
		if id == "" {
			return
		}
		if first, dup := seen[id]; dup {
			p.Add(field, "duplicate id %q (first defined at %s)", id, first)
			return
		}
		seen[id] = where
	}

	for _, e := range d.Entities {
		b := e.Common()
		p := all.At(b.Origin)
		validateBase(e, p)
		e.validate(p)
		d.checkMerged(e, p)
		define(b.ID, where(b.Origin, ""), p, "id")
		if _, ok := byID[b.ID]; !ok {
			byID[b.ID] = e
		}
	}
	for _, l := range d.Links {
		if l.ID == "" && l.Type.IsValid() && l.From != "" && l.To != "" {
			l.ID = DefaultLinkID(l.Type, l.From, l.To)
		}
		p := all.At(l.Origin)
		l.validate(p)
		d.checkLink(l, p)
		define(l.ID, where(l.Origin, l.Field), p, l.Field+".target")
		from, fromOK := d.kindOf(byID, l.From)
		to, toOK := d.kindOf(byID, l.To)
		if l.From != "" && !fromOK {
			p.Add(l.Field+".source", "%s", d.dangling(l.From))
		}
		if l.To != "" && !toOK {
			p.Add(l.Field+".target", "%s", d.dangling(l.To))
		}
		if fromOK && toOK && l.Type.IsValid() && !l.Type.Allows(from, to) {
			p.Add(l.Field+".type", "%s cannot join %s to %s (%s joins %s)",
				l.Type, withArticle(from.Label()), withArticle(to.Label()), l.Type, describeEndpoints(l.Type))
		}
	}

	entityOf := func(id string) Entity {
		if e, ok := byID[id]; ok {
			return e
		}
		return d.Known[id]
	}
	for _, e := range d.Entities {
		b := e.Common()
		p := all.At(b.Origin)
		d.checkCitations(b.Citations, byID, p)
		checkEvidence(b.Confidence, b.Citations, entityOf, p)
		for i, a := range b.AliasSources {
			d.checkCitations(a.Citations, byID, p.Under(field("aliases", i)+"."))
		}
	}
	for _, l := range d.Links {
		p := all.At(l.Origin).Under(l.Field + ".")
		d.checkCitations(l.Citations, byID, p)
		checkEvidence(l.Confidence, l.Citations, entityOf, p)
	}
}

// kindOf finds an entity in the dataset, or among the existing ones.
func (d *Dataset) kindOf(byID map[string]Entity, id string) (EntityKind, bool) {
	if e, ok := byID[id]; ok {
		return e.Kind(), true
	}
	k, ok := d.Existing[id]
	return k, ok
}

// checkCitations checks that each citation's source and claimant exist, and that its
// quote stands verbatim in the source's text when accgraph holds it.
func (d *Dataset) checkCitations(cites []Citation, byID map[string]Entity, p *Problems) {
	for i, c := range cites {
		f := field("citations", i)
		if c.Source != "" {
			kind, found := d.kindOf(byID, c.Source)
			text, file := d.textOf(byID, c.Source)
			cites[i].Checked = false
			switch {
			case !found:
				p.Add(f+".source", "unknown source %q", c.Source)
			case kind != KindSource:
				p.Add(f+".source", "%q is a %s, not a Source", c.Source, kind.Label())
			case text == "" || c.Quote == "":
			case !strings.Contains(normalizeSpace(text), normalizeSpace(c.Quote)):
				p.Add(f+".quote", "quote %q not found verbatim in %s (%s)", firstWords(c.Quote), c.Source, file)
			default:
				cites[i].Checked = true
			}
		}
		if _, found := d.kindOf(byID, c.ClaimedBy); c.ClaimedBy != "" && !found {
			p.Add(f+".claimedBy", "%s", d.dangling(c.ClaimedBy))
		}
	}
}

// textOf is the text of the source id, in the dataset or stored, and where it is kept.
func (d *Dataset) textOf(byID map[string]Entity, id string) (text, file string) {
	if src, ok := byID[id].(*Source); ok {
		text, file = src.Text, src.TextFile
	} else {
		text = d.Texts[id]
	}
	if file == "" {
		file = "its stored text"
	}
	return text, file
}

// normalizeSpace collapses runs of white space, so that a quote spanning a line break
// matches the text.
func normalizeSpace(s string) string { return strings.Join(strings.Fields(s), " ") }

func describeEndpoints(t RelType) string {
	var parts []string
	for _, e := range endpoints[t] {
		parts = append(parts, labelsOf(e[0])+" → "+labelsOf(e[1]))
	}
	return strings.Join(parts, " or ")
}

func labelsOf(kinds []EntityKind) string {
	if len(kinds) == len(EntityKinds) {
		return "any entity"
	}
	names := make([]string, len(kinds))
	for i, k := range kinds {
		names[i] = k.Label()
	}
	return strings.Join(names, "/")
}

// withArticle gives "a Person", "an Organization".
func withArticle(label string) string {
	if strings.ContainsRune("AEIOU", rune(label[0])) {
		return "an " + label
	}
	return "a " + label
}

func where(o Origin, field string) string {
	if o.File == "" {
		return "input"
	}
	return fmt.Sprintf("%s:%d", o.File, o.line(field))
}
