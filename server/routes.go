package server

import (
	"log/slog"
	"net/http"

	"github.com/99designs/gqlgen/graphql/handler"
	"github.com/99designs/gqlgen/graphql/handler/extension"
	"github.com/99designs/gqlgen/graphql/handler/lru"
	"github.com/99designs/gqlgen/graphql/handler/transport"
	"github.com/99designs/gqlgen/graphql/playground"
	"github.com/vektah/gqlparser/v2/ast"

	"github.com/accgraph/accgraph/schema"
)

// Handler lists every route the server answers.
func (s *Server) Handler() http.Handler {
	if s.Logger == nil {
		s.Logger = slog.Default()
	}
	mux := http.NewServeMux()
	mux.Handle("/graphql", statusFor503(s.graphqlHandler()))
	mux.Handle("GET /graphiql", playground.Handler("accgraph GraphiQL", "/graphql"))
	mux.HandleFunc("GET /healthz", s.handleHealthz)
	mux.HandleFunc("GET /readyz", s.handleReadyz)
	return s.logRequests(mux)
}

// graphqlHandler is gqlgen's executor with explicit transports: POST for everything,
// GET for queries only (gqlgen refuses mutations over GET).
func (s *Server) graphqlHandler() http.Handler {
	h := handler.New(costedSchema{schema.NewExecutableSchema(schema.Config{Resolvers: &Resolver{DB: s.DB}})})
	h.AddTransport(transport.Options{})
	h.AddTransport(transport.GET{})
	h.AddTransport(transport.POST{})
	h.SetQueryCache(lru.New[*ast.QueryDocument](1000))
	if s.Introspection {
		h.Use(extension.Introspection{})
	} else {
		h.Use(refuseIntrospection{})
	}
	h.Use(extension.AutomaticPersistedQuery{Cache: lru.New[string](100)})
	h.Use(depthLimit{max: orDefault(s.MaxDepth, DefaultMaxDepth)})
	h.Use(extension.FixedComplexityLimit(orDefault(s.MaxComplexity, DefaultMaxComplexity)))
	h.Use(readAhead{db: s.DB})
	h.SetErrorPresenter(s.presentError)
	h.SetRecoverFunc(s.recoverPanic)
	return h
}

func orDefault(v, def int) int {
	if v > 0 {
		return v
	}
	return def
}
