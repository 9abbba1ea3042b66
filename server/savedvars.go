package server

import (
	"sort"
	"strconv"
	"strings"

	"github.com/accgraph/accgraph/graph"
)

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
