package server

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/gqlerror"

	"github.com/accgraph/accgraph/graph"
)

// gqlCodes maps graph error codes to GraphQL extensions.code values.
var gqlCodes = map[string]string{
	graph.EINVALID:     "BAD_USER_INPUT",
	graph.ENOTFOUND:    "NOT_FOUND",
	graph.ECONFLICT:    "CONFLICT",
	graph.EUNAVAILABLE: "UNAVAILABLE",
	graph.EINTERNAL:    "INTERNAL_SERVER_ERROR",
}

// presentError shows a resolver error with its code and a caller-safe message, and logs
// internal errors; gqlgen's own parse and validation errors pass unchanged.
func (s *Server) presentError(ctx context.Context, err error) *gqlerror.Error {
	gqlErr := graphql.DefaultErrorPresenter(ctx, err)
	if gqlErr.Err == nil {
		return gqlErr // a parse or validation error: its message is already for the caller
	}
	code := graph.ErrorCode(gqlErr.Err)
	if code == graph.EINTERNAL {
		s.Logger.ErrorContext(ctx, "graphql resolver failed", "path", gqlErr.Path.String(), "err", gqlErr.Err)
	}
	gqlErr.Message = graph.ErrorMessage(gqlErr.Err)
	if gqlErr.Extensions == nil {
		gqlErr.Extensions = map[string]any{}
	}
	gqlErr.Extensions["code"] = gqlCodes[code]
	return gqlErr
}

// recoverPanic turns a resolver panic into an internal error: logged with its value,
// shown to the caller without a stack trace.
func (s *Server) recoverPanic(ctx context.Context, p any) error {
	s.Logger.ErrorContext(ctx, "graphql resolver panicked", "panic", fmt.Sprint(p))
	return &graph.Error{Code: graph.EINTERNAL, Err: fmt.Errorf("panic: %v", p)}
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(v)
}
