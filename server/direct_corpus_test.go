package server_test

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/vektah/gqlparser/v2/ast"

	"github.com/accgraph/accgraph/graph"
	"github.com/accgraph/accgraph/schema"
)

// corpus writes random operations over the schema: random fields of every type reached,
// aliases, inline fragments on the interfaces' types, named fragments, variables,
// @skip and @include, ids that exist and ids that do not, and arguments that are refused
// (a first over the limit, a month 13), from a fixed seed.
type corpus struct {
	r       *rand.Rand
	s       *ast.Schema
	n       int               // names for aliases and fragments
	frags   []string          // the fragment definitions of the operation
	decls   map[string]string // variables used: name → type
	vars    map[string]any
	hasRoot map[string]bool // root fields with a compiled read, asked more often
}

var (
	corpusIDs = []string{"person:ebrahim-raisi", "person:maryam-rajavi", "person:assadollah-assadi", "org:islamic-republic-of-iran",
		"org:1988-death-commissions", "org:ncri", "position:iran-head-of-judiciary", "event:1988-massacre", "event:assadi-bomb-plot",
		"verdict:assadi-belgium", "person:nobody", "nope"}
	corpusTexts = []string{"Raisi", "massacre", "commission", "Rajavi", "arrest warrant", "the"}
	corpusDates = []string{"2021-02", "1988", "1988-08", "2019", "1988-13"}
)

func newCorpus(seed uint64) *corpus {
	return &corpus{r: rand.New(rand.NewPCG(seed, 16)), s: schema.NewExecutableSchema(schema.Config{}).Schema(),
		hasRoot: graph.Roots}
}

// operation returns one query and its variables.
func (c *corpus) operation() (string, map[string]any) {
	c.frags, c.decls, c.vars = nil, map[string]string{}, map[string]any{}
	q := c.s.Query
	var roots []*ast.FieldDefinition
	for _, f := range q.Fields {
		if strings.HasPrefix(f.Name, "__") {
			continue
		}
		roots = append(roots, f)
		if c.hasRoot[f.Name] {
			roots = append(roots, f, f, f, f, f) // mostly the reads the writer answers
		}
	}
	var parts []string
	for i := 0; i < 1+c.r.IntN(3); i++ {
		if s := c.field(roots[c.r.IntN(len(roots))], 0, true); s != "" {
			parts = append(parts, s)
		}
	}
	if len(parts) == 0 || c.r.IntN(10) == 0 {
		parts = append(parts, "__typename")
	}
	var decls []string
	for _, name := range sortedNames(c.decls) {
		decls = append(decls, "$"+name+": "+c.decls[name])
	}
	head := "query"
	if len(decls) > 0 {
		head += "(" + strings.Join(decls, ", ") + ")"
	}
	return head + " { " + strings.Join(parts, " ") + " }" + strings.Join(c.frags, ""), c.vars
}

func sortedNames(m map[string]string) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}

func (c *corpus) name(prefix string) string {
	c.n++
	return fmt.Sprintf("%s%d", prefix, c.n)
}

// field writes one selected field, or "" when it cannot be asked (an argument
// this corpus cannot make, an object too deep).
func (c *corpus) field(f *ast.FieldDefinition, depth int, alias bool) string {
	def := c.s.Types[f.Type.Name()]
	object := def.Kind == ast.Object || def.Kind == ast.Interface || def.Kind == ast.Union
	if strings.HasPrefix(f.Name, "__") || object && depth >= 4 {
		return ""
	}
	var args []string
	for _, a := range f.Arguments {
		required := a.Type.NonNull && a.DefaultValue == nil
		if !required && c.r.IntN(3) > 0 {
			continue
		}
		v, ok := c.value(a)
		if !ok {
			if required {
				return ""
			}
			continue
		}
		args = append(args, a.Name+": "+v)
	}
	out := f.Name
	if len(args) > 0 {
		out += "(" + strings.Join(args, ", ") + ")"
	}
	if alias || len(args) > 0 || c.r.IntN(4) == 0 {
		out = c.name("a") + ": " + out
	}
	switch c.r.IntN(12) {
	case 0:
		out += c.condition("skip")
	case 1:
		out += c.condition("include")
	}
	if object {
		out += " { " + c.selection(def, depth+1) + " }"
	}
	return out
}

// condition is @skip or @include on a variable (declared Boolean!) or a literal.
func (c *corpus) condition(name string) string {
	if c.r.IntN(2) == 0 {
		return fmt.Sprintf(" @%s(if: %v)", name, c.r.IntN(2) == 0)
	}
	v := c.name("b")
	c.decls[v], c.vars[v] = "Boolean!", c.r.IntN(2) == 0
	return fmt.Sprintf(" @%s(if: $%s)", name, v)
}

// selection picks fields of def; for an interface also fragments on its types.
func (c *corpus) selection(def *ast.Definition, depth int) string {
	var parts []string
	fields := slices.Clone(def.Fields)
	c.r.Shuffle(len(fields), func(i, j int) { fields[i], fields[j] = fields[j], fields[i] })
	for _, f := range fields[:min(len(fields), 1+c.r.IntN(4))] {
		if s := c.field(f, depth, false); s != "" {
			parts = append(parts, s)
		}
	}
	if c.r.IntN(6) == 0 {
		parts = append(parts, "__typename")
	}
	if def.Kind != ast.Object {
		types := c.s.GetPossibleTypes(def)
		for i := 0; i < c.r.IntN(3); i++ {
			on := types[c.r.IntN(len(types))]
			parts = append(parts, "... on "+on.Name+" { "+c.fragmentBody(on, depth)+" }")
		}
	}
	if c.r.IntN(8) == 0 { // a named fragment on the type itself or, for an interface, one of its types
		on := def
		if types := c.s.GetPossibleTypes(def); def.Kind != ast.Object && c.r.IntN(2) == 0 {
			on = types[c.r.IntN(len(types))]
		}
		name := c.name("F")
		c.frags = append(c.frags, " fragment "+name+" on "+on.Name+" { "+c.fragmentBody(on, depth)+" }")
		parts = append(parts, "..."+name)
	}
	if len(parts) == 0 {
		parts = append(parts, "__typename")
	}
	return strings.Join(parts, " ")
}

// fragmentBody selects fields of def, each under an alias of its own, so that no two
// fragments of one selection ask one response name with another shape.
func (c *corpus) fragmentBody(def *ast.Definition, depth int) string {
	var parts []string
	for i := 0; i < 1+c.r.IntN(3); i++ {
		if s := c.field(def.Fields[c.r.IntN(len(def.Fields))], depth, true); s != "" {
			parts = append(parts, s)
		}
	}
	if len(parts) == 0 {
		return "__typename"
	}
	return strings.Join(parts, " ")
}

// value is an argument value: mostly good ones, sometimes refused ones.
func (c *corpus) value(a *ast.ArgumentDefinition) (string, bool) {
	t := a.Type
	if t.Elem != nil {
		v, ok := c.scalar(a.Name, t.Elem.Name())
		return "[" + v + "]", ok
	}
	return c.scalar(a.Name, t.Name())
}

func (c *corpus) scalar(arg, typ string) (string, bool) {
	pick := func(xs []string) string { return fmt.Sprintf("%q", xs[c.r.IntN(len(xs))]) }
	switch typ {
	case "ID":
		if c.r.IntN(3) == 0 {
			v := c.name("id")
			c.decls[v], c.vars[v] = "ID!", corpusIDs[c.r.IntN(len(corpusIDs))]
			return "$" + v, true
		}
		return pick(corpusIDs), true
	case "String":
		if arg == "after" {
			return pick([]string{"b2Zmc2V0OjE", "nope"}), true
		}
		return pick(corpusTexts), true
	case "Date":
		return pick(corpusDates), true
	case "Int":
		if c.r.IntN(25) == 0 {
			return "501", true
		}
		return fmt.Sprint(1 + c.r.IntN(3)), true
	case "Boolean":
		return fmt.Sprint(c.r.IntN(2) == 0), true
	case "Float":
		return "0.5", true
	}
	if def := c.s.Types[typ]; def != nil && def.Kind == ast.Enum {
		return def.EnumValues[c.r.IntN(len(def.EnumValues))].Name, true
	}
	return "", false // input objects: the saved queries and the tests of filters ask those
}

func TestDirectWriterCorpus(t *testing.T) {
	p := seededPaths(t)
	c := newCorpus(16)
	const n = 300
	w0, u0, r0 := p.direct.DirectStats()
	withErrors := 0
	for i := range n {
		q, vars := c.operation()
		if direct, errs := p.same(fmt.Sprintf("corpus operation %d", i), q, vars); direct && errs {
			withErrors++
		}
	}
	w, u, r := p.direct.DirectStats()
	t.Logf("corpus of %d operations: %d written directly (%d of them with errors), %d left to the executor up front, %d redone by the executor, %d refused before execution",
		n, w-w0, withErrors, u-u0, r-r0, n-int(w-w0+u-u0+r-r0))
	// both paths must be exercised, the direct one with errors too, or the test proves little
	if w-w0 < n/2 || u-u0 < n/10 || withErrors < 10 {
		t.Errorf("the corpus exercises too little: %d written directly, %d with errors, %d left to the executor", w-w0, withErrors, u-u0)
	}
}
