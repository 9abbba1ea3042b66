// Package webui holds the built explorer and GraphiQL files (web/ builds them into dist/)
// and serves them from the binary, so a plain `go build` gives a complete server that
// needs no CDN.
package webui

import (
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"embed"
	"encoding/base64"
	"encoding/hex"
	"io/fs"
	"net/http"
	"path"
	"strings"
	"sync"
	"time"
)

//go:embed dist
var dist embed.FS

// asset is one embedded file with what serving it needs; gz is its gzip form, compressed
// once at start-up (the scripts shrink to a third), or nil when that saves nothing.
type asset struct {
	body []byte
	gz   []byte
	etag string
	sri  string
}

// assets maps a path under dist ("explore/explore.js") to its file. It is built on first
// use, so the commands that serve no page do not pay for the compression.
var assets = sync.OnceValue(func() map[string]asset {
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
		m[p[len("dist/"):]] = asset{body: body, gz: compress(body), etag: hex.EncodeToString(sum[:8]),
			sri: "sha256-" + base64.StdEncoding.EncodeToString(sum[:])}
		return nil
	})
	if err != nil {
		panic("webui: reading the embedded files: " + err.Error()) // only a broken build gets here
	}
	return m
})

func compress(body []byte) []byte {
	var buf bytes.Buffer
	zw, _ := gzip.NewWriterLevel(&buf, gzip.BestCompression) // a valid level never fails
	_, _ = zw.Write(body)                                    // writes to memory do not fail
	_ = zw.Close()
	if buf.Len() > len(body)*9/10 {
		return nil
	}
	return buf.Bytes()
}

// SRI is the subresource-integrity value ("sha256-…") of an embedded file, or "" when
// there is no such file.
func SRI(name string) string { return assets()[name].sri }

// Serve answers with the embedded file name: its content type from the extension, gzipped
// when the client takes it, an ETag from its hash (so a browser revalidates cheaply after
// an upgrade), 404 when absent.
func Serve(w http.ResponseWriter, r *http.Request, name string) {
	a, ok := assets()[name]
	if !ok {
		http.NotFound(w, r)
		return
	}
	body, etag := a.body, a.etag
	if a.gz != nil {
		w.Header().Set("Vary", "Accept-Encoding")
		if strings.Contains(r.Header.Get("Accept-Encoding"), "gzip") {
			body, etag = a.gz, etag+"-gz"
			w.Header().Set("Content-Encoding", "gzip")
		}
	}
	w.Header().Set("ETag", `"`+etag+`"`)
	w.Header().Set("Cache-Control", "no-cache")
	w.Header().Set("X-Content-Type-Options", "nosniff")
	// ServeContent sets the type from the extension and answers If-None-Match with 304
	http.ServeContent(w, r, path.Base(name), time.Time{}, bytes.NewReader(body))
}

// Dir serves the files under dir for requests whose {file} path value names one.
func Dir(dir string) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		Serve(w, r, dir+"/"+r.PathValue("file"))
	}
}
