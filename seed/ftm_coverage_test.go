package seed

import (
	"bytes"
	"context"
	"os"
	"reflect"
	"sort"
	"strings"
	"testing"

	"github.com/accgraph/accgraph/graph/graphtest"
)

// ftmLibrary runs seed/ftmtool/ftm.py with followthemoney (graphtest.FtMLibrary).
func ftmLibrary(t *testing.T, args ...string) []byte {
	t.Helper()
	return graphtest.FtMLibrary(t, nil, args...)
}

func TestFtMModelIsTheLibrarys(t *testing.T) {
	if got := ftmLibrary(t, "model"); !bytes.Equal(got, ftmModelJSON) {
		_ = os.WriteFile("ftm_model.json.new", got, 0o644)
		t.Error("seed/ftm_model.json is not the installed followthemoney's model: compare ftm_model.json.new, " +
			"map what changed in ftm_schema.go, then move it over")
	}
}

// TestFtMCoverage: every schema of the model is mapped or recorded as a Thing, and every
// property is read into a field or kept where ftmKept says, with its reason.
func TestFtMCoverage(t *testing.T) {
	var names []string
	for name := range ftmModel.Schemata {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		s := ftmModel.Schemata[name]
		_, isKind := ftmKinds[name]
		_, isRel := ftmRels[name]
		isThing := ftmKind(name) == "THING"
		n := 0
		for _, b := range []bool{isKind, isRel, isThing} {
			if b {
				n++
			}
		}
		switch {
		case s.Abstract && n > 0:
			t.Errorf("%s is abstract (no entity is of it) but mapped", name)
		case !s.Abstract && n != 1:
			t.Errorf("%s is in %d of ftmKinds, ftmRels and ftmThings; want exactly one", name, n)
		}
		if _, _, isEdge := ftmModel.edge(name); isEdge != isRel && !s.Abstract {
			t.Errorf("%s: an edge schema must be a relationship, and only those", name)
		}
		for prop, def := range s.Properties {
			if _, ok := ftmFields[name+":"+prop]; ok {
				continue
			}
			if reason := ftmKept[def.Type]; reason == "" {
				t.Errorf("%s:%s (%s) is neither read into a field nor kept", name, prop, def.Type)
			}
		}
	}
	for qname := range ftmFields {
		schema, prop, _ := strings.Cut(qname, ":")
		if s := ftmModel.Schemata[schema]; s == nil || s.Properties[prop].Type == "" {
			t.Errorf("ftmFields names %s, which the model does not define", qname)
		}
	}
}

// TestFtMEverySchemaImports imports one entity of every concrete schema, every property
// set, as followthemoney itself writes them, and reads every one back.
func TestFtMEverySchemaImports(t *testing.T) {
	sample := ftmLibrary(t, "sample")
	db := graphtest.MustOpenDB(t)
	stats, problems, err := (&Importer{DB: db, By: "test", Batch: 10}).FtM(context.Background(), "sample.jsonl", bytes.NewReader(sample))
	if err != nil || len(problems) > 0 {
		t.Fatalf("import: %v\n%v", err, problems)
	}
	var want []FtMEntity
	if err := ParseFtM(bytes.NewReader(sample), func(e FtMEntity) error { want = append(want, e); return nil },
		func(p FtMProblem) error { t.Error(p); return nil }); err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, e := range want {
		ids = append(ids, AccgraphID(e.Schema, e.ID))
	}
	stored, err := db.FtMRecords(context.Background(), ids)
	if err != nil {
		t.Fatal(err)
	}
	schemata := map[string]bool{}
	for _, e := range want {
		schemata[e.Schema] = true
		got, err := ReadFtMJSON(stored[AccgraphID(e.Schema, e.ID)])
		got.Line, e.Line = 0, 0
		if err != nil || !reflect.DeepEqual(got, e) {
			t.Errorf("%s %s read back as %+v (%v), want %+v", e.Schema, e.ID, got, err, e)
		}
	}
	for name, s := range ftmModel.Schemata {
		if !s.Abstract && !schemata[name] {
			t.Errorf("the sample has no %s", name)
		}
	}
	if stats.Entities+len(ftmRels) < len(want) {
		t.Errorf("stats = %+v for %d lines", stats, len(want))
	}
}

// FtMLibrary is ftmLibrary for the tests of package seed_test.
var FtMLibrary = ftmLibrary
