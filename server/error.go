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

// statusClientClosedRequest is nginx's status for a request its caller abandoned: no one
// reads it, but the request log and the metrics say what happened.
const statusClientClosedRequest = 499

// codes maps each graph error code to what a caller sees: the GraphQL extensions.code
// and the HTTP status. The status is the answer's for a route of accgraph's own (writeError,
// writeGraphQLError) and for UNAVAILABLE, UNAUTHENTICATED and FORBIDDEN in a GraphQL answer
// (markStatus); gqlgen sets the status of its other GraphQL answers (200, or 422/400 for a
// refused document).
var codes = map[string]struct {
	gql    string
	status int
}{
	graph.EINVALID:            {"BAD_USER_INPUT", http.StatusBadRequest},
	graph.ENOTFOUND:           {"NOT_FOUND", http.StatusNotFound},
	graph.ECONFLICT:           {"CONFLICT", http.StatusConflict},
	graph.EUNAVAILABLE:        {"UNAVAILABLE", http.StatusServiceUnavailable},
	graph.ETIMEOUT:            {"TIMEOUT", http.StatusGatewayTimeout},
	graph.ECANCELED:           {"CANCELED", statusClientClosedRequest},
	graph.EUNAUTHENTICATED:    {"UNAUTHENTICATED", http.StatusUnauthorized},
	graph.EFORBIDDEN:          {"FORBIDDEN", http.StatusForbidden},
	graph.EINTERNAL:           {"INTERNAL_SERVER_ERROR", http.StatusInternalServerError},
	graph.EBADREQUEST:         {"BAD_REQUEST", http.StatusBadRequest},
	graph.EBODYTOOLARGE:       {"BODY_TOO_LARGE", http.StatusRequestEntityTooLarge},
	graph.EBATCHING:           {"BATCHING_NOT_SUPPORTED", http.StatusBadRequest},
	graph.EMETHOD:             {"METHOD_NOT_ALLOWED", http.StatusMethodNotAllowed},
	graph.ERATELIMITED:        {"RATE_LIMITED", http.StatusTooManyRequests},
	graph.EPERSISTEDONLY:      {"PERSISTED_QUERY_NOT_ALLOWED", http.StatusForbidden},
	graph.EQUERYTOOLARGE:      {"QUERY_TOO_LARGE", http.StatusBadRequest},
	graph.EFIELDLIMIT:         {"FIELD_LIMIT_EXCEEDED", http.StatusBadRequest},
	graph.EDEPTHLIMIT:         {"DEPTH_LIMIT_EXCEEDED", http.StatusBadRequest},
	graph.EINPUTDEPTHLIMIT:    {"INPUT_DEPTH_LIMIT_EXCEEDED", http.StatusBadRequest},
	graph.EALIASLIMIT:         {"ALIAS_LIMIT_EXCEEDED", http.StatusBadRequest},
	graph.ECOMPLEXITYLIMIT:    {"COMPLEXITY_LIMIT_EXCEEDED", http.StatusBadRequest},
	graph.EINTROSPECTIONLIMIT: {"INTROSPECTION_LIMIT_EXCEEDED", http.StatusBadRequest},
	graph.EINTROSPECTIONOFF:   {"INTROSPECTION_DISABLED", http.StatusBadRequest},
}

// gqlCode is the GraphQL extensions.code of a graph error code (an internal error's for
// a code the table lacks, which TestEveryCodeMapsOnce rules out).
func gqlCode(code string) string {
	if m, ok := codes[code]; ok {
		return m.gql
	}
	return codes[graph.EINTERNAL].gql
}

// httpStatus is the HTTP status of a graph error code (500 for a code the table lacks).
func httpStatus(code string) int {
	if m, ok := codes[code]; ok {
		return m.status
	}
	return http.StatusInternalServerError
}

// gqlError is a GraphQL error with code's extensions.code, for a refusal made before the
// resolvers run.
func gqlError(code, format string, args ...any) *gqlerror.Error {
	err := gqlerror.Errorf(format, args...)
	err.Extensions = map[string]any{"code": gqlCode(code)}
	return err
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
	gqlErr.Extensions["code"] = gqlCode(code)
	var ge *graph.Error
	if errors.As(gqlErr.Err, &ge) && ge.Path != "" {
		gqlErr.Extensions["argument"] = ge.Path
	}
	switch code {
	case graph.EUNAVAILABLE, graph.EUNAUTHENTICATED, graph.EFORBIDDEN:
		markStatus(ctx, httpStatus(code))
	}
	return gqlErr
}

// writeError answers a non-GraphQL route with err's status and caller-safe message.
func (s *Server) writeError(w http.ResponseWriter, r *http.Request, err error) {
	code := graph.ErrorCode(err)
	if code == graph.EINTERNAL {
		s.Logger.ErrorContext(r.Context(), "request failed", "path", r.URL.Path, "err", err)
	}
	writeJSON(w, httpStatus(code), map[string]string{"error": s.callerMessage(r.Context(), err), "code": gqlCode(code)})
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

// writeGraphQLError answers in the GraphQL response shape with code's status, for
// refusals made before gqlgen runs.
func writeGraphQLError(w http.ResponseWriter, code, message string) {
	writeJSON(w, httpStatus(code), map[string]any{"errors": []map[string]any{{"message": message, "extensions": map[string]string{"code": gqlCode(code)}}}})
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(v)
}
