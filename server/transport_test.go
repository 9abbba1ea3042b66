package server

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"testing/iotest"

	"github.com/99designs/gqlgen/graphql"
	"github.com/99designs/gqlgen/graphql/handler"
	"github.com/99designs/gqlgen/graphql/handler/transport"

	"github.com/accgraph/accgraph/seed/seedtest"
)

// TestPostTransportAnswersAsGqlgens sends the same requests through postTransport and
// through gqlgen's transport.POST, over one executor, and requires the same status, the
// same Content-Type and the same body: byte for byte, but for encoding/json's escapes of
// <, > and &, which postTransport leaves as the writers wrote them (then the same JSON).
func TestPostTransportAnswersAsGqlgens(t *testing.T) {
	s := &Server{DB: seedtest.DB(t), Logger: slog.New(slog.DiscardHandler), RatePerIP: 1e6, Introspection: true}
	s.Handler() // builds the executable schema
	serve := func(tr graphql.Transport) http.Handler {
		h := handler.New(s.schema)
		h.AddTransport(tr)
		s.configure(h)
		return h
	}
	ours, gqlgens := serve(postTransport{}), serve(transport.POST{})
	const entity = `{"query": "{ entity(id: \"person:ebrahim-raisi\") { __typename id name } }"}`
	for _, c := range []struct{ name, body, accept string }{
		{"data", entity, ""},
		{"data, JSON asked for", entity, "application/json"},
		{"data, graphql-response+json asked for", entity, "application/graphql-response+json"},
		{"data, a wildcard", entity, "text/html, */*;q=0.8"},
		{"data, neither asked for", entity, "text/html"},
		{"data with > in it", `{"query": "{ __type(name: \"Tenure\") { description } }"}`, ""},
		{"variables", `{"query": "query ($id: ID!) { entity(id: $id) { name } }", "variables": {"id": "person:ebrahim-raisi"}}`, ""},
		{"an error in a field", `{"query": "{ entity(id: \"person:\") { name } }"}`, ""},
		{"a syntax error", `{"query": "{ entity(id: "}`, ""},
		{"a syntax error, graphql-response+json", `{"query": "{ entity(id: "}`, "application/graphql-response+json"},
		{"an unknown field", `{"query": "{ nosuchfield }"}`, ""},
		{"no query", `{}`, ""},
		{"not an object", `"{ __typename }"`, ""},
		{"a wrong type of query", `{"query": 42}`, ""},
		{"an unknown operation name", `{"query": "query A { __typename }", "operationName": "B"}`, ""},
		{"a mutation refused", `{"query": "mutation { unlink(id: \"holds:nope\") }"}`, ""},
		{"an unreadable body", unreadable, ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			a, b := ask(ours, c.body, c.accept), ask(gqlgens, c.body, c.accept)
			if a.status != b.status || a.contentType != b.contentType {
				t.Fatalf("postTransport: %d %s; transport.POST: %d %s", a.status, a.contentType, b.status, b.contentType)
			}
			if !bytes.Equal(a.body, b.body) {
				var x, y any
				if json.Unmarshal(a.body, &x) != nil || json.Unmarshal(b.body, &y) != nil ||
					!strings.ContainsAny(string(a.body), "<>&") || !jsonEqual(x, y) {
					t.Fatalf("postTransport: %s\ntransport.POST: %s", a.body, b.body)
				}
			}
		})
	}
}

// unreadable stands for a body whose reading fails.
const unreadable = "\x00unreadable"

type transportAnswer struct {
	status      int
	contentType string
	body        []byte
}

func ask(h http.Handler, body, accept string) transportAnswer {
	var r io.Reader = strings.NewReader(body)
	if body == unreadable {
		r = iotest.ErrReader(errors.New("the connection was reset"))
	}
	req := httptest.NewRequest("POST", "/graphql", r)
	req.Header.Set("Content-Type", "application/json")
	if accept != "" {
		req.Header.Set("Accept", accept)
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	b, _ := io.ReadAll(rec.Body)
	return transportAnswer{rec.Code, rec.Header().Get("Content-Type"), b}
}

func jsonEqual(x, y any) bool {
	a, _ := json.Marshal(x)
	b, _ := json.Marshal(y)
	return bytes.Equal(a, b)
}
