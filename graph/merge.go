package graph

import (
	"context"
	"encoding/json"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

// MergeEntities folds drop into keep, in one audited transaction: every relationship of
// drop moves to keep (keeping its id, properties and citations), drop's citations and
// the citations it claims or sources follow, drop's name and aliases become keep's
// aliases (with their notes and citations; drop's name noted as merged), and a
// (:Redirect) makes drop's id resolve to keep. Both must be of one kind.
// The audit record keeps what UnmergeEntities needs to undo it (mergeUndo).
func (db *DB) MergeEntities(ctx context.Context, by, keep, drop string) error {
	kind, err := db.mergeable(ctx, keep, drop)
	if err != nil {
		return err
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
				k.aliasCitations = coalesce(k.aliasCitations, []) + [c IN coalesce(d.aliasCitations, [])
					WHERE ANY(a IN more WHERE c STARTS WITH '{"alias":"' + replace(replace(a, '\\', '\\\\'), '"', '\\"') + '",')],
				k.aliases = coalesce(k.aliases, []) + more
			DETACH DELETE d
			MERGE (:Redirect {from: $drop, to: $keep})`, params},
		statement{"MATCH (r:Redirect {to: $drop}) SET r.to = $keep", params}, // earlier merges into drop follow it
	)
	return db.auditedUndo(ctx, by, "mergeEntities", ids, func(tx neo4j.ManagedTransaction) (string, error) {
		undo, err := db.readMergeUndo(ctx, tx, kind, keep, drop)
		if err != nil {
			return "", err
		}
		// the same claim twice is kept once: the duplicate goes before anything is
		// changed (Neo4j may still find a node changed and then deleted in the same
		// transaction by its old index entry); the moved citations then get the ids a
		// rewrite would give them, so that they stay the same however keep is edited
		duplicates, renames := undo.renames()
		if err := db.runAll(ctx, tx, append(append([]statement{duplicates}, stmts...), renames)); err != nil {
			return "", err
		}
		b, _ := json.Marshal(undo)
		return string(b), nil
	})
}

// mergeable checks that keep and drop are two entities of one kind, and returns it.
func (db *DB) mergeable(ctx context.Context, keep, drop string) (EntityKind, error) {
	kind, okKeep := kindOfID(keep)
	dropKind, okDrop := kindOfID(drop)
	switch {
	case !okKeep || !okDrop || kind != dropKind:
		return "", Errorf(EINVALID, "merge needs two entities of one kind, not %q and %q", keep, drop)
	case keep == drop:
		return "", Errorf(EINVALID, "cannot merge %q into itself", keep)
	}
	existing, err := db.existingKinds(ctx, []string{keep, drop})
	if err != nil {
		return "", err
	}
	for _, id := range []string{keep, drop} {
		if _, ok := existing[id]; !ok {
			return "", Errorf(ENOTFOUND, "no entity %q", id)
		}
	}
	return kind, nil
}

// mergeUndo is what a merge changes, as it was before, for UnmergeEntities: drop's node,
// the aliases keep gained, drop's relationships with their ends, every citation about,
// claimed by or sourced from drop, and the redirects that pointed at drop.
type mergeUndo struct {
	Keep          string          `json:"keep"`
	Drop          string          `json:"drop"`
	Node          map[string]any  `json:"node"`
	Aliases       []string        `json:"aliases"`
	Relationships []movedRelation `json:"relationships"`
	Citations     []movedCitation `json:"citations"`
	Redirects     []string        `json:"redirects"`
}

type movedRelation struct {
	ID    string         `json:"id"`
	Type  RelType        `json:"type"`
	Start string         `json:"start"`
	End   string         `json:"end"`
	Props map[string]any `json:"props"`
}

// loop reports whether the relationship joined the two merged entities: the merge
// deleted it.
func (r movedRelation) loop(u *mergeUndo) bool {
	return (r.Start == u.Keep || r.Start == u.Drop) && (r.End == u.Keep || r.End == u.Drop)
}

// movedCitation is a citation the merge touched, as it was (Old, About, Source,
// ClaimedBy) and the id it has after the merge (New). Duplicate: the merge deleted it,
// as the same claim as another.
type movedCitation struct {
	Old       string         `json:"old"`
	New       string         `json:"new"`
	About     string         `json:"about"`
	Source    string         `json:"source"`
	ClaimedBy string         `json:"claimedBy"`
	Props     map[string]any `json:"props"`
	Duplicate bool           `json:"duplicate"`
}

// readMergeUndo reads, inside the merge's transaction and before it changes anything,
// what undoing it needs.
func (db *DB) readMergeUndo(ctx context.Context, tx neo4j.ManagedTransaction, kind EntityKind, keep, drop string) (*mergeUndo, error) {
	label := kind.Label()
	params := map[string]any{"keep": keep, "drop": drop}
	rows, err := db.txRows(ctx, tx, `MATCH (k:`+label+` {id: $keep}), (d:`+label+` {id: $drop})
		RETURN properties(d), [a IN [d.name] + coalesce(d.aliases, []) WHERE a <> k.name AND NOT a IN coalesce(k.aliases, [])],
		COLLECT { MATCH (d)-[r]-() WHERE r.id IS NOT NULL RETURN DISTINCT {id: r.id, type: type(r), start: startNode(r).id, end: endNode(r).id, props: properties(r)} },
		COLLECT { MATCH (r:Redirect {to: $drop}) RETURN r.from }`, params)
	if err != nil || len(rows) == 0 {
		return nil, err
	}
	u := &mergeUndo{Keep: keep, Drop: drop, Aliases: strs(rows[0][1]), Redirects: strs(rows[0][3])}
	u.Node, _ = jsonable(rows[0][0]).(map[string]any)
	for _, raw := range rows[0][2].([]any) {
		m, _ := jsonable(raw).(map[string]any)
		props, _ := m["props"].(map[string]any)
		u.Relationships = append(u.Relationships, movedRelation{ID: str(m["id"]), Type: RelType(str(m["type"])),
			Start: str(m["start"]), End: str(m["end"]), Props: props})
	}
	cites, err := db.txRows(ctx, tx, `CALL () {
			MATCH (c:Citation {about: $drop}) RETURN c
			UNION MATCH (c:Citation)-[:CLAIMED_BY]->(:`+label+` {id: $drop}) RETURN c
			UNION MATCH (c:Citation)-[:FROM_SOURCE]->(:`+label+` {id: $drop}) RETURN c
		}
		MATCH (c)-[:FROM_SOURCE]->(s) OPTIONAL MATCH (c)-[:CLAIMED_BY]->(e)
		RETURN properties(c), s.id, e.id ORDER BY c.id`, params)
	if err != nil {
		return nil, err
	}
	after := func(id string) string {
		if id == drop {
			return keep
		}
		return id
	}
	news := make([]string, 0, len(cites))
	for _, r := range cites {
		props, _ := jsonable(r[0]).(map[string]any)
		c := movedCitation{Old: str(props["id"]), About: str(props["about"]), Source: str(r[1]), ClaimedBy: str(r[2]), Props: props}
		c.New = citationID(after(c.About), Citation{Source: after(c.Source), Quote: str(props["quote"]),
			Locator: str(props["locator"]), ClaimedBy: after(c.ClaimedBy)})
		u.Citations = append(u.Citations, c)
		news = append(news, c.New)
	}
	// a new id that a citation has already (the same claim, made about keep or by keep)
	// or that an earlier one of these takes is a duplicate
	taken, err := db.txRows(ctx, tx, "MATCH (c:Citation) WHERE c.id IN $ids RETURN c.id", map[string]any{"ids": news})
	if err != nil {
		return nil, err
	}
	seen := map[string]bool{}
	for _, r := range taken {
		seen[str(r[0])] = true
	}
	for i := range u.Citations {
		c := &u.Citations[i]
		c.Duplicate = seen[c.New] && c.New != c.Old
		seen[c.New] = true
	}
	return u, nil
}

// renames are the statements that delete the moved citations that duplicate another
// and give the others their new ids.
func (u *mergeUndo) renames() (duplicates, renames statement) {
	var dup, ren []map[string]any
	for _, c := range u.Citations {
		if c.Duplicate {
			dup = append(dup, map[string]any{"old": c.Old})
		} else if c.New != c.Old {
			ren = append(ren, map[string]any{"old": c.Old, "new": c.New})
		}
	}
	return statement{"UNWIND $rows AS row MATCH (c:Citation {id: row.old}) DETACH DELETE c", map[string]any{"rows": dup}},
		statement{"UNWIND $rows AS row MATCH (c:Citation {id: row.old}) SET c.id = row.new", map[string]any{"rows": ren}}
}

// txRows runs a read inside tx and returns its records' values.
func (db *DB) txRows(ctx context.Context, tx neo4j.ManagedTransaction, cypher string, params map[string]any) ([][]any, error) {
	db.statements.Add(1)
	res, err := tx.Run(ctx, cypher, params)
	if err != nil {
		return nil, err
	}
	records, err := res.Collect(ctx)
	if err != nil {
		return nil, err
	}
	out := make([][]any, len(records))
	for i, r := range records {
		out[i] = r.Values
	}
	return out, nil
}
