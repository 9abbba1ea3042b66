package graph

import (
	"math"
	"slices"
	"sort"
	"strings"
	"unicode"

	"github.com/adrg/strutil/metrics"
)

// DefaultMatchThreshold is the score at and above which a candidate is a match (yente's
// SCORE_THRESHOLD is 0.7 for its own scores; see docs/design.md for why 0.8 here).
const DefaultMatchThreshold = 0.8

// Candidate is an entity scored against a query: the score (0..1), whether it reaches the
// threshold, the name or alias that compared best, and the features the score is made of.
type Candidate struct {
	Card
	Score    float64
	Match    bool
	Matched  string
	Features map[string]float64
}

// Feature weights: the score is the name similarity, moved by what else agrees or
// disagrees, within 0..1. A different birth date or country weighs more than a same one,
// which many namesakes share.
var featureWeights = map[string]float64{
	"identifier_match":   0.15,
	"date_match":         0.05,
	"date_mismatch":      -0.25,
	"country_match":      0.05,
	"country_mismatch":   -0.15,
	"position_match":     0.05,
	"organization_match": 0.05,
}

// Score compares a query with a candidate. Features:
//   - name_similarity: the best over query names × candidate name and aliases of the
//     token alignment (nameSimilarity); name_match 1 when that is an exact match after
//     folding (case, accents, script variants, word order, stop words, spaces);
//   - date_match / date_mismatch: some query date agrees with some candidate date at the
//     precision both have (1960 agrees with 1960-12-14) / none does;
//   - country_match / country_mismatch: the same for ISO country codes;
//   - identifier_match: an identifier equal once upper-cased and stripped of separators;
//   - position_match, organization_match: a post or body named alike (similarity ≥ 0.85).
//
// A feature is present only when both sides have values to compare.
func Score(q MatchQuery, c Card, threshold float64) Candidate {
	out := Candidate{Card: c, Features: map[string]float64{}}
	names := append([]string{c.Name}, c.Aliases...)
	best := -1.0
	for _, qn := range q.Names {
		for _, cn := range names {
			if s := nameSimilarity(qn, cn); s > best {
				best, out.Matched = s, cn
			}
		}
	}
	best = max(best, 0)
	out.Features["name_similarity"] = round3(best)
	if best == 1 {
		out.Features["name_match"] = 1
	}
	flag := func(match, mismatch string, agree, compared bool) {
		switch {
		case agree:
			out.Features[match] = 1
		case compared && mismatch != "":
			out.Features[mismatch] = 1
		}
	}
	agree, compared := anyPair(q.Dates, c.Dates, datesAgree)
	flag("date_match", "date_mismatch", agree, compared)
	var countries []string
	for _, s := range q.Countries {
		if code := CountryCode(s); code != "" {
			countries = append(countries, code)
		}
	}
	agree, compared = anyPair(countries, c.Countries, func(a, b string) bool { return a == b })
	flag("country_match", "country_mismatch", agree, compared)
	agree, compared = anyPair(q.Identifiers, c.Identifiers, func(a, b string) bool { return identifier(a) != "" && identifier(a) == identifier(b) })
	flag("identifier_match", "", agree, compared)
	similar := func(a, b string) bool { return nameSimilarity(a, b) >= 0.85 }
	agree, compared = anyPair(q.Positions, c.Positions, similar)
	flag("position_match", "", agree, compared)
	agree, compared = anyPair(q.Organizations, c.Organizations, similar)
	flag("organization_match", "", agree, compared)
	score := best
	for f, v := range out.Features {
		score += featureWeights[f] * v
	}
	out.Score = round3(min(max(score, 0), 1))
	out.Match = out.Score >= threshold
	return out
}

// sortCandidates orders candidates best first, then by id for a stable answer.
func sortCandidates(cs []Candidate) {
	sort.SliceStable(cs, func(i, j int) bool {
		if cs[i].Score != cs[j].Score {
			return cs[i].Score > cs[j].Score
		}
		return cs[i].ID < cs[j].ID
	})
}

// anyPair reports whether some a and b agree, and whether there was anything to compare.
func anyPair(as, bs []string, agree func(a, b string) bool) (bool, bool) {
	if len(as) == 0 || len(bs) == 0 {
		return false, false
	}
	for _, a := range as {
		for _, b := range bs {
			if agree(a, b) {
				return true, true
			}
		}
	}
	return false, true
}

// datesAgree compares two partial ISO dates at the precision both have: 1960 and
// 1960-12-14 agree, 1960-11 and 1960-12-14 do not. A time part is ignored.
func datesAgree(a, b string) bool {
	a, b = a[:min(len(a), 10)], b[:min(len(b), 10)]
	n := min(len(a), len(b))
	return n >= 4 && a[:n] == b[:n]
}

// identifier is an id number without case or separators: "AB 123-45" → "AB12345".
func identifier(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return unicode.ToUpper(r)
		}
		return -1
	}, s)
}

var jaroWinkler = metrics.NewJaroWinkler()

// nameSimilarity compares two names word by word after folding, stop words left out: each
// word of one is paired with the closest unused word of the other (Jaro-Winkler, counted
// from 0.9, below which "Rahimi" would pass for "Raisi"; an initial counts 0.9 against a word it starts), and the score is the mean
// of the shares of both names that were paired. 1 for the same words in any order, or the
// same letters spaced differently ("Ali Reza" and "Alireza").
func nameSimilarity(a, b string) float64 {
	ta, tb := nameTokens(a), nameTokens(b)
	if len(ta) == 0 || len(tb) == 0 {
		return 0
	}
	if strings.Join(ta, "") == strings.Join(tb, "") || sortedEqual(ta, tb) {
		return 1
	}
	used := make([]bool, len(tb))
	sum := 0.0
	for _, x := range ta {
		bestJ, best := -1, 0.0
		for j, y := range tb {
			if used[j] {
				continue
			}
			s := jaroWinkler.Compare(x, y)
			if xr, yr := []rune(x), []rune(y); (len(xr) == 1 && len(yr) > 1 && yr[0] == xr[0]) || (len(yr) == 1 && len(xr) > 1 && xr[0] == yr[0]) {
				s = 0.9
			}
			if s >= 0.9 && s > best {
				bestJ, best = j, s
			}
		}
		if bestJ >= 0 {
			used[bestJ] = true
			sum += best
		}
	}
	return (sum/float64(len(ta)) + sum/float64(len(tb))) / 2
}

// nameTokens are the folded words of a name without stop words (all of them when the
// name is nothing else).
func nameTokens(s string) []string {
	words := FoldWords(s)
	var out []string
	for _, w := range words {
		if !stopWords[w] {
			out = append(out, w)
		}
	}
	if len(out) == 0 {
		return words
	}
	return out
}

func sortedEqual(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	a, b = slices.Clone(a), slices.Clone(b)
	slices.Sort(a)
	slices.Sort(b)
	return slices.Equal(a, b)
}

func round3(f float64) float64 { return math.Round(f*1000) / 1000 }
