package graph

import (
	"fmt"
	"io"
	"strings"
)

// Basis says why an entry belongs in an accountability report.
type Basis string

// The bases, in report order.
var Bases = []Basis{"DIRECT", "MEMBER", "COMMAND", "INSTITUTIONAL"}

func (b Basis) MarshalGQL(w io.Writer)    { marshalEnum(w, b) }
func (b *Basis) UnmarshalGQL(v any) error { return unmarshalEnum(b, v, Bases, "basis") }

// AccountabilityReport is the chain of accountability around a subject.
type AccountabilityReport struct {
	Subject  Entity
	AsOf     *string
	Entries  []*AccountabilityEntry
	Verdicts []*Verdict
}

// AccountabilityEntry is one link of the chain, with the path that justifies it.
type AccountabilityEntry struct {
	Entity     Entity
	Basis      Basis
	Role       *string
	Confidence Confidence
	Path       *Path
	HeldThen   *HeldAtTime
	PostsThen  []*PostAtTime
	PostsNow   []*PostAtTime
}

// Citations are the citations of every step of the entry's path.
func (e *AccountabilityEntry) Citations() []Citation {
	var out []Citation
	for _, s := range e.Path.Steps {
		out = append(out, s.Edge.Citations...)
	}
	return out
}

// accountabilityPatterns gives, per subject kind, the Cypher that collects candidate
// entries as maps {entity, basis, role, nodes, rels}, nodes and rels forming the path
// from the subject, and for MEMBER and COMMAND entries the dates (holdingDates) of the
// membership or tenure, which decide whether it held at the time of the event in ev.
// {{subject}} is the subject's variable and {{hops}} maxHops (slots, as fill fills them);
// C(x) stands for the confidence condition on the relationship x, S(x) for standingThen,
// R(x) for notRuledOut, D(x) for x's dates.
var accountabilityPatterns = map[EntityKind][]string{
	KindEvent: {
		`MATCH (x)-[r:RESPONSIBLE_FOR]->(ev) WHERE C(r) AND x.confidence <> 'RETRACTED'
		 RETURN {entity: x, basis: 'DIRECT', role: r.role, nodes: [ev, x], rels: [r], ev: ev} AS entry`,
		`MATCH (p:Person)-[m:MEMBER_OF]->(o:Organization)-[r:RESPONSIBLE_FOR]->(ev) WHERE C(r) AND C(m) AND R(m)
		 RETURN {entity: p, basis: 'MEMBER', role: m.role, nodes: [ev, o, p], rels: [r, m], ev: ev, dates: D(m)} AS entry`,
		`MATCH (o:Organization)-[r:RESPONSIBLE_FOR]->(ev) WHERE C(r)
		 MATCH up = (o)-[:PART_OF*0..{{hops}}]->(u:Organization) WHERE all(x IN relationships(up) WHERE C(x) AND S(x))
		 MATCH (h:Person)-[t:HOLDS]->(pos:Position)-[pi:POSITION_IN]->(u) WHERE C(t) AND C(pi) AND R(t)
		 RETURN {entity: h, basis: 'COMMAND', role: pos.name, nodes: [ev] + nodes(up) + [pos, h], rels: [r] + relationships(up) + [pi, t], ev: ev, dates: D(t)} AS entry`,
		`MATCH (o:Organization)-[r:RESPONSIBLE_FOR]->(ev) WHERE C(r)
		 MATCH up = (o)-[:PART_OF*1..{{hops}}]->(u:Organization) WHERE all(x IN relationships(up) WHERE C(x) AND S(x))
		 RETURN {entity: u, basis: 'INSTITUTIONAL', role: null, nodes: [ev] + nodes(up), rels: [r] + relationships(up), ev: ev} AS entry`,
	},
	KindPerson: {
		`MATCH ({{subject}})-[r:RESPONSIBLE_FOR]->(ev:Event) WHERE C(r) AND ev.confidence <> 'RETRACTED'
		 RETURN {entity: ev, basis: 'DIRECT', role: r.role, nodes: [{{subject}}, ev], rels: [r], ev: ev} AS entry`,
		`MATCH ({{subject}})-[m:MEMBER_OF]->(o:Organization)-[r:RESPONSIBLE_FOR]->(ev:Event) WHERE C(m) AND C(r) AND R(m)
		 RETURN {entity: ev, basis: 'MEMBER', role: m.role, nodes: [{{subject}}, o, ev], rels: [m, r], ev: ev, dates: D(m)} AS entry`,
		`MATCH ({{subject}})-[t:HOLDS]->(pos:Position)-[pi:POSITION_IN]->(u:Organization) WHERE C(t) AND C(pi)
		 MATCH down = (u)<-[:PART_OF*0..{{hops}}]-(o:Organization) WHERE all(x IN relationships(down) WHERE C(x))
		 MATCH (o)-[r:RESPONSIBLE_FOR]->(ev:Event) WHERE C(r) AND R(t) AND all(x IN relationships(down) WHERE S(x))
		 RETURN {entity: ev, basis: 'COMMAND', role: pos.name, nodes: [{{subject}}, pos] + nodes(down) + [ev], rels: [t, pi] + relationships(down) + [r], ev: ev, dates: D(t)} AS entry`,
	},
	KindOrganization: {
		`MATCH ({{subject}})-[r:RESPONSIBLE_FOR]->(ev:Event) WHERE C(r) AND ev.confidence <> 'RETRACTED'
		 RETURN {entity: ev, basis: 'DIRECT', role: r.role, nodes: [{{subject}}, ev], rels: [r], ev: ev} AS entry`,
		`MATCH down = ({{subject}})<-[:PART_OF*1..{{hops}}]-(o:Organization) WHERE all(x IN relationships(down) WHERE C(x))
		 MATCH (o)-[r:RESPONSIBLE_FOR]->(ev:Event) WHERE C(r) AND all(x IN relationships(down) WHERE S(x))
		 RETURN {entity: ev, basis: 'INSTITUTIONAL', role: r.role, nodes: nodes(down) + [ev], rels: relationships(down) + [r], ev: ev} AS entry`,
		`MATCH (p:Person)-[m:MEMBER_OF]->({{subject}}) WHERE C(m)
		 RETURN {entity: p, basis: 'MEMBER', role: m.role, nodes: [{{subject}}, p], rels: [m], ev: null} AS entry`,
		`MATCH (h:Person)-[t:HOLDS]->(pos:Position)-[pi:POSITION_IN]->({{subject}}) WHERE C(t) AND C(pi)
		 RETURN {entity: h, basis: 'COMMAND', role: pos.name, nodes: [{{subject}}, pos, h], rels: [pi, t], ev: null} AS entry`,
		`MATCH up = ({{subject}})-[:PART_OF*1..{{hops}}]->(u:Organization) WHERE all(x IN relationships(up) WHERE C(x))
		 RETURN {entity: u, basis: 'INSTITUTIONAL', role: 'above', nodes: nodes(up), rels: relationships(up), ev: null} AS entry`,
		`MATCH down = ({{subject}})<-[:PART_OF*1..{{hops}}]-(d:Organization) WHERE all(x IN relationships(down) WHERE C(x))
		 RETURN {entity: d, basis: 'INSTITUTIONAL', role: 'below', nodes: nodes(down), rels: relationships(down), ev: null} AS entry`,
	},
}

// notRuledOut is R(x), for memberships and tenures: x's own from and to do not rule out
// the time of the event ev (holding.at decides the rest; this only spares the rows).
const notRuledOut = `((X.from IS NULL OR ev.validTo IS NULL OR X.validFrom <= ev.validTo)
 AND (X.to IS NULL OR ev.validFrom IS NULL OR X.validTo >= ev.validFrom))`

// standingThen is S(x), for the structure (PART_OF): x is not known to have NOT held at
// the event's time. An undated PART_OF is taken as standing: structures are usually
// recorded without dates, and a dated one that began later or ended before is left out.
const standingThen = `((X.validFrom IS NULL OR ev.validTo IS NULL OR X.validFrom <= ev.validTo)
 AND (X.validTo IS NULL OR ev.validFrom IS NULL OR X.validTo >= ev.validFrom))`

// accountability compiles the report for an event, a person or an organization.
func (c *compiler) accountability(f Selection) (rootPlan, string, error) {
	plan := rootPlan{alias: f.Alias}
	id := str(f.Args["subject"])
	kind, _ := kindOfID(id)
	patterns, ok := accountabilityPatterns[kind]
	if !ok {
		if kind == "" {
			plan.skip = true
			plan.decode = func(any) (any, error) { return nil, Errorf(ENOTFOUND, "no entity %q", id) }
			return plan, "", nil
		}
		return plan, "", badArg(f.Alias+".subject", "accountability is for events, people and organizations, not a %s", kind.Label())
	}
	hops, err := intArg(f.Args, "maxHops", 4, MaxPathLength, f.Alias)
	if err != nil {
		return plan, "", err
	}
	var asOf Date
	if s := str(f.Args["asOf"]); s != "" {
		if asOf, err = ParseDate(s); err != nil {
			return plan, "", badArg(f.Alias+".asOf", "%s", ErrorMessage(err))
		}
	}
	minConf := str(f.Args["minConfidence"])
	s := c.newVar("s")
	// one condition, and one parameter, for every relationship the report checks
	confX := c.confidenceAtLeast("X", minConf, false)
	conf := func(x string) string { return strings.ReplaceAll(confX, "X.", x+".") }
	calls := accountabilityCalls(kind, patterns, s, hops, conf)

	var fields []Selection
	if f.Sub != nil {
		fields = f.Sub("AccountabilityReport")
	}
	subjectSub, _ := mergeSub(fields, "subject")
	subjectProj, subjectPlan, err := c.node(s, []EntityKind{kind}, subjectSub, f.Alias+".subject")
	if err != nil {
		return plan, "", err
	}
	var entryFields []Selection
	if sub, ok := mergeSub(fields, "entries"); ok {
		entryFields = sub("AccountabilityEntry")
	}
	x := c.newVar("x")
	entitySub, _ := mergeSub(entryFields, "entity")
	entityProj, entityPlan, err := c.node(x, []EntityKind{KindPerson, KindOrganization, KindEvent}, entitySub, f.Alias+".entries.entity", "name") // sortEntries reads it
	if err != nil {
		return plan, "", err
	}
	// the path's nodes and edges, and the citations asked of the entry or its steps
	var pathFields, extraEdge []Selection
	if sub, ok := mergeSub(entryFields, "path"); ok {
		pathFields = sub("Path")
	}
	if sub, ok := mergeSub(entryFields, "citations"); ok {
		extraEdge = []Selection{{Alias: "citations", Name: "citations", Sub: sub}}
	}
	pp, err := c.pathParts(pathFields, extraEdge, f.Alias+".entries.path")
	if err != nil {
		return plan, "", err
	}
	thenExpr, thenPlan, err := c.posts(x, entryFields, "postsThen", true, asOf, conf, f.Alias+".entries.postsThen.tenure")
	if err != nil {
		return plan, "", err
	}
	nowExpr, nowPlan, err := c.posts(x, entryFields, "postsNow", false, asOf, conf, f.Alias+".entries.postsNow.tenure")
	if err != nil {
		return plan, "", err
	}
	verdictSub, _ := mergeSub(fields, "verdicts")
	vv := c.newVar("v")
	verdictProj, verdictPlan, err := c.node(vv, []EntityKind{KindVerdict}, verdictSub, f.Alias+".verdicts")
	if err != nil {
		return plan, "", err
	}
	verdictPattern := fmt.Sprintf("(%s:Verdict)-[:CONCERNS]->(%s)", vv, s)
	if kind != KindEvent {
		verdictPattern = fmt.Sprintf("(%s:Verdict)-[:AGAINST]->(%s)", vv, s)
	}

	en := c.newVar("en")
	cypher := fill(`{{match}}
CALL ({{s}}) { CALL ({{s}}) {
{{calls}}
} RETURN collect(entry) AS entries }
RETURN CASE WHEN {{s}} IS NULL THEN null ELSE {
  subject: {{subject}},
  verdicts: COLLECT { MATCH {{verdictPattern}} WHERE {{v}}.confidence <> 'RETRACTED' RETURN {{verdict}} ORDER BY {{v}}.id },
  entries: [{{en}} IN entries | {basis: {{en}}.basis, role: {{en}}.role,
    entity: [{{x}} IN [{{en}}.entity] | {{entity}}][0],
    nodes: [{{n}} IN {{en}}.nodes | {{node}}], rels: [{{e}} IN {{en}}.rels | {{edge}}],
    dates: {{en}}.dates, when: {from: {{en}}.ev.from, to: {{en}}.ev.to},
    postsThen: [{{x}} IN [{{en}}.entity] | [ev IN [{{en}}.ev] | {{postsThen}}][0]][0],
    postsNow: [{{x}} IN [{{en}}.entity] | [ev IN [{{en}}.ev] | {{postsNow}}][0]][0]}]
} END`, slots{
		"match": c.matchEntity(s, id), "s": s, "calls": calls, "subject": subjectProj,
		"verdictPattern": verdictPattern, "v": vv, "verdict": verdictProj,
		"en": en, "x": x, "entity": entityProj, "n": pp.n, "node": pp.nodeProj, "e": pp.e, "edge": pp.edgeProj,
		"postsThen": thenExpr, "postsNow": nowExpr,
	})

	plan.decode = func(v any) (any, error) {
		m, ok := v.(map[string]any)
		if !ok {
			return nil, Errorf(ENOTFOUND, "no entity %q", id)
		}
		report := &AccountabilityReport{Subject: subjectPlan.decode(m["subject"])}
		if !asOf.IsZero() {
			s := asOf.String()
			report.AsOf = &s
		}
		for _, raw := range m["verdicts"].([]any) {
			if v, ok := verdictPlan.decode(raw).(*Verdict); ok {
				report.Verdicts = append(report.Verdicts, v)
			}
		}
		seen := map[string]bool{}
		for _, raw := range m["entries"].([]any) {
			en := raw.(map[string]any)
			path := decodePath(map[string]any{"nodes": en["nodes"], "rels": en["rels"]}, pp.nodes, pp.citations)
			entity := entityPlan.decode(en["entity"])
			if path == nil || entity == nil {
				continue
			}
			w, _ := en["when"].(map[string]any)
			when := Interval{From: readDate(w["from"]), To: readDate(w["to"])}
			entry := &AccountabilityEntry{Entity: entity, Basis: Basis(str(en["basis"])), Confidence: path.Confidence, Path: path,
				PostsThen: postsThen(thenPlan, en["postsThen"], when), PostsNow: postsNow(nowPlan, en["postsNow"], asOf)}
			if en["dates"] != nil { // a membership or tenure: kept unless its dates rule the event out
				h := readHolding(en["dates"])
				held, ok := h.at(when)
				if !ok {
					continue
				}
				ht := h.heldAtTime(held, "then", when == Interval{})
				entry.HeldThen = &ht
			}
			if role := str(en["role"]); role != "" {
				entry.Role = &role
			}
			report.Entries = append(report.Entries, entry)
		}
		sortEntries(report.Entries)
		kept := report.Entries[:0]
		for _, entry := range report.Entries {
			role := ""
			if entry.Role != nil {
				role = *entry.Role
			}
			key := string(entry.Basis) + " " + role + " " + pathKey(entry.Path)
			if !seen[key] { // else the same link found twice
				seen[key] = true
				kept = append(kept, entry)
			}
		}
		report.Entries = kept
		return report, nil
	}
	return plan, cypher, nil
}

// accountabilityCalls writes the patterns of the subject's kind as the branches of one
// UNION ALL, the subject in s (and, for an event, in ev), with their macros expanded.
func accountabilityCalls(kind EntityKind, patterns []string, s string, hops int, conf func(string) string) string {
	with := "" // s is imported by the CALL around the union
	if kind == KindEvent {
		with = "WITH " + s + ", " + s + " AS ev "
	}
	calls := make([]string, len(patterns))
	for i, p := range patterns {
		p = fill(p, slots{"subject": s, "hops": hops})
		for _, x := range []string{"r", "m", "t", "pi", "x"} {
			p = strings.ReplaceAll(p, "C("+x+")", conf(x))
			p = strings.ReplaceAll(p, "R("+x+")", strings.ReplaceAll(notRuledOut, "X.", x+"."))
			p = strings.ReplaceAll(p, "D("+x+")", holdingDates(x))
			p = strings.ReplaceAll(p, "S("+x+")", strings.ReplaceAll(standingThen, "X.", x+"."))
		}
		calls[i] = with + p
	}
	return strings.Join(calls, "\nUNION ALL\n")
}

// posts projects an entry's postsThen (then) or postsNow, the field name of entryFields,
// for the entity in x when it is a person: {tenure, dates} each. Then lists every post
// whose dates do not rule the event out (decoding judges the rest); now, with asOf, the
// posts held then by holders(asOf)'s strict rule, else the latest one the sources date.
func (c *compiler) posts(x string, entryFields []Selection, name string, then bool, asOf Date, conf func(string) string, path string) (string, *relPlan, error) {
	sub, ok := mergeSub(entryFields, name)
	if !ok {
		return "[]", nil, nil
	}
	tenureSub, _ := mergeSub(sub("PostAtTime"), "tenure")
	t, pos := c.newVar("t"), c.newVar("pos")
	edge, rp, err := c.edge(t, x, pos, KindPerson, relFields[KindPerson]["tenures"], tenureSub, path)
	if err != nil {
		return "", nil, err
	}
	var where, order string
	switch {
	case then:
		where, order = "ev IS NOT NULL AND "+strings.ReplaceAll(notRuledOut, "X.", t+"."), t+".validFrom, "+t+".id"
	case !asOf.IsZero():
		where, order = c.overlaps(t, At(asOf)), t+".validFrom, "+t+".id"
	default:
		where = fill("({{t}}.validFrom IS NOT NULL OR {{t}}.validTo IS NOT NULL)", slots{"t": t})
		order = fill("coalesce({{t}}.validTo, date('9999-12-31')) DESC, {{t}}.validFrom DESC LIMIT 1", slots{"t": t})
	}
	return fill(`CASE WHEN {{x}}:Person THEN COLLECT { MATCH ({{x}})-[{{t}}:HOLDS]->({{pos}}) WHERE {{where}} AND {{conf}}
  WITH {{x}}, {{t}}, {{pos}}, ev ORDER BY {{order}} RETURN {tenure: {{tenure}}, dates: {{dates}}} } ELSE [] END`,
		slots{"x": x, "t": t, "pos": pos, "where": where, "conf": conf(t), "order": order, "tenure": edge, "dates": holdingDates(t)}), rp, nil
}
