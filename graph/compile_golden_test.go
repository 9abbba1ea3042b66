package graph_test

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/99designs/gqlgen/graphql"
	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
	"github.com/vektah/gqlparser/v2"
	"github.com/vektah/gqlparser/v2/validator"
	"golang.org/x/tools/txtar"

	"github.com/accgraph/accgraph/graph"
	"github.com/accgraph/accgraph/graph/graphtest"
	"github.com/accgraph/accgraph/schema"
)

var update = flag.Bool("update", false, "rewrite the expected Cypher of graph/testdata/compile/*.graphql")

// TestCompileGolden compiles the GraphQL operation of each graph/testdata/compile/*.graphql
// (a txtar archive: the operation, then its variables.json) and compares the Cypher, the
// parameters and the roots answered without Neo4j or refused with the sections of the file
// (`go test ./graph -run TestCompileGolden -update` rewrites them). It needs no database:
// a change to a compiled statement shows in review as a change to these files. Every root
// field the compiler answers must appear in one of them.
func TestCompileGolden(t *testing.T) {
	asked := map[string]bool{}
	for _, g := range goldens(t) {
		for _, f := range g.roots {
			asked[f.Name] = true
		}
		t.Run(g.name, func(t *testing.T) {
			compiled := graph.Compile(g.roots)
			if i := strings.Index(compiled.Cypher, "{{"); i >= 0 {
				t.Errorf("%s: a slot is left unfilled: %.40s", g.file, compiled.Cypher[i:])
			}
			got := render(compiled)
			want := &txtar.Archive{Comment: g.archive.Comment}
			if v := section(g.archive, "variables.json"); v != nil {
				want.Files = append(want.Files, txtar.File{Name: "variables.json", Data: v})
			}
			want.Files = append(want.Files, got...)
			out := txtar.Format(want)
			if *update {
				if err := os.WriteFile(g.file, out, 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			if !bytes.Equal(out, g.raw) {
				for _, f := range got {
					if w := section(g.archive, f.Name); !bytes.Equal(w, f.Data) {
						t.Errorf("%s: %s differs; got\n%s\nwant\n%s", g.file, f.Name, f.Data, w)
					}
				}
				t.Errorf("%s is not what the compiler gives (go test ./graph -run TestCompileGolden -update rewrites it; review the diff)", g.file)
			}
		})
	}
	for name := range graph.Roots {
		if !asked[name] {
			t.Errorf("no graph/testdata/compile/*.graphql asks the root field %s", name)
		}
	}
}

// TestCompileGoldenExplain has Neo4j plan (EXPLAIN) every golden statement: each is
// Cypher it parses and plans, with the parameters it is given, and uses no feature
// Neo4j calls deprecated.
func TestCompileGoldenExplain(t *testing.T) {
	db := graphtest.MustOpenDB(t)
	for _, g := range goldens(t) {
		c := graph.Compile(g.roots)
		if c.Cypher == "" {
			continue
		}
		deprecated, err := db.Explain(context.Background(), c.Cypher, c.Params)
		if err != nil {
			t.Errorf("%s: Neo4j cannot plan the statement: %v", g.file, err)
		}
		for _, d := range deprecated {
			t.Errorf("%s: %s", g.file, d)
		}
	}
}

// golden is one graph/testdata/compile file with the roots its operation asks.
type golden struct {
	name, file string
	raw        []byte
	archive    *txtar.Archive
	roots      []graph.Selection
}

// goldens reads every golden file and builds its read as the server does: parsed and
// validated against the schema, variables coerced, fields collected by schema.Selections.
func goldens(t *testing.T) []golden {
	t.Helper()
	files, err := filepath.Glob("testdata/compile/*.graphql")
	if err != nil || len(files) == 0 {
		t.Fatalf("no golden files: %v", err)
	}
	s := schema.NewExecutableSchema(schema.Config{}).Schema()
	var out []golden
	for _, file := range files {
		raw, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		ar := txtar.Parse(raw)
		query := string(ar.Comment)
		doc, errs := gqlparser.LoadQuery(s, query)
		if errs != nil {
			t.Fatalf("%s: %v", file, errs)
		}
		if len(doc.Operations) != 1 {
			t.Fatalf("%s: want one operation, got %d", file, len(doc.Operations))
		}
		op := doc.Operations[0]
		rawVars := map[string]any{}
		if v := section(ar, "variables.json"); v != nil {
			d := json.NewDecoder(bytes.NewReader(v))
			d.UseNumber()
			if err := d.Decode(&rawVars); err != nil {
				t.Fatalf("%s: variables.json: %v", file, err)
			}
		}
		vars, verr := validator.VariableValues(s, op, rawVars)
		if verr != nil {
			t.Fatalf("%s: variables: %v", file, verr)
		}
		oc := &graphql.OperationContext{RawQuery: query, Variables: vars, Doc: doc, Operation: op}
		out = append(out, golden{name: strings.TrimSuffix(filepath.Base(file), ".graphql"), file: file, raw: raw,
			archive: ar, roots: schema.Selections(oc, op.SelectionSet, "Query")})
	}
	return out
}

func section(ar *txtar.Archive, name string) []byte {
	for _, f := range ar.Files {
		if f.Name == name {
			return f.Data
		}
	}
	return nil
}

// render gives the sections of a compiled read: cypher, params ($p0 = JSON, in order),
// answered (the roots answered without Neo4j) and errors (the roots refused), each only
// when it has something to show.
func render(c graph.Compiled) []txtar.File {
	var files []txtar.File
	add := func(name, text string) {
		if text != "" {
			files = append(files, txtar.File{Name: name, Data: []byte(text + "\n")})
		}
	}
	add("cypher", c.Cypher)
	names := make([]string, 0, len(c.Params))
	for name := range c.Params {
		names = append(names, name)
	}
	sort.Slice(names, func(i, j int) bool { return paramIndex(names[i]) < paramIndex(names[j]) })
	var params []string
	for _, name := range names {
		params = append(params, "$"+name+" = "+paramText(c.Params[name]))
	}
	add("params", strings.Join(params, "\n"))
	var answered, refused []string
	for alias, v := range c.Values {
		answered = append(answered, fmt.Sprintf("%s: %v", alias, v))
	}
	for alias, err := range c.Errors {
		refused = append(refused, fmt.Sprintf("%s: %s: %s", alias, graph.ErrorCode(err), graph.ErrorMessage(err)))
	}
	sort.Strings(answered)
	sort.Strings(refused)
	add("answered", strings.Join(answered, "\n"))
	add("errors", strings.Join(refused, "\n"))
	return files
}

func paramIndex(name string) int {
	n, _ := strconv.Atoi(strings.TrimPrefix(name, "p"))
	return n
}

// paramText shows a parameter as JSON, a date as date("YYYY-MM-DD").
func paramText(v any) string {
	if d, ok := v.(neo4j.Date); ok {
		return fmt.Sprintf("date(%q)", time.Time(d).Format(time.DateOnly))
	}
	b, err := json.Marshal(v)
	if err != nil {
		return fmt.Sprintf("%#v", v)
	}
	return string(b)
}
