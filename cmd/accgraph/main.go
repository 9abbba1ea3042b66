// Command accgraph is accgraph's one binary. serve answers GraphQL, the explorer, GraphiQL,
// the saved queries and reconciliation over HTTP (starting the embedded Neo4j unless
// NEO4J_URI names one, migrating, and seeding an empty graph); seed, import and export move
// data in and out; query lists, runs and saves saved queries; keys manages API keys; gen
// writes a synthetic graph for benchmarks; neo4j runs the embedded Neo4j on its own. Each
// command is a type with its own flags, in a file of its own.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"strings"
	"syscall"

	"github.com/accgraph/accgraph/graph"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	err := Run(ctx, os.Args[1:], os.Getenv, os.Stdout, os.Stderr)
	stop()
	os.Exit(exitCode(err, os.Stderr))
}

// Env is what a command reads its environment through (os.Getenv, or a map in tests).
type Env func(string) string

// Run runs the subcommand named by args[0].
func Run(ctx context.Context, args []string, env Env, stdout, stderr io.Writer) error {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return usageError("no command given")
	}
	// `accgraph keys --help` must print help, not start a Neo4j to list keys with: the
	// commands with subcommands would take --help for one
	if len(args) > 1 && isHelp(args[1]) && (args[0] == "keys" || args[0] == "query" || args[0] == "import" || args[0] == "neo4j") {
		fmt.Fprint(stdout, usage)
		return nil
	}
	switch args[0] {
	case "serve":
		return (&ServeCommand{Env: env, Stdout: stdout, Stderr: stderr}).Run(ctx, args[1:])
	case "seed":
		return (&SeedCommand{Env: env, Stdout: stdout, Stderr: stderr}).Run(ctx, args[1:])
	case "import":
		return (&ImportCommand{Env: env, Stdout: stdout, Stderr: stderr, Stdin: os.Stdin}).Run(ctx, args[1:])
	case "export":
		return (&ExportCommand{Env: env, Stdout: stdout, Stderr: stderr}).Run(ctx, args[1:])
	case "keys":
		return (&KeysCommand{Env: env, Stdout: stdout, Stderr: stderr}).Run(ctx, args[1:])
	case "query":
		return (&QueryCommand{Env: env, Stdout: stdout, Stderr: stderr}).Run(ctx, args[1:])
	case "gen":
		return (&GenCommand{Env: env, Stdout: stdout, Stderr: stderr}).Run(ctx, args[1:])
	case "neo4j":
		return (&Neo4jCommand{Env: env, Stdout: stdout, Stderr: stderr}).Run(ctx, args[1:])
	case "help", "-h", "--help":
		fmt.Fprint(stdout, usage)
		return nil
	}
	fmt.Fprint(stderr, usage)
	return usageError(fmt.Sprintf("unknown command %q", args[0]))
}

const usage = `accgraph: a knowledge graph of officials, institutions and events, served as GraphQL over Neo4j.

Usage:
  accgraph serve [flags]                    serve GraphQL on :8080 (embedded Neo4j unless NEO4J_URI is set)
  accgraph seed [--dir DIR] [--check]       load the curated dataset (validate only with --check)
  accgraph query list [--tag T]             the saved queries
  accgraph query run NAME [--var k=v] [--format table|csv|json] [--version N]
  accgraph query save FILE.graphql          validate and store a saved query (a new version)
  accgraph import ftm FILE|- [--strict] [--resume]   import FollowTheMoney JSON lines (OpenSanctions, Aleph)
  accgraph import csv --mapping M.yaml DATA.csv      import a spreadsheet by a column mapping
  accgraph import jsonl FILE                         read back an export --format jsonl
  accgraph export --format jsonl|graphml|csv|cypher --out PATH   write the knowledge graph out
  accgraph keys create --name N --role reader|editor|admin   make an API key (shown once)
  accgraph keys list | keys revoke NAME
  accgraph gen --people 100k [--seed S]     write a synthetic graph for benchmarks (bench/gen)
  accgraph neo4j start|stop|status [flags]  run the embedded Neo4j in the background
  accgraph neo4j exec [flags] -- CMD ...    run CMD against a fresh embedded Neo4j (NEO4J_URI set), then stop it

Run 'accgraph COMMAND -h' for a command's flags; each flag also reads the environment
variable named in its help.
`

func isHelp(arg string) bool {
	return arg == "-h" || arg == "-help" || arg == "--help" || arg == "help"
}

// exitError ends the program with a code and no message (the command said what it had to).
type exitError int

func (e exitError) Error() string { return fmt.Sprintf("exit status %d", int(e)) }

// usageError is a mistake in the command line; it exits with 2.
type usageError string

func (e usageError) Error() string { return string(e) }

// exitCode prints err as one line and returns the process exit code.
func exitCode(err error, stderr io.Writer) int {
	var (
		exit    exitError
		usage   usageError
		invalid *graph.ValidationError
	)
	switch {
	case err == nil, errors.Is(err, flag.ErrHelp), err.Error() == flag.ErrHelp.Error(): // -h: the flags' usage is printed (commands wrap ErrHelp as a usageError)
		return 0
	case errors.As(err, &exit):
		return int(exit)
	case errors.As(err, &invalid): // one problem per line, so that each names its file:line
		fmt.Fprintf(stderr, "accgraph: %s\n", err)
		return 1
	case errors.As(err, &usage):
		fmt.Fprintf(stderr, "accgraph: %s\n", oneLine(err.Error()))
		return 2
	}
	fmt.Fprintf(stderr, "accgraph: %s\n", oneLine(err.Error()))
	return 1
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }
