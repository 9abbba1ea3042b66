package graph

// expandStats counts an entity's relationships by type, direction and neighbour kind.
func (c *compiler) expandStats(f Selection) (rootPlan, string, error) {
	plan := rootPlan{alias: f.Alias}
	id := str(f.Args["id"])
	s, r, m := c.newVar("s"), c.newVar("r"), c.newVar("m")
	conds, err := c.edgeConds(r, f.Args, f.Alias)
	if err != nil {
		return plan, "", err
	}
	labels := make([]string, len(EntityKinds))
	for i, k := range EntityKinds {
		labels[i] = k.Label()
	}
	cypher := fill(`{{match}}
CALL ({{s}}) {
  MATCH ({{s}})-[{{r}}:{{types}}]-({{m}}) WHERE {{conds}} AND {{m}}.confidence <> 'RETRACTED'
  WITH {{r}}, {{m}}, CASE WHEN startNode({{r}}) = {{s}} THEN 'OUT' ELSE 'IN' END AS direction
  WITH type({{r}}) AS type, head([l IN labels({{m}}) WHERE l IN {{labels}}]) AS label, direction, count(*) AS n
  ORDER BY type, direction, label
  RETURN collect({type: type, label: label, direction: direction, n: n}) AS stats }
RETURN {found: {{s}} IS NOT NULL, stats: stats}`,
		slots{"match": c.matchEntity(s, id), "s": s, "r": r, "types": relTypesArg(nil), "m": m, "conds": conds, "labels": c.param(labels)})
	plan.decode = func(v any) (any, error) {
		res, _ := v.(map[string]any)
		if found, _ := res["found"].(bool); !found {
			return nil, Errorf(ENOTFOUND, "no entity %q", id)
		}
		out := []*ExpandStat{}
		for _, row := range res["stats"].([]any) {
			st := row.(map[string]any)
			n, _ := st["n"].(int64)
			kind := KindPerson
			for _, k := range EntityKinds {
				if k.Label() == str(st["label"]) {
					kind = k
				}
			}
			out = append(out, &ExpandStat{RelType: RelType(str(st["type"])), Kind: kind,
				Direction: EdgeDirection(str(st["direction"])), Count: int(n)})
		}
		return out, nil
	}
	return plan, cypher, nil
}
