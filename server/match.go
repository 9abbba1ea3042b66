package server

import (
	"encoding/json"
	"math"
	"net/http"
	"strconv"
	"strings"

	"github.com/accgraph/accgraph/graph"
)

// POST /match/{dataset}, in the shape of yente (OpenSanctions' API): FollowTheMoney-style
// query entities in, scored candidates with the features of their score out.

const defaultMatchLimit = 5 // yente's MATCH_PAGE

type matchRequest struct {
	Queries map[string]json.RawMessage `json:"queries"`
}

// matchEntity is an FtM entity as a query gives it and as a result is shown.
type matchEntity struct {
	ID         string              `json:"id,omitempty"`
	Caption    string              `json:"caption,omitempty"`
	Schema     string              `json:"schema"`
	Properties map[string][]string `json:"properties"`
}

type matchResult struct {
	matchEntity
	Datasets  []string           `json:"datasets"`
	Referents []string           `json:"referents"`
	Target    bool               `json:"target"`
	Score     float64            `json:"score"`
	Match     bool               `json:"match"`
	Features  map[string]float64 `json:"features"`
}

type matchTotal struct {
	Value    int    `json:"value"`
	Relation string `json:"relation"`
}

type matchResponse struct {
	Status  int           `json:"status"`
	Results []matchResult `json:"results"`
	Total   matchTotal    `json:"total"`
	Query   matchEntity   `json:"query"`
}

// matchFeatures documents the features, as yente's `matcher` does.
var matchFeatures = map[string]string{
	"name_similarity":    "best word-by-word similarity of a query name to the name or an alias (Jaro-Winkler, after folding)",
	"name_match":         "a query name equals the name or an alias after folding",
	"date_match":         "a birth, founding or event date agrees at the precision both give (+0.05)",
	"date_mismatch":      "both give dates and none agrees (-0.25)",
	"country_match":      "a country in common (+0.05)",
	"country_mismatch":   "both give countries and none is shared (-0.15)",
	"identifier_match":   "an identifier in common, case and separators ignored (+0.15)",
	"position_match":     "a post named alike (+0.05)",
	"organization_match": "an organization named alike (+0.05)",
}

// handleMatch is POST /match/{dataset}?limit=5&threshold=0.8&cutoff=0.
func (s *Server) handleMatch(w http.ResponseWriter, r *http.Request) {
	params := r.URL.Query()
	limit, err := floatParam(params.Get("limit"), "limit", defaultMatchLimit, 1, graph.MaxMatchLimit)
	if err == nil && limit != math.Trunc(limit) {
		err = graph.Errorf(graph.EINVALID, "limit %.60q is not a whole number", params.Get("limit"))
	}
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	threshold, err := floatParam(params.Get("threshold"), "threshold", graph.DefaultMatchThreshold, 0, 1)
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	cutoff, err := floatParam(params.Get("cutoff"), "cutoff", 0, 0, 1)
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	var req matchRequest
	if err := readJSON(w, r, &req); err != nil {
		s.writeMatchError(w, r, err)
		return
	}
	if err := checkQueries(len(req.Queries)); err != nil {
		s.writeError(w, r, err)
		return
	}
	queries := make([]graph.MatchQuery, 0, len(req.Queries))
	examples := map[string]matchEntity{}
	for _, key := range sortedKeys(req.Queries) {
		q, example, err := readMatchQuery(key, req.Queries[key], int(limit))
		if err != nil {
			s.writeError(w, r, err)
			return
		}
		queries = append(queries, q)
		examples[key] = example
	}
	dataset := r.PathValue("dataset")
	results, err := s.DB.Match(r.Context(), graph.MatchSource{Dataset: dataset}, queries, threshold)
	if graph.ErrorCode(err) == graph.ENOTFOUND {
		names, lerr := s.DB.Datasets(r.Context())
		if lerr == nil {
			err = graph.Errorf(graph.ENOTFOUND, "no dataset %.60q: the datasets are default (the whole graph)%s", dataset, listOrNone(names))
		}
	}
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	responses := make(map[string]matchResponse, len(results))
	for _, res := range results {
		out := matchResponse{Status: http.StatusOK, Results: []matchResult{}, Total: matchTotal{res.Total, "eq"}, Query: examples[res.Key]}
		for _, c := range res.Candidates {
			if c.Score >= cutoff {
				out.Results = append(out.Results, resultOf(c))
			}
		}
		responses[res.Key] = out
	}
	w.Header().Set("X-Batch-Size", strconv.Itoa(len(responses)))
	writeJSON(w, http.StatusOK, map[string]any{
		"responses": responses, "limit": int(limit), "threshold": threshold, "cutoff": cutoff,
		"matcher": map[string]any{"name": "accgraph-names", "features": matchFeatures},
	})
}

// readMatchQuery checks one query entity: a known schema and at least one name; each
// property a list of strings (or one string). FtM properties that scoring does not
// compare are echoed in the query and otherwise ignored.
func readMatchQuery(key string, raw json.RawMessage, limit int) (graph.MatchQuery, matchEntity, error) {
	q := graph.MatchQuery{Key: key, Limit: limit}
	var in struct {
		ID         string                     `json:"id"`
		Schema     string                     `json:"schema"`
		Properties map[string]json.RawMessage `json:"properties"`
	}
	if err := decodeJSON(raw, "query "+strconv.Quote(key), &in); err != nil {
		return q, matchEntity{}, err
	}
	e := matchEntity{ID: in.ID, Schema: in.Schema, Properties: map[string][]string{}}
	if e.Schema == "" {
		e.Schema = "Thing"
	}
	kinds, ok := ftmSchemas[e.Schema]
	if !ok {
		return q, e, graph.Errorf(graph.EINVALID, "query %.60q: unknown schema %.60q: want one of %s", key, e.Schema, strings.Join(sortedKeys(ftmSchemas), ", "))
	}
	q.Kinds = kinds
	if len(in.Properties) > 50 {
		return q, e, graph.Errorf(graph.EINVALID, "query %.60q: %d properties, at most 50 are accepted", key, len(in.Properties))
	}
	for _, prop := range sortedKeys(in.Properties) {
		values, err := stringOrList(in.Properties[prop])
		if err != nil {
			return q, e, graph.Errorf(graph.EINVALID, "query %.60q: properties.%.60s must be a list of strings", key, prop)
		}
		e.Properties[prop] = values
		if _, compared := matchProperties[prop]; !compared {
			continue
		}
		if err := addProperty(&q, prop, values); err != nil {
			return q, e, err
		}
	}
	if len(q.Names) == 0 {
		return q, e, graph.Errorf(graph.EINVALID, "query %.60q: no name to match: give properties.name", key)
	}
	return q, e, nil
}

// resultOf shows a candidate as an FtM entity: its FtM properties when it was imported,
// with the names, countries and posts the graph holds.
func resultOf(c graph.Candidate) matchResult {
	props := map[string][]string{}
	for k, v := range c.FtM {
		props[k] = v
	}
	props["name"] = []string{c.Name}
	set := func(k string, v []string) {
		if len(v) > 0 {
			props[k] = v
		}
	}
	set("alias", c.Aliases)
	set("country", c.Countries)
	set("position", c.Positions)
	set("description", nonEmpty(c.Description))
	return matchResult{matchEntity: matchEntity{ID: c.ID, Caption: c.Name, Schema: kindSchema[c.Kind], Properties: props},
		Datasets: []string{}, Referents: []string{}, Score: c.Score, Match: c.Match, Features: c.Features}
}

func listOrNone(names []string) string {
	if len(names) == 0 {
		return ", and no imported ones"
	}
	return " and " + strings.Join(names, ", ")
}

// floatParam reads a numeric URL parameter within [lo, hi], def when absent.
func floatParam(v, name string, def, lo, hi float64) (float64, error) {
	if v == "" {
		return def, nil
	}
	f, err := strconv.ParseFloat(v, 64)
	if err != nil || f < lo || f > hi {
		return 0, graph.Errorf(graph.EINVALID, "%s %.60q is out of range: want a number from %v to %v", name, v, lo, hi)
	}
	return f, nil
}
