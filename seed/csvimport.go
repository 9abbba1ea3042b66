package seed

import (
	"encoding/csv"
	"fmt"
	"io"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/accgraph/accgraph/graph"
)

// CSVMapping declares how the rows of a spreadsheet become entities or relationships:
//
//	entity: PERSON                 # PERSON, ORGANIZATION, POSITION, PLACE — or
//	relationship: MEMBER_OF        # a relationship type
//	id: {slug: Name}               # entities: an id column, or the slug of a column
//	name: Name
//	aliases: {column: Aliases, split: ";"}
//	kind: Type                     # organizations
//	from: {column: Person, slug: true, prefix: person}   # relationships: their ends
//	to: {column: Body, slug: true, prefix: org}
//	role: Role
//	start: Since                   # relationships: dates
//	end: Until
//	citation:                      # every row is cited
//	  source: {value: source:newsroom-sheet}
//	  quote: Quote
//	  claimedBy: {value: org:newsroom}
//	  confidence: {value: REPORTED}
//	  locator: Row
//
// A field is a column name, or {column, value, slug, prefix, split}.
type CSVMapping struct {
	Entity       string    `yaml:"entity"`
	Relationship string    `yaml:"relationship"`
	ID           *CSVField `yaml:"id"`
	Name         *CSVField `yaml:"name"`
	Aliases      *CSVField `yaml:"aliases"`
	Description  *CSVField `yaml:"description"`
	Kind         *CSVField `yaml:"kind"`
	From         *CSVField `yaml:"from"`
	To           *CSVField `yaml:"to"`
	Role         *CSVField `yaml:"role"`
	Start        *CSVField `yaml:"start"`
	End          *CSVField `yaml:"end"`
	Citation     struct {
		Source     *CSVField `yaml:"source"`
		Quote      *CSVField `yaml:"quote"`
		ClaimedBy  *CSVField `yaml:"claimedBy"`
		Confidence *CSVField `yaml:"confidence"`
		Locator    *CSVField `yaml:"locator"`
	} `yaml:"citation"`
}

// CSVField reads one value from a row: a column, or a fixed value; slug turns it into
// an id with prefix; split cuts a list.
type CSVField struct {
	Column string `yaml:"column"`
	Value  string `yaml:"value"`
	Slug   any    `yaml:"slug"` // true, or the column to slug
	Prefix string `yaml:"prefix"`
	Split  string `yaml:"split"`
}

// UnmarshalYAML accepts a bare column name.
func (f *CSVField) UnmarshalYAML(n *yaml.Node) error {
	if n.Kind == yaml.ScalarNode {
		f.Column = n.Value
		return nil
	}
	type plain CSVField
	return n.Decode((*plain)(f))
}

// ParseCSVMapping reads a mapping file.
func ParseCSVMapping(r io.Reader) (*CSVMapping, error) {
	dec := yaml.NewDecoder(r)
	dec.KnownFields(true)
	var m CSVMapping
	if err := dec.Decode(&m); err != nil {
		return nil, graph.Errorf(graph.EINVALID, "mapping: %v", err)
	}
	if (m.Entity == "") == (m.Relationship == "") {
		return nil, graph.Errorf(graph.EINVALID, "mapping: say either entity: KIND or relationship: TYPE")
	}
	return &m, nil
}

// ReadCSV maps every row of a CSV file (a header row first) into a dataset; problems
// name the file, the line and the column.
func ReadCSV(file string, m *CSVMapping, r io.Reader) (*graph.Dataset, error) {
	cr := csv.NewReader(r)
	header, err := cr.Read()
	if err != nil {
		return nil, graph.Errorf(graph.EINVALID, "%s: no header row: %v", file, err)
	}
	cols := map[string]int{}
	for i, h := range header {
		cols[strings.TrimSpace(h)] = i
	}
	if m.ID != nil && m.ID.Slug != nil && m.ID.Prefix == "" {
		m.ID.Prefix = graph.EntityKind(m.Entity).IDPrefix() // slugged ids take their kind's prefix
	}
	var all graph.Problems
	fp := all.At(graph.Origin{File: file, Lines: map[string]int{"": 1}})
	for name, f := range m.fields() {
		for _, c := range f.columns() {
			if _, ok := cols[c]; !ok {
				fp.Add(name, "no column %q in the header", c)
			}
		}
	}
	if err := all.Err(); err != nil {
		return nil, err
	}
	d := &graph.Dataset{}
	line := 1
	for {
		row, err := cr.Read()
		if err == io.EOF {
			break
		}
		if err == nil {
			line, _ = cr.FieldPos(0)
		} else {
			line++
		}
		origin := graph.Origin{File: file, Lines: map[string]int{"": line}}
		if err != nil {
			all.At(origin).Add("", "%v", err)
			continue
		}
		get := func(f *CSVField) string { return f.get(row, cols) }
		cite := graph.Citation{Source: get(m.Citation.Source), Quote: get(m.Citation.Quote), ClaimedBy: get(m.Citation.ClaimedBy),
			Confidence: graph.Confidence(get(m.Citation.Confidence)), Locator: get(m.Citation.Locator)}
		if cite.Locator == "" {
			cite.Locator = fmt.Sprintf("%s, row %d", file, line)
		}
		p := all.At(origin)
		if m.Relationship != "" {
			start, err := graph.ParseDate(get(m.Start))
			if err != nil {
				p.Add("start", "%s", graph.ErrorMessage(err))
			}
			end, err := graph.ParseDate(get(m.End))
			if err != nil {
				p.Add("end", "%s", graph.ErrorMessage(err))
			}
			d.Links = append(d.Links, &graph.Link{Type: graph.RelType(m.Relationship), From: get(m.From), To: get(m.To),
				Role: get(m.Role), When: graph.Interval{From: start, To: end}, Citations: []graph.Citation{cite},
				Origin: origin, Field: "row"})
			continue
		}
		aliases := m.Aliases.list(row, cols)
		base := graph.Base{ID: get(m.ID), Name: get(m.Name), Aliases: aliases,
			AliasSources: graph.NotedAliases(aliases, fmt.Sprintf("given in the aliases column of %s, line %d", origin.File, origin.Lines[""])),
			Description:  get(m.Description), Citations: []graph.Citation{cite}, Origin: origin}
		switch graph.EntityKind(m.Entity) {
		case graph.KindPerson:
			d.Entities = append(d.Entities, &graph.Person{Base: base})
		case graph.KindOrganization:
			d.Entities = append(d.Entities, &graph.Organization{Base: base, OrgKind: graph.OrgKind(get(m.Kind))})
		case graph.KindPosition:
			d.Entities = append(d.Entities, &graph.Position{Base: base})
		case graph.KindPlace:
			d.Entities = append(d.Entities, &graph.Place{Base: base})
		default:
			return nil, graph.Errorf(graph.EINVALID, "mapping: entity %q: want PERSON, ORGANIZATION, POSITION or PLACE", m.Entity)
		}
	}
	if err := all.Err(); err != nil {
		return nil, err
	}
	return d, nil
}

func (m *CSVMapping) fields() map[string]*CSVField {
	out := map[string]*CSVField{}
	for name, f := range map[string]*CSVField{"id": m.ID, "name": m.Name, "aliases": m.Aliases, "description": m.Description,
		"kind": m.Kind, "from": m.From, "to": m.To, "role": m.Role, "start": m.Start, "end": m.End,
		"citation.source": m.Citation.Source, "citation.quote": m.Citation.Quote, "citation.claimedBy": m.Citation.ClaimedBy,
		"citation.confidence": m.Citation.Confidence, "citation.locator": m.Citation.Locator} {
		if f != nil {
			out[name] = f
		}
	}
	return out
}

// columns are the header names a field reads.
func (f *CSVField) columns() []string {
	var out []string
	if f.Column != "" {
		out = append(out, f.Column)
	}
	if s, ok := f.Slug.(string); ok && s != "" {
		out = append(out, s)
	}
	return out
}

func (f *CSVField) get(row []string, cols map[string]int) string {
	if f == nil {
		return ""
	}
	v := f.Value
	col := f.Column
	if s, ok := f.Slug.(string); ok && s != "" {
		col = s
	}
	if col != "" {
		if i, ok := cols[col]; ok && i < len(row) {
			v = strings.TrimSpace(row[i])
		}
	}
	if f.Slug != nil && f.Slug != false && v != "" {
		v = strings.Trim(notSlug.ReplaceAllString(strings.ToLower(v), "-"), "-")
		if f.Prefix != "" {
			v = f.Prefix + ":" + v
		}
	}
	return v
}

func (f *CSVField) list(row []string, cols map[string]int) []string {
	if f == nil {
		return nil
	}
	v := f.get(row, cols)
	if f.Split == "" || v == "" {
		if v == "" {
			return nil
		}
		return []string{v}
	}
	var out []string
	for _, part := range strings.Split(v, f.Split) {
		if part = strings.TrimSpace(part); part != "" {
			out = append(out, part)
		}
	}
	return out
}
