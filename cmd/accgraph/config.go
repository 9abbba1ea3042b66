package main

import (
	"flag"
	"io"
	"log/slog"
	"os"
	"strconv"
	"strings"
	"time"
)

// flagSet returns a FlagSet that reports its errors instead of exiting.
func flagSet(name string, stderr io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	return fs
}

// The flag helpers below take their default from an environment variable, so every
// setting can come from a flag or from the environment (flags win).

func stringFlag(fs *flag.FlagSet, env Env, p *string, name, envName, def, help string) {
	if v := env(envName); v != "" {
		def = v
	}
	fs.StringVar(p, name, def, help+" ($"+envName+")")
}

func intFlag(fs *flag.FlagSet, env Env, p *int, name, envName string, def int, help string) {
	if v, err := strconv.Atoi(env(envName)); err == nil {
		def = v
	}
	fs.IntVar(p, name, def, help+" ($"+envName+")")
}

func durationFlag(fs *flag.FlagSet, env Env, p *time.Duration, name, envName string, def time.Duration, help string) {
	if v, err := time.ParseDuration(env(envName)); err == nil {
		def = v
	}
	fs.DurationVar(p, name, def, help+" ($"+envName+")")
}

func boolFlag(fs *flag.FlagSet, env Env, p *bool, name, envName string, def bool, help string) {
	if v, err := strconv.ParseBool(env(envName)); err == nil {
		def = v
	}
	fs.BoolVar(p, name, def, help+" ($"+envName+")")
}

// logConfig is the logging flags shared by long-running commands.
type logConfig struct {
	format string
	level  string
}

func (c *logConfig) register(fs *flag.FlagSet, env Env) {
	stringFlag(fs, env, &c.format, "log-format", "ACCGRAPH_LOG_FORMAT", "auto", "log format: text, json, or auto (text on a terminal)")
	stringFlag(fs, env, &c.level, "log-level", "ACCGRAPH_LOG_LEVEL", "info", "log level: debug, info, warn, error")
}

// logger builds the slog logger the flags describe, writing to w.
func (c *logConfig) logger(w io.Writer) (*slog.Logger, error) {
	var level slog.Level
	if err := level.UnmarshalText([]byte(c.level)); err != nil {
		return nil, usageError("invalid --log-level " + strconv.Quote(c.level) + ": want debug, info, warn or error")
	}
	opts := &slog.HandlerOptions{Level: level}
	switch strings.ToLower(c.format) {
	case "text":
		return slog.New(slog.NewTextHandler(w, opts)), nil
	case "json":
		return slog.New(slog.NewJSONHandler(w, opts)), nil
	case "auto", "":
		if isTerminal(w) {
			return slog.New(slog.NewTextHandler(w, opts)), nil
		}
		return slog.New(slog.NewJSONHandler(w, opts)), nil
	}
	return nil, usageError("invalid --log-format " + strconv.Quote(c.format) + ": want text, json or auto")
}

func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}

func newTextLogger(w io.Writer) *slog.Logger { return slog.New(slog.NewTextHandler(w, nil)) }
