package graph

import (
	"sort"
	"strings"
)

// pathKey names a path by its nodes.
func pathKey(p *Path) string {
	var b strings.Builder
	for _, s := range p.Steps {
		b.WriteString(s.From.Common().ID + ">" + s.To.Common().ID + " ")
	}
	return b.String()
}

// postsThen decodes a postsThen list: each post with whether it held at the time of the
// event (when), YES first; those whose dates rule it out are left out.
func postsThen(rp *relPlan, v any, when Interval) []*PostAtTime {
	var yes, unknown []*PostAtTime
	for _, p := range decodePosts(rp, v) {
		held, ok := p.holding.at(when)
		post := &PostAtTime{Tenure: p.tenure, HeldAtTime: p.holding.heldAtTime(held, "then", when == Interval{})}
		switch {
		case !ok:
		case held == HeldYes:
			yes = append(yes, post)
		default:
			unknown = append(unknown, post)
		}
	}
	return append(append([]*PostAtTime{}, yes...), unknown...)
}

// postsNow decodes a postsNow list: held at asOf, or the latest the sources date.
func postsNow(rp *relPlan, v any, asOf Date) []*PostAtTime {
	held, when := HeldLatest, ""
	if !asOf.IsZero() {
		held, when = HeldYes, "at "+asOf.String()
	}
	out := []*PostAtTime{}
	for _, p := range decodePosts(rp, v) {
		out = append(out, &PostAtTime{Tenure: p.tenure, HeldAtTime: p.holding.heldAtTime(held, when, false)})
	}
	return out
}

type post struct {
	tenure  *Tenure
	holding holding
}

// decodePosts reads the {tenure, dates} items of a posts list.
func decodePosts(rp *relPlan, v any) []post {
	var out []post
	items, _ := v.([]any)
	for _, it := range items {
		m, _ := it.(map[string]any)
		if list, _ := rp.decode([]any{m["tenure"]}).([]*Tenure); len(list) == 1 {
			out = append(out, post{tenure: list[0], holding: readHolding(m["dates"])})
		}
	}
	return out
}

// sortEntries orders by basis, then confidence (strongest first), then name; shorter
// paths come first among equals, so that dropping duplicates keeps the most direct.
func sortEntries(entries []*AccountabilityEntry) {
	rank := map[Basis]int{}
	for i, b := range Bases {
		rank[b] = i
	}
	sort.SliceStable(entries, func(i, j int) bool {
		a, b := entries[i], entries[j]
		switch {
		case a.Basis != b.Basis:
			return rank[a.Basis] < rank[b.Basis]
		case a.Confidence != b.Confidence:
			return a.Confidence.Rank() > b.Confidence.Rank()
		case a.Entity.Common().Name != b.Entity.Common().Name:
			return a.Entity.Common().Name < b.Entity.Common().Name
		}
		return a.Path.Length < b.Path.Length
	})
}
