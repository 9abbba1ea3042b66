package main

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"time"

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
	Database      database
	Introspection bool
	// TrustedDocuments lets callers without an API key run only saved queries.
	TrustedDocuments bool
	Seed             bool // seed an empty graph with the curated dataset
	Logger           *slog.Logger

	Server *server.Server
}

func (c *ServeCommand) Run(ctx context.Context, args []string) error {
	fs := flagSet("serve", c.Stderr)
	var m Main
	stringFlag(fs, c.Env, &m.Addr, "addr", "ACCGRAPH_ADDR", ":8080", "HTTP listen address")
	boolFlag(fs, c.Env, &m.Introspection, "introspection", "ACCGRAPH_INTROSPECTION", true, "allow GraphQL introspection")
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
	m.Server = &server.Server{Addr: m.Addr, DB: db, Logger: m.Logger, Introspection: m.Introspection,
		TrustedDocuments: m.TrustedDocuments}
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
