package graph

import (
	"sort"
)

// TimelineEntry is one dated fact about an entity.
type TimelineEntry struct {
	Date       Date
	EndDate    Date
	ToKnown    bool
	Kind       string
	Title      string
	Entity     Entity
	Edge       *GraphEdge
	Confidence Confidence
}

// Citations are the entry's relationship's.
func (t *TimelineEntry) Citations() []Citation { return t.Edge.Citations }

// timelineKinds names entries by relationship type; the rest use the type itself.
var timelineKinds = map[RelType]string{
	RelHolds: "TENURE", RelMemberOf: "MEMBERSHIP", RelResponsibleFor: "EVENT", RelParticipatedIn: "EVENT",
	RelOccurredIn: "EVENT", RelAgainst: "VERDICT", RelIssuedBy: "VERDICT", RelConcerns: "VERDICT",
	RelStated: "STATEMENT", RelAbout: "STATEMENT",
}

// timelineVerbs read "<verb> <other end>", from the entity's side, outgoing then incoming.
var timelineVerbs = map[RelType][2]string{
	RelHolds:          {"holds", "held by"},
	RelPositionIn:     {"post in", "has the post"},
	RelMemberOf:       {"member of", "has member"},
	RelPartOf:         {"part of", "includes"},
	RelResponsibleFor: {"responsible for", "responsibility of"},
	RelParticipatedIn: {"took part in", "with participant"},
	RelIssuedBy:       {"issued by", "issued"},
	RelAgainst:        {"against", "verdict against them:"},
	RelConcerns:       {"concerns", "judged in"},
	RelStated:         {"stated", "stated by"},
	RelAbout:          {"about", "mentioned in"},
	RelLocatedIn:      {"located in", "contains"},
	RelOccurredIn:     {"occurred in", "scene of"},
}

// timeline compiles the dated facts that touch an entity: each relationship dated by its
// own dates, or else by the dates of the entity at its other end (an event, a verdict, a
// statement).
func (c *compiler) timeline(f Selection) (rootPlan, string, error) {
	plan := rootPlan{alias: f.Alias}
	id := str(f.Args["id"])
	var rng Interval
	var err error
	if rng.From, err = ParseDate(str(f.Args["from"])); err != nil {
		return plan, "", badArg(f.Alias+".from", "%s", ErrorMessage(err))
	}
	if rng.To, err = ParseDate(str(f.Args["to"])); err != nil {
		return plan, "", badArg(f.Alias+".to", "%s", ErrorMessage(err))
	}
	if err := rng.Validate(); err != nil {
		return plan, "", badArg(f.Alias+".to", "%s", ErrorMessage(err))
	}
	undated := f.Args["undated"] == true
	var fields []Selection
	if f.Sub != nil {
		fields = f.Sub("TimelineEntry")
	}
	s, r, m := c.newVar("s"), c.newVar("r"), c.newVar("m")
	entitySub, _ := mergeSub(fields, "entity")
	nodeProj, np, err := c.node(m, EntityKinds, entitySub, f.Alias+".entity", "name") // the title reads it
	if err != nil {
		return plan, "", err
	}
	var edgeFields []Selection
	if sub, ok := mergeSub(fields, "edge"); ok {
		edgeFields = sub("GraphEdge")
	}
	if hasField(fields, "citations") {
		edgeFields = append(edgeFields, Selection{Alias: "citations", Name: "citations", Sub: func(t string) []Selection {
			sub, _ := mergeSub(fields, "citations")
			return sub(t)
		}})
	}
	edgeProj, cp, err := c.graphEdgeProj(r, edgeFields, f.Alias+".edge")
	if err != nil {
		return plan, "", err
	}
	dated := fill("coalesce({{r}}.validFrom, {{r}}.validTo, {{m}}.validFrom, {{m}}.validTo) IS NOT NULL", slots{"r": r, "m": m})
	if undated {
		dated = "true"
	}
	cypher := fill(`{{match}}
CALL ({{s}}) {
  MATCH ({{s}})-[{{r}}:{{types}}]-({{m}}) WHERE {{r}}.confidence <> 'RETRACTED' AND {{m}}.confidence <> 'RETRACTED'
    AND {{dated}}
  RETURN collect({out: startNode({{r}}) = {{s}}, edge: {{edge}}, node: {{node}}, dates: [{{r}}.from, {{r}}.attested, {{m}}.from, {{m}}.date, {{m}}.published, {{r}}.to, {{r}}.endedBy, {{m}}.to]}) AS items }
RETURN {found: {{s}} IS NOT NULL, items: items}`,
		slots{"match": c.matchEntity(s, id), "s": s, "r": r, "types": relTypesArg(nil), "m": m, "dated": dated, "edge": edgeProj, "node": nodeProj})
	plan.decode = func(v any) (any, error) {
		res, _ := v.(map[string]any)
		if found, _ := res["found"].(bool); !found {
			return nil, Errorf(ENOTFOUND, "no entity %q", id)
		}
		out := []*TimelineEntry{}
		for _, raw := range res["items"].([]any) {
			item := raw.(map[string]any)
			edge := decodeGraphEdge(item["edge"], cp)
			other := np.decode(item["node"])
			dates := item["dates"].([]any)
			start := firstDate(dates[:5])
			end := firstDate(dates[5:])
			if start.IsZero() {
				start = end
			}
			if (start.IsZero() && !undated) || other == nil {
				continue
			}
			entry := &TimelineEntry{Date: start, EndDate: end, ToKnown: !end.IsZero(), Edge: edge,
				Entity: other, Confidence: edge.Confidence, Kind: timelineKinds[edge.Type]}
			if entry.Kind == "" {
				entry.Kind = string(edge.Type)
			}
			verb := timelineVerbs[edge.Type][0]
			if item["out"] != true {
				verb = timelineVerbs[edge.Type][1]
			}
			entry.Title = verb + " " + other.Common().Name
			if (rng.From.IsZero() && rng.To.IsZero()) || start.IsZero() || rng.Overlaps(Interval{From: start, To: end}) {
				out = append(out, entry)
			}
		}
		sort.SliceStable(out, func(i, j int) bool {
			a, b := out[i], out[j]
			if a.Date.IsZero() != b.Date.IsZero() {
				return b.Date.IsZero() // the undated last
			}
			if !a.Date.First().Equal(b.Date.First()) {
				return a.Date.First().Before(b.Date.First())
			}
			if !a.Date.Last().Equal(b.Date.Last()) {
				return a.Date.Last().After(b.Date.Last()) // the year before the months in it
			}
			return a.Title < b.Title
		})
		return out, nil
	}
	return plan, cypher, nil
}

// firstDate is the first non-empty partial date among raw property values.
func firstDate(raw []any) Date {
	for _, v := range raw {
		if d := readDate(v); !d.IsZero() {
			return d
		}
	}
	return Date{}
}
