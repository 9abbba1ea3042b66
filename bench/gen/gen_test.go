package gen_test

import (
	"testing"

	"github.com/accgraph/accgraph/bench/gen"
)

func TestGenerateIsDeterministicAndValid(t *testing.T) {
	a, b := gen.Generate(gen.Scale(500), 7), gen.Generate(gen.Scale(500), 7)
	if len(a.Entities) != len(b.Entities) || len(a.Links) != len(b.Links) {
		t.Fatalf("same seed, different graphs: %d/%d entities, %d/%d links", len(a.Entities), len(b.Entities), len(a.Links), len(b.Links))
	}
	for i := range a.Links {
		if a.Links[i].ID != b.Links[i].ID {
			t.Fatalf("link %d differs: %s vs %s", i, a.Links[i].ID, b.Links[i].ID)
		}
	}
	if err := a.Validate(); err != nil {
		t.Fatalf("generated graph is invalid: %v", err)
	}
	if c := gen.Generate(gen.Scale(500), 8); len(c.Links) == len(a.Links) && c.Links[10].ID == a.Links[10].ID && c.Links[200].ID == a.Links[200].ID {
		t.Error("another seed gave the same graph")
	}
}
