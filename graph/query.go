package graph

import (
	"context"
	"encoding/base64"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

// Selection is one field a GraphQL read asks for: its alias, its schema name, its arguments
// (as the request gave them, defaults applied) and, for object values, the fields asked of
// them. Sub takes the concrete type name, because fragments on an interface differ per
// type; where they do not (no fragments), Sub may give the one slice for every type, and
// the compiler then compiles it once for all kinds. The server builds Fields from gqlgen's
// selection sets; graph knows no gqlgen.
type Selection struct {
	Alias string
	Name  string
	Args  map[string]any
	Sub   func(typeName string) []Selection
}

// Limits bound what one read may ask of Neo4j.
const (
	MaxFirst = 500 // the largest page or relation list
	// MaxOffset bounds a cursor's offset, so that offset + first never overflows Neo4j's
	// LIMIT; no connection holds that many.
	MaxOffset      = 1 << 31
	DefaultTimeout = 10 * time.Second
)

// retryBudget is how long the driver retries a transaction (MaxTransactionRetryTime), and
// the time within which a failed read is tried again.
const retryBudget = time.Second

// Results are the values of a read's root fields, by alias, with an error for each root
// field that could not be compiled.
type Results struct {
	values map[string]any
	errs   map[string]error
}

// Get returns the value of the root field asked under alias, or its error.
func (r *Results) Get(alias string) (any, error) {
	if err, ok := r.errs[alias]; ok {
		return nil, err
	}
	return r.values[alias], nil
}

// Roots lists the root fields Read answers (those of the compiler's dispatch table); the
// others (status, __typename) are not reads of the graph.
var Roots = func() map[string]bool {
	names := map[string]bool{}
	for name := range rootCompilers {
		names[name] = true
	}
	return names
}()

// Read answers every root field of a GraphQL read in ONE Cypher statement: each root is a
// CALL subquery, each nested relation a COLLECT subquery inside its node's list projection. It
// returns an error only when the statement failed as a whole (Neo4j down, timeout);
// a root field with bad arguments gets its own error in Results.
func (db *DB) Read(ctx context.Context, roots []Selection) (*Results, error) {
	roots, err := db.resolveFtMArgs(ctx, roots)
	if err != nil {
		return nil, err
	}
	st := compile(roots)
	if len(st.plans) == 0 {
		return st.res, nil
	}
	out, err := db.readTimeout(ctx, st.cypher, st.params, db.timeout())
	if err != nil {
		return nil, err
	}
	if len(out.Records) != 1 {
		return nil, Errorf(EINTERNAL, "read returned %d rows, want 1", len(out.Records))
	}
	for i, p := range st.plans {
		v, err := p.decode(out.Records[0].Values[i])
		if err != nil {
			st.res.errs[p.alias] = err
			continue
		}
		st.res.values[p.alias] = v
	}
	return st.res, nil
}

// readTimeout is read with a transaction timeout, so that no request holds Neo4j longer
// (none but the server's when timeout is 0).
//
// A read is one auto-commit transaction on a read session, not ExecuteQuery's managed one:
// BEGIN and COMMIT cost a round trip and Neo4j's work on every request (~0.23 ms of Q1's
// statement through the driver, 0.79 against 0.56 ms). What ExecuteQuery gives is kept:
// the database, readers routing, the driver's shared bookmark manager (every write takes
// it too, so a read sees the writes before it), and a retry — once, when the driver calls
// the first attempt's error retryable and it failed within the driver's retry budget
// (MaxTransactionRetryTime), as ExecuteQuery would have retried it: a pooled connection
// Neo4j closed when it restarted, not a pool or a dial that timed out.
func (db *DB) readTimeout(ctx context.Context, cypher string, params map[string]any, timeout time.Duration) (*neo4j.EagerResult, error) {
	ctx, end, err := db.begin(ctx, "read")
	if err != nil {
		return nil, err
	}
	began := time.Now()
	res, err := db.autoCommitRead(ctx, cypher, params, timeout)
	if err != nil && neo4j.IsRetryable(err) && ctx.Err() == nil && time.Since(began) < retryBudget {
		res, err = db.autoCommitRead(ctx, cypher, params, timeout)
	}
	return res, end(err)
}

func (db *DB) autoCommitRead(ctx context.Context, cypher string, params map[string]any, timeout time.Duration) (*neo4j.EagerResult, error) {
	s := db.driver.NewSession(ctx, neo4j.SessionConfig{AccessMode: neo4j.AccessModeRead, DatabaseName: db.database,
		BookmarkManager: db.driver.ExecuteQueryBookmarkManager()})
	defer s.Close(context.WithoutCancel(ctx))
	var config []func(*neo4j.TransactionConfig)
	if timeout > 0 {
		config = append(config, neo4j.WithTxTimeout(timeout))
	}
	r, err := s.Run(ctx, cypher, params, config...)
	if err != nil {
		return nil, err
	}
	keys, err := r.Keys()
	if err != nil {
		return nil, err
	}
	records, err := r.Collect(ctx)
	if err != nil {
		return nil, err
	}
	summary, err := r.Consume(ctx)
	if err != nil {
		return nil, err
	}
	return &neo4j.EagerResult{Keys: keys, Records: records, Summary: summary}, nil
}

// Statements counts the Cypher statements this DB has sent, for tests and metrics.
func (db *DB) Statements() int64 { return db.statements.Load() }

// SetTimeout sets the transaction timeout of reads (DefaultTimeout when zero).
func (db *DB) SetTimeout(d time.Duration) { db.readTimeoutNanos.Store(int64(d)) }

func (db *DB) timeout() time.Duration {
	if d := time.Duration(db.readTimeoutNanos.Load()); d > 0 {
		return d
	}
	return DefaultTimeout
}

// cursor encodes a position in a connection; Relay treats it as opaque.
func cursor(offset int) string {
	return base64.RawURLEncoding.EncodeToString([]byte("offset:" + strconv.Itoa(offset)))
}

func parseCursor(s string) (int, error) {
	raw, err := base64.RawURLEncoding.DecodeString(s)
	if err == nil {
		if n, ok := strings.CutPrefix(string(raw), "offset:"); ok {
			if off, err := strconv.Atoi(n); err == nil && off >= 0 && off <= MaxOffset {
				return off, nil
			}
		}
	}
	return 0, fmt.Errorf("not a cursor this server gave")
}
