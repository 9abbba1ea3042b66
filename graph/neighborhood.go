package graph

import (
	"fmt"
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
	b.WriteString(c.matchEntity(s, id) + "\n")
	fmt.Fprintf(&b, "WITH %s, CASE WHEN %s IS NULL THEN [] ELSE [%s] END AS seen, CASE WHEN %s IS NULL THEN [] ELSE [%s] END AS frontier, false AS truncated\n", s, s, s, s, s)
	for level := 1; level <= depth; level++ {
		fmt.Fprintf(&b, `CALL { WITH frontier, seen UNWIND frontier AS f MATCH (f)-[%s:%s]-(%s)
  WHERE NOT %s IN seen AND %s AND %s.confidence <> 'RETRACTED' AND %s
  WITH DISTINCT %s ORDER BY %s.id LIMIT %d RETURN collect(%s) AS next }
WITH %s, seen, truncated OR size(seen) + size(next) > %d + 1 AS truncated, next[0..%d + 1 - size(seen)] AS next
WITH %s, seen + next AS seen, next AS frontier, truncated
`, r, types, m, m, conds, m, kinds, m, m, limit+2, m, s, limit, limit, s)
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
	fmt.Fprintf(&b, `CALL { WITH seen UNWIND seen AS %s MATCH (%s)-[%s:%s]->(%s) WHERE %s IN seen AND %s RETURN collect(DISTINCT %s) AS edges }
RETURN {found: %s IS NOT NULL, truncated: truncated, nodes: [%s IN seen | %s], edges: [%s IN edges | %s]}`,
		a, a, e, types, z, z, econds, e, s, n, graphNodeProj(n), e, edgeProj)
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
