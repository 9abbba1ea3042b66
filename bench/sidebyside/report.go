package sidebyside

import (
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/accgraph/accgraph/bench/load"
)

// Measure is one timed run: a question, a way of asking it, a concurrency.
type Measure struct {
	Question string `json:"question"`
	Target   string `json:"target"`
	load.Result
	// Statements is the Cypher statements per request (accgraph only, counted by its
	// graph.DB); RSSMiB the server's resident memory after the run (not for raw Cypher).
	Statements float64 `json:"statementsPerRequest,omitempty"`
	RSSMiB     float64 `json:"rssMiB,omitempty"`
}

// Report is a whole run, written as Markdown and as JSON.
type Report struct {
	Date       string         `json:"date"`
	People     int            `json:"people"`
	Seed       uint64         `json:"seed"`
	Generated  string         `json:"generated"` // what the generator wrote, and how fast
	Setup      []string       `json:"setup"`     // machine, Neo4j, versions, durations
	Params     Params         `json:"params"`
	Checks     []Check        `json:"checks"`
	Measures   []Measure      `json:"measures"`
	Statements map[string]int `json:"statementsPerRequest"` // per question, accgraph
	PeakRSSMiB map[string]int `json:"peakRssMiB"`           // per server
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

// Target is one of the targets, judged on the measures.
type Target struct {
	Goal, Measured string
	Met            bool
}

// Targets judges the targets on what was measured; a target with nothing
// measured is reported as not met.
func (r *Report) Targets() []Target {
	var out []Target
	for _, q := range []string{"Q2", "Q3"} {
		for _, c := range []int{8, 32} {
			a, okA := r.find(q, Accgraph, c)
			p, okP := r.find(q, Peer, c)
			t := Target{Goal: fmt.Sprintf("%s c=%d: accgraph throughput ≥ 2× @neo4j/graphql", q, c), Measured: "not measured"}
			if okA && okP && p.Throughput > 0 {
				ratio := a.Throughput / p.Throughput
				t.Measured, t.Met = fmt.Sprintf("%.2f× (%.0f vs %.0f req/s)", ratio, a.Throughput, p.Throughput), ratio >= 2
			}
			out = append(out, t)
		}
	}
	for _, q := range []string{"Q1", "Q2", "Q3"} {
		for _, c := range r.concurrencies() {
			a, okA := r.find(q, Accgraph, c)
			w, okR := r.find(q, Raw, c)
			t := Target{Goal: fmt.Sprintf("%s c=%d: accgraph p50 ≤ 1.2× raw Cypher", q, c), Measured: "not measured"}
			if okA && okR && w.P50 > 0 {
				ratio := a.P50 / w.P50
				t.Measured, t.Met = fmt.Sprintf("%.2f× (%.1f vs %.1f ms)", ratio, a.P50, w.P50), ratio <= 1.2
			}
			out = append(out, t)
		}
	}
	for _, q := range []string{"Q1", "Q2", "Q3", "Q4"} {
		t := Target{Goal: q + ": exactly 1 Cypher statement per request", Measured: "not measured"}
		if n, ok := r.Statements[q]; ok {
			t.Measured, t.Met = fmt.Sprint(n), n == 1
		}
		out = append(out, t)
	}
	worst, unfinished := 0.0, 0
	for _, m := range r.Measures {
		if m.Question == "Q5" && m.Target == Accgraph {
			worst, unfinished = max(worst, m.P95), unfinished+m.Unfinished
		}
	}
	q5 := Target{Goal: fmt.Sprintf("Q5 p95 < 100 ms at 1M people (this run: %d people)", r.People),
		Measured: fmt.Sprintf("%.1f ms (worst concurrency)", worst), Met: r.People >= 1000000 && worst > 0 && worst < 100 && unfinished == 0}
	if unfinished > 0 {
		q5.Measured += fmt.Sprintf("; %d requests outlived their window", unfinished)
	}
	out = append(out, q5)
	errs, cut := 0, 0
	for _, m := range r.Measures {
		errs, cut = errs+m.Errors, cut+m.Unfinished
	}
	out = append(out, Target{Goal: "zero errors everywhere", Measured: fmt.Sprintf("%d errors, %d requests outlived a whole window", errs, cut),
		Met: errs == 0 && len(r.Measures) > 0})
	return out
}

func (r *Report) concurrencies() []int {
	var cs []int
	for _, m := range r.Measures {
		if !slices.Contains(cs, m.Concurrency) {
			cs = append(cs, m.Concurrency)
		}
	}
	slices.Sort(cs)
	return cs
}

// WriteMarkdown writes the report as a page: setup, checks, the side-by-side table, targets.
func (r *Report) WriteMarkdown(w io.Writer) error {
	var b strings.Builder
	fmt.Fprintf(&b, "# Side by side: accgraph, @neo4j/graphql, raw Cypher — %d people, %s\n\n", r.People, r.Date)
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

	b.WriteString("\n## Results\n\nThroughput in successful requests per second; latencies in ms of the requests that ended in the window; " +
		"unfinished: requests that ran through the whole window (cancelled at its end; — when none ended in it); RSS of the server process after the run.\n\n")
	b.WriteString("| question | conc. | server | req/s | p50 | p95 | p99 | errors | Cypher stmts/req | RSS MiB |\n|---|---|---|---|---|---|---|---|---|---|\n")
	for _, q := range Questions {
		for _, c := range r.concurrencies() {
			for _, t := range []string{Accgraph, Peer, Raw} {
				m, ok := r.find(q.ID, t, c)
				switch {
				case ok:
					stmts, rss := "", "—"
					if t == Accgraph {
						stmts = fmt.Sprint(r.Statements[q.ID])
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

	b.WriteString("\n## Targets\n\n| target | measured | met |\n|---|---|---|\n")
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
		fmt.Fprintf(&b, "raw Cypher:\n```cypher\n%s\n```\n\n", q.Raw)
	}
	_, err := io.WriteString(w, b.String())
	return err
}
