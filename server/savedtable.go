package server

import (
	"encoding/json"
	"slices"
	"strconv"
	"strings"

	"github.com/accgraph/accgraph/graph"
)

// SavedResult is a saved query's answer as a table: Rows as text (CSV, the terminal) and
// Values typed for JSON (numbers as numbers, booleans as booleans, null for nothing, a
// citations column as a list of citations, a cell holding several values as a list).
type SavedResult struct {
	Name    string
	Version int
	Columns []string
	Rows    [][]string
	Values  [][]any
}

// JSON is the result as /saved/NAME.json and runSavedQuery give it.
func (r *SavedResult) JSON() map[string]any {
	return map[string]any{"name": r.Name, "version": r.Version, "columns": r.Columns, "rows": r.Values}
}

// upPrefix starts a column path that reads an object above the row: "../name" is the name
// of the object one step up the rows path, "../../name" two steps up.
const upPrefix = "../"

// splitUp returns how many steps up a column path climbs and the path below that.
func splitUp(path string) (int, string) {
	n := 0
	for strings.HasPrefix(path, upPrefix) {
		path, n = path[len(upPrefix):], n+1
	}
	return n, path
}

// indexPath is the column path of a row's position in its list, from 1: "#" for the row,
// "../#" for the path a step belongs to.
const indexPath = "#"

// frame is one row before it becomes cells: the object reached at each step of the rows
// path, the root answer first (nil past a list that was empty), and the position of each
// in its list (0 when not in one).
type frame struct {
	objs []any
	idx  []int
}

// rowPaths splits a rows header: several paths, comma-separated, give their rows in turn
// (an entity's own citations, then those of its relationships).
func rowPaths(rows string) []string {
	var out []string
	for _, p := range strings.Split(rows, ",") {
		out = append(out, strings.TrimSpace(p))
	}
	return out
}

// rowFrames follows the rows path through the answer. A list along the way gives a row per
// item; an empty list below the first one still gives its parent a row (its cells below
// blank), so an event nobody is said to be responsible for keeps its line.
func rowFrames(data any, path string) []frame {
	var steps []string
	if path != "" {
		steps = strings.Split(path, ".")
	}
	var out []frame
	var walk func(v any, at frame, i int, inList bool)
	walk = func(v any, at frame, i int, inList bool) {
		if list, ok := v.([]any); ok {
			if len(list) == 0 && inList {
				walk(nil, at, 0, true)
			}
			for n, item := range list {
				walk(item, at, n+1, true)
			}
			return
		}
		at = frame{append(slices.Clip(at.objs), v), append(slices.Clip(at.idx), i)}
		if len(at.objs) == len(steps)+1 {
			if v != nil || inList {
				out = append(out, at)
			}
			return
		}
		var next any
		if m, ok := v.(map[string]any); ok {
			next = m[steps[len(at.objs)-1]]
		}
		if next == nil && !inList {
			return
		}
		walk(next, at, 0, inList)
	}
	walk(data, frame{}, 0, false)
	return out
}

// flatten turns a saved query's answer into its table: a row per item at the rows paths,
// identical rows once.
func flatten(q *graph.SavedQuery, data any) *SavedResult {
	out := &SavedResult{Name: q.Name, Version: q.Version, Rows: [][]string{}, Values: [][]any{}}
	for _, c := range q.Columns {
		out.Columns = append(out.Columns, c.Name)
	}
	seen := map[string]bool{}
	var frames []frame
	for _, p := range rowPaths(q.Rows) {
		frames = append(frames, rowFrames(data, p)...)
	}
	for _, f := range frames {
		texts := make([]string, len(q.Columns))
		values := make([]any, len(q.Columns))
		for i, c := range q.Columns {
			var found []any
			for _, p := range columnPaths(c.Path) {
				found = append(found, f.find(p)...)
			}
			texts[i], values[i] = cell(found, c.Citations)
			if values[i] == nil && c.Empty != "" {
				texts[i], values[i] = c.Empty, c.Empty
			}
		}
		key, _ := json.Marshal(texts)
		if seen[string(key)] {
			continue
		}
		seen[string(key)] = true
		out.Rows = append(out.Rows, texts)
		out.Values = append(out.Values, values)
	}
	return out
}

// columnPaths splits a column's path: several, comma-separated, give the values found at
// each in turn (a statement's confidence or a citation's, whichever the row has).
func columnPaths(path string) []string { return rowPaths(path) }

// find is every value at a column path (../ climbing up the rows path, # the position).
func (f frame) find(path string) []any {
	up, path := splitUp(path)
	switch at := len(f.objs) - 1 - up; {
	case at < 0:
		return nil
	case path == indexPath:
		if f.idx[at] > 0 && f.objs[at] != nil {
			return []any{float64(f.idx[at])}
		}
		return nil
	default:
		return collect(f.objs[at], path)
	}
}

// cell renders the values found for a column as text and as a typed value.
func cell(found []any, citations bool) (string, any) {
	if citations {
		list := []any{}
		var parts []string
		for _, v := range found {
			t := citationText(v)
			if !slices.Contains(parts, t) {
				parts = append(parts, t)
				list = append(list, t)
			}
		}
		return strings.Join(parts, " | "), list
	}
	var parts []string
	var typed []any
	for _, v := range found {
		if t := cellText(v); t != "" && !slices.Contains(parts, t) {
			parts = append(parts, t)
			typed = append(typed, v)
		}
	}
	switch len(typed) {
	case 0:
		return "", nil
	case 1:
		return parts[0], typed[0]
	}
	return strings.Join(parts, "; "), typed
}

// collect follows a dot path through a decoded JSON value; lists along the way are
// flattened, so the result is every value found at the path.
func collect(v any, path string) []any {
	if list, ok := v.([]any); ok {
		var out []any
		for _, item := range list {
			out = append(out, collect(item, path)...)
		}
		return out
	}
	if v == nil {
		return nil
	}
	if path == "" {
		return []any{v}
	}
	head, rest, _ := strings.Cut(path, ".")
	m, ok := v.(map[string]any)
	if !ok {
		return nil
	}
	return collect(m[head], rest)
}

func cellText(v any) string {
	switch x := v.(type) {
	case nil:
		return ""
	case string:
		return x
	case float64:
		return strconv.FormatFloat(x, 'f', -1, 64)
	case bool:
		return strconv.FormatBool(x)
	}
	b, _ := json.Marshal(v)
	return string(b)
}

// citationText renders a citation for a table cell: “quote” — who (source, confidence),
// "disputes it" for a citation with stance DISPUTES, and that the quote was not checked when
// the query asked `checked` and it was not.
func citationText(v any) string {
	m, _ := v.(map[string]any)
	text := ""
	if q := cellText(m["quote"]); q != "" {
		text = "“" + q + "”"
	}
	var about []string
	for _, p := range []string{"claimedBy.name", "source.title", "confidence"} {
		for _, x := range collect(m, p) {
			if t := cellText(x); t != "" {
				about = append(about, t)
			}
		}
	}
	if m["stance"] == string(graph.Disputes) {
		about = append(about, "disputes it")
	}
	if m["checked"] == false {
		about = append(about, notChecked)
	}
	if len(about) > 0 {
		text += " — " + strings.Join(about, ", ")
	}
	return text
}

// notChecked marks a citation whose quote accgraph could not check: it holds no text of
// the source.
const notChecked = "not checked against the document"
