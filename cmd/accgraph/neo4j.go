package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"time"

	"github.com/accgraph/accgraph/neo4j"
)

// Neo4jCommand runs the embedded Neo4j: start, stop, status, exec.
type Neo4jCommand struct {
	Env            Env
	Stdout, Stderr io.Writer
}

// embeddedFlags registers the flags that describe the embedded Neo4j.
func embeddedFlags(fs *flag.FlagSet, env Env, cfg *neo4j.Config) {
	stringFlag(fs, env, &cfg.Dir, "neo4j-dir", "ACCGRAPH_NEO4J_DIR", "data/neo4j", "embedded Neo4j home: data, logs, pid")
	intFlag(fs, env, &cfg.Port, "neo4j-port", "ACCGRAPH_NEO4J_PORT", 7687, "embedded Neo4j Bolt port on 127.0.0.1 (0: any free port)")
	stringFlag(fs, env, &cfg.Heap, "neo4j-heap", "ACCGRAPH_NEO4J_HEAP", "1g", "embedded Neo4j JVM heap")
	stringFlag(fs, env, &cfg.PageCache, "neo4j-pagecache", "ACCGRAPH_NEO4J_PAGECACHE", "512m", "embedded Neo4j page cache")
	stringFlag(fs, env, &cfg.CacheDir, "cache", "ACCGRAPH_CACHE", "", "where the embedded Neo4j's jars are built (default: the user cache dir)")
	stringFlag(fs, env, &cfg.Password, "neo4j-password", "NEO4J_PASSWORD", "", "password of user neo4j; empty runs the embedded Neo4j with auth off")
}

func (c *Neo4jCommand) Run(ctx context.Context, args []string) error {
	if len(args) == 0 {
		return usageError("neo4j: want start, stop, status or exec")
	}
	fs := flagSet("neo4j "+args[0], c.Stderr)
	var cfg neo4j.Config
	embeddedFlags(fs, c.Env, &cfg)
	var logs logConfig
	logs.register(fs, c.Env)
	if err := fs.Parse(args[1:]); err != nil {
		return usageError(err.Error())
	}
	logger, err := logs.logger(c.Stderr)
	if err != nil {
		return err
	}
	cfg.Logger = logger

	switch args[0] {
	case "start":
		srv, err := neo4j.Start(ctx, cfg, neo4j.Detached)
		if err != nil {
			return err
		}
		if !srv.Started {
			logger.Info("neo4j was already running; not starting another", "pid", srv.PID)
		}
		fmt.Fprintln(c.Stdout, srv.URI)
		return nil
	case "stop":
		stopped, err := neo4j.Stop(ctx, cfg)
		if err != nil {
			return err
		}
		if stopped {
			fmt.Fprintln(c.Stdout, "stopped")
		} else {
			fmt.Fprintln(c.Stdout, "not running")
		}
		return nil
	case "status":
		st, err := neo4j.ReadStatus(ctx, cfg)
		switch {
		case err != nil:
			return err
		case !st.Running:
			fmt.Fprintln(c.Stdout, "down")
			return exitError(3)
		case st.Err != nil:
			fmt.Fprintf(c.Stdout, "up %s pid %d, but Bolt does not answer: %s\n", st.URI, st.PID, oneLine(st.Err.Error()))
			return exitError(1)
		}
		fmt.Fprintf(c.Stdout, "up %s pid %d %s\n", st.URI, st.PID, st.Version)
		return nil
	case "exec":
		return c.exec(ctx, cfg, fs)
	}
	return usageError(fmt.Sprintf("neo4j: unknown subcommand %q: want start, stop, status or exec", args[0]))
}

// exec starts a private Neo4j (a fresh directory unless --neo4j-dir is given, a free port
// unless --neo4j-port is), runs the command after "--" with NEO4J_URI, NEO4J_USER and
// NEO4J_PASSWORD set, stops Neo4j and exits with the command's status.
func (c *Neo4jCommand) exec(ctx context.Context, cfg neo4j.Config, fs *flag.FlagSet) error {
	argv := fs.Args()
	if len(argv) == 0 {
		return usageError("neo4j exec: want a command after --")
	}
	if !isSet(fs, "neo4j-dir") {
		dir, err := os.MkdirTemp("", "accgraph-neo4j-")
		if err != nil {
			return err
		}
		defer os.RemoveAll(dir)
		cfg.Dir = dir
	}
	if !isSet(fs, "neo4j-port") {
		cfg.Port = 0
	}
	began := time.Now()
	srv, err := neo4j.Start(ctx, cfg, neo4j.Child)
	if err != nil {
		return err
	}
	cfg.Logger.Info("neo4j for the command is up", "uri", srv.URI, "took", time.Since(began).Round(time.Millisecond).String())
	defer func() {
		if err := srv.Stop(context.WithoutCancel(ctx)); err != nil {
			cfg.Logger.Error("stop neo4j", "err", err)
		}
	}()

	cmd := exec.Command(argv[0], argv[1:]...)
	cmd.Stdin, cmd.Stdout, cmd.Stderr = os.Stdin, c.Stdout, c.Stderr
	cmd.Env = append(os.Environ(), "NEO4J_URI="+srv.URI, "NEO4J_USER="+neo4j.User, "NEO4J_PASSWORD="+cfg.Password)
	err = cmd.Run()
	var exit *exec.ExitError
	if errors.As(err, &exit) {
		return exitError(max(exit.ExitCode(), 1)) // -1: killed by a signal
	}
	return err
}

func isSet(fs *flag.FlagSet, name string) bool {
	set := false
	fs.Visit(func(f *flag.Flag) { set = set || f.Name == name })
	return set
}
