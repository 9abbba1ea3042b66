package sidebyside

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
)

// RawHandler is raw Cypher over HTTP, the fair limit for a GraphQL server over this
// Neo4j: POST /Q2 with the question's variables as a JSON object runs Q2's hand-written
// statement through the driver and answers {"data": ...} with the statement's data
// column, nothing parsed, validated or reshaped. POST / answers {} (ready).
func RawHandler(c *Cypher) http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("POST /{$}", func(w http.ResponseWriter, _ *http.Request) { _, _ = io.WriteString(w, "{}") })
	mux.HandleFunc("POST /{question}", func(w http.ResponseWriter, r *http.Request) {
		q := FindQuestion(r.PathValue("question"))
		if q == nil {
			http.Error(w, `{"error":"no such question"}`, http.StatusNotFound)
			return
		}
		var vars map[string]any
		if err := json.NewDecoder(r.Body).Decode(&vars); err != nil {
			http.Error(w, fmt.Sprintf(`{"error":%q}`, "the body is not a JSON object: "+err.Error()), http.StatusBadRequest)
			return
		}
		data, err := c.Run(r.Context(), q, vars)
		if err != nil {
			http.Error(w, fmt.Sprintf(`{"error":%q}`, err.Error()), http.StatusInternalServerError)
			return
		}
		w.Header().Set("Content-Type", "application/json")
		_ = json.NewEncoder(w).Encode(map[string]any{"data": data})
	})
	return mux
}

// CypherHTTP asks a RawHandler as the GraphQL askers ask their servers: POST, JSON, the
// whole answer read and decoded.
type CypherHTTP struct {
	URL    string // the handler's base URL, without the trailing slash
	Client *http.Client
}

func (c *CypherHTTP) Ask(ctx context.Context, q *Question, p Params) (any, error) {
	status, raw, err := postJSON(ctx, c.Client, c.URL+"/"+q.ID, q.VarsFor(p, false))
	if err != nil {
		return nil, err
	}
	if status != http.StatusOK {
		return nil, fmt.Errorf("%s %s: HTTP %d: %.200s", q.ID, c.URL, status, raw)
	}
	var answer struct{ Data any }
	if err := json.Unmarshal(raw, &answer); err != nil {
		return nil, fmt.Errorf("%s %s: not JSON: %.200s", q.ID, c.URL, raw)
	}
	return answer.Data, nil
}
