// Package graph is the knowledge graph: its typed model, its Neo4j access (one Cypher
// statement per GraphQL read), the path and accountability algorithms, the schema
// migrations and the audited writes. It imports nothing else of accgraph's.
package graph

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"strings"
	"sync/atomic"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
	"github.com/neo4j/neo4j-go-driver/v5/neo4j/notifications"
)

// Config says how to reach Neo4j.
type Config struct {
	URI      string // neo4j://host:7687 (routing; works against one server too) or bolt://host:7687
	User     string
	Password string // empty: no auth (an embedded Neo4j with auth off)
	Database string // default "neo4j"
}

// DB is accgraph's handle on Neo4j: one driver per process, safe for concurrent use.
type DB struct {
	driver   neo4j.DriverWithContext
	database string
	uri      string

	statements       atomic.Int64 // Cypher statements sent
	observer         atomic.Pointer[Observer]
	breaker          breaker
	readTimeoutNanos atomic.Int64 // per-read transaction timeout; 0 is DefaultTimeout
}

// Open connects to Neo4j and checks that it answers and accepts the credentials. Its
// errors are one line that names the URI and what to change: EINVALID for a malformed
// URI, EUNAVAILABLE for a server that cannot be reached or refuses the credentials.
func Open(ctx context.Context, cfg Config) (*DB, error) {
	if cfg.Database == "" {
		cfg.Database = "neo4j"
	}
	if err := checkURI(cfg.URI); err != nil {
		return nil, err
	}
	auth := neo4j.NoAuth()
	if cfg.Password != "" {
		auth = neo4j.BasicAuth(cfg.User, cfg.Password, "")
	}
	driver, err := neo4j.NewDriverWithContext(cfg.URI, auth, func(c *neo4j.Config) {
		c.SocketConnectTimeout = 2 * time.Second
		c.ConnectionAcquisitionTimeout = 5 * time.Second
		// Retries hide a cluster's leader switch; past a second the caller is better served
		// by UNAVAILABLE than by a hanging request.
		c.MaxTransactionRetryTime = retryBudget
		c.UserAgent = "accgraph"
		// No statement's notifications are read, yet Neo4j sends them and the driver
		// decodes them with every result: a dozen long warnings per search (unknown
		// property keys, deprecated syntax; docs/design.md, step 16).
		c.NotificationsMinSeverity = notifications.DisabledLevel
	})
	if err != nil {
		return nil, Errorf(EINVALID, "invalid NEO4J_URI %q: %v", cfg.URI, err)
	}
	db := &DB{driver: driver, database: cfg.Database, uri: cfg.URI}
	if err := db.Ping(ctx); err != nil {
		_ = driver.Close(context.WithoutCancel(ctx))
		return nil, err
	}
	db.watch()
	return db, nil
}

// checkURI refuses what the driver would only refuse later or with a vaguer message.
func checkURI(uri string) error {
	u, err := url.Parse(uri)
	if err != nil || uri == "" {
		return Errorf(EINVALID, "invalid NEO4J_URI %q: want neo4j://host:port or bolt://host:port", uri)
	}
	switch u.Scheme {
	case "neo4j", "neo4j+s", "neo4j+ssc", "bolt", "bolt+s", "bolt+ssc":
	default:
		return Errorf(EINVALID, "invalid NEO4J_URI %q: scheme %q is not neo4j, neo4j+s, neo4j+ssc, bolt, bolt+s or bolt+ssc", uri, u.Scheme)
	}
	if u.Hostname() == "" {
		return Errorf(EINVALID, "invalid NEO4J_URI %q: no host", uri)
	}
	return nil
}

// Close releases the driver's connections.
func (db *DB) Close(ctx context.Context) error {
	db.unwatch()
	return db.driver.Close(ctx)
}

// URI is the address this DB connects to.
func (db *DB) URI() string { return db.uri }

// Ping checks that Neo4j answers and accepts the credentials. It returns EUNAVAILABLE
// with a one-line reason otherwise.
func (db *DB) Ping(ctx context.Context) error {
	if err := db.driver.VerifyConnectivity(ctx); err != nil {
		return unavailable(db.uri, err)
	}
	return nil
}

// unavailable turns a driver error into one line that says what to check.
func unavailable(uri string, err error) error {
	var n4j *neo4j.Neo4jError
	switch {
	case errors.As(err, &n4j) && n4j.IsAuthenticationFailed():
		return &Error{Code: EUNAVAILABLE, Err: err,
			Message: fmt.Sprintf("neo4j at %s refused the credentials (check NEO4J_USER and NEO4J_PASSWORD)", uri)}
	case errors.As(err, &n4j) && n4j.HasSecurityCode():
		return &Error{Code: EUNAVAILABLE, Err: err,
			Message: fmt.Sprintf("neo4j at %s refused access: %s", uri, n4j.Msg)}
	case errors.Is(err, context.DeadlineExceeded) || errors.Is(err, context.Canceled):
		return &Error{Code: EUNAVAILABLE, Err: err, Message: fmt.Sprintf("neo4j at %s did not answer in time", uri)}
	}
	return &Error{Code: EUNAVAILABLE, Err: err, Message: fmt.Sprintf("cannot reach neo4j at %s: %s", uri, rootCause(err))}
}

// rootCause gives the innermost message of a driver error chain, e.g. "connection refused",
// on one line.
func rootCause(err error) string {
	for {
		next := errors.Unwrap(err)
		if next == nil {
			break
		}
		err = next
	}
	msg := err.Error()
	if i := strings.LastIndex(msg, ": "); i >= 0 && strings.Contains(msg, "dial tcp") {
		msg = msg[i+2:]
	}
	return strings.Join(strings.Fields(msg), " ")
}

// ServerVersion returns the version and edition of the Neo4j server, e.g. "5.26.30 community".
func (db *DB) ServerVersion(ctx context.Context) (string, error) {
	res, err := db.read(ctx, `CALL dbms.components() YIELD name, versions, edition
		WHERE name = 'Neo4j Kernel' RETURN versions[0] AS version, edition`, nil)
	if err != nil {
		return "", err
	}
	if len(res.Records) == 0 {
		return "", Errorf(EINTERNAL, "neo4j did not report its version")
	}
	version, _ := res.Records[0].Get("version")
	edition, _ := res.Records[0].Get("edition")
	return fmt.Sprintf("%v %v", version, edition), nil
}

// read runs one read-only statement, routed to a reader in a cluster (readTimeout).
func (db *DB) read(ctx context.Context, cypher string, params map[string]any) (*neo4j.EagerResult, error) {
	return db.readTimeout(ctx, cypher, params, 0)
}

// write runs one statement in its own transaction, routed to the leader in a cluster.
func (db *DB) write(ctx context.Context, cypher string, params map[string]any) (*neo4j.EagerResult, error) {
	ctx, end, err := db.begin(ctx, "write")
	if err != nil {
		return nil, err
	}
	res, err := neo4j.ExecuteQuery(ctx, db.driver, cypher, params, neo4j.EagerResultTransformer,
		neo4j.ExecuteQueryWithDatabase(db.database), neo4j.ExecuteQueryWithWritersRouting())
	return res, end(err)
}

// wrap classifies a driver error: a lost or refused connection and an exhausted retry
// are EUNAVAILABLE, anything else EINTERNAL.
func (db *DB) wrap(err error) error {
	var (
		n4j   *neo4j.Neo4jError
		conn  *neo4j.ConnectivityError
		limit *neo4j.TransactionExecutionLimit
	)
	var classified *Error
	switch {
	case err == nil:
		return nil
	case errors.As(err, &classified): // already classified, e.g. by the breaker
		return err
	case errors.As(err, &n4j) && strings.Contains(n4j.Code, "TransactionTimedOut"),
		errors.Is(err, context.DeadlineExceeded) && !errors.As(err, &conn):
		return &Error{Code: ETIMEOUT, Err: err, Message: "the read took longer than its time budget; ask for less (fewer levels, smaller first)"}
	case errors.As(err, &conn), errors.As(err, &limit), errors.Is(err, context.DeadlineExceeded),
		errors.As(err, &n4j) && (n4j.HasSecurityCode() || n4j.IsRetriable()):
		return unavailable(db.uri, err)
	}
	return &Error{Code: EINTERNAL, Err: err}
}
