package graph

import (
	"context"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
	"github.com/neo4j/neo4j-go-driver/v5/neo4j/notifications"
)

// CompileWhere compiles a where filter on kind as the API does, for the fuzz test: the
// condition on n and its parameters.
func CompileWhere(kind EntityKind, w map[string]any) (string, map[string]any, error) {
	c := &compiler{params: map[string]any{}}
	cond, err := c.where(kind, "n", w, "where")
	return cond, c.params, err
}

// Explain asks Neo4j to plan cypher without running it. It returns the deprecation
// warnings the plan comes with, which only this session asks for (graph.Open's driver asks
// for no notifications).
func (db *DB) Explain(ctx context.Context, cypher string, params map[string]any) ([]string, error) {
	s := db.driver.NewSession(ctx, neo4j.SessionConfig{DatabaseName: db.database, AccessMode: neo4j.AccessModeRead,
		NotificationsMinSeverity: notifications.WarningLevel})
	defer s.Close(context.WithoutCancel(ctx))
	res, err := s.Run(ctx, "EXPLAIN "+cypher, params)
	if err != nil {
		return nil, err
	}
	sum, err := res.Consume(ctx)
	if err != nil {
		return nil, err
	}
	var deprecated []string
	for _, n := range sum.Notifications() {
		if n.RawCategory() == string(notifications.Deprecation) {
			deprecated = append(deprecated, n.Description())
		}
	}
	return deprecated, nil
}

// Compiled is what a golden test shows of a compiled read: the statement, its parameters,
// and by alias the roots answered without Neo4j and those refused for their arguments.
// The golden tests are in package graph_test because they build their reads with package
// schema, which imports graph.
type Compiled struct {
	Cypher string
	Params map[string]any
	Values map[string]any
	Errors map[string]error
}

// Compile compiles roots as Read does, asking nothing of Neo4j.
func Compile(roots []Selection) Compiled {
	st := compile(roots)
	return Compiled{Cypher: st.cypher, Params: st.params, Values: st.res.values, Errors: st.res.errs}
}

// IdentifiersBackfill is migration 9's statement that sets identifiers on older nodes.
func IdentifiersBackfill() string { return identifiersBackfill() }

// ReadCypher runs cypher as every read runs (db.read: the breaker's guard, the
// classification of its error).
func (db *DB) ReadCypher(ctx context.Context, cypher string, params map[string]any) error {
	_, err := db.read(ctx, cypher, params)
	return err
}

// BreakerOpen tells whether the breaker holds Neo4j for unreachable.
func (db *DB) BreakerOpen() bool { return db.breaker.down.Load() != nil }
