package seed_test

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/accgraph/accgraph/graph"
	"github.com/accgraph/accgraph/seed"
)

// FuzzSeedYAML loads arbitrary people.yaml beside the base fixtures: the loader returns
// a dataset or a validation error naming file:line, never panics.
func FuzzSeedYAML(f *testing.F) {
	base := fstest.MapFS{}
	err := fs.WalkDir(os.DirFS("testdata/base"), ".", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(filepath.Join("testdata/base", path))
		base[path] = &fstest.MapFile{Data: data}
		return err
	})
	if err != nil {
		f.Fatal(err)
	}
	fixtures, _ := filepath.Glob("testdata/*/people.yaml")
	for _, name := range fixtures {
		data, _ := os.ReadFile(name)
		f.Add(string(data))
	}
	f.Add("- id: person:x\n  name: X\n  citations: []\n")
	f.Add("- {id: [1, 2], name: {a: b}}\n")
	f.Add("&a [*a]")
	f.Fuzz(func(t *testing.T, people string) {
		fsys := fstest.MapFS{"people.yaml": {Data: []byte(people)}}
		for k, v := range base {
			fsys[k] = v
		}
		d, err := seed.Load(fsys)
		if err == nil {
			if d == nil {
				t.Fatal("no error and no dataset")
			}
			return
		}
		var invalid *graph.ValidationError
		if !errors.As(err, &invalid) {
			t.Fatalf("error %T %v, want a ValidationError", err, err)
		}
		for _, line := range strings.Split(err.Error(), "\n") {
			if strings.TrimSpace(line) != "" && !strings.HasSuffix(line, "problem(s):") && !strings.Contains(line, ".yaml") {
				t.Fatalf("a problem that names no file: %q", line)
			}
		}
	})
}

// FuzzFtMLine parses arbitrary FollowTheMoney lines and maps what parses: every line is
// an entity or a problem with its line number, never a panic.
func FuzzFtMLine(f *testing.F) {
	for _, line := range strings.Split(ftmFixture, "\n") {
		f.Add(line)
	}
	f.Add(`{"id": "x", "schema": "Person", "properties": {"name": "not a list"}}`)
	f.Add(`{"id": "", "schema": "Ownership", "properties": {"owner": ["a"], "asset": ["a"]}}`)
	f.Add(`[1, 2]`)
	f.Fuzz(func(t *testing.T, data string) {
		lines := strings.Count(data, "\n") + 1
		var got []seed.FtMEntity
		err := seed.ParseFtM(strings.NewReader(data), func(e seed.FtMEntity) error {
			got = append(got, e)
			return nil
		}, func(p seed.FtMProblem) error {
			if p.Line < 1 || p.Line > lines || p.Reason == "" {
				t.Fatalf("problem %+v: want a line in 1..%d and a reason", p, lines)
			}
			return nil
		})
		if err != nil {
			return // a read error: the reader here has none, but a line over the limit is one
		}
		seed.NewFtMMapper("fuzz.jsonl").Map(got)
	})
}
