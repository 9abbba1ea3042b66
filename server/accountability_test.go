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

const reportFields = `{ asOf subject { id } verdicts { id }
  entries { basis role confidence entity { id }
    citations { quote }
    path { length confidence steps { from { id } to { id } edge { type mention citationCount } } }
    heldThen { held dating attested note }
    postsThen { held dating attested note tenure { position { id } } }
    postsNow { held dating attested note tenure { position { id } } } } }`

// entries renders a report's entries as "BASIS entity-id (role)".
func entries(report any) []string {
	var out []string
	for _, e := range report.(map[string]any)["entries"].([]any) {
		e := e.(map[string]any)
		role := ""
		if e["role"] != nil {
			role = " (" + e["role"].(string) + ")"
		}
		out = append(out, fmt.Sprintf("%s %s%s", e["basis"], e["entity"].(map[string]any)["id"], role))
	}
	return out
}

func entry(report any, want string) map[string]any {
	for i, e := range entries(report) {
		if e == want {
			return report.(map[string]any)["entries"].([]any)[i].(map[string]any)
		}
	}
	return nil
}

func posts(e map[string]any, field string) []string {
	var out []string
	for _, t := range e[field].([]any) {
		out = append(out, t.(map[string]any)["tenure"].(map[string]any)["position"].(map[string]any)["id"].(string))
	}
	return out
}

func TestAccountabilityOnFixture(t *testing.T) {
	a := fixture(t)
	data := a.ok(`{
	  event: accountability(subject: "event:killing") `+reportFields+`
	  person: accountability(subject: "person:minister") `+reportFields+`
	  org: accountability(subject: "org:ministry") `+reportFields+`
	}`, nil)
	wantEvent := []string{
		"DIRECT person:direct (ORDERED)",
		"DIRECT org:unit (CARRIED_OUT)",
		"MEMBER person:member (interrogator)",
		"COMMAND person:chief (chief)",
		"COMMAND person:minister (minister)",
		"INSTITUTIONAL org:agency",
		"INSTITUTIONAL org:ministry",
	}
	if got := entries(data["event"]); !slices.Equal(got, wantEvent) {
		t.Errorf("event report:\n%s\nwant:\n%s\n(late-member joined after, old-minister left before, unit joined the ministry after)",
			strings.Join(got, "\n"), strings.Join(wantEvent, "\n"))
	}
	if v := data["event"].(map[string]any)["verdicts"].([]any); len(v) != 1 || v[0].(map[string]any)["id"] != "verdict:v" {
		t.Errorf("verdicts = %v", v)
	}
	minister := entry(data["event"], "COMMAND person:minister (minister)")
	if minister != nil {
		path := minister["path"].(map[string]any)
		if path["length"] != 5.0 || len(minister["citations"].([]any)) != 5 {
			t.Errorf("the minister's path = %v, want killing <- unit -> agency -> ministry <- post <- minister, each step cited", path)
		}
		for _, s := range path["steps"].([]any) {
			if s.(map[string]any)["edge"].(map[string]any)["citationCount"].(float64) < 1 {
				t.Errorf("uncited step %v", s)
			}
		}
		if then, now := posts(minister, "postsThen"), posts(minister, "postsNow"); !slices.Equal(then, []string{"position:minister"}) || !slices.Equal(now, []string{"position:minister"}) {
			t.Errorf("minister's posts then %v, now %v", then, now)
		}
	}

	if got, want := entries(data["person"]), []string{"COMMAND event:killing (minister)"}; !slices.Equal(got, want) {
		t.Errorf("person report = %v, want %v", got, want)
	}
	gotOrg := entries(data["org"])
	for _, want := range []string{"COMMAND person:minister (minister)", "COMMAND person:old-minister (minister)",
		"INSTITUTIONAL event:killing (CARRIED_OUT)", "INSTITUTIONAL org:agency (below)", "INSTITUTIONAL org:unit (below)"} {
		if !slices.Contains(gotOrg, want) {
			t.Errorf("organization report %v lacks %q", gotOrg, want)
		}
	}

	for name, tt := range map[string]struct{ query, code string }{
		"unknown":    {`{ accountability(subject: "event:ghost") { asOf } }`, "NOT_FOUND"},
		"no kind":    {`{ accountability(subject: "ghost") { asOf } }`, "NOT_FOUND"},
		"wrong kind": {`{ accountability(subject: "position:minister") { asOf } }`, "BAD_USER_INPUT"},
		"maxHops 50": {`{ accountability(subject: "event:killing", maxHops: 50) { asOf } }`, "BAD_USER_INPUT"},
		"bad asOf":   {`{ accountability(subject: "event:killing", asOf: "1988-13") { asOf } }`, "BAD_USER_INPUT"},
	} {
		if r := a.query(tt.query, nil); len(r.Errors) != 1 || r.Errors[0].Extensions["code"] != tt.code {
			t.Errorf("%s = %s, want %s", name, r.raw, tt.code)
		}
	}
}

func TestAccountabilityOnTheSeed(t *testing.T) {
	a := seededAPI(t)
	data := a.ok(`{
	  massacre: accountability(subject: "event:1988-massacre", asOf: "2021-02") `+reportFields+`
	  plot: accountability(subject: "event:assadi-bomb-plot") `+reportFields+`
	  diplomat: paths(from: "person:assadollah-assadi", to: "person:mohammad-javad-zarif",
	    relTypes: [MEMBER_OF, PART_OF, POSITION_IN, HOLDS]) `+pathFields+`
	}`, nil)
	massacre := data["massacre"]
	for _, want := range []string{"DIRECT org:1988-death-commissions (IMPLICATED)", "DIRECT person:ebrahim-raisi (IMPLICATED)", "DIRECT person:alireza-avaei (IMPLICATED)"} {
		if entry(massacre, want) == nil {
			t.Errorf("1988 massacre report lacks %q: %v", want, entries(massacre))
		}
	}
	for who, post := range map[string]string{"person:ebrahim-raisi": "position:iran-head-of-judiciary", "person:alireza-avaei": "position:iran-minister-of-justice"} {
		e := entry(massacre, "MEMBER "+who+" (member)")
		if e == nil {
			t.Errorf("the death commissions do not lead to their member %s: %v", who, entries(massacre))
			continue
		}
		if now := posts(e, "postsNow"); !slices.Equal(now, []string{post}) {
			t.Errorf("%s holds %v at the article's date, want %s", who, now, post)
		}
		if e["confidence"] != "ALLEGED" {
			t.Errorf("%s's membership entry is %v, want ALLEGED: the article alleges it", who, e["confidence"])
		}
	}
	var throughMinistry bool
	for _, e := range massacre.(map[string]any)["entries"].([]any) {
		if len(e.(map[string]any)["citations"].([]any)) == 0 {
			t.Errorf("uncited entry %v", e)
		}
	}
	for i, e := range entries(data["plot"]) {
		if e != "COMMAND person:mohammad-javad-zarif (Minister of Foreign Affairs of Iran)" {
			continue
		}
		var ids []string
		for _, s := range data["plot"].(map[string]any)["entries"].([]any)[i].(map[string]any)["path"].(map[string]any)["steps"].([]any) {
			ids = append(ids, s.(map[string]any)["to"].(map[string]any)["id"].(string))
		}
		if slices.Contains(ids, "org:iran-ministry-of-foreign-affairs") && slices.Contains(ids, "position:iran-minister-of-foreign-affairs") {
			throughMinistry = true
		}
	}
	if !throughMinistry {
		t.Errorf("the bomb plot does not lead through the ministry and its post to the minister: %v", entries(data["plot"]))
	}
	// the plot has no date: nothing is held "then"; Zarif's post is known from 2021-02 only
	var zarif int
	for _, e := range data["plot"].(map[string]any)["entries"].([]any) {
		e := e.(map[string]any)
		if h, ok := e["heldThen"].(map[string]any); ok && h["held"] != "UNKNOWN" {
			t.Errorf("the undated plot's %s entry for %v says %v", e["basis"], e["entity"], h)
		}
		for _, p := range e["postsThen"].([]any) {
			p := p.(map[string]any)
			if p["held"] != "UNKNOWN" {
				t.Errorf("the undated plot's entry for %v lists a post held then: %v", e["entity"], p)
			}
			if e["entity"].(map[string]any)["id"] == "person:mohammad-javad-zarif" &&
				p["tenure"].(map[string]any)["position"].(map[string]any)["id"] == "position:iran-minister-of-foreign-affairs" {
				zarif++
				if p["dating"] != "ATTESTED" || p["attested"] != "2021-02" || !strings.Contains(p["note"].(string), "unknown whether held then") {
					t.Errorf("Zarif's post at the time of the plot = %v, want UNKNOWN, attested 2021-02, said in words", p)
				}
			}
		}
		for _, p := range e["postsNow"].([]any) {
			if p := p.(map[string]any); p["held"] != "LATEST" || !strings.HasPrefix(p["note"].(string), "the latest the sources date") {
				t.Errorf("postsNow without asOf = %v, want the latest the sources date, not today", p)
			}
		}
	}
	if zarif == 0 {
		t.Errorf("no plot entry for Zarif shows his Foreign Minister post as of unknown time: %v", entries(data["plot"]))
	}
	// talk is no chain of command: no entry walks a statement
	for _, alias := range []string{"massacre", "plot"} {
		for _, e := range data[alias].(map[string]any)["entries"].([]any) {
			for _, s := range e.(map[string]any)["path"].(map[string]any)["steps"].([]any) {
				if edge := s.(map[string]any)["edge"].(map[string]any); edge["mention"] != false {
					t.Errorf("%s entry %v walks a mention: %v", alias, e.(map[string]any)["entity"], edge)
				}
			}
		}
	}
	want := "person:assadollah-assadi -> org:iran-ministry-of-foreign-affairs <- position:iran-minister-of-foreign-affairs <- person:mohammad-javad-zarif"
	if !slices.Contains(pathsOf(data["diplomat"]), want) {
		t.Errorf("paths from the diplomat to the minister = %q, want among them %q", pathsOf(data["diplomat"]), want)
	}
}

func TestTimelineOnFixture(t *testing.T) {
	a := fixture(t)
	data := a.ok(`{
	  unit: timeline(id: "org:unit") { date endDate toKnown kind title confidence citations { quote } }
	  later: timeline(id: "org:unit", from: "1989") { title }
	  chief: timeline(id: "person:chief") { date toKnown kind }
	}`, nil)
	var got []string
	for _, e := range data["unit"].([]any) {
		e := e.(map[string]any)
		got = append(got, fmt.Sprintf("%v..%v %v %v (toKnown %v)", e["date"], e["endDate"], e["kind"], e["title"], e["toKnown"]))
		if len(e["citations"].([]any)) == 0 {
			t.Errorf("uncited timeline entry %v", e)
		}
	}
	want := []string{
		"1980..<nil> PART_OF part of agency (toKnown false)",
		"1988..1988 MEMBERSHIP has member member (toKnown true)",
		"1988-07..1988-07 EVENT responsible for killing (toKnown true)",
		"1990..<nil> PART_OF part of ministry (toKnown false)",
		"1995..<nil> MEMBERSHIP has member late-member (toKnown false)",
	}
	if !slices.Equal(got, want) {
		t.Errorf("timeline of org:unit:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	var later []string
	for _, e := range data["later"].([]any) {
		later = append(later, e.(map[string]any)["title"].(string))
	}
	if w := []string{"part of agency", "part of ministry", "has member late-member"}; !slices.Equal(later, w) {
		t.Errorf("timeline from 1989 = %v, want %v (the open-ended ones reach into it)", later, w)
	}
	if c := data["chief"].([]any); len(c) != 1 || c[0].(map[string]any)["toKnown"] != false {
		t.Errorf("the chief's open tenure = %v, want toKnown false", c)
	}
	if r := a.query(`{ timeline(id: "person:ghost") { title } }`, nil); len(r.Errors) != 1 || r.Errors[0].Extensions["code"] != "NOT_FOUND" {
		t.Errorf("unknown id = %s", r.raw)
	}
}

// timeFixture writes an organization responsible for three events — undated, 1988-07 and
// 2021-02 — and members dated each way the sources date a holding:
//
//	interval  MEMBER_OF org:c 1988..1988        attested MEMBER_OF org:c, attested 2021-02
//	former    MEMBER_OF org:c, ended by 1980    later    MEMBER_OF org:c from 1995
//	attested  HOLDS position:p, attested 2021-02 (position:p POSITION_IN org:other)
func timeFixture(t *testing.T) *api {
	t.Helper()
	db := graphtest.MustOpenDB(t)
	cite := []graph.Citation{{Source: "source:fx", ClaimedBy: "source:fx", Quote: "fixture", Confidence: graph.Reported}}
	date := func(s string) graph.Date { d, _ := graph.ParseDate(s); return d }
	base := func(id string) graph.Base {
		return graph.Base{ID: id, Name: strings.SplitN(id, ":", 2)[1], Citations: cite}
	}
	ds := &graph.Dataset{Entities: []graph.Entity{
		&graph.Source{Base: base("source:fx"), Title: "Fixture", Publisher: "Tests", SourceKind: "DATASET"},
		&graph.Organization{Base: base("org:c"), OrgKind: "COMMISSION"},
		&graph.Organization{Base: base("org:other"), OrgKind: "MINISTRY"},
		&graph.Position{Base: base("position:p")},
		&graph.Event{Base: base("event:undated"), EventKind: "ATTACK_PLOT"},
		&graph.Event{Base: base("event:1988"), EventKind: "MASSACRE", When: graph.At(date("1988-07"))},
		&graph.Event{Base: base("event:2021"), EventKind: "ATTACK_PLOT", When: graph.At(date("2021-02"))},
	}}
	for _, p := range []string{"interval", "attested", "former", "later"} {
		ds.Entities = append(ds.Entities, &graph.Person{Base: base("person:" + p)})
	}
	link := func(l graph.Link) {
		l.Field, l.Citations = "links[0]", cite
		ds.Links = append(ds.Links, &l)
	}
	for _, ev := range []string{"event:undated", "event:1988", "event:2021"} {
		link(graph.Link{Type: graph.RelResponsibleFor, From: "org:c", To: ev, Role: "CARRIED_OUT"})
	}
	link(graph.Link{Type: graph.RelMemberOf, From: "person:interval", To: "org:c", Role: "member", When: graph.Interval{From: date("1988"), To: date("1988")}})
	link(graph.Link{Type: graph.RelMemberOf, From: "person:attested", To: "org:c", Role: "member", Attested: date("2021-02")})
	link(graph.Link{Type: graph.RelMemberOf, From: "person:former", To: "org:c", Role: "member", EndedBy: date("1980")})
	link(graph.Link{Type: graph.RelMemberOf, From: "person:later", To: "org:c", Role: "member", When: graph.Interval{From: date("1995")}})
	link(graph.Link{Type: graph.RelHolds, From: "person:attested", To: "position:p", Attested: date("2021-02")})
	link(graph.Link{Type: graph.RelPositionIn, From: "position:p", To: "org:other"})
	if _, err := db.Write(context.Background(), ds); err != nil {
		t.Fatal(err)
	}
	return &api{t: t, db: db, h: (&server.Server{DB: db, Logger: quiet}).Handler()}
}

// heldThen renders the MEMBER entries of a report as "person: held dating attested".
func heldThen(report any) []string {
	var out []string
	for _, e := range report.(map[string]any)["entries"].([]any) {
		e := e.(map[string]any)
		if e["basis"] != "MEMBER" {
			continue
		}
		h := e["heldThen"].(map[string]any)
		out = append(out, fmt.Sprintf("%s: %v %v %v", e["entity"].(map[string]any)["id"], h["held"], h["dating"], h["attested"]))
	}
	return out
}

// TestAccountabilityTimeIsWhatTheEvidenceSays: a membership or post counts as held at the
// time of an event only when its dates reach the event's; an undated event, or one outside
// the dates the sources give, makes it UNKNOWN (with what they do give), never YES; one its
// own dates rule out is left out.
func TestAccountabilityTimeIsWhatTheEvidenceSays(t *testing.T) {
	a := timeFixture(t)
	data := a.ok(`{
	  undated: accountability(subject: "event:undated") `+reportFields+`
	  in1988: accountability(subject: "event:1988") `+reportFields+`
	  in2021: accountability(subject: "event:2021", asOf: "2021-02") `+reportFields+`
	}`, nil)
	want := map[string][]string{
		"undated": {
			"person:attested: UNKNOWN ATTESTED 2021-02",
			"person:former: UNKNOWN UNDATED <nil>",
			"person:interval: UNKNOWN INTERVAL <nil>",
			"person:later: UNKNOWN INTERVAL <nil>",
		},
		"in1988": { // former ended by 1980, later began in 1995
			"person:interval: YES INTERVAL <nil>",
			"person:attested: UNKNOWN ATTESTED 2021-02",
		},
		"in2021": { // interval ended in 1988, former by 1980
			"person:attested: YES ATTESTED 2021-02",
			"person:later: YES INTERVAL <nil>",
		},
	}
	for alias, w := range want {
		got := heldThen(data[alias])
		sort.Strings(got)
		sort.Strings(w)
		if !slices.Equal(got, w) {
			t.Errorf("%s: MEMBER entries held then:\n%s\nwant:\n%s", alias, strings.Join(got, "\n"), strings.Join(w, "\n"))
		}
	}
	note := func(alias, who, field string) map[string]any {
		e := entry(data[alias], "MEMBER "+who+" (member)")
		if e == nil {
			t.Fatalf("%s has no MEMBER entry for %s: %v", alias, who, entries(data[alias]))
		}
		if field == "heldThen" {
			return e[field].(map[string]any)
		}
		list := e[field].([]any)
		if len(list) != 1 {
			t.Fatalf("%s: %s's %s = %v, want position:p", alias, who, field, list)
		}
		return list[0].(map[string]any)
	}
	for _, tt := range []struct{ alias, field, held, words string }{
		{"undated", "heldThen", "UNKNOWN", "unknown whether held then: the event has no date; the sources give attested 2021-02 only"},
		{"undated", "postsThen", "UNKNOWN", "unknown whether held then: the event has no date; the sources give attested 2021-02 only"},
		{"undated", "postsNow", "LATEST", "the latest the sources date (attested 2021-02 only), not known to hold today"},
		{"in1988", "postsThen", "UNKNOWN", "unknown whether held then: the sources give attested 2021-02 only"},
		{"in2021", "postsThen", "YES", "held then (attested 2021-02 only)"},
		{"in2021", "postsNow", "YES", "held at 2021-02 (attested 2021-02 only)"},
	} {
		got := note(tt.alias, "person:attested", tt.field)
		if got["held"] != tt.held || got["dating"] != "ATTESTED" || got["attested"] != "2021-02" || got["note"] != tt.words {
			t.Errorf("%s: %s = %v, want held %s, ATTESTED 2021-02, %q", tt.alias, tt.field, got, tt.held, tt.words)
		}
	}
	if got := note("in1988", "person:interval", "heldThen")["note"]; got != "held then (from 1988 to 1988)" {
		t.Errorf("the 1988 member's note = %q", got)
	}
}

// TestHoldersNearAnAttestation: a post attested in 2021-02 answers asOf that month, a day
// in it and the year around it, and nothing before or after: an attestation is known for
// its own date only.
func TestHoldersNearAnAttestation(t *testing.T) {
	a := timeFixture(t)
	for asOf, want := range map[string]int{"2021-02": 1, "2021-02-15": 1, "2021": 1, "2021-01": 0, "2021-03": 0, "2020": 0, "2022": 0} {
		data := a.ok(`query($asOf: Date) { holders(position: "position:p", asOf: $asOf) { person { id } attested } }`, map[string]any{"asOf": asOf})
		if got := data["holders"].([]any); len(got) != want {
			t.Errorf("holders(asOf: %q) = %v, want %d", asOf, got, want)
		}
	}
	if got := a.ok(`{ holders(position: "position:p") { person { id } } }`, nil)["holders"].([]any); len(got) != 1 {
		t.Errorf("holders without asOf = %v, want the attested one", got)
	}
}
