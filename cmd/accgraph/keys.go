package main

import (
	"context"
	"fmt"
	"io"

	"github.com/accgraph/accgraph/graph"
)

// KeysCommand manages API keys: `accgraph keys create|list|revoke`.
type KeysCommand struct {
	Env            Env
	Stdout, Stderr io.Writer
}

func (c *KeysCommand) Run(ctx context.Context, args []string) error {
	if len(args) == 0 {
		return usageError("keys: want create --name N --role reader|editor|admin, list, or revoke NAME")
	}
	fs := flagSet("keys "+args[0], c.Stderr)
	var (
		d          database
		logs       logConfig
		name, role string
	)
	d.register(fs, c.Env)
	logs.register(fs, c.Env)
	if args[0] == "create" {
		fs.StringVar(&name, "name", "", "the key's name: who or what uses it (lowercase-with-hyphens)")
		fs.StringVar(&role, "role", "reader", "reader, editor or admin")
	}
	rest, err := parseInterleaved(fs, args[1:])
	if err != nil {
		return usageError(err.Error())
	}
	defer d.close(context.WithoutCancel(ctx))
	db, _, err := d.connect(ctx, &logs, c.Stderr)
	if err != nil {
		return err
	}
	switch args[0] {
	case "create":
		key, err := db.CreateAPIKey(ctx, name, graph.Role(role))
		if err != nil {
			return err
		}
		fmt.Fprintf(c.Stderr, "created the %s key %q; it is shown once, store it now:\n", role, name)
		fmt.Fprintln(c.Stdout, key)
		return nil
	case "list":
		keys, err := db.APIKeys(ctx)
		if err != nil {
			return err
		}
		var rows [][]string
		for _, k := range keys {
			used, state := "never", "active"
			if !k.LastUsed.IsZero() {
				used = k.LastUsed.UTC().Format("2006-01-02 15:04")
			}
			if k.Revoked {
				state = "revoked"
			}
			rows = append(rows, []string{k.Name, string(k.Role), k.Created.UTC().Format("2006-01-02 15:04"), used, state})
		}
		return writeTable(c.Stdout, []string{"NAME", "ROLE", "CREATED", "LAST USED", "STATE"}, rows)
	case "revoke":
		if len(rest) != 1 {
			return usageError("keys revoke: want the key's NAME")
		}
		if err := db.RevokeAPIKey(ctx, rest[0]); err != nil {
			return err
		}
		fmt.Fprintf(c.Stdout, "revoked %s\n", rest[0])
		return nil
	}
	return usageError(fmt.Sprintf("keys: unknown subcommand %q: want create, list or revoke", args[0]))
}
