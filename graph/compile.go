package graph

import (
	"fmt"
	"reflect"
	"sort"
	"strconv"
	"strings"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

// compiler turns the fields of a GraphQL read into one Cypher statement. Every value from
// the request becomes a $parameter; labels, relationship types and property names in the
// text come only from the enums and tables of this package.
type compiler struct {
	params map[string]any
	vars   int
}

func (c *compiler) param(v any) string {
	name := "p" + strconv.Itoa(len(c.params))
	c.params[name] = v
	return "$" + name
}

func (c *compiler) newVar(prefix string) string {
	c.vars++
	return prefix + strconv.Itoa(c.vars)
}

// rootPlan decodes the value one root CALL returned.
type rootPlan struct {
	alias  string
	skip   bool // no statement needed
	decode func(v any) (any, error)
}

// badArg is an EINVALID error naming the argument at path.
func badArg(path, format string, args ...any) error {
	return &Error{Code: EINVALID, Message: path + ": " + fmt.Sprintf(format, args...), Path: path}
}

// root compiles one root field into a subquery body ending in "RETURN <expr>".
func (c *compiler) root(f Selection) (rootPlan, string, error) {
	plan := rootPlan{alias: f.Alias}
	switch f.Name {
	case "entity":
		id := str(f.Args["id"])
		if ftmID, ok := strings.CutPrefix(id, "ftm:"); ok {
			return c.ftmEntity(f, ftmID)
		}
		kind, ok := kindOfID(id)
		if !ok {
			plan.skip = true
			plan.decode = func(any) (any, error) { return Entity(nil), nil }
			return plan, "", nil
		}
		n := c.newVar("n")
		proj, np, err := c.node(n, []EntityKind{kind}, f.Sub, f.Alias)
		if err != nil {
			return plan, "", err
		}
		plan.decode = func(v any) (any, error) { return np.decode(v), nil }
		// a merged-away id resolves to the entity it was merged into
		rd := c.newVar("rd")
		p := c.param(id)
		return plan, fmt.Sprintf("OPTIONAL MATCH (%s:Redirect {from: %s})\nWITH coalesce(%s.to, %s) AS rid\nOPTIONAL MATCH (%s:%s {id: rid})\nRETURN %s",
			rd, p, rd, p, n, kind.Label(), proj), nil
	case "people", "organizations", "positions", "events", "verdicts", "sources", "statements", "places":
		return c.connection(f)
	case "search":
		return c.search(f)
	case "mentions":
		return c.mentions(f)
	case "claims":
		return c.claims(f)
	case "holders":
		return c.holders(f)
	case "neighborhood":
		return c.neighborhood(f)
	case "expandStats":
		return c.expandStats(f)
	case "paths":
		return c.paths(f)
	case "accountability":
		return c.accountability(f)
	case "timeline":
		return c.timeline(f)
	}
	return plan, "", Errorf(EINTERNAL, "no compiler for root field %q", f.Name)
}

// nodePlan decodes a projected node of one of several kinds.
type nodePlan struct {
	kinds map[EntityKind]*kindPlan
}

type kindPlan struct {
	rels      []*relPlan
	citations *citationPlan
}

type relPlan struct {
	key       string // map key of the projected list
	alias     string
	spec      relSpec
	start     *nodePlan // nil when not selected
	end       *nodePlan
	citations *citationPlan
}

type citationPlan struct {
	source   *nodePlan
	claimant *nodePlan
}

// mergeSub joins the selections of every field named name (a field asked under several
// aliases), since the decoded value is shared.
func mergeSub(fields []Selection, name string) (func(string) []Selection, bool) {
	var subs []func(string) []Selection
	for _, f := range fields {
		if f.Name == name && f.Sub != nil {
			subs = append(subs, f.Sub)
		}
	}
	if len(subs) == 0 {
		return nil, false
	}
	return func(t string) []Selection {
		var out []Selection
		for _, s := range subs {
			out = append(out, s(t)...)
		}
		return out
	}, true
}

// node projects the node in variable v, of one of kinds, with the fields sub asks for:
// the stored properties they read (and need, which the caller's Go code reads), relation
// lists and citations.
func (c *compiler) node(v string, kinds []EntityKind, sub func(string) []Selection, path string, need ...string) (string, *nodePlan, error) {
	plan := &nodePlan{kinds: map[EntityKind]*kindPlan{}}
	projections := map[EntityKind]string{}
	for _, k := range kinds {
		var fields []Selection
		if sub != nil {
			fields = sub(k.Label())
		}
		kp := &kindPlan{}
		var parts []string
		seen := map[string]bool{}
		for _, f := range fields {
			spec, isRel := relFields[k][f.Name]
			switch {
			case isRel:
				if seen[f.Alias] {
					continue
				}
				seen[f.Alias] = true
				key := "__r_" + f.Alias
				expr, rp, err := c.relation(v, k, spec, f, path+"."+f.Alias)
				if err != nil {
					return "", nil, err
				}
				rp.key, rp.alias = key, f.Alias
				kp.rels = append(kp.rels, rp)
				parts = append(parts, "`"+key+"`: "+expr)
			case f.Name == "citations" && kp.citations == nil:
				expr, cp, err := c.citations(v, fields, path+".citations")
				if err != nil {
					return "", nil, err
				}
				kp.citations = cp
				parts = append(parts, "__citations: "+expr)
			}
		}
		plan.kinds[k] = kp
		projections[k] = projection(v, fields, need, parts)
	}
	if len(kinds) == 1 || allSame(projections) {
		return projections[kinds[0]], plan, nil
	}
	var b strings.Builder
	b.WriteString("CASE")
	for _, k := range kinds {
		fmt.Fprintf(&b, " WHEN %s:%s THEN %s", v, k.Label(), projections[k])
	}
	b.WriteString(" END")
	return b.String(), plan, nil
}

// storedProperties maps each scalar field of an entity, an edge or a citation to the
// stored properties it is read from. Fields not listed read none (__typename, Relation.type);
// TestStoredPropertiesCoverSchema keeps the table in step with the schema.
var storedProperties = map[string][]string{
	"id": {"id"}, "name": {"name"}, "aliases": {"aliases"}, "description": {"description"},
	"aliasSources": {"aliases", "aliasNotes", "aliasCitations"},
	"confidence":   {"confidence"}, "retraction": {"retraction"}, "kind": {"kind"},
	"from": {"from"}, "to": {"to"}, "victims": {"victims"}, "date": {"date"}, "text": {"text"},
	"title": {"title"}, "publisher": {"publisher"}, "author": {"author"}, "url": {"url"},
	"published": {"published"}, "stake": {"stake"}, "country": {"country"}, "schema": {"schema"},
	"role": {"role"}, "outcome": {"outcome"}, "sentence": {"sentence"},
	"attested": {"attested"}, "endedBy": {"endedBy"}, "toKnown": {"to", "endedBy"},
	"quote": {"quote"}, "locator": {"locator"}, "accessed": {"accessed"}, "checked": {"checked"}, "stance": {"stance"},
	"inference": {"inference"},
}

func init() {
	for field, spec := range factKinds {
		if _, taken := storedProperties[field]; !taken { // country: a place's too, the same property
			storedProperties[field] = []string{spec.stored}
		}
	}
}

// projection is the map projection of x holding id, the stored properties fields read,
// need, and the computed entries parts. Projecting only these, not .*, keeps large
// properties (an imported entity's FtM JSON) and unasked ones out of every read.
func projection(x string, fields []Selection, need, parts []string) string {
	items := []string{".id"}
	seen := map[string]bool{"id": true}
	add := func(prop string) {
		if !seen[prop] {
			seen[prop] = true
			items = append(items, "."+prop)
		}
	}
	for _, prop := range need {
		add(prop)
	}
	for _, f := range fields {
		for _, prop := range storedProperties[f.Name] {
			add(prop)
		}
	}
	return x + " {" + strings.Join(append(items, parts...), ", ") + "}"
}

func allSame(m map[EntityKind]string) bool {
	first := ""
	for _, s := range m {
		if first == "" {
			first = s
		} else if s != first {
			return false
		}
	}
	return true
}

// relation compiles a relation list field of the node in v into a COLLECT subquery.
func (c *compiler) relation(v string, near EntityKind, spec relSpec, f Selection, path string) (string, *relPlan, error) {
	r, m := c.newVar("r"), c.newVar("m")
	conds, err := c.relationArgs(r, m, f.Args, path)
	if err != nil {
		return "", nil, err
	}
	first, err := firstArg(f.Args, 50, path)
	if err != nil {
		return "", nil, err
	}
	pattern := fmt.Sprintf("(%s)-[%s:%s]->(%s)", v, r, spec.typ, m)
	if !spec.out {
		pattern = fmt.Sprintf("(%s)<-[%s:%s]-(%s)", v, r, spec.typ, m)
	}
	edge, rp, err := c.edge(r, v, m, near, spec, f.Sub, path)
	if err != nil {
		return "", nil, err
	}
	return fmt.Sprintf("COLLECT { MATCH %s WHERE %s WITH %s, %s, %s ORDER BY %s.name, %s.id LIMIT %s RETURN %s }",
		pattern, strings.Join(conds, " AND "), v, r, m, m, r, c.param(first), edge), rp, nil
}

// edge projects the relationship in r between the near node v and the far node m.
func (c *compiler) edge(r, v, m string, near EntityKind, spec relSpec, sub func(string) []Selection, path string) (string, *relPlan, error) {
	rp := &relPlan{spec: spec}
	var fields []Selection
	if sub != nil {
		fields = sub(spec.shape.typeName)
	}
	startVar, endVar := v, m
	startKinds, endKinds := []EntityKind{near}, spec.farKinds(near)
	if !spec.out {
		startVar, endVar = m, v
		startKinds, endKinds = endKinds, startKinds
	}
	var parts []string
	for _, end := range []struct {
		name, v string
		kinds   []EntityKind
		plan    **nodePlan
		key     string
	}{
		{spec.shape.start, startVar, startKinds, &rp.start, "__start"},
		{spec.shape.end, endVar, endKinds, &rp.end, "__end"},
	} {
		s, ok := mergeSub(fields, end.name)
		if !ok {
			continue
		}
		expr, np, err := c.node(end.v, end.kinds, s, path+"."+end.name)
		if err != nil {
			return "", nil, err
		}
		*end.plan = np
		parts = append(parts, end.key+": "+expr)
	}
	for _, f := range fields {
		if f.Name == "citations" {
			expr, cp, err := c.citations(r, fields, path+".citations")
			if err != nil {
				return "", nil, err
			}
			rp.citations = cp
			parts = append(parts, "__citations: "+expr)
			break
		}
	}
	return projection(r, fields, nil, parts), rp, nil
}

// citations projects the citations of the node or relationship in x, with their source
// and claimant as asked.
func (c *compiler) citations(x string, fields []Selection, path string) (string, *citationPlan, error) {
	sub, _ := mergeSub(fields, "citations")
	var cfields []Selection
	if sub != nil {
		cfields = sub("Citation")
	}
	cv := c.newVar("c")
	body, cp, err := c.citation(cv, fmt.Sprintf("(%s:Citation {about: %s.id})", cv, x), cfields, path)
	if err != nil {
		return "", nil, err
	}
	return fmt.Sprintf("COLLECT { %s ORDER BY %s.id }", body, cv), cp, nil
}

// citation is the body of a subquery that projects the citation matched by pattern (in
// variable cv, which may be bound outside) with its source and claimant as cfields ask:
// "MATCH ... RETURN ... AS citation".
func (c *compiler) citation(cv, pattern string, cfields []Selection, path string) (string, *citationPlan, error) {
	sv, ev := c.newVar("s"), c.newVar("e")
	cp := &citationPlan{}
	parts := []string{}
	if s, ok := mergeSub(cfields, "source"); ok {
		expr, np, err := c.node(sv, []EntityKind{KindSource}, s, path+".source")
		if err != nil {
			return "", nil, err
		}
		cp.source = np
		parts = append(parts, "__source: "+expr)
	}
	claimant := ""
	if s, ok := mergeSub(cfields, "claimedBy"); ok {
		expr, np, err := c.node(ev, EntityKinds, s, path+".claimedBy")
		if err != nil {
			return "", nil, err
		}
		cp.claimant = np
		parts = append(parts, "__claimant: "+expr)
		claimant = fmt.Sprintf(" OPTIONAL MATCH (%s)-[:CLAIMED_BY]->(%s)", cv, ev)
	}
	return fmt.Sprintf("MATCH %s-[:FROM_SOURCE]->(%s:Source)%s RETURN %s AS citation",
		pattern, sv, claimant, projection(cv, cfields, nil, parts)), cp, nil
}

// relationArgs compiles asOf, minConfidence and includeRetracted on the relationship r
// and the far node m.
func (c *compiler) relationArgs(r, m string, args map[string]any, path string) ([]string, error) {
	var conds []string
	if s := str(args["asOf"]); s != "" {
		d, err := ParseDate(s)
		if err != nil {
			return nil, badArg(path+".asOf", "%s", ErrorMessage(err))
		}
		conds = append(conds, c.overlaps(r, At(d)))
	}
	retracted, _ := args["includeRetracted"].(bool)
	conds = append(conds, c.confidenceAtLeast(r, str(args["minConfidence"]), retracted))
	if !retracted {
		conds = append(conds, m+".confidence <> 'RETRACTED'")
	}
	return conds, nil
}

// overlaps is true when x has a known interval (validFrom..validTo, an open end absent,
// not both) that shares a day with iv. What has no known date is never "as of" one.
func (c *compiler) overlaps(x string, iv Interval) string {
	conds := []string{fmt.Sprintf("(%s.validFrom IS NOT NULL OR %s.validTo IS NOT NULL)", x, x)}
	if !iv.To.IsZero() {
		conds = append(conds, fmt.Sprintf("(%s.validFrom IS NULL OR %s.validFrom <= %s)", x, x, c.param(neo4j.DateOf(iv.To.Last()))))
	}
	if !iv.From.IsZero() {
		conds = append(conds, fmt.Sprintf("(%s.validTo IS NULL OR %s.validTo >= %s)", x, x, c.param(neo4j.DateOf(iv.From.First()))))
	}
	return strings.Join(conds, " AND ")
}

// confidenceAtLeast keeps the facts min keeps (Confidence.KeptBy; all but RETRACTED when
// min is empty); RETRACTED ones only when asked for.
func (c *compiler) confidenceAtLeast(x, min string, includeRetracted bool) string {
	if min == "" {
		if includeRetracted {
			return "true"
		}
		return x + ".confidence <> 'RETRACTED'"
	}
	var allowed []string
	for _, conf := range Confidences {
		if conf.KeptBy(Confidence(min)) && (conf != Retracted || includeRetracted) {
			allowed = append(allowed, string(conf))
		}
	}
	return fmt.Sprintf("%s.confidence IN %s", x, c.param(allowed))
}

func firstArg(args map[string]any, def int, path string) (int, error) {
	v, ok := args["first"]
	if !ok || v == nil {
		return def, nil
	}
	n, ok := toInt(v)
	if !ok || n < 0 || n > MaxFirst {
		return 0, badArg(path+".first", "first must be between 0 and %d, got %v", MaxFirst, v)
	}
	return n, nil
}

func toInt(v any) (int, bool) {
	switch n := v.(type) {
	case int:
		return n, true
	case int64:
		return int(n), true
	case float64:
		return int(n), n == float64(int(n))
	case interface{ Int64() (int64, error) }: // json.Number
		i, err := n.Int64()
		return int(i), err == nil
	}
	return 0, false
}

// decode builds the entity a projection returned, with the relation lists and citations
// the plan asked for.
func (p *nodePlan) decode(v any) Entity {
	props, ok := v.(map[string]any)
	if !ok || p == nil {
		return nil
	}
	id := str(props["id"])
	kind, ok := kindOfID(id)
	if !ok {
		return nil
	}
	e := newEntity(kind)
	b := e.Common()
	readBase(b, props)
	e.readProperties(props)
	kp := p.kinds[kind]
	if kp == nil {
		return e
	}
	for _, rp := range kp.rels {
		b.setRelated(rp.alias, rp.decode(props[rp.key]))
	}
	if kp.citations != nil {
		b.Citations = kp.citations.decode(props["__citations"])
	}
	return e
}

// decode builds the typed edge list ([]*Tenure, []*Relation, ...) of a relation field.
func (rp *relPlan) decode(v any) any {
	items, _ := v.([]any)
	proto := reflect.TypeOf(rp.spec.shape.build(EdgeBase{}, nil, nil))
	out := reflect.MakeSlice(reflect.SliceOf(proto), 0, len(items))
	for _, it := range items {
		props, _ := it.(map[string]any)
		base := readEdge(props, rp.spec.typ)
		if rp.citations != nil {
			base.Citations = rp.citations.decode(props["__citations"])
		}
		var start, end Entity
		if rp.start != nil {
			start = rp.start.decode(props["__start"])
		}
		if rp.end != nil {
			end = rp.end.decode(props["__end"])
		}
		out = reflect.Append(out, reflect.ValueOf(rp.spec.shape.build(base, start, end)))
	}
	return out.Interface()
}

func readEdge(props map[string]any, typ RelType) EdgeBase {
	return EdgeBase{
		ID: str(props["id"]), Type: typ, Role: str(props["role"]), Outcome: str(props["outcome"]),
		Sentence: str(props["sentence"]), Confidence: Confidence(str(props["confidence"])),
		Retraction: str(props["retraction"]), Inference: optional(props["inference"]),
		When:     Interval{From: readDate(props["from"]), To: readDate(props["to"])},
		Attested: readDate(props["attested"]), EndedBy: readDate(props["endedBy"]),
	}
}

func (cp *citationPlan) decode(v any) []Citation {
	items, _ := v.([]any)
	out := make([]Citation, 0, len(items))
	for _, it := range items {
		props, _ := it.(map[string]any)
		c := Citation{
			ID: str(props["id"]), Quote: str(props["quote"]), Locator: str(props["locator"]),
			Confidence: Confidence(str(props["confidence"])), Accessed: readDate(props["accessed"]),
			Checked: props["checked"] == true, Stance: stanceOf(str(props["stance"])),
		}
		if cp.source != nil {
			c.SourceNode, _ = cp.source.decode(props["__source"]).(*Source)
			if c.SourceNode != nil {
				c.Source = c.SourceNode.ID
			}
		}
		if cp.claimant != nil {
			c.Claimant = cp.claimant.decode(props["__claimant"])
			if c.Claimant != nil {
				c.ClaimedBy = c.Claimant.Common().ID
			}
		}
		out = append(out, c)
	}
	return out
}

// sortedKeys gives a map's keys in order, so that the same request compiles to the same
// Cypher (and hits Neo4j's query cache).
func sortedKeys(m map[string]any) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
