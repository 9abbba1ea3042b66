package graph

import (
	"context"
	"fmt"
	"strings"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

// Prior is what a bulk writer knows of the graph without asking it: an importer knows
// what its earlier batches wrote. What it does not say is read from the graph.
type Prior struct {
	// Kinds are entities in the graph, or written by a batch that commits before this
	// one, with their kinds; none of them was merged away (merging removes the node).
	Kinds map[string]EntityKind
	// Entities are the sources and organizations among Kinds as they were written: what
	// the evidence rules read of them, and a source's text.
	Entities map[string]Entity
	// New says that no fact the dataset defines is in the graph or was merged away:
	// they are CREATEd without looking (the id constraints refuse one that is, loudly).
	New bool
}

// addTo adds what p knows to what prepare read of the graph.
func (p *Prior) addTo(d *Dataset) {
	for id, k := range p.Kinds {
		d.Existing[id] = k
	}
	for id, e := range p.Entities {
		d.Known[id] = e
		if s, ok := e.(*Source); ok && s.Text != "" {
			d.Texts[id] = s.Text
		}
	}
}

// Bulk is a dataset validated against the graph, ready to be written.
type Bulk struct {
	db           *DB
	by, mutation string
	stmts        []statement
	ids          []string
}

// ApplyBulk is Apply for imports: the same validation against the graph and one
// transaction, but the audit record lists the ids touched without their before and after
// values, which would double the work of a large batch, and the facts not in the graph
// yet are CREATEd, citations included, without looking for what they replace.
func (db *DB) ApplyBulk(ctx context.Context, by, mutation string, d *Dataset) error {
	b, err := db.PrepareBulk(ctx, by, mutation, d, Prior{})
	if err != nil {
		return err
	}
	return b.Write(ctx)
}

// PrepareBulk is the first half of ApplyBulk: it validates d against the graph, asking
// only for what prior does not know, and builds its statements. An importer prepares a
// batch while the one before is written: prior must then count that one as written.
func (db *DB) PrepareBulk(ctx context.Context, by, mutation string, d *Dataset, prior Prior) (*Bulk, error) {
	stmts, ids, err := db.prepare(ctx, d, &prior)
	if err != nil {
		return nil, err
	}
	return &Bulk{db: db, by: by, mutation: mutation, stmts: stmts, ids: ids}, nil
}

// Write writes a prepared dataset and its audit record in one transaction.
func (b *Bulk) Write(ctx context.Context) error {
	stmts := append(b.stmts, statement{`CREATE (:Change {id: randomUUID(), at: datetime(), by: $by, mutation: $mutation,
		ids: $ids, before: '(not recorded for bulk imports)', after: '(not recorded for bulk imports)'})`,
		map[string]any{"by": b.by, "mutation": b.mutation, "ids": b.ids}})
	if err := b.db.transaction(ctx, func(ctx context.Context, tx neo4j.ManagedTransaction) error {
		return b.db.runAll(ctx, tx, stmts)
	}); err != nil {
		return fmt.Errorf("%s: %w", b.mutation, b.db.wrap(err))
	}
	return nil
}

// HoldsNoFtM reports whether the graph holds no entity or relationship with an FtM id
// and no redirect: then nothing an FtM import defines is in it, or was merged away. One
// index seek per label and relationship type.
func (db *DB) HoldsNoFtM(ctx context.Context) (bool, error) {
	var parts []string
	for _, k := range append([]EntityKind{KindSource}, ftmKinds...) {
		parts = append(parts, fmt.Sprintf("MATCH (n:%s) WHERE n.id STARTS WITH '%s:ftm-' RETURN 1 AS x LIMIT 1", k.Label(), k.IDPrefix()))
	}
	for _, t := range RelTypes {
		parts = append(parts, fmt.Sprintf("MATCH ()-[r:%s]->() WHERE r.id STARTS WITH '%s:ftm-' RETURN 1 AS x LIMIT 1", t, strings.ToLower(string(t))))
	}
	parts = append(parts, "MATCH (r:Redirect) RETURN 1 AS x LIMIT 1")
	res, err := db.read(ctx, "CALL () { "+strings.Join(parts, " UNION ALL ")+" } RETURN count(*)", nil)
	if err != nil {
		return false, err
	}
	n, _ := res.Records[0].Values[0].(int64)
	return n == 0, nil
}
