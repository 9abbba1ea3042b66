// Package gen generates a deterministic synthetic graph in accgraph's model for
// benchmarks: nested organizations (PART_OF trees 3–6 deep, power-law sizes), posts in
// them, people holding 1–5 posts with dated tenures and memberships, events with
// responsible people and organizations, verdicts; every fact cited.
package gen

import (
	"context"
	"fmt"
	"math/rand/v2"
	"strconv"
	"strings"
	"time"

	"github.com/accgraph/accgraph/graph"
)

// Size says how many of each entity to make; Scale(n) gives a realistic mix for n people.
type Size struct {
	People, Organizations, Positions, Events, Verdicts int
}

// Scale returns the mix used by the benchmarks: about 2 entities per person.
func Scale(people int) Size {
	return Size{People: people, Organizations: max(people/10, 10), Positions: max(people*3/10, 10),
		Events: max(people/2, 5), Verdicts: max(people/20, 2)}
}

// Generate builds the graph for size with the given seed: the same seed gives the same graph.
func Generate(size Size, seed uint64) *graph.Dataset {
	r := rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
	g := &generator{r: r, d: &graph.Dataset{}}
	g.add(&graph.Source{Base: g.base("source:gen", "Generated data"), Title: "Generated data", Publisher: "accgraph bench", SourceKind: "DATASET"})
	g.add(&graph.Organization{Base: g.base("org:gen-court", "Generated court"), OrgKind: "COURT"})

	orgs := make([]string, size.Organizations)
	kinds := []graph.OrgKind{"MINISTRY", "COMMISSION", "SECURITY_FORCE", "INTELLIGENCE_AGENCY", "POLICE", "EMBASSY", "COURT"}
	var tree forest
	for i := range orgs {
		orgs[i] = fmt.Sprintf("org:gen-%d", i)
		g.add(&graph.Organization{Base: g.base(orgs[i], fmt.Sprintf("Organization %d", i)), OrgKind: kinds[r.IntN(len(kinds))]})
		if parent := tree.place(r, i); parent >= 0 {
			g.link(graph.RelPartOf, orgs[i], orgs[parent], g.year(1950, 1980), "", "")
		}
	}
	// organization sizes follow a power law: a few big ministries, a long tail of small
	// offices. The Zipf rank is shuffled so that the big ones are spread over the trees.
	rank := r.Perm(len(orgs))
	zipf := rand.NewZipf(r, 1.2, 4, uint64(len(orgs)-1))
	bigOrg := func() string { return orgs[rank[zipf.Uint64()]] }
	positions := make([]string, size.Positions)
	for i := range positions {
		positions[i] = fmt.Sprintf("position:gen-%d", i)
		g.add(&graph.Position{Base: g.base(positions[i], fmt.Sprintf("Post %d", i))})
		g.link(graph.RelPositionIn, positions[i], bigOrg(), "", "", "")
	}
	people := make([]string, size.People)
	for i := range people {
		people[i] = fmt.Sprintf("person:gen-%d", i)
		g.add(&graph.Person{Base: g.base(people[i], fmt.Sprintf("Person %d", i))})
		from := 1960 + r.IntN(50)
		for range 1 + r.IntN(5) {
			to := from + 1 + r.IntN(8)
			g.link(graph.RelHolds, people[i], positions[r.IntN(len(positions))], fmt.Sprint(from), fmt.Sprint(to), "")
			from = to
		}
		if r.IntN(2) == 0 {
			g.link(graph.RelMemberOf, people[i], bigOrg(), fmt.Sprint(1960+r.IntN(50)), "", "member")
		}
	}
	roles := []string{"ORDERED", "PLANNED", "CARRIED_OUT", "APPROVED", "FACILITATED", "COVERED_UP", "IMPLICATED"}
	events := make([]string, size.Events)
	for i := range events {
		events[i] = fmt.Sprintf("event:gen-%d", i)
		d, _ := graph.ParseDate(fmt.Sprintf("%d-%02d", 1965+r.IntN(55), 1+r.IntN(12)))
		g.add(&graph.Event{Base: g.base(events[i], fmt.Sprintf("Event %d", i)), EventKind: "CRACKDOWN", When: graph.At(d)})
		g.link(graph.RelResponsibleFor, bigOrg(), events[i], "", "", roles[r.IntN(len(roles))])
		g.link(graph.RelResponsibleFor, people[r.IntN(len(people))], events[i], "", "", roles[r.IntN(len(roles))])
	}
	for i := range size.Verdicts {
		id := fmt.Sprintf("verdict:gen-%d", i)
		g.add(&graph.Verdict{Base: g.base(id, fmt.Sprintf("Verdict %d", i))})
		g.link(graph.RelIssuedBy, id, "org:gen-court", "", "", "")
		g.link(graph.RelConcerns, id, events[r.IntN(len(events))], "", "", "")
		g.link(graph.RelAgainst, id, people[r.IntN(len(people))], "", "", "")
	}
	return g.d
}

type generator struct {
	r     *rand.Rand
	d     *graph.Dataset
	links map[string]bool
}

func (g *generator) cite() []graph.Citation {
	return []graph.Citation{{Source: "source:gen", ClaimedBy: "org:gen-court", Quote: "generated", Confidence: graph.Reported}}
}

func (g *generator) base(id, name string) graph.Base {
	return graph.Base{ID: id, Name: name, Citations: g.cite()}
}

func (g *generator) add(e graph.Entity) { g.d.Entities = append(g.d.Entities, e) }

func (g *generator) year(lo, hi int) string { return fmt.Sprint(lo + g.r.IntN(hi-lo)) }

// link adds a relationship unless the same one was made already.
func (g *generator) link(t graph.RelType, from, to, start, end, role string) {
	if g.links == nil {
		g.links = map[string]bool{}
	}
	id := graph.DefaultLinkID(t, from, to)
	if g.links[id] {
		return
	}
	g.links[id] = true
	s, _ := graph.ParseDate(start)
	e, _ := graph.ParseDate(end)
	g.d.Links = append(g.d.Links, &graph.Link{ID: id, Type: t, From: from, To: to, Role: role, Field: "generated",
		When: graph.Interval{From: s, To: e}, Citations: g.cite()})
}

// TreeSize is how many organizations make one PART_OF tree.
const TreeSize = 50

// forest places organizations into PART_OF trees of TreeSize, each 3 to 6 levels deep
// (a root is level 1): the first three of a tree form a chain, so every tree is at least
// 3 deep; the others attach preferentially to organizations that already have parts (so
// sizes follow a power law), moving up when that would pass the tree's depth.
type forest struct {
	parent, depth []int // of each organization; a root has parent -1 and depth 1
	pool          []int // organizations of the current tree, once each plus once per part
	maxDepth      int
}

// place returns the parent of organization i, or -1 when i starts a new tree.
func (f *forest) place(r *rand.Rand, i int) int {
	p := -1
	switch {
	case i%TreeSize == 0:
		f.pool, f.maxDepth = nil, 3+r.IntN(4)
	case i%TreeSize < 3:
		p = i - 1
	default:
		for p = f.pool[r.IntN(len(f.pool))]; f.depth[p] >= f.maxDepth; {
			p = f.parent[p]
		}
	}
	d := 1
	if p >= 0 {
		d = f.depth[p] + 1
		f.pool = append(f.pool, p)
	}
	f.parent, f.depth = append(f.parent, p), append(f.depth, d)
	f.pool = append(f.pool, i)
	return p
}

// ParsePeople reads a people count as written on a command line: 10000, 10k, 100k, 1M.
func ParsePeople(s string) (int, error) {
	n, unit := s, 1
	switch {
	case strings.HasSuffix(s, "k"), strings.HasSuffix(s, "K"):
		n, unit = s[:len(s)-1], 1000
	case strings.HasSuffix(s, "M"), strings.HasSuffix(s, "m"):
		n, unit = s[:len(s)-1], 1000000
	}
	v, err := strconv.Atoi(n)
	if err != nil || v <= 0 {
		return 0, fmt.Errorf("people %q: want a positive count such as 10000, 100k or 1M", s)
	}
	return v * unit, nil
}

// Report says what Write wrote and how fast.
type Report struct {
	graph.WriteStats
	Took time.Duration
}

// NodesPerSecond counts entities and citations, the nodes Write creates.
func (r Report) NodesPerSecond() float64 {
	return float64(r.Entities+r.Citations) / r.Took.Seconds()
}

func (r Report) String() string {
	return fmt.Sprintf("%d entities, %d links, %d citations in %s (%.0f nodes/s)",
		r.Entities, r.Links, r.Citations, r.Took.Round(time.Millisecond), r.NodesPerSecond())
}

// Write generates the graph for people with seed and writes it to db in UNWIND batches
// of 5,000 facts per transaction.
func Write(ctx context.Context, db *graph.DB, people int, seed uint64) (Report, error) {
	began := time.Now()
	stats, err := db.WriteBatched(ctx, Generate(Scale(people), seed), 5000)
	return Report{stats, time.Since(began)}, err
}
