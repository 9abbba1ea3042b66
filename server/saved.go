package server

import (
	"context"
	"fmt"
	"strings"

	"github.com/vektah/gqlparser/v2"
	"github.com/vektah/gqlparser/v2/ast"

	"github.com/accgraph/accgraph/graph"
	"github.com/accgraph/accgraph/schema"
)

// ValidateSavedQuery checks a saved query before it is stored: its document parses and
// validates against the live schema, holds exactly one query operation, stays under the
// complexity limit with its default variables, selects no field that reads or runs saved
// queries, and its rows paths and the column paths under each (../ climbing up them) exist
// in the selection. It fills in the variables and their defaults from the operation. Each
// failure is EINVALID naming the line and column.
func (s *Server) ValidateSavedQuery(ctx context.Context, q *graph.SavedQuery) error {
	s.setup()
	bad := func(pos *ast.Position, format string, args ...any) error {
		where := ""
		if pos != nil {
			where = fmt.Sprintf("line %d, column %d: ", pos.Line, pos.Column)
		}
		return graph.Errorf(graph.EINVALID, "saved query %s: %s%s", q.Name, where, fmt.Sprintf(format, args...))
	}
	doc, errs := gqlparser.LoadQueryWithRules(s.schema.Schema(), q.Document, nil)
	if len(errs) > 0 {
		e := errs[0]
		var pos *ast.Position
		if len(e.Locations) > 0 {
			pos = &ast.Position{Line: e.Locations[0].Line, Column: e.Locations[0].Column}
		}
		return bad(pos, "%s", e.Message)
	}
	if len(doc.Operations) != 1 {
		return bad(nil, "the document must hold exactly one operation, not %d", len(doc.Operations))
	}
	op := doc.Operations[0]
	if op.Operation != ast.Query {
		return bad(op.Position, "a saved query runs a query, not a %s", op.Operation)
	}
	if f := savedQueryField(op.SelectionSet, map[string]bool{}); f != nil {
		return bad(f.Position, "a saved query cannot select %s: saved queries may not run or read saved queries", f.Name)
	}
	q.Variables, q.Defaults = nil, map[string]any{}
	for _, v := range op.VariableDefinitions {
		variable := graph.Variable{Name: v.Variable, Type: v.Type.String(), Required: v.Type.NonNull && v.DefaultValue == nil}
		if v.DefaultValue != nil {
			def, err := v.DefaultValue.Value(nil)
			if err != nil {
				return bad(v.Position, "default of $%s: %v", v.Variable, err)
			}
			variable.Default, q.Defaults[v.Variable] = def, def
		}
		q.Variables = append(q.Variables, variable)
	}
	// the cost with the defaults; a required variable has none and costs as absent
	limit := orDefault(s.MaxComplexity, DefaultMaxComplexity)
	if cost, roots := s.costOf(ctx, op, doc, q.Defaults); cost > limit {
		return bad(op.Position, "complexity %d with the default variables exceeds the limit of %d: %s", cost, limit, costliest(roots))
	}
	for _, rows := range rowPaths(q.Rows) {
		if err := checkColumns(op.SelectionSet, rows, q.Columns); err != "" {
			return bad(op.Position, "%s", err)
		}
	}
	return nil
}

// checkColumns says what is wrong with a rows path and the column paths under it, or "".
func checkColumns(set ast.SelectionSet, rows string, columns []graph.Column) string {
	if _, ok := findPath(set, rows); !ok {
		return fmt.Sprintf("rows path %q is not in the selection", rows)
	}
	var steps []string
	if rows != "" {
		steps = strings.Split(rows, ".")
	}
	for _, c := range columns {
		for _, p := range columnPaths(c.Path) {
			up, path := splitUp(p)
			if up > len(steps) {
				return fmt.Sprintf("column %q: path %q climbs %d steps above the rows path %q, which has %d", c.Name, p, up, rows, len(steps))
			}
			above := strings.Join(steps[:len(steps)-up], ".")
			under, _ := findPath(set, above)
			if _, ok := findPath(under, path); !ok && path != indexPath {
				return fmt.Sprintf("column %q: path %q is not in the selection under %q", c.Name, path, above)
			}
		}
	}
	return ""
}

// findPath follows a dot path of field aliases through a selection set (fragments
// included) and returns the selection set it reaches.
func findPath(set ast.SelectionSet, path string) (ast.SelectionSet, bool) {
	if path == "" {
		return set, true
	}
	head, rest, _ := strings.Cut(path, ".")
	for _, sel := range set {
		var sub ast.SelectionSet
		switch s := sel.(type) {
		case *ast.Field:
			if s.Alias != head {
				continue
			}
			sub = s.SelectionSet
			if rest == "" {
				return sub, true
			}
		case *ast.InlineFragment:
			sub, rest = s.SelectionSet, path
		case *ast.FragmentSpread:
			if s.Definition == nil {
				continue
			}
			sub, rest = s.Definition.SelectionSet, path
		}
		if found, ok := findPath(sub, rest); ok {
			return found, true
		}
	}
	return nil, false
}

// runSavedQueryJSON is runSavedQuery for GraphQL: the table as a JSON object.
func (s *Server) runSavedQueryJSON(ctx context.Context, name string, vars map[string]any, version int) (map[string]any, error) {
	q, err := s.DB.SavedQueryVersion(ctx, name, version)
	if err != nil {
		return nil, err
	}
	for _, v := range q.Variables {
		if _, given := vars[v.Name]; !given && v.Required {
			return nil, graph.Errorf(graph.EINVALID, "missing required variable %s (%s)", v.Name, v.Type)
		}
	}
	res, err := s.RunSavedQuery(ctx, q, vars)
	if err != nil {
		return nil, err
	}
	return res.JSON(), nil
}

func deref[T any](p *T) T {
	var zero T
	if p == nil {
		return zero
	}
	return *p
}

// saveQuery is the saveQuery mutation: editors validate and store a saved query.
func (s *Server) saveQuery(ctx context.Context, in schema.SavedQueryInput) (*graph.SavedQuery, error) {
	if err := requireRole(ctx, graph.RoleEditor); err != nil {
		return nil, err
	}
	q := &graph.SavedQuery{Name: in.Name, Title: in.Title, Description: deref(in.Description), Document: in.Document,
		Tags: in.Tags, Rows: in.Rows, CreatedBy: identity(ctx).Name}
	for _, c := range in.Columns {
		q.Columns = append(q.Columns, graph.Column{Name: c.Name, Path: c.Path, Citations: deref(c.Citations), Empty: deref(c.Empty)})
	}
	if err := s.ValidateSavedQuery(ctx, q); err != nil {
		return nil, err
	}
	version, err := s.DB.SaveQuery(ctx, q)
	if err != nil {
		return nil, err
	}
	return s.DB.SavedQueryVersion(ctx, q.Name, version)
}

// deleteSavedQuery is the deleteSavedQuery mutation: editors hide a saved query.
func (s *Server) deleteSavedQuery(ctx context.Context, name string) (bool, error) {
	if err := requireRole(ctx, graph.RoleEditor); err != nil {
		return false, err
	}
	if err := s.DB.DeleteSavedQuery(ctx, name); err != nil {
		return false, err
	}
	return true, nil
}
