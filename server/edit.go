package server

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/99designs/gqlgen/graphql"

	"github.com/accgraph/accgraph/graph"
	"github.com/accgraph/accgraph/schema"
)

// The editing mutations: each needs an editor key, turns its input into graph types,
// and leaves validation (the seed loader's), the single transaction and the audit record
// to package graph.

func (s *Server) createEntity(ctx context.Context, in *graph.EntityInput) (graph.Entity, error) {
	if err := requireRole(ctx, graph.RoleEditor); err != nil {
		return nil, err
	}
	e, err := in.Entity("input")
	if err != nil {
		return nil, err
	}
	if err := s.DB.CreateEntity(ctx, identity(ctx).Name, e); err != nil {
		return nil, graph.RenameFields(err, under("input."))
	}
	return s.readEntity(ctx, e.Common().ID)
}

func (s *Server) updateEntity(ctx context.Context, id string, in *graph.EntityPatch) (graph.Entity, error) {
	if err := requireRole(ctx, graph.RoleEditor); err != nil {
		return nil, err
	}
	_, err := s.DB.UpdateEntity(ctx, identity(ctx).Name, "updateEntity", id, func(e graph.Entity) error {
		in.Apply(e)
		return nil
	})
	if err != nil {
		return nil, graph.RenameFields(err, under("input."))
	}
	return s.readEntity(ctx, id)
}

func (s *Server) link(ctx context.Context, from string, t graph.RelType, to string, props *graph.LinkInput, cites []*graph.CitationInput) (string, error) {
	if err := requireRole(ctx, graph.RoleEditor); err != nil {
		return "", err
	}
	l := props.Link(from, t, to, cites)
	if err := s.DB.LinkEntities(ctx, identity(ctx).Name, l); err != nil {
		return "", graph.RenameFields(err, linkArgument(-1))
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

func (s *Server) addCitation(ctx context.Context, id string, in *graph.CitationInput) (int, error) {
	n := 0
	err := s.editFact(ctx, "addCitation", id, func(f *factFields) {
		*f.citations = append(*f.citations, in.Citation())
		n = len(*f.citations)
	})
	if _, isEntity := graph.KindOfID(id); isEntity {
		return n, graph.RenameFields(err, citationArgument(n-1, ""))
	}
	return n, graph.RenameFields(err, linkArgument(n-1))
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
	list, err := s.readEntities(ctx, id)
	if err != nil {
		return nil, err
	}
	return list[0], nil
}

// readEntities reads entities back for a mutation that answers a list of them, each with
// the field's selection, in one statement.
func (s *Server) readEntities(ctx context.Context, ids ...string) ([]graph.Entity, error) {
	oc, fc := graphql.GetOperationContext(ctx), graphql.GetFieldContext(ctx)
	sub := func(t string) []graph.Selection { return schema.Selections(oc, fc.Field.Selections, t) }
	sels := make([]graph.Selection, len(ids))
	for i, id := range ids {
		sels[i] = graph.Selection{Alias: fmt.Sprintf("entity%d", i), Name: "entity", Args: map[string]any{"id": id}, Sub: sub}
	}
	res, err := s.DB.Read(ctx, sels)
	if err != nil {
		return nil, err
	}
	out := make([]graph.Entity, len(ids))
	for i, sel := range sels {
		v, err := res.Get(sel.Alias)
		if err != nil {
			return nil, err
		}
		out[i], _ = v.(graph.Entity)
	}
	return out, nil
}

// under names a problem's field as part of an argument: "name" is "input.name".
func under(arg string) func(string) string {
	return func(f string) string { return arg + f }
}

// citationArgument names the citation at index added (the one addCitation adds) by its
// argument, "citation", and leaves the fact's other fields (prefixed by prefix) as they are.
func citationArgument(added int, prefix string) func(string) string {
	own := fmt.Sprintf("%scitations[%d]", prefix, added)
	return func(f string) string {
		if rest, ok := strings.CutPrefix(f, own); ok {
			return "citation" + rest
		}
		return strings.TrimPrefix(f, prefix)
	}
}

// linkArgument names the problems of a relationship written by link (or addCitation,
// whose citation is at index added) by the mutation's arguments: its ends are from and
// to, its citations citations, and its properties properties.from, properties.role, ...
func linkArgument(added int) func(string) string {
	cite := citationArgument(added, "link.")
	return func(f string) string {
		rest, ok := strings.CutPrefix(f, "link.")
		switch {
		case !ok:
			return f
		case rest == "source":
			return "from"
		case rest == "target":
			return "to"
		case rest == "type", strings.HasPrefix(rest, "citations"):
			return cite(f)
		}
		return "properties." + rest
	}
}

func (s *Server) addSource(ctx context.Context, in *graph.EntityInput) (*graph.Source, error) {
	if kind, _ := graph.KindOfID(in.ID); kind != graph.KindSource {
		return nil, &graph.Error{Code: graph.EINVALID, Path: "input.id", Message: fmt.Sprintf("input.id: a source's id starts with source:, not %q", in.ID)}
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

func (s *Server) unmergeEntities(ctx context.Context, keep, drop string) ([]graph.Entity, error) {
	if err := requireRole(ctx, graph.RoleEditor); err != nil {
		return nil, err
	}
	if err := s.DB.UnmergeEntities(ctx, identity(ctx).Name, keep, drop); err != nil {
		return nil, err
	}
	return s.readEntities(ctx, keep, drop)
}
