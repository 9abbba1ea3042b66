package graph

import (
	"context"
	"encoding/json"
	"math"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

// UnmergeEntities undoes MergeEntities(keep, drop) from what its audit record kept, in
// one audited transaction: drop comes back with its properties, its relationships (the
// ones moved to keep go back, the ones between the two are made again), its citations
// and the claims it made or sourced; keep loses the aliases it gained; drop's id stops
// resolving to keep. What was edited on keep since the merge stays.
func (db *DB) UnmergeEntities(ctx context.Context, by, keep, drop string) error {
	kind, ok := kindOfID(drop)
	if !ok {
		return Errorf(EINVALID, "drop: %q is no entity id", drop)
	}
	res, err := db.read(ctx, `OPTIONAL MATCH (r:Redirect {from: $drop})
		RETURN r.to, COLLECT { MATCH (c:Change {mutation: 'mergeEntities'}) WHERE $drop IN c.ids AND $keep IN c.ids AND c.undo IS NOT NULL
			RETURN c.undo ORDER BY c.at DESC LIMIT 1 }`, map[string]any{"keep": keep, "drop": drop})
	if err != nil {
		return err
	}
	to, records := str(res.Records[0].Values[0]), strs(res.Records[0].Values[1])
	switch {
	case to == "":
		return Errorf(EINVALID, "drop: %s was not merged into anything", drop)
	case to != keep:
		return Errorf(EINVALID, "drop: %s was merged into %s, not %s", drop, to, keep)
	case len(records) == 0:
		return Errorf(EINVALID, "drop: %s resolves to %s through another merge; unmerge that one first", drop, keep)
	}
	var u mergeUndo
	if err := json.Unmarshal([]byte(records[0]), &u); err != nil {
		return err
	}
	ids := []string{keep, drop}
	for _, r := range u.Relationships {
		ids = append(ids, r.ID)
	}
	return db.audited(ctx, by, "unmergeEntities", ids, func(tx neo4j.ManagedTransaction) error {
		return db.runAll(ctx, tx, u.statements(kind.Label()))
	})
}

// statements are the writes that undo the merge.
func (u *mergeUndo) statements(label string) []statement {
	params := func(more map[string]any) map[string]any {
		p := map[string]any{"keep": u.Keep, "drop": u.Drop}
		for k, v := range more {
			p[k] = v
		}
		return p
	}
	stmts := []statement{
		{"CREATE (d:" + label + ") SET d = $props SET d.validFrom = date(d.validFrom), d.validTo = date(d.validTo)",
			params(map[string]any{"props": restoreTypes(u.Node)})},
		// the gained aliases' provenance goes with them: notes in step, citations by alias
		{"MATCH (k:" + label + " {id: $keep}) SET k.aliasNotes = [i IN range(0, size(coalesce(k.aliases, [])) - 1) " +
			"WHERE NOT k.aliases[i] IN $aliases | coalesce(k.aliasNotes[i], '')], " +
			"k.aliasCitations = [c IN coalesce(k.aliasCitations, []) WHERE NONE(p IN $prefixes WHERE c STARTS WITH p)]",
			params(map[string]any{"aliases": nonNil(u.Aliases), "prefixes": aliasCitationPrefixes(u.Aliases)})},
		{"MATCH (k:" + label + " {id: $keep}) SET k.aliases = [a IN coalesce(k.aliases, []) WHERE NOT a IN $aliases]",
			params(map[string]any{"aliases": nonNil(u.Aliases)})},
	}
	moved, loops := map[RelType][]map[string]any{}, map[RelType][]map[string]any{}
	for _, r := range u.Relationships {
		if !r.Type.IsValid() {
			continue
		}
		row := map[string]any{"id": r.ID, "start": r.Start, "end": r.End, "props": restoreTypes(r.Props)}
		if r.loop(u) {
			loops[r.Type] = append(loops[r.Type], row)
		} else {
			moved[r.Type] = append(moved[r.Type], row)
		}
	}
	for _, t := range RelTypes {
		if rows := moved[t]; len(rows) > 0 { // still there (not unlinked since): back to drop
			stmts = append(stmts, statement{"UNWIND $rows AS row MATCH (a)-[r:" + string(t) + " {id: row.id}]->(b) MATCH (d:" + label + " {id: $drop}) " +
				"WITH r, properties(r) AS p, CASE WHEN row.start = $drop THEN d ELSE a END AS s, CASE WHEN row.end = $drop THEN d ELSE b END AS e " +
				"DELETE r CREATE (s)-[r2:" + string(t) + "]->(e) SET r2 = p", params(map[string]any{"rows": rows})})
		}
		if rows := loops[t]; len(rows) > 0 { // deleted by the merge: made again, unless its id was taken since
			stmts = append(stmts, statement{"UNWIND $rows AS row MATCH (s:" + label + " {id: row.start}) MATCH (e:" + label + " {id: row.end}) " +
				"WITH s, e, row WHERE NOT EXISTS { ()-[:" + string(t) + " {id: row.id}]->() } " +
				"CREATE (s)-[r:" + string(t) + "]->(e) SET r = row.props SET r.validFrom = date(r.validFrom), r.validTo = date(r.validTo)",
				params(map[string]any{"rows": rows})})
		}
	}
	var back, claimed, sourced []map[string]any
	duplicates := map[EntityKind][]map[string]any{}
	for _, c := range u.Citations {
		if c.Duplicate {
			k, _ := kindOfID(c.ClaimedBy)
			duplicates[k] = append(duplicates[k], map[string]any{"source": c.Source, "claimedBy": c.ClaimedBy, "props": restoreTypes(c.Props)})
			continue
		}
		back = append(back, map[string]any{"old": c.Old, "new": c.New, "about": c.About})
		if c.ClaimedBy == u.Drop {
			claimed = append(claimed, map[string]any{"id": c.Old})
		}
		if c.Source == u.Drop {
			sourced = append(sourced, map[string]any{"id": c.Old})
		}
	}
	stmts = append(stmts,
		statement{"UNWIND $rows AS row MATCH (c:Citation {id: row.new}) SET c.id = row.old, c.about = row.about", params(map[string]any{"rows": back})},
		statement{"UNWIND $rows AS row MATCH (c:Citation {id: row.id})-[o:CLAIMED_BY]->() MATCH (d:" + label + " {id: $drop}) CREATE (c)-[:CLAIMED_BY]->(d) DELETE o",
			params(map[string]any{"rows": claimed})},
		statement{"UNWIND $rows AS row MATCH (c:Citation {id: row.id})-[o:FROM_SOURCE]->() MATCH (d:" + label + " {id: $drop}) CREATE (c)-[:FROM_SOURCE]->(d) DELETE o",
			params(map[string]any{"rows": sourced})})
	for _, k := range EntityKinds {
		if rows := duplicates[k]; len(rows) > 0 {
			stmts = append(stmts, statement{"UNWIND $rows AS row MATCH (s:Source {id: row.source}) MATCH (e:" + k.Label() + " {id: row.claimedBy}) " +
				"WITH s, e, row WHERE NOT EXISTS { MATCH (:Citation {id: row.props.id}) } " +
				"CREATE (c:Citation)-[:FROM_SOURCE]->(s) SET c = row.props CREATE (c)-[:CLAIMED_BY]->(e)", params(map[string]any{"rows": rows})})
		}
	}
	return append(stmts,
		statement{"MATCH (r:Redirect {from: $drop}) DELETE r", params(nil)},
		statement{"UNWIND $froms AS f MATCH (r:Redirect {from: f}) SET r.to = $drop", params(map[string]any{"froms": nonNil(u.Redirects)})},
	)
}

// restoreTypes gives back the types JSON lost: whole numbers are integers again (dates
// are made Neo4j dates by the statements that write them).
func restoreTypes(props map[string]any) map[string]any {
	out := make(map[string]any, len(props))
	for k, v := range props {
		if f, ok := v.(float64); ok && f == math.Trunc(f) {
			v = int64(f)
		}
		if list, ok := v.([]any); ok {
			v = nonNil(strs(list)) // aliases: the only list property
		}
		out[k] = v
	}
	return out
}
