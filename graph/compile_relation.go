package graph

import (
	"fmt"
	"reflect"
	"strings"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

type relPlan struct {
	key       string // map key of the projected list
	alias     string
	spec      relSpec
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
	return fmt.Sprintf("COLLECT { MATCH %s WHERE %s WITH %s, %s, %s ORDER BY %s.name, %s.id LIMIT %s RETURN %s }",
		pattern, strings.Join(conds, " AND "), v, r, m, m, r, c.param(first), edge), rp, nil
}

// edge projects the relationship in r between the near node v and the far node m.
func (c *compiler) edge(r, v, m string, near EntityKind, spec relSpec, sub func(string) []Selection, path string) (string, *relPlan, error) {
	rp := &relPlan{spec: spec}
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
	var parts []string
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
		parts = append(parts, end.key+": "+expr)
	}
	for _, f := range fields {
		if f.Name == "citations" {
			expr, cp, err := c.citations(r, fields, path+".citations")
			if err != nil {
				return "", nil, err
			}
			rp.citations = cp
			parts = append(parts, "__citations: "+expr)
			break
		}
	}
	return projection(r, fields, nil, parts), rp, nil
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

// overlaps is true when x has a known interval (validFrom..validTo, an open end absent,
// not both) that shares a day with iv. What has no known date is never "as of" one.
func (c *compiler) overlaps(x string, iv Interval) string {
	conds := []string{fmt.Sprintf("(%s.validFrom IS NOT NULL OR %s.validTo IS NOT NULL)", x, x)}
	if !iv.To.IsZero() {
		conds = append(conds, fmt.Sprintf("(%s.validFrom IS NULL OR %s.validFrom <= %s)", x, x, c.param(neo4j.DateOf(iv.To.Last()))))
	}
	if !iv.From.IsZero() {
		conds = append(conds, fmt.Sprintf("(%s.validTo IS NULL OR %s.validTo >= %s)", x, x, c.param(neo4j.DateOf(iv.From.First()))))
	}
	return strings.Join(conds, " AND ")
}

// confidenceAtLeast keeps the facts min keeps (Confidence.KeptBy; all but RETRACTED when
// min is empty); RETRACTED ones only when asked for.
func (c *compiler) confidenceAtLeast(x, min string, includeRetracted bool) string {
	if min == "" {
		if includeRetracted {
			return "true"
		}
		return x + ".confidence <> 'RETRACTED'"
	}
	var allowed []string
	for _, conf := range Confidences {
		if conf.KeptBy(Confidence(min)) && (conf != Retracted || includeRetracted) {
			allowed = append(allowed, string(conf))
		}
	}
	return fmt.Sprintf("%s.confidence IN %s", x, c.param(allowed))
}

func firstArg(args map[string]any, def int, path string) (int, error) {
	v, ok := args["first"]
	if !ok || v == nil {
		return def, nil
	}
	n, ok := toInt(v)
	if !ok || n < 0 || n > MaxFirst {
		return 0, badArg(path+".first", "first must be between 0 and %d, got %v", MaxFirst, v)
	}
	return n, nil
}

func toInt(v any) (int, bool) {
	switch n := v.(type) {
	case int:
		return n, true
	case int64:
		return int(n), true
	case float64:
		return int(n), n == float64(int(n))
	case interface{ Int64() (int64, error) }: // json.Number
		i, err := n.Int64()
		return int(i), err == nil
	}
	return 0, false
}

// decode builds the typed edge list ([]*Tenure, []*Relation, ...) of a relation field.
func (rp *relPlan) decode(v any) any {
	items, _ := v.([]any)
	proto := reflect.TypeOf(rp.spec.shape.build(EdgeBase{}, nil, nil))
	out := reflect.MakeSlice(reflect.SliceOf(proto), 0, len(items))
	for _, it := range items {
		props, _ := it.(map[string]any)
		base := readEdge(props, rp.spec.typ)
		if rp.citations != nil {
			base.Citations = rp.citations.decode(props["__citations"])
		}
		var start, end Entity
		if rp.start != nil {
			start = rp.start.decode(props["__start"])
		}
		if rp.end != nil {
			end = rp.end.decode(props["__end"])
		}
		out = reflect.Append(out, reflect.ValueOf(rp.spec.shape.build(base, start, end)))
	}
	return out.Interface()
}

func readEdge(props map[string]any, typ RelType) EdgeBase {
	return EdgeBase{
		ID: str(props["id"]), Type: typ, Role: str(props["role"]), Outcome: str(props["outcome"]),
		Sentence: str(props["sentence"]), Confidence: Confidence(str(props["confidence"])),
		Retraction: str(props["retraction"]), Inference: optional(props["inference"]),
		When:     Interval{From: readDate(props["from"]), To: readDate(props["to"])},
		Attested: readDate(props["attested"]), EndedBy: readDate(props["endedBy"]),
	}
}
