package graph

import (
	"fmt"
	"strings"
	"unicode"
)

// Search by identifier. Besides names, search finds an entity by an identifier of its
// (IdentifierFacts: a passport, tax or registration number, an INN, a Wikidata id; a
// Thing's numbers), typed with or without its spaces and dashes, in any case: the text
// as identifier makes it, looked up in the entity_identifiers index; by the number of a
// passport or identification it holds (the Thing's holders); and by its FtM id, exactly
// as in the file or in lower case, through the id constraints. Such a hit comes before
// every name (tierIdentifier), and shows the identifier as matched; one matched exactly
// as typed before one in another case or with other separators.

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
	lucene := c.param(luceneIdentifiers([]string{text}))
	parts := []string{fmt.Sprintf(`CALL db.index.fulltext.queryNodes('entity_identifiers', %s, {limit: %d}) YIELD node AS %s
%s RETURN %s, 0.0 AS score, %s + coalesce(%s.numbers, []) AS ident`, lucene, identifierHits, n, keep, n, strings.Join(values, " + "), n)}
	// the holders of a passport or identification with the number (through the id
	// constraints: a holder imported after its passport is found too)
	d := c.newVar("d")
	for _, k := range []EntityKind{KindPerson, KindOrganization} {
		if oneOf(k, kinds) {
			parts = append(parts, fmt.Sprintf(`CALL db.index.fulltext.queryNodes('entity_identifiers', %s, {limit: %d}) YIELD node AS %s
WITH %s WHERE %s:Thing AND %s.confidence <> 'RETRACTED' AND %s.holders IS NOT NULL
MATCH (%s:%s) WHERE %s.id IN %s.holders AND %s.confidence <> 'RETRACTED'
RETURN %s, 0.0 AS score, %s.numbers AS ident`, lucene, identifierHits, d, d, d, d, d, n, k.Label(), n, d, n, n, d))
		}
	}
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
	typed := strings.TrimSpace(text)
	r := rankedHit{entity: e, tier: tierIdentifier, quality: 1, coverage: 1, matched: typed}
	for _, v := range ident {
		if v == typed {
			return r // as typed: before one in another case or with other separators
		}
		if identifier(v) == identifier(text) && r.matched == typed {
			r.matched = v
		}
	}
	if r.matched != typed {
		r.quality = 0.9
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
