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

func TestQueryCommands(t *testing.T) {
	graphtest.MustOpenDB(t)
	cfg := graphtest.Config(t)
	env := map[string]string{"NEO4J_URI": cfg.URI, "NEO4J_USER": cfg.User, "NEO4J_PASSWORD": cfg.Password, "COLUMNS": "100"}
	run := func(args ...string) (string, error) {
		var stdout, stderr bytes.Buffer
		err := Run(context.Background(), append(args, "--log-format", "text", "--log-level", "error"), func(k string) string { return env[k] }, &stdout, &stderr)
		return stdout.String(), err
	}
	if _, err := run("seed"); err != nil {
		t.Fatal(err)
	}
	out, err := run("query", "list", "--tag", "posts")
	if err != nil || !strings.Contains(out, "who-held-post") || !strings.Contains(out, "position, asOf") || strings.Contains(out, "court-verdicts") {
		t.Errorf("query list --tag posts = %q, %v", out, err)
	}
	out, err = run("query", "run", "who-held-post", "--var", "position=position:iran-minister-of-justice", "--format", "csv")
	if err != nil || !strings.HasPrefix(out, "Holder,From,To,Attested,Confidence,Inferred,Sources\r\nAlireza Avaei,,,2021-02,ALLEGED,,") {
		t.Errorf("query run --format csv = %q, %v", out, err)
	}
	out, err = run("query", "run", "court-verdicts")
	lines := strings.Split(strings.TrimRight(out, "\n"), "\n")
	if err != nil || len(lines) != 2 || !strings.HasPrefix(lines[0], "Verdict ") || len([]rune(lines[1])) > 130 || !strings.Contains(lines[1], "…") {
		t.Errorf("query run (table) = %q, %v; want a header and one row cut to fit 100 columns", out, err)
	}
	if _, err := run("query", "run", "who-held-post", "--var", "colour=red"); err == nil || !strings.Contains(err.Error(), `unknown variable "colour"`) {
		t.Errorf("unknown variable: %v", err)
	}

	file := filepath.Join(t.TempDir(), "raisi-aliases.graphql")
	doc := "# title: Raisi's names\n# rows: entity\n# column: Names = aliases\nquery { entity(id: \"person:ebrahim-raisi\") { aliases } }\n"
	if err := os.WriteFile(file, []byte(doc), 0o644); err != nil {
		t.Fatal(err)
	}
	if out, err := run("query", "save", file); err != nil || out != "saved raisi-aliases version 1\n" {
		t.Fatalf("query save = %q, %v", out, err)
	}
	if out, err := run("query", "run", "raisi-aliases", "--format", "json"); err != nil || !strings.Contains(out, "ابراهیم رئیسی") {
		t.Errorf("run the saved file = %q, %v", out, err)
	}
	bad := filepath.Join(t.TempDir(), "bad.graphql")
	_ = os.WriteFile(bad, []byte("# title: x\n# rows: entity\n# column: N = name\nquery { entity(id: \"x\") { shoeSize } }\n"), 0o644)
	if _, err := run("query", "save", bad); err == nil || !strings.Contains(err.Error(), `line 1, column 27: Cannot query field "shoeSize"`) {
		t.Errorf("saving an invalid query: %v", err)
	}
}

func TestKeysCommands(t *testing.T) {
	graphtest.MustOpenDB(t)
	cfg := graphtest.Config(t)
	env := map[string]string{"NEO4J_URI": cfg.URI, "NEO4J_USER": cfg.User, "NEO4J_PASSWORD": cfg.Password}
	run := func(args ...string) (string, string, error) {
		var stdout, stderr bytes.Buffer
		err := Run(context.Background(), append(args, "--log-level", "error"), func(k string) string { return env[k] }, &stdout, &stderr)
		return stdout.String(), stderr.String(), err
	}
	key, note, err := run("keys", "create", "--name", "night-desk", "--role", "editor")
	if err != nil || !strings.HasPrefix(key, "acg_") || !strings.Contains(note, "shown once") {
		t.Fatalf("keys create = %q %q %v", key, note, err)
	}
	if _, _, err := run("keys", "create", "--name", "night-desk", "--role", "boss"); err == nil || !strings.Contains(err.Error(), `unknown role "boss"`) {
		t.Errorf("a bad role: %v", err)
	}
	if out, _, err := run("keys", "list"); err != nil || !strings.Contains(out, "night-desk") || !strings.Contains(out, "active") || strings.Contains(out, key) {
		t.Errorf("keys list = %q, %v (it must never show a key)", out, err)
	}
	if out, _, err := run("keys", "revoke", "night-desk"); err != nil || out != "revoked night-desk\n" {
		t.Errorf("keys revoke = %q, %v", out, err)
	}
	if out, _, _ := run("keys", "list"); !strings.Contains(out, "revoked") {
		t.Errorf("after revoke: %q", out)
	}
}
