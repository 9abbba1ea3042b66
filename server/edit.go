package server

import (
	"context"
	"fmt"
	"reflect"
	"time"

	"github.com/99designs/gqlgen/graphql"

	"github.com/accgraph/accgraph/graph"
)

// The editing mutations: each needs an editor key, turns its input into graph types,
// and leaves validation (the seed loader's), the single transaction and the audit record
// to package graph.

func (s *Server) createEntity(ctx context.Context, in map[string]any) (graph.Entity, error) {
	if err := requireRole(ctx, graph.RoleEditor); err != nil {
		return nil, err
	}
	e, err := entityFromInput(in)
	if err != nil {
		return nil, err
	}
	if err := s.DB.CreateEntity(ctx, identity(ctx).Name, e); err != nil {
		return nil, err
	}
	return s.readEntity(ctx, e.Common().ID)
}

func (s *Server) updateEntity(ctx context.Context, id string, in map[string]any) (graph.Entity, error) {
	if err := requireRole(ctx, graph.RoleEditor); err != nil {
		return nil, err
	}
	_, err := s.DB.UpdateEntity(ctx, identity(ctx).Name, "updateEntity", id, func(e graph.Entity) error {
		b := e.Common()
		if v, ok := in["name"]; ok && v != nil {
			b.Name = str(v)
		}
		if v, ok := in["aliases"]; ok && v != nil {
			b.Aliases = stringList(v)
		}
		if v, ok := in["description"]; ok && v != nil {
			b.Description = str(v)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return s.readEntity(ctx, id)
}

func (s *Server) link(ctx context.Context, from string, t graph.RelType, to string, props map[string]any, cites []map[string]any) (string, error) {
	if err := requireRole(ctx, graph.RoleEditor); err != nil {
		return "", err
	}
	l := &graph.Link{Type: t, From: from, To: to, ID: str(props["id"]), Role: str(props["role"]),
		Outcome: str(props["outcome"]), Sentence: str(props["sentence"]), Confidence: graph.Confidence(str(props["confidence"]))}
	var err error
	dates := []*graph.Date{&l.When.From, &l.When.To, &l.Attested, &l.EndedBy}
	for i, name := range []string{"from", "to", "attested", "endedBy"} {
		if *dates[i], err = graph.ParseDate(str(props[name])); err != nil {
			return "", badInput("properties."+name, err)
		}
	}
	if l.Citations, err = citationsFromInput(cites); err != nil {
		return "", err
	}
	if err := s.DB.LinkEntities(ctx, identity(ctx).Name, l); err != nil {
		return "", err
	}
	return l.ID, nil
}

func (s *Server) unlink(ctx context.Context, id string) (bool, error) {
	if err := requireRole(ctx, graph.RoleEditor); err != nil {
		return false, err
	}
	return true, s.DB.Unlink(ctx, identity(ctx).Name, id)
}

// editFact applies change to the entity or relationship with id, whichever it names.
func (s *Server) editFact(ctx context.Context, mutation, id string, change func(b *factFields)) error {
	if err := requireRole(ctx, graph.RoleEditor); err != nil {
		return err
	}
	who := identity(ctx).Name
	var err error
	if _, isEntity := graph.KindOfID(id); isEntity {
		_, err = s.DB.UpdateEntity(ctx, who, mutation, id, func(e graph.Entity) error {
			b := e.Common()
			change(&factFields{&b.Confidence, &b.Retraction, &b.Citations})
			return nil
		})
	} else {
		_, err = s.DB.UpdateLink(ctx, who, mutation, id, func(l *graph.Link) error {
			change(&factFields{&l.Confidence, &l.Retraction, &l.Citations})
			return nil
		})
	}
	return err
}

// factFields are what entities and relationships share for editing.
type factFields struct {
	confidence *graph.Confidence
	retraction *string
	citations  *[]graph.Citation
}

func (s *Server) addCitation(ctx context.Context, id string, in map[string]any) (int, error) {
	cites, err := citationsFromInput([]map[string]any{in})
	if err != nil {
		return 0, err
	}
	n := 0
	err = s.editFact(ctx, "addCitation", id, func(f *factFields) {
		*f.citations = append(*f.citations, cites[0])
		n = len(*f.citations)
	})
	return n, err
}

func (s *Server) setConfidence(ctx context.Context, id string, c graph.Confidence) (graph.Confidence, error) {
	return c, s.editFact(ctx, "setConfidence", id, func(f *factFields) {
		*f.confidence = c
		if c != graph.Retracted {
			*f.retraction = ""
		}
	})
}

func (s *Server) retract(ctx context.Context, id, reason string) (bool, error) {
	return true, s.editFact(ctx, "retract", id, func(f *factFields) {
		*f.confidence, *f.retraction = graph.Retracted, reason
	})
}

func (s *Server) history(ctx context.Context, id string) ([]*graph.Change, error) {
	if err := requireRole(ctx, graph.RoleReader); err != nil {
		return nil, err
	}
	return s.DB.History(ctx, id)
}

func (s *Server) changes(ctx context.Context, since string, by string) ([]*graph.Change, error) {
	if err := requireRole(ctx, graph.RoleAdmin); err != nil {
		return nil, err
	}
	t, err := time.Parse(time.RFC3339, since)
	if err != nil {
		return nil, graph.Errorf(graph.EINVALID, "since: want an RFC 3339 time like 2026-01-31T00:00:00Z, got %q", since)
	}
	return s.DB.Changes(ctx, t, by)
}

// readEntity reads an entity back for the mutation's answer, with the fields its
// selection asks (one Cypher statement, as every read).
func (s *Server) readEntity(ctx context.Context, id string) (graph.Entity, error) {
	oc, fc := graphql.GetOperationContext(ctx), graphql.GetFieldContext(ctx)
	sel := graph.Selection{Alias: "entity", Name: "entity", Args: map[string]any{"id": id},
		Sub: func(t string) []graph.Selection { return selections(oc, fc.Field.Selections, t) }}
	res, err := s.DB.Read(ctx, []graph.Selection{sel})
	if err != nil {
		return nil, err
	}
	v, err := res.Get("entity")
	if err != nil {
		return nil, err
	}
	e, _ := v.(graph.Entity)
	return e, nil
}

// entityFromInput builds the entity an EntityInput describes; its kind comes from the
// id's prefix.
func entityFromInput(in map[string]any) (graph.Entity, error) {
	id := str(in["id"])
	kind, ok := graph.KindOfID(id)
	if !ok {
		return nil, graph.Errorf(graph.EINVALID, "input.id: %q must start with person:, org:, position:, event:, verdict:, statement:, source: or place:", id)
	}
	cites, err := citationsFromInput(maps(in["citations"]))
	if err != nil {
		return nil, err
	}
	base := graph.Base{ID: id, Name: str(in["name"]), Aliases: stringList(in["aliases"]), Description: str(in["description"]),
		Confidence: graph.Confidence(str(in["confidence"])), Citations: cites}
	date := func(name string) (graph.Date, error) {
		d, err := graph.ParseDate(str(in[name]))
		if err != nil {
			return d, badInput("input."+name, err)
		}
		return d, nil
	}
	switch kind {
	case graph.KindPerson:
		return &graph.Person{Base: base}, nil
	case graph.KindOrganization:
		return &graph.Organization{Base: base, OrgKind: graph.OrgKind(str(in["kind"]))}, nil
	case graph.KindPosition:
		return &graph.Position{Base: base}, nil
	case graph.KindEvent:
		from, err := date("from")
		if err != nil {
			return nil, err
		}
		to, err := date("to")
		if err != nil {
			return nil, err
		}
		victims, _ := in["victims"].(int64)
		return &graph.Event{Base: base, EventKind: graph.EventKind(str(in["kind"])), When: graph.Interval{From: from, To: to}, Victims: int(victims)}, nil
	case graph.KindVerdict:
		d, err := date("date")
		return &graph.Verdict{Base: base, Date: d}, err
	case graph.KindStatement:
		d, err := date("date")
		return &graph.Statement{Base: base, Text: str(in["text"]), Date: d}, err
	case graph.KindSource:
		d, err := date("published")
		return &graph.Source{Base: base, SourceKind: graph.SourceKind(str(in["kind"])), Title: str(in["title"]),
			Publisher: str(in["publisher"]), Author: str(in["author"]), URL: str(in["url"]), Published: d, Stake: str(in["stake"])}, err
	}
	return &graph.Place{Base: base, Country: str(in["country"])}, nil
}

func citationsFromInput(in []map[string]any) ([]graph.Citation, error) {
	out := make([]graph.Citation, len(in))
	for i, c := range in {
		accessed, err := graph.ParseDate(str(c["accessed"]))
		if err != nil {
			return nil, badInput(fmt.Sprintf("citations[%d].accessed", i), err)
		}
		out[i] = graph.Citation{Source: str(c["source"]), Quote: str(c["quote"]), Locator: str(c["locator"]),
			ClaimedBy: str(c["claimedBy"]), Confidence: graph.Confidence(str(c["confidence"])), Accessed: accessed}
	}
	return out, nil
}

func badInput(field string, err error) error {
	return graph.Errorf(graph.EINVALID, "%s: %s", field, graph.ErrorMessage(err))
}

// str reads a string from raw input: a string, or a value of a string type (gqlgen
// hands enums over already typed).
func str(v any) string {
	if v == nil {
		return ""
	}
	if rv := reflect.ValueOf(v); rv.Kind() == reflect.String {
		return rv.String()
	}
	if rv := reflect.ValueOf(v); rv.Kind() == reflect.Pointer && !rv.IsNil() && rv.Elem().Kind() == reflect.String {
		return rv.Elem().String()
	}
	return ""
}

// stringList and maps read raw input lists, whichever slice type gqlgen built.
func stringList(v any) []string {
	rv := reflect.ValueOf(v)
	if !rv.IsValid() || rv.Kind() != reflect.Slice {
		return nil
	}
	out := make([]string, 0, rv.Len())
	for i := range rv.Len() {
		out = append(out, str(rv.Index(i).Interface()))
	}
	return out
}

func maps(v any) []map[string]any {
	rv := reflect.ValueOf(v)
	if !rv.IsValid() || rv.Kind() != reflect.Slice {
		return nil
	}
	out := make([]map[string]any, 0, rv.Len())
	for i := range rv.Len() {
		m, _ := rv.Index(i).Interface().(map[string]any)
		out = append(out, m)
	}
	return out
}

func (s *Server) addSource(ctx context.Context, in map[string]any) (*graph.Source, error) {
	if kind, _ := graph.KindOfID(str(in["id"])); kind != graph.KindSource {
		return nil, graph.Errorf(graph.EINVALID, "input.id: a source's id starts with source:, not %q", str(in["id"]))
	}
	e, err := s.createEntity(ctx, in)
	src, _ := e.(*graph.Source)
	return src, err
}

func (s *Server) mergeEntities(ctx context.Context, keep, drop string) (graph.Entity, error) {
	if err := requireRole(ctx, graph.RoleEditor); err != nil {
		return nil, err
	}
	if err := s.DB.MergeEntities(ctx, identity(ctx).Name, keep, drop); err != nil {
		return nil, err
	}
	return s.readEntity(ctx, keep)
}
