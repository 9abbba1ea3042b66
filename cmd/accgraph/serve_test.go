package main

import (
	"bytes"
	"context"
	"encoding/json"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/accgraph/accgraph/graph/graphtest"
	"github.com/accgraph/accgraph/neo4j"
	"github.com/accgraph/accgraph/neo4j/neo4jtest"
)

// TestServeFailsWithOneClearLine: a wrong NEO4J_URI, a wrong password and a closed port
// each end `accgraph serve` with exit 1 and one line that names the problem.
func TestServeFailsWithOneClearLine(t *testing.T) {
	db := graphtest.Config(t) // the test command's Neo4j, with auth on
	closed := freePort(t)
	tests := []struct {
		name string
		env  map[string]string
		want string
	}{
		{"wrong uri scheme", map[string]string{"NEO4J_URI": "http://127.0.0.1:7687"},
			`invalid NEO4J_URI "http://127.0.0.1:7687": scheme "http" is not neo4j`},
		{"uri without host", map[string]string{"NEO4J_URI": "neo4j://"},
			`invalid NEO4J_URI "neo4j://": no host`},
		{"wrong password", map[string]string{"NEO4J_URI": db.URI, "NEO4J_USER": db.User, "NEO4J_PASSWORD": "not-the-password"},
			"neo4j at " + db.URI + " refused the credentials (check NEO4J_USER and NEO4J_PASSWORD)"},
		{"closed port", map[string]string{"NEO4J_URI": "bolt://127.0.0.1:" + strconv.Itoa(closed)},
			"cannot reach neo4j at bolt://127.0.0.1:" + strconv.Itoa(closed) + ": connection refused"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			env := func(k string) string { return tt.env[k] }
			err := Run(context.Background(), []string{"serve", "--addr", "127.0.0.1:0"}, env, &stdout, &stderr)
			if code := exitCode(err, &stderr); code != 1 {
				t.Fatalf("exit code = %d, want 1 (err %v)", code, err)
			}
			lines := strings.Split(strings.TrimSpace(stderr.String()), "\n")
			if len(lines) != 1 || lines[0] != "accgraph: "+tt.want && !strings.HasPrefix(lines[0], "accgraph: "+tt.want) {
				t.Fatalf("stderr = %q, want one line starting %q", stderr.String(), "accgraph: "+tt.want)
			}
		})
	}
}

// TestServeRunsAndStopsTheEmbeddedNeo4j runs the real binary with no NEO4J_URI: it must
// start its own Neo4j, serve GraphQL, and leave no Neo4j behind after Ctrl-C, nor after
// being killed outright.
func TestServeRunsAndStopsTheEmbeddedNeo4j(t *testing.T) {
	neo4jtest.Needed(t)
	bin := filepath.Join(t.TempDir(), "accgraph")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	for _, sig := range []syscall.Signal{syscall.SIGINT, syscall.SIGKILL} {
		t.Run(sig.String(), func(t *testing.T) {
			dir := t.TempDir()
			addr := "127.0.0.1:" + strconv.Itoa(freePort(t))
			cmd := exec.Command(bin, "serve", "--log-format", "json")
			cmd.Env = append(withoutNeo4jEnv(), "ACCGRAPH_ADDR="+addr, "ACCGRAPH_NEO4J_DIR="+dir,
				"ACCGRAPH_NEO4J_PORT=0", "ACCGRAPH_NEO4J_HEAP=512m", "ACCGRAPH_NEO4J_PAGECACHE=64m")
			var logs bytes.Buffer
			cmd.Stdout, cmd.Stderr = &logs, &logs
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			defer cmd.Process.Kill()
			waitReady(t, "http://"+addr, &logs)
			if !strings.Contains(logs.String(), "seeded the empty graph with the curated dataset") {
				t.Errorf("serve on a new Neo4j did not say it seeded the graph:\n%s", logs.String())
			}

			var resp struct {
				Data struct{ Status struct{ Neo4jVersion string } }
			}
			postJSON(t, "http://"+addr+"/graphql", `{"query":"{ status { neo4jVersion } }"}`, &resp)
			if !strings.HasPrefix(resp.Data.Status.Neo4jVersion, "5.26.") {
				t.Fatalf("status.neo4jVersion = %q, want 5.26.x", resp.Data.Status.Neo4jVersion)
			}
			if n := len(neo4j.RunningIn(dir)); n != 1 {
				t.Fatalf("%d Neo4j processes serve %s, want 1", n, dir)
			}

			if err := cmd.Process.Signal(sig); err != nil {
				t.Fatal(err)
			}
			err := cmd.Wait()
			if sig == syscall.SIGINT && err != nil {
				t.Fatalf("serve after SIGINT: %v\n%s", err, logs.String())
			}
			deadline := time.Now().Add(30 * time.Second)
			for len(neo4j.RunningIn(dir)) > 0 {
				if time.Now().After(deadline) {
					t.Fatalf("Neo4j still runs in %s 30s after serve got %s", dir, sig)
				}
				time.Sleep(100 * time.Millisecond)
			}
		})
	}
}

func waitReady(t *testing.T, base string, logs *bytes.Buffer) {
	t.Helper()
	deadline := time.Now().Add(3 * time.Minute)
	for {
		resp, err := http.Get(base + "/readyz")
		if err == nil {
			resp.Body.Close()
			if resp.StatusCode == http.StatusOK {
				return
			}
		}
		if time.Now().After(deadline) {
			t.Fatalf("serve not ready after 3 minutes; its logs:\n%s", logs.String())
		}
		time.Sleep(200 * time.Millisecond)
	}
}

func postJSON(t *testing.T, url, body string, out any) {
	t.Helper()
	resp, err := http.Post(url, "application/json", strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	if err := json.NewDecoder(resp.Body).Decode(out); err != nil {
		t.Fatal(err)
	}
}

// withoutNeo4jEnv is this process's environment without the test database's settings, so
// that serve starts its own Neo4j.
func withoutNeo4jEnv() []string {
	var env []string
	for _, kv := range os.Environ() {
		if !strings.HasPrefix(kv, "NEO4J_") {
			env = append(env, kv)
		}
	}
	return env
}

func freePort(t *testing.T) int {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port
}
