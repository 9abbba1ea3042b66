package neo4j

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
)

// state is what the launcher records in run/accgraph-neo4j.json about the server it started.
type state struct {
	PID  int    `json:"pid"`
	Port int    `json:"port"`
	URI  string `json:"uri"`
	Auth bool   `json:"auth"`
}

func statePath(dir string) string { return filepath.Join(dir, "run", "accgraph-neo4j.json") }

func readState(dir string) (state, bool) {
	var st state
	data, err := os.ReadFile(statePath(dir))
	if err != nil || json.Unmarshal(data, &st) != nil || st.PID <= 0 {
		return state{}, false
	}
	return st, true
}

func writeState(dir string, st state) error {
	data, _ := json.Marshal(st)
	tmp := statePath(dir) + ".tmp"
	if err := os.WriteFile(tmp, data, 0o644); err != nil {
		return fmt.Errorf("neo4j state file: %w", err)
	}
	return os.Rename(tmp, statePath(dir))
}

func removeState(dir string) { _ = os.Remove(statePath(dir)) }

// processAlive reports whether pid is a live (not zombie) Neo4j whose home is dir, so that
// a recycled pid is never taken for our server.
func processAlive(pid int, dir string) bool {
	if _, err := os.Stat("/proc/self"); err != nil {
		return syscall.Kill(pid, 0) == nil // no /proc (macOS): best effort
	}
	return servesDir(strconv.Itoa(pid), dir)
}

// RunningIn lists the live processes whose Neo4j home is dir, recorded by the launcher or
// not (Linux only: it reads /proc).
func RunningIn(dir string) []int {
	entries, _ := os.ReadDir("/proc")
	var pids []int
	for _, e := range entries {
		if pid, err := strconv.Atoi(e.Name()); err == nil && servesDir(e.Name(), dir) {
			pids = append(pids, pid)
		}
	}
	return pids
}

// recorded reports whether the server st records is alive and serves dir on st's port:
// a data directory copied (or moved and copied back) while its Neo4j runs records a server
// that serves another directory, which must never be reused or stopped for this one.
func recorded(st state, dir string) bool {
	if !processAlive(st.PID, dir) {
		return false
	}
	cmdline, err := os.ReadFile("/proc/" + strconv.Itoa(st.PID) + "/cmdline")
	if err != nil {
		return true // no /proc (macOS): processAlive's best effort
	}
	return strings.Contains(string(cmdline), "\x00server.bolt.listen_address=127.0.0.1:"+strconv.Itoa(st.Port)+"\x00")
}

// servesDir reports whether /proc/pid is a live (not zombie) process started with
// --home-dir=dir that runs in dir itself: the launcher starts Neo4j with dir as its working
// directory, so a process whose dir was moved away (and copied back) no longer matches.
func servesDir(pid, dir string) bool {
	cmdline, err := os.ReadFile("/proc/" + pid + "/cmdline")
	if err != nil || !strings.Contains(string(cmdline), "--home-dir="+dir+"\x00") {
		return false
	}
	cwd, err := os.Stat("/proc/" + pid + "/cwd")
	if here, err2 := os.Stat(dir); err != nil || err2 != nil || !os.SameFile(cwd, here) {
		return false
	}
	stat, err := os.ReadFile("/proc/" + pid + "/stat")
	if err != nil {
		return false
	}
	// the state follows the parenthesised command name: "pid (comm) S ..."
	i := strings.LastIndexByte(string(stat), ')')
	return i >= 0 && i+2 < len(stat) && stat[i+2] != 'Z'
}
