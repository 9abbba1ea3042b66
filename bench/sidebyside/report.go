package sidebyside

import (
	"fmt"
	"io"
	"strings"

	"github.com/accgraph/accgraph/bench/load"
)

// Measure is one timed run: a question, a way of asking it, a concurrency.
type Measure struct {
	Question string `json:"question"`
	Target   string `json:"target"`
	load.Result
	// Statements is the Cypher statements per request over the run, warm-up included
	// (accgraph only, from its /metrics); RSSMiB the server's resident memory after its
	// last window (not for raw Cypher in-process).
	Statements float64 `json:"statementsPerRequest,omitempty"`
	RSSMiB     float64 `json:"rssMiB,omitempty"`
}

// Report is a whole run, written as Markdown and as JSON.
type Report struct {
	Date       string             `json:"date"`
	People     int                `json:"people"`
	Seed       uint64             `json:"seed"`
	Generated  string             `json:"generated"` // what the generator wrote, and how fast
	Setup      []string           `json:"setup"`     // machine, Neo4j, versions, durations
	Params     Params             `json:"params"`
	Checks     []Check            `json:"checks"`
	Measures   []Measure          `json:"measures"`
	Statements map[string]float64 `json:"statementsPerRequest"` // per question, accgraph (its /metrics, one request)
	PeakRSSMiB map[string]int     `json:"peakRssMiB"`           // per server
}

// find returns the measure of question q by target t at concurrency c.
func (r *Report) find(q, t string, c int) (Measure, bool) {
	for _, m := range r.Measures {
		if m.Question == q && m.Target == t && m.Concurrency == c {
			return m, true
		}
	}
	return Measure{}, false
}

// WriteMarkdown writes the report as a page: setup, checks, the side-by-side table, targets.
func (r *Report) WriteMarkdown(w io.Writer) error {
	var b strings.Builder
	fmt.Fprintf(&b, "# Side by side: accgraph, @neo4j/graphql, raw Cypher over HTTP and in-process — %d people, %s\n\n", r.People, r.Date)
	fmt.Fprintf(&b, "Generated graph (seed %d): %s.\n\n", r.Seed, r.Generated)
	for _, s := range r.Setup {
		fmt.Fprintf(&b, "- %s\n", s)
	}
	fmt.Fprintf(&b, "\nAsked about: person `%s` (Q1, Q5 from), person `%s` (Q5 to), organization `%s` (Q3), \"%s\" (Q4), event `%s` (Q6).\n\n",
		r.Params.Person, r.Params.OtherPerson, r.Params.Organization, r.Params.Search, r.Params.Event)

	b.WriteString("## Same answers (checked before timing)\n\n| question | rows | agreed | first rows |\n|---|---|---|---|\n")
	for _, c := range r.Checks {
		fmt.Fprintf(&b, "| %s | %d | %s | `%s` |\n", c.Question, c.Rows, strings.Join(c.Targets, ", "), strings.Join(c.Sample, "` `"))
	}

	b.WriteString("\n## Results\n\nThroughput in successful requests per second over the measured windows; latencies in ms of the requests that ended in them; " +
		"unfinished: requests that ran through a whole window, added up over the rounds (cancelled at its end; — when none ended in it); " +
		"Cypher statements per request on /graphql over the run (warm-up included) by accgraph's /metrics; RSS of the server process after its last window.\n\n")
	b.WriteString("| question | conc. | server | req/s | p50 | p95 | p99 | errors | Cypher stmts/req | RSS MiB |\n|---|---|---|---|---|---|---|---|---|---|\n")
	for _, q := range Questions {
		for _, c := range r.concurrencies() {
			for _, t := range Ways {
				m, ok := r.find(q.ID, t, c)
				switch {
				case ok:
					stmts, rss := "", "—"
					if t == Accgraph {
						stmts = fmt.Sprintf("%.2f", m.Statements)
					}
					if m.RSSMiB > 0 {
						rss = fmt.Sprintf("%.0f", m.RSSMiB)
					}
					latency := fmt.Sprintf("%.1f | %.1f | %.1f", m.P50, m.P95, m.P99)
					if m.Requests == m.Errors {
						latency = "— | — | —"
					}
					errs := fmt.Sprint(m.Errors)
					if m.Unfinished > 0 {
						errs += fmt.Sprintf(" (%d unfinished)", m.Unfinished)
					}
					fmt.Fprintf(&b, "| %s | %d | %s | %.1f | %s | %s | %s | %s |\n",
						q.ID, c, t, m.Throughput, latency, errs, stmts, rss)
				case t == Peer && q.Peer == "":
					fmt.Fprintf(&b, "| %s | %d | %s | n/a: %s | | | | | | |\n", q.ID, c, t, q.NoPeer)
				}
			}
		}
	}

	b.WriteString("\nPeak RSS (VmHWM) of each server at the end:")
	for _, t := range Servers {
		fmt.Fprintf(&b, " %s %d MiB;", t, r.PeakRSSMiB[t])
	}
	b.WriteString("\n\n## Targets\n\n| target | measured | met |\n|---|---|---|\n")
	for _, t := range r.Targets() {
		met := "**no**"
		if t.Met {
			met = "yes"
		}
		fmt.Fprintf(&b, "| %s | %s | %s |\n", t.Goal, t.Measured, met)
	}
	b.WriteString("\n## The questions\n\n")
	for _, q := range Questions {
		fmt.Fprintf(&b, "### %s: %s\n\naccgraph:\n```graphql\n%s\n```\n", q.ID, q.Title, q.Accgraph)
		if q.Peer != "" {
			fmt.Fprintf(&b, "@neo4j/graphql:\n```graphql\n%s\n```\n", q.Peer)
		} else {
			fmt.Fprintf(&b, "@neo4j/graphql: n/a — %s.\n\n", q.NoPeer)
		}
		fmt.Fprintf(&b, "raw Cypher (over HTTP and in-process):\n```cypher\n%s\n```\n\n", q.Raw)
	}
	_, err := io.WriteString(w, b.String())
	return err
}
