package sidebyside

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
	"github.com/neo4j/neo4j-go-driver/v5/neo4j/notifications"
)

// The ways of asking, as they appear in the results: the two GraphQL servers, the
// hand-written Cypher behind a minimal HTTP handler (the limit for a server), and the
// same Cypher through the driver in this process (the database's own figure).
const (
	Accgraph = "accgraph"
	Peer     = "@neo4j/graphql"
	RawHTTP  = "raw Cypher over HTTP"
	Raw      = "raw Cypher"
)

// Servers are the ways of asking that run as a process of their own, whose memory is
// measured; Ways lists every way in the order of the results.
var (
	Servers = []string{Accgraph, Peer, RawHTTP}
	Ways    = []string{Accgraph, Peer, RawHTTP, Raw}
)

// Asker sends one question and returns its answer as decoded JSON (the GraphQL data,
// or raw Cypher's data column).
type Asker interface {
	Ask(ctx context.Context, q *Question, p Params) (any, error)
}

// GraphQL asks a GraphQL server over HTTP, as a client would: POST, JSON, the whole
// answer read and decoded, any GraphQL error a failure.
type GraphQL struct {
	URL    string
	Peer   bool // the server is the peer: ask its form of the question
	Client *http.Client
}

func (g *GraphQL) Ask(ctx context.Context, q *Question, p Params) (any, error) {
	doc := q.Accgraph
	if g.Peer {
		doc = q.Peer
	}
	status, raw, err := postJSON(ctx, g.Client, g.URL, map[string]any{"query": doc, "variables": q.VarsFor(p, g.Peer)})
	if err != nil {
		return nil, err
	}
	var answer struct {
		Data   any
		Errors []struct{ Message string }
	}
	if err := json.Unmarshal(raw, &answer); err != nil {
		return nil, fmt.Errorf("%s %s: HTTP %d, not JSON: %.200s", q.ID, g.URL, status, raw)
	}
	if len(answer.Errors) > 0 {
		return nil, fmt.Errorf("%s %s: HTTP %d: %s", q.ID, g.URL, status, answer.Errors[0].Message)
	}
	if status != http.StatusOK {
		return nil, fmt.Errorf("%s %s: HTTP %d", q.ID, g.URL, status)
	}
	return answer.Data, nil
}

// Quiet configures a driver for the floor as graph.Open configures accgraph's: Neo4j sends
// no notifications with results, so that the floor decodes no more than accgraph does.
func Quiet(c *neo4j.Config) { c.NotificationsMinSeverity = notifications.DisabledLevel }

// Cypher runs the hand-written Cypher through the Go driver: the lower bound, with no
// GraphQL and no HTTP.
type Cypher struct {
	Driver   neo4j.DriverWithContext
	Database string
}

func (c *Cypher) Ask(ctx context.Context, q *Question, p Params) (any, error) {
	return c.Run(ctx, q, q.VarsFor(p, false))
}

// Run runs q's statement with the variables given and returns its data column, as one
// auto-commit transaction on a read session: the driver's cheapest way (no BEGIN and
// COMMIT round trip), as accgraph's reads run, so that the floor stays a floor; without
// the bookmark manager accgraph's reads carry (the benchmark writes nothing meanwhile).
func (c *Cypher) Run(ctx context.Context, q *Question, vars map[string]any) (any, error) {
	s := c.Driver.NewSession(ctx, neo4j.SessionConfig{AccessMode: neo4j.AccessModeRead, DatabaseName: c.Database})
	defer s.Close(context.WithoutCancel(ctx))
	res, err := s.Run(ctx, q.Raw, vars)
	if err != nil {
		return nil, fmt.Errorf("%s raw: %w", q.ID, err)
	}
	records, err := res.Collect(ctx)
	if err != nil {
		return nil, fmt.Errorf("%s raw: %w", q.ID, err)
	}
	if len(records) != 1 {
		return nil, fmt.Errorf("%s raw: %d rows, want 1", q.ID, len(records))
	}
	data, _ := records[0].Get("data")
	return data, nil
}

// asJSON gives a driver value the types decoded JSON has (float64 numbers), so that
// the three answers read alike.
func asJSON(v any) (any, error) {
	b, err := json.Marshal(v)
	if err != nil {
		return nil, err
	}
	var out any
	return out, json.Unmarshal(b, &out)
}

// postJSON posts body as JSON to url and reads the whole answer, as every asker does.
func postJSON(ctx context.Context, client *http.Client, url string, body any) (int, []byte, error) {
	data, err := json.Marshal(body)
	if err != nil {
		return 0, nil, err
	}
	req, err := http.NewRequestWithContext(ctx, "POST", url, bytes.NewReader(data))
	if err != nil {
		return 0, nil, err
	}
	req.Header.Set("Content-Type", "application/json")
	resp, err := client.Do(req)
	if err != nil {
		return 0, nil, err
	}
	defer resp.Body.Close()
	raw, err := io.ReadAll(resp.Body)
	return resp.StatusCode, raw, err
}
