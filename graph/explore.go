package graph

import (
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

// graphNodeProperties are the stored properties an explorer node shows besides its id,
// name and confidence.
var graphNodeProperties = []string{"kind", "from", "to", "date", "victims", "country", "publisher", "published", "description"}

// graphNodeProj projects a node for an explorer: what decodeGraphNode reads and its
// degree over the knowledge graph's relationships (not the citation bookkeeping).
func graphNodeProj(n string) string {
	return fill("{{n}} {.id, .name, .confidence, .{{properties}}, __degree: COUNT { ({{n}})-[:{{types}}]-() }}",
		slots{"n": n, "properties": strings.Join(graphNodeProperties, ", ."), "types": relTypesArg(nil)})
}

// graphEdgeProj projects a relationship for an explorer, with its citations when asked.
func (c *compiler) graphEdgeProj(r string, fields []Selection, path string) (string, *citationPlan, error) {
	parts := "{{r}} {.id, .role, .confidence, .from, .to, .inference, __validFrom: toString({{r}}.validFrom), __validTo: toString({{r}}.validTo), .endedBy, " +
		"__type: type({{r}}), __source: startNode({{r}}).id, __target: endNode({{r}}).id"
	if hasField(fields, "citationCount") { // an index lookup per relationship: only when asked
		parts += ", __citationCount: COUNT { (:Citation {about: {{r}}.id}) }"
	}
	parts = fill(parts, slots{"r": r})
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
