package server_test

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/accgraph/accgraph/server"
)

func TestRequestLimits(t *testing.T) {
	a := seededAPI(t)

	// a body over 1 MB is refused before it is read
	big := `{"query":"{ search(text: \"` + strings.Repeat("a", 1<<20) + `\") { matched } }"}`
	req := httptest.NewRequest("POST", "/graphql", strings.NewReader(big))
	req.Header.Set("Content-Type", "application/json")
	rec := httptest.NewRecorder()
	a.h.ServeHTTP(rec, req)
	if rec.Code != http.StatusRequestEntityTooLarge || !strings.Contains(rec.Body.String(), "BODY_TOO_LARGE") {
		t.Errorf("a 1 MB body = %d %s", rec.Code, rec.Body.String()[:min(200, rec.Body.Len())])
	}

	// 51 aliases are refused, 50 pass
	aliases := func(n int) string {
		var b strings.Builder
		b.WriteString("{")
		for i := range n {
			fmt.Fprintf(&b, " a%d: status { schemaVersion }", i)
		}
		return b.String() + " }"
	}
	if r := a.query(aliases(51), nil); code(r) != "ALIAS_LIMIT_EXCEEDED" {
		t.Errorf("51 aliases: %s", r.raw[:min(300, len(r.raw))])
	}
	if r := a.query(aliases(50), nil); code(r) != "" {
		t.Errorf("50 aliases: %s", r.raw[:min(300, len(r.raw))])
	}

	// GET never runs a mutation
	rec = httptest.NewRecorder()
	a.h.ServeHTTP(rec, httptest.NewRequest("GET", `/graphql?query=mutation{deleteSavedQuery(name:"who-held-post")}`, nil))
	if rec.Code == http.StatusOK || !strings.Contains(rec.Body.String(), "GET requests only allow query operations") {
		t.Errorf("a mutation over GET = %d %s", rec.Code, rec.Body)
	}
}

func TestRateLimitAnswers429ThenRecovers(t *testing.T) {
	a := seededAPI(t)
	a.h = (&server.Server{DB: a.db, Logger: quiet, RatePerIP: 2}).Handler() // burst 4, then 2 per second
	statuses := map[int]int{}
	var retryAfter string
	for range 10 {
		rec := httptest.NewRecorder()
		a.h.ServeHTTP(rec, httptest.NewRequest("GET", "/saved", nil))
		statuses[rec.Code]++
		if rec.Code == http.StatusTooManyRequests {
			retryAfter = rec.Header().Get("Retry-After")
		}
	}
	if statuses[http.StatusOK] != 4 || statuses[http.StatusTooManyRequests] != 6 || retryAfter != "1" {
		t.Fatalf("10 quick requests at 2/s = %v, Retry-After %q; want 4 answered, 6 refused, retry after 1s", statuses, retryAfter)
	}
	rec := httptest.NewRecorder()
	a.h.ServeHTTP(rec, httptest.NewRequest("GET", "/healthz", nil))
	if rec.Code != http.StatusOK {
		t.Errorf("healthz is never limited: %d", rec.Code)
	}
	waitFor(t, func() bool {
		rec := httptest.NewRecorder()
		a.h.ServeHTTP(rec, httptest.NewRequest("GET", "/saved", nil))
		return rec.Code == http.StatusOK
	})
}

func TestCORSAllowList(t *testing.T) {
	a := seededAPI(t)
	a.h = (&server.Server{DB: a.db, Logger: quiet, CORSOrigins: []string{"https://newsroom.example"}}).Handler()
	for origin, allowed := range map[string]bool{"https://newsroom.example": true, "https://elsewhere.example": false} {
		req := httptest.NewRequest("OPTIONS", "/graphql", nil)
		req.Header.Set("Origin", origin)
		req.Header.Set("Access-Control-Request-Method", "POST")
		req.Header.Set("Access-Control-Request-Headers", "authorization,content-type")
		rec := httptest.NewRecorder()
		a.h.ServeHTTP(rec, req)
		if got := rec.Header().Get("Access-Control-Allow-Origin") == origin; got != allowed {
			t.Errorf("preflight from %s: allowed %v, want %v (%d %v)", origin, got, allowed, rec.Code, rec.Header())
		}
	}
}
