package server_test

import (
	"errors"
	"testing"

	"github.com/accgraph/accgraph/graph"
	"github.com/accgraph/accgraph/server"
)

// FuzzSavedQueryVariables types arbitrary query-string values by a saved query's
// variables: each is typed as declared or refused with EINVALID naming the variable.
func FuzzSavedQueryVariables(f *testing.F) {
	q := &graph.SavedQuery{Name: "fuzz", Variables: []graph.Variable{
		{Name: "position", Type: "ID!", Required: true}, {Name: "asOf", Type: "Date"},
		{Name: "first", Type: "Int"}, {Name: "share", Type: "Float"}, {Name: "retracted", Type: "Boolean"},
		{Name: "ids", Type: "[ID!]"}, {Name: "min", Type: "Confidence"},
	}}
	for _, s := range [][2]string{{"first", "10"}, {"first", "ten"}, {"share", "0.5"}, {"retracted", "true"},
		{"ids", "a, b,,c"}, {"nope", "1"}, {"version", "2"}, {"first", "99999999999999999999"}, {"asOf", "1988-13"}} {
		f.Add(s[0], s[1])
	}
	f.Fuzz(func(t *testing.T, name, value string) {
		vars, err := server.SavedQueryVariables(q, map[string][]string{"position": {"position:x"}, name: {value}})
		if err != nil {
			var e *graph.Error
			if !errors.As(err, &e) || e.Code != graph.EINVALID || e.Message == "" {
				t.Fatalf("%s=%q: %v, want EINVALID with a message", name, value, err)
			}
			return
		}
		want := map[string]func(any) bool{
			"first":     func(v any) bool { _, ok := v.(int); return ok },
			"share":     func(v any) bool { _, ok := v.(float64); return ok },
			"retracted": func(v any) bool { _, ok := v.(bool); return ok },
			"ids":       func(v any) bool { _, ok := v.([]any); return ok },
		}
		for k, v := range vars {
			if check, typed := want[k]; typed && !check(v) {
				t.Fatalf("%s=%q became %T", k, value, v)
			}
		}
		if _, ok := vars["position"]; !ok {
			t.Fatal("the required variable went missing")
		}
	})
}
