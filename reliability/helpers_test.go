package reliability

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/accgraph/accgraph/graph"
	"github.com/accgraph/accgraph/seed"
	"github.com/accgraph/accgraph/server"
)

var quiet = slog.New(slog.DiscardHandler)

// seedWithKey writes the curated dataset into db and returns a new editor key named name,
// for tests that read and write through the API.
func seedWithKey(t testing.TB, db *graph.DB, name string) string {
	t.Helper()
	ctx := context.Background()
	ds, err := seed.Load(seed.Data())
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.Write(ctx, ds); err != nil {
		t.Fatal(err)
	}
	key, err := db.CreateAPIKey(ctx, name, graph.RoleEditor)
	if err != nil {
		t.Fatal(err)
	}
	return key
}

// accgraphBinary builds bin/accgraph once per test run, for tests that run the command.
func accgraphBinary(t testing.TB) string {
	t.Helper()
	build.once.Do(func() {
		dir, err := os.MkdirTemp("", "accgraph-bin-")
		if err != nil {
			build.err = err
			return
		}
		build.path = filepath.Join(dir, "accgraph")
		if out, err := exec.Command("go", "build", "-o", build.path, "github.com/accgraph/accgraph/cmd/accgraph").CombinedOutput(); err != nil {
			build.err = fmt.Errorf("%v\n%s", err, out)
		}
	})
	if build.err != nil {
		t.Fatalf("build accgraph: %v", build.err)
	}
	return build.path
}

var build struct {
	once sync.Once
	path string
	err  error
}

// TestMain removes the binary accgraphBinary built.
func TestMain(m *testing.M) {
	code := m.Run()
	if build.path != "" {
		_ = os.RemoveAll(filepath.Dir(build.path))
	}
	os.Exit(code)
}

// serve runs a server over db on a free loopback port until the test ends.
func serve(t testing.TB, db *graph.DB, configure func(*server.Server)) *server.Server {
	t.Helper()
	srv := &server.Server{Addr: "127.0.0.1:0", DB: db, Introspection: true, Logger: quiet,
		RatePerIP: 1e6, RatePerKey: 1e6}
	if configure != nil {
		configure(srv)
	}
	if err := srv.Open(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = srv.Close(context.Background()) })
	return srv
}

// saveBuiltInQueries validates the built-in saved queries against srv and stores them.
func saveBuiltInQueries(t testing.TB, srv *server.Server, db *graph.DB) {
	t.Helper()
	qs, err := seed.LoadQueries(seed.Queries())
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range qs {
		if err := srv.ValidateSavedQuery(context.Background(), q); err != nil {
			t.Fatal(err)
		}
		if _, err := db.SaveQuery(context.Background(), q); err != nil {
			t.Fatal(err)
		}
	}
}

// answer is a GraphQL response with its HTTP status.
type answer struct {
	Status int
	Data   map[string]any
	Errors []struct {
		Message    string
		Extensions map[string]any
	}
	Raw  string
	Took time.Duration
}

// code is the first error's extensions.code, "" when there is none.
func (a answer) code() string {
	if len(a.Errors) == 0 {
		return ""
	}
	c, _ := a.Errors[0].Extensions["code"].(string)
	return c
}

// post sends body to url/graphql as JSON (a string is sent as is; anything else is
// encoded) with a key when one is given.
func post(t testing.TB, client *http.Client, url string, body any, key string) answer {
	t.Helper()
	raw, ok := body.([]byte)
	if !ok {
		raw, _ = json.Marshal(body)
	}
	req, _ := http.NewRequest("POST", url+"/graphql", bytes.NewReader(raw))
	req.Header.Set("Content-Type", "application/json")
	if key != "" {
		req.Header.Set("Authorization", "Bearer "+key)
	}
	began := time.Now()
	resp, err := client.Do(req)
	if err != nil {
		return answer{Status: -1, Raw: err.Error(), Took: time.Since(began)}
	}
	defer resp.Body.Close()
	data, _ := io.ReadAll(resp.Body)
	a := answer{Status: resp.StatusCode, Raw: string(data), Took: time.Since(began)}
	_ = json.Unmarshal(data, &a)
	return a
}
