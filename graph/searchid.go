package graph

import (
	"fmt"
	"strings"
	"unicode"
)

// Search by identifier. Besides names, search finds an entity by an identifier of its
// (IdentifierFacts: a passport, tax or registration number, an INN, a Wikidata id),
// typed with or without its spaces and dashes, in any case: the text as identifier
// makes it, looked up in the entity_identifiers index; and by its FtM id, exactly as in
// the file or in lower case, through the id constraints. Such a hit comes before every
// name (tierIdentifier), and shows the identifier as matched.

// tierIdentifier is the tier of an entity found by an identifier or its FtM id.
const tierIdentifier = 4

// identifierHits is how many entities one identifier may find: it names one entity,
// unless records of it were imported apart.
const identifierHits = 20

// identifierParts are the UNION parts of a search that find the node n by the text as an
// identifier or an FtM id, among kinds; each returns n, a score of 0 and the values it
// may have matched (ident). None when the text holds no letter or digit.
func (c *compiler) identifierParts(n string, kinds []EntityKind, text string) []string {
	key := identifier(text)
	if key == "" {
		return nil
	}
	keep := "WHERE " + n + ".confidence <> 'RETRACTED' AND " + c.kindFilter(n, kindsAsArgs(kinds))
	values := make([]string, len(IdentifierFacts))
	for i, f := range IdentifierFacts {
		values[i] = fmt.Sprintf("coalesce(%s.%s, [])", n, f)
	}
	parts := []string{fmt.Sprintf(`CALL db.index.fulltext.queryNodes('entity_identifiers', %s, {limit: %d}) YIELD node AS %s
%s RETURN %s, 0.0 AS score, %s AS ident`, c.param(luceneIdentifiers([]string{text})), identifierHits, n, keep, n, strings.Join(values, " + "))}
	typed := strings.TrimSpace(text)
	if strings.IndexFunc(typed, unicode.IsSpace) >= 0 {
		return parts // FtM ids have no spaces
	}
	ids := []string{typed}
	if lower := strings.ToLower(typed); lower != typed {
		ids = append(ids, lower)
	}
	for _, k := range ftmKinds {
		if !oneOf(k, kinds) {
			continue
		}
		for _, id := range ids {
			parts = append(parts, fmt.Sprintf("MATCH (%s:%s {id: %s}) %s RETURN %s, 0.0 AS score, %s AS ident",
				n, k.Label(), c.param(FtMID(k.IDPrefix(), id)), keep, n, c.param([]string{id})))
		}
	}
	return parts
}

// identifierHit ranks an entity found by an identifier: matched is the value of ident
// that the text makes (an identifier as the source wrote it, or the FtM id).
func identifierHit(e Entity, text string, ident []string) rankedHit {
	r := rankedHit{entity: e, tier: tierIdentifier, quality: 1, coverage: 1, matched: strings.TrimSpace(text)}
	for _, v := range ident {
		if identifier(v) == identifier(text) {
			r.matched = v
			break
		}
	}
	return r
}

// luceneIdentifiers asks entity_identifiers for any of ids, each as identifier makes it
// (quoted: letters and digits only, and no AND or OR taken for an operator).
func luceneIdentifiers(ids []string) string {
	var parts []string
	for _, v := range ids {
		if k := identifier(v); k != "" {
			parts = append(parts, `"`+k+`"`)
		}
	}
	return strings.Join(parts, " ")
}
