package graph

import (
	"context"
	"fmt"
)

// The structural rules every write passes (the seed, the mutations, the importers), on
// top of each record's own validation: a relationship starts and ends somewhere, never
// at itself; its dates agree with each other; and an id merged away stays merged.

// checkLink adds the problems of l's structure: a missing start, a loop, and dates that
// contradict each other (the interval's own order is Interval.Validate's).
func (d *Dataset) checkLink(l *Link, p *Problems) {
	p = p.Under(l.Field + ".")
	if l.From == "" {
		p.Add("source", "missing source: the entity the relationship starts at")
	}
	if l.From != "" && l.From == l.To {
		p.Add("target", "a relationship cannot join %s to itself", l.From)
	}
	from, to := l.When.From, l.When.To
	switch {
	case !l.EndedBy.IsZero() && !from.IsZero() && l.EndedBy.Last().Before(from.First()):
		p.Add("endedBy", "endedBy %s is before from %s", l.EndedBy, from)
	case !l.EndedBy.IsZero() && !l.Attested.IsZero() && l.EndedBy.Last().Before(l.Attested.First()):
		p.Add("endedBy", "endedBy %s is before attested %s: it cannot have ended before it was attested", l.EndedBy, l.Attested)
	}
	if !l.Attested.IsZero() && l.When.Validate() == nil && !l.When.Overlaps(At(l.Attested)) {
		p.Add("attested", "attested %s is outside from %s to %s", l.Attested, orUnknown(from), orUnknown(to))
	}
}

func orUnknown(d Date) string {
	if d.IsZero() {
		return "(unknown)"
	}
	return d.String()
}

// checkMerged refuses to create an entity again under an id that was merged away.
func (d *Dataset) checkMerged(e Entity, p *Problems) {
	if to, ok := d.Merged[e.Common().ID]; ok {
		p.Add("id", "%s was merged into %s and cannot be created again; edit %s, or unmerge them", e.Common().ID, to, to)
	}
}

// dangling is the message for a reference to an entity that is not there, saying where
// a merged id went.
func (d *Dataset) dangling(id string) string {
	if to, ok := d.Merged[id]; ok {
		return "dangling reference: " + id + " was merged into " + to + "; use that id"
	}
	return fmt.Sprintf("dangling reference: no entity %q", id)
}

// redirects returns where the ids that were merged away among ids now resolve.
func (db *DB) redirects(ctx context.Context, ids []string) (map[string]string, error) {
	out := map[string]string{}
	if len(ids) == 0 {
		return out, nil
	}
	res, err := db.read(ctx, "MATCH (r:Redirect) WHERE r.from IN $ids RETURN r.from, r.to", map[string]any{"ids": ids})
	if err != nil {
		return nil, err
	}
	for _, r := range res.Records {
		out[str(r.Values[0])] = str(r.Values[1])
	}
	return out, nil
}
