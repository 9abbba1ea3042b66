package graph

import (
	"fmt"
	"slices"
	"strings"
)

// Mention is a statement's text or a citation's quote that holds the words searched for,
// with who says it and what it is about.
type Mention struct {
	Quote     string
	Score     float64
	Statement *Statement // the statement whose text holds the words
	Citation  *Citation  // or the citation whose quote does
	SaidBy    []Entity   // the statement's speakers, or the citation's claimant
	// About is what the words are about: the statement's subjects, the entity the citation
	// supports, or the two ends of the relationship it supports (Relationship its type).
	About        []Entity
	Relationship *RelType
}

// mentionsQuery is the Lucene query over the mention_texts index: every word but the stop
// words, as words (the index's English analyzer stems them on both sides, so "death
// commissions" finds "Death Commission"). Empty when no word is left.
func mentionsQuery(text string) string {
	var parts []string
	for _, w := range FoldWords(text) {
		if !stopWords[w] {
			parts = append(parts, "+"+w)
		}
	}
	return strings.Join(parts, " ")
}

// mentions compiles the search of statement texts and citation quotes.
func (c *compiler) mentions(f Selection) (rootPlan, string, error) {
	plan := rootPlan{alias: f.Alias}
	lucene := mentionsQuery(str(f.Args["text"]))
	first, err := firstArg(f.Args, 10, f.Alias)
	if err != nil {
		return plan, "", err
	}
	if lucene == "" || first == 0 {
		plan.skip = true
		plan.decode = func(any) (any, error) { return []*Mention{}, nil }
		return plan, "", nil
	}
	m := c.newVar("m")
	proj, decode, err := c.mentionProjection(m, f)
	if err != nil {
		return plan, "", err
	}
	ls, types := strings.Join(labels(), "|"), relTypeNames()
	// Lucene's best, three for each mention asked (citations repeating a statement or
	// each other are dropped below), statements first; a citation of a RETRACTED entity or
	// relationship is as withdrawn as what it supports
	cypher := fmt.Sprintf(`CALL db.index.fulltext.queryNodes('mention_texts', %s, {limit: %s}) YIELD node AS %s, score
WHERE coalesce(%s.confidence, '') <> 'RETRACTED' AND (%s:Statement OR NOT EXISTS { MATCH (x:%s {id: %s.about}) WHERE x.confidence = 'RETRACTED' }
  AND NOT EXISTS { MATCH ()-[r:%s {id: %s.about}]->() WHERE r.confidence = 'RETRACTED' })
WITH %s, score ORDER BY CASE WHEN %s:Statement THEN 0 ELSE 1 END, score DESC, %s.id
RETURN collect({score: score, quote: coalesce(%s.text, %s.quote), %s})`,
		c.param(lucene), c.param(min(first*3, MaxFirst)), m, m, m, ls, m, types, m, m, m, m, m, m, proj)
	plan.decode = func(v any) (any, error) {
		rows, _ := v.([]any)
		out := make([]*Mention, 0, len(rows))
		for _, row := range rows {
			out = addMention(out, decode(row))
		}
		return out[:min(first, len(out))], nil
	}
	return plan, cypher, nil
}

// mentionProjection projects the mention (statement or citation) bound to m as the
// fields of f ask for it, after its score and quote, and returns how to decode each row.
func (c *compiler) mentionProjection(m string, f Selection) (string, func(any) *Mention, error) {
	var fields []Selection
	if f.Sub != nil {
		fields = f.Sub("Mention")
	}
	var parts []string

	stmtSub, _ := mergeSub(fields, "statement")
	stmtProj, stmtPlan, err := c.node(m, []EntityKind{KindStatement}, stmtSub, f.Alias+".statement")
	if err != nil {
		return "", nil, err
	}
	parts = append(parts, fmt.Sprintf("statement: CASE WHEN %s:Statement THEN %s END", m, stmtProj))

	var citeFields []Selection
	if sub, ok := mergeSub(fields, "citation"); ok {
		citeFields = sub("Citation")
	}
	// from the mention itself: Neo4j may otherwise plan the match from the source, whose
	// citations can be all of them
	citeBody, citePlan, err := c.citation(m, "("+m+")", citeFields, f.Alias+".citation")
	if err != nil {
		return "", nil, err
	}
	parts = append(parts, fmt.Sprintf("citation: CASE WHEN %s:Citation THEN head(COLLECT { %s }) END", m, citeBody))

	// entities projects a list of entities: those body(x) matches for a statement, or
	// for a citation
	entities := func(name string, stmt, cite func(x string) string) (*nodePlan, error) {
		sub, _ := mergeSub(fields, name)
		x, y := c.newVar("x"), c.newVar("x")
		px, np, err := c.node(x, EntityKinds, sub, f.Alias+"."+name)
		if err != nil {
			return nil, err
		}
		py, _, err := c.node(y, EntityKinds, sub, f.Alias+"."+name)
		if err != nil {
			return nil, err
		}
		live := func(v string) string { return v + ".confidence <> 'RETRACTED'" }
		parts = append(parts, fmt.Sprintf("%s: CASE WHEN %s:Statement THEN COLLECT { %s WHERE %s AND r.confidence <> 'RETRACTED' RETURN %s ORDER BY %s.id }\n  ELSE COLLECT { %s } END",
			name, m, stmt(x), live(x), px, x, strings.ReplaceAll(cite(y), "RETURN", "WHERE "+live(y)+" RETURN "+py)))
		return np, nil
	}
	saidPlan, err := entities("saidBy",
		func(x string) string { return "MATCH (" + x + ")-[r:STATED]->(" + m + ")" },
		func(y string) string { return "MATCH (" + m + ")-[:CLAIMED_BY]->(" + y + ") RETURN" })
	if err != nil {
		return "", nil, err
	}
	// a citation's about is the id of an entity or of a relationship (its start, then its
	// end): looked up by label or by type, each an index seek
	ls, types := strings.Join(labels(), "|"), relTypeNames()
	aboutPlan, err := entities("about",
		func(x string) string { return "MATCH (" + m + ")-[r:ABOUT]->(" + x + ")" },
		func(y string) string {
			s, e := c.newVar("s"), c.newVar("e")
			return fmt.Sprintf("MATCH (%s:%s {id: %s.about}) RETURN UNION MATCH (%s:%s)-[:%s {id: %s.about}]->(%s:%s) UNWIND [%s, %s] AS %s WITH %s RETURN",
				y, ls, m, s, ls, types, m, e, ls, s, e, y, y)
		})
	if err != nil {
		return "", nil, err
	}
	parts = append(parts, fmt.Sprintf("relationship: head(COLLECT { MATCH ()-[r:%s {id: %s.about}]->() RETURN type(r) })", types, m))

	return strings.Join(parts, ",\n  "), func(row any) *Mention {
		r, _ := row.(map[string]any)
		mn := &Mention{Quote: str(r["quote"])}
		mn.Score, _ = r["score"].(float64)
		if r["statement"] != nil {
			mn.Statement, _ = stmtPlan.decode(r["statement"]).(*Statement)
		}
		if r["citation"] != nil {
			cite := citePlan.decode([]any{r["citation"]})[0]
			mn.Citation = &cite
		}
		mn.SaidBy = decodeEntities(saidPlan, r["saidBy"])
		mn.About = decodeEntities(aboutPlan, r["about"])
		if t := RelType(str(r["relationship"])); t != "" {
			mn.Relationship = &t
		}
		return mn
	}, nil
}

// addMention appends mn unless it says again what an earlier mention says: a citation
// quoting a statement already listed, by its speaker, is left out, and citations with the
// same quote and claimant become one, about everything either is about.
func addMention(list []*Mention, mn *Mention) []*Mention {
	if mn.Citation != nil {
		for _, o := range list {
			if !sameEntities(o.SaidBy, mn.SaidBy) {
				continue
			}
			if o.Statement != nil && strings.Contains(o.Quote, mn.Quote) {
				return list
			}
			if o.Citation != nil && o.Quote == mn.Quote {
				for _, e := range mn.About {
					if !slices.ContainsFunc(o.About, func(x Entity) bool { return x.Common().ID == e.Common().ID }) {
						o.About = append(o.About, e)
					}
				}
				if o.Relationship != nil && mn.Relationship != nil && *o.Relationship != *mn.Relationship {
					o.Relationship = nil // several kinds of fact: the about list says what
				}
				return list
			}
		}
	}
	return append(list, mn)
}

func sameEntities(a, b []Entity) bool {
	return slices.EqualFunc(a, b, func(x, y Entity) bool { return x.Common().ID == y.Common().ID })
}

func decodeEntities(np *nodePlan, v any) []Entity {
	items, _ := v.([]any)
	out := make([]Entity, 0, len(items))
	for _, it := range items {
		if e := np.decode(it); e != nil {
			out = append(out, e)
		}
	}
	return out
}

func relTypeNames() string {
	names := make([]string, len(RelTypes))
	for i, t := range RelTypes {
		names[i] = string(t)
	}
	return strings.Join(names, "|")
}
