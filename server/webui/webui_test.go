package webui_test

import (
	"crypto/sha256"
	"encoding/base64"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/accgraph/accgraph/server/webui"
)

func TestServeRevalidatesByETag(t *testing.T) {
	rec := httptest.NewRecorder()
	webui.Serve(rec, httptest.NewRequest("GET", "/explore/explore.js", nil), "explore/explore.js")
	if rec.Code != http.StatusOK || rec.Body.Len() == 0 {
		t.Fatalf("first request: %d, %d bytes", rec.Code, rec.Body.Len())
	}
	if ct := rec.Header().Get("Content-Type"); ct != "text/javascript; charset=utf-8" {
		t.Errorf("Content-Type %q", ct)
	}
	sum := sha256.Sum256(rec.Body.Bytes())
	if got, want := webui.SRI("explore/explore.js"), "sha256-"+base64.StdEncoding.EncodeToString(sum[:]); got != want {
		t.Errorf("SRI %s, the body hashes to %s", got, want)
	}

	again := httptest.NewRequest("GET", "/explore/explore.js", nil)
	again.Header.Set("If-None-Match", rec.Header().Get("ETag"))
	rec2 := httptest.NewRecorder()
	webui.Serve(rec2, again, "explore/explore.js")
	if rec2.Code != http.StatusNotModified || rec2.Body.Len() != 0 {
		t.Errorf("revalidation: %d with %d bytes, want 304 and none", rec2.Code, rec2.Body.Len())
	}

	rec3 := httptest.NewRecorder()
	webui.Serve(rec3, httptest.NewRequest("GET", "/explore/nothing.js", nil), "explore/nothing.js")
	if rec3.Code != http.StatusNotFound || webui.SRI("explore/nothing.js") != "" {
		t.Errorf("an absent file: %d, SRI %q", rec3.Code, webui.SRI("explore/nothing.js"))
	}
}
