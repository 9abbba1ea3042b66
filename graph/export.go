package graph

import (
	"context"
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

// ExportNode is a node as the exporters write it.
type ExportNode struct {
	Labels     []string
	Properties map[string]any
}

// ID is the node's accgraph id.
func (n ExportNode) ID() string { return str(n.Properties["id"]) }

// ExportEdge is a relationship as the exporters write it: its type, the ids of its ends
// and their labels, and its properties.
type ExportEdge struct {
	Type                 string
	Start, End           string
	StartLabel, EndLabel string
	Properties           map[string]any
}

// exportLabels are the nodes an export holds: the knowledge graph and its citations and
// redirects; never keys, audit records, saved queries or migration records.
var exportLabels = append(labels(), "Citation", "Redirect")

// Export streams the knowledge graph, nodes first (by label, then id) and then
// relationships, a page at a time so that memory stays flat however large the graph.
func (db *DB) Export(ctx context.Context, node func(ExportNode) error, edge func(ExportEdge) error) error {
	const page = 5000
	for _, label := range exportLabels {
		key := "id"
		if label == "Redirect" {
			key = "from"
		}
		for skip := 0; ; skip += page {
			res, err := db.read(ctx, "MATCH (n:"+label+") RETURN properties(n) ORDER BY n."+key+" SKIP $skip LIMIT $limit",
				map[string]any{"skip": skip, "limit": page})
			if err != nil {
				return err
			}
			for _, r := range res.Records {
				props, _ := r.Values[0].(map[string]any)
				if err := node(ExportNode{Labels: []string{label}, Properties: props}); err != nil {
					return err
				}
			}
			if len(res.Records) < page {
				break
			}
		}
	}
	types := make([]string, 0, len(RelTypes)+2)
	for _, t := range RelTypes {
		types = append(types, string(t))
	}
	types = append(types, "FROM_SOURCE", "CLAIMED_BY")
	sort.Strings(types)
	for _, t := range types {
		for skip := 0; ; skip += page {
			res, err := db.read(ctx, `MATCH (a)-[r:`+t+`]->(b)
				RETURN a.id, head(labels(a)), b.id, head(labels(b)), properties(r)
				ORDER BY a.id, b.id, r.id SKIP $skip LIMIT $limit`, map[string]any{"skip": skip, "limit": page})
			if err != nil {
				return err
			}
			for _, r := range res.Records {
				props, _ := r.Values[4].(map[string]any)
				e := ExportEdge{Type: t, Start: str(r.Values[0]), StartLabel: str(r.Values[1]),
					End: str(r.Values[2]), EndLabel: str(r.Values[3]), Properties: props}
				if err := edge(e); err != nil {
					return err
				}
			}
			if len(res.Records) < page {
				break
			}
		}
	}
	return nil
}

// Plain turns a property value into what JSON, CSV and XML writers handle: dates as
// YYYY-MM-DD, times as RFC 3339, lists and maps recursively.
func Plain(v any) any {
	switch x := v.(type) {
	case time.Time:
		return x.UTC().Format(time.RFC3339Nano)
	}
	return jsonable(v)
}

// CypherWriter writes exported nodes and relationships as Cypher statements, one per
// line, that rebuild them in an empty database (after the migrations).
func CypherWriter(w io.Writer) (node func(ExportNode) error, edge func(ExportEdge) error) {
	return func(n ExportNode) error {
			_, err := fmt.Fprintf(w, "CREATE (:%s %s);\n", n.Labels[0], cypherMap(n.Properties))
			return err
		}, func(e ExportEdge) error {
			_, err := fmt.Fprintf(w, "MATCH (a:%s {id: %s}), (b:%s {id: %s}) CREATE (a)-[:%s %s]->(b);\n",
				e.StartLabel, cypherLiteral(e.Start), e.EndLabel, cypherLiteral(e.End), e.Type, cypherMap(e.Properties))
			return err
		}
}

func cypherMap(m map[string]any) string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	parts := make([]string, len(keys))
	for i, k := range keys {
		parts[i] = "`" + strings.ReplaceAll(k, "`", "``") + "`: " + cypherLiteral(m[k])
	}
	return "{" + strings.Join(parts, ", ") + "}"
}

// cypherLiteral writes a value as a Cypher literal; strings are quoted with every
// backslash and quote escaped, so no value can end the literal.
func cypherLiteral(v any) string {
	switch x := v.(type) {
	case nil:
		return "null"
	case string:
		return "'" + strings.NewReplacer(`\`, `\\`, `'`, `\'`, "\n", `\n`, "\r", `\r`, "\t", `\t`).Replace(x) + "'"
	case bool:
		return strconv.FormatBool(x)
	case int64:
		return strconv.FormatInt(x, 10)
	case float64:
		return strconv.FormatFloat(x, 'g', -1, 64)
	case neo4j.Date:
		return "date('" + time.Time(x).Format("2006-01-02") + "')"
	case time.Time:
		return "datetime('" + x.Format(time.RFC3339Nano) + "')"
	case []any:
		parts := make([]string, len(x))
		for i, e := range x {
			parts[i] = cypherLiteral(e)
		}
		return "[" + strings.Join(parts, ", ") + "]"
	}
	return cypherLiteral(fmt.Sprint(v))
}

// Typed writes a property value for JSON without losing its type: dates and times
// become {"$date": "YYYY-MM-DD"} and {"$datetime": RFC 3339}, which Untyped reads back.
func Typed(v any) any {
	return rebuild(v, func(v any) (any, bool) {
		switch x := v.(type) {
		case neo4j.Date:
			return map[string]any{"$date": time.Time(x).Format("2006-01-02")}, true
		case time.Time:
			return map[string]any{"$datetime": x.Format(time.RFC3339Nano)}, true
		}
		return nil, false
	})
}

// Untyped reads back what Typed wrote (after encoding/json decoded it).
func Untyped(v any) any {
	return rebuild(v, func(v any) (any, bool) {
		switch x := v.(type) {
		case map[string]any:
			if d, ok := x["$date"].(string); ok && len(x) == 1 {
				if t, err := time.Parse("2006-01-02", d); err == nil {
					return neo4j.DateOf(t), true
				}
			}
			if d, ok := x["$datetime"].(string); ok && len(x) == 1 {
				if t, err := time.Parse(time.RFC3339Nano, d); err == nil {
					return t, true
				}
			}
		case float64:
			if x == float64(int64(x)) {
				return int64(x), true // JSON numbers: accgraph stores integers
			}
		}
		return nil, false
	})
}

// WriteRaw writes exported nodes and relationships back as they were (MERGE on id; a
// redirect on its from; a citation's link to its source or claimant on its ends), in
// one transaction. It is the reverse of Export, for the JSON lines round trip.
func (db *DB) WriteRaw(ctx context.Context, nodes []ExportNode, edges []ExportEdge) error {
	var stmts []statement
	byLabel := map[string][]map[string]any{}
	var labelOrder []string
	for _, n := range nodes {
		label := n.Labels[0]
		if !exportLabel(label) {
			return Errorf(EINVALID, "cannot import a node labelled %q", label)
		}
		if byLabel[label] == nil {
			labelOrder = append(labelOrder, label)
		}
		byLabel[label] = append(byLabel[label], map[string]any{"props": n.Properties})
	}
	for _, label := range labelOrder {
		key := "id"
		if label == "Redirect" {
			key = "from"
		}
		stmts = append(stmts, statement{"UNWIND $rows AS row MERGE (n:" + label + " {" + key + ": row.props." + key + "}) SET n = row.props",
			map[string]any{"rows": byLabel[label]}})
	}
	type group struct{ t, from, to string }
	byGroup := map[group][]map[string]any{}
	var groupOrder []group
	for _, e := range edges {
		g := group{e.Type, e.StartLabel, e.EndLabel}
		if !exportLabel(g.from) || !exportLabel(g.to) || !(RelType(g.t).IsValid() || g.t == "FROM_SOURCE" || g.t == "CLAIMED_BY") {
			return Errorf(EINVALID, "cannot import a %s relationship from %s to %s", g.t, g.from, g.to)
		}
		if byGroup[g] == nil {
			groupOrder = append(groupOrder, g)
		}
		byGroup[g] = append(byGroup[g], map[string]any{"start": e.Start, "end": e.End, "props": e.Properties})
	}
	for _, g := range groupOrder {
		merge := "MERGE (a)-[r:" + g.t + " {id: row.props.id}]->(b)"
		if g.t == "FROM_SOURCE" || g.t == "CLAIMED_BY" {
			merge = "MERGE (a)-[r:" + g.t + "]->(b)"
		}
		stmts = append(stmts, statement{"UNWIND $rows AS row MATCH (a:" + g.from + " {id: row.start}) MATCH (b:" + g.to + " {id: row.end}) " +
			merge + " SET r = row.props", map[string]any{"rows": byGroup[g]}})
	}
	return db.wrap(db.transaction(ctx, func(ctx context.Context, tx neo4j.ManagedTransaction) error {
		return db.runAll(ctx, tx, stmts)
	}))
}

func exportLabel(label string) bool {
	for _, l := range exportLabels {
		if l == label {
			return true
		}
	}
	return false
}

// ExportSubgraph streams the part of the knowledge graph around ids: those entities, the
// relationships among them, the citations of both, and the sources and claimants of
// those citations, so that the part stands on its own.
func (db *DB) ExportSubgraph(ctx context.Context, ids []string, node func(ExportNode) error, edge func(ExportEdge) error) error {
	byKind := map[EntityKind][]string{}
	for _, id := range ids {
		if k, ok := kindOfID(id); ok {
			byKind[k] = append(byKind[k], id)
		}
	}
	types := make([]string, len(RelTypes))
	for i, t := range RelTypes {
		types[i] = string(t)
	}
	var edges []ExportEdge
	facts := append([]string{}, ids...)
	for _, k := range EntityKinds {
		if len(byKind[k]) == 0 {
			continue
		}
		res, err := db.read(ctx, "MATCH (a:"+k.Label()+")-[r]->(b) WHERE a.id IN $from AND b.id IN $ids AND type(r) IN $types "+
			"RETURN type(r), a.id, b.id, head(labels(b)), properties(r) ORDER BY r.id",
			map[string]any{"from": byKind[k], "ids": ids, "types": types})
		if err != nil {
			return err
		}
		for _, r := range res.Records {
			props, _ := r.Values[4].(map[string]any)
			edges = append(edges, ExportEdge{Type: str(r.Values[0]), Start: str(r.Values[1]), StartLabel: k.Label(),
				End: str(r.Values[2]), EndLabel: str(r.Values[3]), Properties: props})
			facts = append(facts, str(props["id"]))
		}
	}
	// the citations of those facts, with their sources and claimants
	res, err := db.read(ctx, `MATCH (c:Citation) WHERE c.about IN $facts
		MATCH (c)-[:FROM_SOURCE]->(s:Source) OPTIONAL MATCH (c)-[:CLAIMED_BY]->(e)
		RETURN properties(c), s.id, e.id, head(labels(e)) ORDER BY c.id`, map[string]any{"facts": facts})
	if err != nil {
		return err
	}
	wanted := map[string]bool{}
	for _, id := range ids {
		wanted[id] = true
	}
	var citations []ExportNode
	for _, r := range res.Records {
		props, _ := r.Values[0].(map[string]any)
		citations = append(citations, ExportNode{Labels: []string{"Citation"}, Properties: props})
		edges = append(edges, ExportEdge{Type: "FROM_SOURCE", Start: str(props["id"]), StartLabel: "Citation", End: str(r.Values[1]),
			EndLabel: "Source", Properties: map[string]any{}})
		wanted[str(r.Values[1])] = true
		if claimant := str(r.Values[2]); claimant != "" {
			edges = append(edges, ExportEdge{Type: "CLAIMED_BY", Start: str(props["id"]), StartLabel: "Citation", End: claimant,
				EndLabel: str(r.Values[3]), Properties: map[string]any{}})
			wanted[claimant] = true
		}
	}
	all := make([]string, 0, len(wanted))
	for id := range wanted {
		all = append(all, id)
	}
	sort.Strings(all)
	byKind = map[EntityKind][]string{}
	for _, id := range all {
		if k, ok := kindOfID(id); ok {
			byKind[k] = append(byKind[k], id)
		}
	}
	for _, k := range EntityKinds {
		if len(byKind[k]) == 0 {
			continue
		}
		res, err := db.read(ctx, "MATCH (n:"+k.Label()+") WHERE n.id IN $ids RETURN properties(n) ORDER BY n.id", map[string]any{"ids": byKind[k]})
		if err != nil {
			return err
		}
		for _, r := range res.Records {
			props, _ := r.Values[0].(map[string]any)
			if err := node(ExportNode{Labels: []string{k.Label()}, Properties: props}); err != nil {
				return err
			}
		}
	}
	for _, c := range citations {
		if err := node(c); err != nil {
			return err
		}
	}
	for _, e := range edges {
		if err := edge(e); err != nil {
			return err
		}
	}
	return nil
}
