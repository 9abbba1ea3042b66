package graph

import (
	"strings"
)

// neighborhood walks breadth first, one CALL per level, so that each level sees only
// nodes not reached before and stops at the limit instead of enumerating paths.
func (c *compiler) neighborhood(f Selection) (rootPlan, string, error) {
	plan := rootPlan{alias: f.Alias}
	id := str(f.Args["id"])
	depth, err := intArg(f.Args, "depth", 1, MaxDepth, f.Alias)
	if err != nil {
		return plan, "", err
	}
	limit, err := intArg(f.Args, "limit", 200, MaxNeighbours, f.Alias)
	if err != nil {
		return plan, "", err
	}
	s := c.newVar("s")
	r := c.newVar("r")
	conds, err := c.edgeConds(r, f.Args, f.Alias)
	if err != nil {
		return plan, "", err
	}
	types := relTypesArg(f.Args["relTypes"])
	m := c.newVar("m")
	kinds := "true"
	if list, ok := f.Args["kinds"].([]any); ok && len(list) > 0 {
		kinds = c.kindFilter(m, list)
	}
	var b strings.Builder
	b.WriteString(fill(`{{match}}
WITH {{s}}, CASE WHEN {{s}} IS NULL THEN [] ELSE [{{s}}] END AS seen, CASE WHEN {{s}} IS NULL THEN [] ELSE [{{s}}] END AS frontier, false AS truncated
`, slots{"match": c.matchEntity(s, id), "s": s}))
	level := slots{"s": s, "r": r, "types": types, "m": m, "conds": conds, "kinds": kinds, "limit": limit, "ask": limit + 2}
	for range depth {
		b.WriteString(fill(`CALL (frontier, seen) { UNWIND frontier AS f MATCH (f)-[{{r}}:{{types}}]-({{m}})
  WHERE NOT {{m}} IN seen AND {{conds}} AND {{m}}.confidence <> 'RETRACTED' AND {{kinds}}
  WITH DISTINCT {{m}} ORDER BY {{m}}.id LIMIT {{ask}} RETURN collect({{m}}) AS next }
WITH {{s}}, seen, truncated OR size(seen) + size(next) > {{limit}} + 1 AS truncated, next[0..{{limit}} + 1 - size(seen)] AS next
WITH {{s}}, seen + next AS seen, next AS frontier, truncated
`, level))
	}
	fields := []Selection{}
	if f.Sub != nil {
		fields = f.Sub("Subgraph")
	}
	edgeFields := []Selection{}
	if sub, ok := mergeSub(fields, "edges"); ok {
		edgeFields = sub("GraphEdge")
	}
	e := c.newVar("e")
	edgeProj, cp, err := c.graphEdgeProj(e, edgeFields, f.Alias+".edges")
	if err != nil {
		return plan, "", err
	}
	econds, _ := c.edgeConds(e, f.Args, f.Alias)
	a, z, n := c.newVar("a"), c.newVar("z"), c.newVar("n")
	b.WriteString(fill(`CALL (seen) { UNWIND seen AS {{a}} MATCH ({{a}})-[{{e}}:{{types}}]->({{z}}) WHERE {{z}} IN seen AND {{conds}} RETURN collect(DISTINCT {{e}}) AS edges }
RETURN {found: {{s}} IS NOT NULL, truncated: truncated, nodes: [{{n}} IN seen | {{node}}], edges: [{{e}} IN edges | {{edge}}]}`,
		slots{"a": a, "e": e, "types": types, "z": z, "conds": econds, "s": s, "n": n, "node": graphNodeProj(n), "edge": edgeProj}))
	plan.decode = func(v any) (any, error) {
		m, _ := v.(map[string]any)
		if found, _ := m["found"].(bool); !found {
			return nil, Errorf(ENOTFOUND, "no entity %q", id)
		}
		sg := &Subgraph{Truncated: m["truncated"] == true}
		for _, n := range m["nodes"].([]any) {
			sg.Nodes = append(sg.Nodes, decodeGraphNode(n))
		}
		for _, e := range m["edges"].([]any) {
			sg.Edges = append(sg.Edges, decodeGraphEdge(e, cp))
		}
		return sg, nil
	}
	return plan, b.String(), nil
}
