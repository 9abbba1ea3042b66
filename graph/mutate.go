package graph

import (
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
	"golang.org/x/sync/errgroup"
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

// Apply validates a dataset against the graph (it may cite and link entities that
// exist) with the seed loader's rules, then writes it and its audit record in ONE
// transaction: all of it, with the record, or nothing.
func (db *DB) Apply(ctx context.Context, by, mutation string, d *Dataset) error {
	stmts, ids, err := db.prepare(ctx, d, false)
	if err != nil {
		return err
	}
	return db.audited(ctx, by, mutation, ids, func(tx neo4j.ManagedTransaction) error {
		return db.runAll(ctx, tx, stmts)
	})
}

// ApplyBulk is Apply for imports: the same validation against the graph and one
// transaction, but the audit record lists the ids touched without their before and after
// values, which would double the work of a large batch, and the facts not in the graph
// yet are CREATEd, citations included, without looking for what they replace.
func (db *DB) ApplyBulk(ctx context.Context, by, mutation string, d *Dataset) error {
	stmts, ids, err := db.prepare(ctx, d, true)
	if err != nil {
		return err
	}
	stmts = append(stmts, statement{`CREATE (:Change {id: randomUUID(), at: datetime(), by: $by, mutation: $mutation,
		ids: $ids, before: '(not recorded for bulk imports)', after: '(not recorded for bulk imports)'})`,
		map[string]any{"by": by, "mutation": mutation, "ids": ids}})
	if err := db.transaction(ctx, func(ctx context.Context, tx neo4j.ManagedTransaction) error {
		return db.runAll(ctx, tx, stmts)
	}); err != nil {
		return fmt.Errorf("%s: %w", mutation, db.wrap(err))
	}
	return nil
}

// prepare validates d against the graph and returns the statements that write it and
// the ids it touches. Its reads of the graph run side by side; with bulk, one more finds
// which of the facts d defines are in the graph already (the others are written fresh).
func (db *DB) prepare(ctx context.Context, d *Dataset, bulk bool) ([]statement, []string, error) {
	refs := referenced(d)
	defined := make([]string, 0, len(d.Entities)+len(refs))
	for _, e := range d.Entities {
		defined = append(defined, e.Common().ID)
	}
	facts := slices.Clone(defined)
	for _, l := range d.Links {
		if l.ID != "" { // a default id is filled in by Validate: such a link counts as present
			facts = append(facts, l.ID)
		}
	}
	var present map[string]EntityKind
	var g errgroup.Group
	g.Go(func() (err error) { d.Existing, err = db.existingKinds(ctx, refs); return err })
	g.Go(func() (err error) { d.Known, err = db.evidenceOf(ctx, refs); return err })
	g.Go(func() (err error) { d.Texts, err = db.sourceTexts(ctx, refs); return err })
	g.Go(func() (err error) { d.Merged, err = db.redirects(ctx, append(defined, refs...)); return err })
	if bulk {
		g.Go(func() (err error) { present, err = db.existingFacts(ctx, facts); return err })
	}
	if err := g.Wait(); err != nil {
		return nil, nil, err
	}
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
	if bulk {
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
	res, err := db.read(ctx, "CALL { "+strings.Join(parts, " UNION ")+" } RETURN id", params)
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

// CreateEntity adds a new entity, cited; ECONFLICT when its id is taken.
func (db *DB) CreateEntity(ctx context.Context, by string, e Entity) error {
	taken, err := db.existingKinds(ctx, []string{e.Common().ID})
	if err != nil {
		return err
	}
	if len(taken) > 0 {
		return Errorf(ECONFLICT, "%s exists; update it instead", e.Common().ID)
	}
	e.Common().Origin = Origin{}
	return db.Apply(ctx, by, "create"+e.Kind().Label(), &Dataset{Entities: []Entity{e}})
}

// UpdateEntity loads an entity, lets change edit it, and writes it back, validated and
// audited; ENOTFOUND when there is none.
func (db *DB) UpdateEntity(ctx context.Context, by, mutation, id string, change func(Entity) error) (Entity, error) {
	e, err := db.loadEntity(ctx, id)
	if err != nil {
		return nil, err
	}
	if err := change(e); err != nil {
		return nil, err
	}
	return e, db.Apply(ctx, by, mutation, &Dataset{Entities: []Entity{e}})
}

// UpdateLink is UpdateEntity for a relationship.
func (db *DB) UpdateLink(ctx context.Context, by, mutation, id string, change func(*Link) error) (*Link, error) {
	l, err := db.loadLink(ctx, id)
	if err != nil {
		return nil, err
	}
	if err := change(l); err != nil {
		return nil, err
	}
	return l, db.Apply(ctx, by, mutation, &Dataset{Links: []*Link{l}})
}

// LinkEntities adds a cited relationship between two entities of the graph.
func (db *DB) LinkEntities(ctx context.Context, by string, l *Link) error {
	if l.ID == "" && l.Type.IsValid() {
		l.ID = DefaultLinkID(l.Type, l.From, l.To)
	}
	if t, ok := relTypeOfID(l.ID); ok {
		if exists, err := db.linkExists(ctx, t, l.ID); err != nil {
			return err
		} else if exists {
			return Errorf(ECONFLICT, "%s exists; give the second %s between them its own id", l.ID, t)
		}
	}
	l.Field = "link"
	return db.Apply(ctx, by, "link", &Dataset{Links: []*Link{l}})
}

// Unlink deletes a relationship and its citations; the audit keeps what it was.
func (db *DB) Unlink(ctx context.Context, by, id string) error {
	t, ok := relTypeOfID(id)
	if !ok {
		return Errorf(ENOTFOUND, "no relationship %q", id)
	}
	if exists, err := db.linkExists(ctx, t, id); err != nil {
		return err
	} else if !exists {
		return Errorf(ENOTFOUND, "no relationship %q", id)
	}
	return db.audited(ctx, by, "unlink", []string{id}, func(tx neo4j.ManagedTransaction) error {
		return db.runAll(ctx, tx, []statement{
			{"MATCH ()-[r:" + string(t) + " {id: $id}]->() DELETE r", map[string]any{"id": id}},
			{"MATCH (c:Citation {about: $id}) DETACH DELETE c", map[string]any{"id": id}},
		})
	})
}

func (db *DB) linkExists(ctx context.Context, t RelType, id string) (bool, error) {
	res, err := db.read(ctx, "RETURN EXISTS { MATCH ()-[r:"+string(t)+" {id: $id}]->() } AS found", map[string]any{"id": id})
	if err != nil {
		return false, err
	}
	found, _ := res.Records[0].Values[0].(bool)
	return found, nil
}

// loadEntity reads an entity with its citations (as ids), ready to edit and write back.
func (db *DB) loadEntity(ctx context.Context, id string) (Entity, error) {
	kind, ok := kindOfID(id)
	if !ok {
		return nil, Errorf(ENOTFOUND, "no entity %q", id)
	}
	res, err := db.read(ctx, "MATCH (n:"+kind.Label()+" {id: $id}) RETURN properties(n), "+citationsOf("n"), map[string]any{"id": id})
	if err != nil {
		return nil, err
	}
	if len(res.Records) == 0 {
		return nil, Errorf(ENOTFOUND, "no entity %q", id)
	}
	e := newEntity(kind)
	props, _ := res.Records[0].Values[0].(map[string]any)
	readBase(e.Common(), props)
	e.readProperties(props)
	e.Common().Confidence = Confidence(str(props["ownConfidence"])) // an editor's, not the derived one
	e.Common().Citations = readCitations(res.Records[0].Values[1])
	return e, nil
}

// loadLink reads a relationship with its ends and citations.
func (db *DB) loadLink(ctx context.Context, id string) (*Link, error) {
	t, ok := relTypeOfID(id)
	if !ok {
		return nil, Errorf(ENOTFOUND, "no relationship %q", id)
	}
	res, err := db.read(ctx, "MATCH (a)-[r:"+string(t)+" {id: $id}]->(b) RETURN properties(r), a.id, b.id, "+citationsOf("r"),
		map[string]any{"id": id})
	if err != nil {
		return nil, err
	}
	if len(res.Records) == 0 {
		return nil, Errorf(ENOTFOUND, "no relationship %q", id)
	}
	v := res.Records[0].Values
	props, _ := v[0].(map[string]any)
	base := readEdge(props, t)
	return &Link{ID: id, Type: t, From: str(v[1]), To: str(v[2]), Role: base.Role, Outcome: base.Outcome,
		Sentence: base.Sentence, When: base.When, Attested: base.Attested, EndedBy: base.EndedBy,
		Confidence: Confidence(str(props["ownConfidence"])), Retraction: base.Retraction, Inference: deref(base.Inference), Citations: readCitations(v[3]), Field: "link",
		FtM: str(props["ftm"]), Facts: readFacts(props, LinkFacts)}, nil
}

// citationsOf is the Cypher that lists x's citations with their source and claimant ids.
func citationsOf(x string) string {
	return "COLLECT { MATCH (c:Citation {about: " + x + ".id})-[:FROM_SOURCE]->(s:Source) OPTIONAL MATCH (c)-[:CLAIMED_BY]->(e) " +
		"RETURN c {.*, __source: s.id, __claimant: e.id} ORDER BY c.id }"
}

func readCitations(v any) []Citation {
	list, _ := v.([]any)
	out := make([]Citation, 0, len(list))
	for _, raw := range list {
		p, _ := raw.(map[string]any)
		out = append(out, Citation{ID: str(p["id"]), Source: str(p["__source"]), ClaimedBy: str(p["__claimant"]),
			Quote: str(p["quote"]), Locator: str(p["locator"]), Confidence: Confidence(str(p["confidence"])),
			Stance: stanceOf(str(p["stance"])), Accessed: readDate(p["accessed"]), Checked: p["checked"] == true})
	}
	return out
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
