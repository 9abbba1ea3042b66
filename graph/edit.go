package graph

import (
	"context"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

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
	rec := recordOf(props)
	readBase(e.Common(), rec)
	e.readProperties(rec)
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
	l := readLink(t, props)
	l.From, l.To, l.Citations = str(v[1]), str(v[2]), readCitations(v[3])
	return l, nil
}

// readLink is the reverse of Link.properties: the link of type t a relationship's
// properties describe (its ends and citations aside).
func readLink(t RelType, props map[string]any) *Link {
	base := readEdge(recordOf(props), t)
	return &Link{ID: base.ID, Type: t, Role: base.Role, Outcome: base.Outcome,
		Sentence: base.Sentence, When: base.When, Attested: base.Attested, EndedBy: base.EndedBy,
		Confidence: Confidence(str(props["ownConfidence"])), Retraction: base.Retraction, Inference: deref(base.Inference), Field: "link",
		FtM: str(props["ftm"]), Facts: base.Facts}
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
