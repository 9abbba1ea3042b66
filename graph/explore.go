package graph

import (
	"fmt"
	"io"
	"strings"
)

// Subgraph is a neighbourhood in the shape a graph explorer draws.
type Subgraph struct {
	Nodes     []*GraphNode
	Edges     []*GraphEdge
	Truncated bool
}

// GraphNode is an entity as a drawable node.
type GraphNode struct {
	ID         string
	Kind       EntityKind
	Label      string
	Degree     int
	Properties map[string]any
	Confidence Confidence
}

// GraphEdge is a relationship as a drawable edge, with its citations.
type GraphEdge struct {
	ID     string
	Type   RelType
	Source string
	Target string
	Role   string
	When   Interval
	// Valid is what asOf reads: the stored dates, an attestation or an end-by date as an
	// interval (validFrom..validTo); zero when the sources give no date at all.
	Valid Interval
	// EndedBy is a date by which the relationship had ended (its only date, often).
	EndedBy       Date
	Confidence    Confidence
	Inference     *string // set when the source implies the link but does not state it
	CitationCount int
	Citations     []Citation
}

// Mention reports whether the edge is talk about an entity (STATED, ABOUT) rather than a
// relation between the two: paths walk mentions only when relTypes names them.
func (e *GraphEdge) Mention() bool { return e.Type.IsMention() }

// From and To are the edge's dates as the sources give them.
func (e *GraphEdge) From() Date { return e.When.From }
func (e *GraphEdge) To() Date   { return e.When.To }

// ValidFrom and ValidTo are the days the edge is known to hold between, as asOf reads them.
func (e *GraphEdge) ValidFrom() Date { return e.Valid.From }
func (e *GraphEdge) ValidTo() Date   { return e.Valid.To }

// ExpandStat counts an entity's relationships of one type to neighbours of one kind.
type ExpandStat struct {
	RelType   RelType
	Kind      EntityKind
	Direction EdgeDirection
	Count     int
}

// Path is a chain of relationships between two entities.
type Path struct {
	Length     int
	Confidence Confidence
	Steps      []*PathStep
	Truncated  bool
}

// PathStep is one relationship of a path, walked from From to To.
type PathStep struct {
	From      Entity
	Edge      *GraphEdge
	To        Entity
	Direction StepDirection
}

// EdgeDirection says whether a relationship leaves (OUT) or reaches (IN) an entity.
type EdgeDirection string

// StepDirection says whether a path step walks its relationship FORWARD or BACKWARD.
type StepDirection string

func (d EdgeDirection) MarshalGQL(w io.Writer) { marshalEnum(w, d) }
func (d *EdgeDirection) UnmarshalGQL(v any) error {
	return unmarshalEnum(d, v, []EdgeDirection{"OUT", "IN"}, "direction")
}
func (d StepDirection) MarshalGQL(w io.Writer) { marshalEnum(w, d) }
func (d *StepDirection) UnmarshalGQL(v any) error {
	return unmarshalEnum(d, v, []StepDirection{"FORWARD", "BACKWARD"}, "direction")
}

// Limits of the exploring reads.
const (
	MaxDepth      = 3    // neighbourhood depth
	MaxPathLength = 10   // paths maxLength
	MaxNeighbours = 1000 // neighbourhood limit
	MaxPaths      = 100  // paths limit
)

// IsMention reports whether t is talk (a statement made, a statement about something)
// rather than a relation: a mention is no step of a chain of command.
func (t RelType) IsMention() bool { return t == RelStated || t == RelAbout }

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

// relTypesArg gives the relationship types to walk: the argument's, or every type.
func relTypesArg(v any) string {
	list, _ := v.([]any)
	var types []string
	for _, t := range list {
		if rt := RelType(str(t)); rt.IsValid() {
			types = append(types, string(rt))
		}
	}
	if len(types) == 0 {
		for _, t := range RelTypes {
			types = append(types, string(t))
		}
	}
	return strings.Join(types, "|")
}

// edgeConds keeps the relationship r when it is valid asOf and strong enough; never
// RETRACTED ones.
func (c *compiler) edgeConds(r string, args map[string]any, path string) (string, error) {
	conds := []string{c.confidenceAtLeast(r, str(args["minConfidence"]), false)}
	if s := str(args["asOf"]); s != "" {
		d, err := ParseDate(s)
		if err != nil {
			return "", badArg(path+".asOf", "%s", ErrorMessage(err))
		}
		conds = append(conds, c.overlaps(r, At(d)))
	}
	return strings.Join(conds, " AND "), nil
}

// intArg reads an integer argument within [1, max].
func intArg(args map[string]any, name string, def, max int, path string) (int, error) {
	v, ok := args[name]
	if !ok || v == nil {
		return def, nil
	}
	n, ok := toInt(v)
	if !ok || n < 1 || n > max {
		return 0, badArg(path+"."+name, "%s must be between 1 and %d, got %v", name, max, v)
	}
	return n, nil
}

// matchEntity binds v to the entity with id (OPTIONAL: v is null when there is none).
func (c *compiler) matchEntity(v, id string) string {
	kind, ok := kindOfID(id)
	if !ok {
		return fmt.Sprintf("OPTIONAL MATCH (%s:Person {id: %s}) WHERE false", v, c.param(id))
	}
	return fmt.Sprintf("OPTIONAL MATCH (%s:%s {id: %s})", v, kind.Label(), c.param(id))
}

// graphNodeProperties are the stored properties an explorer node shows besides its id,
// name and confidence.
var graphNodeProperties = []string{"kind", "from", "to", "date", "victims", "country", "publisher", "published", "description"}

// graphNodeProj projects a node for an explorer: what decodeGraphNode reads and its
// degree over the knowledge graph's relationships (not the citation bookkeeping).
func graphNodeProj(n string) string {
	return fmt.Sprintf("%s {.id, .name, .confidence, .%s, __degree: COUNT { (%s)-[:%s]-() }}",
		n, strings.Join(graphNodeProperties, ", ."), n, relTypesArg(nil))
}

// graphEdgeProj projects a relationship for an explorer, with its citations when asked.
func (c *compiler) graphEdgeProj(r string, fields []Selection, path string) (string, *citationPlan, error) {
	parts := fmt.Sprintf("%s {.id, .role, .confidence, .from, .to, .inference, __validFrom: toString(%s.validFrom), __validTo: toString(%s.validTo), .endedBy, "+
		"__type: type(%s), __source: startNode(%s).id, __target: endNode(%s).id", r, r, r, r, r, r)
	if hasField(fields, "citationCount") { // an index lookup per relationship: only when asked
		parts += fmt.Sprintf(", __citationCount: COUNT { (:Citation {about: %s.id}) }", r)
	}
	if !hasField(fields, "citations") {
		return parts + "}", nil, nil
	}
	expr, cp, err := c.citations(r, fields, path+".citations")
	if err != nil {
		return "", nil, err
	}
	return parts + ", __citations: " + expr + "}", cp, nil
}

func decodeGraphNode(v any) *GraphNode {
	props, _ := v.(map[string]any)
	id := str(props["id"])
	kind, _ := kindOfID(id)
	degree, _ := props["__degree"].(int64)
	display := map[string]any{}
	for _, k := range graphNodeProperties {
		if v := props[k]; v != nil { // absent: a projection gives null
			display[k] = v
		}
	}
	return &GraphNode{ID: id, Kind: kind, Label: str(props["name"]), Degree: int(degree),
		Properties: display, Confidence: Confidence(str(props["confidence"]))}
}

func decodeGraphEdge(v any, cp *citationPlan) *GraphEdge {
	props, _ := v.(map[string]any)
	n, _ := props["__citationCount"].(int64)
	e := &GraphEdge{
		ID: str(props["id"]), Type: RelType(str(props["__type"])), Source: str(props["__source"]), Target: str(props["__target"]),
		Role: str(props["role"]), Confidence: Confidence(str(props["confidence"])), Inference: optional(props["inference"]), CitationCount: int(n),
		When:    Interval{From: readDate(props["from"]), To: readDate(props["to"])},
		Valid:   Interval{From: readDate(props["__validFrom"]), To: readDate(props["__validTo"])},
		EndedBy: readDate(props["endedBy"]),
	}
	if cp != nil {
		e.Citations = cp.decode(props["__citations"])
	}
	return e
}

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
	cypher := c.matchEntity(s, id) + fmt.Sprintf(`
CALL { WITH %s
  MATCH (%s)-[%s:%s]-(%s) WHERE %s AND %s.confidence <> 'RETRACTED'
  WITH %s, %s, CASE WHEN startNode(%s) = %s THEN 'OUT' ELSE 'IN' END AS direction
  WITH type(%s) AS type, head([l IN labels(%s) WHERE l IN %s]) AS label, direction, count(*) AS n
  ORDER BY type, direction, label
  RETURN collect({type: type, label: label, direction: direction, n: n}) AS stats }
RETURN {found: %s IS NOT NULL, stats: stats}`,
		s, s, r, relTypesArg(nil), m, conds, m, r, m, r, s, r, m, c.param(labels), s)
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
	cypher := fmt.Sprintf(`%s
%s
CALL { WITH %s, %s
  MATCH %s = %s (%s)((%s)-[%s:%s]%s(%s) WHERE %s AND %s.confidence <> 'RETRACTED'){1,%d}(%s)
  WHERE %s <> %s
  WITH %s LIMIT %d
  RETURN collect({nodes: [%s IN nodes(%s) | %s], rels: [%s IN relationships(%s) | %s]}) AS found }
RETURN {found: %s IS NOT NULL AND %s IS NOT NULL, paths: found}`,
		c.matchEntity(a, from), c.matchEntity(b, to),
		a, b, p, selector, a, x, r, pathRelTypes(f.Args["relTypes"]), arrow, y, conds, y, maxLength, b,
		a, b, p, limit+1, n, p, nodeProj, e, p, edgeProj, a, b)
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
