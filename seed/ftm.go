package seed

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"regexp"
	"sort"
	"strings"

	"github.com/accgraph/accgraph/graph"
)

// FtMEntity is one FollowTheMoney entity as OpenSanctions and Aleph write it: every
// property a list of strings.
type FtMEntity struct {
	ID         string              `json:"id"`
	Schema     string              `json:"schema"`
	Properties map[string][]string `json:"-"`
	Caption    string              `json:"caption"`
	Datasets   []string            `json:"datasets"`
	Referents  []string            `json:"referents"`
	FirstSeen  string              `json:"first_seen"`
	LastSeen   string              `json:"last_seen"`
	Line       int                 `json:"-"` // where it stood in its file
}

// FtMProblem is a line that could not be read or mapped.
type FtMProblem struct {
	Line   int
	Reason string
}

func (p FtMProblem) String() string { return fmt.Sprintf("line %d: %s", p.Line, p.Reason) }

// ftmSchemas are the schemata the importer maps.
var ftmSchemas = map[string]bool{
	"Person": true, "Organization": true, "PublicBody": true, "Company": true, "LegalEntity": true,
	"Position": true, "Occupancy": true, "Membership": true, "Employment": true, "Directorship": true,
	"CourtCase": true, "CourtCaseParty": true, "Sanction": true, "Event": true, "Address": true,
}

// ParseFtM reads FtM JSON lines (entities, or delta lines {"op": "ADD"|"DEL", "entity":
// {...}}) and calls add for each entity to add, and bad for each line that cannot be
// read; either stops the reading by returning an error. Entities deleted by DEL lines are
// returned.
func ParseFtM(r io.Reader, add func(e FtMEntity) error, bad func(FtMProblem) error) (deleted []FtMEntity, err error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), 16*1024*1024)
	line := 0
	for sc.Scan() {
		line++
		text := strings.TrimSpace(sc.Text())
		if text == "" {
			continue
		}
		var raw map[string]json.RawMessage
		op, reason := "", ""
		if err := json.Unmarshal([]byte(text), &raw); err != nil {
			reason = "invalid JSON: " + err.Error()
		} else if rawOp, ok := raw["op"]; ok {
			_ = json.Unmarshal(rawOp, &op)
			if err := json.Unmarshal(raw["entity"], &raw); err != nil || raw == nil {
				reason = "delta line without an entity object"
			}
		}
		var e FtMEntity
		if reason == "" {
			e, reason = decodeFtM(raw)
		}
		if reason == "" && op != "" && op != "ADD" && op != "DEL" {
			reason = fmt.Sprintf("unknown op %q: want ADD or DEL", op)
		}
		var err error
		switch {
		case reason != "":
			err = bad(FtMProblem{line, reason})
		case op == "DEL":
			e.Line = line
			deleted = append(deleted, e)
		default:
			e.Line = line
			err = add(e)
		}
		if err != nil {
			return deleted, err
		}
	}
	return deleted, sc.Err()
}

func decodeFtM(raw map[string]json.RawMessage) (FtMEntity, string) {
	var e FtMEntity
	for field, dst := range map[string]any{"id": &e.ID, "schema": &e.Schema, "caption": &e.Caption,
		"datasets": &e.Datasets, "referents": &e.Referents, "first_seen": &e.FirstSeen, "last_seen": &e.LastSeen} {
		if v, ok := raw[field]; ok {
			if err := json.Unmarshal(v, dst); err != nil {
				return e, fmt.Sprintf("%s: %v", field, err)
			}
		}
	}
	if e.ID == "" {
		return e, "missing id"
	}
	if !ftmSchemas[e.Schema] {
		return e, fmt.Sprintf("unknown schema %q", e.Schema)
	}
	var props map[string]json.RawMessage
	if v, ok := raw["properties"]; ok {
		if err := json.Unmarshal(v, &props); err != nil {
			return e, "properties: not an object"
		}
	}
	e.Properties = map[string][]string{}
	for name, v := range props {
		var list []string
		if err := json.Unmarshal(v, &list); err != nil {
			return e, fmt.Sprintf("property %s: not a list of strings", name)
		}
		e.Properties[name] = list
	}
	return e, ""
}

var notSlug = regexp.MustCompile(`[^a-z0-9]+`)

// ftmID is the accgraph id of an FtM entity: its kind's prefix and the FtM id, as a slug
// (the FtM id itself is kept in the ftmId property... of the citation's locator).
func ftmID(prefix, id string) string {
	return prefix + ":ftm-" + strings.Trim(notSlug.ReplaceAllString(strings.ToLower(id), "-"), "-")
}

// JSON is the entity as one FtM JSON line (without a trailing newline).
func (e FtMEntity) JSON() string {
	b, _ := json.Marshal(map[string]any{"id": e.ID, "schema": e.Schema, "caption": e.Caption,
		"datasets": e.Datasets, "properties": e.Properties})
	return string(b)
}

func first(e FtMEntity, prop string) string {
	if v := e.Properties[prop]; len(v) > 0 {
		return v[0]
	}
	return ""
}

// FtMMapper turns FtM entities read from one file into datasets, batch by batch: each
// fact cited to a Source per dataset, claimed by that dataset (sanctions by their
// authority), REPORTED. It remembers the kind of every id it has seen, so that a
// reference to an entity of an earlier batch gets the right id.
type FtMMapper struct {
	file     string
	prefixes map[string]string // FtM id → accgraph id prefix
	captions map[string]string // FtM id → caption, for naming what points at it
	emitted  map[string]bool   // sources and authorities already in a dataset
}

// NewFtMMapper maps the entities of file.
func NewFtMMapper(file string) *FtMMapper {
	return &FtMMapper{file: file, prefixes: map[string]string{}, captions: map[string]string{}, emitted: map[string]bool{}}
}

// Remember records an entity's kind without mapping it: a resumed import skips the lines
// written before but must still resolve references to them.
func (m *FtMMapper) Remember(e FtMEntity) {
	if p := ftmPrefix(e.Schema); p != "" {
		m.prefixes[e.ID] = p
	}
	if e.Caption != "" {
		m.captions[e.ID] = e.Caption
	}
}

// Knows reports whether id is an entity the mapper has seen.
func (m *FtMMapper) Knows(id string) bool { _, ok := m.prefixes[id]; return ok }

// ftmRefs are the FtM ids an entity points at: the ends of what it maps to.
func ftmRefs(e FtMEntity) []string {
	var props []string
	switch e.Schema {
	case "Position":
		props = []string{"organization"}
	case "Occupancy":
		props = []string{"holder", "post"}
	case "Membership":
		props = []string{"member", "organization"}
	case "Employment":
		props = []string{"employee", "employer"}
	case "Directorship":
		props = []string{"director", "organization"}
	case "CourtCaseParty":
		props = []string{"case", "party"}
	case "Sanction":
		props = []string{"entity"}
	}
	var ids []string
	for _, p := range props {
		ids = append(ids, e.Properties[p]...)
	}
	return ids
}

// AccgraphID is the id an FtM entity of schema has in accgraph: an entity's, or, for
// the schemata that become relationships, the relationship's.
func AccgraphID(schema, id string) string {
	if p := ftmPrefix(schema); p != "" {
		return ftmID(p, id)
	}
	t := map[string]graph.RelType{"Occupancy": graph.RelHolds, "Membership": graph.RelMemberOf, "Employment": graph.RelMemberOf,
		"Directorship": graph.RelMemberOf, "CourtCaseParty": graph.RelAgainst}[schema]
	return ftmID(strings.ToLower(string(t)), id)
}

// ftmPrefix is the accgraph id prefix of an FtM schema that becomes an entity.
func ftmPrefix(schema string) string {
	switch schema {
	case "Person":
		return "person"
	case "Organization", "PublicBody", "Company", "LegalEntity":
		return "org"
	case "Position":
		return "position"
	case "CourtCase":
		return "verdict"
	case "Event", "Sanction":
		return "event"
	case "Address":
		return "place"
	}
	return ""
}

// MapFtM maps the entities of a whole file at once.
func MapFtM(file string, entities []FtMEntity) *graph.Dataset {
	return NewFtMMapper(file).Map(entities)
}

// Map turns one batch into a dataset. Problems found later name the file and line.
func (m *FtMMapper) Map(entities []FtMEntity) *graph.Dataset {
	file, prefixes := m.file, m.prefixes
	d := &graph.Dataset{}
	byID := map[string]FtMEntity{}
	for _, e := range entities {
		byID[e.ID] = e
		m.Remember(e)
	}
	cite := func(e FtMEntity, quote string) []graph.Citation {
		ds := "ftm"
		if len(e.Datasets) > 0 {
			ds = e.Datasets[0]
		}
		src := ftmID("source", ds)
		if !m.emitted[src] {
			m.emitted[src] = true
			d.Entities = append(d.Entities, &graph.Source{Base: graph.Base{ID: src, Name: "FtM dataset " + ds,
				Description: "A published dataset: what it lists is what its publisher or the listing authority claims.",
				Citations:   []graph.Citation{{Source: src, ClaimedBy: src, Quote: ds, Locator: "dataset name", Confidence: graph.Reported}}},
				Title: "FollowTheMoney dataset " + ds, Publisher: ds, SourceKind: "DATASET"})
		}
		if quote == "" {
			quote = e.Caption
		}
		if quote == "" {
			quote = e.ID
		}
		return []graph.Citation{{Source: src, ClaimedBy: src, Quote: quote, Locator: "FtM entity " + e.ID, Confidence: graph.Reported}}
	}
	ref := func(id string) string {
		if p, ok := prefixes[id]; ok {
			return ftmID(p, id)
		}
		return ftmID("person", id) // an entity not in the file: the dataset check reports it
	}
	// link adds a relationship, and reports whether it did: an end may be missing
	link := func(e FtMEntity, t graph.RelType, from, to, role string) bool {
		if from == "" || to == "" {
			return false
		}
		start, _ := graph.ParseDate(dateOnly(first(e, "startDate")))
		end, _ := graph.ParseDate(dateOnly(first(e, "endDate")))
		d.Links = append(d.Links, &graph.Link{ID: ftmID(strings.ToLower(string(t)), e.ID), Type: t, From: ref(from), To: ref(to),
			Role: role, When: graph.Interval{From: start, To: end}, Citations: cite(e, ""), Field: e.Schema,
			Origin: graph.Origin{File: file, Lines: map[string]int{"": e.Line}}, FtM: e.JSON()})
		return true
	}
	ids := make([]string, 0, len(byID))
	for id := range byID {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	for _, id := range ids {
		e := byID[id]
		names := append(append(append(append([]string{}, e.Properties["name"]...), e.Properties["alias"]...),
			e.Properties["weakAlias"]...), e.Properties["previousName"]...)
		name := e.Caption
		if len(names) > 0 && name == "" {
			name = names[0]
		}
		var aliases []string
		for _, n := range names {
			if n != name && !contains(aliases, n) {
				aliases = append(aliases, n)
			}
		}
		base := graph.Base{ID: ref(e.ID), Name: name, Aliases: aliases,
			AliasSources: graph.NotedAliases(aliases, "a name of FtM entity "+e.ID+" (name, alias, weakAlias or previousName)"),
			Description:  first(e, "description"), Citations: cite(e, name),
			Origin: graph.Origin{File: file, Lines: map[string]int{"": e.Line}}, FtM: e.JSON()}
		switch e.Schema {
		case "Person":
			d.Entities = append(d.Entities, &graph.Person{Base: base})
		case "Organization", "Company", "LegalEntity":
			d.Entities = append(d.Entities, &graph.Organization{Base: base, OrgKind: "OTHER"})
		case "PublicBody":
			d.Entities = append(d.Entities, &graph.Organization{Base: base, OrgKind: publicBodyKind(e.Properties["topics"])})
		case "Position":
			d.Entities = append(d.Entities, &graph.Position{Base: base})
			for _, org := range e.Properties["organization"] {
				link(e, graph.RelPositionIn, e.ID, org, "")
			}
		case "Occupancy":
			link(e, graph.RelHolds, first(e, "holder"), first(e, "post"), "")
		case "Membership":
			link(e, graph.RelMemberOf, first(e, "member"), first(e, "organization"), first(e, "role"))
		case "Employment":
			link(e, graph.RelMemberOf, first(e, "employee"), first(e, "employer"), orDefault(first(e, "role"), "employee"))
		case "Directorship":
			link(e, graph.RelMemberOf, first(e, "director"), first(e, "organization"), orDefault(first(e, "role"), "director"))
		case "CourtCase":
			date, _ := graph.ParseDate(dateOnly(orDefault(first(e, "closeDate"), first(e, "fileDate"))))
			d.Entities = append(d.Entities, &graph.Verdict{Base: base, Date: date})
		case "CourtCaseParty":
			if n := len(d.Links); link(e, graph.RelAgainst, first(e, "case"), first(e, "party"), "") {
				d.Links[n].Outcome = first(e, "role")
			}
		case "Sanction":
			base.Name = orDefault(first(e, "program"), "Sanction") + " listing of " + orDefault(m.captions[first(e, "entity")], first(e, "entity"))
			authority := first(e, "authority")
			reason := orDefault(first(e, "reason"), base.Name)
			start, _ := graph.ParseDate(dateOnly(first(e, "startDate")))
			base.Citations = cite(e, reason)
			if authority != "" {
				claimant := ftmID("org", "authority-"+authority)
				if !m.emitted[claimant] {
					m.emitted[claimant] = true
					// derived from the sanction: an FtM export writes the sanction, which brings it back
					d.Entities = append(d.Entities, &graph.Organization{Base: graph.Base{ID: claimant, Name: authority,
						Citations: cite(e, authority), FtM: e.JSON()}, OrgKind: "GOVERNMENT"})
				}
				base.Citations[0].ClaimedBy = claimant
			}
			d.Entities = append(d.Entities, &graph.Event{Base: base, EventKind: "SANCTION", When: graph.Interval{From: start}})
			if n := len(d.Links); link(e, graph.RelParticipatedIn, first(e, "entity"), e.ID, "sanctioned") {
				d.Links[n].Citations = base.Citations
			}
		case "Event":
			date, _ := graph.ParseDate(dateOnly(first(e, "date")))
			d.Entities = append(d.Entities, &graph.Event{Base: base, EventKind: "OTHER", When: graph.At(date)})
		case "Address":
			d.Entities = append(d.Entities, &graph.Place{Base: base, Country: strings.ToUpper(first(e, "country"))})
		}
	}
	return d
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

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func orDefault(s, def string) string {
	if s == "" {
		return def
	}
	return s
}

// exportFtM writes the knowledge graph as FtM JSON lines: what came from FtM exactly as it
// came (the ftm property), the rest mapped from accgraph's model with the dataset
// "accgraph" (people, organizations, posts, events, places, verdicts; tenures,
// memberships and verdict parties).
func exportFtM(ctx context.Context, walk walker, w io.Writer) error {
	written := map[string]bool{}
	line := func(raw string) error {
		var head struct{ ID string }
		if json.Unmarshal([]byte(raw), &head) == nil && written[head.ID] {
			return nil
		}
		written[head.ID] = true
		_, err := io.WriteString(w, raw+"\n")
		return err
	}
	native := func(id, schema, caption string, props map[string][]string) error {
		return line(FtMEntity{ID: id, Schema: schema, Caption: caption, Datasets: []string{"accgraph"}, Properties: props}.JSON())
	}
	return walk(ctx, func(n graph.ExportNode) error {
		p := n.Properties
		if raw, ok := p["ftm"].(string); ok {
			return line(raw)
		}
		name, _ := p["name"].(string)
		props := map[string][]string{"name": {name}}
		for _, a := range toStringList(p["aliases"]) {
			props["alias"] = append(props["alias"], a)
		}
		schema := map[string]string{"Person": "Person", "Organization": "Organization", "Position": "Position",
			"Event": "Event", "Place": "Address", "Verdict": "CourtCase"}[n.Labels[0]]
		if schema == "" {
			return nil // citations, sources, statements, redirects: no FtM counterpart
		}
		if from, ok := p["from"].(string); ok && schema == "Event" {
			props["date"] = []string{from}
		}
		return native(n.ID(), schema, name, props)
	}, func(e graph.ExportEdge) error {
		p := e.Properties
		if raw, ok := p["ftm"].(string); ok {
			return line(raw)
		}
		id, _ := p["id"].(string)
		dates := func(props map[string][]string) map[string][]string {
			if v, ok := p["from"].(string); ok {
				props["startDate"] = []string{v}
			}
			if v, ok := p["to"].(string); ok {
				props["endDate"] = []string{v}
			}
			return props
		}
		switch e.Type {
		case "HOLDS":
			return native(id, "Occupancy", "", dates(map[string][]string{"holder": {e.Start}, "post": {e.End}}))
		case "MEMBER_OF":
			props := dates(map[string][]string{"member": {e.Start}, "organization": {e.End}})
			if role, ok := p["role"].(string); ok {
				props["role"] = []string{role}
			}
			return native(id, "Membership", "", props)
		case "AGAINST":
			props := map[string][]string{"case": {e.Start}, "party": {e.End}}
			if outcome, ok := p["outcome"].(string); ok {
				props["role"] = []string{outcome}
			}
			return native(id, "CourtCaseParty", "", props)
		}
		return nil
	})
}

func toStringList(v any) []string {
	list, _ := v.([]any)
	out := make([]string, 0, len(list))
	for _, x := range list {
		if s, ok := x.(string); ok {
			out = append(out, s)
		}
	}
	return out
}
