package graph

import (
	"fmt"
	"strings"
)

// Connection is a Relay page of entities of one kind.
type Connection struct {
	Edges      []*ConnectionEdge
	PageInfo   *PageInfo
	TotalCount int
}

// ConnectionEdge is one entity of a page with its cursor.
type ConnectionEdge struct {
	Cursor string
	Node   Entity
}

// PageInfo says where a page stands.
type PageInfo struct {
	HasNextPage     bool
	HasPreviousPage bool
	StartCursor     *string
	EndCursor       *string
}

var connectionKinds = map[string]EntityKind{
	"people": KindPerson, "organizations": KindOrganization, "positions": KindPosition,
	"events": KindEvent, "verdicts": KindVerdict, "sources": KindSource,
	"statements": KindStatement, "places": KindPlace,
}

// orderProperties maps the OrderField enum to the property each kind sorts on.
var orderProperties = map[string]map[EntityKind]string{
	"ID": {KindPerson: "id", KindOrganization: "id", KindPosition: "id", KindEvent: "id", KindVerdict: "id", KindSource: "id",
		KindStatement: "id", KindPlace: "id"},
	"NAME": {KindPerson: "name", KindOrganization: "name", KindPosition: "name", KindEvent: "name", KindVerdict: "name", KindSource: "name",
		KindStatement: "name", KindPlace: "name"},
	"KIND":      {KindOrganization: "kind", KindEvent: "kind", KindSource: "kind"},
	"DATE":      {KindEvent: "validFrom", KindVerdict: "validFrom", KindStatement: "validFrom"},
	"VICTIMS":   {KindEvent: "victims"},
	"TITLE":     {KindSource: "title"},
	"PUBLISHED": {KindSource: "validFrom"},
}

// connection compiles people, organizations, ... : one filtered, ordered page, plus a
// count of all matches (count(), never a collected list) when totalCount is asked.
func (c *compiler) connection(f Selection) (rootPlan, string, error) {
	kind := connectionKinds[f.Name]
	n := c.newVar("n")
	plan := rootPlan{alias: f.Alias}
	where := "true"
	if w, ok := f.Args["where"].(map[string]any); ok {
		var err error
		if where, err = c.where(kind, n, w, f.Alias+".where"); err != nil {
			return plan, "", err
		}
		if _, ok := w["confidence"]; !ok {
			where += " AND " + n + ".confidence <> 'RETRACTED'"
		}
	} else {
		where = n + ".confidence <> 'RETRACTED'"
	}
	order, err := orderBy(kind, n, f.Args["orderBy"], f.Alias+".orderBy")
	if err != nil {
		return plan, "", err
	}
	first, err := firstArg(f.Args, 50, f.Alias)
	if err != nil {
		return plan, "", err
	}
	offset := 0
	if after := str(f.Args["after"]); after != "" {
		off, err := parseCursor(after)
		if err != nil {
			return plan, "", badArg(f.Alias+".after", "%v", err)
		}
		offset = off + 1
	}

	var fields []Selection
	if f.Sub != nil {
		fields = f.Sub(kind.Label() + "Connection")
	}
	nodeSub := func(t string) []Selection { return nil }
	if edges, ok := mergeSub(fields, "edges"); ok {
		if node, ok := mergeSub(edges(kind.Label()+"Edge"), "node"); ok {
			nodeSub = node
		}
	}
	proj, np, err := c.node(n, []EntityKind{kind}, nodeSub, f.Alias+".edges.node")
	if err != nil {
		return plan, "", err
	}
	wantTotal := hasField(fields, "totalCount")

	match := fill("MATCH ({{n}}:{{label}}) WHERE {{where}}", slots{"n": n, "label": kind.Label(), "where": where})
	total := "WITH 0 AS total"
	if wantTotal {
		total = fill("CALL () { {{match}} RETURN count({{n}}) AS total }", slots{"match": match, "n": n})
	}
	page := match
	if hint := indexOrder(kind, n, f.Args["orderBy"]); hint != "" {
		page += " AND " + hint
	}
	cypher := fill(`{{total}}
CALL () { {{page}} WITH {{n}} ORDER BY {{order}} SKIP {{skip}} LIMIT {{limit}} RETURN collect({{node}}) AS nodes }
RETURN {total: total, nodes: nodes}`,
		slots{"total": total, "page": page, "n": n, "order": order, "skip": c.param(offset), "limit": c.param(first + 1), "node": proj})

	plan.decode = func(v any) (any, error) {
		m, _ := v.(map[string]any)
		nodes, _ := m["nodes"].([]any)
		total, _ := m["total"].(int64)
		conn := &Connection{TotalCount: int(total), PageInfo: &PageInfo{HasPreviousPage: offset > 0}}
		if len(nodes) > first {
			nodes = nodes[:first]
			conn.PageInfo.HasNextPage = true
		}
		for i, node := range nodes {
			conn.Edges = append(conn.Edges, &ConnectionEdge{Cursor: cursor(offset + i), Node: np.decode(node)})
		}
		if len(conn.Edges) > 0 {
			conn.PageInfo.StartCursor = &conn.Edges[0].Cursor
			conn.PageInfo.EndCursor = &conn.Edges[len(conn.Edges)-1].Cursor
		}
		return conn, nil
	}
	return plan, cypher, nil
}

func hasField(fields []Selection, name string) bool {
	for _, f := range fields {
		if f.Name == name {
			return true
		}
	}
	return false
}

// orderBy compiles the orderBy argument; ties always break on id, so pages are stable.
func orderBy(kind EntityKind, n string, arg any, path string) (string, error) {
	list, _ := arg.([]any)
	var keys []string
	for i, o := range list {
		m, _ := o.(map[string]any)
		field, dir := str(m["field"]), str(m["direction"])
		prop, ok := orderProperties[field][kind]
		if !ok {
			return "", badArg(fmt.Sprintf("%s[%d].field", path, i), "%s cannot be ordered by %s", kind, field)
		}
		if dir != "DESC" {
			dir = "ASC"
		}
		keys = append(keys, n+"."+prop+" "+dir)
	}
	if len(keys) == 0 {
		keys = append(keys, n+".name ASC")
	}
	return strings.Join(append(keys, n+".id ASC"), ", "), nil
}
