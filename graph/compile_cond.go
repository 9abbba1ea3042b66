package graph

import (
	"fmt"
	"strings"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

// edgeConds keeps the relationship r when it is valid asOf and strong enough; never
// RETRACTED ones.
func (c *compiler) edgeConds(r string, args map[string]any, path string) (string, error) {
	conds := []string{c.confidenceAtLeast(r, str(args["minConfidence"]), false)}
	if s := str(args["asOf"]); s != "" {
		d, err := ParseDate(s)
		if err != nil {
			return "", badArg(path+".asOf", "%s", ErrorMessage(err))
		}
		conds = append(conds, c.overlaps(r, At(d)))
	}
	return strings.Join(conds, " AND "), nil
}

// overlaps is true when x has a known interval (validFrom..validTo, an open end absent,
// not both) that shares a day with iv. What has no known date is never "as of" one.
func (c *compiler) overlaps(x string, iv Interval) string {
	conds := []string{fmt.Sprintf("(%s.validFrom IS NOT NULL OR %s.validTo IS NOT NULL)", x, x)}
	if !iv.To.IsZero() {
		conds = append(conds, fmt.Sprintf("(%s.validFrom IS NULL OR %s.validFrom <= %s)", x, x, c.param(neo4j.DateOf(iv.To.Last()))))
	}
	if !iv.From.IsZero() {
		conds = append(conds, fmt.Sprintf("(%s.validTo IS NULL OR %s.validTo >= %s)", x, x, c.param(neo4j.DateOf(iv.From.First()))))
	}
	return strings.Join(conds, " AND ")
}

// confidenceAtLeast keeps the facts min keeps (Confidence.KeptBy; all but RETRACTED when
// min is empty); RETRACTED ones only when asked for.
func (c *compiler) confidenceAtLeast(x, min string, includeRetracted bool) string {
	if min == "" {
		if includeRetracted {
			return "true"
		}
		return x + ".confidence <> 'RETRACTED'"
	}
	var allowed []string
	for _, conf := range Confidences {
		if conf.KeptBy(Confidence(min)) && (conf != Retracted || includeRetracted) {
			allowed = append(allowed, string(conf))
		}
	}
	return fmt.Sprintf("%s.confidence IN %s", x, c.param(allowed))
}
