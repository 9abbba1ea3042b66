package main

import (
	"context"
	"flag"
	"io"
	"log/slog"

	"github.com/accgraph/accgraph/graph"
	"github.com/accgraph/accgraph/neo4j"
)

// database is how a command reaches Neo4j: NEO4J_URI when set, the embedded Neo4j
// otherwise. serve and seed share it.
type database struct {
	Graph    graph.Config // an empty URI starts the embedded Neo4j
	Embedded neo4j.Config

	neo4j *neo4j.Server
	db    *graph.DB
}

func (d *database) register(fs *flag.FlagSet, env Env) {
	stringFlag(fs, env, &d.Graph.URI, "neo4j-uri", "NEO4J_URI", "", "Neo4j to use, neo4j:// or bolt://; empty starts the embedded Neo4j")
	stringFlag(fs, env, &d.Graph.User, "neo4j-user", "NEO4J_USER", "neo4j", "Neo4j user")
	stringFlag(fs, env, &d.Graph.Database, "neo4j-database", "NEO4J_DATABASE", "neo4j", "Neo4j database")
	embeddedFlags(fs, env, &d.Embedded)
}

// open starts the embedded Neo4j when no URI is set, connects and migrates.
func (d *database) open(ctx context.Context, logger *slog.Logger) (*graph.DB, error) {
	d.Graph.Password = d.Embedded.Password
	d.Embedded.Logger = logger
	if d.Graph.URI == "" {
		srv, err := neo4j.Start(ctx, d.Embedded, neo4j.Child)
		if err != nil {
			return nil, err
		}
		d.neo4j = srv
		d.Graph.URI = srv.URI
		if d.Embedded.Password != "" {
			d.Graph.User = neo4j.User
		}
	}
	db, err := graph.Open(ctx, d.Graph)
	if err != nil {
		return nil, err
	}
	d.db = db
	if err := db.Migrate(ctx); err != nil {
		return nil, err
	}
	logger.Info("schema migrated", "version", graph.LatestSchemaVersion)
	return db, nil
}

// connect builds the logger logs describe and opens the database with it. Call close
// afterwards even when it fails: it may have started the embedded Neo4j.
func (d *database) connect(ctx context.Context, logs *logConfig, stderr io.Writer) (*graph.DB, *slog.Logger, error) {
	logger, err := logs.logger(stderr)
	if err != nil {
		return nil, nil, err
	}
	db, err := d.open(ctx, logger)
	return db, logger, err
}

// close closes the driver, then stops the embedded Neo4j this command started, if any.
func (d *database) close(ctx context.Context) error {
	var first error
	if d.db != nil {
		first = d.db.Close(ctx)
	}
	if d.neo4j != nil {
		if err := d.neo4j.Stop(ctx); err != nil && first == nil {
			first = err
		}
	}
	return first
}
