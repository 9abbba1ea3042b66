package sidebyside

import (
	"context"
	"fmt"
	"net/http"

	"github.com/prometheus/common/expfmt"
	"github.com/prometheus/common/model"
)

// Counts are what accgraph's /metrics says it has done: GraphQL operations answered
// and Cypher read statements sent. The difference of two readings, Statements over
// Operations, is the statements per request of the requests in between.
type Counts struct{ Operations, Statements float64 }

// Per is the statements per operation from c to later; 0 when there was none.
func (c Counts) Per(later Counts) float64 {
	if ops := later.Operations - c.Operations; ops > 0 {
		return (later.Statements - c.Statements) / ops
	}
	return 0
}

// ReadCounts reads accgraph's counts from its /metrics at url.
func ReadCounts(ctx context.Context, client *http.Client, url string) (Counts, error) {
	req, err := http.NewRequestWithContext(ctx, "GET", url, nil)
	if err != nil {
		return Counts{}, err
	}
	resp, err := client.Do(req)
	if err != nil {
		return Counts{}, err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return Counts{}, fmt.Errorf("%s: HTTP %d", url, resp.StatusCode)
	}
	parser := expfmt.NewTextParser(model.UTF8Validation)
	families, err := parser.TextToMetricFamilies(resp.Body)
	if err != nil {
		return Counts{}, fmt.Errorf("%s: %w", url, err)
	}
	var c Counts
	if f := families["accgraph_graphql_operations_total"]; f != nil {
		for _, m := range f.GetMetric() {
			c.Operations += m.GetCounter().GetValue()
		}
	}
	if f := families["accgraph_neo4j_statement_duration_seconds"]; f != nil {
		for _, m := range f.GetMetric() {
			for _, l := range m.GetLabel() {
				if l.GetName() == "kind" && l.GetValue() == "read" {
					c.Statements += float64(m.GetHistogram().GetSampleCount())
				}
			}
		}
	}
	return c, nil // a family not there yet has counted nothing
}
