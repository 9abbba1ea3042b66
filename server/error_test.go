package server

import (
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"slices"
	"testing"

	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"

	"github.com/accgraph/accgraph/graph"
)

// TestEveryCodeMapsOnce: each code graph names has one GraphQL code and one HTTP status,
// no two codes share a GraphQL code, and the table holds no code graph does not name.
func TestEveryCodeMapsOnce(t *testing.T) {
	seen := map[string]string{}
	for _, code := range graph.Codes {
		m, ok := codes[code]
		switch {
		case !ok:
			t.Errorf("graph code %q has no entry in server's codes", code)
			continue
		case m.gql == "" || m.status < 400 || m.status > 599:
			t.Errorf("graph code %q maps to %q, HTTP %d", code, m.gql, m.status)
		case seen[m.gql] != "":
			t.Errorf("graph codes %q and %q both answer %s", seen[m.gql], code, m.gql)
		}
		seen[m.gql] = code
	}
	for code := range codes {
		if !slices.Contains(graph.Codes, code) {
			t.Errorf("codes maps %q, which graph.Codes does not list", code)
		}
	}
}

// TestRefusalsAnswerTheirCodesStatus: a refusal written before gqlgen runs, and an error of
// one of accgraph's own routes, carry the status and the GraphQL code of their graph code.
func TestRefusalsAnswerTheirCodesStatus(t *testing.T) {
	for _, tt := range []struct {
		code, gql string
		status    int
	}{
		{graph.ERATELIMITED, "RATE_LIMITED", http.StatusTooManyRequests},
		{graph.EBODYTOOLARGE, "BODY_TOO_LARGE", http.StatusRequestEntityTooLarge},
		{graph.EMETHOD, "METHOD_NOT_ALLOWED", http.StatusMethodNotAllowed},
		{graph.EPERSISTEDONLY, "PERSISTED_QUERY_NOT_ALLOWED", http.StatusForbidden},
		{graph.EUNAUTHENTICATED, "UNAUTHENTICATED", http.StatusUnauthorized},
	} {
		rec := httptest.NewRecorder()
		writeGraphQLError(rec, tt.code, "refused")
		var body struct {
			Errors []struct {
				Message    string
				Extensions map[string]string
			}
		}
		if err := json.Unmarshal(rec.Body.Bytes(), &body); err != nil || len(body.Errors) != 1 ||
			rec.Code != tt.status || body.Errors[0].Extensions["code"] != tt.gql || body.Errors[0].Message != "refused" {
			t.Errorf("%s: %d %s, want %d with code %s", tt.code, rec.Code, rec.Body, tt.status, tt.gql)
		}
	}
	s := &Server{Logger: slog.New(slog.DiscardHandler)}
	for _, tt := range []struct {
		err    error
		status int
		body   string
	}{
		{graph.Errorf(graph.ECONFLICT, "id taken"), http.StatusConflict, `{"code":"CONFLICT","error":"id taken"}`},
		{fmt.Errorf("saved query x: %w", graph.Errorf(graph.ENOTFOUND, "no x")), http.StatusNotFound, `{"code":"NOT_FOUND","error":"no x"}`},
		{errors.New("neo4j said something internal"), http.StatusInternalServerError, `{"code":"INTERNAL_SERVER_ERROR","error":"Internal error."}`},
	} {
		rec := httptest.NewRecorder()
		s.writeError(rec, httptest.NewRequest("GET", "/saved/x", nil), tt.err)
		if rec.Code != tt.status || rec.Body.String() != tt.body+"\n" {
			t.Errorf("%v: %d %s, want %d %s", tt.err, rec.Code, rec.Body, tt.status, tt.body)
		}
	}
}

// TestGraphErrUnwrapsTheResolversError: an error a saved query's run gets back from the
// executor is the resolver's own error (its code and message), not one read back from
// extensions.code; the document's own errors are the caller's, with their path.
func TestGraphErrUnwrapsTheResolversError(t *testing.T) {
	path := ast.Path{ast.PathName("entity")}
	presented := func(err error) *gqlerror.Error {
		e := gqlerror.WrapPath(path, err)
		e.Message = "what the caller was shown"
		e.Extensions = map[string]any{"code": "WHATEVER"}
		return e
	}
	for _, tt := range []struct {
		name      string
		in        *gqlerror.Error
		code, msg string
	}{
		{"not found", presented(graph.Errorf(graph.ENOTFOUND, "no entity x")), graph.ENOTFOUND, "no entity x"},
		{"conflict", presented(graph.Errorf(graph.ECONFLICT, "id taken")), graph.ECONFLICT, "id taken"},
		{"forbidden", presented(graph.Errorf(graph.EFORBIDDEN, "readers may not")), graph.EFORBIDDEN, "readers may not"},
		{"timeout, wrapped", presented(fmt.Errorf("read: %w", graph.Errorf(graph.ETIMEOUT, "took too long"))), graph.ETIMEOUT, "took too long"},
		{"unavailable", presented(graph.Errorf(graph.EUNAVAILABLE, "neo4j down")), graph.EUNAVAILABLE, "neo4j down"},
		{"internal", presented(errors.New("a bug")), graph.EINTERNAL, "Internal error."},
		{"bad argument", presented(graph.Errorf(graph.EINVALID, "first: at most 500")), graph.EINVALID, "entity: what the caller was shown"},
		{"validation", gqlerror.Errorf("Cannot query field \"nme\" on type \"Person\"."), graph.EINVALID, "Cannot query field \"nme\" on type \"Person\"."},
	} {
		err := graphErr(tt.in)
		if graph.ErrorCode(err) != tt.code || graph.ErrorMessage(err) != tt.msg {
			t.Errorf("%s: %s %q, want %s %q", tt.name, graph.ErrorCode(err), graph.ErrorMessage(err), tt.code, tt.msg)
		}
	}
}
