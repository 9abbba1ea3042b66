package seed

import (
	"context"
	"encoding/json"
	"io"
	"strings"

	"github.com/accgraph/accgraph/graph"
)

// exportFtM writes the knowledge graph as FtM JSON lines: what came from FtM exactly as it
// came (the ftm property), the rest mapped from accgraph's model with the dataset
// "accgraph" (people, organizations, posts, events, places, verdicts; tenures,
// memberships and verdict parties). What an FtM import added of its own (a dataset's
// Source, a sanction's authority) is left out: the lines that brought it bring it back.
func exportFtM(ctx context.Context, walk walker, w io.Writer) error {
	written := map[string]bool{}
	line := func(raw string) error {
		var head struct{ ID string }
		if json.Unmarshal([]byte(raw), &head) == nil && written[head.ID] {
			return nil
		}
		written[head.ID] = true
		_, err := io.WriteString(w, raw+"\n")
		return err
	}
	native := func(id, schema, caption string, props map[string][]string) error {
		return line(FtMEntity{ID: id, Schema: schema, Caption: caption, Datasets: []string{"accgraph"}, Properties: props}.JSON())
	}
	return walk(ctx, func(n graph.ExportNode) error {
		p := n.Properties
		if raw, ok := p["ftm"].(string); ok {
			return line(raw)
		}
		if strings.Contains(n.ID(), ":ftm-") {
			return nil
		}
		name, _ := p["name"].(string)
		props := map[string][]string{"name": {name}}
		for _, a := range toStringList(p["aliases"]) {
			props["alias"] = append(props["alias"], a)
		}
		schema := map[string]string{"Person": "Person", "Organization": "Organization", "Position": "Position",
			"Event": "Event", "Place": "Address", "Verdict": "CourtCase"}[n.Labels[0]]
		if schema == "" {
			return nil // citations, sources, statements, redirects: no FtM counterpart
		}
		if from, ok := p["from"].(string); ok && schema == "Event" {
			props["date"] = []string{from}
		}
		return native(n.ID(), schema, name, props)
	}, func(e graph.ExportEdge) error {
		p := e.Properties
		if raw, ok := p["ftm"].(string); ok {
			return line(raw)
		}
		id, _ := p["id"].(string)
		dates := func(props map[string][]string) map[string][]string {
			if v, ok := p["from"].(string); ok {
				props["startDate"] = []string{v}
			}
			if v, ok := p["to"].(string); ok {
				props["endDate"] = []string{v}
			}
			return props
		}
		switch e.Type {
		case "HOLDS":
			return native(id, "Occupancy", "", dates(map[string][]string{"holder": {e.Start}, "post": {e.End}}))
		case "MEMBER_OF":
			props := dates(map[string][]string{"member": {e.Start}, "organization": {e.End}})
			if role, ok := p["role"].(string); ok {
				props["role"] = []string{role}
			}
			return native(id, "Membership", "", props)
		case "AGAINST":
			props := map[string][]string{"case": {e.Start}, "party": {e.End}}
			if outcome, ok := p["outcome"].(string); ok {
				props["role"] = []string{outcome}
			}
			return native(id, "CourtCaseParty", "", props)
		}
		return nil
	})
}

func toStringList(v any) []string {
	list, _ := v.([]any)
	out := make([]string, 0, len(list))
	for _, x := range list {
		if s, ok := x.(string); ok {
			out = append(out, s)
		}
	}
	return out
}
