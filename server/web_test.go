package server_test

import (
	"io"
	"net/http"
	"regexp"
	"strings"
	"testing"

	"github.com/accgraph/accgraph/graph/graphtest"
	"github.com/accgraph/accgraph/server/webui"
)

// TestWebPagesAreServedFromTheBinary checks that /explore and /graphiql, and every file
// they load, come from this server: no other host is named, each script and stylesheet is
// served with the integrity hash the page states, and the explorer keeps to its origin.
func TestWebPagesAreServedFromTheBinary(t *testing.T) {
	srv := openServer(t, graphtest.MustOpenDB(t))
	fetch := func(path string) (*http.Response, string) {
		t.Helper()
		resp, err := http.Get(srv.URL() + path)
		if err != nil {
			t.Fatalf("GET %s: %v", path, err)
		}
		defer resp.Body.Close()
		body, _ := io.ReadAll(resp.Body)
		if resp.StatusCode != http.StatusOK {
			t.Fatalf("GET %s: %d %s", path, resp.StatusCode, body)
		}
		return resp, string(body)
	}

	resp, page := fetch("/explore")
	if csp := resp.Header.Get("Content-Security-Policy"); !strings.Contains(csp, "default-src 'self'") || !strings.Contains(csp, "connect-src 'self'") {
		t.Errorf("/explore: Content-Security-Policy %q does not keep the page to its origin", csp)
	}
	for _, path := range []string{"/explore/explore.js", "/explore/explore.css"} {
		if !strings.Contains(page, `"`+path+`"`) {
			t.Errorf("/explore does not load %s", path)
		}
		if r, body := fetch(path); len(body) < 1000 || r.Header.Get("ETag") == "" {
			t.Errorf("%s: %d bytes, ETag %q", path, len(body), r.Header.Get("ETag"))
		}
	}

	_, page = fetch("/graphiql")
	if strings.Contains(page, "https://") || strings.Contains(page, "http://") {
		t.Errorf("/graphiql names another host:\n%s", page)
	}
	// each <script src> and <link href> is followed by its integrity attribute
	refs := regexp.MustCompile(`(?:src|href)="(/graphiql/[^"]+)"\s+integrity="([^"]+)"`).FindAllStringSubmatch(page, -1)
	if len(refs) != 6 {
		t.Fatalf("/graphiql loads %d files with integrity hashes, want 6 (GraphiQL js+css, React, ReactDOM, plugins js+css)", len(refs))
	}
	for _, ref := range refs {
		path, sri := ref[1], strings.ReplaceAll(ref[2], "&#43;", "+")
		fetch(path)
		if want := webui.SRI(strings.TrimPrefix(path, "/")); sri != want || want == "" {
			t.Errorf("%s: page says integrity %s, the file has %s", path, sri, want)
		}
	}

	if r, _ := fetch("/favicon.ico"); r.Header.Get("Content-Type") != "image/svg+xml" {
		t.Errorf("/favicon.ico: Content-Type %q", r.Header.Get("Content-Type"))
	}
	resp, err := http.Get(srv.URL() + "/explore/no-such-file.js")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusNotFound {
		t.Errorf("an unknown asset: %d, want 404", resp.StatusCode)
	}
}
