package graph

import (
	"fmt"
	"sort"
	"strconv"
	"strings"
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

// matchEntity binds v to the entity with id (OPTIONAL: v is null when there is none).
func (c *compiler) matchEntity(v, id string) string {
	kind, ok := kindOfID(id)
	if !ok {
		return fmt.Sprintf("OPTIONAL MATCH (%s:Person {id: %s}) WHERE false", v, c.param(id))
	}
	return fmt.Sprintf("OPTIONAL MATCH (%s:%s {id: %s})", v, kind.Label(), c.param(id))
}
