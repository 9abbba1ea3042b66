// Package webui holds the built explorer and GraphiQL files (web/ builds them into dist/)
// and serves them from the binary, so a plain `go build` gives a complete server that
// needs no CDN.
package webui

import (
	"bytes"
	"crypto/sha256"
	"embed"
	"encoding/base64"
	"encoding/hex"
	"io/fs"
	"net/http"
	"path"
	"time"
)

//go:embed dist
var dist embed.FS

// asset is one embedded file with what serving it needs.
type asset struct {
	body []byte
	etag string
	sri  string
}

// assets maps a path under dist ("explore/explore.js") to its file.
var assets = func() map[string]asset {
	m := map[string]asset{}
	err := fs.WalkDir(dist, "dist", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		body, err := dist.ReadFile(p)
		if err != nil {
			return err
		}
		sum := sha256.Sum256(body)
		m[p[len("dist/"):]] = asset{body: body, etag: `"` + hex.EncodeToString(sum[:8]) + `"`,
			sri: "sha256-" + base64.StdEncoding.EncodeToString(sum[:])}
		return nil
	})
	if err != nil {
		panic("webui: reading the embedded files: " + err.Error()) // only a broken build gets here
	}
	return m
}()

// SRI is the subresource-integrity value ("sha256-…") of an embedded file, or "" when
// there is no such file.
func SRI(name string) string { return assets[name].sri }

// Serve answers with the embedded file name: its content type from the extension, an
// ETag from its hash (so a browser revalidates cheaply after an upgrade), 404 when absent.
func Serve(w http.ResponseWriter, r *http.Request, name string) {
	a, ok := assets[name]
	if !ok {
		http.NotFound(w, r)
		return
	}
	w.Header().Set("ETag", a.etag)
	w.Header().Set("Cache-Control", "no-cache")
	w.Header().Set("X-Content-Type-Options", "nosniff")
	// ServeContent sets the type from the extension and answers If-None-Match with 304
	http.ServeContent(w, r, path.Base(name), time.Time{}, bytes.NewReader(a.body))
}

// Dir serves the files under dir for requests whose {file} path value names one.
func Dir(dir string) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		Serve(w, r, dir+"/"+r.PathValue("file"))
	}
}
