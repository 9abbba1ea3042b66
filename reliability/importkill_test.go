package reliability

import (
	"bufio"
	"crypto/sha256"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/accgraph/accgraph/graph/graphtest"
)

// TestImportKilledMidwayResumes SIGKILLs an FtM import at a random batch, resumes it,
// and compares the graph with a clean run's: the same counts and the same content
// checksum (audit records aside, which carry their own time).
func TestImportKilledMidwayResumes(t *testing.T) {
	dir := t.TempDir()
	bin := accgraphBinary(t)
	const lines, batch = 6000, 200
	file := filepath.Join(dir, "people.ftm.jsonl")
	writeFtMFile(t, file, lines)
	cfg := graphtest.Config(t)
	run := func(args ...string) *exec.Cmd {
		cmd := exec.Command(bin, append([]string{"import", "ftm", file, "--batch", fmt.Sprint(batch), "--log-level", "warn"}, args...)...)
		cmd.Env = append(os.Environ(), "NEO4J_URI="+cfg.URI, "NEO4J_USER="+cfg.User, "NEO4J_PASSWORD="+cfg.Password)
		return cmd
	}

	graphtest.MustOpenDB(t)
	if out, err := run().CombinedOutput(); err != nil {
		t.Fatalf("clean import: %v\n%s", err, out)
	}
	clean, cleanCounts := checksum(t)
	if !strings.Contains(cleanCounts, fmt.Sprintf("node [Person]: %d", lines/3)) {
		t.Fatalf("the clean import did not write %d people:\n%s", lines/3, cleanCounts)
	}

	graphtest.MustOpenDB(t) // empty again
	_ = os.Remove(file + ".checkpoint")
	at := 3 + rand.IntN(lines/batch-8) // a batch well before the end
	cmd := run()
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	exited := make(chan error, 1)
	go func() { exited <- cmd.Wait() }()
	deadline := time.Now().Add(2 * time.Minute)
	for checkpointLine(file) < at*batch && time.Now().Before(deadline) && len(exited) == 0 {
		time.Sleep(5 * time.Millisecond)
	}
	_ = cmd.Process.Signal(syscall.SIGKILL)
	err := <-exited
	killedAt := checkpointLine(file)
	if ws, ok := cmd.ProcessState.Sys().(syscall.WaitStatus); !ok || !ws.Signaled() {
		t.Fatalf("the import ended before it could be killed (%v); checkpoint at line %d", err, killedAt)
	}
	if killedAt >= lines {
		t.Fatalf("killed after the last line (checkpoint %d)", killedAt)
	}
	t.Logf("killed after batch %d, checkpoint at line %d of %d", at, killedAt, lines)
	if out, err := run("--resume").CombinedOutput(); err != nil {
		t.Fatalf("resumed import: %v\n%s", err, out)
	}
	resumed, resumedCounts := checksum(t)
	if resumedCounts != cleanCounts {
		t.Errorf("counts after kill and resume:\n%s\nafter a clean run:\n%s", resumedCounts, cleanCounts)
	}
	if resumed != clean {
		t.Errorf("content checksum after kill and resume %s, after a clean run %s", resumed, clean)
	}
}

// checkpointLine reads the line an import's checkpoint has reached, 0 without one.
func checkpointLine(file string) int {
	var cp struct{ Line int }
	data, err := os.ReadFile(file + ".checkpoint")
	if err != nil || json.Unmarshal(data, &cp) != nil {
		return 0
	}
	return cp.Line
}

// checksum hashes the graph's content without the audit records, and counts nodes by
// label and relationships by type.
func checksum(t *testing.T) (sum, counts string) {
	t.Helper()
	var kept []string
	tally := map[string]int{}
	for _, line := range strings.Split(graphtest.Snapshot(t), "\n") {
		if strings.HasPrefix(line, "node [Change]") {
			continue
		}
		kept = append(kept, line)
		f := strings.Fields(line)
		if len(f) > 1 {
			tally[f[0]+" "+f[1]]++
		}
	}
	var c []string
	for k, n := range tally {
		c = append(c, fmt.Sprintf("%s: %d", k, n))
	}
	slices.Sort(c)
	return fmt.Sprintf("%x", sha256.Sum256([]byte(strings.Join(kept, "\n")))), strings.Join(c, "\n")
}

// writeFtMFile writes a FollowTheMoney file whose occupancies come before the people
// and posts they join, so that the import holds entities across batches and its
// checkpoint lags behind what it has read.
func writeFtMFile(t *testing.T, file string, lines int) {
	t.Helper()
	f, err := os.Create(file)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	w := bufio.NewWriter(f)
	enc := json.NewEncoder(w)
	n := lines / 3
	write := func(id, schema string, props map[string][]string) {
		_ = enc.Encode(map[string]any{"id": id, "schema": schema, "datasets": []string{"reliability"}, "properties": props})
	}
	for i := range n {
		write(fmt.Sprintf("occ%d", i), "Occupancy", map[string][]string{"holder": {fmt.Sprintf("p%d", i)}, "post": {fmt.Sprintf("pos%d", i%50)}, "startDate": {"2015-03"}})
		write(fmt.Sprintf("p%d", i), "Person", map[string][]string{"name": {fmt.Sprintf("Person %d", i)}, "birthDate": {"1960"}})
		if i < 50 {
			write(fmt.Sprintf("pos%d", i), "Position", map[string][]string{"name": {fmt.Sprintf("Post %d", i)}})
		} else {
			write(fmt.Sprintf("o%d", i), "Organization", map[string][]string{"name": {fmt.Sprintf("Organization %d", i)}})
		}
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
}
