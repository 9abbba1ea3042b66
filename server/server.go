// Package server is accgraph's HTTP side (routes.go lists every route): the GraphQL
// endpoint — gqlgen's executor from package schema, each query read compiled by package
// graph into one Cypher statement before the one-line resolvers run, behind the document
// limits, the cost model, API keys and rate limits — the saved queries as JSON and CSV, W3C
// reconciliation and /match, the explorer and GraphiQL, metrics, and the health and
// readiness probes. error.go maps graph's error codes to what callers see.
package server

import (
	"context"
	"errors"
	"log/slog"
	"net"
	"net/http"
	"strconv"
	"sync"

	"github.com/99designs/gqlgen/graphql"
	"github.com/99designs/gqlgen/graphql/executor"
	"time"

	"github.com/accgraph/accgraph/graph"
	"github.com/accgraph/accgraph/metrics"
)

// Server serves the API over HTTP. Set its fields, then Open it.
type Server struct {
	Addr          string       // listen address, e.g. ":8080"; ":0" picks a free port
	DB            *graph.DB    // the knowledge graph
	Logger        *slog.Logger // request and error logs (default: slog.Default(), set by Handler)
	Introspection bool         // allow GraphQL introspection (GraphiQL needs it)
	MaxDepth      int          // deepest query accepted (DefaultMaxDepth when 0)
	MaxComplexity int          // costliest query accepted (DefaultMaxComplexity when 0)
	// TrustedDocuments is the allow-list mode: callers without an API key may run only
	// saved queries.
	TrustedDocuments bool
	MaxAliases       int     // aliased fields per request (DefaultMaxAliases when 0)
	RatePerKey       float64 // requests per second per API key (DefaultRatePerKey when 0)
	RatePerIP        float64 // requests per second per client IP without a key (DefaultRatePerIP when 0)
	// AuthFailuresPerMinute bounds failed authentications per client IP; past it the IP
	// is answered 429 before any lookup (DefaultAuthFailuresPerMin when 0).
	AuthFailuresPerMinute float64
	CORSOrigins           []string // origins allowed to call from a browser; none: same origin only
	JWT                   JWTConfig
	// KeyRecheck is how long a confirmed API key is trusted before Neo4j is asked again,
	// which bounds how long a revoked key still works (DefaultKeyRecheck when 0; negative:
	// every request asks).
	KeyRecheck time.Duration
	// Metrics receives the server's counts and times, served at /metrics (a registry of
	// its own when nil, set by Handler).
	Metrics *metrics.Metrics
	// MetricsAddr, when set, serves /metrics on this address only (e.g. 127.0.0.1:9090,
	// for Prometheus on the same host or network), not on Addr, so callers of the API
	// never read the operation names.
	MetricsAddr string
	// NoDirectWrites answers every query through gqlgen's generated executor, never the
	// direct writer (direct.go): the differential test's reference and the benchmark's.
	NoDirectWrites bool

	ln, metricsLn     net.Listener
	http, metricsHTTP *http.Server
	once              sync.Once
	jwt               *jwtVerifier // nil when tokens are not accepted
	keys              keyCache
	schema            graphql.ExecutableSchema
	exec              *executor.Executor
	savedDocuments    savedDocuments // the saved queries runSavedQuery is costed by
	direct            directStats    // how queries were answered
}

// Prepare checks the configuration that can fail (the JWKS file); Open and tests call it
// before Handler.
func (s *Server) Prepare() error {
	if !s.JWT.Enabled() {
		return nil
	}
	v, err := newJWTVerifier(s.JWT)
	if err != nil {
		return graph.Errorf(graph.EINVALID, "%v", err)
	}
	s.jwt = v
	return nil
}

// DefaultTimeoutForWrites bounds how long an answer may take to be written; reads are
// bounded first by their Neo4j transaction timeout.
const DefaultTimeoutForWrites = 30 * time.Second

// Open starts listening and serving in the background.
func (s *Server) Open() error {
	if err := s.Prepare(); err != nil {
		return err
	}
	ln, err := net.Listen("tcp", s.Addr)
	if err != nil {
		return graph.Errorf(graph.EUNAVAILABLE, "listen on %s: %v", s.Addr, err)
	}
	s.ln = ln
	if s.MetricsAddr != "" {
		mln, err := net.Listen("tcp", s.MetricsAddr)
		if err != nil {
			_ = ln.Close()
			return graph.Errorf(graph.EUNAVAILABLE, "listen on %s for metrics: %v", s.MetricsAddr, err)
		}
		s.metricsLn = mln
	}
	s.http = &http.Server{
		Handler:           s.Handler(),
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       30 * time.Second,
		WriteTimeout:      2 * DefaultTimeoutForWrites,
		IdleTimeout:       2 * time.Minute,
		ErrorLog:          slog.NewLogLogger(s.Logger.Handler(), slog.LevelWarn),
	}
	go func() {
		if err := s.http.Serve(ln); err != nil && !errors.Is(err, http.ErrServerClosed) {
			s.Logger.Error("http server stopped", "err", err)
		}
	}()
	if s.metricsLn != nil {
		mux := http.NewServeMux()
		mux.Handle("GET /metrics", s.Metrics.Handler())
		s.metricsHTTP = &http.Server{Handler: securityHeaders(apiPolicy, mux), ReadHeaderTimeout: 10 * time.Second,
			ErrorLog: slog.NewLogLogger(s.Logger.Handler(), slog.LevelWarn)}
		go func() {
			if err := s.metricsHTTP.Serve(s.metricsLn); err != nil && !errors.Is(err, http.ErrServerClosed) {
				s.Logger.Error("metrics server stopped", "err", err)
			}
		}()
	}
	return nil
}

// Close stops accepting connections and waits for in-flight requests until ctx ends.
func (s *Server) Close(ctx context.Context) error {
	if s.http == nil {
		return nil
	}
	if s.metricsHTTP != nil {
		_ = s.metricsHTTP.Shutdown(ctx)
	}
	return s.http.Shutdown(ctx)
}

// URL is the server's base URL, e.g. "http://127.0.0.1:8080".
func (s *Server) URL() string { return listenerURL(s.ln) }

// MetricsURL is the base URL of the metrics listener, "" without MetricsAddr.
func (s *Server) MetricsURL() string {
	if s.metricsLn == nil {
		return ""
	}
	return listenerURL(s.metricsLn)
}

func listenerURL(ln net.Listener) string {
	addr := ln.Addr().(*net.TCPAddr)
	host := addr.IP.String()
	if addr.IP.IsUnspecified() {
		host = "127.0.0.1"
	}
	return "http://" + net.JoinHostPort(host, strconv.Itoa(addr.Port))
}
