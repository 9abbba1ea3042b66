package sidebyside_test

import (
	"context"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/accgraph/accgraph/bench/gen"
	"github.com/accgraph/accgraph/bench/sidebyside"
	"github.com/accgraph/accgraph/graph/graphtest"
	"github.com/accgraph/accgraph/server"
)

// accgraph and the hand-written Cypher, in-process and over HTTP, must give the same
// result sets for every question over a generated graph (the peer is checked by
// `make bench`, not here).
func TestAccgraphAndRawCypherAgree(t *testing.T) {
	ctx := context.Background()
	db := graphtest.MustOpenDB(t)
	report, err := gen.Write(ctx, db, 300, 1)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("generated %s", report)
	cfg := graphtest.Config(t)
	auth := neo4j.NoAuth()
	if cfg.Password != "" {
		auth = neo4j.BasicAuth(cfg.User, cfg.Password, "")
	}
	driver, err := neo4j.NewDriverWithContext(cfg.URI, auth, sidebyside.Quiet)
	if err != nil {
		t.Fatal(err)
	}
	defer driver.Close(ctx)
	raw := &sidebyside.Cypher{Driver: driver, Database: "neo4j"}
	params, err := sidebyside.Pick(ctx, raw)
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer((&server.Server{DB: db, Logger: slog.New(slog.DiscardHandler)}).Handler())
	defer srv.Close()
	rawSrv := httptest.NewServer(sidebyside.RawHandler(raw))
	defer rawSrv.Close()
	askers := map[string]sidebyside.Asker{
		sidebyside.Accgraph: &sidebyside.GraphQL{URL: srv.URL + "/graphql", Client: srv.Client()},
		sidebyside.Raw:      raw,
		sidebyside.RawHTTP:  &sidebyside.CypherHTTP{URL: rawSrv.URL, Client: rawSrv.Client()},
	}
	for _, q := range sidebyside.Questions {
		check, err := sidebyside.Compare(ctx, q, params, askers)
		if err != nil {
			t.Errorf("%s: %v", q.ID, err)
			continue
		}
		if strings.Join(check.Targets, ",") != "accgraph,raw Cypher,raw Cypher over HTTP" || check.Rows < 2 {
			t.Errorf("%s: %d rows from %v; want rows from all three", q.ID, check.Rows, check.Targets)
		}
	}
}

// Raw Cypher over HTTP refuses what it cannot run with a status and the reason.
func TestRawHandlerRefusesBadRequests(t *testing.T) {
	srv := httptest.NewServer(sidebyside.RawHandler(&sidebyside.Cypher{}))
	defer srv.Close()
	for _, c := range []struct {
		path, body, want string
		code             int
	}{
		{"/", "", "{}", http.StatusOK},
		{"/Q9", "{}", "no such question", http.StatusNotFound},
		{"/Q2", "[1]", "the body is not a JSON object", http.StatusBadRequest},
	} {
		resp, err := srv.Client().Post(srv.URL+c.path, "application/json", strings.NewReader(c.body))
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != c.code || !strings.Contains(string(body), c.want) {
			t.Errorf("POST %s %s: HTTP %d %s; want %d with %q", c.path, c.body, resp.StatusCode, body, c.code, c.want)
		}
	}
}

// A difference in one row must fail the check and name the row.
func TestCompareNamesTheFirstDifference(t *testing.T) {
	q := sidebyside.Questions[1] // Q2: the order of the page is part of the answer
	page := func(ids ...string) map[string]any {
		var edges []any
		for _, id := range ids {
			edges = append(edges, map[string]any{"node": map[string]any{"id": id, "name": "N " + id, "confidence": "REPORTED"}})
		}
		return map[string]any{"totalCount": len(ids), "edges": edges}
	}
	askers := map[string]sidebyside.Asker{
		sidebyside.Accgraph: fixed{"people": page("a", "b")},
		sidebyside.Raw:      fixed{"peopleConnection": page("a", "b")},
		sidebyside.Peer:     fixed{"peopleConnection": page("b", "a")},
	}
	_, err := sidebyside.Compare(context.Background(), q, sidebyside.Params{}, askers)
	if err == nil || !strings.Contains(err.Error(), "@neo4j/graphql differ") || !strings.Contains(err.Error(), `000|b|N b|REPORTED`) {
		t.Fatalf("err = %v; want the peer's first row named", err)
	}
	askers[sidebyside.Peer] = fixed{"peopleConnection": page("a", "b")}
	check, err := sidebyside.Compare(context.Background(), q, sidebyside.Params{}, askers)
	if err != nil || check.Rows != 3 || len(check.Targets) != 3 {
		t.Fatalf("same pages: %+v, %v; want 3 rows agreed by 3", check, err)
	}
	askers[sidebyside.Accgraph] = fixed{"people": page()}
	if _, err := sidebyside.Compare(context.Background(), q, sidebyside.Params{}, askers); err == nil || !strings.Contains(err.Error(), "found nothing") {
		t.Fatalf("empty answer: err = %v; want a refusal to measure nothing", err)
	}
}

type fixed map[string]any

func (f fixed) Ask(context.Context, *sidebyside.Question, sidebyside.Params) (any, error) {
	return map[string]any(f), nil
}
