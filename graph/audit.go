package graph

import (
	"context"
	"encoding/json"
	"fmt"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

// Change is one audited write: who, when, which mutation, the ids it touched, and their
// properties before and after (JSON objects keyed by id).
type Change struct {
	ID       string
	At       time.Time
	By       string
	Mutation string
	IDs      []string
	Before   string
	After    string
	Undo     string // JSON: what undoes it (a merge's mergeUndo), "" for most changes
}

// UndoJSON is Undo, or nil when the change has none.
func (c *Change) UndoJSON() *string {
	if c.Undo == "" {
		return nil
	}
	return &c.Undo
}

// AtText is At in RFC 3339.
func (c *Change) AtText() string { return c.At.UTC().Format(time.RFC3339Nano) }

// audited runs write inside one transaction between two snapshots of ids, and records
// the change.
func (db *DB) audited(ctx context.Context, by, mutation string, ids []string, write func(neo4j.ManagedTransaction) error) error {
	return db.auditedUndo(ctx, by, mutation, ids, func(tx neo4j.ManagedTransaction) (string, error) { return "", write(tx) })
}

// auditedUndo is audited for a write that says, as JSON, what undoes it: the record
// keeps it (Change.Undo).
func (db *DB) auditedUndo(ctx context.Context, by, mutation string, ids []string, write func(neo4j.ManagedTransaction) (string, error)) error {
	err := db.transaction(ctx, func(ctx context.Context, tx neo4j.ManagedTransaction) error {
		before, err := db.snapshot(ctx, tx, ids)
		if err != nil {
			return err
		}
		undo, err := write(tx)
		if err != nil {
			return err
		}
		after, err := db.snapshot(ctx, tx, ids)
		if err != nil {
			return err
		}
		b, _ := json.Marshal(before)
		a, _ := json.Marshal(after)
		params := map[string]any{"by": by, "mutation": mutation, "ids": ids, "before": string(b), "after": string(a), "undo": nil}
		if undo != "" {
			params["undo"] = undo
		}
		return db.runAll(ctx, tx, []statement{{`CREATE (:Change {id: randomUUID(), at: datetime(), by: $by,
			mutation: $mutation, ids: $ids, before: $before, after: $after, undo: $undo})`, params}})
	})
	if err != nil {
		return fmt.Errorf("%s: %w", mutation, db.wrap(err))
	}
	return nil
}

// snapshot reads what the audit keeps of the nodes and relationships with ids, by id:
// their properties, their citations (with source and claimant ids) under "citations"
// and, for a relationship, its "type", "start" and "end" entity ids.
func (db *DB) snapshot(ctx context.Context, tx neo4j.ManagedTransaction, ids []string) (map[string]any, error) {
	nodes := map[EntityKind][]string{}
	rels := map[RelType][]string{}
	for _, id := range ids {
		if k, ok := kindOfID(id); ok {
			nodes[k] = append(nodes[k], id)
		} else if t, ok := relTypeOfID(id); ok {
			rels[t] = append(rels[t], id)
		}
	}
	out := map[string]any{}
	read := func(cypher string, ids []string, t RelType) error {
		db.statements.Add(1)
		res, err := tx.Run(ctx, cypher, map[string]any{"ids": ids})
		if err != nil {
			return err
		}
		records, err := res.Collect(ctx)
		if err != nil {
			return err
		}
		for _, r := range records {
			props, _ := jsonable(r.Values[1]).(map[string]any)
			props["citations"] = auditedCitations(r.Values[2])
			if t != "" {
				props["type"], props["start"], props["end"] = string(t), str(r.Values[3]), str(r.Values[4])
			}
			out[str(r.Values[0])] = props
		}
		return nil
	}
	for _, k := range EntityKinds {
		if len(nodes[k]) > 0 {
			if err := read("MATCH (n:"+k.Label()+") WHERE n.id IN $ids RETURN n.id, properties(n), "+citationsOf("n"), nodes[k], ""); err != nil {
				return nil, err
			}
		}
	}
	for _, t := range RelTypes {
		if len(rels[t]) > 0 {
			if err := read("MATCH (a)-[r:"+string(t)+"]->(b) WHERE r.id IN $ids RETURN r.id, properties(r), "+citationsOf("r")+", a.id, b.id", rels[t], t); err != nil {
				return nil, err
			}
		}
	}
	return out, nil
}

// auditedCitations are a fact's citations as the audit keeps them: their properties,
// with "source" and "claimedBy" ids.
func auditedCitations(v any) []any {
	list, _ := v.([]any)
	out := make([]any, 0, len(list))
	for _, raw := range list {
		c, _ := jsonable(raw).(map[string]any)
		c["source"], c["claimedBy"] = c["__source"], c["__claimant"]
		delete(c, "__source")
		delete(c, "__claimant")
		delete(c, "about")
		out = append(out, c)
	}
	return out
}

// jsonable turns Neo4j values into what encoding/json writes plainly (dates as
// YYYY-MM-DD).
func jsonable(v any) any {
	return rebuild(v, func(v any) (any, bool) {
		if d, ok := v.(neo4j.Date); ok {
			return time.Time(d).Format("2006-01-02"), true
		}
		return nil, false
	})
}

// rebuild copies v's maps and lists, replacing each value that convert takes (it returns
// true) by what convert returns; maps and lists convert does not take are rebuilt in turn.
func rebuild(v any, convert func(any) (any, bool)) any {
	if c, ok := convert(v); ok {
		return c
	}
	switch x := v.(type) {
	case map[string]any:
		out := make(map[string]any, len(x))
		for k, e := range x {
			out[k] = rebuild(e, convert)
		}
		return out
	case []any:
		out := make([]any, len(x))
		for i, e := range x {
			out[i] = rebuild(e, convert)
		}
		return out
	}
	return v
}
