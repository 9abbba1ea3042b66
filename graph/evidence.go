package graph

import (
	"context"
	"fmt"
	"strings"
)

// Stance says whether a citation supports the fact it is attached to or disputes it (a
// government's denial next to the accusation).
type Stance string

// The stances; a citation without one supports its fact.
const (
	Supports Stance = "SUPPORTS"
	Disputes Stance = "DISPUTES"
)

// Stances lists every stance.
var Stances = []Stance{Supports, Disputes}

// stanceOf reads a stored or given stance, SUPPORTS when there is none.
func stanceOf(s string) Stance {
	if s == "" {
		return Supports
	}
	return Stance(s)
}

// The evidence rules (docs/design.md, "Confidence follows from the evidence"): what one
// citation can establish follows from its source and its claimant, and a fact is as
// strong as its citations together support, never stronger.
const (
	ruleAdjudicated = "ADJUDICATED needs the court's own record: a source of kind COURT_RECORD, or one published by the court that claims it"
	ruleConfirmed   = "CONFIRMED needs citations from at least two sources of different publishers, none of them a party with a stake"
	ruleReported    = "REPORTED needs a source without a stake; a party's claim is ALLEGED"
	ruleDisputed    = "DISPUTED needs a citation with stance DISPUTES"
)

// ceiling is the strongest confidence one citation of src claimed by claimant can give:
// ADJUDICATED for a court's own record claimed by that court, ALLEGED for a source with a
// stake (a party), REPORTED otherwise.
func ceiling(src *Source, claimant Entity) Confidence {
	court, _ := claimant.(*Organization)
	if court != nil && court.OrgKind == "COURT" && (src.SourceKind == "COURT_RECORD" || src.Publisher == court.Name) {
		return Adjudicated
	}
	if strings.TrimSpace(src.Stake) != "" {
		return Alleged
	}
	return Reported
}

// independent reports whether cites hold supporting citations from two sources of
// different publishers, none with a stake: what CONFIRMED needs.
func independent(cites []Citation, sourceOf func(string) *Source) bool {
	publishers := map[string]bool{}
	for _, c := range cites {
		src := sourceOf(c.Source)
		if stanceOf(string(c.Stance)) != Supports || src == nil {
			continue
		}
		if strings.TrimSpace(src.Stake) != "" {
			return false
		}
		publishers[strings.ToLower(strings.TrimSpace(src.Publisher))] = true
	}
	return len(publishers) >= 2
}

// checkEvidence refuses a citation, or a fact's own confidence, stronger than the evidence
// supports, naming the rule. confidence is the fact's own (empty when it takes its
// citations'); entityOf finds a cited source or claimant in the dataset or the graph.
func checkEvidence(confidence Confidence, cites []Citation, entityOf func(string) Entity, p *Problems) {
	sourceOf := func(id string) *Source { s, _ := entityOf(id).(*Source); return s }
	confirmed := independent(cites, sourceOf)
	supports, disputes, unknown := false, false, false
	for i, c := range cites {
		f := field("citations", i)
		switch stanceOf(string(c.Stance)) {
		case Supports:
			supports = true
		case Disputes:
			disputes = true
		default:
			unknown = true
			p.Add(f+".stance", "%s", unknownValue("stance", string(c.Stance), Stances))
		}
		src := sourceOf(c.Source)
		if src == nil || !c.Confidence.IsValid() {
			continue // reported by the reference checks
		}
		claimant := entityOf(c.ClaimedBy)
		if o, ok := claimant.(*Organization); ok && !oneOf(o.OrgKind, OrgKinds) {
			continue // its unknown kind is reported; whether it is a court is not known
		}
		max := ceiling(src, claimant)
		switch {
		case c.Confidence == Adjudicated && max != Adjudicated:
			p.Add(f+".confidence", "confidence ADJUDICATED refused: %s; %s is %s and %s, so this citation supports at most %s",
				ruleAdjudicated, src.ID, describeSource(src), describeClaimant(c.ClaimedBy, claimant), max)
		case c.Confidence == Confirmed && !confirmed:
			p.Add(f+".confidence", "confidence CONFIRMED refused: %s; this citation supports at most %s", ruleConfirmed, max)
		case c.Confidence == Reported && max == Alleged:
			p.Add(f+".confidence", "confidence REPORTED refused: %s; %s has a stake, so it supports at most ALLEGED",
				ruleReported, src.ID)
		case c.Confidence == Disputed && c.Stance != Disputes:
			p.Add(f+".confidence", "confidence DISPUTED refused: %s (this one supports the fact)", ruleDisputed)
		}
	}
	if len(cites) > 0 && !supports && !unknown {
		p.Add("citations", "no citation SUPPORTS this fact: a fact needs one before another can dispute it")
	}
	if !confidence.IsValid() || confidence == Retracted || supports && disputes {
		return // a fact both supported and disputed is DISPUTED, whatever its own confidence
	}
	best := derivedConfidence(cites)
	if confirmed && best.Rank() < Confirmed.Rank() && best != Disputed {
		best = Confirmed
	}
	switch {
	case confidence == Disputed && !disputes:
		p.Add("confidence", "confidence DISPUTED refused: %s", ruleDisputed)
	case confidence != Disputed && confidence.Rank() > best.Rank():
		p.Add("confidence", "confidence %s is stronger than its citations support (%s)%s", confidence, best, ruleFor(confidence))
	}
}

// ruleFor is the rule a confidence needs, to explain a refusal.
func ruleFor(c Confidence) string {
	switch c {
	case Adjudicated:
		return ": " + ruleAdjudicated
	case Confirmed:
		return ": " + ruleConfirmed
	case Reported:
		return ": " + ruleReported
	}
	return ""
}

func describeSource(s *Source) string {
	out := withArticle(string(s.SourceKind)) + " published by " + fmt.Sprintf("%q", s.Publisher)
	if s.Stake != "" {
		out += " (with a stake)"
	}
	return out
}

func describeClaimant(id string, e Entity) string {
	if o, ok := e.(*Organization); ok && o.OrgKind == "COURT" {
		return "its claimant " + id + " is a court that did not publish it"
	}
	return "its claimant " + id + " is no court"
}

// derivedConfidence is a fact's confidence when it has none of its own: DISPUTED when
// citations both support and dispute it, else the strongest supporting citation's.
func derivedConfidence(cites []Citation) Confidence {
	best, disputed := Retracted, false
	for _, c := range cites {
		if stanceOf(string(c.Stance)) == Disputes {
			disputed = true
			continue
		}
		if c.Confidence.Rank() > best.Rank() {
			best = c.Confidence
		}
	}
	if disputed && best != Retracted {
		return Disputed
	}
	return best
}

// evidenceOf reads the sources and organizations among ids from the graph, with the
// properties the evidence rules need (a source's kind, publisher and stake; a claimant
// court's kind and name).
func (db *DB) evidenceOf(ctx context.Context, ids []string) (map[string]Entity, error) {
	var sources, orgs []string
	for _, id := range ids {
		switch k, _ := kindOfID(id); k {
		case KindSource:
			sources = append(sources, id)
		case KindOrganization:
			orgs = append(orgs, id)
		}
	}
	out := map[string]Entity{}
	if len(sources)+len(orgs) == 0 {
		return out, nil
	}
	res, err := db.read(ctx, `CALL () { MATCH (n:Source) WHERE n.id IN $sources RETURN n
		UNION MATCH (n:Organization) WHERE n.id IN $orgs RETURN n } RETURN properties(n)`,
		map[string]any{"sources": sources, "orgs": orgs})
	if err != nil {
		return nil, err
	}
	for _, r := range res.Records {
		props, _ := r.Values[0].(map[string]any)
		k, _ := kindOfID(str(props["id"]))
		e := newEntity(k)
		rec := recordOf(props)
		readBase(e.Common(), rec)
		e.readProperties(rec)
		out[e.Common().ID] = e
	}
	return out, nil
}
