package server_test

import (
	"fmt"
	"slices"
	"strings"
	"testing"
)

const reportFields = `{ asOf subject { id } verdicts { id }
  entries { basis role confidence entity { id }
    citations { quote }
    path { length confidence steps { from { id } to { id } edge { type citationCount } } }
    postsThen { position { id } } postsNow { position { id } } } }`

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
		out = append(out, t.(map[string]any)["position"].(map[string]any)["id"].(string))
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
