package graph

import (
	"context"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

// MergeEntities folds drop into keep, in one audited transaction: every relationship of
// drop moves to keep (keeping its id, properties and citations), drop's citations and
// the citations it claims or sources follow, drop's name and aliases become keep's
// aliases (with their notes and citations; drop's name noted as merged), and a (:Redirect) makes drop's id resolve to keep. Both must be of one kind.
func (db *DB) MergeEntities(ctx context.Context, by, keep, drop string) error {
	kind, okKeep := kindOfID(keep)
	dropKind, okDrop := kindOfID(drop)
	switch {
	case !okKeep || !okDrop || kind != dropKind:
		return Errorf(EINVALID, "merge needs two entities of one kind, not %q and %q", keep, drop)
	case keep == drop:
		return Errorf(EINVALID, "cannot merge %q into itself", keep)
	}
	existing, err := db.existingKinds(ctx, []string{keep, drop})
	if err != nil {
		return err
	}
	for _, id := range []string{keep, drop} {
		if _, ok := existing[id]; !ok {
			return Errorf(ENOTFOUND, "no entity %q", id)
		}
	}
	moved, err := db.read(ctx, "MATCH (d:"+kind.Label()+" {id: $drop})-[r]-() WHERE r.id IS NOT NULL RETURN collect(DISTINCT r.id)",
		map[string]any{"drop": drop})
	if err != nil {
		return err
	}
	ids := append([]string{keep, drop}, strs(moved.Records[0].Values[0])...)
	label := kind.Label()
	params := map[string]any{"keep": keep, "drop": drop}
	var stmts []statement
	for _, t := range RelTypes {
		// a relationship between the two would become a loop: it goes with drop
		stmts = append(stmts,
			statement{"MATCH (d:" + label + " {id: $drop})-[r:" + string(t) + "]->(x) WHERE x.id <> $keep " +
				"WITH r, x, properties(r) AS p DELETE r WITH x, p MATCH (k:" + label + " {id: $keep}) CREATE (k)-[r2:" + string(t) + "]->(x) SET r2 = p", params},
			statement{"MATCH (d:" + label + " {id: $drop})<-[r:" + string(t) + "]-(x) WHERE x.id <> $keep " +
				"WITH r, x, properties(r) AS p DELETE r WITH x, p MATCH (k:" + label + " {id: $keep}) CREATE (x)-[r2:" + string(t) + "]->(k) SET r2 = p", params})
	}
	stmts = append(stmts,
		statement{"MATCH (c:Citation {about: $drop}) SET c.about = $keep", params},
		statement{"MATCH (c:Citation)-[old:CLAIMED_BY]->(:" + label + " {id: $drop}) MATCH (k:" + label + " {id: $keep}) CREATE (c)-[:CLAIMED_BY]->(k) DELETE old", params},
		statement{"MATCH (c:Citation)-[old:FROM_SOURCE]->(:" + label + " {id: $drop}) MATCH (k:" + label + " {id: $keep}) CREATE (c)-[:FROM_SOURCE]->(k) DELETE old", params},
		statement{`MATCH (k:` + label + ` {id: $keep}), (d:` + label + ` {id: $drop})
			WITH k, d, [a IN [d.name] + coalesce(d.aliases, []) WHERE a <> k.name AND NOT a IN coalesce(k.aliases, [])] AS more
			SET k.aliasNotes = coalesce(k.aliasNotes, [a IN coalesce(k.aliases, []) | '']) +
				[a IN more | CASE WHEN a = d.name THEN 'the name of ' + $drop + ', merged into this entity'
					ELSE coalesce([i IN range(0, size(d.aliases) - 1) WHERE d.aliases[i] = a | d.aliasNotes[i]][0], '') END],
				k.aliasCitations = coalesce(k.aliasCitations, []) + coalesce(d.aliasCitations, []),
				k.aliases = coalesce(k.aliases, []) + more
			DETACH DELETE d
			MERGE (:Redirect {from: $drop, to: $keep})`, params},
		statement{"MATCH (r:Redirect {to: $drop}) SET r.to = $keep", params}, // earlier merges into drop follow it
	)
	return db.audited(ctx, by, "mergeEntities", ids, func(tx neo4j.ManagedTransaction) error {
		return db.runAll(ctx, tx, stmts)
	})
}
