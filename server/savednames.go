package server

import (
	"context"
	"fmt"
	"strings"
	"unicode"

	"github.com/accgraph/accgraph/graph"
)

// maxCandidates is how many matches a refused name lists.
const maxCandidates = 8

// resolveNames lets an ID variable of a saved query take a name: an id is checked to
// exist, and anything else is searched for among entities of the kind of the variable's
// default (any kind without one). The name stands for the one entity whose name or alias
// it is, or else the one whose name holds all its words, or else the only hit; otherwise
// the run is refused naming the candidates.
func (s *Server) resolveNames(ctx context.Context, q *graph.SavedQuery, vars map[string]any) (map[string]any, error) {
	out := make(map[string]any, len(vars))
	for k, v := range vars {
		out[k] = v
	}
	for _, def := range q.Variables {
		text, ok := vars[def.Name].(string)
		if !ok || strings.Trim(def.Type, "!") != "ID" {
			continue
		}
		id, err := s.resolveName(ctx, def, text)
		if err != nil {
			return nil, err
		}
		out[def.Name] = id
	}
	return out, nil
}

func (s *Server) resolveName(ctx context.Context, def graph.Variable, text string) (string, error) {
	if strings.TrimSpace(text) == "" {
		return "", graph.Errorf(graph.EINVALID, "variable %s is empty: give a name or an id", def.Name)
	}
	if _, isID := graph.KindOfID(text); isID {
		data, err := s.execute(ctx, `query($id: ID!) { entity(id: $id) { id } }`, map[string]any{"id": text})
		if err != nil {
			return "", err
		}
		if len(collect(data, "entity.id")) == 0 {
			return "", graph.Errorf(graph.ENOTFOUND, "variable %s: no entity %q", def.Name, text)
		}
		return text, nil
	}
	vars := map[string]any{"text": text} // search leaves the stop words out itself
	doc := `query($text: String!) { search(text: $text, first: 20) { matched entity { id name } } }`
	kind, _ := graph.KindOfID(fmt.Sprint(def.Default))
	if kind != "" {
		vars["kinds"] = []any{string(kind)}
		doc = `query($text: String!, $kinds: [EntityKind!]) { search(text: $text, kinds: $kinds, first: 20) { matched entity { id name } } }`
	}
	data, err := s.execute(ctx, doc, vars)
	if graph.ErrorCode(err) == graph.EINVALID { // the name is too long to search for
		return "", graph.Errorf(graph.EINVALID, "variable %s: %s", def.Name, graph.ErrorMessage(err))
	}
	if err != nil {
		return "", err
	}
	type hit struct{ id, name, matched string }
	var hits []hit
	for _, h := range collect(data, "search") {
		m, _ := h.(map[string]any)
		e, _ := m["entity"].(map[string]any)
		hits = append(hits, hit{cellText(e["id"]), cellText(e["name"]), cellText(m["matched"])})
	}
	words := nameWords(text)
	for _, rule := range []func(hit) bool{
		func(h hit) bool { return sameWords(nameWords(h.matched), words) || sameWords(nameWords(h.name), words) },
		func(h hit) bool {
			return holdsWords(nameWords(h.name), words) || holdsWords(nameWords(h.matched), words)
		},
		func(hit) bool { return len(hits) == 1 },
	} {
		var chosen []hit
		for _, h := range hits {
			if rule(h) {
				chosen = append(chosen, h)
			}
		}
		if len(chosen) == 1 {
			return chosen[0].id, nil
		}
	}
	if len(hits) == 0 {
		what := "nothing"
		if kind != "" { // "Iran" is a place: no person matches it
			what = "no " + strings.ToLower(strings.ReplaceAll(string(kind), "_", " "))
		}
		return "", graph.Errorf(graph.ENOTFOUND, "variable %s: %s matches %q; give a name or an id", def.Name, what, text)
	}
	var list []string
	for i, h := range hits {
		if i == maxCandidates {
			list = append(list, fmt.Sprintf("and %d more", len(hits)-i))
			break
		}
		list = append(list, fmt.Sprintf("%s (%s)", h.name, h.id))
	}
	return "", graph.Errorf(graph.EINVALID, "variable %s: %q matches %d entities; give the name or id of one: %s", def.Name, text, len(hits), strings.Join(list, ", "))
}

// nameWords splits a name into lowercase words of letters and digits.
func nameWords(s string) []string {
	return strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
}

func sameWords(a, b []string) bool { return len(a) == len(b) && holdsWords(a, b) }

// holdsWords says whether every word of want is among have.
func holdsWords(have, want []string) bool {
	for _, w := range want {
		found := false
		for _, h := range have {
			found = found || h == w
		}
		if !found {
			return false
		}
	}
	return len(want) > 0
}
