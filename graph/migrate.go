package graph

import (
	"context"
	"fmt"
	"strings"
)

// migration is one versioned change to the schema. Its statements are idempotent
// (IF NOT EXISTS), so a migration interrupted half-way is simply run again.
type migration struct {
	Version    int
	Name       string
	Statements []string
}

// migrations is the ordered history of the schema. Append; never edit a released entry.
var migrations = []migration{
	{1, "unique id on every label and relationship type", idConstraints()},
	{2, "full-text index over names and aliases", []string{
		// standard-folding folds accents to ASCII (Raïsi → raisi); the index is consistent
		// at commit so that a search right after a write sees it.
		`CREATE FULLTEXT INDEX entity_names IF NOT EXISTS
		 FOR (n:` + strings.Join(labels(), "|") + `) ON EACH [n.name, n.aliases]
		 OPTIONS {indexConfig: {` + "`fulltext.analyzer`: 'standard-folding', `fulltext.eventually_consistent`: false" + `}}`,
	}},
	{3, "range indexes for filters, ordering and time travel", rangeIndexes()},
	{4, "saved queries: one node per version", []string{
		"CREATE CONSTRAINT saved_query_key IF NOT EXISTS FOR (q:SavedQuery) REQUIRE q.key IS UNIQUE",
		"CREATE INDEX saved_query_name IF NOT EXISTS FOR (q:SavedQuery) ON (q.name, q.version)",
	}},
	{5, "API keys by hash; saved queries by document hash", []string{
		"CREATE CONSTRAINT api_key_hash IF NOT EXISTS FOR (k:APIKey) REQUIRE k.hash IS UNIQUE",
		"CREATE INDEX api_key_name IF NOT EXISTS FOR (k:APIKey) ON (k.name)",
		"CREATE INDEX saved_query_document IF NOT EXISTS FOR (q:SavedQuery) ON (q.documentId)",
	}},
	{6, "audit records by time and author", []string{
		"CREATE CONSTRAINT change_id IF NOT EXISTS FOR (c:Change) REQUIRE c.id IS UNIQUE",
		"CREATE INDEX change_at IF NOT EXISTS FOR (c:Change) ON (c.at)",
		"CREATE INDEX change_by IF NOT EXISTS FOR (c:Change) ON (c.by)",
		"CREATE CONSTRAINT redirect_from IF NOT EXISTS FOR (r:Redirect) REQUIRE r.from IS UNIQUE",
	}},
	{7, "full-text indexes: names in Persian and Arabic script, what was said and quoted", []string{
		// the Persian analyzer makes Arabic and Persian yeh and kaf one, alef forms one,
		// drops diacritics and breaks words at the zero-width non-joiner. The properties
		// are listed the other way round: Neo4j takes a second index over the same labels
		// and properties, whatever its analyzer, for the first and silently creates nothing.
		fulltextIndex("entity_names_fa", "n:"+strings.Join(labels(), "|"), "n.aliases, n.name", "persian"),
		// the English analyzer stems, so "death commissions" finds "Death Commission"
		fulltextIndex("mention_texts", "n:Statement|Citation", "n.text, n.quote", "english"),
	}},
	// the statements of 1 and 3 again: they now cover the Thing label and FtM's relationship
	// types (OWNS, FAMILY_OF, ...); those already there are left alone (IF NOT EXISTS)
	{8, "ids and indexes for FtM things and relationship types", append(idConstraints(), rangeIndexes()...)},
	// the keyword analyzer keeps each value whole: an identifier is found only as stored
	// (upper case, letters and digits), which search and matching make of what is typed
	{9, "identifiers of people and organizations, normalised, in a full-text index", []string{
		identifiersBackfill(),
		fulltextIndex("entity_identifiers", "n:Person|Organization", "n.identifiers", "keyword"),
	}},
	// a Thing's own numbers (a passport's, a vessel's IMO number) are identifiers too; a
	// Thing imported before gets them when it is imported again (they are in its FtM JSON)
	{10, "identifiers of things in the identifier index", []string{
		"DROP INDEX entity_identifiers IF EXISTS",
		fulltextIndex("entity_identifiers", "n:Person|Organization|Thing", "n.identifiers", "keyword"),
	}},
	// no read looks relationships up by confidence (they are reached from a node, or by
	// id), but with statistics gone stale after a large write the planner answered
	// "r.confidence <> 'RETRACTED'" in an EXISTS by scanning the whole HOLDS(confidence)
	// index once per person: 1.2 s for a page of people instead of 5 ms (docs/design.md)
	{11, "no relationship indexes on confidence", dropRelConfidenceIndexes()},
}

// dropRelConfidenceIndexes drops the <type>_confidence indexes of 3 and 8.
func dropRelConfidenceIndexes() []string {
	var out []string
	for _, t := range RelTypes {
		out = append(out, fmt.Sprintf("DROP INDEX %s_confidence IF EXISTS", strings.ToLower(string(t))))
	}
	return out
}

// fulltextIndex creates a full-text index consistent at commit, so that a search right
// after a write sees it.
func fulltextIndex(name, pattern, props, analyzer string) string {
	return `CREATE FULLTEXT INDEX ` + name + ` IF NOT EXISTS FOR (` + pattern + `) ON EACH [` + props + `]
		 OPTIONS {indexConfig: {` + "`fulltext.analyzer`: '" + analyzer + "', `fulltext.eventually_consistent`: false" + `}}`
}

// LatestSchemaVersion is the version Migrate brings the database to.
var LatestSchemaVersion = migrations[len(migrations)-1].Version

func labels() []string {
	out := make([]string, len(EntityKinds))
	for i, k := range EntityKinds {
		out[i] = k.Label()
	}
	return out
}

func idConstraints() []string {
	var out []string
	for _, l := range labels() {
		out = append(out, fmt.Sprintf("CREATE CONSTRAINT %s_id IF NOT EXISTS FOR (n:%s) REQUIRE n.id IS UNIQUE",
			strings.ToLower(l), l))
	}
	for _, t := range RelTypes {
		out = append(out, fmt.Sprintf("CREATE CONSTRAINT %s_id IF NOT EXISTS FOR ()-[r:%s]-() REQUIRE r.id IS UNIQUE",
			strings.ToLower(string(t)), t))
	}
	// citations are looked up by id and by what they are about
	out = append(out, "CREATE CONSTRAINT citation_id IF NOT EXISTS FOR (c:Citation) REQUIRE c.id IS UNIQUE",
		"CREATE INDEX citation_about IF NOT EXISTS FOR (c:Citation) ON (c.about)")
	return out
}

func rangeIndexes() []string {
	out := []string{
		"CREATE INDEX organization_kind IF NOT EXISTS FOR (n:Organization) ON (n.kind)",
		"CREATE INDEX event_kind IF NOT EXISTS FOR (n:Event) ON (n.kind)",
		"CREATE INDEX event_valid IF NOT EXISTS FOR (n:Event) ON (n.validFrom, n.validTo)",
		"CREATE INDEX verdict_valid IF NOT EXISTS FOR (n:Verdict) ON (n.validFrom, n.validTo)",
		"CREATE INDEX source_published IF NOT EXISTS FOR (n:Source) ON (n.published)",
	}
	for _, l := range labels() {
		out = append(out, fmt.Sprintf("CREATE INDEX %s_name IF NOT EXISTS FOR (n:%s) ON (n.name)", strings.ToLower(l), l))
	}
	for _, t := range []RelType{RelHolds, RelMemberOf, RelPartOf} {
		out = append(out, fmt.Sprintf("CREATE INDEX %s_valid IF NOT EXISTS FOR ()-[r:%s]-() ON (r.validFrom, r.validTo)",
			strings.ToLower(string(t)), t))
	}
	for _, t := range RelTypes { // dropped by 11
		out = append(out, fmt.Sprintf("CREATE INDEX %s_confidence IF NOT EXISTS FOR ()-[r:%s]-() ON (r.confidence)",
			strings.ToLower(string(t)), t))
	}
	return out
}

// Migrate applies the migrations the database has not seen, in order, records each as a
// (:SchemaMigration {version, name, appliedAt}) node, and waits until every index is
// online. Running it again changes nothing. Schema statements cannot share a transaction
// with data writes, so each runs on its own and the record is written last.
func (db *DB) Migrate(ctx context.Context) error {
	if _, err := db.write(ctx, `CREATE CONSTRAINT schema_migration_version IF NOT EXISTS
		FOR (m:SchemaMigration) REQUIRE m.version IS UNIQUE`, nil); err != nil {
		return fmt.Errorf("migrate: %w", err)
	}
	applied, err := db.appliedVersions(ctx)
	if err != nil {
		return fmt.Errorf("migrate: %w", err)
	}
	for _, m := range migrations {
		if applied[m.Version] {
			continue
		}
		for _, stmt := range m.Statements {
			if _, err := db.write(ctx, stmt, nil); err != nil {
				return fmt.Errorf("migrate %d (%s): %w", m.Version, m.Name, err)
			}
		}
		if _, err := db.write(ctx, `MERGE (m:SchemaMigration {version: $version})
			ON CREATE SET m.name = $name, m.appliedAt = datetime()`,
			map[string]any{"version": m.Version, "name": m.Name}); err != nil {
			return fmt.Errorf("migrate %d (%s): %w", m.Version, m.Name, err)
		}
	}
	if _, err := db.write(ctx, "CALL db.awaitIndexes(300)", nil); err != nil {
		return fmt.Errorf("migrate: wait for indexes: %w", err)
	}
	return nil
}

func (db *DB) appliedVersions(ctx context.Context) (map[int]bool, error) {
	res, err := db.read(ctx, "MATCH (m:SchemaMigration) RETURN m.version AS version", nil)
	if err != nil {
		return nil, err
	}
	out := map[int]bool{}
	for _, r := range res.Records {
		if v, ok := r.Values[0].(int64); ok {
			out[int(v)] = true
		}
	}
	return out, nil
}

// SchemaVersion returns the highest migration version applied, 0 for a new database.
func (db *DB) SchemaVersion(ctx context.Context) (int, error) {
	res, err := db.read(ctx, "OPTIONAL MATCH (m:SchemaMigration) RETURN coalesce(max(m.version), 0) AS version", nil)
	if err != nil {
		return 0, err
	}
	v, _ := res.Records[0].Values[0].(int64)
	return int(v), nil
}

// Ready reports why the database cannot serve yet: unreachable, or migrations not
// applied. It returns nil when ready.
func (db *DB) Ready(ctx context.Context) error {
	v, err := db.SchemaVersion(ctx)
	if err != nil {
		return err
	}
	if v < LatestSchemaVersion {
		return Errorf(EUNAVAILABLE, "schema is at version %d, want %d: migrations not applied", v, LatestSchemaVersion)
	}
	return nil
}

// SchemaItem is one constraint or index as SHOW CONSTRAINTS / SHOW INDEXES report it.
type SchemaItem struct {
	Kind       string // "constraint" or "index"
	Name       string
	Type       string // UNIQUENESS, RANGE, FULLTEXT, LOOKUP, ...
	Entity     string // NODE or RELATIONSHIP
	Labels     []string
	Properties []string
}

// Schema lists the constraints and indexes of the database, sorted by kind and name.
func (db *DB) Schema(ctx context.Context) ([]SchemaItem, error) {
	var out []SchemaItem
	for _, q := range []struct{ kind, cypher string }{
		{"constraint", "SHOW CONSTRAINTS YIELD name, type, entityType, labelsOrTypes, properties RETURN * ORDER BY name"},
		{"index", "SHOW INDEXES YIELD name, type, entityType, labelsOrTypes, properties RETURN * ORDER BY name"},
	} {
		res, err := db.read(ctx, q.cypher, nil)
		if err != nil {
			return nil, err
		}
		for _, r := range res.Records {
			m := r.AsMap()
			out = append(out, SchemaItem{
				Kind: q.kind, Name: str(m["name"]), Type: str(m["type"]), Entity: str(m["entityType"]),
				Labels: strs(m["labelsOrTypes"]), Properties: strs(m["properties"]),
			})
		}
	}
	return out, nil
}

func str(v any) string {
	s, _ := v.(string)
	return s
}

func strs(v any) []string {
	list, _ := v.([]any)
	out := make([]string, 0, len(list))
	for _, x := range list {
		out = append(out, str(x))
	}
	return out
}

// Status is what serves the API: the Neo4j server and the schema version it holds.
type Status struct {
	Neo4jVersion  string
	SchemaVersion int
}

// ReadStatus returns the Neo4j version and the applied schema version.
func (db *DB) ReadStatus(ctx context.Context) (*Status, error) {
	version, err := db.ServerVersion(ctx)
	if err != nil {
		return nil, err
	}
	schema, err := db.SchemaVersion(ctx)
	if err != nil {
		return nil, err
	}
	return &Status{Neo4jVersion: version, SchemaVersion: schema}, nil
}
