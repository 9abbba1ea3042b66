package sidebyside

import (
	"context"
	"fmt"
	"net/http"
	"time"

	dto "github.com/prometheus/client_model/go"
	"github.com/prometheus/common/expfmt"
	"github.com/prometheus/common/model"
)

// Counts are what accgraph's /metrics says it has done: HTTP requests answered on
// /graphql (whatever path inside the server answered them) and Cypher read statements
// ended; InFlight the statements still running. Of two readings with none in flight,
// Statements over Requests is the statements per request of the requests in between.
type Counts struct{ Requests, Statements, InFlight float64 }

// Per is the statements per request from c to later; 0 when there was none.
func (c Counts) Per(later Counts) float64 { return Counts{}.Add(c, later).PerRequest() }

// Add is c with the requests and statements counted from before to after added.
func (c Counts) Add(before, after Counts) Counts {
	c.Requests += after.Requests - before.Requests
	c.Statements += after.Statements - before.Statements
	return c
}

// PerRequest is the statements per request c counts; 0 when there was none.
func (c Counts) PerRequest() float64 {
	if c.Requests > 0 {
		return c.Statements / c.Requests
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
	var c Counts // a family not there yet has counted nothing
	for _, m := range families["accgraph_http_requests_total"].GetMetric() {
		if label(m.GetLabel(), "route") == "/graphql" {
			c.Requests += m.GetCounter().GetValue()
		}
	}
	for _, m := range families["accgraph_neo4j_statement_duration_seconds"].GetMetric() {
		if label(m.GetLabel(), "kind") == "read" {
			c.Statements += float64(m.GetHistogram().GetSampleCount())
		}
	}
	for _, m := range families["accgraph_neo4j_statements_in_flight"].GetMetric() {
		c.InFlight += m.GetGauge().GetValue()
	}
	return c, nil
}

// SettledCounts reads the counts once they have settled: no statement in flight and
// the same counts 100 ms apart (the requests a load run cancelled at the end of its
// window end their statements, then answer and are counted), waiting at most five
// seconds.
func SettledCounts(ctx context.Context, client *http.Client, url string) (Counts, error) {
	deadline := time.Now().Add(5 * time.Second)
	last, err := ReadCounts(ctx, client, url)
	for err == nil && time.Now().Before(deadline) {
		time.Sleep(100 * time.Millisecond)
		var c Counts
		if c, err = ReadCounts(ctx, client, url); err == nil && c == last && c.InFlight == 0 {
			return c, nil
		}
		last = c
	}
	return last, err
}

func label(labels []*dto.LabelPair, name string) string {
	for _, l := range labels {
		if l.GetName() == name {
			return l.GetValue()
		}
	}
	return ""
}
