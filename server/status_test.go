package server_test

import (
	"fmt"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"

	"github.com/99designs/gqlgen/client"

	"github.com/accgraph/accgraph/graph"
	"github.com/accgraph/accgraph/graph/graphtest"
	"github.com/accgraph/accgraph/server"
)

func TestStatusQuery(t *testing.T) {
	srv := &server.Server{DB: graphtest.MustOpenDB(t), Introspection: true, Logger: quiet}
	c := client.New(srv.Handler(), client.Path("/graphql"))

	var resp struct {
		Status struct {
			Neo4jVersion  string
			SchemaVersion int
		}
	}
	c.MustPost(`{ status { neo4jVersion schemaVersion } }`, &resp)
	if !strings.HasPrefix(resp.Status.Neo4jVersion, "5.26.") || !strings.HasSuffix(resp.Status.Neo4jVersion, " community") {
		t.Errorf("neo4jVersion = %q, want 5.26.x community", resp.Status.Neo4jVersion)
	}
	if resp.Status.SchemaVersion != graph.LatestSchemaVersion {
		t.Errorf("schemaVersion = %d, want %d", resp.Status.SchemaVersion, graph.LatestSchemaVersion)
	}

	var schema struct {
		Schema struct{ QueryType struct{ Name string } } `json:"__schema"`
	}
	c.MustPost(`{ __schema { queryType { name } } }`, &schema)
	if schema.Schema.QueryType.Name != "Query" {
		t.Errorf("introspection on: queryType = %q, want Query", schema.Schema.QueryType.Name)
	}

	rec := httptest.NewRecorder()
	srv.Handler().ServeHTTP(rec, httptest.NewRequest("GET", "/graphql?query="+url.QueryEscape(`{ status { schemaVersion } }`), nil))
	if want := fmt.Sprintf(`{"data":{"status":{"schemaVersion":%d}}}`, graph.LatestSchemaVersion); rec.Code != 200 || rec.Body.String() != want {
		t.Errorf("GET query = %d %s, want 200 %s", rec.Code, rec.Body, want)
	}
}

func TestGraphQLRefusals(t *testing.T) {
	db := graphtest.MustOpenDB(t)
	tests := []struct {
		name          string
		introspection bool
		query         string
		want          string
	}{
		{"unknown field", true, `{ status { nope } }`, `GRAPHQL_VALIDATION_FAILED`},
		{"syntax error", true, `{ status { `, `GRAPHQL_PARSE_FAILED`},
		{"introspection off", false, `query { ...F } fragment F on Query { __schema { types { name } } }`, `"message":"introspection is disabled on this server (__schema)"`},
		{"validation message", true, `{ status { nope } }`, `Cannot query field \"nope\" on type \"Status\"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := client.New((&server.Server{DB: db, Introspection: tt.introspection, Logger: quiet}).Handler(), client.Path("/graphql"))
			var resp map[string]any
			err := c.Post(tt.query, &resp)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("error = %v, want one containing %q", err, tt.want)
			}
		})
	}
}
