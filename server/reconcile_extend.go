package server

import (
	"net/http"
	"strconv"
	"strings"

	"github.com/accgraph/accgraph/graph"
)

// Data extension: the properties OpenRefine may add as columns to reconciled rows, and
// their values (`extend` on POST /reconcile).

// extendProperty is a property data extension serves, with how a card gives its values.
type extendProperty struct {
	ID, Name string
	kinds    []graph.EntityKind // the kinds that have it; nil: every kind
	values   func(graph.Card) []string
}

var extendProperties = []extendProperty{
	{"kind", "Kind", nil, func(c graph.Card) []string { return []string{string(c.Kind)} }},
	{"type", "Type (an organization's or event's kind)", []graph.EntityKind{graph.KindOrganization, graph.KindEvent},
		func(c graph.Card) []string { return nonEmpty(c.Subkind) }},
	{"description", "Description", nil, func(c graph.Card) []string { return nonEmpty(c.Description) }},
	{"aliases", "Aliases", nil, func(c graph.Card) []string { return c.Aliases }},
	{"posts", "Posts held", []graph.EntityKind{graph.KindPerson}, func(c graph.Card) []string { return c.Positions }},
	{"organizations", "Organizations (member of, or of a post held)", []graph.EntityKind{graph.KindPerson},
		func(c graph.Card) []string { return c.Organizations }},
	{"countries", "Countries (ISO 3166 codes)", nil, func(c graph.Card) []string { return c.Countries }},
}

func nonEmpty(s string) []string {
	if s == "" {
		return nil
	}
	return []string{s}
}

type propertyRef struct {
	ID   string `json:"id"`
	Name string `json:"name"`
}

// handleExtendPropose is GET /reconcile/extend/propose?type=PERSON: the properties a
// column of that type can be extended with.
func (s *Server) handleExtendPropose(w http.ResponseWriter, r *http.Request) {
	t := r.URL.Query().Get("type")
	var kinds []graph.EntityKind
	if t != "" {
		var err error
		if kinds, err = kindsOf(t); err != nil {
			s.writeError(w, r, graph.Errorf(graph.EINVALID, "type: %v", err))
			return
		}
	}
	limit := len(extendProperties)
	if l := r.URL.Query().Get("limit"); l != "" {
		n, err := strconv.Atoi(l)
		if err != nil || n < 0 {
			s.writeError(w, r, graph.Errorf(graph.EINVALID, "limit %.60q is not a count", l))
			return
		}
		limit = min(n, limit)
	}
	props := []propertyRef{}
	for _, p := range extendProperties {
		if len(props) < limit && appliesTo(p, kinds) {
			props = append(props, propertyRef{p.ID, p.Name})
		}
	}
	s.writeJSONP(w, r, map[string]any{"type": t, "limit": limit, "properties": props})
}

// appliesTo reports whether some entity of the kinds (nil: any) may have the property.
func appliesTo(p extendProperty, kinds []graph.EntityKind) bool {
	if p.kinds == nil || kinds == nil {
		return true
	}
	for _, k := range kinds {
		for _, pk := range p.kinds {
			if k == pk {
				return true
			}
		}
	}
	return false
}

type extendQuery struct {
	IDs        []string `json:"ids"`
	Properties []struct {
		ID string `json:"id"`
	} `json:"properties"`
}

// answerExtend answers a data extension query {"ids": [...], "properties": [{"id"}]}
// with {"meta": [...], "rows": {id: {property: [{"str": value}]}}}, reading every id in
// one statement. An unknown id gets an empty row.
func (s *Server) answerExtend(w http.ResponseWriter, r *http.Request, data []byte) {
	var q extendQuery
	if err := decodeJSON(unquote(data), "extend", &q); err != nil {
		s.writeMatchError(w, r, err)
		return
	}
	bad := func(format string, args ...any) {
		s.writeError(w, r, graph.Errorf(graph.EINVALID, "extend: "+format, args...))
	}
	switch {
	case len(q.IDs) == 0:
		bad("no ids: give the ids of reconciled entities")
		return
	case len(q.IDs) > graph.MaxMatchQueries:
		bad("%d ids, at most %d are accepted: split the batch", len(q.IDs), graph.MaxMatchQueries)
		return
	case len(q.Properties) == 0:
		bad("no properties: give at least one of %s", extendPropertyIDs())
		return
	case len(q.Properties) > len(extendProperties):
		bad("%d properties, there are only %d", len(q.Properties), len(extendProperties))
		return
	}
	for _, id := range q.IDs {
		if len(id) > graph.MaxMatchValueBytes {
			bad("an id of %d bytes, at most %d are accepted", len(id), graph.MaxMatchValueBytes)
			return
		}
	}
	props := make([]extendProperty, len(q.Properties))
	meta := make([]propertyRef, len(q.Properties))
	for i, p := range q.Properties {
		found := false
		for _, ep := range extendProperties {
			if ep.ID == p.ID {
				props[i], meta[i], found = ep, propertyRef{ep.ID, ep.Name}, true
			}
		}
		if !found {
			bad("unknown property %.60q: want one of %s", p.ID, extendPropertyIDs())
			return
		}
	}
	cards, err := s.DB.Cards(r.Context(), q.IDs)
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	rows := make(map[string]map[string][]map[string]string, len(q.IDs))
	for _, id := range q.IDs {
		row := map[string][]map[string]string{}
		card, ok := cards[id]
		for _, p := range props {
			row[p.ID] = []map[string]string{}
			if !ok {
				continue
			}
			for _, v := range p.values(card) {
				row[p.ID] = append(row[p.ID], map[string]string{"str": v})
			}
		}
		rows[id] = row
	}
	s.writeJSONP(w, r, map[string]any{"meta": meta, "rows": rows})
}

func extendPropertyIDs() string {
	ids := make([]string, len(extendProperties))
	for i, p := range extendProperties {
		ids[i] = p.ID
	}
	return strings.Join(ids, ", ")
}
