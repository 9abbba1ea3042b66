package graph

import (
	"context"
	"fmt"
	"slices"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

// WriteStats counts what Write wrote; a citation given twice counts once.
type WriteStats struct {
	Entities, Links, Citations int
}

// Write validates the dataset and writes it in one transaction: all of it or, on any
// error, nothing. It MERGEs on id and replaces properties, so writing the same dataset
// twice leaves the graph as the first write did; a fact's citations are replaced by the
// dataset's.
func (db *DB) Write(ctx context.Context, d *Dataset) (WriteStats, error) {
	return db.WriteBatched(ctx, d, 0)
}

// WriteBatched is Write in transactions of about batch facts each (all in one when batch
// is 0), for generated and imported data too large for one transaction. The whole
// dataset is validated first; a failure leaves the batches before it written, and
// writing again completes the dataset.
func (db *DB) WriteBatched(ctx context.Context, d *Dataset, batch int) (WriteStats, error) {
	if err := d.Validate(); err != nil {
		return WriteStats{}, err
	}
	kindOf := map[string]EntityKind{}
	for id, k := range d.Existing {
		kindOf[id] = k
	}
	for _, e := range d.Entities {
		kindOf[e.Common().ID] = e.Kind()
	}
	if batch <= 0 {
		return db.writeTx(ctx, d, kindOf)
	}
	var total WriteStats
	add := func(s WriteStats) {
		total.Entities += s.Entities
		total.Links += s.Links
		total.Citations += s.Citations
	}
	for i := 0; i < len(d.Entities); i += batch {
		stats, err := db.writeTx(ctx, &Dataset{Entities: d.Entities[i:min(i+batch, len(d.Entities))]}, kindOf)
		if err != nil {
			return total, err
		}
		add(stats)
	}
	for i := 0; i < len(d.Links); i += batch {
		stats, err := db.writeTx(ctx, &Dataset{Links: d.Links[i:min(i+batch, len(d.Links))]}, kindOf)
		if err != nil {
			return total, err
		}
		add(stats)
	}
	return total, nil
}

// writeTx writes a validated (part of a) dataset in one transaction.
func (db *DB) writeTx(ctx context.Context, d *Dataset, kindOf map[string]EntityKind) (WriteStats, error) {
	stmts, stats := writeStatements(d, kindOf, nil)
	err := db.transaction(ctx, func(ctx context.Context, tx neo4j.ManagedTransaction) error {
		return db.runAll(ctx, tx, stmts)
	})
	if err != nil {
		return WriteStats{}, fmt.Errorf("write dataset: %w", db.wrap(err))
	}
	return stats, nil
}

type statement struct {
	cypher string
	params map[string]any
}

// writeStatements builds the UNWIND statements of a write, grouped so that every label
// and type in the Cypher text comes from the enums. The facts whose ids are fresh are
// known not to be in the graph: they, and their citations, are CREATEd, and nothing
// looks for the citations they no longer give.
func writeStatements(d *Dataset, kindOf map[string]EntityKind, fresh map[string]bool) ([]statement, WriteStats) {
	var stmts []statement
	var stats WriteStats

	type nodeGroup struct {
		k     EntityKind
		fresh bool
	}
	nodes := map[nodeGroup][]map[string]any{}
	var cites []citationRow
	for _, e := range d.Entities {
		b := e.Common()
		g := nodeGroup{e.Kind(), fresh[b.ID]}
		nodes[g] = append(nodes[g], map[string]any{"id": b.ID, "props": nodeProperties(e)})
		cites = appendCitations(cites, b.ID, b.Citations)
	}
	for _, k := range EntityKinds {
		for _, isFresh := range []bool{false, true} {
			rows := nodes[nodeGroup{k, isFresh}]
			if len(rows) == 0 {
				continue
			}
			write := "MERGE (n:" + k.Label() + " {id: row.id})"
			if isFresh {
				write = "CREATE (n:" + k.Label() + ")"
			}
			stmts = append(stmts, statement{"UNWIND $rows AS row " + write + " SET n = row.props", map[string]any{"rows": rows}})
			stats.Entities += len(rows)
		}
	}

	type linkGroup struct {
		t        RelType
		from, to EntityKind
		fresh    bool
	}
	links := map[linkGroup][]map[string]any{}
	var order []linkGroup
	for _, l := range d.Links {
		g := linkGroup{l.Type, kindOf[l.From], kindOf[l.To], fresh[l.ID]}
		if links[g] == nil {
			order = append(order, g)
		}
		links[g] = append(links[g], map[string]any{"from": l.From, "to": l.To, "id": l.ID, "props": l.properties()})
		cites = appendCitations(cites, l.ID, l.Citations)
	}
	for _, g := range order {
		write := "MERGE (a)-[r:" + string(g.t) + " {id: row.id}]->(b)"
		if g.fresh {
			write = "CREATE (a)-[r:" + string(g.t) + "]->(b)"
		}
		stmts = append(stmts, statement{
			"UNWIND $rows AS row MATCH (a:" + g.from.Label() + " {id: row.from}) MATCH (b:" + g.to.Label() + " {id: row.to}) " +
				write + " SET r = row.props",
			map[string]any{"rows": links[g]}})
		stats.Links += len(links[g])
	}

	seen := map[string]bool{} // the same citation given twice is written once
	cites = slices.DeleteFunc(cites, func(c citationRow) bool {
		dup := seen[c.id]
		seen[c.id] = true
		return dup
	})
	stmts = append(stmts, citationStatements(cites, kindOf, fresh)...)
	stats.Citations = len(cites)
	return stmts, stats
}

// citationStatements drop the citations the dataset no longer gives, then merge the
// rest. The ids kept are grouped by fact, so the check costs one short list per fact. A
// citation's id hashes its source and claimant, so one that exists already has its two
// relationships: only its properties are set again. New ones are CREATEd with theirs,
// which costs a third less than MERGEing each relationship. The citations of fresh facts
// are new: they are CREATEd by source and claimant, each of those looked up once.
func citationStatements(cites []citationRow, kindOf map[string]EntityKind, fresh map[string]bool) []statement {
	type pair struct{ source, claimedBy string }
	keep := map[string][]string{}
	var abouts []string
	byClaimant := map[EntityKind][]map[string]any{}
	newRows := map[EntityKind]map[pair][]map[string]any{}
	var pairs []pair
	for _, c := range cites {
		if fresh[c.about] {
			k, p := kindOf[c.claimedBy], pair{c.c.Source, c.claimedBy}
			if newRows[k] == nil {
				newRows[k] = map[pair][]map[string]any{}
			}
			if newRows[k][p] == nil {
				pairs = append(pairs, p)
			}
			newRows[k][p] = append(newRows[k][p], c.props())
			continue
		}
		if keep[c.about] == nil {
			abouts = append(abouts, c.about)
		}
		keep[c.about] = append(keep[c.about], c.id)
		byClaimant[kindOf[c.claimedBy]] = append(byClaimant[kindOf[c.claimedBy]], c.row())
	}
	var stmts []statement
	if len(abouts) > 0 {
		facts := make([]map[string]any, len(abouts))
		for i, a := range abouts {
			facts[i] = map[string]any{"about": a, "ids": keep[a]}
		}
		stmts = append(stmts, statement{
			"UNWIND $facts AS fact MATCH (c:Citation {about: fact.about}) WHERE NOT c.id IN fact.ids DETACH DELETE c",
			map[string]any{"facts": facts}})
	}
	for _, k := range EntityKinds {
		if rows := byClaimant[k]; len(rows) > 0 {
			stmts = append(stmts, statement{
				"UNWIND $rows AS row OPTIONAL MATCH (old:Citation {id: row.id}) SET old = row.props " +
					"WITH row, old WHERE old IS NULL " +
					"MATCH (s:Source {id: row.source}) MATCH (e:" + k.Label() + " {id: row.claimedBy}) " +
					"CREATE (c:Citation)-[:FROM_SOURCE]->(s) SET c = row.props CREATE (c)-[:CLAIMED_BY]->(e)",
				map[string]any{"rows": rows}})
		}
		var groups []map[string]any
		for _, p := range pairs {
			if rows := newRows[k][p]; len(rows) > 0 {
				groups = append(groups, map[string]any{"source": p.source, "claimedBy": p.claimedBy, "rows": rows})
			}
		}
		if len(groups) > 0 {
			stmts = append(stmts, statement{
				"UNWIND $groups AS g MATCH (s:Source {id: g.source}) MATCH (e:" + k.Label() + " {id: g.claimedBy}) " +
					"UNWIND g.rows AS props CREATE (c:Citation)-[:FROM_SOURCE]->(s) SET c = props CREATE (c)-[:CLAIMED_BY]->(e)",
				map[string]any{"groups": groups}})
		}
	}
	return stmts
}

type citationRow struct {
	id, about, claimedBy string
	c                    Citation
}

func appendCitations(rows []citationRow, about string, cs []Citation) []citationRow {
	for _, c := range cs {
		rows = append(rows, citationRow{id: citationID(about, c), about: about, claimedBy: c.ClaimedBy, c: c})
	}
	return rows
}

func (r citationRow) row() map[string]any {
	return map[string]any{"id": r.id, "source": r.c.Source, "claimedBy": r.claimedBy, "props": r.props()}
}

func (r citationRow) props() map[string]any {
	props := map[string]any{"id": r.id, "about": r.about, "confidence": string(r.c.Confidence), "quote": r.c.Quote, "checked": r.c.Checked,
		"stance": string(stanceOf(string(r.c.Stance)))}
	setIf(props, "locator", r.c.Locator)
	setIf(props, "accessed", r.c.Accessed.String())
	return props
}

// transaction runs f as one write transaction of several statements (retried by the
// driver when its error is transient) under the breaker, so an outage ends it at once.
func (db *DB) transaction(ctx context.Context, f func(context.Context, neo4j.ManagedTransaction) error) error {
	// the shared bookmark manager, as ExecuteQuery's writes and readTimeout's reads: a read
	// after this write sees it, in a cluster too
	session := db.driver.NewSession(ctx, neo4j.SessionConfig{DatabaseName: db.database,
		BookmarkManager: db.driver.ExecuteQueryBookmarkManager()})
	defer session.Close(ctx)
	return db.guarded(ctx, func(ctx context.Context) error {
		_, err := session.ExecuteWrite(ctx, func(tx neo4j.ManagedTransaction) (any, error) {
			return nil, f(ctx, tx)
		})
		return err
	})
}
