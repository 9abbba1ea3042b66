package seed

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/accgraph/accgraph/graph"
)

// ftmNative are the FtM schemata accgraph's own kinds are exported as.
var ftmNative = map[string]string{"Person": "Person", "Organization": "Organization", "Position": "Position",
	"Event": "Event", "Place": "Address", "Verdict": "CourtCase"}

// ftmExport is one FtM export under way: what it wrote, the FtM id of each entity it
// wrote, and what it left out and why.
type ftmExport struct {
	w       io.Writer
	written map[string]bool   // FtM ids written
	ids     map[string]string // accgraph id → FtM id, of the entities written
	left    map[string]int    // why → how many
}

// exportFtM writes the knowledge graph as FtM JSON lines: what came from FtM exactly as it
// came (the ftm property), the rest mapped from accgraph's model with the dataset
// "accgraph", its ids written as ExportFtMID writes them (an import maps them back).
// Tenures, memberships and verdict parties are Occupancy, Membership and CourtCaseParty;
// every other relationship an UnknownLink whose role is its type (then its own role). What
// is retracted is left out (a current list does not hold it, and an import would revive
// it), and so is what FtM has no schema for; the lines returned say what and why.
func exportFtM(ctx context.Context, walk walker, w io.Writer) ([]string, error) {
	x := &ftmExport{w: w, written: map[string]bool{}, ids: map[string]string{}, left: map[string]int{}}
	err := walk(ctx, x.node, x.edge)
	return x.report(), err
}

func (x *ftmExport) line(raw string) error {
	var head struct{ ID string }
	if json.Unmarshal([]byte(raw), &head) == nil && x.written[head.ID] {
		return nil
	}
	x.written[head.ID] = true
	_, err := io.WriteString(x.w, raw+"\n")
	return err
}

func (x *ftmExport) native(id, schema, caption string, props map[string][]string) error {
	return x.line(FtMEntity{ID: id, Schema: schema, Caption: caption, Datasets: []string{"accgraph"}, Properties: props}.JSON())
}

func (x *ftmExport) node(n graph.ExportNode) error {
	p := n.Properties
	label := n.Labels[0]
	if p["confidence"] == string(graph.Retracted) {
		x.left["retracted entities (a DEL line or a retraction removed them)"]++
		return nil
	}
	if raw, ok := p["ftm"].(string); ok {
		if e, err := ReadFtMJSON(raw); err == nil {
			x.ids[n.ID()] = e.ID
		}
		return x.line(raw)
	}
	if strings.Contains(n.ID(), ":ftm-") {
		return nil // made by an FtM import of its own (a dataset's source, a sanction's authority): its lines bring it back
	}
	schema := ftmNative[label]
	if schema == "" {
		x.left[map[string]string{"Statement": "statements (FtM has no schema for a quoted statement)",
			"Citation": "citations (an FtM entity names its dataset, not its citations)",
			"Source":   "sources (an FtM entity names its dataset, not its sources)",
			"Redirect": "redirects of merged-away ids"}[label]]++
		return nil
	}
	id, ok := graph.ExportFtMID(n.ID())
	if !ok {
		x.left["entities whose id cannot be an FtM id"]++
		return nil
	}
	x.ids[n.ID()] = id
	name, _ := p["name"].(string)
	props := map[string][]string{"name": {name}}
	if schema == "Address" {
		props = map[string][]string{"full": {name}}
	}
	for _, a := range toStringList(p["aliases"]) {
		props["alias"] = append(props["alias"], a)
	}
	if from, ok := p["from"].(string); ok && schema == "Event" {
		props["date"] = []string{from}
	}
	return x.native(id, schema, name, props)
}

func (x *ftmExport) edge(e graph.ExportEdge) error {
	if e.Type == "FROM_SOURCE" || e.Type == "CLAIMED_BY" {
		return nil // a citation's, left out with it
	}
	p := e.Properties
	if p["confidence"] == string(graph.Retracted) {
		x.left["retracted relationships"]++
		return nil
	}
	from, okFrom := x.ids[e.Start]
	to, okTo := x.ids[e.End]
	if !okFrom || !okTo {
		x.left[fmt.Sprintf("%s relationships of an entity left out", e.Type)]++
		return nil
	}
	if raw, ok := p["ftm"].(string); ok {
		return x.line(raw)
	}
	id, ok := graph.ExportFtMID(str(p["id"]))
	if !ok {
		x.left["relationships whose id cannot be an FtM id"]++
		return nil
	}
	props := map[string][]string{}
	if v, ok := p["from"].(string); ok {
		props["startDate"] = []string{v}
	}
	if v, ok := p["to"].(string); ok {
		props["endDate"] = []string{v}
	}
	role, _ := p["role"].(string)
	switch e.Type {
	case "HOLDS":
		props["holder"], props["post"] = []string{from}, []string{to}
		return x.native(id, "Occupancy", "", props)
	case "MEMBER_OF":
		props["member"], props["organization"] = []string{from}, []string{to}
		if role != "" {
			props["role"] = []string{role}
		}
		return x.native(id, "Membership", "", props)
	case "AGAINST":
		props["case"], props["party"] = []string{from}, []string{to}
		if outcome, ok := p["outcome"].(string); ok {
			props["role"] = []string{outcome}
		}
		return x.native(id, "CourtCaseParty", "", props)
	}
	props["subject"], props["object"], props["role"] = []string{from}, []string{to}, []string{e.Type}
	if role != "" {
		props["role"] = append(props["role"], role)
	}
	return x.native(id, "UnknownLink", "", props)
}

// report says what the export left out, one line per reason.
func (x *ftmExport) report() []string {
	var out []string
	for why, n := range x.left {
		out = append(out, fmt.Sprintf("left out %d %s", n, why))
	}
	sort.Strings(out)
	return out
}

func str(v any) string { s, _ := v.(string); return s }

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
