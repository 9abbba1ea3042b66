package graph

import (
	"fmt"
	"strings"
)

// claims compiles what an entity asserts: the statements it made (STATED) and every
// citation whose claimant it is, one per fact it supports, statements first. They are
// mentions whose saidBy is the entity; an id of no known kind, or of no entity, has none.
func (c *compiler) claims(f Selection) (rootPlan, string, error) {
	plan := rootPlan{alias: f.Alias}
	first, err := firstArg(f.Args, 50, f.Alias)
	if err != nil {
		return plan, "", err
	}
	kind, ok := kindOfID(str(f.Args["by"]))
	if !ok || first == 0 {
		plan.skip = true
		plan.decode = func(any) (any, error) { return []*Mention{}, nil }
		return plan, "", nil
	}
	by, m := c.newVar("by"), c.newVar("m")
	proj, decode, err := c.mentionProjection(m, f)
	if err != nil {
		return plan, "", err
	}
	ls, types := strings.Join(labels(), "|"), relTypeNames()
	// a citation of a RETRACTED entity or relationship is as withdrawn as what it supports
	cypher := fmt.Sprintf(`OPTIONAL MATCH (%s:%s {id: %s})
CALL (%s) {
  MATCH (%s)-[r:STATED]->(%s:Statement) WHERE r.confidence <> 'RETRACTED' RETURN %s
  UNION
  MATCH (%s:Citation)-[:CLAIMED_BY]->(%s) RETURN %s
}
WITH %s WHERE coalesce(%s.confidence, '') <> 'RETRACTED' AND (%s:Statement OR NOT EXISTS { MATCH (x:%s {id: %s.about}) WHERE x.confidence = 'RETRACTED' }
  AND NOT EXISTS { MATCH ()-[r:%s {id: %s.about}]->() WHERE r.confidence = 'RETRACTED' })
WITH %s ORDER BY CASE WHEN %s:Statement THEN 0 ELSE 1 END, %s.about, %s.id LIMIT %s
RETURN collect({quote: coalesce(%s.text, %s.quote), %s})`,
		by, kind.Label(), c.param(str(f.Args["by"])), by, by, m, m, m, by, m,
		m, m, m, ls, m, types, m, m, m, m, m, c.param(first), m, m, proj)
	plan.decode = func(v any) (any, error) {
		rows, _ := v.([]any)
		out := make([]*Mention, 0, len(rows))
		for _, row := range rows {
			out = append(out, decode(row))
		}
		return out, nil
	}
	return plan, cypher, nil
}
