package server

import (
	"context"
	"strings"

	"github.com/99designs/gqlgen/graphql"
	"github.com/99designs/gqlgen/graphql/handler/lru"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"
	"github.com/vektah/gqlparser/v2/parser"

	"github.com/accgraph/accgraph/graph"
)

// Limits on a request's size and shape checked before gqlgen parses and validates it:
// validation compares fields pairwise and expands fragments, so a document of ten
// thousand fields, or fragments that spread each other twice over thirty levels, would
// hold a CPU for seconds or forever before any other limit is looked at.
const (
	MaxTokens          = 20_000 // lexical tokens of a query document
	MaxSelections      = 500    // fields and fragment spreads, counted as fragments expand
	MaxInputDepth      = 32     // nesting of an argument or variable value (filters nest AND/OR/NOT)
	MaxIntrospection   = 5      // __schema and __type fields of one operation
	MaxIntrospectDepth = 20     // depth under __schema/__type; GraphiQL's query needs 14
)

// documentLimits refuses, before parsing for execution, a document over MaxTokens,
// MaxSelections or the introspection limits, and values nested over MaxInputDepth. The
// documents it accepted are remembered by their text (as gqlgen's query cache remembers
// their parse), so a document asked again is not parsed again only to be counted.
type documentLimits struct {
	accepted *lru.LRU[struct{}]
}

func newDocumentLimits() documentLimits {
	return documentLimits{accepted: lru.New[struct{}](1000)}
}

var _ interface {
	graphql.HandlerExtension
	graphql.OperationParameterMutator
} = newDocumentLimits()

func (documentLimits) ExtensionName() string                   { return "DocumentLimits" }
func (documentLimits) Validate(graphql.ExecutableSchema) error { return nil }

func (l documentLimits) MutateOperationParameters(ctx context.Context, p *graphql.RawParams) *gqlerror.Error {
	for name, v := range p.Variables {
		if depth(v, 0) > MaxInputDepth {
			return gqlError(graph.EINPUTDEPTHLIMIT, "variable $%s is nested more than %d levels deep", name, MaxInputDepth)
		}
	}
	if _, ok := l.accepted.Get(ctx, p.Query); ok {
		return nil
	}
	if err := l.check(p.Query); err != nil {
		return err
	}
	l.accepted.Add(ctx, p.Query, struct{}{})
	return nil
}

// check applies the limits on the document's text and shape.
func (documentLimits) check(query string) *gqlerror.Error {
	doc, err := parser.ParseQueryWithTokenLimit(&ast.Source{Input: query}, MaxTokens)
	if err != nil {
		if strings.Contains(err.Error(), "token limit") {
			return gqlError(graph.EQUERYTOOLARGE, "the query has more than %d tokens", MaxTokens)
		}
		return nil // gqlgen reports the syntax error with its position
	}
	w := shapeWalk{doc: doc, visiting: map[string]bool{}}
	for _, op := range doc.Operations {
		w.walk(op.SelectionSet, 0)
	}
	switch {
	case w.selections > MaxSelections:
		return gqlError(graph.EFIELDLIMIT, "the query selects more than %d fields (fragments counted as they expand)", MaxSelections)
	case w.introspection > MaxIntrospection:
		return gqlError(graph.EINTROSPECTIONLIMIT, "%d introspection fields (__schema, __type) exceed the limit of %d", w.introspection, MaxIntrospection)
	case w.introspectDepth > MaxIntrospectDepth:
		return gqlError(graph.EDEPTHLIMIT, "introspection %d levels deep exceeds the limit of %d", w.introspectDepth, MaxIntrospectDepth)
	case w.inputDepth > MaxInputDepth:
		return gqlError(graph.EINPUTDEPTHLIMIT, "an argument is nested more than %d levels deep", MaxInputDepth)
	}
	return nil
}

// shapeWalk counts selections as fragments expand, and stops counting past
// MaxSelections, so that its own work is bounded whatever the document.
type shapeWalk struct {
	doc                         *ast.QueryDocument
	visiting                    map[string]bool
	selections, introspection   int
	introspectDepth, inputDepth int
}

// walk visits set; introDepth is the depth under an introspection field (0: outside).
func (w *shapeWalk) walk(set ast.SelectionSet, introDepth int) {
	for _, sel := range set {
		if w.selections++; w.selections > MaxSelections {
			return
		}
		switch s := sel.(type) {
		case *ast.Field:
			for _, a := range s.Arguments {
				w.inputDepth = max(w.inputDepth, valueDepth(a.Value))
			}
			d := introDepth
			switch {
			case s.Name == "__schema" || s.Name == "__type":
				w.introspection++
				d = 1
			case introDepth > 0:
				d++
			}
			w.introspectDepth = max(w.introspectDepth, d)
			w.walk(s.SelectionSet, d)
		case *ast.InlineFragment:
			w.walk(s.SelectionSet, introDepth)
		case *ast.FragmentSpread:
			f := w.doc.Fragments.ForName(s.Name)
			if f == nil || w.visiting[s.Name] { // unknown or a cycle: validation names it
				continue
			}
			w.visiting[s.Name] = true
			w.walk(f.SelectionSet, introDepth)
			delete(w.visiting, s.Name)
		}
	}
}

// valueDepth is how deep an argument literal nests objects and lists, counted up to
// MaxInputDepth + 1.
func valueDepth(v *ast.Value) int {
	if v == nil {
		return 0
	}
	d := 0
	for _, c := range v.Children {
		if d = max(d, valueDepth(c.Value)); d > MaxInputDepth {
			break
		}
	}
	if len(v.Children) > 0 || v.Kind == ast.ObjectValue || v.Kind == ast.ListValue {
		d++
	}
	return d
}

// depth is how deep a decoded JSON value nests objects and lists, counted up to
// MaxInputDepth + 1.
func depth(v any, at int) int {
	if at > MaxInputDepth {
		return at
	}
	deepest := at
	switch x := v.(type) {
	case map[string]any:
		for _, c := range x {
			deepest = max(deepest, depth(c, at+1))
		}
	case []any:
		for _, c := range x {
			deepest = max(deepest, depth(c, at+1))
		}
	}
	return deepest
}
