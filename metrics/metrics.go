// Package metrics is accgraph's Prometheus instrumentation: the collectors every part
// reports to (HTTP requests, GraphQL operations, Neo4j statements, saved query runs,
// import rows), kept in a registry of their own so that tests and two servers in one
// process never share counts.
package metrics

import (
	"net/http"
	"regexp"
	"strings"
	"sync"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"
)

// MaxOperationNames bounds the distinct GraphQL operation names kept as label values:
// callers choose the names, and each new one is a new time series. Later names are
// counted as "other".
const MaxOperationNames = 200

// Metrics holds accgraph's collectors. Its methods are safe for concurrent use.
type Metrics struct {
	registry *prometheus.Registry

	httpRequests      *prometheus.CounterVec
	httpDuration      *prometheus.HistogramVec
	operations        *prometheus.CounterVec
	operationDuration *prometheus.HistogramVec
	statements        *prometheus.HistogramVec
	statementErrors   *prometheus.CounterVec
	inFlight          prometheus.Gauge
	savedRuns         *prometheus.CounterVec
	importRows        *prometheus.CounterVec

	mu    sync.Mutex
	names map[string]bool // operation names given a label of their own
}

// New registers accgraph's collectors, with Go runtime and process metrics, in a new
// registry.
func New() *Metrics {
	m := &Metrics{registry: prometheus.NewRegistry(), names: map[string]bool{}}
	f := factory{m.registry}
	m.httpRequests = f.counter("accgraph_http_requests_total", "HTTP requests answered, by route and status code.", "route", "code")
	m.httpDuration = f.histogram("accgraph_http_request_duration_seconds", "Time to answer an HTTP request, by route.", "route")
	m.operations = f.counter("accgraph_graphql_operations_total",
		"GraphQL operations, by operation name, type and outcome (ok, or the first error's code in lower case).", "operation", "type", "outcome")
	m.operationDuration = f.histogram("accgraph_graphql_operation_duration_seconds",
		"Time from reading a GraphQL request to its answer, by operation name and type.", "operation", "type")
	m.statements = f.histogram("accgraph_neo4j_statement_duration_seconds", "Time of one Cypher statement, by kind (read, write).", "kind")
	m.statementErrors = f.counter("accgraph_neo4j_statement_errors_total", "Cypher statements that failed, by kind and error code.", "kind", "code")
	m.inFlight = prometheus.NewGauge(prometheus.GaugeOpts{Name: "accgraph_neo4j_statements_in_flight",
		Help: "Cypher statements sent and not yet answered: the connections of the driver's pool in use."})
	m.savedRuns = f.counter("accgraph_saved_query_runs_total", "Saved query runs over HTTP, by name and outcome.", "name", "outcome")
	m.importRows = f.counter("accgraph_import_rows_total",
		"Rows an import read, by format and outcome (entities, links: written; skipped: refused).", "format", "outcome")
	m.registry.MustRegister(m.inFlight, collectors.NewGoCollector(),
		collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	return m
}

type factory struct{ r *prometheus.Registry }

func (f factory) counter(name, help string, labels ...string) *prometheus.CounterVec {
	c := prometheus.NewCounterVec(prometheus.CounterOpts{Name: name, Help: help}, labels)
	f.r.MustRegister(c)
	return c
}

// latencyBuckets run from 1 ms to 30 s: a cache hit to a read at its timeout.
var latencyBuckets = []float64{.001, .0025, .005, .01, .025, .05, .1, .25, .5, 1, 2.5, 5, 10, 30}

func (f factory) histogram(name, help string, labels ...string) *prometheus.HistogramVec {
	h := prometheus.NewHistogramVec(prometheus.HistogramOpts{Name: name, Help: help, Buckets: latencyBuckets}, labels)
	f.r.MustRegister(h)
	return h
}

// Handler serves the metrics in Prometheus' text format.
func (m *Metrics) Handler() http.Handler {
	return promhttp.HandlerFor(m.registry, promhttp.HandlerOpts{Registry: m.registry})
}

// Gather is the registry, for tests and for writing the metrics to a file.
func (m *Metrics) Gather() prometheus.Gatherer { return m.registry }

// WriteFile writes the metrics to path in the text format node_exporter's textfile
// collector reads, for commands that end before anything could scrape them.
func (m *Metrics) WriteFile(path string) error { return prometheus.WriteToTextfile(path, m.registry) }

// HTTPRequest records one answered request; route is the pattern that served it.
func (m *Metrics) HTTPRequest(route string, code int, took time.Duration) {
	if route == "" {
		route = "unmatched"
	}
	m.httpRequests.WithLabelValues(route, statusText(code)).Inc()
	m.httpDuration.WithLabelValues(route).Observe(took.Seconds())
}

func statusText(code int) string {
	var b [3]byte
	for i := 2; i >= 0; i-- {
		b[i] = byte('0' + code%10)
		code /= 10
	}
	return string(b[:])
}

// Operation records one GraphQL operation. outcome is "ok" or an error code.
func (m *Metrics) Operation(name, kind, outcome string, took time.Duration) {
	name = m.operationName(name)
	if kind == "" {
		kind = "unknown"
	}
	m.operations.WithLabelValues(name, kind, strings.ToLower(outcome)).Inc()
	m.operationDuration.WithLabelValues(name, kind).Observe(took.Seconds())
}

var sane = regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_]{0,63}$`)

// operationName keeps a caller's operation name as a label only when it is a GraphQL
// name of at most 64 bytes and one of the first MaxOperationNames seen.
func (m *Metrics) operationName(name string) string {
	switch {
	case name == "":
		return "anonymous"
	case !sane.MatchString(name):
		return "other"
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	if !m.names[name] {
		if len(m.names) >= MaxOperationNames {
			return "other"
		}
		m.names[name] = true
	}
	return name
}

// StatementBegin and StatementEnd make Metrics a graph.Observer.
func (m *Metrics) StatementBegin() { m.inFlight.Inc() }

// StatementEnd records a statement's time and, when code is not empty, its failure.
func (m *Metrics) StatementEnd(kind string, took time.Duration, code string) {
	m.inFlight.Dec()
	m.statements.WithLabelValues(kind).Observe(took.Seconds())
	if code != "" {
		m.statementErrors.WithLabelValues(kind, code).Inc()
	}
}

// SavedQueryRun records a run of the saved query name; outcome is "ok" or an error code.
func (m *Metrics) SavedQueryRun(name, outcome string) {
	m.savedRuns.WithLabelValues(name, strings.ToLower(outcome)).Inc()
}

// ImportRows adds n rows of format with outcome (entities, links or skipped).
func (m *Metrics) ImportRows(format, outcome string, n int) {
	m.importRows.WithLabelValues(format, outcome).Add(float64(n))
}
