package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"strings"
	"time"

	"github.com/accgraph/accgraph/graph"
	"github.com/accgraph/accgraph/seed"
	"github.com/accgraph/accgraph/server"
)

// ServeCommand serves the API: `accgraph serve`.
type ServeCommand struct {
	Env            Env
	Stdout, Stderr io.Writer
}

// Main is a running accgraph: the database (and the embedded Neo4j it may have
// started) and the HTTP server. Tests start it in process.
type Main struct {
	Addr          string
	MetricsAddr   string // /metrics only there when set
	Database      database
	Introspection bool
	// TrustedDocuments lets callers without an API key run only saved queries.
	TrustedDocuments bool
	Seed             bool // seed an empty graph with the curated dataset
	Limits           limits
	JWT              server.JWTConfig
	Logger           *slog.Logger

	Server *server.Server
}

func (c *ServeCommand) Run(ctx context.Context, args []string) error {
	fs := flagSet("serve", c.Stderr)
	var m Main
	stringFlag(fs, c.Env, &m.Addr, "addr", "ACCGRAPH_ADDR", ":8080", "HTTP listen address")
	stringFlag(fs, c.Env, &m.MetricsAddr, "metrics-addr", "ACCGRAPH_METRICS_ADDR", "", "serve /metrics on this address only, not on --addr (empty: on --addr)")
	var production bool
	boolFlag(fs, c.Env, &production, "production", "ACCGRAPH_PRODUCTION", false, "production mode: introspection off unless asked for")
	boolFlag(fs, c.Env, &m.Introspection, "introspection", "ACCGRAPH_INTROSPECTION", true,
		"allow GraphQL introspection (default: on, off in production mode)")
	m.Limits.register(fs, c.Env)
	stringFlag(fs, c.Env, &m.JWT.HS256Secret, "jwt-hs256-secret", "ACCGRAPH_JWT_HS256_SECRET", "", "accept HS256 bearer tokens signed with this secret")
	stringFlag(fs, c.Env, &m.JWT.JWKSFile, "jwt-jwks", "ACCGRAPH_JWT_JWKS", "", "accept RS256 bearer tokens signed by the keys of this JWKS file")
	stringFlag(fs, c.Env, &m.JWT.RoleClaim, "jwt-role-claim", "ACCGRAPH_JWT_ROLE_CLAIM", "role", "the token claim that holds reader, editor or admin")
	stringFlag(fs, c.Env, &m.JWT.Issuer, "jwt-issuer", "ACCGRAPH_JWT_ISSUER", "", "the issuer tokens must name")
	stringFlag(fs, c.Env, &m.JWT.Audience, "jwt-audience", "ACCGRAPH_JWT_AUDIENCE", "", "the audience tokens must name")
	durationFlag(fs, c.Env, &m.JWT.Leeway, "jwt-leeway", "ACCGRAPH_JWT_LEEWAY", server.DefaultJWTLeeway,
		"clock skew allowed on a token's exp, nbf and iat (negative: none)")
	boolFlag(fs, c.Env, &m.Seed, "seed", "ACCGRAPH_SEED", true, "seed an empty graph with the curated dataset")
	boolFlag(fs, c.Env, &m.TrustedDocuments, "trusted-documents", "ACCGRAPH_TRUSTED_DOCUMENTS", false,
		"allow-list mode: callers without an API key may run only saved queries")
	m.Database.register(fs, c.Env)
	var logs logConfig
	logs.register(fs, c.Env)
	if err := fs.Parse(args); err != nil {
		return usageError(err.Error())
	}
	if fs.NArg() > 0 {
		return usageError(fmt.Sprintf("serve: unexpected argument %q", fs.Arg(0)))
	}
	if production && !isSet(fs, "introspection") && c.Env("ACCGRAPH_INTROSPECTION") == "" {
		m.Introspection = false
	}
	if production && (logs.format == "" || logs.format == "auto") {
		logs.format = "json" // a log collector's format, even when run from a terminal
	}
	logger, err := logs.logger(c.Stderr)
	if err != nil {
		return err
	}
	m.Logger = logger

	if err := m.Open(ctx); err != nil {
		m.Close(context.WithoutCancel(ctx))
		return err
	}
	logger.Info("serving", "graphql", m.Server.URL()+"/graphql", "graphiql", m.Server.URL()+"/graphiql")
	<-ctx.Done()
	logger.Info("shutting down")
	return m.Close(context.WithoutCancel(ctx))
}

// Open connects (starting the embedded Neo4j when no URI is set), migrates, seeds an
// empty graph and serves.
func (m *Main) Open(ctx context.Context) error {
	db, err := m.Database.open(ctx, m.Logger)
	if err != nil {
		return err
	}
	if m.Seed {
		empty, err := db.IsEmpty(ctx)
		if err != nil {
			return err
		}
		if empty {
			began := time.Now()
			stats, err := seedGraph(ctx, db, seed.Data())
			if err != nil {
				return fmt.Errorf("seed the empty graph: %w", err)
			}
			m.Logger.Info("seeded the empty graph with the curated dataset", "entities", stats.Entities,
				"links", stats.Links, "citations", stats.Citations, "took", time.Since(began).Round(time.Millisecond).String())
		}
	}
	if m.Seed {
		n, err := saveBuiltInQueries(ctx, db)
		if err != nil {
			return fmt.Errorf("save the built-in saved queries: %w", err)
		}
		m.Logger.Info("built-in saved queries up to date", "queries", n)
	}
	m.Server = &server.Server{Addr: m.Addr, MetricsAddr: m.MetricsAddr, DB: db, Logger: m.Logger, Introspection: m.Introspection,
		TrustedDocuments: m.TrustedDocuments, MaxDepth: m.Limits.depth, MaxComplexity: m.Limits.complexity,
		MaxAliases: m.Limits.aliases, RatePerKey: float64(m.Limits.perKey), RatePerIP: float64(m.Limits.perIP),
		AuthFailuresPerMinute: float64(m.Limits.authFailures), CORSOrigins: m.Limits.origins(), JWT: m.JWT, KeyRecheck: m.Limits.keyRecheck}
	if m.Limits.readTimeout > 0 {
		db.SetTimeout(m.Limits.readTimeout)
	}
	return m.Server.Open()
}

// Close stops in order: the HTTP server (in-flight requests finish, up to 10s), the
// driver, then the embedded Neo4j it started, if any.
func (m *Main) Close(ctx context.Context) error {
	var first error
	if m.Server != nil {
		sctx, cancel := context.WithTimeout(ctx, 10*time.Second)
		first = m.Server.Close(sctx)
		cancel()
	}
	if err := m.Database.close(ctx); err != nil && first == nil {
		first = err
	}
	return first
}

// limits are the configurable safety limits of serve.
type limits struct {
	depth, complexity, aliases, perKey, perIP, authFailures int
	readTimeout, keyRecheck                                 time.Duration
	cors                                                    string
}

func (l *limits) register(fs *flag.FlagSet, env Env) {
	intFlag(fs, env, &l.depth, "max-depth", "ACCGRAPH_MAX_DEPTH", server.DefaultMaxDepth, "deepest query accepted")
	intFlag(fs, env, &l.complexity, "max-complexity", "ACCGRAPH_MAX_COMPLEXITY", server.DefaultMaxComplexity, "costliest query accepted (the cost model: README, Limits)")
	intFlag(fs, env, &l.aliases, "max-aliases", "ACCGRAPH_MAX_ALIASES", server.DefaultMaxAliases, "aliased fields per request")
	intFlag(fs, env, &l.perKey, "rate-per-key", "ACCGRAPH_RATE_PER_KEY", int(server.DefaultRatePerKey), "requests per second per API key")
	intFlag(fs, env, &l.perIP, "rate-per-ip", "ACCGRAPH_RATE_PER_IP", int(server.DefaultRatePerIP), "requests per second per client IP without a key")
	intFlag(fs, env, &l.authFailures, "auth-failures-per-ip", "ACCGRAPH_AUTH_FAILURES_PER_IP", int(server.DefaultAuthFailuresPerMin),
		"failed authentications per minute per client IP; beyond, 429 before any lookup")
	durationFlag(fs, env, &l.readTimeout, "read-timeout", "ACCGRAPH_READ_TIMEOUT", graph.DefaultTimeout, "Neo4j transaction timeout of a read")
	durationFlag(fs, env, &l.keyRecheck, "key-recheck", "ACCGRAPH_KEY_RECHECK", server.DefaultKeyRecheck, "how long a confirmed API key is trusted before Neo4j is asked again: a revoked key works at most this long (negative: every request)")
	stringFlag(fs, env, &l.cors, "cors-origins", "ACCGRAPH_CORS_ORIGINS", "", "comma-separated origins allowed to call from a browser (none: same origin only)")
}

func (l *limits) origins() []string {
	var out []string
	for _, o := range strings.Split(l.cors, ",") {
		if o = strings.TrimSpace(o); o != "" {
			out = append(out, o)
		}
	}
	return out
}
