package server

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"mime"
	"net/http"

	"github.com/99designs/gqlgen/graphql"
	"github.com/99designs/gqlgen/graphql/executor"
	"github.com/99designs/gqlgen/graphql/handler"
	"github.com/99designs/gqlgen/graphql/handler/extension"
	"github.com/99designs/gqlgen/graphql/handler/lru"
	"github.com/99designs/gqlgen/graphql/handler/transport"
	"github.com/rs/cors"
	"github.com/vektah/gqlparser/v2/ast"

	"github.com/accgraph/accgraph/graph"
	"github.com/accgraph/accgraph/metrics"
	"github.com/accgraph/accgraph/schema"
	"github.com/accgraph/accgraph/server/webui"
)

// Handler lists every route the server answers.
func (s *Server) Handler() http.Handler {
	s.setup()
	mux := http.NewServeMux()
	mux.Handle("/graphql", graphqlMethods(readBody(s.trustedDocuments(graphqlStatus(s.graphqlHandler())))))
	graphiql := graphiqlHandler()
	mux.Handle("GET /graphiql", graphiql)
	mux.Handle("GET /graphiql/{file}", webui.Dir("graphiql"))
	mux.HandleFunc("GET /explore", handleExplore)
	mux.Handle("GET /explore/{file}", webui.Dir("explore"))
	mux.Handle("GET /{$}", http.RedirectHandler("/explore", http.StatusFound))
	mux.HandleFunc("GET /favicon.ico", handleFavicon)
	mux.HandleFunc("GET /healthz", s.handleHealthz)
	mux.HandleFunc("GET /readyz", s.handleReadyz)
	mux.HandleFunc("GET /saved", s.handleSavedList)
	mux.HandleFunc("GET /saved/{name}", s.handleSavedRun)
	if s.MetricsAddr == "" { // else only on its own listener (Open)
		mux.Handle("GET /metrics", s.Metrics.Handler())
	}
	s.reconcileRoutes(mux) // /reconcile (W3C reconciliation) and /match/{dataset} (yente's)
	var h http.Handler = mux
	if len(s.CORSOrigins) > 0 {
		h = cors.New(cors.Options{AllowedOrigins: s.CORSOrigins, AllowedMethods: []string{"GET", "POST"},
			AllowedHeaders: []string{"Authorization", "Content-Type"}, MaxAge: 600}).Handler(h)
	}
	return securityHeaders(pagePolicy(inlineScripts(graphiql)), s.logRequests(mux, s.limitRate(s.authenticate(h))))
}

// setup builds, once, what every route shares: the logger, the executable schema and an
// executor for saved queries run inside the server.
func (s *Server) setup() {
	s.once.Do(func() {
		if s.Logger == nil {
			s.Logger = slog.Default()
		}
		s.Logger = slog.New(requestIDHandler{s.Logger.Handler()})
		if s.Metrics == nil {
			s.Metrics = metrics.New()
		}
		if s.DB != nil { // nil only where saved queries are validated offline
			s.DB.SetObserver(s.Metrics)
		}
		s.schema = newDirectSchema(schema.NewExecutableSchema(schema.Config{Resolvers: &Resolver{DB: s.DB, Server: s}}), s)
		s.exec = executor.New(s.schema)
		s.configure(s.exec)
	})
}

// graphqlHandler is gqlgen's executor with explicit transports: POST for everything,
// GET for queries only (gqlgen refuses mutations over GET). POST is postTransport: gqlgen's,
// but for how it writes an answer of data alone.
func (s *Server) graphqlHandler() http.Handler {
	h := handler.New(s.schema)
	h.AddTransport(transport.Options{})
	h.AddTransport(transport.GET{})
	h.AddTransport(postTransport{})
	s.configure(h)
	return h
}

// executorSettings is what handler.Server and executor.Executor share.
type executorSettings interface {
	Use(graphql.HandlerExtension)
	SetQueryCache(graphql.Cache[*ast.QueryDocument])
	SetErrorPresenter(graphql.ErrorPresenterFunc)
	SetRecoverFunc(graphql.RecoverFunc)
}

// configure applies the limits, caches and the one-statement read to an executor.
func (s *Server) configure(x executorSettings) {
	x.SetQueryCache(lru.New[*ast.QueryDocument](1000))
	x.Use(newDocumentLimits())
	if s.Introspection {
		x.Use(extension.Introspection{})
	} else {
		x.Use(refuseIntrospection{})
	}
	x.Use(extension.AutomaticPersistedQuery{Cache: lru.New[string](100)})
	x.Use(shapeLimits{maxDepth: orDefault(s.MaxDepth, DefaultMaxDepth), maxAliases: orDefault(s.MaxAliases, DefaultMaxAliases)})
	x.Use(costLimit{s: s, limit: orDefault(s.MaxComplexity, DefaultMaxComplexity)})
	x.Use(readAhead{db: s.DB})
	x.Use(operationMetrics{s})
	x.SetErrorPresenter(s.presentError)
	x.SetRecoverFunc(s.recoverPanic)
}

// readBody refuses a request body over MaxBodyBytes with 413 (before reading it when
// its length is declared, while reading it otherwise) and, for JSON, a batch (an array of
// operations) or a body that is not JSON, with 400 and a message that says which:
// gqlgen's own answer would echo the whole body back.
func readBody(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.ContentLength > MaxBodyBytes {
			writeGraphQLError(w, graph.EBODYTOOLARGE, "the request body exceeds 1 MB")
			return
		}
		if r.Method != http.MethodPost {
			next.ServeHTTP(w, r)
			return
		}
		body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, MaxBodyBytes))
		var tooLarge *http.MaxBytesError
		switch {
		case errors.As(err, &tooLarge):
			writeGraphQLError(w, graph.EBODYTOOLARGE, "the request body exceeds 1 MB")
			return
		case err != nil:
			writeGraphQLError(w, graph.EBADREQUEST, "the request body could not be read")
			return
		}
		r.Body = io.NopCloser(bytes.NewReader(body))
		if media, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type")); media == "application/json" {
			if trimmed := bytes.TrimLeft(body, " \t\r\n"); len(trimmed) > 0 && trimmed[0] == '[' {
				writeGraphQLError(w, graph.EBATCHING,
					"batched requests (a JSON array of operations) are not supported: send one operation per request")
				return
			}
			if err := checkJSON(body); err != nil {
				writeGraphQLError(w, graph.EBADREQUEST, "the request body is not valid JSON: "+err.Error())
				return
			}
			if err := checkParams(body); err != nil {
				writeGraphQLError(w, graph.EBADREQUEST, "the request body is not a GraphQL request: "+err.Error())
				return
			}
		}
		next.ServeHTTP(w, r)
	})
}

// checkJSON returns why body is not one JSON value, naming the byte offset.
func checkJSON(body []byte) error {
	if json.Valid(body) {
		return nil
	}
	var v any
	err := json.Unmarshal(body, &v)
	var syntax *json.SyntaxError
	if errors.As(err, &syntax) {
		return fmt.Errorf("%v (at byte %d)", syntax, syntax.Offset)
	}
	if err == nil { // Valid refuses what Unmarshal takes only for trailing data
		return errors.New("more than one JSON value")
	}
	return err
}

// checkParams returns why a JSON body is not a GraphQL request (an object whose query,
// operationName and documentId are strings and variables and extensions objects), naming
// the field and the kind of value but never the body itself, which gqlgen would echo.
func checkParams(body []byte) error {
	var p struct {
		Query         string         `json:"query"`
		OperationName string         `json:"operationName"`
		DocumentID    string         `json:"documentId"`
		Variables     map[string]any `json:"variables"`
		Extensions    map[string]any `json:"extensions"`
	}
	err := json.Unmarshal(body, &p)
	var typeErr *json.UnmarshalTypeError
	switch {
	case err == nil:
		return nil
	case errors.As(err, &typeErr) && typeErr.Field != "":
		return fmt.Errorf("%s must be %s, not a JSON %s", typeErr.Field, jsonKind(typeErr.Type.Kind().String()), typeErr.Value)
	}
	return errors.New("it must be a JSON object")
}

// jsonKind names a Go kind the way JSON does.
func jsonKind(kind string) string {
	if kind == "map" {
		return "an object"
	}
	return "a " + kind
}

func orDefault(v, def int) int {
	if v > 0 {
		return v
	}
	return def
}
