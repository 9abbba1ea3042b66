package server

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"sync/atomic"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/gqlerror"

	"github.com/accgraph/accgraph/graph"
)

// gqlCodes maps graph error codes to GraphQL extensions.code values.
var gqlCodes = map[string]string{
	graph.EINVALID:         "BAD_USER_INPUT",
	graph.ENOTFOUND:        "NOT_FOUND",
	graph.ECONFLICT:        "CONFLICT",
	graph.EUNAVAILABLE:     "UNAVAILABLE",
	graph.ETIMEOUT:         "TIMEOUT",
	graph.EUNAUTHENTICATED: "UNAUTHENTICATED",
	graph.EFORBIDDEN:       "FORBIDDEN",
	graph.EINTERNAL:        "INTERNAL_SERVER_ERROR",
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
	gqlErr.Message = s.callerMessage(ctx, gqlErr.Err)
	if gqlErr.Extensions == nil {
		gqlErr.Extensions = map[string]any{}
	}
	gqlErr.Extensions["code"] = gqlCodes[code]
	var ge *graph.Error
	if errors.As(gqlErr.Err, &ge) && ge.Path != "" {
		gqlErr.Extensions["argument"] = ge.Path
	}
	switch code {
	case graph.EUNAVAILABLE, graph.EUNAUTHENTICATED, graph.EFORBIDDEN:
		markStatus(ctx, httpCodes[code])
	}
	return gqlErr
}

// httpCodes maps graph error codes to HTTP statuses for the non-GraphQL routes.
var httpCodes = map[string]int{
	graph.EINVALID:         http.StatusBadRequest,
	graph.ENOTFOUND:        http.StatusNotFound,
	graph.ECONFLICT:        http.StatusConflict,
	graph.EUNAVAILABLE:     http.StatusServiceUnavailable,
	graph.ETIMEOUT:         http.StatusGatewayTimeout,
	graph.EUNAUTHENTICATED: http.StatusUnauthorized,
	graph.EFORBIDDEN:       http.StatusForbidden,
	graph.EINTERNAL:        http.StatusInternalServerError,
}

// writeError answers a non-GraphQL route with err's status and caller-safe message.
func (s *Server) writeError(w http.ResponseWriter, r *http.Request, err error) {
	code := graph.ErrorCode(err)
	if code == graph.EINTERNAL {
		s.Logger.ErrorContext(r.Context(), "request failed", "path", r.URL.Path, "err", err)
	}
	writeJSON(w, httpCodes[code], map[string]string{"error": s.callerMessage(r.Context(), err), "code": gqlCodes[code]})
}

// unavailableMessage is what a caller is told when Neo4j cannot be reached: where Neo4j
// runs and why it failed stay in the log line, which carries the request id.
const unavailableMessage = "the database is unavailable; try again shortly"

// callerMessage is err's message as a caller may see it: internals (an internal error's
// cause, Neo4j's address) are logged with the request id instead.
func (s *Server) callerMessage(ctx context.Context, err error) string {
	if graph.ErrorCode(err) == graph.EUNAVAILABLE {
		s.Logger.WarnContext(ctx, "neo4j unavailable", "err", graph.ErrorMessage(err))
		return unavailableMessage
	}
	return graph.ErrorMessage(err)
}

// statusKey carries the HTTP status a GraphQL answer should have instead of 200: 503
// when Neo4j could not be reached, 401 or 403 when the caller may not do what it asked,
// so that load balancers and clients see it without reading the body.
type statusKey struct{}

func markStatus(ctx context.Context, status int) {
	if flag, ok := ctx.Value(statusKey{}).(*atomic.Int64); ok {
		flag.CompareAndSwap(0, int64(status))
	}
}

// graphqlStatus answers a GraphQL request with the status markStatus set, if any.
func graphqlStatus(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		flag := new(atomic.Int64)
		next.ServeHTTP(&statusWriter{ResponseWriter: w, flag: flag}, r.WithContext(context.WithValue(r.Context(), statusKey{}, flag)))
	})
}

type statusWriter struct {
	http.ResponseWriter
	flag        *atomic.Int64
	wroteHeader bool
}

func (w *statusWriter) WriteHeader(status int) {
	if w.wroteHeader {
		return
	}
	w.wroteHeader = true
	if marked := w.flag.Load(); status == http.StatusOK && marked != 0 {
		status = int(marked)
	}
	w.ResponseWriter.WriteHeader(status)
}

func (w *statusWriter) Write(b []byte) (int, error) {
	if !w.wroteHeader {
		w.WriteHeader(http.StatusOK)
	}
	return w.ResponseWriter.Write(b)
}

func (w *statusWriter) Unwrap() http.ResponseWriter { return w.ResponseWriter }

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
