package server

import (
	"encoding/json"
	"errors"
	"mime"
	"net/http"
	"strconv"
	"strings"
	"unicode"

	"github.com/accgraph/accgraph/graph"
)

// The W3C Reconciliation Service API (versions 0.1 and 0.2, the ones OpenRefine 3
// speaks): GET /reconcile is the manifest, POST /reconcile answers a batch of queries
// (or, with `extend`, a data extension; see reconcile_extend.go).

// reconcileRoutes adds the reconciliation and match routes to mux.
func (s *Server) reconcileRoutes(mux *http.ServeMux) {
	mux.HandleFunc("GET /reconcile", s.handleReconcile)
	mux.HandleFunc("POST /reconcile", s.handleReconcilePost)
	mux.HandleFunc("GET /reconcile/suggest/entity", s.handleSuggestEntity)
	mux.HandleFunc("GET /reconcile/suggest/type", s.handleSuggestType)
	mux.HandleFunc("GET /reconcile/suggest/property", s.handleSuggestProperty)
	mux.HandleFunc("GET /reconcile/preview", s.handlePreview)
	mux.HandleFunc("GET /reconcile/extend/propose", s.handleExtendPropose)
	mux.HandleFunc("POST /match/{dataset}", s.handleMatch)
}

// defaultReconcileLimit is how many candidates a query gets when it does not say.
const defaultReconcileLimit = 5

// reconcileType is a type of the manifest and of candidates: an entity kind.
type reconcileType struct {
	ID   string `json:"id"`
	Name string `json:"name"`
}

func kindType(k graph.EntityKind) reconcileType {
	name := strings.ToLower(string(k))
	return reconcileType{ID: string(k), Name: string(unicode.ToUpper(rune(name[0]))) + name[1:]}
}

type serviceDef struct {
	ServiceURL  string `json:"service_url"`
	ServicePath string `json:"service_path"`
}

type reconcileManifest struct {
	Versions        []string        `json:"versions"`
	Name            string          `json:"name"`
	IdentifierSpace string          `json:"identifierSpace"`
	SchemaSpace     string          `json:"schemaSpace"`
	DefaultTypes    []reconcileType `json:"defaultTypes"`
	View            struct {
		URL string `json:"url"`
	} `json:"view"`
	Preview struct {
		URL    string `json:"url"`
		Width  int    `json:"width"`
		Height int    `json:"height"`
	} `json:"preview"`
	Suggest struct {
		Entity   serviceDef `json:"entity"`
		Type     serviceDef `json:"type"`
		Property serviceDef `json:"property"`
	} `json:"suggest"`
	Extend struct {
		ProposeProperties serviceDef `json:"propose_properties"`
	} `json:"extend"`
	BatchSize int `json:"batchSize"` // read by OpenRefine: queries per request it sends
}

// handleReconcile is GET /reconcile: the manifest, or, with `queries` or `extend` in the
// URL, their answers as for POST.
func (s *Server) handleReconcile(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	switch {
	case q.Get("queries") != "":
		s.answerQueries(w, r, []byte(q.Get("queries")), "the queries parameter")
	case q.Get("extend") != "":
		s.answerExtend(w, r, []byte(q.Get("extend")))
	default:
		s.writeJSONP(w, r, manifest(baseURL(r)))
	}
}

func manifest(base string) reconcileManifest {
	m := reconcileManifest{
		Versions:        []string{"0.1", "0.2"},
		Name:            "accgraph: officials, institutions and events, every fact cited",
		IdentifierSpace: base + "/explore?ids=",
		SchemaSpace:     base + "/graphql#EntityKind",
		BatchSize:       10,
	}
	for _, k := range graph.EntityKinds {
		m.DefaultTypes = append(m.DefaultTypes, kindType(k))
	}
	m.View.URL = base + "/explore?ids={{id}}&selected={{id}}"
	m.Preview.URL, m.Preview.Width, m.Preview.Height = base+"/reconcile/preview?id={{id}}", 420, 220
	m.Suggest.Entity = serviceDef{base, "/reconcile/suggest/entity"}
	m.Suggest.Type = serviceDef{base, "/reconcile/suggest/type"}
	m.Suggest.Property = serviceDef{base, "/reconcile/suggest/property"}
	m.Extend.ProposeProperties = serviceDef{base, "/reconcile/extend/propose"}
	return m
}

// handleReconcilePost is POST /reconcile: `queries` (or `extend`) form-encoded, as
// OpenRefine sends them, or the batch itself as a JSON body.
func (s *Server) handleReconcilePost(w http.ResponseWriter, r *http.Request) {
	r.Body = http.MaxBytesReader(w, r.Body, MaxBodyBytes)
	media, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type"))
	if media == "application/json" {
		var body map[string]json.RawMessage
		if err := readJSON(w, r, &body); err != nil {
			s.writeMatchError(w, r, err)
			return
		}
		if ext, ok := body["extend"]; ok && len(body) == 1 {
			s.answerExtend(w, r, ext)
			return
		}
		if queries, ok := body["queries"]; ok && len(body) == 1 {
			s.answerQueries(w, r, unquote(queries), "queries")
			return
		}
		raw, _ := json.Marshal(body)
		s.answerQueries(w, r, raw, "the request body")
		return
	}
	if err := r.ParseForm(); err != nil {
		s.writeMatchError(w, r, bodyError(err))
		return
	}
	switch {
	case r.PostForm.Get("queries") != "":
		s.answerQueries(w, r, []byte(r.PostForm.Get("queries")), "the queries parameter")
	case r.PostForm.Get("extend") != "":
		s.answerExtend(w, r, []byte(r.PostForm.Get("extend")))
	default:
		s.writeError(w, r, graph.Errorf(graph.EINVALID,
			"no queries: send queries={\"q0\": {\"query\": \"a name\"}} form-encoded, or the batch as a JSON body"))
	}
}

// unquote takes a JSON string holding JSON (`"queries": "{...}"`) for what it holds.
func unquote(raw json.RawMessage) []byte {
	var s string
	if json.Unmarshal(raw, &s) == nil {
		return []byte(s)
	}
	return raw
}

// reconcileQuery is one query of a batch, as the specification defines it.
type reconcileQuery struct {
	Query      string          `json:"query"`
	Type       json.RawMessage `json:"type"`
	Limit      *float64        `json:"limit"`
	TypeStrict string          `json:"type_strict"`
	Properties []struct {
		PID string          `json:"pid"`
		V   json.RawMessage `json:"v"`
	} `json:"properties"`
}

type reconcileCandidate struct {
	ID          string             `json:"id"`
	Name        string             `json:"name"`
	Description string             `json:"description,omitempty"`
	Score       float64            `json:"score"`
	Match       bool               `json:"match"`
	Type        []reconcileType    `json:"type"`
	Features    []reconcileFeature `json:"features"`
}

type reconcileFeature struct {
	ID    string  `json:"id"`
	Value float64 `json:"value"`
}

// answerQueries reads a batch, matches it in one statement and answers
// {"q0": {"result": [...]}}.
func (s *Server) answerQueries(w http.ResponseWriter, r *http.Request, data []byte, what string) {
	var batch map[string]json.RawMessage
	if err := decodeJSON(data, what, &batch); err != nil {
		s.writeMatchError(w, r, err)
		return
	}
	if err := checkQueries(len(batch)); err != nil {
		s.writeError(w, r, err)
		return
	}
	queries := make([]graph.MatchQuery, 0, len(batch))
	for _, key := range sortedKeys(batch) {
		q, err := readReconcileQuery(key, batch[key])
		if err != nil {
			s.writeError(w, r, err)
			return
		}
		queries = append(queries, q)
	}
	results, err := s.DB.Match(r.Context(), graph.MatchSource{}, queries, graph.DefaultMatchThreshold)
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	out := make(map[string]any, len(results))
	for _, res := range results {
		list := make([]reconcileCandidate, 0, len(res.Candidates))
		for i, c := range res.Candidates {
			rc := reconcileCandidate{ID: c.ID, Name: c.Name, Description: c.Description, Score: c.Score,
				Type: []reconcileType{kindType(c.Kind)}, Features: make([]reconcileFeature, 0, len(c.Features))}
			// at most one match, and only when it stands clear of the next candidate
			rc.Match = i == 0 && c.Match && (len(res.Candidates) == 1 || res.Candidates[1].Score < c.Score)
			for _, f := range sortedKeys(c.Features) {
				rc.Features = append(rc.Features, reconcileFeature{f, c.Features[f]})
			}
			list = append(list, rc)
		}
		out[res.Key] = map[string]any{"result": list}
	}
	s.writeJSONP(w, r, out) // JSONP when a GET names a callback, as the manifest does
}

// readReconcileQuery checks one query of a batch and turns it into a MatchQuery.
func readReconcileQuery(key string, raw json.RawMessage) (graph.MatchQuery, error) {
	q := graph.MatchQuery{Key: key, Limit: defaultReconcileLimit}
	bad := func(format string, args ...any) error {
		return graph.Errorf(graph.EINVALID, "query %.60q: "+format, append([]any{key}, args...)...)
	}
	var rq reconcileQuery
	if err := decodeJSON(raw, "query "+strconv.Quote(key), &rq); err != nil {
		return q, err
	}
	if len(rq.Query) > graph.MaxMatchValueBytes {
		return q, bad("query is %d bytes, at most %d are accepted", len(rq.Query), graph.MaxMatchValueBytes)
	}
	if strings.TrimSpace(rq.Query) != "" {
		q.Names = append(q.Names, strings.TrimSpace(rq.Query))
	}
	if rq.Limit != nil {
		if *rq.Limit < 1 || *rq.Limit > graph.MaxMatchLimit {
			return q, bad("limit %v is out of range: want 1 to %d", *rq.Limit, graph.MaxMatchLimit)
		}
		q.Limit = int(*rq.Limit)
	}
	types, err := stringOrList(rq.Type)
	if err != nil {
		return q, bad("type must be a string or a list of strings")
	}
	for _, t := range types {
		if t == "" { // OpenRefine's "reconcile against no particular type"
			continue
		}
		kinds, err := kindsOf(t)
		if err != nil {
			return q, bad("%v", err)
		}
		if kinds == nil { // Thing: any kind
			q.Kinds = nil
			break
		}
		q.Kinds = append(q.Kinds, kinds...)
	}
	for _, p := range rq.Properties {
		if _, ok := matchProperties[p.PID]; !ok {
			return q, bad("unknown property %.60q: want one of %s", p.PID, strings.Join(sortedKeys(matchProperties), ", "))
		}
		values, err := propertyValues(p.V)
		if err != nil {
			return q, bad("property %.60s: %v", p.PID, err)
		}
		if err := addProperty(&q, p.PID, values); err != nil {
			return q, err
		}
	}
	if len(q.Names) == 0 {
		return q, bad("no name to match: give query, or a name or alias property")
	}
	return q, nil
}

// stringOrList reads a JSON string or list of strings (absent: none).
func stringOrList(raw json.RawMessage) ([]string, error) {
	if len(raw) == 0 || string(raw) == "null" {
		return nil, nil
	}
	var one string
	if json.Unmarshal(raw, &one) == nil {
		return []string{one}, nil
	}
	var list []string
	err := json.Unmarshal(raw, &list)
	return list, err
}

// propertyValues reads a property value as the specification allows it: a string, a
// number, a boolean, an entity {id, name} (its name counts, else its id), or a list of them.
func propertyValues(raw json.RawMessage) ([]string, error) {
	var list []json.RawMessage
	if json.Unmarshal(raw, &list) != nil {
		list = []json.RawMessage{raw}
	}
	var out []string
	for _, v := range list {
		var x any
		if err := json.Unmarshal(v, &x); err != nil {
			return nil, err
		}
		switch x := x.(type) {
		case string:
			out = append(out, x)
		case float64, bool:
			out = append(out, strings.TrimSpace(string(v)))
		case map[string]any:
			name, _ := x["name"].(string)
			if name == "" {
				name, _ = x["id"].(string)
			}
			out = append(out, name)
		case nil:
		default:
			return nil, errors.New(`a value must be a string, a number, a boolean or an entity {"id", "name"}`)
		}
	}
	return out, nil
}
