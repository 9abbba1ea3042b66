package server

import (
	"context"
	"fmt"
	"math"
	"sort"
	"strings"
	"sync"
	"time"
	"unicode"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"

	"github.com/accgraph/accgraph/graph"
)

// The cost model. A unit is about 20 µs of Neo4j's work, so the default limit of 500,000
// is about the 10 s read timeout: a query the model accepts can still meet that timeout
// (which bounds the worst case), and one it refuses would surely have. Lists cost what they
// are likely to hold, not their maximum, so the questions people write by hand pass.
const (
	// LikelyRelated is the documented size of a relation list (tenures, members,
	// responsible, ...) asked without `first`: most entities have a handful of each kind
	// of relationship (the curated data: 1-4; the generated 100k graph: 2 on average).
	// An explicit `first` costs what it asks for.
	LikelyRelated = 10
	// LikelyCitations is the documented size of a fact's citations list.
	LikelyCitations = 3
	// What the reads that walk the graph cost before their answer's fields: they grow with
	// the work they ask of Neo4j (variable-length walks double with every hop).
	AccountabilityHopCost = 100 // × 2^maxHops
	PathsHopCost          = 20  // × 2^maxLength for the shortest paths
	LongerPathsHopCost    = 400 // × 2^maxLength with longer: true (k-shortest: far more work)
	NeighbourCost         = 20  // × limit × depth
	// A search word is an exact, a fuzzy and a prefix clause; the fuzzy automaton grows with
	// the word (measured on the test machine: 16 random words of 30 letters, 1.3 s; 8 of 16,
	// 0.18 s; one of 6, 20 ms).
	SearchWordCost   = 200 // + SearchLetterCost × letters, per word
	SearchLetterCost = 100
	// SavedRunCost is runSavedQuery's own cost on top of its query's: a lookup and a
	// statement of its own (each planned and sent apart), so a request runs at most a few
	// dozen saved queries.
	SavedRunCost = 20_000
)

// rootCost is what one root selection of an operation costs.
type rootCost struct {
	alias string // the alias, or "...Fragment" for a spread at the root
	name  string // alias (field) for the message
	cost  int
}

// costOf returns what op costs with vars, in total and per root selection, costliest first.
func (s *Server) costOf(ctx context.Context, op *ast.OperationDefinition, doc *ast.QueryDocument, vars map[string]any) (int, []rootCost) {
	w := costWalk{s: s, ctx: ctx, vars: vars, doc: doc, seen: map[string]bool{}}
	var roots []rootCost
	total := 0
	for _, sel := range op.SelectionSet {
		c := w.selection(sel, true)
		alias, name := "", ""
		switch x := sel.(type) {
		case *ast.Field:
			alias, name = x.Alias, x.Alias
			if x.Alias != x.Name {
				name += " (" + x.Name + ")"
			}
		case *ast.FragmentSpread:
			alias, name = "..."+x.Name, "..."+x.Name
		case *ast.InlineFragment:
			alias, name = "... on "+x.TypeCondition, "... on "+x.TypeCondition
		}
		roots = append(roots, rootCost{alias: alias, name: name, cost: c})
		total = addCost(total, c)
	}
	sort.SliceStable(roots, func(i, j int) bool { return roots[i].cost > roots[j].cost })
	return total, roots
}

// costWalk adds up a selection's cost; fragments are followed (a cycle is validation's).
type costWalk struct {
	s       *Server
	ctx     context.Context
	vars    map[string]any
	doc     *ast.QueryDocument
	seen    map[string]bool
	inSaved bool // walking a saved query's document for runSavedQuery's cost
}

func (w costWalk) set(set ast.SelectionSet) int {
	total := 0
	for _, sel := range set {
		total = addCost(total, w.selection(sel, false))
	}
	return total
}

func (w costWalk) selection(sel ast.Selection, root bool) int {
	switch x := sel.(type) {
	case *ast.Field:
		return w.field(x, root)
	case *ast.InlineFragment:
		if root {
			return w.rootSet(x.SelectionSet)
		}
		return w.set(x.SelectionSet)
	case *ast.FragmentSpread:
		def := x.Definition
		if def == nil && w.doc != nil {
			def = w.doc.Fragments.ForName(x.Name)
		}
		if def == nil || w.seen[x.Name] {
			return 0
		}
		w.seen[x.Name] = true
		defer delete(w.seen, x.Name)
		if root {
			return w.rootSet(def.SelectionSet)
		}
		return w.set(def.SelectionSet)
	}
	return 0
}

func (w costWalk) rootSet(set ast.SelectionSet) int {
	total := 0
	for _, sel := range set {
		total = addCost(total, w.selection(sel, true))
	}
	return total
}

func (w costWalk) field(f *ast.Field, root bool) int {
	if strings.HasPrefix(f.Name, "__") { // introspection: bounded by documentLimits
		return 0
	}
	child := w.set(f.SelectionSet)
	args := f.ArgumentMap(w.vars)
	if root {
		switch f.Name {
		case "accountability":
			hops := boundedInt(args["maxHops"], 4, graph.MaxPathLength)
			return 1 + mulCost(child, LikelyRelated) + AccountabilityHopCost<<hops
		case "paths":
			length := boundedInt(args["maxLength"], 6, graph.MaxPathLength)
			per := PathsHopCost
			if longer, _ := args["longer"].(bool); longer {
				per = LongerPathsHopCost
			}
			return 1 + mulCost(child, boundedInt(args["limit"], 10, graph.MaxPaths)) + per<<length
		case "neighborhood":
			limit := boundedInt(args["limit"], 200, graph.MaxNeighbours)
			depth := boundedInt(args["depth"], 1, graph.MaxDepth)
			return 1 + mulCost(child, limit) + NeighbourCost*limit*depth
		case "search":
			text, _ := args["text"].(string)
			if checkSearchText(text, "") != nil {
				return 1 // refused for its argument, naming it, before anything is asked
			}
			return 1 + mulCost(child, boundedInt(args["first"], 20, graph.MaxFirst)) + searchCost(text)
		case "runSavedQuery":
			return addCost(SavedRunCost, w.savedQueryCost(args))
		}
	}
	if f.Definition == nil {
		return 1 + child
	}
	if f.Definition.Type.Elem == nil {
		if root && f.Definition.Arguments.ForName("first") != nil {
			// a root connection (people, events, ...): a page holds what it asks for
			return 1 + mulCost(child, boundedInt(args["first"], 50, graph.MaxFirst))
		}
		return 1 + child
	}
	return 1 + mulCost(child, likelySize(f, args, root))
}

// likelySize is what a list field is costed as holding: an explicit `first`; else, for a
// relation list, LikelyRelated (or its default first when smaller); citations
// LikelyCitations; a list whose size its root pays for (a page's edges, a report's
// entries) or a list of scalars, 1.
func likelySize(f *ast.Field, args map[string]any, root bool) int {
	if f.Definition.Arguments.ForName("first") != nil {
		first := boundedInt(args["first"], 50, graph.MaxFirst)
		if f.Arguments.ForName("first") != nil || root {
			return first
		}
		return min(first, LikelyRelated)
	}
	switch {
	case f.Name == "citations":
		return LikelyCitations
	case root: // holders, expandStats, timeline: a handful of rows
		return LikelyRelated
	}
	return 1
}

// searchCost grows with the number and length of the words Lucene is asked for.
func searchCost(text string) int {
	cost := 0
	for _, word := range strings.FieldsFunc(text, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
		cost = addCost(cost, SearchWordCost+SearchLetterCost*len([]rune(word)))
	}
	return cost
}

// savedQueryCost is what runSavedQuery's query costs with its variables (its defaults
// filling the rest); a saved query that does not exist costs nothing (the run says so).
func (w costWalk) savedQueryCost(args map[string]any) int {
	if w.inSaved || w.s.DB == nil {
		return 0 // a run inside a run is refused (startSavedRun)
	}
	name, _ := args["name"].(string)
	q, doc := w.s.savedDocuments.get(w.ctx, w.s, name, boundedInt(args["version"], 0, math.MaxInt32))
	if q == nil || len(doc.Operations) != 1 {
		return 0
	}
	vars := map[string]any{}
	for k, v := range q.Defaults {
		vars[k] = v
	}
	given, _ := args["variables"].(map[string]any)
	for k, v := range given {
		vars[k] = v
	}
	inner := costWalk{s: w.s, ctx: w.ctx, vars: vars, doc: doc, seen: map[string]bool{}, inSaved: true}
	return inner.rootSet(doc.Operations[0].SelectionSet)
}

// savedDocuments remembers, for a few seconds, the saved queries runSavedQuery named, parsed,
// so that costing fifty runs of one saved query looks it up once.
type savedDocuments struct {
	mu      sync.Mutex
	entries map[string]savedDocument
}

type savedDocument struct {
	q     *graph.SavedQuery
	doc   *ast.QueryDocument
	until time.Time
}

const savedDocumentTTL = 5 * time.Second

func (c *savedDocuments) get(ctx context.Context, s *Server, name string, version int) (*graph.SavedQuery, *ast.QueryDocument) {
	key := fmt.Sprintf("%s@%d", name, version)
	now := time.Now()
	c.mu.Lock()
	e, ok := c.entries[key]
	c.mu.Unlock()
	if ok && now.Before(e.until) {
		return e.q, e.doc
	}
	q, err := s.DB.SavedQueryVersion(ctx, name, version)
	if err != nil {
		return nil, nil
	}
	doc, errs := gqlparser.LoadQuery(s.schema.Schema(), q.Document)
	if errs != nil {
		return nil, nil
	}
	c.mu.Lock()
	if c.entries == nil || len(c.entries) > 1000 {
		c.entries = map[string]savedDocument{}
	}
	c.entries[key] = savedDocument{q: q, doc: doc, until: now.Add(savedDocumentTTL)}
	c.mu.Unlock()
	return q, doc
}

// boundedInt reads an Int argument, def when absent or not positive, at most max (the
// compiler refuses what is out of range; the cost only must not overflow).
func boundedInt(v any, def, max int) int {
	n := 0
	switch x := v.(type) {
	case int:
		n = x
	case int64:
		n = int(x)
	case float64:
		n = int(x)
	}
	if n <= 0 {
		n = def
	}
	return min(n, max)
}

// addCost and mulCost saturate instead of overflowing.
func addCost(a, b int) int {
	if a > math.MaxInt32-b {
		return math.MaxInt32
	}
	return a + b
}

func mulCost(a, b int) int {
	if b != 0 && a > math.MaxInt32/b {
		return math.MaxInt32
	}
	return a * b
}

// costLimit refuses, before anything runs, an operation that costs more than limit,
// naming its costliest root fields and their costs.
type costLimit struct {
	s     *Server
	limit int
}

var _ interface {
	graphql.HandlerExtension
	graphql.OperationContextMutator
} = costLimit{}

func (costLimit) ExtensionName() string                   { return "CostLimit" }
func (costLimit) Validate(graphql.ExecutableSchema) error { return nil }

func (c costLimit) MutateOperationContext(ctx context.Context, oc *graphql.OperationContext) *gqlerror.Error {
	if oc.Operation == nil {
		return nil
	}
	total, roots := c.s.costOf(ctx, oc.Operation, oc.Doc, oc.Variables)
	if total <= c.limit {
		return nil
	}
	err := gqlerror.Errorf("complexity %d exceeds the limit of %d: %s", total, c.limit, costliest(roots))
	err.Extensions = map[string]any{"code": gqlCode(graph.ECOMPLEXITYLIMIT), "cost": total, "limit": c.limit, "field": roots[0].alias, "fieldCost": roots[0].cost}
	return err
}

// costliest names the costliest root fields, at most three.
func costliest(roots []rootCost) string {
	var parts []string
	for i, r := range roots {
		if i == 3 {
			parts = append(parts, fmt.Sprintf("and %d more", len(roots)-3))
			break
		}
		parts = append(parts, fmt.Sprintf("%s costs %d", r.name, r.cost))
	}
	return strings.Join(parts, ", ")
}
