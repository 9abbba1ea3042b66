package graph

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
	"golang.org/x/sync/errgroup"
)

// Apply validates a dataset against the graph (it may cite and link entities that
// exist) with the seed loader's rules, then writes it and its audit record in ONE
// transaction: all of it, with the record, or nothing.
func (db *DB) Apply(ctx context.Context, by, mutation string, d *Dataset) error {
	stmts, ids, err := db.prepare(ctx, d, nil)
	if err != nil {
		return err
	}
	return db.audited(ctx, by, mutation, ids, func(tx neo4j.ManagedTransaction) error {
		return db.runAll(ctx, tx, stmts)
	})
}

// prepare validates d against the graph and returns the statements that write it and
// the ids it touches. Its reads of the graph run side by side, for what prior does not
// say; with prior (a bulk write), one more finds which of the facts d defines are in the
// graph already (the others are written fresh), unless prior says none is.
func (db *DB) prepare(ctx context.Context, d *Dataset, prior *Prior) ([]statement, []string, error) {
	defined := make([]string, 0, len(d.Entities))
	inDataset := map[string]bool{}
	for _, e := range d.Entities {
		defined = append(defined, e.Common().ID)
		inDataset[e.Common().ID] = true
	}
	facts := slices.Clone(defined)
	for _, l := range d.Links {
		if l.ID != "" { // a default id is filled in by Validate: such a link counts as present
			facts = append(facts, l.ID)
		}
	}
	known := prior
	if known == nil {
		known = &Prior{}
	}
	// what the dataset defines, or prior knows is in the graph, is not asked for
	refs := slices.DeleteFunc(referenced(d), func(id string) bool {
		_, ok := known.Kinds[id]
		return ok || inDataset[id]
	})
	merged := refs
	if !known.New {
		merged = append(defined, refs...)
	}
	present := map[string]EntityKind{}
	var g errgroup.Group
	g.Go(func() (err error) { d.Existing, err = db.existingKinds(ctx, refs); return err })
	g.Go(func() (err error) { d.Known, err = db.evidenceOf(ctx, refs); return err })
	g.Go(func() (err error) { d.Texts, err = db.sourceTexts(ctx, refs); return err })
	g.Go(func() (err error) { d.Merged, err = db.redirects(ctx, merged); return err })
	if prior != nil && !prior.New {
		g.Go(func() (err error) { present, err = db.existingFacts(ctx, facts); return err })
	}
	if err := g.Wait(); err != nil {
		return nil, nil, err
	}
	known.addTo(d)
	if err := d.Validate(); err != nil {
		return nil, nil, err
	}
	kindOf := map[string]EntityKind{}
	for id, k := range d.Existing {
		kindOf[id] = k
	}
	ids := make([]string, 0, len(d.Entities)+len(d.Links))
	for _, e := range d.Entities {
		kindOf[e.Common().ID] = e.Kind()
		ids = append(ids, e.Common().ID)
	}
	for _, l := range d.Links {
		ids = append(ids, l.ID)
	}
	var fresh map[string]bool
	if prior != nil {
		fresh = map[string]bool{}
		for _, id := range facts {
			if _, ok := present[id]; !ok {
				fresh[id] = true
			}
		}
	}
	stmts, _ := writeStatements(d, kindOf, fresh)
	return stmts, ids, nil
}

func (db *DB) runAll(ctx context.Context, tx neo4j.ManagedTransaction, stmts []statement) error {
	for _, s := range stmts {
		ctx, end, err := db.begin(ctx, "write")
		if err != nil {
			return err
		}
		res, err := tx.Run(ctx, s.cypher, s.params)
		if err == nil {
			_, err = res.Consume(ctx)
		}
		if err != nil {
			// the driver's own error, so that it can retry what is transient, unless the
			// breaker cut the statement off
			if e := end(err); cutOff(ctx) {
				return e
			}
			return err
		}
		end(nil)
	}
	return nil
}

// referenced lists the ids a dataset points at: citations' sources and claimants, and
// the ends of its links.
func referenced(d *Dataset) []string {
	var ids []string
	seen := map[string]bool{} // an import's rows mostly cite one source and claimant
	add := func(more ...string) {
		for _, id := range more {
			if !seen[id] {
				seen[id] = true
				ids = append(ids, id)
			}
		}
	}
	cite := func(cs []Citation) {
		for _, c := range cs {
			add(c.Source, c.ClaimedBy)
		}
	}
	for _, e := range d.Entities {
		cite(e.Common().Citations)
		for _, a := range e.Common().AliasSources {
			cite(a.Citations)
		}
	}
	for _, l := range d.Links {
		add(l.From, l.To)
		cite(l.Citations)
	}
	return ids
}

// sourceTexts returns the stored texts of the sources among ids that have one.
func (db *DB) sourceTexts(ctx context.Context, ids []string) (map[string]string, error) {
	var sources []string
	for _, id := range ids {
		if k, _ := kindOfID(id); k == KindSource {
			sources = append(sources, id)
		}
	}
	out := map[string]string{}
	if len(sources) == 0 {
		return out, nil
	}
	res, err := db.read(ctx, "MATCH (s:Source) WHERE s.id IN $ids AND s.text IS NOT NULL RETURN s.id, s.text", map[string]any{"ids": sources})
	if err != nil {
		return nil, err
	}
	for _, r := range res.Records {
		out[str(r.Values[0])] = str(r.Values[1])
	}
	return out, nil
}

// ExistingKinds returns which of ids are entities in the graph, with their kinds.
func (db *DB) ExistingKinds(ctx context.Context, ids []string) (map[string]EntityKind, error) {
	return db.existingKinds(ctx, ids)
}

func (db *DB) existingKinds(ctx context.Context, ids []string) (map[string]EntityKind, error) {
	return db.existing(ctx, ids, "")
}

// existingFacts is existingKinds for entity and relationship ids (a relationship's kind
// is "").
func (db *DB) existingFacts(ctx context.Context, ids []string) (map[string]EntityKind, error) {
	return db.existing(ctx, ids, "r.id AS id")
}

func (db *DB) existing(ctx context.Context, ids []string, relReturn string) (map[string]EntityKind, error) {
	parts, params := idLookups(ids, "n.id AS id", relReturn)
	out := map[string]EntityKind{}
	if len(parts) == 0 {
		return out, nil
	}
	res, err := db.read(ctx, "CALL () { "+strings.Join(parts, " UNION ")+" } RETURN id", params)
	if err != nil {
		return nil, err
	}
	for _, r := range res.Records {
		id := str(r.Values[0])
		out[id], _ = kindOfID(id)
	}
	return out, nil
}

// idLookups is one MATCH per label (and, unless relReturn is "", per relationship type)
// among ids, each taking its ids as a parameter through the id constraints, for a
// statement to UNION: the node is n, the relationship r, and each part returns
// nodeReturn or relReturn.
func idLookups(ids []string, nodeReturn, relReturn string) ([]string, map[string]any) {
	nodes := map[EntityKind][]string{}
	rels := map[RelType][]string{}
	for _, id := range ids {
		if k, ok := kindOfID(id); ok {
			nodes[k] = append(nodes[k], id)
		} else if t, ok := relTypeOfID(id); ok && relReturn != "" {
			rels[t] = append(rels[t], id)
		}
	}
	var parts []string
	params := map[string]any{}
	for _, k := range EntityKinds {
		if len(nodes[k]) > 0 {
			p := fmt.Sprintf("p%d", len(params))
			params[p] = nodes[k]
			parts = append(parts, fmt.Sprintf("MATCH (n:%s) WHERE n.id IN $%s RETURN %s", k.Label(), p, nodeReturn))
		}
	}
	for _, t := range RelTypes {
		if len(rels[t]) > 0 {
			p := fmt.Sprintf("p%d", len(params))
			params[p] = rels[t]
			parts = append(parts, fmt.Sprintf("MATCH ()-[r:%s]->() WHERE r.id IN $%s RETURN %s", t, p, relReturn))
		}
	}
	return parts, params
}

// History returns the changes that touched id, newest first.
func (db *DB) History(ctx context.Context, id string) ([]*Change, error) {
	return db.changes(ctx, "MATCH (c:Change) WHERE $id IN c.ids RETURN c ORDER BY c.at DESC", map[string]any{"id": id})
}

// Changes returns the changes since a time, by one caller when by is not empty, newest
// first.
func (db *DB) Changes(ctx context.Context, since time.Time, by string) ([]*Change, error) {
	return db.changes(ctx, "MATCH (c:Change) WHERE c.at >= $since AND ($by = '' OR c.by = $by) RETURN c ORDER BY c.at DESC LIMIT 1000",
		map[string]any{"since": since, "by": by})
}

func (db *DB) changes(ctx context.Context, cypher string, params map[string]any) ([]*Change, error) {
	res, err := db.read(ctx, cypher, params)
	if err != nil {
		return nil, err
	}
	out := make([]*Change, 0, len(res.Records))
	for _, r := range res.Records {
		node, _ := r.Values[0].(neo4j.Node)
		p := node.Props
		c := &Change{ID: str(p["id"]), By: str(p["by"]), Mutation: str(p["mutation"]), IDs: strs(p["ids"]),
			Before: str(p["before"]), After: str(p["after"]), Undo: str(p["undo"])}
		c.At, _ = p["at"].(time.Time)
		out = append(out, c)
	}
	return out, nil
}
