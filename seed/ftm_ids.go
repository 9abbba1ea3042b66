package seed

import (
	"regexp"
	"strings"

	"github.com/accgraph/accgraph/graph"
)

var notSlug = regexp.MustCompile(`[^a-z0-9]+`)

// ftmID is the accgraph id of an FtM id under a prefix (see graph.FtMID).
func ftmID(prefix, id string) string { return graph.FtMID(prefix, id) }

// AccgraphID is the id an FtM entity of schema has in accgraph: an entity's, or, for
// the schemata that become relationships, the relationship's.
func AccgraphID(schema, id string) string {
	if k := ftmKind(schema); k != "" {
		return ftmID(k.IDPrefix(), id)
	}
	return ftmID(strings.ToLower(string(ftmRel(schema).typ)), id)
}
