package reliability

import (
	"context"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"syscall"
	"testing"
	"time"

	"github.com/accgraph/accgraph/neo4j"
)

// TestHelpStartsNothing is issue 17, item 10: `accgraph keys --help` without NEO4J_URI
// started an embedded Neo4j on 7687 to answer. Asking any command for help prints it
// and starts nothing: no Neo4j directory is made.
func TestHelpStartsNothing(t *testing.T) {
	bin := accgraphBinary(t)
	for _, args := range [][]string{{"keys", "--help"}, {"keys", "-h"}, {"keys", "help"}, {"query", "--help"},
		{"import", "--help"}, {"neo4j", "--help"}, {"keys", "create", "--help"}, {"keys", "list", "-h"},
		{"query", "run", "--help"}, {"export", "--help"}, {"seed", "-h"}, {"serve", "--help"}, {"import", "ftm", "-h"}} {
		dir := filepath.Join(t.TempDir(), "neo4j")
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		cmd := exec.CommandContext(ctx, bin, args...)
		// no java or mvn on the PATH: a command that tries to start Neo4j anyway fails fast
		// (after making its directory) instead of building one
		empty := t.TempDir()
		cmd.Env = []string{"PATH=" + empty, "HOME=" + empty, "ACCGRAPH_CACHE=" + empty, "ACCGRAPH_NEO4J_DIR=" + dir, "ACCGRAPH_NEO4J_PORT=0"}
		out, _ := cmd.CombinedOutput()
		timedOut := ctx.Err() == context.DeadlineExceeded
		cancel()
		if timedOut {
			t.Errorf("accgraph %v did not return within 10 s: %.300s", args, out)
		}
		if _, err := os.Stat(dir); err == nil {
			t.Errorf("accgraph %v made the Neo4j directory %s: %.300s", args, dir, out)
		}
		if len(out) == 0 {
			t.Errorf("accgraph %v printed no help", args)
		}
	}
}

// TestCopiedDataDirDoesNotReuseAnotherNeo4j is issue 17, item 10: a data directory copied
// while its Neo4j runs records that server, and `serve` attached to it. A recorded server is
// reused (or stopped) only when it runs in this very directory on the recorded port. The
// trap is set here with a stand-in process shaped like the launcher's Neo4j (its working
// directory and --home-dir the data dir, its Bolt port in its arguments): the directory is
// moved away while it runs and copied back in its place.
func TestCopiedDataDirDoesNotReuseAnotherNeo4j(t *testing.T) {
	root := t.TempDir()
	dir := filepath.Join(root, "neo4j")
	if err := os.MkdirAll(filepath.Join(dir, "run"), 0o755); err != nil {
		t.Fatal(err)
	}
	const port = 1 // nothing answers Bolt there, so status asks nothing of anyone
	standIn := exec.Command("sh", "-c", "sleep 60; :", "sh", "--home-dir="+dir, "-c", "server.bolt.listen_address=127.0.0.1:"+strconv.Itoa(port))
	standIn.Dir = dir
	if err := standIn.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = standIn.Process.Kill(); _ = standIn.Wait() })
	record := func(dir string, port int) {
		t.Helper()
		st, _ := json.Marshal(map[string]any{"pid": standIn.Process.Pid, "port": port, "uri": "neo4j://127.0.0.1:" + strconv.Itoa(port)})
		if err := os.WriteFile(filepath.Join(dir, "run", "accgraph-neo4j.json"), st, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	status := func(dir string) neo4j.Status {
		t.Helper()
		s, err := neo4j.ReadStatus(context.Background(), neo4j.Config{Dir: dir, CacheDir: root})
		if err != nil {
			t.Fatal(err)
		}
		return s
	}
	record(dir, port)
	if !status(dir).Running {
		t.Fatal("the stand-in is not taken for the server of its own directory; the test proves nothing")
	}

	moved := filepath.Join(root, "neo4j-moved")
	if err := os.Rename(dir, moved); err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(filepath.Join(dir, "run"), 0o755); err != nil {
		t.Fatal(err)
	}
	record(dir, port) // the copy, back where the server was started
	copied := filepath.Join(root, "copy")
	if err := os.MkdirAll(filepath.Join(copied, "run"), 0o755); err != nil {
		t.Fatal(err)
	}
	record(copied, port)
	for _, d := range []string{dir, copied} {
		if s := status(d); s.Running {
			t.Errorf("%s (a copy) reuses the Neo4j of another directory: %+v", d, s)
		}
		if stopped, err := neo4j.Stop(context.Background(), neo4j.Config{Dir: d, CacheDir: root}); stopped || err != nil {
			t.Errorf("stopping %s (a copy) stopped another directory's Neo4j: %v %v", d, stopped, err)
		}
	}
	if err := standIn.Process.Signal(syscall.Signal(0)); err != nil {
		t.Errorf("the other directory's server was signalled: %v", err)
	}
	record(moved, port+1) // its own directory, but another port than it listens on
	if s := status(moved); s.Running {
		t.Errorf("a record naming another port is trusted: %+v", s)
	}
}
