package seed

import (
	"bufio"
	"context"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/accgraph/accgraph/csvout"
	"github.com/accgraph/accgraph/graph"
)

// ExportFormats are the formats Export writes.
var ExportFormats = []string{"jsonl", "ftm", "graphml", "csv", "cypher"}

// walker streams nodes, then relationships: the whole graph or a part of it.
type walker func(ctx context.Context, node func(graph.ExportNode) error, edge func(graph.ExportEdge) error) error

// Export writes the knowledge graph in format to out: a file for jsonl, ftm, graphml and
// cypher, a directory (nodes.csv and edges.csv) for csv. With ids, only the part around
// those entities (graph.DB.ExportSubgraph).
func Export(ctx context.Context, db *graph.DB, format, out string, ids []string) error {
	_, err := ExportReport(ctx, db, format, out, ids)
	return err
}

// ExportReport is Export, and says what the export left out and why, one line per reason
// (a format that writes the whole graph leaves nothing out).
func ExportReport(ctx context.Context, db *graph.DB, format, out string, ids []string) ([]string, error) {
	walk := walker(db.Export)
	if ids != nil {
		walk = func(ctx context.Context, node func(graph.ExportNode) error, edge func(graph.ExportEdge) error) error {
			return db.ExportSubgraph(ctx, ids, node, edge)
		}
	}
	switch format {
	case "csv":
		return nil, exportCSV(ctx, walk, out)
	case "jsonl", "ftm", "graphml", "cypher":
	default:
		return nil, graph.Errorf(graph.EINVALID, "unknown export format %q: want one of %s", format, strings.Join(ExportFormats, ", "))
	}
	f, err := os.Create(out)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var left []string
	switch format {
	case "jsonl":
		err = exportJSONL(ctx, walk, f)
	case "graphml":
		err = exportGraphML(ctx, walk, f)
	case "ftm":
		left, err = exportFtM(ctx, walk, f)
	default:
		node, edge := graph.CypherWriter(f)
		err = walk(ctx, node, edge)
	}
	if err != nil {
		return nil, err
	}
	return left, f.Close()
}

// jsonlRecord is one line of the JSON lines format: a node or a relationship. Dates keep
// their type as {"$date": ...}, so that an import restores the graph exactly.
type jsonlRecord struct {
	Type       string         `json:"type"`
	Labels     []string       `json:"labels,omitempty"`
	Rel        string         `json:"rel,omitempty"`
	Start      string         `json:"start,omitempty"`
	StartLabel string         `json:"startLabel,omitempty"`
	End        string         `json:"end,omitempty"`
	EndLabel   string         `json:"endLabel,omitempty"`
	Properties map[string]any `json:"properties"`
}

// exportJSONL writes one record per line, nodes first.
func exportJSONL(ctx context.Context, walk walker, w io.Writer) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	typed := func(p map[string]any) map[string]any { m, _ := graph.Typed(p).(map[string]any); return m }
	return walk(ctx, func(n graph.ExportNode) error {
		return enc.Encode(jsonlRecord{Type: "node", Labels: n.Labels, Properties: typed(n.Properties)})
	}, func(e graph.ExportEdge) error {
		return enc.Encode(jsonlRecord{Type: "relationship", Rel: e.Type, Start: e.Start, StartLabel: e.StartLabel,
			End: e.End, EndLabel: e.EndLabel, Properties: typed(e.Properties)})
	})
}

// ImportJSONL reads what exportJSONL wrote and writes it back, in one transaction; bad
// lines are refused with their numbers.
func ImportJSONL(ctx context.Context, db *graph.DB, file string, r io.Reader) (nodes, edges int, err error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), 16*1024*1024)
	var ns []graph.ExportNode
	var es []graph.ExportEdge
	line := 0
	for sc.Scan() {
		line++
		if strings.TrimSpace(sc.Text()) == "" {
			continue
		}
		var rec jsonlRecord
		if err := json.Unmarshal(sc.Bytes(), &rec); err != nil {
			return 0, 0, graph.Errorf(graph.EINVALID, "%s:%d: %v", file, line, err)
		}
		props, _ := graph.Untyped(map[string]any(rec.Properties)).(map[string]any)
		switch {
		case rec.Type == "node" && len(rec.Labels) == 1:
			if u, _ := props["url"].(string); rec.Labels[0] == "Source" && u != "" && !graph.WebURL(u) {
				return 0, 0, graph.Errorf(graph.EINVALID, "%s:%d: url: %q is not an http or https URL", file, line, u)
			}
			ns = append(ns, graph.ExportNode{Labels: rec.Labels, Properties: props})
		case rec.Type == "relationship":
			es = append(es, graph.ExportEdge{Type: rec.Rel, Start: rec.Start, StartLabel: rec.StartLabel,
				End: rec.End, EndLabel: rec.EndLabel, Properties: props})
		default:
			return 0, 0, graph.Errorf(graph.EINVALID, "%s:%d: want a node with one label or a relationship", file, line)
		}
	}
	if err := sc.Err(); err != nil {
		return 0, 0, err
	}
	if err := db.WriteRaw(ctx, ns, es); err != nil {
		return 0, 0, err
	}
	return len(ns), len(es), nil
}

// exportCSV writes dir/nodes.csv (id, label, name, properties as JSON) and dir/edges.csv
// (id, type, source, target, properties as JSON), as Gephi and spreadsheets read them.
func exportCSV(ctx context.Context, walk walker, dir string) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	files := map[string]*csvout.Writer{}
	for name, header := range map[string][]string{
		"nodes.csv": {"id", "label", "name", "properties"},
		"edges.csv": {"id", "type", "source", "target", "properties"},
	} {
		f, err := os.Create(filepath.Join(dir, name))
		if err != nil {
			return err
		}
		defer f.Close()
		w := csvout.NewWriter(f)
		if err := w.Write(header); err != nil {
			return err
		}
		files[name] = w
	}
	err := walk(ctx, func(n graph.ExportNode) error {
		props, _ := json.Marshal(graph.Plain(n.Properties))
		return files["nodes.csv"].Write([]string{n.ID(), n.Labels[0], fmt.Sprint(n.Properties["name"]), string(props)})
	}, func(e graph.ExportEdge) error {
		props, _ := json.Marshal(graph.Plain(e.Properties))
		return files["edges.csv"].Write([]string{fmt.Sprint(e.Properties["id"]), e.Type, e.Start, e.End, string(props)})
	})
	for _, w := range files {
		w.Flush()
		if err == nil {
			err = w.Error()
		}
	}
	return err
}

// exportGraphML writes GraphML that Gephi opens: a key per property, node labels, edge
// types; lists are written as JSON.
func exportGraphML(ctx context.Context, walk walker, w io.Writer) error {
	type data struct {
		Key   string `xml:"key,attr"`
		Value string `xml:",chardata"`
	}
	type element struct {
		XMLName xml.Name
		ID      string `xml:"id,attr,omitempty"`
		Source  string `xml:"source,attr,omitempty"`
		Target  string `xml:"target,attr,omitempty"`
		Data    []data `xml:"data"`
	}
	var nodes, edges []element
	nodeKeys, edgeKeys := map[string]bool{"label": true}, map[string]bool{"type": true}
	toData := func(props map[string]any, keys map[string]bool, prefix string) []data {
		names := make([]string, 0, len(props))
		for k := range props {
			names = append(names, k)
		}
		sort.Strings(names)
		var out []data
		for _, k := range names {
			keys[k] = true
			v := graph.Plain(props[k])
			s, ok := v.(string)
			if !ok {
				b, _ := json.Marshal(v)
				s = string(b)
			}
			out = append(out, data{Key: prefix + k, Value: s})
		}
		return out
	}
	err := walk(ctx, func(n graph.ExportNode) error {
		d := append([]data{{Key: "n_label", Value: n.Labels[0]}}, toData(n.Properties, nodeKeys, "n_")...)
		id := n.ID()
		if id == "" { // a redirect: its from id
			id = "redirect:" + fmt.Sprint(n.Properties["from"])
		}
		nodes = append(nodes, element{XMLName: xml.Name{Local: "node"}, ID: id, Data: d})
		return nil
	}, func(e graph.ExportEdge) error {
		d := append([]data{{Key: "e_type", Value: e.Type}}, toData(e.Properties, edgeKeys, "e_")...)
		edges = append(edges, element{XMLName: xml.Name{Local: "edge"}, Source: e.Start, Target: e.End, Data: d})
		return nil
	})
	if err != nil {
		return err
	}
	if _, err := io.WriteString(w, xml.Header+`<graphml xmlns="http://graphml.graphdrawing.org/xmlns">`+"\n"); err != nil {
		return err
	}
	enc := xml.NewEncoder(w)
	enc.Indent("", "  ")
	for _, k := range []struct {
		keys   map[string]bool
		target string
		prefix string
	}{{nodeKeys, "node", "n_"}, {edgeKeys, "edge", "e_"}} {
		names := make([]string, 0, len(k.keys))
		for name := range k.keys {
			names = append(names, name)
		}
		sort.Strings(names)
		for _, name := range names {
			key := struct {
				XMLName  xml.Name `xml:"key"`
				ID       string   `xml:"id,attr"`
				For      string   `xml:"for,attr"`
				AttrName string   `xml:"attr.name,attr"`
				AttrType string   `xml:"attr.type,attr"`
			}{ID: k.prefix + name, For: k.target, AttrName: name, AttrType: "string"}
			if err := enc.Encode(key); err != nil {
				return err
			}
		}
	}
	g := struct {
		XMLName     xml.Name  `xml:"graph"`
		ID          string    `xml:"id,attr"`
		EdgeDefault string    `xml:"edgedefault,attr"`
		Elements    []element `xml:",any"`
	}{ID: "accgraph", EdgeDefault: "directed", Elements: append(nodes, edges...)}
	if err := enc.Encode(g); err != nil {
		return err
	}
	if err := enc.Flush(); err != nil {
		return err
	}
	_, err = io.WriteString(w, "\n</graphml>\n")
	return err
}
