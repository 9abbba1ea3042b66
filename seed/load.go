// Package seed moves data in and out of the graph. It holds the curated dataset (YAML
// files, one per kind of entity, every fact cited) and its loader, and the built-in saved
// queries (queries/), both embedded in the binary so that `accgraph serve` can seed an empty
// graph anywhere; the importers (FollowTheMoney JSON lines, resumable; CSV by a column
// mapping; accgraph's own JSONL export), each parsing an io.Reader into graph types that
// the graph validates before it writes; and the exporters (JSONL, GraphML, CSV, Cypher, FtM).
package seed

import (
	"embed"
	"fmt"
	"io/fs"
	"path"
	"sort"
	"strings"

	"github.com/accgraph/accgraph/graph"
)

// data is the curated dataset, extracted from the documents in data/documents.
//
//go:embed data
var data embed.FS

// Data returns the embedded dataset's directory.
func Data() fs.FS { return embedded(data, "data") }

// embedded returns dir of an embedded tree, which the embed pattern guarantees exists.
func embedded(tree embed.FS, dir string) fs.FS {
	sub, err := fs.Sub(tree, dir)
	if err != nil {
		panic(err)
	}
	return sub
}

// Load parses every seed file of fsys and validates the whole dataset. Its error lists
// every problem at once, each with file:line and field; on error the dataset is nil.
func Load(fsys fs.FS) (*graph.Dataset, error) {
	var all graph.Problems
	names, err := fs.Glob(fsys, "*.yaml")
	if err != nil {
		return nil, err
	}
	sort.Strings(names)
	d := &graph.Dataset{}
	for _, name := range names {
		kind, ok := files[name]
		if !ok {
			all.At(graph.Origin{File: name}).Add("", "unknown seed file: want one of %s", strings.Join(fileNames(), ", "))
			continue
		}
		content, err := fs.ReadFile(fsys, name)
		if err != nil {
			all.At(graph.Origin{File: name}).Add("", "%v", err)
			continue
		}
		recs, origins := parseFile(name, content, kind, &all)
		for i, r := range recs {
			e, links := convert(r, kind, origins[i], fsys, all.At(origins[i]))
			d.Entities = append(d.Entities, e)
			d.Links = append(d.Links, links...)
		}
	}
	d.Check(&all)
	if err := all.Err(); err != nil {
		return nil, err
	}
	return d, nil
}

func fileNames() []string {
	var out []string
	for name := range files {
		out = append(out, name)
	}
	sort.Strings(out)
	return out
}

// convert turns a record into the entity it describes and the links that start at it.
func convert(r record, kind graph.EntityKind, origin graph.Origin, fsys fs.FS, p *graph.Problems) (graph.Entity, []*graph.Link) {
	base := graph.Base{
		ID: r.ID, Name: r.Name, Description: strings.TrimSpace(r.Description),
		Confidence: graph.Confidence(r.Confidence), Retraction: r.Retraction,
		Citations: citations(r.Citations, p, ""), Origin: origin,
	}
	for i, a := range r.Aliases {
		base.Aliases = append(base.Aliases, a.Name)
		base.AliasSources = append(base.AliasSources, graph.Alias{Name: a.Name, Note: strings.TrimSpace(a.Note),
			Citations: citations(a.Citations, p, field("aliases", i)+".")})
	}
	var e graph.Entity
	switch kind {
	case graph.KindPerson:
		e = &graph.Person{Base: base}
	case graph.KindOrganization:
		e = &graph.Organization{Base: base, OrgKind: graph.OrgKind(r.Kind)}
	case graph.KindPosition:
		e = &graph.Position{Base: base}
	case graph.KindEvent:
		e = &graph.Event{Base: base, EventKind: graph.EventKind(r.Kind), Victims: r.Victims,
			When: graph.Interval{From: date(r.From, "from", p), To: date(r.To, "to", p)}}
	case graph.KindVerdict:
		e = &graph.Verdict{Base: base, Date: date(r.Date, "date", p)}
	case graph.KindStatement:
		e = &graph.Statement{Base: base, Text: strings.TrimSpace(r.Text), Date: date(r.Date, "date", p)}
	case graph.KindSource:
		src := &graph.Source{Base: base, Title: r.Title, Publisher: r.Publisher, Author: r.Author, URL: r.URL,
			Published: date(r.Published, "published", p), SourceKind: graph.SourceKind(r.Kind),
			Stake: strings.TrimSpace(r.Stake), TextFile: r.File}
		if r.File != "" {
			text, err := fs.ReadFile(fsys, path.Clean(r.File))
			if err != nil {
				p.Add("file", "cannot read the source's text: %v", err)
			}
			src.Text = string(text)
		}
		e = src
	case graph.KindPlace:
		e = &graph.Place{Base: base, Country: r.Country}
	}

	links := make([]*graph.Link, len(r.Links))
	for i, l := range r.Links {
		f := field("links", i)
		lp := p.Under(f + ".")
		links[i] = &graph.Link{
			ID: l.ID, Type: graph.RelType(l.Type), From: r.ID, To: l.Target, Role: l.Role,
			Outcome: l.Outcome, Sentence: l.Sentence,
			When:     graph.Interval{From: date(l.From, "from", lp), To: date(l.To, "to", lp)},
			Attested: date(l.Attested, "attested", lp), EndedBy: date(l.EndedBy, "endedBy", lp),
			Confidence: graph.Confidence(l.Confidence), Retraction: l.Retraction, Inference: strings.TrimSpace(l.Inference),
			Citations: citations(l.Citations, p, f+"."), Origin: origin, Field: f,
		}
	}
	return e, links
}

func citations(in []citationYAML, p *graph.Problems, prefix string) []graph.Citation {
	out := make([]graph.Citation, len(in))
	for i, c := range in {
		out[i] = graph.Citation{
			Source: c.Source, Quote: strings.TrimSpace(c.Quote), Locator: c.Locator, ClaimedBy: c.ClaimedBy,
			Confidence: graph.Confidence(c.Confidence), Stance: graph.Stance(c.Stance),
			Accessed: date(c.Accessed, prefix+field("citations", i)+".accessed", p),
		}
	}
	return out
}

// date parses a partial date field, reporting a bad one.
func date(s, name string, p *graph.Problems) graph.Date {
	d, err := graph.ParseDate(s)
	if err != nil {
		p.Add(name, "%s", graph.ErrorMessage(err))
	}
	return d
}

func field(name string, i int) string { return fmt.Sprintf("%s[%d]", name, i) }
