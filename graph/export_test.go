package graph

import "context"

// CompileWhere compiles a where filter on kind as the API does, for the fuzz test: the
// condition on n and its parameters.
func CompileWhere(kind EntityKind, w map[string]any) (string, map[string]any, error) {
	c := &compiler{params: map[string]any{}}
	cond, err := c.where(kind, "n", w, "where")
	return cond, c.params, err
}

// Explain asks Neo4j to plan cypher without running it.
func (db *DB) Explain(ctx context.Context, cypher string, params map[string]any) error {
	_, err := db.read(ctx, "EXPLAIN "+cypher, params)
	return err
}

// IdentifiersBackfill is migration 9's statement that sets identifiers on older nodes.
func IdentifiersBackfill() string { return identifiersBackfill() }
