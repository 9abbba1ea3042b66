// Package gen generates a deterministic synthetic graph in accgraph's model for
// benchmarks: nested organizations (PART_OF trees 3–6 deep, power-law sizes), posts in
// them, people holding 1–5 posts with dated tenures and memberships, events with
// responsible people and organizations, verdicts; every fact cited.
package gen

import (
	"fmt"
	"math/rand/v2"

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
	for i := range orgs {
		orgs[i] = fmt.Sprintf("org:gen-%d", i)
		kinds := []graph.OrgKind{"MINISTRY", "COMMISSION", "SECURITY_FORCE", "INTELLIGENCE_AGENCY", "POLICE", "EMBASSY", "COURT"}
		g.add(&graph.Organization{Base: g.base(orgs[i], fmt.Sprintf("Organization %d", i)), OrgKind: kinds[r.IntN(len(kinds))]})
		// trees: each organization joins one of the earlier ones, favouring the first few
		// (power-law sizes); a root every 50 organizations keeps the trees 3–6 deep.
		if i%50 != 0 {
			parent := orgs[i-1-int(float64(i%50-1)*r.Float64()*r.Float64())]
			g.link(graph.RelPartOf, orgs[i], parent, g.year(1950, 1980), "", "")
		}
	}
	positions := make([]string, size.Positions)
	for i := range positions {
		positions[i] = fmt.Sprintf("position:gen-%d", i)
		g.add(&graph.Position{Base: g.base(positions[i], fmt.Sprintf("Post %d", i))})
		g.link(graph.RelPositionIn, positions[i], orgs[i%len(orgs)], "", "", "")
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
			g.link(graph.RelMemberOf, people[i], orgs[r.IntN(len(orgs))], fmt.Sprint(1960+r.IntN(50)), "", "member")
		}
	}
	roles := []string{"ORDERED", "PLANNED", "CARRIED_OUT", "APPROVED", "FACILITATED", "COVERED_UP", "IMPLICATED"}
	events := make([]string, size.Events)
	for i := range events {
		events[i] = fmt.Sprintf("event:gen-%d", i)
		d, _ := graph.ParseDate(fmt.Sprintf("%d-%02d", 1965+r.IntN(55), 1+r.IntN(12)))
		g.add(&graph.Event{Base: g.base(events[i], fmt.Sprintf("Event %d", i)), EventKind: "CRACKDOWN", When: graph.At(d)})
		g.link(graph.RelResponsibleFor, orgs[r.IntN(len(orgs))], events[i], "", "", roles[r.IntN(len(roles))])
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
