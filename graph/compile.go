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

// dropParams forgets the parameters given since there were n.
func (c *compiler) dropParams(n int) {
	for i := len(c.params) - 1; i >= n; i-- {
		delete(c.params, "p"+strconv.Itoa(i))
	}
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

// slots are the named values of a statement's text: {{name}} in it stands for the value
// of name (as fmt.Sprint writes it).
type slots map[string]any

// fill writes text with every {{name}} replaced by its slot: the named form of Sprintf for
// statements of many parts. A name with no slot would stay as written, which the golden
// tests refuse. One scan of text, as every read compiles many (a strings.Replacer built
// per call was most of a small read's compile time).
func fill(text string, s slots) string {
	var b strings.Builder
	b.Grow(len(text) + 16*len(s))
	for {
		open := strings.Index(text, "{{")
		if open < 0 {
			break
		}
		end := strings.Index(text[open+2:], "}}")
		if end < 0 {
			break
		}
		v, ok := s[text[open+2:open+2+end]]
		if !ok { // not a slot: a literal brace, or a map opening on a slot ({{{x}}, ...})
			b.WriteString(text[:open+1])
			text = text[open+1:]
			continue
		}
		b.WriteString(text[:open])
		if str, isStr := v.(string); isStr {
			b.WriteString(str)
		} else {
			fmt.Fprint(&b, v)
		}
		text = text[open+4+end:]
	}
	b.WriteString(text)
	return b.String()
}

// rootCompilers is the dispatch table of the compiler: for each root field Read answers,
// the function that compiles it into a subquery body ending in "RETURN <expr>". Each has
// a file of its own (entityroot.go, connection.go, search.go, mentions.go, holders.go,
// neighborhood.go, expandstats.go, paths.go, accountability.go, timeline.go).
var rootCompilers = map[string]func(*compiler, Selection) (rootPlan, string, error){
	"entity":         (*compiler).entity,
	"people":         (*compiler).connection,
	"organizations":  (*compiler).connection,
	"positions":      (*compiler).connection,
	"events":         (*compiler).connection,
	"verdicts":       (*compiler).connection,
	"sources":        (*compiler).connection,
	"statements":     (*compiler).connection,
	"places":         (*compiler).connection,
	"search":         (*compiler).search,
	"mentions":       (*compiler).mentions,
	"claims":         (*compiler).claims,
	"holders":        (*compiler).holders,
	"neighborhood":   (*compiler).neighborhood,
	"expandStats":    (*compiler).expandStats,
	"paths":          (*compiler).paths,
	"accountability": (*compiler).accountability,
	"timeline":       (*compiler).timeline,
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

// compiledRead is a read compiled: its Cypher and parameters, the plans that decode the
// value each CALL returns (in RETURN order), and the results known without Neo4j (the
// roots answered without asking it, the roots refused for their arguments).
type compiledRead struct {
	cypher string
	params map[string]any
	plans  []rootPlan
	res    *Results
}

// compile turns the roots of a read into one statement; it asks nothing of Neo4j.
func compile(roots []Selection) *compiledRead {
	st := &compiledRead{res: &Results{values: map[string]any{}, errs: map[string]error{}}}
	c := &compiler{params: map[string]any{}}
	var calls, returns []string
	for _, f := range roots {
		compileRoot, ok := rootCompilers[f.Name]
		if !ok {
			continue
		}
		sent := len(c.params)
		plan, cypher, err := compileRoot(c, f)
		if err != nil {
			c.dropParams(sent) // a refused root sends none of its parameters
			st.res.errs[f.Alias] = err
			continue
		}
		if plan.skip { // nothing to ask Neo4j: a search with no words, an id of no kind
			if v, err := plan.decode(nil); err != nil {
				st.res.errs[f.Alias] = err
			} else {
				st.res.values[f.Alias] = v
			}
			continue
		}
		v := "r" + strconv.Itoa(len(st.plans))
		calls = append(calls, "CALL () {\n"+cypher+" AS "+v+"\n}")
		returns = append(returns, v)
		st.plans = append(st.plans, plan)
	}
	if len(st.plans) > 0 {
		st.cypher = strings.Join(calls, "\n") + "\nRETURN " + strings.Join(returns, ", ")
		st.params = c.params
	}
	return st
}
