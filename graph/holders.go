package graph

// holders compiles holders(position, asOf): the tenures of a post, those known to overlap
// asOf when it is given. An unknown position is ENOTFOUND.
func (c *compiler) holders(f Selection) (rootPlan, string, error) {
	plan := rootPlan{alias: f.Alias}
	id := str(f.Args["position"])
	p := c.newVar("p")
	spec := relFields[KindPosition]["holders"]
	args := map[string]any{"asOf": f.Args["asOf"], "minConfidence": f.Args["minConfidence"],
		"includeRetracted": f.Args["includeRetracted"], "first": MaxFirst}
	list, rp, err := c.relation(p, KindPosition, spec, Selection{Alias: f.Alias, Name: "holders", Args: args, Sub: f.Sub}, f.Alias)
	if err != nil {
		return plan, "", err
	}
	plan.decode = func(v any) (any, error) {
		m, _ := v.(map[string]any)
		if found, _ := m["found"].(bool); !found {
			return nil, Errorf(ENOTFOUND, "no position %q", id)
		}
		return rp.decode(m["tenures"]), nil
	}
	return plan, fill(`OPTIONAL MATCH ({{p}}:Position {id: {{id}}})
RETURN {found: {{p}} IS NOT NULL, tenures: {{tenures}}}`, slots{"p": p, "id": c.param(id), "tenures": list}), nil
}
