package server_test

import (
	"context"
	"fmt"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/accgraph/accgraph/graph"
	"github.com/accgraph/accgraph/graph/graphtest"
	"github.com/accgraph/accgraph/server"
)

// fixture writes a small synthetic graph, each fact cited, and returns the API over it:
//
//	unit -PART_OF-> agency -PART_OF-> ministry      (both from 1980)
//	unit -PART_OF-> ministry                         (from 1990)
//	minister -HOLDS-> post:minister (1986..1990)  old-minister -HOLDS-> post:minister (1975..1985)
//	chief -HOLDS-> post:chief (1987..)  post:minister -POSITION_IN-> ministry, post:chief -> agency
//	member -MEMBER_OF-> unit (1988)  late-member -MEMBER_OF-> unit (1995..)
//	unit -RESPONSIBLE_FOR-> killing (1988-07), direct -RESPONSIBLE_FOR-> killing
//	verdict -CONCERNS-> killing, -AGAINST-> direct
func fixture(t testing.TB) *api {
	t.Helper()
	db := graphtest.MustOpenDB(t)
	cite := []graph.Citation{{Source: "source:fx", ClaimedBy: "org:court", Quote: "fixture", Confidence: graph.Reported}}
	adj := []graph.Citation{{Source: "source:fx", ClaimedBy: "org:court", Quote: "fixture", Confidence: graph.Adjudicated}}
	base := func(id string) graph.Base {
		return graph.Base{ID: id, Name: strings.SplitN(id, ":", 2)[1], Citations: cite}
	}
	date := func(s string) graph.Date { d, _ := graph.ParseDate(s); return d }
	ds := &graph.Dataset{Entities: []graph.Entity{
		&graph.Source{Base: base("source:fx"), Title: "Fixture", Publisher: "Tests", SourceKind: "COURT_RECORD"},
		&graph.Organization{Base: base("org:court"), OrgKind: "COURT"},
		&graph.Organization{Base: base("org:ministry"), OrgKind: "MINISTRY"},
		&graph.Organization{Base: base("org:agency"), OrgKind: "INTELLIGENCE_AGENCY"},
		&graph.Organization{Base: base("org:unit"), OrgKind: "COMMISSION"},
		&graph.Position{Base: base("position:minister")},
		&graph.Position{Base: base("position:chief")},
		&graph.Person{Base: base("person:minister")},
		&graph.Person{Base: base("person:old-minister")},
		&graph.Person{Base: base("person:chief")},
		&graph.Person{Base: base("person:member")},
		&graph.Person{Base: base("person:late-member")},
		&graph.Person{Base: base("person:direct")},
		&graph.Event{Base: base("event:killing"), EventKind: "MASSACRE", When: graph.At(date("1988-07"))},
		&graph.Verdict{Base: graph.Base{ID: "verdict:v", Name: "v", Citations: adj}, Date: date("1995")},
	}}
	link := func(typ graph.RelType, from, to, start, end, role string) {
		ds.Links = append(ds.Links, &graph.Link{Type: typ, From: from, To: to, Role: role, Field: "links[0]",
			When: graph.Interval{From: date(start), To: date(end)}, Citations: cite})
	}
	link(graph.RelPartOf, "org:unit", "org:agency", "1980", "", "")
	link(graph.RelPartOf, "org:agency", "org:ministry", "1980", "", "")
	link(graph.RelPartOf, "org:unit", "org:ministry", "1990", "", "")
	link(graph.RelPositionIn, "position:minister", "org:ministry", "", "", "")
	link(graph.RelPositionIn, "position:chief", "org:agency", "", "", "")
	link(graph.RelHolds, "person:minister", "position:minister", "1986", "1990", "")
	link(graph.RelHolds, "person:old-minister", "position:minister", "1975", "1985", "")
	link(graph.RelHolds, "person:chief", "position:chief", "1987", "", "")
	link(graph.RelMemberOf, "person:member", "org:unit", "1988", "1988", "interrogator")
	link(graph.RelMemberOf, "person:late-member", "org:unit", "1995", "", "")
	link(graph.RelResponsibleFor, "org:unit", "event:killing", "", "", "CARRIED_OUT")
	link(graph.RelResponsibleFor, "person:direct", "event:killing", "", "", "ORDERED")
	ds.Links = append(ds.Links,
		&graph.Link{Type: graph.RelConcerns, From: "verdict:v", To: "event:killing", Field: "links[0]", Citations: adj},
		&graph.Link{Type: graph.RelAgainst, From: "verdict:v", To: "person:direct", Outcome: "CONVICTED", Sentence: "life", Field: "links[0]", Citations: adj},
	)
	if _, err := db.Write(context.Background(), ds); err != nil {
		t.Fatal(err)
	}
	return &api{t: t, db: db, h: (&server.Server{DB: db, Logger: quiet}).Handler()}
}

// pathsOf renders each path as its node ids joined by its step directions.
func pathsOf(data any) []string {
	var out []string
	for _, p := range data.([]any) {
		steps := p.(map[string]any)["steps"].([]any)
		s := steps[0].(map[string]any)["from"].(map[string]any)["id"].(string)
		for _, st := range steps {
			st := st.(map[string]any)
			arrow := " -> "
			if st["direction"] == "BACKWARD" {
				arrow = " <- "
			}
			s += arrow + st["to"].(map[string]any)["id"].(string)
		}
		out = append(out, s)
	}
	return out
}

const pathFields = `{ length confidence truncated steps { direction from { id } to { id } edge { type citationCount citations { quote } } } }`

func TestPathsOnFixture(t *testing.T) {
	a := fixture(t)
	data := a.ok(`{
	  all: paths(from: "person:member", to: "person:minister", longer: true) `+pathFields+`
	  shortest: paths(from: "person:member", to: "person:minister") `+pathFields+`
	  directed: paths(from: "person:member", to: "person:minister", directed: true) `+pathFields+`
	  expired: paths(from: "person:member", to: "person:minister", asOf: "1995") `+pathFields+`
	  first: paths(from: "org:unit", to: "org:ministry", limit: 1, longer: true) `+pathFields+`
	  in1985: paths(from: "org:unit", to: "org:ministry", asOf: "1985") `+pathFields+`
	  onlyPartOf: paths(from: "org:unit", to: "org:ministry", relTypes: [PART_OF], directed: true, longer: true) `+pathFields+`
	}`, nil)
	want := map[string][]string{
		"all": {
			"person:member -> org:unit -> org:ministry <- position:minister <- person:minister",
			"person:member -> org:unit -> org:agency -> org:ministry <- position:minister <- person:minister",
		},
		"shortest":   {"person:member -> org:unit -> org:ministry <- position:minister <- person:minister"},
		"directed":   nil,
		"expired":    nil,
		"first":      {"org:unit -> org:ministry"},
		"in1985":     {"org:unit -> org:agency -> org:ministry"},
		"onlyPartOf": {"org:unit -> org:ministry", "org:unit -> org:agency -> org:ministry"},
	}
	for alias, w := range want {
		if got := pathsOf(data[alias]); !slices.Equal(got, w) {
			t.Errorf("%s = %q, want %q", alias, got, w)
		}
	}
	first := data["first"].([]any)[0].(map[string]any)
	if first["truncated"] != true || first["length"] != 1.0 {
		t.Errorf("limit 1 of 2 paths: %v, want the shortest with truncated", first)
	}
	if shortest := data["shortest"].([]any)[0].(map[string]any); shortest["truncated"] != false {
		t.Errorf("the one shortest path: %v, want it not truncated (longer ones were not asked for)", shortest)
	}
	step := data["all"].([]any)[0].(map[string]any)["steps"].([]any)[0].(map[string]any)
	if edge := step["edge"].(map[string]any); edge["type"] != "MEMBER_OF" || edge["citationCount"] != 1.0 ||
		edge["citations"].([]any)[0].(map[string]any)["quote"] != "fixture" {
		t.Errorf("first step's edge = %v, want MEMBER_OF with its citation", edge)
	}

	for name, tt := range map[string]struct{ query, code string }{
		"maxLength 50":  {`{ paths(from: "person:member", to: "person:minister", maxLength: 50) { length } }`, "BAD_USER_INPUT"},
		"unknown from":  {`{ paths(from: "person:ghost", to: "person:minister") { length } }`, "NOT_FOUND"},
		"unknown kind":  {`{ paths(from: "ghost", to: "person:minister") { length } }`, "NOT_FOUND"},
		"depth 9":       {`{ neighborhood(id: "org:unit", depth: 9) { truncated } }`, "BAD_USER_INPUT"},
		"unknown node":  {`{ neighborhood(id: "org:ghost") { truncated } }`, "NOT_FOUND"},
		"unknown stats": {`{ expandStats(id: "org:ghost") { count } }`, "NOT_FOUND"},
	} {
		if r := a.query(tt.query, nil); len(r.Errors) != 1 || r.Errors[0].Extensions["code"] != tt.code {
			t.Errorf("%s = %s, want %s", name, r.raw, tt.code)
		}
	}
}

func TestNeighborhoodOnFixture(t *testing.T) {
	a := fixture(t)
	data := a.ok(`{
	  one: neighborhood(id: "org:unit") { truncated nodes { id degree } edges { type source target from to citationCount } }
	  two: neighborhood(id: "org:unit", depth: 2, relTypes: [PART_OF, MEMBER_OF, POSITION_IN]) { truncated nodes { id } edges { type } }
	  people: neighborhood(id: "org:unit", kinds: [PERSON]) { nodes { id } }
	  then: neighborhood(id: "org:unit", asOf: "1988") { nodes { id } }
	  small: neighborhood(id: "org:unit", depth: 2, limit: 3) { truncated nodes { id } }
	  stats: expandStats(id: "org:unit") { relType kind direction count }
	}`, nil)
	nodeIDs := func(alias string) []string {
		var ids []string
		for _, n := range data[alias].(map[string]any)["nodes"].([]any) {
			ids = append(ids, n.(map[string]any)["id"].(string))
		}
		sort.Strings(ids)
		return ids
	}
	for alias, want := range map[string][]string{
		"one":    {"event:killing", "org:agency", "org:ministry", "org:unit", "person:late-member", "person:member"},
		"two":    {"org:agency", "org:ministry", "org:unit", "person:late-member", "person:member", "position:chief", "position:minister"},
		"people": {"org:unit", "person:late-member", "person:member"},
		"then":   {"org:agency", "org:unit", "person:member"},
	} {
		if got := nodeIDs(alias); !slices.Equal(got, want) {
			t.Errorf("%s nodes = %v, want %v", alias, got, want)
		}
	}
	one := data["one"].(map[string]any)
	// the edges among the shown nodes: the five of org:unit and agency -> ministry
	if one["truncated"] != false || len(one["edges"].([]any)) != 6 {
		t.Errorf("depth 1 = %v, want 6 edges, not truncated", one)
	}
	for _, n := range one["nodes"].([]any) {
		if n := n.(map[string]any); n["id"] == "org:unit" && n["degree"] != 5.0 {
			t.Errorf("org:unit degree = %v, want 5", n["degree"])
		}
	}
	if small := data["small"].(map[string]any); small["truncated"] != true || len(small["nodes"].([]any)) != 4 {
		t.Errorf("limit 3 = %v, want the node and 3 neighbours, truncated", small)
	}
	var stats []string
	for _, s := range data["stats"].([]any) {
		s := s.(map[string]any)
		stats = append(stats, fmt.Sprintf("%v %v %v %v", s["relType"], s["direction"], s["kind"], s["count"]))
	}
	wantStats := []string{"MEMBER_OF IN PERSON 2", "PART_OF OUT ORGANIZATION 2", "RESPONSIBLE_FOR OUT EVENT 1"}
	if !slices.Equal(stats, wantStats) {
		t.Errorf("expandStats = %v, want %v", stats, wantStats)
	}
}

// TestDenseGraphTruncates: in a complete graph of 60 organizations, a deep neighbourhood
// and a many-path search stop at their limits instead of exploring everything.
func TestDenseGraphTruncates(t *testing.T) {
	db := graphtest.MustOpenDB(t)
	cite := []graph.Citation{{Source: "source:fx", ClaimedBy: "source:fx", Quote: "fixture", Confidence: graph.Reported}}
	ds := &graph.Dataset{Entities: []graph.Entity{
		&graph.Source{Base: graph.Base{ID: "source:fx", Name: "fx", Citations: cite}, Title: "fx", Publisher: "tests", SourceKind: "DATASET"}}}
	const n = 60
	for i := range n {
		ds.Entities = append(ds.Entities, &graph.Organization{Base: graph.Base{ID: fmt.Sprintf("org:o%d", i), Name: fmt.Sprint(i), Citations: cite}, OrgKind: "OTHER"})
		for j := range n {
			if i != j {
				ds.Links = append(ds.Links, &graph.Link{Type: graph.RelPartOf, From: fmt.Sprintf("org:o%d", i), To: fmt.Sprintf("org:o%d", j), Field: "links[0]", Citations: cite})
			}
		}
	}
	if _, err := db.Write(context.Background(), ds); err != nil {
		t.Fatal(err)
	}
	a := &api{t: t, db: db, h: (&server.Server{DB: db, Logger: quiet}).Handler()}
	data := a.ok(`{
	  neighborhood(id: "org:o0", depth: 3, limit: 25) { truncated nodes { id } }
	  paths(from: "org:o0", to: "org:o1", maxLength: 10, limit: 20, longer: true) { length truncated }
	  shortest: paths(from: "org:o0", to: "org:o1", maxLength: 10, limit: 20) { length truncated }
	}`, nil)
	nb := data["neighborhood"].(map[string]any)
	if nb["truncated"] != true || len(nb["nodes"].([]any)) != 26 {
		t.Errorf("neighborhood = %d nodes, truncated %v; want 26, true", len(nb["nodes"].([]any)), nb["truncated"])
	}
	paths := data["paths"].([]any)
	if len(paths) != 20 || paths[0].(map[string]any)["length"] != 1.0 || paths[19].(map[string]any)["truncated"] != true {
		t.Errorf("paths = %v, want 20 shortest first, truncated", paths)
	}
	// both PART_OF relationships between o0 and o1, and nothing through the other 58
	if s := fmt.Sprint(data["shortest"]); s != "[map[length:1 truncated:false] map[length:1 truncated:false]]" {
		t.Errorf("shortest paths = %s, want the two of length 1", s)
	}
}

// TestPathsTalkIsNotAChainOfCommand: a statement about two people joins them in two steps
// (STATED, ABOUT), shorter than the cited chain between them; paths leave it out unless
// relTypes asks for it, and then mark each of its steps as a mention. A path is as strong
// as its weakest step.
//
//	member -MEMBER_OF (ALLEGED)-> org:o <-POSITION_IN- position:p <-HOLDS- holder (REPORTED)
//	speaker -STATED-> statement:s -ABOUT-> member, -ABOUT-> holder   (all REPORTED)
func TestPathsTalkIsNotAChainOfCommand(t *testing.T) {
	db := graphtest.MustOpenDB(t)
	cite := func(c graph.Confidence) []graph.Citation {
		return []graph.Citation{{Source: "source:fx", ClaimedBy: "source:fx", Quote: "fixture", Confidence: c}}
	}
	base := func(id string) graph.Base {
		return graph.Base{ID: id, Name: strings.SplitN(id, ":", 2)[1], Citations: cite(graph.Reported)}
	}
	ds := &graph.Dataset{Entities: []graph.Entity{
		&graph.Source{Base: base("source:fx"), Title: "Fixture", Publisher: "Tests", SourceKind: "DATASET"},
		&graph.Organization{Base: base("org:o"), OrgKind: "MINISTRY"},
		&graph.Position{Base: base("position:p")},
		&graph.Person{Base: base("person:member")},
		&graph.Person{Base: base("person:holder")},
		&graph.Person{Base: base("person:speaker")},
		&graph.Statement{Base: base("statement:s"), Text: "fixture"},
	}}
	link := func(typ graph.RelType, from, to string, c graph.Confidence) {
		ds.Links = append(ds.Links, &graph.Link{Type: typ, From: from, To: to, Field: "links[0]", Citations: cite(c)})
	}
	link(graph.RelMemberOf, "person:member", "org:o", graph.Alleged)
	link(graph.RelPositionIn, "position:p", "org:o", graph.Reported)
	link(graph.RelHolds, "person:holder", "position:p", graph.Reported)
	link(graph.RelStated, "person:speaker", "statement:s", graph.Reported)
	link(graph.RelAbout, "statement:s", "person:member", graph.Reported)
	link(graph.RelAbout, "statement:s", "person:holder", graph.Reported)
	if _, err := db.Write(context.Background(), ds); err != nil {
		t.Fatal(err)
	}
	a := &api{t: t, db: db, h: (&server.Server{DB: db, Logger: quiet}).Handler()}
	const fields = `{ confidence steps { direction from { id } to { id } edge { type mention confidence } } }`
	data := a.ok(`{
	  chain: paths(from: "person:member", to: "person:holder") `+fields+`
	  longer: paths(from: "person:member", to: "person:holder", longer: true, maxLength: 6) `+fields+`
	  talk: paths(from: "person:member", to: "person:holder", relTypes: [ABOUT, STATED]) `+fields+`
	  both: paths(from: "person:member", to: "person:holder", relTypes: [ABOUT, MEMBER_OF, POSITION_IN, HOLDS], longer: true) `+fields+`
	  speaker: paths(from: "person:speaker", to: "person:holder") `+fields+`
	  near: neighborhood(id: "statement:s") { edges { type mention } }
	}`, nil)
	chain := []string{"person:member -> org:o <- position:p <- person:holder"}
	talk := []string{"person:member <- statement:s -> person:holder"}
	for alias, want := range map[string][]string{
		"chain": chain, "longer": chain, "talk": talk, "both": append(talk, chain...), "speaker": nil,
	} {
		if got := pathsOf(data[alias]); !slices.Equal(got, want) {
			t.Errorf("%s = %q, want %q", alias, got, want)
		}
	}
	for alias := range data {
		if alias == "near" {
			continue
		}
		for _, p := range data[alias].([]any) {
			p := p.(map[string]any)
			weakest := graph.Adjudicated
			for _, s := range p["steps"].([]any) {
				edge := s.(map[string]any)["edge"].(map[string]any)
				weakest = graph.Weakest(weakest, graph.Confidence(edge["confidence"].(string)))
				if mention := edge["type"] == "STATED" || edge["type"] == "ABOUT"; edge["mention"] != mention {
					t.Errorf("%s: a %v step has mention %v", alias, edge["type"], edge["mention"])
				}
			}
			if p["confidence"] != string(weakest) {
				t.Errorf("%s: path %v rated %v, want its weakest step %s", alias, p["steps"], p["confidence"], weakest)
			}
		}
	}
	if c := data["chain"].([]any)[0].(map[string]any)["confidence"]; c != "ALLEGED" {
		t.Errorf("the chain through an ALLEGED membership is rated %v", c)
	}
	for _, e := range data["near"].(map[string]any)["edges"].([]any) {
		if e.(map[string]any)["mention"] != true {
			t.Errorf("neighbourhood edge %v of a statement is not marked as a mention", e)
		}
	}
}

// TestPathsOnTheSeedLeaveTalkOut: between the bomb-plot diplomat and the minister, no path
// walks a statement unless relTypes asks for mentions; asked for, those steps are marked.
func TestPathsOnTheSeedLeaveTalkOut(t *testing.T) {
	a := seededAPI(t)
	const fields = `{ confidence steps { edge { type mention } } }`
	data := a.ok(`{
	  plain: paths(from: "person:assadollah-assadi", to: "person:mohammad-javad-zarif", longer: true) `+fields+`
	  talk: paths(from: "person:assadollah-assadi", to: "person:mohammad-javad-zarif", relTypes: [STATED, ABOUT], longer: true) `+fields+`
	}`, nil)
	if len(data["plain"].([]any)) == 0 || len(data["talk"].([]any)) == 0 {
		t.Errorf("paths from Assadi to Zarif: %d without mentions, %d through statements; want some of each",
			len(data["plain"].([]any)), len(data["talk"].([]any)))
	}
	for alias, mentions := range map[string]bool{"plain": false, "talk": true} {
		for _, p := range data[alias].([]any) {
			for _, s := range p.(map[string]any)["steps"].([]any) {
				edge := s.(map[string]any)["edge"].(map[string]any)
				if edge["mention"] != mentions || (edge["type"] == "STATED" || edge["type"] == "ABOUT") != mentions {
					t.Errorf("%s: step %v, want mention %v", alias, edge, mentions)
				}
			}
		}
	}
}

// TestGraphEdgeValidDates: an explorer filters by date itself, so each edge tells what asOf
// reads of it: the days it is known to hold (from its dates or an attestation) and a date
// by which it had ended; none of them for an undated one.
func TestGraphEdgeValidDates(t *testing.T) {
	db := graphtest.MustOpenDB(t)
	cite := []graph.Citation{{Source: "source:fx", ClaimedBy: "org:court", Quote: "fixture", Confidence: graph.Reported}}
	base := func(id string) graph.Base { return graph.Base{ID: id, Name: id, Citations: cite} }
	date := func(s string) graph.Date { d, _ := graph.ParseDate(s); return d }
	ds := &graph.Dataset{Entities: []graph.Entity{
		&graph.Source{Base: base("source:fx"), Title: "Fixture", Publisher: "Tests", SourceKind: "DATASET"},
		&graph.Organization{Base: base("org:court"), OrgKind: "COURT"}, &graph.Person{Base: base("person:p")},
		&graph.Position{Base: base("position:dated")}, &graph.Position{Base: base("position:attested")},
		&graph.Position{Base: base("position:ended")}, &graph.Position{Base: base("position:undated")},
	}}
	for _, l := range []*graph.Link{
		{To: "position:dated", When: graph.Interval{From: date("1986"), To: date("1990-06")}},
		{To: "position:attested", Attested: date("2021-02")},
		{To: "position:ended", EndedBy: date("2021-02")},
		{To: "position:undated"},
	} {
		l.Type, l.From, l.Field, l.Citations = graph.RelHolds, "person:p", "links[0]", cite
		ds.Links = append(ds.Links, l)
	}
	if _, err := db.Write(context.Background(), ds); err != nil {
		t.Fatal(err)
	}
	a := &api{t: t, db: db, h: (&server.Server{DB: db, Logger: quiet}).Handler()}
	data := a.ok(`{ neighborhood(id: "person:p") { edges { target from to validFrom validTo endedBy } } }`, nil)
	got := map[string]string{}
	for _, e := range data["neighborhood"].(map[string]any)["edges"].([]any) {
		e := e.(map[string]any)
		got[e["target"].(string)] = fmt.Sprintf("%v %v %v %v %v", e["from"], e["to"], e["validFrom"], e["validTo"], e["endedBy"])
	}
	want := map[string]string{
		"position:dated":    "1986 1990-06 1986-01-01 1990-06-30 <nil>",
		"position:attested": "<nil> <nil> 2021-02-01 2021-02-28 <nil>",
		"position:ended":    "<nil> <nil> <nil> <nil> 2021-02",
		"position:undated":  "<nil> <nil> <nil> <nil> <nil>",
	}
	for k, w := range want {
		if got[k] != w {
			t.Errorf("%s: from to validFrom validTo endedBy = %q, want %q", k, got[k], w)
		}
	}
}
