package graph

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

// SavedQuery is a named, parameterised, versioned GraphQL query that journalists run by
// name, with how to flatten its result into a table. Every version is kept.
type SavedQuery struct {
	Name        string // a slug: who-held-post
	Version     int
	Title       string
	Description string
	Document    string // one GraphQL query operation
	Tags        []string
	Variables   []Variable     // from the operation's variable definitions
	Defaults    map[string]any // the variables' default values
	Rows        string         // dot path to the list whose items are the table's rows
	Columns     []Column
	CreatedBy   string
	CreatedAt   time.Time
	Deleted     bool
}

// CreatedAtText is CreatedAt in RFC 3339, or nil when unknown.
func (q *SavedQuery) CreatedAtText() *string {
	if q.CreatedAt.IsZero() {
		return nil
	}
	s := q.CreatedAt.UTC().Format(time.RFC3339)
	return &s
}

// Variable is one variable of a saved query's operation.
type Variable struct {
	Name     string `json:"name"`
	Type     string `json:"type"`     // GraphQL type, e.g. "ID!", "Date"
	Required bool   `json:"required"` // non-null without a default
	Default  any    `json:"default,omitempty"`
}

// DefaultJSON is the default value as JSON, or nil when there is none.
func (v Variable) DefaultJSON() *string {
	if v.Default == nil {
		return nil
	}
	b, _ := json.Marshal(v.Default)
	s := string(b)
	return &s
}

// Column is one column of a saved query's table: a dot path into a row. A column whose
// Citations is set gathers the citations found at its path into one cell.
type Column struct {
	Name      string `json:"name"`
	Path      string `json:"path"`
	Citations bool   `json:"citations,omitempty"`
	Empty     string `json:"empty,omitempty"` // what the cell says when the path holds nothing
}

// SaveQuery stores q as the next version of its name and returns that version; a
// document, title and columns identical to the latest version's store nothing (saving is
// idempotent). Validation against the schema is the caller's (package server's).
func (db *DB) SaveQuery(ctx context.Context, q *SavedQuery) (int, error) {
	if !slugPattern.MatchString(q.Name) {
		return 0, Errorf(EINVALID, "saved query name %q must be lowercase words with hyphens", q.Name)
	}
	vars, _ := json.Marshal(q.Variables)
	defaults, _ := json.Marshal(q.Defaults)
	columns, _ := json.Marshal(q.Columns)
	res, err := db.write(ctx, `
		OPTIONAL MATCH (old:SavedQuery {name: $name})
		WITH old ORDER BY old.version DESC LIMIT 1
		CALL (old) {
		  WITH old WHERE old IS NOT NULL AND old.document = $document AND old.title = $title
		    AND old.description = $description AND old.columns = $columns AND old.rows = $rows
		    AND old.tags = $tags AND NOT coalesce(old.deleted, false)
		  RETURN old.version AS same }
		RETURN same, coalesce(old.version, 0) AS latest`, map[string]any{
		"name": q.Name, "document": q.Document, "title": q.Title, "description": q.Description,
		"columns": string(columns), "rows": q.Rows, "tags": nonNil(q.Tags),
	})
	if err != nil {
		return 0, err
	}
	if len(res.Records) == 1 {
		if same, ok := res.Records[0].Values[0].(int64); ok {
			return int(same), nil
		}
	}
	// the version is computed and the node created in one statement; the uniqueness
	// constraint on key refuses a concurrent save of the same version
	res, err = db.write(ctx, `
		OPTIONAL MATCH (old:SavedQuery {name: $name})
		WITH coalesce(max(old.version), 0) + 1 AS version
		CREATE (q:SavedQuery {key: $name + '@' + toString(version), name: $name, version: version, documentId: $documentId,
		  title: $title, description: $description, document: $document, tags: $tags,
		  variables: $variables, defaults: $defaults, rows: $rows, columns: $columns,
		  createdBy: $createdBy, createdAt: datetime(), deleted: false})
		RETURN q.version`, map[string]any{
		"name": q.Name, "title": q.Title, "description": q.Description, "document": q.Document,
		"tags": nonNil(q.Tags), "variables": string(vars), "defaults": string(defaults), "rows": q.Rows,
		"columns": string(columns), "createdBy": q.CreatedBy, "documentId": DocumentID(q.Document),
	})
	if err != nil {
		return 0, err
	}
	v, _ := res.Records[0].Values[0].(int64)
	return int(v), nil
}

// DocumentID is the trusted-document id of a GraphQL document: "sha256:<hex>".
func DocumentID(document string) string {
	sum := sha256.Sum256([]byte(document))
	return "sha256:" + hex.EncodeToString(sum[:])
}

// SavedDocument returns the document a saved query (any version not deleted) stores
// under id, for the allow-list mode; ENOTFOUND when none does.
func (db *DB) SavedDocument(ctx context.Context, id string) (string, error) {
	res, err := db.read(ctx, `MATCH (q:SavedQuery {documentId: $id}) WHERE NOT q.deleted RETURN q.document LIMIT 1`,
		map[string]any{"id": id})
	if err != nil {
		return "", err
	}
	if len(res.Records) == 0 {
		return "", Errorf(ENOTFOUND, "no saved query has the document %s", id)
	}
	return str(res.Records[0].Values[0]), nil
}

// SavedQueries lists the latest version of every saved query not deleted, by name; with a
// tag, only those that carry it.
func (db *DB) SavedQueries(ctx context.Context, tag string) ([]*SavedQuery, error) {
	res, err := db.read(ctx, `
		MATCH (q:SavedQuery) WHERE NOT q.deleted AND ($tag = '' OR $tag IN q.tags)
		WITH q.name AS name, max(q.version) AS version
		MATCH (q:SavedQuery {name: name, version: version})
		RETURN q ORDER BY q.name`, map[string]any{"tag": tag})
	if err != nil {
		return nil, err
	}
	return savedQueries(res.Records), nil
}

// SavedQueryVersion returns one version of a saved query (the latest when version is 0);
// ENOTFOUND when there is none or it was deleted.
func (db *DB) SavedQueryVersion(ctx context.Context, name string, version int) (*SavedQuery, error) {
	res, err := db.read(ctx, `
		MATCH (q:SavedQuery {name: $name}) WHERE NOT q.deleted AND ($version = 0 OR q.version = $version)
		RETURN q ORDER BY q.version DESC LIMIT 1`, map[string]any{"name": name, "version": version})
	if err != nil {
		return nil, err
	}
	list := savedQueries(res.Records)
	if len(list) == 0 {
		if version > 0 {
			return nil, Errorf(ENOTFOUND, "no saved query %q version %d", name, version)
		}
		return nil, Errorf(ENOTFOUND, "no saved query %q", name)
	}
	return list[0], nil
}

// SavedQueryHistory returns every version of a saved query, newest first, deleted or not.
func (db *DB) SavedQueryHistory(ctx context.Context, name string) ([]*SavedQuery, error) {
	res, err := db.read(ctx, `MATCH (q:SavedQuery {name: $name}) RETURN q ORDER BY q.version DESC`, map[string]any{"name": name})
	if err != nil {
		return nil, err
	}
	return savedQueries(res.Records), nil
}

// DeleteSavedQuery hides a saved query from lists and runs; its history stays. A later
// save makes a new version runnable, never the deleted ones.
func (db *DB) DeleteSavedQuery(ctx context.Context, name string) error {
	res, err := db.write(ctx, `MATCH (q:SavedQuery {name: $name}) SET q.deleted = true RETURN count(q)`, map[string]any{"name": name})
	if err != nil {
		return err
	}
	if n, _ := res.Records[0].Values[0].(int64); n == 0 {
		return Errorf(ENOTFOUND, "no saved query %q", name)
	}
	return nil
}

func savedQueries(records []*neo4j.Record) []*SavedQuery {
	out := make([]*SavedQuery, 0, len(records))
	for _, r := range records {
		node, _ := r.Values[0].(neo4j.Node)
		p := node.Props
		q := &SavedQuery{
			Name: str(p["name"]), Title: str(p["title"]), Description: str(p["description"]),
			Document: str(p["document"]), Tags: strs(p["tags"]), Rows: str(p["rows"]),
			CreatedBy: str(p["createdBy"]), Deleted: p["deleted"] == true,
		}
		v, _ := p["version"].(int64)
		q.Version = int(v)
		_ = json.Unmarshal([]byte(str(p["variables"])), &q.Variables)
		_ = json.Unmarshal([]byte(str(p["defaults"])), &q.Defaults)
		_ = json.Unmarshal([]byte(str(p["columns"])), &q.Columns)
		if t, ok := p["createdAt"].(time.Time); ok {
			q.CreatedAt = t
		}
		out = append(out, q)
	}
	return out
}
