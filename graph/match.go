package graph

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"unicode"
)

// Matching caps: what one request may ask (the HTTP side refuses more with EINVALID) and
// how many candidates the full-text index gives each query before they are scored.
const (
	MaxMatchQueries    = 100 // queries in one batch (yente's MAX_BATCH)
	MaxMatchLimit      = 50  // candidates returned per query
	MaxMatchNames      = 10  // names per query (a query name and its aliases)
	MaxMatchValues     = 20  // values of any one property per query
	MaxMatchValueBytes = 500 // bytes in one name or property value
	matchCandidates    = 50  // index hits scored per query, at most
	maxLuceneTerms     = 24  // words of a query's names sent to the index
	indexHits          = 200 // index hits read per query before the kind and dataset filters
)

// MatchQuery is one row to reconcile: the names it goes by and, when known, what else
// tells namesakes apart. Empty fields are not compared.
type MatchQuery struct {
	Key           string       // the caller's key for this query ("q0")
	Names         []string     // the name and any aliases
	Kinds         []EntityKind // the kinds a candidate may have; empty: any kind
	Dates         []string     // birth, founding or event dates, partial ISO (1960, 1960-12-14)
	Countries     []string     // ISO 3166 codes or English country names
	Identifiers   []string     // passport, registration or other id numbers
	Positions     []string     // names of posts held ("Head of the Judiciary")
	Organizations []string     // names of organizations belonged to
	Limit         int          // candidates wanted (1..MaxMatchLimit)
}

// MatchSource says what the candidates may come from: every entity, or those cited to one
// FtM dataset.
type MatchSource struct {
	Dataset string // "" or "default": the whole graph; else the publisher of a DATASET source
}

// Card is what matching compares and shows of an entity: its names, kind and what the
// graph knows of its dates, countries, identifiers, posts and organizations.
type Card struct {
	ID            string
	Name          string
	Kind          EntityKind
	Subkind       string // an organization's or event's own kind: MINISTRY, MASSACRE
	Aliases       []string
	Description   string
	Dates         []string
	Countries     []string // lower-case ISO 3166-1 alpha-2 codes
	Identifiers   []string
	Positions     []string
	Organizations []string
	// FtM holds the FollowTheMoney properties of an imported entity, as imported.
	FtM map[string][]string
}

// MatchResult is the answer to one MatchQuery: its candidates, best first.
type MatchResult struct {
	Key        string
	Candidates []Candidate
	Total      int // candidates scored, before the limit
}

// Match finds and scores candidates for a batch of queries: one Cypher statement asks the
// full-text index for each query's candidates (with what scoring needs), then each is
// scored in Go against its query (see Score). Candidates are returned best first, at
// most Limit per query, those that score 0 left out. An unknown dataset is ENOTFOUND.
func (db *DB) Match(ctx context.Context, src MatchSource, queries []MatchQuery, threshold float64) ([]MatchResult, error) {
	rows := make([]any, 0, len(queries))
	for _, q := range queries {
		labels := make([]any, 0, len(q.Kinds))
		for _, k := range q.Kinds {
			labels = append(labels, k.Label())
		}
		for index, lucene := range luceneAny(q.Names) {
			rows = append(rows, map[string]any{"key": q.Key, "index": index, "lucene": lucene, "labels": labels})
		}
		if lucene := luceneIdentifiers(q.Identifiers); lucene != "" { // a namesake with the number, too
			rows = append(rows, map[string]any{"key": q.Key, "index": "entity_identifiers", "lucene": lucene, "labels": labels})
		}
	}
	found := map[string][]Card{}
	if len(rows) > 0 {
		var err error
		if found, err = db.candidates(ctx, src, rows, matchCandidates); err != nil {
			return nil, err
		}
	}
	out := make([]MatchResult, len(queries))
	for i, q := range queries {
		cands := make([]Candidate, 0, len(found[q.Key]))
		seen := map[string]bool{} // a query may have found a card in both indexes
		for _, card := range found[q.Key] {
			if seen[card.ID] {
				continue
			}
			seen[card.ID] = true
			if c := Score(q, card, threshold); c.Score > 0 { // nothing in common: the index's fuzziness
				cands = append(cands, c)
			}
		}
		sortCandidates(cands)
		out[i] = MatchResult{Key: q.Key, Total: len(cands), Candidates: cands[:min(len(cands), max(q.Limit, 1))]}
	}
	return out, nil
}

// Suggest gives the entities whose names or aliases start with what was typed so far,
// best first by the full-text index: the reconciliation suggest service.
func (db *DB) Suggest(ctx context.Context, prefix string, kinds []EntityKind, limit int) ([]Card, error) {
	index, lucene := lucenePrefix(prefix)
	if lucene == "" {
		return []Card{}, nil
	}
	labels := make([]any, 0, len(kinds))
	for _, k := range kinds {
		labels = append(labels, k.Label())
	}
	found, err := db.candidates(ctx, MatchSource{}, []any{map[string]any{"key": "s", "index": index, "lucene": lucene, "labels": labels}}, limit)
	if err != nil {
		return nil, err
	}
	if found["s"] == nil {
		return []Card{}, nil
	}
	return found["s"], nil
}

// Cards reads the cards of entities by id, in one statement that looks each id up under
// the label its prefix names (the id constraints' indexes): what preview and data
// extension show. Unknown ids are left out.
func (db *DB) Cards(ctx context.Context, ids []string) (map[string]Card, error) {
	byKind := map[EntityKind][]string{}
	for _, id := range ids {
		if k, ok := kindOfID(id); ok {
			byKind[k] = append(byKind[k], id)
		}
	}
	out := map[string]Card{}
	var lookups []string
	params := map[string]any{}
	for i, k := range EntityKinds {
		if len(byKind[k]) > 0 {
			lookups = append(lookups, fmt.Sprintf("MATCH (node:%s) WHERE node.id IN $ids%d RETURN node", k.Label(), i))
			params[fmt.Sprintf("ids%d", i)] = byKind[k]
		}
	}
	if len(lookups) == 0 {
		return out, nil
	}
	res, err := db.readTimeout(ctx, "CALL () { "+strings.Join(lookups, " UNION ALL ")+` }
WITH node WHERE node.confidence <> 'RETRACTED'
RETURN collect(`+cardProjection+`) AS cards`, params, db.timeout())
	if err != nil {
		return nil, err
	}
	if len(res.Records) == 1 {
		list, _ := res.Records[0].Values[0].([]any)
		for _, v := range list {
			if c, ok := readCard(v); ok {
				out[c.ID] = c
			}
		}
	}
	return out, nil
}

// Datasets lists the FtM datasets the graph was imported from (the publishers of its
// DATASET sources), which /match/{dataset} accepts besides "default".
func (db *DB) Datasets(ctx context.Context) ([]string, error) {
	res, err := db.readTimeout(ctx, `MATCH (s:Source {kind: 'DATASET'}) WITH DISTINCT s.publisher AS name ORDER BY name
RETURN collect(name) AS names`, nil, db.timeout())
	if err != nil {
		return nil, err
	}
	if len(res.Records) != 1 {
		return nil, nil
	}
	return strs(res.Records[0].Values[0]), nil
}

// cardProjection is the map a Card is read from, for the node bound to `node`: its own
// properties; the country codes of the places it is located in or occurred in, or the
// body it is part of (up to three levels), a body it belongs to or the body of a post it
// holds is; and the names of its posts and bodies. Retracted relationships count for
// nothing.
const cardProjection = `{id: node.id, name: node.name, aliases: node.aliases, description: node.description,
 label: labels(node)[0], subkind: node.kind, ftm: node.ftm, from: node.from, country: node.country,
 countries: [(node)-[up:PART_OF*0..3]->()-[r:LOCATED_IN|OCCURRED_IN]->(p:Place) WHERE ` + unretracted + ` | p.country]
   + [(node)-[m:MEMBER_OF]->(:Organization)-[up:PART_OF*0..3]->(:Organization)-[r:LOCATED_IN]->(p:Place)
      WHERE m.confidence <> 'RETRACTED' AND ` + unretracted + ` | p.country]
   + [(node)-[m:HOLDS]->(:Position)-[:POSITION_IN]->(:Organization)-[up:PART_OF*0..3]->(:Organization)-[r:LOCATED_IN]->(p:Place)
      WHERE m.confidence <> 'RETRACTED' AND ` + unretracted + ` | p.country],
 positions: [(node)-[r:HOLDS]->(p:Position) WHERE r.confidence <> 'RETRACTED' | p.name],
 organizations: [(node)-[r:MEMBER_OF]->(o:Organization) WHERE r.confidence <> 'RETRACTED' | o.name]
   + [(node)-[r:HOLDS]->(:Position)-[:POSITION_IN]->(o:Organization) WHERE r.confidence <> 'RETRACTED' | o.name]}`

// unretracted keeps a path to a place whose steps all stand.
const unretracted = `r.confidence <> 'RETRACTED' AND p.country IS NOT NULL AND all(x IN up WHERE x.confidence <> 'RETRACTED')`

// candidates runs the one statement of a batch: for each row {key, index, lucene, labels},
// the n best hits of that full-text index among the labels allowed, as cards. With a
// dataset, only entities cited to it count, and an unknown dataset is ENOTFOUND.
func (db *DB) candidates(ctx context.Context, src MatchSource, rows []any, n int) (map[string][]Card, error) {
	params := map[string]any{"rows": rows, "hits": indexHits, "n": n}
	dataset, imports, from, known := "", "q", "", "true"
	if src.Dataset != "" && src.Dataset != "default" {
		params["dataset"] = src.Dataset
		dataset = "OPTIONAL MATCH (ds:Source {kind: 'DATASET', publisher: $dataset}) WITH ds LIMIT 1\n"
		imports, from, known = "q, ds", " AND EXISTS { MATCH (:Citation {about: node.id})-[:FROM_SOURCE]->(ds) }", "ds IS NOT NULL"
	}
	cypher := dataset + `UNWIND $rows AS q
CALL (` + imports + `) {
  CALL db.index.fulltext.queryNodes(q.index, q.lucene, {limit: $hits}) YIELD node, score
  WHERE node.confidence <> 'RETRACTED' AND (size(q.labels) = 0 OR labels(node)[0] IN q.labels)` + from + `
  WITH node, score ORDER BY score DESC, node.id
  WITH collect(node)[..$n] AS nodes
  RETURN [node IN nodes | ` + cardProjection + `] AS cards
}
RETURN q.key AS key, cards, ` + known + ` AS known`
	res, err := db.readTimeout(ctx, cypher, params, db.timeout())
	if err != nil {
		return nil, err
	}
	out := map[string][]Card{}
	for _, rec := range res.Records {
		if known, _ := rec.Values[2].(bool); !known {
			return nil, Errorf(ENOTFOUND, "no dataset %.60q: use \"default\" (the whole graph) or one of the datasets the graph was imported from", src.Dataset)
		}
		key, _ := rec.Values[0].(string)
		list, _ := rec.Values[1].([]any)
		for _, v := range list {
			if c, ok := readCard(v); ok {
				out[key] = append(out[key], c)
			}
		}
	}
	return out, nil
}

// ftmDates, ftmCountries and ftmIdentifiers are the FtM properties a card takes its
// dates, countries and identifiers from.
var (
	ftmDates       = []string{"birthDate", "incorporationDate", "date", "startDate"}
	ftmCountries   = []string{"country", "nationality", "citizenship", "jurisdiction", "mainCountry"}
	ftmIdentifiers = []string{"idNumber", "passportNumber", "registrationNumber", "taxNumber", "leiCode",
		"innCode", "ogrnCode", "swiftBic", "imoNumber", "wikidataId"}
)

func readCard(v any) (Card, bool) {
	m, ok := v.(map[string]any)
	if !ok {
		return Card{}, false
	}
	c := Card{ID: str(m["id"]), Name: str(m["name"]), Aliases: strs(m["aliases"]), Description: str(m["description"]),
		Kind: kindOfLabel(str(m["label"])), Subkind: str(m["subkind"]), Positions: dedupe(strs(m["positions"])), Organizations: dedupe(strs(m["organizations"]))}
	if d := str(m["from"]); d != "" {
		c.Dates = append(c.Dates, d)
	}
	countries := append(strs(m["countries"]), str(m["country"]))
	if raw := str(m["ftm"]); raw != "" {
		var e struct {
			Properties map[string][]string `json:"properties"`
		}
		if json.Unmarshal([]byte(raw), &e) == nil {
			c.FtM = e.Properties
			for _, p := range ftmDates {
				c.Dates = append(c.Dates, e.Properties[p]...)
			}
			for _, p := range ftmCountries {
				countries = append(countries, e.Properties[p]...)
			}
			for _, p := range ftmIdentifiers {
				c.Identifiers = append(c.Identifiers, e.Properties[p]...)
			}
		}
	}
	for _, cc := range countries {
		if code := CountryCode(cc); code != "" {
			c.Countries = append(c.Countries, code)
		}
	}
	c.Countries, c.Dates, c.Identifiers = dedupe(c.Countries), dedupe(c.Dates), dedupe(c.Identifiers)
	return c, c.ID != "" && c.Kind != ""
}

func kindOfLabel(label string) EntityKind {
	for _, k := range EntityKinds {
		if k.Label() == label {
			return k
		}
	}
	return ""
}

func dedupe(list []string) []string {
	var out []string
	seen := map[string]bool{}
	for _, s := range list {
		if s != "" && !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	return out
}

// luceneAny asks the full-text indexes for any word of the names but the stop words, each
// as search asks for a word (exactly, fuzzily or as a prefix), folded and as typed: the
// words in Arabic script of the Persian-analysed index, the others of the folding one. It
// gives a query per index, none when the names have no words.
func luceneAny(names []string) map[string]string {
	parts := map[string][]string{}
	seen := map[string]bool{}
	for _, name := range names {
		for _, w := range append(FoldWords(name), rawWords(name)...) {
			if seen[w] || stopWords[w] || len(parts[indexFor(w)]) >= maxLuceneTerms {
				continue
			}
			seen[w] = true
			parts[indexFor(w)] = append(parts[indexFor(w)], luceneTerm(w))
		}
	}
	out := map[string]string{}
	for index, p := range parts {
		out[index] = strings.Join(p, " ")
	}
	return out
}

// lucenePrefix asks for what is being typed: every word but the stop words must start a
// word of the name, folded or as typed. The index is chosen by the script of the text.
func lucenePrefix(text string) (index, lucene string) {
	folded, raw := FoldWords(text), rawWords(text)
	var parts []string
	for i, w := range folded {
		if stopWords[w] || len(parts) >= maxLuceneTerms {
			continue
		}
		if len(raw) == len(folded) && raw[i] != w {
			parts = append(parts, fmt.Sprintf("+(%s* %s*)", w, raw[i]))
		} else {
			parts = append(parts, fmt.Sprintf("+%s*", w))
		}
		index = indexFor(w)
	}
	return index, strings.Join(parts, " ")
}

// rawWords are the words of a text as typed, in lower case: letters, digits and marks.
func rawWords(s string) []string {
	return strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && !unicode.Is(unicode.Mn, r)
	})
}

// indexFor is the full-text index that holds a word: entity_names_fa for Arabic script.
func indexFor(w string) string {
	if strings.IndexFunc(w, func(r rune) bool { return unicode.In(r, unicode.Arabic) }) >= 0 {
		return "entity_names_fa"
	}
	return "entity_names"
}
