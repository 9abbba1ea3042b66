package graph

import (
	"context"
	"fmt"
	"strings"
)

// FtMRecords returns, for those of ids that are nodes or relationships of the graph, the
// FollowTheMoney JSON they were imported from ("" for one not imported from FtM): an
// FtM import looks up what a DEL line, a fragment or a reference names with it. One
// statement for all of ids, through the id constraints.
func (db *DB) FtMRecords(ctx context.Context, ids []string) (map[string]string, error) {
	nodes := map[EntityKind][]string{}
	rels := map[RelType][]string{}
	for _, id := range ids {
		if k, ok := kindOfID(id); ok {
			nodes[k] = append(nodes[k], id)
		} else if t, ok := relTypeOfID(id); ok {
			rels[t] = append(rels[t], id)
		}
	}
	var parts []string
	params := map[string]any{}
	for _, k := range EntityKinds {
		if len(nodes[k]) > 0 {
			p := fmt.Sprintf("p%d", len(params))
			params[p] = nodes[k]
			parts = append(parts, fmt.Sprintf("MATCH (n:%s) WHERE n.id IN $%s RETURN n.id AS id, n.ftm AS ftm", k.Label(), p))
		}
	}
	for _, t := range RelTypes {
		if len(rels[t]) > 0 {
			p := fmt.Sprintf("p%d", len(params))
			params[p] = rels[t]
			parts = append(parts, fmt.Sprintf("MATCH ()-[r:%s]->() WHERE r.id IN $%s RETURN r.id AS id, r.ftm AS ftm", t, p))
		}
	}
	out := map[string]string{}
	if len(parts) == 0 {
		return out, nil
	}
	res, err := db.read(ctx, "CALL { "+strings.Join(parts, " UNION ")+" } RETURN id, ftm", params)
	if err != nil {
		return nil, err
	}
	for _, r := range res.Records {
		out[str(r.Values[0])] = str(r.Values[1])
	}
	return out, nil
}
