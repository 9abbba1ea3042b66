package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/accgraph/accgraph/graph/graphtest"
)

func TestImportFtMRejectsLinesNotFiles(t *testing.T) {
	graphtest.MustOpenDB(t)
	cfg := graphtest.Config(t)
	env := map[string]string{"NEO4J_URI": cfg.URI, "NEO4J_USER": cfg.User, "NEO4J_PASSWORD": cfg.Password}
	run := func(args ...string) (string, string, error) {
		var stdout, stderr bytes.Buffer
		err := Run(context.Background(), append(args, "--log-level", "error"), func(k string) string { return env[k] }, &stdout, &stderr)
		return stdout.String(), stderr.String(), err
	}
	file := filepath.Join(t.TempDir(), "bad.jsonl")
	if err := os.WriteFile(file, []byte(`{"id": "a", "schema": "Person", "datasets": ["x"], "properties": {"name": ["Anna"]}}
{"id": "b", "schema": "Person", "datasets": ["x"], "properties": {"name": [""]}}
{"op": "DEL", "entity": {"id": "nobody"}}
`), 0o644); err != nil {
		t.Fatal(err)
	}
	out, _, err := run("import", "ftm", file)
	if err != nil || !strings.HasPrefix(out, "imported 1 entities and 0 relationships from "+file+": 3 lines, ") {
		t.Errorf("import = %q, %v", out, err)
	}
	rejects, _ := os.ReadFile(file + ".rejects")
	want := "bad.jsonl:2: name: missing name\nbad.jsonl:3: DEL nobody: no entity or relationship imported with this FtM id\n"
	if string(rejects) != want {
		t.Errorf("rejects = %q, want %q", rejects, want)
	}
	if _, _, err := run("import", "ftm", "--strict", file); err == nil {
		t.Error("--strict exited 0 with a rejected line")
	}
}
