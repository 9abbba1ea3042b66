package graph

import (
	"fmt"
	"sort"
	"strings"
	"unicode"

	"github.com/agnivade/levenshtein"
)

// SearchHit is one result of a search: the entity, how well it scored, and the name or
// alias that matched best.
type SearchHit struct {
	Entity  Entity
	Kind    EntityKind
	Score   float64
	Matched string
}

// A search runs in two steps inside the one read. Lucene finds candidates with every word
// of the text but the stop words, each exactly, fuzzily or as a prefix, in the names and
// aliases (entity_names, whose standard-folding analyzer folds accents; entity_names_fa,
// whose Persian analyzer normalises Persian and Arabic spellings, for text in that
// script). Go then keeps the candidates one of whose names holds every such word
// (exactly, as a prefix or within a few typos, compared as FoldName folds them: Lucene
// may match a word in one name and the next in another) and ranks them: an exact
// name or alias first, then all words present, then fuzzy or partial matches; within
// those, by how exactly the words matched and how few other words the name has (the
// person before the trial named after him), entities before what is named after them
// (a statement, an event, a post), then Lucene's score.

// searchCandidates is how many candidates Lucene gives for each hit asked, at least
// minCandidates: the ranking in Go keeps the best of them.
const (
	searchCandidates = 4
	minCandidates    = 40
	maxCandidates    = 200
	kindSurplus      = 10 // candidates asked of Lucene per candidate when kinds filter them
)

// stopWords are the words Lucene's English stop filter drops, the filter of Neo4j's
// standard analyzers (TestStopWordsAreNeo4js compares them with what Neo4j reports).
// They are optional in a query: "the 1988 massacre" finds "1988 massacre".
var stopWords = map[string]bool{}

// StopWord reports whether a folded word is one of the English stop words that search
// leaves optional ("of", "the", "in", "and", ...).
func StopWord(w string) bool { return stopWords[w] }

func init() {
	for _, w := range strings.Fields("a an and are as at be but by for if in into is it no not of on or such that the their then there these they this to was will with") {
		stopWords[w] = true
	}
}

// searchQuery is the text a search was given, in words.
type searchQuery struct {
	words   []string // folded words that must all match, stop words left out
	persian bool     // the text is in Arabic script: search the Persian index
	lucene  string
}

// parseSearch splits user text into words of letters and digits. Everything else —
// quotes, ~, *, :, brackets — separates words, so nothing the user types can reach
// Lucene's query syntax.
func parseSearch(text string) searchQuery {
	var q searchQuery
	for _, w := range FoldWords(text) {
		if !stopWords[w] {
			q.words = append(q.words, w)
		}
		if strings.IndexFunc(w, func(r rune) bool { return unicode.In(r, unicode.Arabic) }) >= 0 {
			q.persian = true
		}
	}
	// Lucene must find every word (stop words are left out, which Lucene would drop
	// and make a query fail); the words as typed (lower case, marks kept) may add to the
	// score where folding changed them, since the index's analyzer folds its own way
	seen := map[string]bool{}
	var parts []string
	for _, w := range q.words {
		if !seen[w] {
			seen[w] = true
			parts = append(parts, "+"+luceneTerm(w))
		}
	}
	raw := strings.FieldsFunc(strings.ToLower(text), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && !unicode.Is(unicode.Mn, r)
	})
	for _, w := range raw {
		if !seen[w] && !stopWords[w] {
			seen[w] = true
			parts = append(parts, luceneTerm(w))
		}
	}
	q.lucene = strings.Join(parts, " ")
	return q
}

// luceneTerm asks for one word exactly (boosted), fuzzily (edit distance by length) or as
// a prefix; numbers only exactly.
func luceneTerm(w string) string {
	if strings.IndexFunc(w, unicode.IsDigit) >= 0 {
		return w
	}
	switch maxTypos(w) {
	case 2:
		return fmt.Sprintf("(%s^3 OR %s~2 OR %s*)", w, w, w)
	case 1:
		return fmt.Sprintf("(%s^3 OR %s~1 OR %s*)", w, w, w)
	}
	return w
}

// maxTypos is how many edits a word may be from a name's word and still match.
func maxTypos(w string) int {
	switch n := len([]rune(w)); {
	case n >= 5:
		return 2
	case n >= 3:
		return 1
	}
	return 0
}

// search compiles the full-text search over names and aliases, and by identifier
// (identifierParts): one statement, the hits of both ranked together.
func (c *compiler) search(f Selection) (rootPlan, string, error) {
	plan := rootPlan{alias: f.Alias}
	q := parseSearch(str(f.Args["text"]))
	first, err := firstArg(f.Args, 20, f.Alias)
	if err != nil {
		return plan, "", err
	}
	kinds := EntityKinds
	if list, ok := f.Args["kinds"].([]any); ok && len(list) > 0 {
		kinds = nil
		for _, k := range list {
			if kind := EntityKind(str(k)); kind.IsValid() {
				kinds = append(kinds, kind)
			}
		}
	}
	var fields []Selection
	if f.Sub != nil {
		fields = f.Sub("SearchHit")
	}
	entitySub, _ := mergeSub(fields, "entity")
	n := c.newVar("n")
	proj, np, err := c.node(n, kinds, entitySub, f.Alias+".entity", "name", "aliases") // the ranking reads them
	if err != nil {
		return plan, "", err
	}
	text := str(f.Args["text"])
	var parts []string
	if len(q.words) > 0 && q.lucene != "" {
		parts = append(parts, c.namesPart(n, q, kinds, first))
	}
	parts = append(parts, c.identifierParts(n, kinds, text)...)
	if len(parts) == 0 || first == 0 {
		plan.skip = true
		plan.decode = func(any) (any, error) { return []*SearchHit{}, nil }
		return plan, "", nil
	}
	cypher := fmt.Sprintf("CALL () {\n%s\n}\nRETURN collect({score: score, ident: ident, node: %s})", strings.Join(parts, "\nUNION ALL\n"), proj)
	plan.decode = func(v any) (any, error) {
		rows, _ := v.([]any)
		best := map[string]rankedHit{}
		for _, row := range rows {
			m, _ := row.(map[string]any)
			e := np.decode(m["node"])
			if e == nil {
				continue
			}
			var r rankedHit
			ok := true
			if m["ident"] != nil {
				r = identifierHit(e, text, strs(m["ident"]))
			} else {
				lucene, _ := m["score"].(float64)
				r, ok = rankHit(e, q.words, lucene)
			}
			if old, seen := best[e.Common().ID]; ok && (!seen || r.better(old)) {
				best[e.Common().ID] = r
			}
		}
		ranked := make([]rankedHit, 0, len(best))
		for _, r := range best {
			ranked = append(ranked, r)
		}
		sort.Slice(ranked, func(i, j int) bool { return ranked[i].better(ranked[j]) })
		hits := make([]*SearchHit, 0, min(first, len(ranked)))
		for _, r := range ranked[:min(first, len(ranked))] {
			hits = append(hits, &SearchHit{Entity: r.entity, Kind: r.entity.Kind(), Score: r.score(), Matched: r.matched})
		}
		return hits, nil
	}
	return plan, cypher, nil
}

// namesPart is the UNION part of a search that finds the node n by its names and
// aliases in the full-text index, among kinds; it returns n, Lucene's score and no ident.
func (c *compiler) namesPart(n string, q searchQuery, kinds []EntityKind, first int) string {
	index := "entity_names"
	if q.persian {
		index = "entity_names_fa"
	}
	// Lucene stops at the candidates wanted (a common word would otherwise stream every
	// node holding it through Cypher); more when kinds leave some out
	candidates := min(max(first*searchCandidates, minCandidates), maxCandidates)
	fromLucene := candidates
	if len(kinds) < len(EntityKinds) {
		fromLucene *= kindSurplus
	}
	return fmt.Sprintf(`CALL db.index.fulltext.queryNodes('%s', %s, {limit: %s}) YIELD node AS %s, score
WHERE %s.confidence <> 'RETRACTED' AND %s
WITH %s, score ORDER BY score DESC, %s.id LIMIT %s
RETURN %s, score, null AS ident`,
		index, c.param(q.lucene), c.param(fromLucene), n, n, c.kindFilter(n, kindsAsArgs(kinds)), n, n,
		c.param(candidates), n)
}

func kindsAsArgs(kinds []EntityKind) []any {
	out := make([]any, len(kinds))
	for i, k := range kinds {
		out[i] = string(k)
	}
	return out
}

// Match tiers of a name against the query words.
const (
	tierFuzzy = 1 // every word found, some only as a prefix or with typos
	tierWords = 2 // every word found as it is
	tierExact = 3 // the name is the words
)

// rankedHit is a candidate with how well its best name matched.
type rankedHit struct {
	entity   Entity
	matched  string  // the name or alias that matched best
	tier     int     // tierFuzzy..tierExact
	quality  float64 // how exactly the words matched: 1 all exactly, less with prefixes and typos
	coverage float64 // share of the matched name's words the query found
	named    bool    // a statement, event, verdict, post or source: named after others
	lucene   float64
}

// score orders the hits and is what the API shows: the tier (1–3), then, each adding
// less than the tier does, the quality and the coverage of the best name, whether the
// entity is not named after others, and Lucene's score.
func (r rankedHit) score() float64 {
	s := r.nameScore() + 0.09*r.lucene/(1+r.lucene)
	if !r.named {
		s += 0.1
	}
	return s
}

// nameScore is the part of the score that depends on the name matched.
func (r rankedHit) nameScore() float64 {
	return float64(r.tier) + 0.4*r.quality + 0.4*r.coverage
}

func (r rankedHit) better(o rankedHit) bool {
	if a, b := r.score(), o.score(); a != b {
		return a > b
	}
	return r.entity.Common().ID < o.entity.Common().ID
}

// rankHit matches the query words against each name and alias of e and keeps the best;
// ok is false when no name holds every word.
func rankHit(e Entity, words []string, lucene float64) (rankedHit, bool) {
	b := e.Common()
	best := rankedHit{entity: e, lucene: lucene}
	found := false
	for _, name := range append([]string{b.Name}, b.Aliases...) {
		r, ok := matchName(words, name)
		if !ok {
			continue
		}
		r.entity, r.lucene = e, lucene
		if !found || r.nameScore() > best.nameScore() {
			best, found = r, true
		}
	}
	switch e.Kind() {
	case KindStatement, KindEvent, KindVerdict, KindPosition, KindSource:
		best.named = true
	}
	return best, found
}

// matchName matches the query words against one name: each word must be one of the
// name's words (3), the start of one (2, words of three letters or more) or within
// maxTypos edits of one (1); numbers only exactly. quality is the sum over 3 a word.
func matchName(words []string, name string) (rankedHit, bool) {
	var content []string
	for _, w := range FoldWords(name) {
		if !stopWords[w] {
			content = append(content, w)
		}
	}
	r := rankedHit{matched: name, tier: tierWords}
	used := map[int]bool{}
	quality := 0
	for _, q := range words {
		score, at := 0, -1
		for i, w := range content {
			s := wordMatch(q, w)
			if s > score || s == score && s > 0 && used[at] && !used[i] {
				score, at = s, i
			}
		}
		if score == 0 {
			return r, false
		}
		if score < 3 {
			r.tier = tierFuzzy
		}
		quality += score
		used[at] = true
	}
	r.quality = float64(quality) / float64(3*len(words))
	if r.tier == tierWords && strings.Join(words, " ") == strings.Join(content, " ") {
		r.tier = tierExact
	}
	r.coverage = float64(len(used)) / float64(len(content))
	return r, true
}

// wordMatch scores a query word against a name's word: 3 the same, 2 a prefix, 1 a typo.
func wordMatch(q, w string) int {
	switch {
	case q == w:
		return 3
	case strings.IndexFunc(q, unicode.IsDigit) >= 0:
		return 0
	case len([]rune(q)) >= 3 && strings.HasPrefix(w, q):
		return 2
	case withinEdits(q, w, maxTypos(q)):
		return 1
	}
	return 0
}

// withinEdits reports whether a and b are at most n edits apart.
func withinEdits(a, b string, n int) bool {
	if n == 0 {
		return false
	}
	if d := len([]rune(a)) - len([]rune(b)); d > n || -d > n {
		return false
	}
	return levenshtein.ComputeDistance(a, b) <= n
}

// SearchLucene is the Lucene query search sends to the entity_names index for text (the
// side-by-side benchmark gives it to the peer and to raw Cypher, so all ask the same).
func SearchLucene(text string) string { return parseSearch(text).lucene }
