package graph

import (
	"fmt"
	"sort"
	"strings"
	"unicode"

	"github.com/agnivade/levenshtein"
	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"
)

// SearchHit is one result of a search: the entity, how well it scored, and the name or
// alias that matched best.
type SearchHit struct {
	Entity  Entity
	Kind    EntityKind
	Score   float64
	Matched string
}

// searchTerms splits user text into words of letters and digits. Everything else —
// quotes, ~, *, :, brackets — separates words, so nothing the user types can reach
// Lucene's query syntax.
func searchTerms(text string) []string {
	words := strings.FieldsFunc(strings.ToLower(text), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && !unicode.Is(unicode.Mn, r)
	})
	var out []string
	for _, w := range words {
		if w == "and" || w == "or" || w == "not" || w == "to" { // Lucene operators, also in lower case here
			w = `"` + w + `"`
		}
		out = append(out, w)
	}
	return out
}

// luceneQuery asks for every word, each exactly (boosted), fuzzily (edit distance by
// length) or as a prefix: "Raeesi" finds "Raisi".
func luceneQuery(terms []string) string {
	parts := make([]string, len(terms))
	for i, t := range terms {
		switch n := len([]rune(strings.Trim(t, `"`))); {
		case strings.HasPrefix(t, `"`):
			parts[i] = t
		case n >= 5:
			parts[i] = fmt.Sprintf("(%s^3 OR %s~2 OR %s*)", t, t, t)
		case n >= 3:
			parts[i] = fmt.Sprintf("(%s^3 OR %s~1 OR %s*)", t, t, t)
		default:
			parts[i] = fmt.Sprintf("(%s^3 OR %s*)", t, t)
		}
	}
	return strings.Join(parts, " AND ")
}

// search compiles the full-text search over names and aliases.
func (c *compiler) search(f Selection) (rootPlan, string, error) {
	plan := rootPlan{alias: f.Alias}
	terms := searchTerms(str(f.Args["text"]))
	first, err := firstArg(f.Args, 20, f.Alias)
	if err != nil {
		return plan, "", err
	}
	if len(terms) == 0 || first == 0 {
		plan.skip = true
		plan.decode = func(any) (any, error) { return []*SearchHit{}, nil }
		return plan, "", nil
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
	proj, np, err := c.node(n, kinds, entitySub, f.Alias+".entity", "name", "aliases") // bestMatch reads them
	if err != nil {
		return plan, "", err
	}
	cypher := fmt.Sprintf(`CALL db.index.fulltext.queryNodes('entity_names', %s) YIELD node AS %s, score
WHERE %s.confidence <> 'RETRACTED' AND %s
WITH %s, score ORDER BY score DESC, %s.id LIMIT %s
RETURN collect({score: score, node: %s})`,
		c.param(luceneQuery(terms)), n, n, c.kindFilter(n, kindsAsArgs(kinds)), n, n, c.param(first), proj)
	plan.decode = func(v any) (any, error) {
		rows, _ := v.([]any)
		hits := make([]*SearchHit, 0, len(rows))
		for _, row := range rows {
			m, _ := row.(map[string]any)
			e := np.decode(m["node"])
			if e == nil {
				continue
			}
			score, _ := m["score"].(float64)
			hits = append(hits, &SearchHit{Entity: e, Kind: e.Kind(), Score: score, Matched: bestMatch(e.Common(), terms)})
		}
		return hits, nil
	}
	return plan, cypher, nil
}

func kindsAsArgs(kinds []EntityKind) []any {
	out := make([]any, len(kinds))
	for i, k := range kinds {
		out[i] = string(k)
	}
	return out
}

// bestMatch picks the name or alias closest to the search words: exact words first, then
// prefixes, then small spelling differences, compared without case or accents.
func bestMatch(b *Base, terms []string) string {
	candidates := append([]string{b.Name}, b.Aliases...)
	type scored struct {
		name  string
		score float64
	}
	var all []scored
	for i, cand := range candidates {
		words := strings.FieldsFunc(fold(cand), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
		s := 0.0
		for _, t := range terms {
			t = fold(strings.Trim(t, `"`))
			best := 0.0
			for _, w := range words {
				switch d := levenshtein.ComputeDistance(t, w); {
				case w == t:
					best = max(best, 3)
				case strings.HasPrefix(w, t):
					best = max(best, 2)
				case d <= 2:
					best = max(best, 1.5-0.25*float64(d))
				}
			}
			s += best
		}
		all = append(all, scored{cand, s - 0.001*float64(i)}) // ties go to the name, then earlier aliases
	}
	sort.SliceStable(all, func(i, j int) bool { return all[i].score > all[j].score })
	return all[0].name
}

// fold lower-cases and strips accents: "Raïsi" → "raisi".
func fold(s string) string {
	t := transform.Chain(norm.NFD, runes.Remove(runes.In(unicode.Mn)), norm.NFC)
	out, _, err := transform.String(t, strings.ToLower(s))
	if err != nil {
		return strings.ToLower(s)
	}
	return out
}
