package graph

import (
	"fmt"
	"strings"
)

// pathRelTypes gives the relationship types a path walks: the argument's, or every type
// but the mentions.
func pathRelTypes(v any) string {
	if list, _ := v.([]any); len(list) > 0 {
		return relTypesArg(v)
	}
	var types []string
	for _, t := range RelTypes {
		if !t.IsMention() {
			types = append(types, string(t))
		}
	}
	return strings.Join(types, "|")
}

// paths finds the k shortest paths (Neo4j's SHORTEST k, a bidirectional breadth-first
// search), so that "shortest first, then further ones up to limit" never enumerates the
// graph. Paths that repeat a node are dropped; limit+1 are asked to tell truncation.
func (c *compiler) paths(f Selection) (rootPlan, string, error) {
	plan := rootPlan{alias: f.Alias}
	from, to := str(f.Args["from"]), str(f.Args["to"])
	maxLength, err := intArg(f.Args, "maxLength", 6, MaxPathLength, f.Alias)
	if err != nil {
		return plan, "", err
	}
	limit, err := intArg(f.Args, "limit", 10, MaxPaths, f.Alias)
	if err != nil {
		return plan, "", err
	}
	a, b, x, y, r, p := c.newVar("a"), c.newVar("b"), c.newVar("x"), c.newVar("y"), c.newVar("r"), c.newVar("p")
	conds, err := c.edgeConds(r, f.Args, f.Alias)
	if err != nil {
		return plan, "", err
	}
	arrow := "-"
	if directed, _ := f.Args["directed"].(bool); directed {
		arrow = "->"
	}
	fields := []Selection{}
	if f.Sub != nil {
		fields = f.Sub("Path")
	}
	pp, err := c.pathParts(fields, nil, f.Alias)
	if err != nil {
		return plan, "", err
	}
	n, nodeProj, e, edgeProj := pp.n, pp.nodeProj, pp.e, pp.edgeProj
	// limit+1 paths tell truncation. k shortest paths are "all shortest first, then longer
	// ones": past the shortest, Neo4j enumerates the paths through every busy node on the
	// way, which is why longer ones are looked for only when asked.
	selector := "ALL SHORTEST"
	if longer, _ := f.Args["longer"].(bool); longer {
		selector = fmt.Sprintf("SHORTEST %d", limit+1)
	}
	cypher := fill(`{{matchFrom}}
{{matchTo}}
CALL ({{a}}, {{b}}) {
  MATCH {{p}} = {{selector}} ({{a}})(({{x}})-[{{r}}:{{types}}]{{arrow}}({{y}}) WHERE {{conds}} AND {{y}}.confidence <> 'RETRACTED'){1,{{maxLength}}}({{b}})
  WHERE {{a}} <> {{b}}
  WITH {{p}} LIMIT {{ask}}
  RETURN collect({nodes: [{{n}} IN nodes({{p}}) | {{node}}], rels: [{{e}} IN relationships({{p}}) | {{edge}}]}) AS found }
RETURN {found: {{a}} IS NOT NULL AND {{b}} IS NOT NULL, paths: found}`, slots{
		"matchFrom": c.matchEntity(a, from), "matchTo": c.matchEntity(b, to),
		"a": a, "b": b, "p": p, "selector": selector, "x": x, "r": r, "types": pathRelTypes(f.Args["relTypes"]), "arrow": arrow,
		"y": y, "conds": conds, "maxLength": maxLength, "ask": limit + 1, "n": n, "node": nodeProj, "e": e, "edge": edgeProj,
	})
	plan.decode = func(v any) (any, error) {
		res, _ := v.(map[string]any)
		if found, _ := res["found"].(bool); !found {
			return nil, Errorf(ENOTFOUND, "no entity %q or %q", from, to)
		}
		var out []*Path
		for _, raw := range res["paths"].([]any) {
			if path := decodePath(raw.(map[string]any), pp.nodes, pp.citations); path != nil {
				out = append(out, path)
			}
		}
		truncated := len(out) > limit
		if truncated {
			out = out[:limit]
		}
		for _, path := range out {
			path.Truncated = truncated
		}
		if out == nil {
			out = []*Path{}
		}
		return out, nil
	}
	return plan, cypher, nil
}

// pathParts projects the nodes and relationships of paths as a Path's selections ask:
// each node bound to n, each relationship to e. extraEdge adds selections to every edge
// (an accountability entry's citations are its steps').
type pathParts struct {
	n, nodeProj string
	e, edgeProj string
	nodes       *nodePlan
	citations   *citationPlan
}

func (c *compiler) pathParts(pathFields, extraEdge []Selection, path string) (*pathParts, error) {
	var stepFields []Selection
	if sub, ok := mergeSub(pathFields, "steps"); ok {
		stepFields = sub("PathStep")
	}
	endSub := func(t string) []Selection {
		var out []Selection
		for _, name := range []string{"from", "to"} {
			if s, ok := mergeSub(stepFields, name); ok {
				out = append(out, s(t)...)
			}
		}
		return out
	}
	pp := &pathParts{n: c.newVar("n"), e: c.newVar("e")}
	var err error
	if pp.nodeProj, pp.nodes, err = c.node(pp.n, EntityKinds, endSub, path+".steps"); err != nil {
		return nil, err
	}
	var edgeFields []Selection
	if sub, ok := mergeSub(stepFields, "edge"); ok {
		edgeFields = sub("GraphEdge")
	}
	if pp.edgeProj, pp.citations, err = c.graphEdgeProj(pp.e, append(edgeFields, extraEdge...), path+".steps.edge"); err != nil {
		return nil, err
	}
	return pp, nil
}

// decodePath builds a path, or nil when it visits a node twice.
func decodePath(raw map[string]any, np *nodePlan, cp *citationPlan) *Path {
	nodes, rels := raw["nodes"].([]any), raw["rels"].([]any)
	seen := map[string]bool{}
	entities := make([]Entity, len(nodes))
	for i, n := range nodes {
		entities[i] = np.decode(n)
		if entities[i] == nil || seen[entities[i].Common().ID] {
			return nil
		}
		seen[entities[i].Common().ID] = true
	}
	path := &Path{Length: len(rels), Confidence: Adjudicated}
	for i, r := range rels {
		edge := decodeGraphEdge(r, cp)
		dir := StepDirection("FORWARD")
		if edge.Source != entities[i].Common().ID {
			dir = "BACKWARD"
		}
		path.Steps = append(path.Steps, &PathStep{From: entities[i], Edge: edge, To: entities[i+1], Direction: dir})
		path.Confidence = Weakest(path.Confidence, edge.Confidence)
	}
	return path
}
