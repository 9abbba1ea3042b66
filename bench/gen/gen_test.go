package gen_test

import (
	"maps"
	"slices"

	"github.com/accgraph/accgraph/graph"
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

func TestGenerateHasTheShapeOfTheIssue(t *testing.T) {
	d := gen.Generate(gen.Scale(5000), 1)
	parent := map[string]string{}
	posts := map[string]int{}
	held := map[string]int{}
	for _, l := range d.Links {
		switch l.Type {
		case graph.RelPartOf:
			parent[l.From] = l.To
		case graph.RelPositionIn:
			posts[l.To]++
		case graph.RelHolds:
			held[l.From]++
			if l.When.From.IsZero() || l.When.To.IsZero() {
				t.Fatalf("tenure %s is not dated", l.ID)
			}
		}
	}
	// every tree is 3 to 6 levels deep
	deepest := map[string]int{}
	for _, e := range d.Entities {
		if e.Kind() != graph.KindOrganization || e.Common().ID == "org:gen-court" {
			continue
		}
		id, depth := e.Common().ID, 1
		for parent[id] != "" {
			id, depth = parent[id], depth+1
		}
		deepest[id] = max(deepest[id], depth)
	}
	if len(deepest) != 5000/10/gen.TreeSize {
		t.Errorf("%d trees, want %d", len(deepest), 5000/10/gen.TreeSize)
	}
	for root, depth := range deepest {
		if depth < 3 || depth > 6 {
			t.Errorf("the tree under %s is %d deep, want 3–6", root, depth)
		}
	}
	// organization sizes are skewed: the biggest has many times the posts of the typical one
	sizes := slices.Sorted(maps.Values(posts))
	if biggest, typical := sizes[len(sizes)-1], sizes[len(sizes)/2]; biggest < 10*typical {
		t.Errorf("posts per organization: biggest %d, median %d; want a power law", biggest, typical)
	}
	for p, n := range held {
		if n < 1 || n > 5 {
			t.Errorf("%s holds %d posts, want 1–5", p, n)
		}
	}
	if len(held) != 5000 {
		t.Errorf("%d people hold posts, want all 5000", len(held))
	}
}

func TestParsePeople(t *testing.T) {
	for in, want := range map[string]int{"10000": 10000, "10k": 10000, "100K": 100000, "1M": 1000000, "2m": 2000000} {
		if got, err := gen.ParsePeople(in); err != nil || got != want {
			t.Errorf("ParsePeople(%q) = %d, %v; want %d", in, got, err, want)
		}
	}
	for _, in := range []string{"", "k", "0", "-5k", "ten", "1.5M"} {
		if _, err := gen.ParsePeople(in); err == nil {
			t.Errorf("ParsePeople(%q): want an error", in)
		}
	}
}
