package server

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"sort"
	"strconv"
	"strings"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"

	"github.com/accgraph/accgraph/csvout"
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
		up, path := splitUp(c.Path)
		if up > len(steps) {
			return fmt.Sprintf("column %q: path %q climbs %d steps above the rows path %q, which has %d", c.Name, c.Path, up, rows, len(steps))
		}
		above := strings.Join(steps[:len(steps)-up], ".")
		under, _ := findPath(set, above)
		if _, ok := findPath(under, path); !ok && path != indexPath {
			return fmt.Sprintf("column %q: path %q is not in the selection under %q", c.Name, path, above)
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

// RunSavedQuery runs a saved query with vars (its defaults fill the rest; an ID variable
// may be given a name) through the same executor, limits and one-statement read as
// /graphql, and flattens the answer.
func (s *Server) RunSavedQuery(ctx context.Context, q *graph.SavedQuery, vars map[string]any) (*SavedResult, error) {
	data, err := s.SavedQueryData(ctx, q, vars)
	s.Metrics.SavedQueryRun(q.Name, outcome(err))
	if err != nil {
		return nil, err
	}
	return flatten(q, data), nil
}

// SavedQueryData runs a saved query and returns its answer's data, decoded from JSON.
func (s *Server) SavedQueryData(ctx context.Context, q *graph.SavedQuery, vars map[string]any) (any, error) {
	s.setup()
	ctx, err := startSavedRun(ctx, q.Name)
	if err != nil {
		return nil, err
	}
	if vars, err = s.resolveNames(ctx, q, vars); err != nil {
		return nil, err
	}
	data, err := s.execute(ctx, q.Document, vars)
	if err != nil && graph.ErrorCode(err) == graph.EINTERNAL {
		return nil, fmt.Errorf("saved query %s: %w", q.Name, err)
	}
	return data, err
}

// execute runs a query document through the executor and decodes its data.
func (s *Server) execute(ctx context.Context, doc string, vars map[string]any) (any, error) {
	s.setup()
	params := &graphql.RawParams{Query: doc, Variables: vars}
	ctx = graphql.StartOperationTrace(ctx)
	rc, errs := s.exec.CreateOperationContext(ctx, params)
	if len(errs) > 0 {
		return nil, graphErr(errs[0])
	}
	handler, ctx := s.exec.DispatchOperation(ctx, rc)
	resp := handler(ctx)
	if len(resp.Errors) > 0 {
		return nil, graphErr(resp.Errors[0])
	}
	var data any
	if err := json.Unmarshal(resp.Data, &data); err != nil {
		return nil, &graph.Error{Code: graph.EINTERNAL, Err: err}
	}
	return data, nil
}

// graphErr turns an executor error into the error it reports: a resolver's error (its
// *graph.Error, or an internal one) unwrapped from the presented one, else a parse,
// validation or limit error of the document, which is the caller's (EINVALID, with its path).
func graphErr(e *gqlerror.Error) error {
	var ge *graph.Error
	switch {
	case errors.As(e, &ge) && ge.Code != graph.EINVALID:
		return e
	case ge == nil && e.Err != nil:
		return &graph.Error{Code: graph.EINTERNAL, Err: e}
	}
	msg := e.Message
	if len(e.Path) > 0 {
		msg = e.Path.String() + ": " + msg
	}
	return &graph.Error{Code: graph.EINVALID, Message: msg, Err: e}
}

// handleSavedList answers GET /saved: the saved queries, their variables and URLs.
func (s *Server) handleSavedList(w http.ResponseWriter, r *http.Request) {
	list, err := s.DB.SavedQueries(r.Context(), r.URL.Query().Get("tag"))
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	out := make([]map[string]any, 0, len(list))
	for _, q := range list {
		out = append(out, map[string]any{"name": q.Name, "version": q.Version, "title": q.Title,
			"description": q.Description, "tags": q.Tags, "variables": q.Variables,
			"url": savedURL(q.Name, ""), "json": savedURL(q.Name, ".json"), "csv": savedURL(q.Name, ".csv")})
	}
	writeJSON(w, http.StatusOK, out)
}

func savedURL(name, suffix string) string { return "/saved/" + name + suffix }

// handleSavedRun answers GET /saved/{name}[.json|.csv]?var=value&version=N&bom=0: the
// table as JSON (typed values) or as RFC 4180 CSV (UTF-8 with a byte-order mark unless
// bom=0, so that Excel reads it as UTF-8; a header row; one physical line per record;
// formulas neutralised).
func (s *Server) handleSavedRun(w http.ResponseWriter, r *http.Request) {
	name, asCSV := strings.CutSuffix(r.PathValue("name"), ".csv")
	if !asCSV {
		name = strings.TrimSuffix(name, ".json")
	}
	query := r.URL.Query()
	version := 0
	if v := query.Get("version"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 {
			s.writeError(w, r, graph.Errorf(graph.EINVALID, "version must be a positive integer, got %q", v))
			return
		}
		version = n
	}
	q, err := s.DB.SavedQueryVersion(r.Context(), name, version)
	if err != nil {
		if graph.ErrorCode(err) == graph.ENOTFOUND {
			writeJSON(w, http.StatusNotFound, map[string]string{"error": graph.ErrorMessage(err), "code": gqlCode(graph.ENOTFOUND), "list": "/saved"})
			return
		}
		s.writeError(w, r, err)
		return
	}
	bom := true
	if b := query.Get("bom"); b != "" {
		if bom, err = strconv.ParseBool(b); err != nil {
			s.writeError(w, r, graph.Errorf(graph.EINVALID, "bom must be 1 or 0, got %q", b))
			return
		}
	}
	query.Del("bom")
	vars, err := SavedQueryVariables(q, query)
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	res, err := s.RunSavedQuery(r.Context(), q, vars)
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	if !asCSV {
		writeJSON(w, http.StatusOK, res.JSON())
		return
	}
	w.Header().Set("Content-Type", "text/csv; charset=utf-8")
	w.Header().Set("Content-Disposition", fmt.Sprintf(`attachment; filename="%s.csv"`, q.Name))
	if bom {
		_, _ = io.WriteString(w, utf8BOM)
	}
	cw := csvout.NewWriter(w)
	_ = cw.Write(res.Columns)
	_ = cw.WriteAll(oneLine(res.Rows))
}

// utf8BOM starts a CSV so that Excel reads it as UTF-8 (“ ” ’ and Persian intact);
// other readers take it as the encoding's signature.
const utf8BOM = "\uFEFF"

// oneLine puts each record on one physical line: a line break inside a cell (a
// statement's paragraphs) becomes a space.
func oneLine(rows [][]string) [][]string {
	out := make([][]string, len(rows))
	for i, r := range rows {
		out[i] = make([]string, len(r))
		for j, c := range r {
			if strings.ContainsAny(c, "\r\n") {
				c = strings.Join(strings.Fields(c), " ")
			}
			out[i][j] = c
		}
	}
	return out
}

// SavedQueryVariables types string values (a query string, a command line) by the saved
// query's variables: a missing required variable, a wrong type or an unknown name is
// EINVALID naming it. "version" is not a variable: it picks the version.
func SavedQueryVariables(q *graph.SavedQuery, query map[string][]string) (map[string]any, error) {
	byName := map[string]graph.Variable{}
	for _, v := range q.Variables {
		byName[v.Name] = v
	}
	vars := map[string]any{}
	names := make([]string, 0, len(query))
	for k := range query {
		names = append(names, k)
	}
	sort.Strings(names)
	for _, k := range names {
		if k == "version" {
			continue
		}
		def, ok := byName[k]
		if !ok {
			return nil, graph.Errorf(graph.EINVALID, "unknown variable %q: %s takes %s", k, q.Name, variableList(q))
		}
		raw := query[k][0]
		base := strings.Trim(def.Type, "[]!")
		var v any = raw
		switch {
		case strings.HasPrefix(def.Type, "["):
			var list []any
			for _, item := range strings.Split(raw, ",") {
				list = append(list, strings.TrimSpace(item))
			}
			v = list
		case base == "Int":
			n, err := strconv.Atoi(raw)
			if err != nil {
				return nil, graph.Errorf(graph.EINVALID, "variable %s: want an Int, got %q", k, raw)
			}
			v = n
		case base == "Float":
			f, err := strconv.ParseFloat(raw, 64)
			if err != nil {
				return nil, graph.Errorf(graph.EINVALID, "variable %s: want a Float, got %q", k, raw)
			}
			v = f
		case base == "Boolean":
			b, err := strconv.ParseBool(raw)
			if err != nil {
				return nil, graph.Errorf(graph.EINVALID, "variable %s: want a Boolean, got %q", k, raw)
			}
			v = b
		}
		vars[k] = v
	}
	for _, v := range q.Variables {
		if _, given := vars[v.Name]; !given && v.Required {
			return nil, graph.Errorf(graph.EINVALID, "missing required variable %s (%s)", v.Name, v.Type)
		}
	}
	return vars, nil
}

func variableList(q *graph.SavedQuery) string {
	if len(q.Variables) == 0 {
		return "no variables"
	}
	var names []string
	for _, v := range q.Variables {
		names = append(names, v.Name+" ("+v.Type+")")
	}
	return strings.Join(names, ", ")
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
