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
	graph.EINVALID:     "BAD_USER_INPUT",
	graph.ENOTFOUND:    "NOT_FOUND",
	graph.ECONFLICT:    "CONFLICT",
	graph.EUNAVAILABLE: "UNAVAILABLE",
	graph.ETIMEOUT:     "TIMEOUT",
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
	var ge *graph.Error
	if errors.As(gqlErr.Err, &ge) && ge.Path != "" {
		gqlErr.Extensions["argument"] = ge.Path
	}
	if code == graph.EUNAVAILABLE {
		markUnavailable(ctx)
	}
	return gqlErr
}

// httpCodes maps graph error codes to HTTP statuses for the non-GraphQL routes.
var httpCodes = map[string]int{
	graph.EINVALID:     http.StatusBadRequest,
	graph.ENOTFOUND:    http.StatusNotFound,
	graph.ECONFLICT:    http.StatusConflict,
	graph.EUNAVAILABLE: http.StatusServiceUnavailable,
	graph.ETIMEOUT:     http.StatusGatewayTimeout,
	graph.EINTERNAL:    http.StatusInternalServerError,
}

// writeError answers a non-GraphQL route with err's status and caller-safe message.
func (s *Server) writeError(w http.ResponseWriter, r *http.Request, err error) {
	code := graph.ErrorCode(err)
	if code == graph.EINTERNAL {
		s.Logger.ErrorContext(r.Context(), "request failed", "path", r.URL.Path, "err", err)
	}
	writeJSON(w, httpCodes[code], map[string]string{"error": graph.ErrorMessage(err), "code": gqlCodes[code]})
}

// unavailableKey marks a request whose answer failed because Neo4j could not be reached:
// the HTTP status becomes 503, so that load balancers and clients see it without reading
// the body.
type unavailableKey struct{}

func markUnavailable(ctx context.Context) {
	if flag, ok := ctx.Value(unavailableKey{}).(*atomic.Bool); ok {
		flag.Store(true)
	}
}

// statusFor503 answers 503 instead of 200 when a GraphQL request failed for want of Neo4j.
func statusFor503(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		flag := new(atomic.Bool)
		next.ServeHTTP(&unavailableWriter{ResponseWriter: w, flag: flag}, r.WithContext(context.WithValue(r.Context(), unavailableKey{}, flag)))
	})
}

type unavailableWriter struct {
	http.ResponseWriter
	flag        *atomic.Bool
	wroteHeader bool
}

func (w *unavailableWriter) WriteHeader(status int) {
	if w.wroteHeader {
		return
	}
	w.wroteHeader = true
	if status == http.StatusOK && w.flag.Load() {
		status = http.StatusServiceUnavailable
	}
	w.ResponseWriter.WriteHeader(status)
}

func (w *unavailableWriter) Write(b []byte) (int, error) {
	if !w.wroteHeader {
		w.WriteHeader(http.StatusOK)
	}
	return w.ResponseWriter.Write(b)
}

func (w *unavailableWriter) Unwrap() http.ResponseWriter { return w.ResponseWriter }

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
