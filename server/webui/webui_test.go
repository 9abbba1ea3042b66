package webui_test

import (
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"encoding/base64"
	"io"
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

func TestServeGzipsForClientsThatTakeIt(t *testing.T) {
	plain := httptest.NewRecorder()
	webui.Serve(plain, httptest.NewRequest("GET", "/explore/explore.js", nil), "explore/explore.js")
	req := httptest.NewRequest("GET", "/explore/explore.js", nil)
	req.Header.Set("Accept-Encoding", "gzip, deflate, br")
	zipped := httptest.NewRecorder()
	webui.Serve(zipped, req, "explore/explore.js")
	if zipped.Header().Get("Content-Encoding") != "gzip" || plain.Header().Get("Content-Encoding") != "" {
		t.Fatalf("Content-Encoding: %q with gzip accepted, %q without", zipped.Header().Get("Content-Encoding"), plain.Header().Get("Content-Encoding"))
	}
	if zipped.Header().Get("ETag") == plain.Header().Get("ETag") {
		t.Errorf("both forms have ETag %s", plain.Header().Get("ETag"))
	}
	if zipped.Body.Len()*2 > plain.Body.Len() {
		t.Errorf("gzip gives %d bytes of %d", zipped.Body.Len(), plain.Body.Len())
	}
	zr, err := gzip.NewReader(zipped.Body)
	if err != nil {
		t.Fatal(err)
	}
	unzipped, err := io.ReadAll(zr)
	if err != nil || !bytes.Equal(unzipped, plain.Body.Bytes()) {
		t.Errorf("the gzip form does not unzip to the file (%v)", err)
	}
}
