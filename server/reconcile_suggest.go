package server

import (
	"html/template"
	"net/http"
	"strconv"
	"strings"

	"github.com/accgraph/accgraph/graph"
)

// Suggest (entities as they are typed, types, properties) and preview (an HTML card
// OpenRefine shows in a frame) for the reconciliation API.

// maxSuggest caps the suggestions one request gets.
const maxSuggest = 25

type suggestion struct {
	ID          string          `json:"id"`
	Name        string          `json:"name"`
	Description string          `json:"description,omitempty"`
	Notable     []reconcileType `json:"notable,omitempty"`
}

// handleSuggestEntity is GET /reconcile/suggest/entity?prefix=Rai[&type=PERSON][&limit=N]:
// the entities whose names or aliases start with every word typed.
func (s *Server) handleSuggestEntity(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	prefix := q.Get("prefix")
	if len(prefix) > graph.MaxMatchValueBytes {
		s.writeError(w, r, graph.Errorf(graph.EINVALID, "prefix is %d bytes, at most %d are accepted", len(prefix), graph.MaxMatchValueBytes))
		return
	}
	limit, err := suggestLimit(q.Get("limit"))
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	var kinds []graph.EntityKind
	if t := q.Get("type"); t != "" {
		if kinds, err = kindsOf(t); err != nil {
			s.writeError(w, r, graph.Errorf(graph.EINVALID, "type: %v", err))
			return
		}
	}
	cards, err := s.DB.Suggest(r.Context(), prefix, kinds, limit)
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	result := make([]suggestion, len(cards))
	for i, c := range cards {
		result[i] = suggestion{ID: c.ID, Name: c.Name, Description: c.Description, Notable: []reconcileType{kindType(c.Kind)}}
	}
	s.writeJSONP(w, r, map[string]any{"prefix": prefix, "result": result})
}

func suggestLimit(v string) (int, error) {
	if v == "" {
		return 10, nil
	}
	n, err := strconv.Atoi(v)
	if err != nil || n < 1 || n > maxSuggest {
		return 0, graph.Errorf(graph.EINVALID, "limit %.60q is out of range: want 1 to %d", v, maxSuggest)
	}
	return n, nil
}

// handleSuggestType is GET /reconcile/suggest/type?prefix=pe: the kinds whose id or name
// starts with the prefix.
func (s *Server) handleSuggestType(w http.ResponseWriter, r *http.Request) {
	prefix := strings.ToLower(r.URL.Query().Get("prefix"))
	result := []suggestion{}
	for _, k := range graph.EntityKinds {
		if strings.HasPrefix(strings.ToLower(string(k)), prefix) {
			t := kindType(k)
			result = append(result, suggestion{ID: t.ID, Name: t.Name})
		}
	}
	s.writeJSONP(w, r, map[string]any{"prefix": r.URL.Query().Get("prefix"), "result": result})
}

// handleSuggestProperty is GET /reconcile/suggest/property?prefix=bi: the properties a
// query may compare (birthDate, country, ...) and those data extension adds.
func (s *Server) handleSuggestProperty(w http.ResponseWriter, r *http.Request) {
	prefix := strings.ToLower(r.URL.Query().Get("prefix"))
	result := []suggestion{}
	seen := map[string]bool{}
	add := func(id, name, description string) {
		if !seen[id] && (strings.HasPrefix(strings.ToLower(id), prefix) || strings.HasPrefix(strings.ToLower(name), prefix)) {
			seen[id] = true
			result = append(result, suggestion{ID: id, Name: name, Description: description})
		}
	}
	for _, id := range sortedKeys(matchProperties) {
		add(id, id, "compared when reconciling: "+matchProperties[id])
	}
	for _, p := range extendProperties {
		add(p.ID, p.Name, "added by data extension")
	}
	s.writeJSONP(w, r, map[string]any{"prefix": r.URL.Query().Get("prefix"), "result": result})
}

// previewPolicy lets the preview be framed by any page (OpenRefine's) while it loads
// nothing, runs nothing and submits nothing.
const previewPolicy = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'"

var previewPage = template.Must(template.New("preview").Parse(`<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{{.Name}}</title>
<style>body{font:13px/1.4 system-ui,sans-serif;margin:8px;color:#222}h1{font-size:15px;margin:0 0 4px}
.kind{color:#666;font-size:11px;text-transform:uppercase}dt{font-weight:600;margin-top:6px}dd{margin:0}</style></head>
<body><h1>{{.Name}}</h1><div class="kind">{{.Kind}}{{with .Subkind}} · {{.}}{{end}} · {{.ID}}</div>
{{with .Description}}<p>{{.}}</p>{{end}}<dl>
{{with .Aliases}}<dt>Also known as</dt><dd>{{range $i, $a := .}}{{if $i}}; {{end}}{{$a}}{{end}}</dd>{{end}}
{{with .Positions}}<dt>Posts</dt><dd>{{range $i, $a := .}}{{if $i}}; {{end}}{{$a}}{{end}}</dd>{{end}}
{{with .Organizations}}<dt>Organizations</dt><dd>{{range $i, $a := .}}{{if $i}}; {{end}}{{$a}}{{end}}</dd>{{end}}
{{with .Countries}}<dt>Countries</dt><dd>{{range $i, $a := .}}{{if $i}}, {{end}}{{$a}}{{end}}</dd>{{end}}
</dl></body></html>
`))

// handlePreview is GET /reconcile/preview?id=...: an HTML card of the entity, every value
// escaped, under a policy that lets it load and run nothing.
func (s *Server) handlePreview(w http.ResponseWriter, r *http.Request) {
	id := r.URL.Query().Get("id")
	if id == "" || len(id) > graph.MaxMatchValueBytes {
		s.writeError(w, r, graph.Errorf(graph.EINVALID, "id: give the id of one entity (at most %d bytes)", graph.MaxMatchValueBytes))
		return
	}
	cards, err := s.DB.Cards(r.Context(), []string{id})
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	card, ok := cards[id]
	if !ok {
		s.writeError(w, r, graph.Errorf(graph.ENOTFOUND, "no entity %.60q", id))
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Content-Security-Policy", previewPolicy)
	w.Header().Del("X-Frame-Options") // OpenRefine shows the preview in a frame of its page
	w.Header().Set("X-Content-Type-Options", "nosniff")
	if err := previewPage.Execute(w, card); err != nil {
		s.Logger.ErrorContext(r.Context(), "preview failed", "id", id, "err", err)
	}
}
