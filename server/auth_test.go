package server_test

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http/httptest"
	"net/url"
	"testing"
	"time"

	"github.com/accgraph/accgraph/graph"
	"github.com/accgraph/accgraph/graph/graphtest"
	"github.com/accgraph/accgraph/server"
)

// as posts a GraphQL request with an API key (none when key is "").
func (a *api) as(key string, body map[string]any) response {
	a.t.Helper()
	raw, _ := json.Marshal(body)
	req := httptest.NewRequest("POST", "/graphql", bytes.NewReader(raw))
	req.Header.Set("Content-Type", "application/json")
	if key != "" {
		req.Header.Set("Authorization", "Bearer "+key)
	}
	rec := httptest.NewRecorder()
	a.h.ServeHTTP(rec, req)
	var r response
	r.Status, r.raw = rec.Code, rec.Body.String()
	_ = json.Unmarshal(rec.Body.Bytes(), &r)
	return r
}

func code(r response) string {
	if len(r.Errors) == 0 {
		return ""
	}
	c, _ := r.Errors[0].Extensions["code"].(string)
	return c
}

func TestSavedQueryMutationsNeedAnEditorKey(t *testing.T) {
	a, _ := savedAPI(t)
	ctx := context.Background()
	editor, err := a.db.CreateAPIKey(ctx, "desk-editor", graph.RoleEditor)
	if err != nil {
		t.Fatal(err)
	}
	reader, _ := a.db.CreateAPIKey(ctx, "intern", graph.RoleReader)
	if _, err := a.db.CreateAPIKey(ctx, "intern", graph.RoleReader); graph.ErrorCode(err) != graph.ECONFLICT {
		t.Errorf("a second active key named intern: %v, want conflict", err)
	}
	save := map[string]any{"query": `mutation($in: SavedQueryInput!) { saveQuery(input: $in) { name version createdBy variables { name } } }`,
		"variables": map[string]any{"in": map[string]any{"name": "verdict-courts", "title": "Verdicts and their courts", "rows": "verdicts.edges.node",
			"document": `query { verdicts { edges { node { name issuedBy { target { name } } } } } }`,
			"columns":  []map[string]any{{"name": "Verdict", "path": "name"}, {"name": "Court", "path": "issuedBy.target.name"}}}}}

	if r := a.as("", save); r.Status != 401 || code(r) != "UNAUTHENTICATED" {
		t.Errorf("without a key: %d %s", r.Status, r.raw)
	}
	if r := a.as(reader, save); r.Status != 403 || code(r) != "FORBIDDEN" {
		t.Errorf("with a reader key: %d %s", r.Status, r.raw)
	}
	r := a.as(editor, save)
	if r.Status != 200 || code(r) != "" {
		t.Fatalf("with an editor key: %d %s", r.Status, r.raw)
	}
	if sq := r.Data["saveQuery"].(map[string]any); sq["version"] != 1.0 || sq["createdBy"] != "desk-editor" {
		t.Errorf("saved = %v", sq)
	}
	if tb := a.table("/saved/verdict-courts"); len(tb.Rows) != 1 || tb.Rows[0][1] != "Belgian court in the Assadi trial" {
		t.Errorf("the saved query runs: %+v", tb)
	}
	bad := map[string]any{"query": save["query"], "variables": map[string]any{"in": map[string]any{
		"name": "broken", "title": "x", "rows": "people", "document": "query { people { nope } }", "columns": []map[string]any{{"name": "x", "path": "x"}}}}}
	if r := a.as(editor, bad); code(r) != "BAD_USER_INPUT" {
		t.Errorf("an invalid saved query: %s", r.raw)
	}
	del := map[string]any{"query": `mutation { deleteSavedQuery(name: "verdict-courts") }`}
	if r := a.as(reader, del); code(r) != "FORBIDDEN" {
		t.Errorf("reader deletes: %s", r.raw)
	}
	if r := a.as(editor, del); r.Data["deleteSavedQuery"] != true {
		t.Errorf("editor deletes: %s", r.raw)
	}

	if err := a.db.RevokeAPIKey(ctx, "desk-editor"); err != nil {
		t.Fatal(err)
	}
	// a server that has not seen the key since (this one trusts it up to KeyRecheck)
	fresh := &api{t: t, db: a.db, h: (&server.Server{DB: a.db, Logger: quiet}).Handler()}
	if r := fresh.as(editor, save); r.Status != 401 || code(r) != "UNAUTHENTICATED" {
		t.Errorf("a revoked key: %d %s", r.Status, r.raw)
	}
	if r := a.as("acg_not-a-key", map[string]any{"query": "{ status { schemaVersion } }"}); r.Status != 401 {
		t.Errorf("an unknown key: %d %s", r.Status, r.raw)
	}
	keys, _ := a.db.APIKeys(ctx)
	if len(keys) != 2 || !keys[0].Revoked || keys[0].LastUsed.IsZero() || keys[1].Revoked {
		t.Errorf("keys = %+v", keys)
	}
}

// TestConfirmedKeysAreRemembered: a keyed read costs one Cypher statement like any other
// (not a second one recording the key's use), and a revoked key is refused once the
// server's trust in it has run out.
func TestConfirmedKeysAreRemembered(t *testing.T) {
	db := graphtest.MustOpenDB(t)
	ctx := context.Background()
	key, err := db.CreateAPIKey(ctx, "analyst", graph.RoleReader)
	if err != nil {
		t.Fatal(err)
	}
	const recheck = 300 * time.Millisecond
	a := &api{t: t, db: db, h: (&server.Server{DB: db, Logger: quiet, KeyRecheck: recheck}).Handler()}
	read := map[string]any{"query": `{ people { totalCount } }`}
	statements := func() int64 {
		before := db.Statements()
		if r := a.as(key, read); r.Status != 200 || len(r.Errors) > 0 {
			t.Fatalf("a keyed read: %d %s", r.Status, r.raw)
		}
		return db.Statements() - before
	}
	if n := statements(); n != 3 {
		t.Errorf("the first keyed read sent %d statements, want 3 (the key's lookup, its lastUsed, the read)", n)
	}
	for range 3 {
		if n := statements(); n != 1 {
			t.Errorf("a keyed read of a confirmed key sent %d statements, want 1", n)
		}
	}
	if err := db.RevokeAPIKey(ctx, "analyst"); err != nil {
		t.Fatal(err)
	}
	time.Sleep(recheck + 50*time.Millisecond)
	if r := a.as(key, read); r.Status != 401 || code(r) != "UNAUTHENTICATED" {
		t.Errorf("a key revoked %s ago: %d %s, want 401", recheck, r.Status, r.raw)
	}
}

func TestAllowListMode(t *testing.T) {
	a, _ := savedAPI(t)
	a.h = (&server.Server{DB: a.db, Logger: quiet, TrustedDocuments: true}).Handler()
	reader, _ := a.db.CreateAPIKey(context.Background(), "analyst", graph.RoleReader)
	q, err := a.db.SavedQueryVersion(context.Background(), "who-held-post", 0)
	if err != nil {
		t.Fatal(err)
	}
	arbitrary := map[string]any{"query": `{ people { totalCount } }`}
	if r := a.as("", arbitrary); r.Status != 403 || code(r) != "PERSISTED_QUERY_NOT_ALLOWED" {
		t.Errorf("anonymous arbitrary document: %d %s", r.Status, r.raw)
	}
	if r := a.as(reader, arbitrary); r.Status != 200 || r.Data["people"] == nil {
		t.Errorf("arbitrary document with a key: %d %s", r.Status, r.raw)
	}
	byID := map[string]any{"documentId": graph.DocumentID(q.Document), "variables": map[string]any{"asOf": "2021-02"}}
	if r := a.as("", byID); r.Status != 200 || len(r.Data["holders"].([]any)) != 1 {
		t.Errorf("anonymous saved document by id: %d %s", r.Status, r.raw)
	}
	if r := a.as("", map[string]any{"query": q.Document}); r.Status != 200 || r.Data["holders"] == nil {
		t.Errorf("anonymous saved document verbatim: %d %s", r.Status, r.raw)
	}
	rec := httptest.NewRecorder()
	a.h.ServeHTTP(rec, httptest.NewRequest("GET", "/graphql?documentId="+url.QueryEscape(graph.DocumentID(q.Document))+
		"&variables="+url.QueryEscape(`{"asOf":"1990"}`), nil))
	if rec.Code != 200 || rec.Body.String() != `{"data":{"holders":[]}}` {
		t.Errorf("GET by documentId = %d %s", rec.Code, rec.Body)
	}
	if code, _ := a.get("/saved/who-held-post"); code != 200 {
		t.Errorf("the saved-query routes stay open to anonymous callers: %d", code)
	}
}
