package main

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"time"

	"github.com/accgraph/accgraph/graph"
	"github.com/accgraph/accgraph/neo4j"
	"github.com/accgraph/accgraph/server"
)

// ServeCommand serves the API: `accgraph serve`.
type ServeCommand struct {
	Env            Env
	Stdout, Stderr io.Writer
}

// Main is a running accgraph: the database connection, the HTTP server and, when no
// NEO4J_URI was given, the embedded Neo4j it started. Tests start it in process.
type Main struct {
	Addr          string
	DB            graph.Config // an empty URI starts the embedded Neo4j
	Embedded      neo4j.Config
	Introspection bool
	Logger        *slog.Logger

	neo4j  *neo4j.Server
	db     *graph.DB
	Server *server.Server
}

func (c *ServeCommand) Run(ctx context.Context, args []string) error {
	fs := flagSet("serve", c.Stderr)
	var m Main
	stringFlag(fs, c.Env, &m.Addr, "addr", "ACCGRAPH_ADDR", ":8080", "HTTP listen address")
	stringFlag(fs, c.Env, &m.DB.URI, "neo4j-uri", "NEO4J_URI", "", "Neo4j to use, neo4j:// or bolt://; empty starts the embedded Neo4j")
	stringFlag(fs, c.Env, &m.DB.User, "neo4j-user", "NEO4J_USER", "neo4j", "Neo4j user")
	stringFlag(fs, c.Env, &m.DB.Database, "neo4j-database", "NEO4J_DATABASE", "neo4j", "Neo4j database")
	boolFlag(fs, c.Env, &m.Introspection, "introspection", "ACCGRAPH_INTROSPECTION", true, "allow GraphQL introspection")
	embeddedFlags(fs, c.Env, &m.Embedded)
	var logs logConfig
	logs.register(fs, c.Env)
	if err := fs.Parse(args); err != nil {
		return usageError(err.Error())
	}
	if fs.NArg() > 0 {
		return usageError(fmt.Sprintf("serve: unexpected argument %q", fs.Arg(0)))
	}
	logger, err := logs.logger(c.Stderr)
	if err != nil {
		return err
	}
	m.Logger, m.Embedded.Logger = logger, logger
	m.DB.Password = m.Embedded.Password

	if err := m.Open(ctx); err != nil {
		m.Close(context.WithoutCancel(ctx))
		return err
	}
	logger.Info("serving", "graphql", m.Server.URL()+"/graphql", "graphiql", m.Server.URL()+"/graphiql")
	<-ctx.Done()
	logger.Info("shutting down")
	return m.Close(context.WithoutCancel(ctx))
}

// Open starts the embedded Neo4j when no URI is set, connects, migrates and serves.
func (m *Main) Open(ctx context.Context) error {
	if m.DB.URI == "" {
		srv, err := neo4j.Start(ctx, m.Embedded, neo4j.Child)
		if err != nil {
			return err
		}
		m.neo4j = srv
		m.DB.URI = srv.URI
		if m.Embedded.Password != "" {
			m.DB.User = neo4j.User
		}
	}
	db, err := graph.Open(ctx, m.DB)
	if err != nil {
		return err
	}
	m.db = db
	began := time.Now()
	if err := db.Migrate(ctx); err != nil {
		return err
	}
	m.Logger.Info("schema migrated", "version", graph.LatestSchemaVersion, "took", time.Since(began).Round(time.Millisecond).String())
	m.Server = &server.Server{Addr: m.Addr, DB: db, Logger: m.Logger, Introspection: m.Introspection}
	return m.Server.Open()
}

// Close stops in order: the HTTP server (in-flight requests finish, up to 10s), the
// driver, then the embedded Neo4j it started, if any.
func (m *Main) Close(ctx context.Context) error {
	var first error
	keep := func(err error) {
		if err != nil && first == nil {
			first = err
		}
	}
	if m.Server != nil {
		sctx, cancel := context.WithTimeout(ctx, 10*time.Second)
		keep(m.Server.Close(sctx))
		cancel()
	}
	if m.db != nil {
		keep(m.db.Close(ctx))
	}
	if m.neo4j != nil {
		keep(m.neo4j.Stop(ctx))
	}
	return first
}
