package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/accgraph/accgraph/graph/graphtest"
)

func TestExportParts(t *testing.T) {
	graphtest.MustOpenDB(t)
	cfg := graphtest.Config(t)
	env := map[string]string{"NEO4J_URI": cfg.URI, "NEO4J_USER": cfg.User, "NEO4J_PASSWORD": cfg.Password}
	run := func(args ...string) (string, error) {
		var stdout, stderr bytes.Buffer
		err := Run(context.Background(), append(args, "--log-level", "error"), func(k string) string { return env[k] }, &stdout, &stderr)
		return stdout.String(), err
	}
	if _, err := run("seed"); err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	read := func(file string) (map[string]bool, []map[string]any) {
		f, err := os.Open(file)
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		nodes := map[string]bool{}
		var rels []map[string]any
		sc := bufio.NewScanner(f)
		sc.Buffer(make([]byte, 1<<20), 1<<20)
		for sc.Scan() {
			var rec map[string]any
			_ = json.Unmarshal(sc.Bytes(), &rec)
			if rec["type"] == "node" {
				nodes[rec["properties"].(map[string]any)["id"].(string)] = true
			} else {
				rels = append(rels, rec)
			}
		}
		return nodes, rels
	}

	out := filepath.Join(dir, "massacre.jsonl")
	if msg, err := run("export", "--format", "jsonl", "--out", out, "--neighborhood", "event:1988-massacre"); err != nil || !strings.Contains(msg, "entities and what joins them") {
		t.Fatalf("export --neighborhood = %q, %v", msg, err)
	}
	nodes, rels := read(out)
	for _, id := range []string{"event:1988-massacre", "org:1988-death-commissions", "person:ebrahim-raisi", "source:ncri-factions-collaborate", "person:mansoureh-galestan"} {
		if !nodes[id] {
			t.Errorf("the neighbourhood export lacks %s", id)
		}
	}
	if nodes["position:iran-head-of-judiciary"] {
		t.Error("the depth-1 export holds a post two steps away")
	}
	for _, r := range rels {
		if !nodes[r["start"].(string)] || !nodes[r["end"].(string)] {
			t.Fatalf("relationship %v leaves the exported part", r)
		}
	}

	file := filepath.Join(dir, "holders.graphql")
	_ = os.WriteFile(file, []byte("# title: Holders with ids\n# rows: holders\n# column: Holder = person.id\n"+
		"query($position: ID! = \"position:iran-head-of-judiciary\") { holders(position: $position) { person { id } position { id } } }\n"), 0o644)
	if _, err := run("query", "save", file); err != nil {
		t.Fatal(err)
	}
	out = filepath.Join(dir, "holders.jsonl")
	if _, err := run("export", "--out", out, "--subgraph", "holders", "--var", "position=position:iran-minister-of-justice"); err != nil {
		t.Fatal(err)
	}
	nodes, rels = read(out)
	if !nodes["person:alireza-avaei"] || !nodes["position:iran-minister-of-justice"] || nodes["person:ebrahim-raisi"] {
		t.Errorf("the saved-query export holds %v", nodes)
	}
	found := false
	for _, r := range rels {
		found = found || r["rel"] == "HOLDS"
	}
	if !found {
		t.Error("the saved-query export lacks the tenure between its two entities")
	}
	if _, err := run("export", "--out", out, "--subgraph", "court-verdicts"); err == nil || !strings.Contains(err.Error(), "names no entity") {
		t.Errorf("a saved query without ids: %v", err)
	}
}
