package seed

import (
	"fmt"
	"slices"
	"sort"
	"strings"

	"github.com/accgraph/accgraph/graph"
)

// FtMMapper turns FtM entities read from one file into datasets, batch by batch: each
// fact cited to a Source per dataset it is in, claimed by that dataset (sanctions by
// their authority), REPORTED. It remembers the id and kind of every entity it has seen,
// so that a reference to an entity of an earlier batch, or one already in the graph,
// gets the right id.
type FtMMapper struct {
	file  string
	seen  map[string]ftmSeen          // FtM id → what is known of it
	made  map[string]graph.Entity     // accgraph id → the sources and claimants written, as written
	batch map[string]graph.EntityKind // accgraph id → kind: what the lines of the batch being mapped point at
}

// NewFtMMapper maps the entities of file.
func NewFtMMapper(file string) *FtMMapper {
	return &FtMMapper{file: file, seen: map[string]ftmSeen{}, made: map[string]graph.Entity{}, batch: map[string]graph.EntityKind{}}
}

// Remember records an entity's id and kind without mapping it: a resumed import skips
// the lines written before but must still resolve references to them.
func (m *FtMMapper) Remember(e FtMEntity) {
	k := ftmKind(e.Schema)
	if k == "" {
		return
	}
	m.Learn(e.ID, k)
	if name := ftmName(e); name != "" {
		s := m.seen[e.ID]
		s.caption = name
		m.seen[e.ID] = s
	}
}

// ftmRefs are the FtM ids an entity points at: required, the ends of what it maps to (a
// relationship's, a sanction's target, a position's organization); optional, the other
// entity-valued properties, each a RELATED_TO when its entity arrives.
func ftmRefs(e FtMEntity) (required, optional []string) {
	need := map[string]bool{}
	if src, tgt, ok := ftmModel.edge(e.Schema); ok {
		need[src], need[tgt] = true, true
	}
	switch e.Schema {
	case "Sanction":
		need["entity"] = true
	case "Position":
		need["organization"] = true
	}
	_, isEdge := ftmRels[e.Schema]
	for _, p := range ftmModel.entityProps(e.Schema) {
		switch {
		case need[p]:
			required = append(required, e.Properties[p]...)
		case !isEdge:
			optional = append(optional, e.Properties[p]...)
		}
	}
	return required, optional
}

// ftmName is an entity's name: its caption, or the first value of the properties its
// schema takes its caption from (for a Thing without any, its schema).
func ftmName(e FtMEntity) string {
	if e.Caption != "" {
		return e.Caption
	}
	for _, p := range ftmModel.captionProps(e.Schema) {
		if v := e.Properties[p]; len(v) > 0 {
			return v[0]
		}
	}
	if ftmKind(e.Schema) == graph.KindThing {
		return e.Schema // as followthemoney captions a page or a tax roll; a person or a company needs a name
	}
	return ""
}

// group is what one line maps to: the entities (with the sources and claimants it is
// the first to cite) and relationships, accepted or rejected together.
type group struct {
	line     int
	ftmID    string
	entities []graph.Entity
	links    []*graph.Link
	optional []*graph.Link // RELATED_TO from an entity-valued property: dropped, not the line, when its end is refused
	fresh    []string      // sources and claimants it added to known
}

// Map turns one batch into a dataset, line by line: a line whose entity or relationship
// the seed loader's rules refuse is returned as a problem (with its field), and the rest
// is written without it.
func (m *FtMMapper) Map(entities []FtMEntity) (*graph.Dataset, []FtMProblem) {
	m.batch = map[string]graph.EntityKind{}
	for id, e := range m.made {
		m.batch[id] = e.Kind()
	}
	sorted := slices.Clone(entities)
	sort.SliceStable(sorted, func(i, j int) bool { return sorted[i].ID < sorted[j].ID })
	for _, e := range sorted {
		m.Remember(e)
	}
	var groups []*group
	for _, e := range sorted {
		groups = append(groups, m.mapOne(e))
	}
	var problems []FtMProblem
	// entities first, alone; then relationships, until no more is refused (a refused
	// line takes with it what points at its entity)
	accepted := make([]bool, len(groups))
	for i, g := range groups {
		if reason := m.check(g.entities, nil); reason != "" {
			problems = append(problems, m.reject(g, reason))
			continue
		}
		accepted[i] = true
	}
	for changed := true; changed; {
		changed = false
		for i, g := range groups {
			if !accepted[i] {
				continue
			}
			if reason := m.check(nil, g.links); reason != "" {
				problems = append(problems, m.reject(g, reason))
				accepted[i], changed = false, true
			}
		}
	}
	for i, g := range groups {
		if !accepted[i] {
			continue
		}
		for _, l := range g.optional {
			if m.check(nil, []*graph.Link{l}) == "" {
				g.links = append(g.links, l) // else it stays in the FtM JSON only
			}
		}
	}
	d := &graph.Dataset{}
	for i, g := range groups {
		if accepted[i] {
			d.Entities = append(d.Entities, g.entities...)
			d.Links = append(d.Links, g.links...)
		}
	}
	sort.Slice(problems, func(i, j int) bool { return problems[i].Line < problems[j].Line })
	return d, problems
}

// check validates entities or links against what the mapper knows; "" when they pass.
func (m *FtMMapper) check(entities []graph.Entity, links []*graph.Link) string {
	d := &graph.Dataset{Entities: entities, Links: links, Existing: m.batch}
	var all graph.Problems
	d.Check(&all)
	var reasons []string
	for _, p := range all.List() {
		reasons = append(reasons, strings.TrimPrefix(p.String(), fmt.Sprintf("%s:%d: ", p.File, p.Line)))
	}
	return strings.Join(reasons, "; ")
}

// prior is what the batch just mapped may take as known without asking the graph: the
// entities it points at (written by an earlier batch, found in the graph or in the batch)
// and the sources and claimants as the import wrote them. isNew: none of its facts is in
// the graph. It holds until the next Map.
func (m *FtMMapper) prior(isNew bool) graph.Prior {
	return graph.Prior{Kinds: m.batch, Entities: m.made, New: isNew}
}

func (m *FtMMapper) reject(g *group, reason string) FtMProblem {
	for _, id := range g.fresh {
		delete(m.made, id)
		delete(m.batch, id)
	}
	m.forget(g.ftmID)
	return FtMProblem{g.line, reason}
}

// ref is the accgraph id of an FtM id the mapper knows.
func (m *FtMMapper) ref(id string) string {
	if acc, _, ok := m.accID(id); ok {
		return acc
	}
	return ftmID("person", id) // unknown: the checks report it dangling
}

func (m *FtMMapper) mapOne(e FtMEntity) *group {
	g := &group{line: e.Line, ftmID: e.ID}
	origin := graph.Origin{File: m.file, Lines: map[string]int{"": e.Line}}
	name := ftmName(e)
	var aliases []string
	for _, n := range append(append(slices.Clone(e.Properties["name"]), e.Properties["alias"]...), e.Properties["previousName"]...) {
		if n != name && !slices.Contains(aliases, n) {
			aliases = append(aliases, n)
		}
	}
	quote := "" // a property's value is no quote: the entity is cited by its locator
	if e.Schema == "Sanction" {
		quote = first(e, "reason") // the words the list publishes
	}
	claimant := ""
	if authority := first(e, "authority"); e.Schema == "Sanction" && authority != "" {
		claimant = ftmID("org", "authority-"+authority)
		if _, ok := m.made[claimant]; !ok {
			// derived from the sanction: an FtM export writes the sanction, which brings it back
			org := &graph.Organization{Base: graph.Base{ID: claimant, Name: authority,
				Citations: m.cite(g, e, "", "")}, OrgKind: "GOVERNMENT"}
			m.made[claimant], m.batch[claimant] = org, graph.KindOrganization
			g.fresh = append(g.fresh, claimant)
			g.entities = append(g.entities, org)
		}
	}
	cites := m.cite(g, e, quote, claimant)
	link := func(t graph.RelType, id, from, to, role string, when graph.Interval) *graph.Link {
		l := &graph.Link{ID: ftmID(strings.ToLower(string(t)), id), Type: t, From: from, To: to, Role: role, When: when,
			Citations: cites, Field: e.Schema, Origin: origin, FtM: e.JSON(), Facts: facts(e, graph.LinkFacts)}
		g.links = append(g.links, l)
		return l
	}
	when := interval(e)
	if spec, ok := ftmRels[e.Schema]; ok {
		src, tgt, _ := ftmModel.edge(e.Schema)
		from, to := m.ref(first(e, src)), m.ref(first(e, tgt))
		if spec.reverse {
			from, to = to, from
		}
		role := spec.def
		if spec.role != "" {
			role = orDefault(first(e, spec.role), spec.def)
		}
		typ := spec.typ
		if roles := e.Properties["role"]; e.Schema == "UnknownLink" && len(roles) > 0 && accgraphType(roles[0]) {
			// an accgraph relationship FtM has no schema for, as exportFtM writes it: its type, then its role
			typ, role = graph.RelType(roles[0]), ""
			if len(roles) > 1 {
				role = roles[1]
			}
		}
		if typ == graph.RelAgainst {
			link(typ, e.ID, from, to, "", when).Outcome = role
		} else {
			link(typ, e.ID, from, to, role, when)
		}
		return g
	}
	id, _, _ := m.accID(e.ID)
	base := graph.Base{ID: id, Name: name, Aliases: aliases,
		AliasSources: graph.NotedAliases(aliases, "a name of FtM entity "+e.ID+" (name, alias, weakAlias or previousName)"),
		Description:  first(e, "description"), Citations: cites, Origin: origin, FtM: e.JSON()}
	switch kind := ftmKinds[e.Schema]; {
	case kind == graph.KindPerson:
		g.entities = append(g.entities, &graph.Person{Base: base, Facts: facts(e, graph.PersonFacts)})
	case e.Schema == "PublicBody":
		g.entities = append(g.entities, &graph.Organization{Base: base, OrgKind: publicBodyKind(e.Properties["topics"]),
			Facts: facts(e, graph.OrganizationFacts)})
	case kind == graph.KindOrganization:
		g.entities = append(g.entities, &graph.Organization{Base: base, OrgKind: "OTHER", Facts: facts(e, graph.OrganizationFacts)})
	case kind == graph.KindPosition:
		g.entities = append(g.entities, &graph.Position{Base: base})
	case kind == graph.KindVerdict:
		date, _ := graph.ParseDate(dateOnly(orDefault(first(e, "closeDate"), first(e, "fileDate"))))
		g.entities = append(g.entities, &graph.Verdict{Base: base, Date: date})
	case e.Schema == "Sanction":
		target := first(e, "entity")
		base.Name = orDefault(first(e, "program"), "Sanction") + " listing of " +
			orDefault(m.seen[target].caption, "the entity with FtM id "+target) // one of an earlier file: its name is not read back
		if when.From.IsZero() {
			when.From, _ = graph.ParseDate(dateOnly(first(e, "listingDate")))
		}
		g.entities = append(g.entities, &graph.Event{Base: base, EventKind: "SANCTION", When: when, Facts: facts(e, graph.SanctionFacts)})
	case kind == graph.KindEvent:
		g.entities = append(g.entities, &graph.Event{Base: base, EventKind: "OTHER", When: when})
	case kind == graph.KindPlace:
		g.entities = append(g.entities, &graph.Place{Base: base, Country: strings.ToUpper(first(e, "country"))})
	default:
		g.entities = append(g.entities, &graph.Thing{Base: base, Schema: e.Schema, Numbers: ftmNumbers(e), Holders: ftmHolders(e)})
	}
	for _, p := range ftmModel.entityProps(e.Schema) {
		for _, target := range e.Properties[p] {
			to, k, ok := m.accID(target)
			switch {
			case e.Schema == "Position" && p == "organization":
				link(graph.RelPositionIn, e.ID+"/"+target, base.ID, m.ref(target), "", graph.Interval{})
			case e.Schema == "Sanction" && p == "entity" && ok && (k == graph.KindPerson || k == graph.KindOrganization):
				link(graph.RelParticipatedIn, e.ID, to, base.ID, "sanctioned", graph.Interval{})
			case e.Schema == "Sanction" && p == "entity":
				link(graph.RelRelatedTo, e.ID+"/"+p+"/"+target, m.ref(target), base.ID, "sanctioned", graph.Interval{})
			case ok && to != base.ID:
				l := link(graph.RelRelatedTo, e.ID+"/"+p+"/"+target, base.ID, to, p, graph.Interval{})
				g.links = g.links[:len(g.links)-1]
				g.optional = append(g.optional, l)
			}
		}
	}
	return g
}

// accgraphType reports whether an UnknownLink's role names a relationship type of
// accgraph's own (not one an FtM schema maps to).
func accgraphType(role string) bool {
	t := graph.RelType(role)
	return t.IsValid() && !slices.Contains(graph.FtMRelTypes, t)
}

// cite cites e once per dataset it is in: the dataset's Source (added to the group the
// first time), its sourceUrl as the locator, when it was last seen as when it was read.
// quote is the source's own words ("" when it has none).
func (m *FtMMapper) cite(g *group, e FtMEntity, quote, claimant string) []graph.Citation {
	datasets := e.Datasets
	if len(datasets) == 0 {
		datasets = []string{"ftm"}
	}
	locator := orDefault(first(e, "sourceUrl"), "FtM entity "+e.ID)
	seen, _ := graph.ParseDate(dateOnly(e.LastSeen))
	var out []graph.Citation
	for _, ds := range datasets {
		src := ftmID("source", ds)
		if _, ok := m.made[src]; !ok {
			source := &graph.Source{Base: graph.Base{ID: src, Name: "FtM dataset " + ds,
				Description: "A published dataset: what it lists is what its publisher or the listing authority claims.",
				Citations:   []graph.Citation{{Source: src, ClaimedBy: src, Quote: ds, Locator: "dataset name", Confidence: graph.Reported}}},
				Title: "FollowTheMoney dataset " + ds, Publisher: ds, SourceKind: "DATASET"}
			m.made[src], m.batch[src] = source, graph.KindSource
			g.fresh = append(g.fresh, src)
			g.entities = append(g.entities, source)
		}
		out = append(out, graph.Citation{Source: src, ClaimedBy: orDefault(claimant, src), Quote: quote, Locator: locator,
			Confidence: graph.Reported, Accessed: seen})
	}
	return out
}

// facts are the properties of e kept as fields of its kind.
func facts(e FtMEntity, names []string) graph.Facts {
	f := graph.Facts{}
	for _, n := range names {
		if v := e.Properties[n]; len(v) > 0 {
			f[n] = v
		}
	}
	return f
}

// interval is when an FtM interval held: from its start (or its one date) to its end.
func interval(e FtMEntity) graph.Interval {
	from, _ := graph.ParseDate(dateOnly(orDefault(first(e, "startDate"), first(e, "date"))))
	to, _ := graph.ParseDate(dateOnly(first(e, "endDate")))
	if !to.IsZero() && !from.IsZero() && to.First().Before(from.First()) {
		to = graph.Date{} // an end before the start is the source's slip: kept in the FtM JSON only
	}
	return graph.Interval{From: from, To: to}
}

// publicBodyKind reads an organization kind from FtM topics.
func publicBodyKind(topics []string) graph.OrgKind {
	for _, t := range topics {
		switch {
		case t == "gov.judicial":
			return "JUDICIARY"
		case t == "gov.security" || strings.HasPrefix(t, "mil"):
			return "SECURITY_FORCE"
		case t == "gov.legislative":
			return "LEGISLATURE"
		}
	}
	return "GOVERNMENT"
}

// dateOnly keeps the partial-date part of an FtM date ("2021-02-04T10:00" → "2021-02-04").
func dateOnly(s string) string {
	if len(s) > 10 {
		return s[:10]
	}
	return s
}

func orDefault(s, def string) string {
	if s == "" {
		return def
	}
	return s
}
