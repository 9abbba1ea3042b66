package graph

import (
	"fmt"
)

type citationPlan struct {
	keys     shape
	source   *nodePlan
	claimant *nodePlan
}

// citations projects the citations of the node or relationship in x, with their source
// and claimant as asked.
func (c *compiler) citations(x string, fields []Selection, path string) (string, *citationPlan, error) {
	sub, _ := mergeSub(fields, "citations")
	var cfields []Selection
	if sub != nil {
		cfields = sub("Citation")
	}
	cv := c.newVar("c")
	body, cp, err := c.citation(cv, fmt.Sprintf("(%s:Citation {about: %s.id})", cv, x), cfields, path)
	if err != nil {
		return "", nil, err
	}
	return fmt.Sprintf("COLLECT { %s ORDER BY %s.id }", body, cv), cp, nil
}

// citation is the body of a subquery that projects the citation matched by pattern (in
// variable cv, which may be bound outside) with its source and claimant as cfields ask:
// "MATCH ... RETURN ... AS citation".
func (c *compiler) citation(cv, pattern string, cfields []Selection, path string) (string, *citationPlan, error) {
	sv, ev := c.newVar("s"), c.newVar("e")
	cp := &citationPlan{}
	var parts []part
	if s, ok := mergeSub(cfields, "source"); ok {
		expr, np, err := c.node(sv, []EntityKind{KindSource}, s, path+".source")
		if err != nil {
			return "", nil, err
		}
		cp.source = np
		parts = append(parts, part{"__source", expr})
	}
	claimant := ""
	if s, ok := mergeSub(cfields, "claimedBy"); ok {
		expr, np, err := c.node(ev, EntityKinds, s, path+".claimedBy")
		if err != nil {
			return "", nil, err
		}
		cp.claimant = np
		parts = append(parts, part{"__claimant", expr})
		claimant = fmt.Sprintf(" OPTIONAL MATCH (%s)-[:CLAIMED_BY]->(%s)", cv, ev)
	}
	proj, keys := projection(cv, cfields, nil, parts)
	cp.keys = keys
	return fmt.Sprintf("MATCH %s-[:FROM_SOURCE]->(%s:Source)%s RETURN %s AS citation",
		pattern, sv, claimant, proj), cp, nil
}

func (cp *citationPlan) decode(v any) []Citation {
	items, _ := v.([]any)
	out := make([]Citation, 0, len(items))
	for _, it := range items {
		props := cp.keys.record(it)
		c := Citation{
			ID: str(props.get("id")), Quote: str(props.get("quote")), Locator: str(props.get("locator")),
			Confidence: Confidence(str(props.get("confidence"))), Accessed: readDate(props.get("accessed")),
			Checked: props.get("checked") == true, Stance: stanceOf(str(props.get("stance"))),
		}
		if cp.source != nil {
			c.SourceNode, _ = cp.source.decode(props.get("__source")).(*Source)
			if c.SourceNode != nil {
				c.Source = c.SourceNode.ID
			}
		}
		if cp.claimant != nil {
			c.Claimant = cp.claimant.decode(props.get("__claimant"))
			if c.Claimant != nil {
				c.ClaimedBy = c.Claimant.Common().ID
			}
		}
		out = append(out, c)
	}
	return out
}
