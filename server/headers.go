package server

import (
	"bytes"
	"crypto/sha256"
	"encoding/base64"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strings"
)

// apiPolicy is the Content-Security-Policy of every answer that is not a page or one of
// its files (JSON, CSV, metrics): nothing may load from it, nothing may frame it (OWASP's
// REST cheat sheet).
const apiPolicy = "default-src 'none'; frame-ancestors 'none'"

// pagePolicy is the one Content-Security-Policy of the explorer, GraphiQL and their files:
// scripts, styles, fonts and calls from this origin only (and the inline script of
// GraphiQL's page, by its hash), no plugins, no <base>, forms only to this origin, and no
// framing. PNG export draws into data: and blob: URLs.
func pagePolicy(inlineScripts []string) string {
	scripts := "'self'"
	for _, s := range inlineScripts {
		sum := sha256.Sum256([]byte(s))
		scripts += " 'sha256-" + base64.StdEncoding.EncodeToString(sum[:]) + "'"
	}
	return "default-src 'self'; script-src " + scripts + "; img-src 'self' data: blob:; style-src 'self' 'unsafe-inline'; " +
		"font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
}

var inlineScript = regexp.MustCompile(`(?s)<script>(.*?)</script>`)

// inlineScripts renders page and returns the text of its inline scripts.
func inlineScripts(page http.Handler) []string {
	rec := httptest.NewRecorder()
	page.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/", nil))
	var out []string
	for _, m := range inlineScript.FindAllSubmatch(rec.Body.Bytes(), -1) {
		out = append(out, string(bytes.Clone(m[1])))
	}
	return out
}

// isPage reports whether path is a page or a page's file.
func isPage(path string) bool {
	return path == "/" || path == "/favicon.ico" || path == "/explore" || path == "/graphiql" ||
		strings.HasPrefix(path, "/explore/") || strings.HasPrefix(path, "/graphiql/")
}

// securityHeaders sends, on every answer, nosniff, no referrer, no framing and the
// Content-Security-Policy of its kind: pagePolicy for pages and their files, apiPolicy
// for the rest.
func securityHeaders(policy string, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("Referrer-Policy", "no-referrer")
		h.Set("X-Frame-Options", "DENY")
		if isPage(r.URL.Path) {
			h.Set("Content-Security-Policy", policy)
		} else {
			h.Set("Content-Security-Policy", apiPolicy)
		}
		next.ServeHTTP(w, r)
	})
}
