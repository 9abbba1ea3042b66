package seed

import (
	"crypto/sha256"
	"encoding/hex"
	"regexp"
	"strings"
)

var notSlug = regexp.MustCompile(`[^a-z0-9]+`)

// ftmID is the accgraph id of the FtM id under a kind's or relationship type's prefix.
// An FtM id that is already a slug is kept as it is (`person:ftm-q7747`... for `q7747`);
// any other gets its slug and a hash of the exact id, so that `OFAC_1234`, `ofac-1234`
// and two Cyrillic names that slug to nothing never become one entity. The exact FtM id
// stays in the entity's FtM JSON.
func ftmID(prefix, id string) string {
	s := strings.Trim(notSlug.ReplaceAllString(strings.ToLower(id), "-"), "-")
	if s != id {
		h := sha256.Sum256([]byte(id))
		s = strings.Trim(s+"-"+hex.EncodeToString(h[:5]), "-")
	}
	return prefix + ":ftm-" + s
}

// AccgraphID is the id an FtM entity of schema has in accgraph: an entity's, or, for
// the schemata that become relationships, the relationship's.
func AccgraphID(schema, id string) string {
	if k := ftmKind(schema); k != "" {
		return ftmID(k.IDPrefix(), id)
	}
	return ftmID(strings.ToLower(string(ftmRel(schema).typ)), id)
}
