package graph

import (
	"fmt"
	"reflect"
	"strings"
)

type relPlan struct {
	key       string // the key of the list in its node's shape
	alias     string
	spec      relSpec
	list      reflect.Type // of the decoded list: []*Tenure, []*Relation, ...
	keys      shape
	start     *nodePlan // nil when not selected
	end       *nodePlan
	citations *citationPlan
}

// relation compiles a relation list field of the node in v into a COLLECT subquery.
func (c *compiler) relation(v string, near EntityKind, spec relSpec, f Selection, path string) (string, *relPlan, error) {
	r, m := c.newVar("r"), c.newVar("m")
	conds, err := c.relationArgs(r, m, f.Args, path)
	if err != nil {
		return "", nil, err
	}
	first, err := firstArg(f.Args, 50, path)
	if err != nil {
		return "", nil, err
	}
	pattern := fmt.Sprintf("(%s)-[%s:%s]->(%s)", v, r, spec.typ, m)
	if !spec.out {
		pattern = fmt.Sprintf("(%s)<-[%s:%s]-(%s)", v, r, spec.typ, m)
	}
	edge, rp, err := c.edge(r, v, m, near, spec, f.Sub, path)
	if err != nil {
		return "", nil, err
	}
	// By the far end's name, then its id; then, between relationships to the same end
	// (two tenures of one post), by the relationship itself — its place in the store, not
	// its id property, whose read was ~8% of Q3's statement (docs/design.md, step 16).
	return fill("COLLECT { MATCH {{pattern}} WHERE {{conds}} WITH {{v}}, {{r}}, {{m}} ORDER BY {{m}}.name, {{m}}.id, {{r}} LIMIT {{first}} RETURN {{edge}} }",
		slots{"pattern": pattern, "conds": strings.Join(conds, " AND "), "v": v, "r": r, "m": m, "first": c.param(first), "edge": edge}), rp, nil
}

// edge projects the relationship in r between the near node v and the far node m.
func (c *compiler) edge(r, v, m string, near EntityKind, spec relSpec, sub func(string) []Selection, path string) (string, *relPlan, error) {
	rp := &relPlan{spec: spec, list: reflect.SliceOf(reflect.TypeOf(spec.shape.build(EdgeBase{}, nil, nil)))}
	var fields []Selection
	if sub != nil {
		fields = sub(spec.shape.typeName)
	}
	startVar, endVar := v, m
	startKinds, endKinds := []EntityKind{near}, spec.farKinds(near)
	if !spec.out {
		startVar, endVar = m, v
		startKinds, endKinds = endKinds, startKinds
	}
	var parts []part
	for _, end := range []struct {
		name, v string
		kinds   []EntityKind
		plan    **nodePlan
		key     string
	}{
		{spec.shape.start, startVar, startKinds, &rp.start, "__start"},
		{spec.shape.end, endVar, endKinds, &rp.end, "__end"},
	} {
		s, ok := mergeSub(fields, end.name)
		if !ok {
			continue
		}
		expr, np, err := c.node(end.v, end.kinds, s, path+"."+end.name)
		if err != nil {
			return "", nil, err
		}
		*end.plan = np
		parts = append(parts, part{end.key, expr})
	}
	for _, f := range fields {
		if f.Name == "citations" {
			expr, cp, err := c.citations(r, fields, path+".citations")
			if err != nil {
				return "", nil, err
			}
			rp.citations = cp
			parts = append(parts, part{"__citations", expr})
			break
		}
	}
	expr, keys := projection(r, fields, nil, parts)
	rp.keys = keys
	return expr, rp, nil
}

// relationArgs compiles asOf, minConfidence and includeRetracted on the relationship r
// and the far node m.
func (c *compiler) relationArgs(r, m string, args map[string]any, path string) ([]string, error) {
	var conds []string
	if s := str(args["asOf"]); s != "" {
		d, err := ParseDate(s)
		if err != nil {
			return nil, badArg(path+".asOf", "%s", ErrorMessage(err))
		}
		conds = append(conds, c.overlaps(r, At(d)))
	}
	retracted, _ := args["includeRetracted"].(bool)
	conds = append(conds, c.confidenceAtLeast(r, str(args["minConfidence"]), retracted))
	if !retracted {
		conds = append(conds, m+".confidence <> 'RETRACTED'")
	}
	return conds, nil
}

// decode builds the typed edge list ([]*Tenure, []*Relation, ...) of a relation field.
func (rp *relPlan) decode(v any) any {
	items, _ := v.([]any)
	out := reflect.MakeSlice(rp.list, len(items), len(items))
	for i, it := range items {
		props := rp.keys.record(it)
		base := readEdge(props, rp.spec.typ)
		if rp.citations != nil {
			base.Citations = rp.citations.decode(props.get("__citations"))
		}
		var start, end Entity
		if rp.start != nil {
			start = rp.start.decode(props.get("__start"))
		}
		if rp.end != nil {
			end = rp.end.decode(props.get("__end"))
		}
		out.Index(i).Set(reflect.ValueOf(rp.spec.shape.build(base, start, end))) // reflect.Append allocates a header per call
	}
	return out.Interface()
}

// readEdge reads the edge's stored properties; it walks the few a read projects rather
// than looking up each the edge may have (a property not projected reads as absent).
func readEdge(props record, typ RelType) EdgeBase {
	e := EdgeBase{Type: typ, Facts: readFacts(props, LinkFacts)}
	for i, k := range props.keys {
		if i >= len(props.vals) {
			break
		}
		v := props.vals[i]
		switch k {
		case "id":
			e.ID = str(v)
		case "role":
			e.Role = str(v)
		case "outcome":
			e.Outcome = str(v)
		case "sentence":
			e.Sentence = str(v)
		case "confidence":
			e.Confidence = Confidence(str(v))
		case "retraction":
			e.Retraction = str(v)
		case "inference":
			e.Inference = optional(v)
		case "from":
			e.When.From = readDate(v)
		case "to":
			e.When.To = readDate(v)
		case "attested":
			e.Attested = readDate(v)
		case "endedBy":
			e.EndedBy = readDate(v)
		}
	}
	return e
}
