package graph

import (
	"strings"
)

// entity compiles entity(id): the entity of the kind the id's prefix names, or the one a
// merged-away id was merged into; "ftm:<FtM id>" finds an imported entity (ftmEntity). An
// id of no kind is null without asking Neo4j.
func (c *compiler) entity(f Selection) (rootPlan, string, error) {
	plan := rootPlan{alias: f.Alias}
	id := str(f.Args["id"])
	if ftmID, ok := strings.CutPrefix(id, "ftm:"); ok {
		return c.ftmEntity(f, ftmID)
	}
	kind, ok := kindOfID(id)
	if !ok {
		plan.skip = true
		plan.decode = func(any) (any, error) { return Entity(nil), nil }
		return plan, "", nil
	}
	n := c.newVar("n")
	proj, np, err := c.node(n, []EntityKind{kind}, f.Sub, f.Alias)
	if err != nil {
		return plan, "", err
	}
	plan.decode = func(v any) (any, error) { return np.decode(v), nil }
	// a merged-away id resolves to the entity it was merged into
	rd := c.newVar("rd")
	p := c.param(id)
	return plan, fill(`OPTIONAL MATCH ({{rd}}:Redirect {from: {{id}}})
WITH coalesce({{rd}}.to, {{id}}) AS rid
OPTIONAL MATCH ({{n}}:{{label}} {id: rid})
RETURN {{node}}`, slots{"rd": rd, "id": p, "n": n, "label": kind.Label(), "node": proj}), nil
}
