package graph

import (
	"fmt"
	"strings"
)

// scalarProperties are the where fields that compare one property with a StringFilter
// or IDFilter, and the property each reads.
var scalarProperties = map[string]string{
	"id": "id", "name": "name", "description": "description", "title": "title", "publisher": "publisher",
	"text": "text",
}

// dateRangeFields are the where fields that match entities whose dates overlap a range.
var dateRangeFields = map[string]bool{"when": true, "date": true, "published": true}

// where compiles a where input on the node in v into a Cypher condition.
func (c *compiler) where(kind EntityKind, v string, w map[string]any, path string) (string, error) {
	var conds []string
	for _, key := range sortedKeys(w) {
		val := w[key]
		if val == nil {
			continue
		}
		p := path + "." + key
		var cond string
		var err error
		switch {
		case key == "AND" || key == "OR":
			cond, err = c.combine(kind, v, val, key, p)
		case key == "NOT":
			m, _ := val.(map[string]any)
			cond, err = c.where(kind, v, m, p)
			cond = "NOT (" + cond + ")"
		case scalarProperties[key] != "":
			cond, err = c.compare(v+"."+scalarProperties[key], val, p)
		case oneOf(kind, factKinds[key].kinds):
			x := c.newVar("f")
			cond, err = c.compare(x, val, p)
			cond = fmt.Sprintf("any(%s IN coalesce(%s.%s, []) WHERE %s)", x, v, factKinds[key].stored, cond)
		case key == "alias":
			a := c.newVar("a")
			cond, err = c.compare(a, val, p)
			cond = fmt.Sprintf("any(%s IN %s.aliases WHERE %s)", a, v, cond)
		case key == "confidence":
			cond, err = c.confidenceFilter(v, val, p)
		case key == "kind" && kind == KindEntityAny:
			cond = c.kindFilter(v, val)
		case key == "kind":
			cond, err = c.compare(v+".kind", val, p)
		case dateRangeFields[key]:
			cond, err = c.dateRange(v, val, p)
		case key == "victims":
			cond, err = c.compare(v+".victims", val, p)
		default:
			spec, ok := relFields[kind][key]
			if !ok {
				return "", badArg(p, "unknown filter field %q", key)
			}
			cond, err = c.relationFilter(v, spec, val, p)
		}
		if err != nil {
			return "", err
		}
		conds = append(conds, cond)
	}
	if len(conds) == 0 {
		return "true", nil
	}
	return "(" + strings.Join(conds, " AND ") + ")", nil
}

// KindEntityAny stands for "any kind" in filters on the far end of a relationship.
const KindEntityAny EntityKind = ""

func (c *compiler) combine(kind EntityKind, v string, val any, op, path string) (string, error) {
	list, _ := val.([]any)
	if len(list) == 0 {
		return "true", nil
	}
	parts := make([]string, len(list))
	for i, item := range list {
		m, _ := item.(map[string]any)
		cond, err := c.where(kind, v, m, fmt.Sprintf("%s[%d]", path, i))
		if err != nil {
			return "", err
		}
		parts[i] = cond
	}
	return "(" + strings.Join(parts, " "+op+" ") + ")", nil
}

// compare compiles a StringFilter, IDFilter, IntFilter or enum filter on expr.
func (c *compiler) compare(expr string, val any, path string) (string, error) {
	ops, _ := val.(map[string]any)
	var conds []string
	for _, op := range sortedKeys(ops) {
		arg := ops[op]
		if arg == nil {
			continue
		}
		var cypherOp string
		switch op {
		case "eq":
			cypherOp = "="
		case "in":
			cypherOp = "IN"
		case "contains":
			cypherOp = "CONTAINS"
		case "startsWith":
			cypherOp = "STARTS WITH"
		case "lt":
			cypherOp = "<"
		case "lte":
			cypherOp = "<="
		case "gt":
			cypherOp = ">"
		case "gte":
			cypherOp = ">="
		default:
			return "", badArg(path+"."+op, "unknown operator %q", op)
		}
		if op == "contains" { // as a reader searches: Raisi, raisi and RAISI alike
			conds = append(conds, fmt.Sprintf("toLower(%s) CONTAINS toLower(%s)", expr, c.param(normalize(arg))))
			continue
		}
		conds = append(conds, fmt.Sprintf("%s %s %s", expr, cypherOp, c.param(normalize(arg))))
	}
	if len(conds) == 0 {
		return "true", nil
	}
	return "(" + strings.Join(conds, " AND ") + ")", nil
}

// normalize turns request values into what the driver sends: ints as int64, lists of
// strings as []string.
func normalize(v any) any {
	switch x := v.(type) {
	case []any:
		out := make([]any, len(x))
		for i, e := range x {
			out[i] = normalize(e)
		}
		return out
	default:
		if n, ok := toInt(v); ok {
			if _, isString := v.(string); !isString {
				return int64(n)
			}
		}
	}
	return v
}

func (c *compiler) confidenceFilter(v string, val any, path string) (string, error) {
	in, _ := val.(map[string]any)
	ops := map[string]any{}
	for k, x := range in {
		if k != "atLeast" {
			ops[k] = x
		}
	}
	var conds []string
	if least := str(in["atLeast"]); least != "" {
		conds = append(conds, c.confidenceAtLeast(v, least, true))
	}
	cond, err := c.compare(v+".confidence", ops, path)
	if err != nil {
		return "", err
	}
	return strings.Join(append(conds, cond), " AND "), nil
}

func (c *compiler) kindFilter(v string, val any) string {
	list, _ := val.([]any)
	var labels []string
	for _, k := range list {
		if l := EntityKind(str(k)).Label(); l != "" {
			labels = append(labels, v+":"+l)
		}
	}
	if len(labels) == 0 {
		return "true"
	}
	return "(" + strings.Join(labels, " OR ") + ")"
}

// dateRange keeps entities with a known date whose interval overlaps the range, and with
// undated: true those with no date.
func (c *compiler) dateRange(v string, val any, path string) (string, error) {
	m, _ := val.(map[string]any)
	var iv Interval
	var err error
	if iv.From, err = ParseDate(str(m["from"])); err != nil {
		return "", badArg(path+".from", "%s", ErrorMessage(err))
	}
	if iv.To, err = ParseDate(str(m["to"])); err != nil {
		return "", badArg(path+".to", "%s", ErrorMessage(err))
	}
	if err := iv.Validate(); err != nil {
		return "", badArg(path, "%s", ErrorMessage(err))
	}
	if m["undated"] == true {
		return fmt.Sprintf("(%s OR (%s.validFrom IS NULL AND %s.validTo IS NULL))", c.overlaps(v, iv), v, v), nil
	}
	return "(" + c.overlaps(v, iv) + ")", nil
}

// relationFilter compiles {some, none} on a relation field into EXISTS subqueries.
func (c *compiler) relationFilter(v string, spec relSpec, val any, path string) (string, error) {
	m, _ := val.(map[string]any)
	var conds []string
	for _, q := range []string{"some", "none"} {
		rw, ok := m[q].(map[string]any)
		if !ok {
			continue
		}
		r, far := c.newVar("r"), c.newVar("m")
		pattern := fmt.Sprintf("(%s)-[%s:%s]->(%s)", v, r, spec.typ, far)
		if !spec.out {
			pattern = fmt.Sprintf("(%s)<-[%s:%s]-(%s)", v, r, spec.typ, far)
		}
		inner := []string{}
		if role, ok := rw["role"]; ok && role != nil {
			cond, err := c.compare(r+".role", role, path+"."+q+".role")
			if err != nil {
				return "", err
			}
			inner = append(inner, cond)
		}
		facts, err := c.linkFactFilters(r, rw, path+"."+q)
		if err != nil {
			return "", err
		}
		inner = append(inner, facts...)
		args := map[string]any{"asOf": rw["asOf"]}
		if conf, ok := rw["confidence"]; ok && conf != nil {
			cond, err := c.confidenceFilter(r, conf, path+"."+q+".confidence")
			if err != nil {
				return "", err
			}
			inner = append(inner, cond)
			args["includeRetracted"] = true
		}
		conds2, err := c.relationArgs(r, far, args, path+"."+q)
		if err != nil {
			return "", err
		}
		inner = append(inner, conds2...)
		if node, ok := rw["node"].(map[string]any); ok {
			cond, err := c.where(KindEntityAny, far, node, path+"."+q+".node")
			if err != nil {
				return "", err
			}
			inner = append(inner, cond)
		}
		exists := fmt.Sprintf("EXISTS { MATCH %s WHERE %s }", pattern, strings.Join(inner, " AND "))
		if q == "none" {
			exists = "NOT " + exists
		}
		conds = append(conds, exists)
	}
	if len(conds) == 0 {
		return "true", nil
	}
	return strings.Join(conds, " AND "), nil
}

// indexOrder is a condition true of every entity that lets Neo4j read a page in an
// index's order and stop after the page (PartialTop over a range index scan) instead of
// reading and sorting every node of the label: "n.name IS NOT NULL" (or n.id) when the page is
// ordered first by name (the default) or id, which every entity has (validateBase
// refuses one without) and an index holds (<label>_name, <label>_id). Without a
// predicate on the property the planner does not use its index for ORDER BY. "" for
// other orders, where nodes without the property would be left out.
func indexOrder(kind EntityKind, n string, arg any) string {
	prop := "name"
	if list, _ := arg.([]any); len(list) > 0 {
		m, _ := list[0].(map[string]any)
		prop = orderProperties[str(m["field"])][kind]
	}
	if prop != "name" && prop != "id" {
		return ""
	}
	return n + "." + prop + " IS NOT NULL"
}
