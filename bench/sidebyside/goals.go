package sidebyside

import (
	"fmt"
	"math"
	"slices"
)

// Target is one of the targets, judged on the measures.
type Target struct {
	Goal, Measured string
	Met            bool
}

// Judged are the questions and concurrencies step 16's targets are judged at.
var (
	JudgedQuestions     = []string{"Q1", "Q2", "Q3", "Q4"}
	JudgedConcurrencies = []int{1, 8, 32}
)

// Targets judges the targets on what was measured; a target with nothing
// measured is reported as not met.
func (r *Report) Targets() []Target {
	var out []Target
	for _, q := range JudgedQuestions {
		for _, c := range JudgedConcurrencies {
			t := Target{Goal: fmt.Sprintf("%s c=%d: accgraph throughput ≥ 2× @neo4j/graphql", q, c), Measured: "not measured"}
			a, okA := r.find(q, Accgraph, c)
			if p, okP := r.find(q, Peer, c); okA && okP && p.Throughput > 0 {
				ratio := a.Throughput / p.Throughput
				t.Measured, t.Met = fmt.Sprintf("%.2f× (%.0f vs %.0f req/s)", ratio, a.Throughput, p.Throughput), ratio >= 2
			}
			out = append(out, t)
		}
	}
	for _, q := range JudgedQuestions {
		for _, c := range JudgedConcurrencies {
			t := Target{Goal: fmt.Sprintf("%s c=%d: accgraph p50 ≤ 1.2× raw Cypher over HTTP", q, c), Measured: "not measured"}
			a, okA := r.find(q, Accgraph, c)
			if w, okW := r.find(q, RawHTTP, c); okA && okW && w.P50 > 0 {
				ratio := a.P50 / w.P50
				t.Measured, t.Met = fmt.Sprintf("%.2f× (%.1f vs %.1f ms)", ratio, a.P50, w.P50), ratio <= 1.2
			}
			out = append(out, t)
		}
	}
	for _, q := range JudgedQuestions {
		out = append(out, r.oneStatement(q))
	}
	out = append(out, r.q5(), r.noErrors(), r.lessMemory())
	return out
}

// oneStatement judges "one Cypher statement per request" on accgraph's /metrics: the
// single request asked before timing, and every timed run (within 1%, for rounding).
func (r *Report) oneStatement(q string) Target {
	t := Target{Goal: q + ": one Cypher statement per request", Measured: "not measured"}
	n, ok := r.Statements[q]
	if !ok {
		return t
	}
	t.Measured, t.Met = fmt.Sprintf("%.2f on one request", n), n == 1
	lo, hi := math.Inf(1), math.Inf(-1)
	for _, m := range r.Measures {
		if m.Question == q && m.Target == Accgraph {
			lo, hi = min(lo, m.Statements), max(hi, m.Statements)
		}
	}
	if hi >= lo {
		t.Measured += fmt.Sprintf(", %.2f–%.2f over the timed runs", lo, hi)
		t.Met = t.Met && lo >= 0.99 && hi <= 1.01
	}
	return t
}

func (r *Report) q5() Target {
	worst, unfinished, runs := 0.0, 0, 0
	for _, m := range r.Measures {
		if m.Question == "Q5" && m.Target == Accgraph {
			worst, unfinished, runs = max(worst, m.P95), unfinished+m.Unfinished, runs+1
		}
	}
	t := Target{Goal: fmt.Sprintf("Q5 p95 < 100 ms at 1M people (this run: %d people)", r.People), Measured: "not measured"}
	if runs == 0 {
		return t
	}
	t.Measured, t.Met = fmt.Sprintf("%.1f ms (worst concurrency)", worst), r.People >= 1000000 && worst > 0 && worst < 100 && unfinished == 0
	if unfinished > 0 {
		t.Measured += fmt.Sprintf("; %d requests outlived their window", unfinished)
	}
	return t
}

func (r *Report) noErrors() Target {
	t := Target{Goal: "zero errors everywhere", Measured: "not measured"}
	if len(r.Measures) == 0 {
		return t
	}
	errs, cut := 0, 0
	for _, m := range r.Measures {
		errs, cut = errs+m.Errors, cut+m.Unfinished
	}
	t.Measured, t.Met = fmt.Sprintf("%d errors, %d requests outlived a whole window", errs, cut), errs == 0
	return t
}

// lessMemory judges "RSS below the peer's" on the peak resident memory of each server.
func (r *Report) lessMemory() Target {
	a, p := r.PeakRSSMiB[Accgraph], r.PeakRSSMiB[Peer]
	t := Target{Goal: "accgraph's peak RSS below @neo4j/graphql's", Measured: "not measured"}
	if a > 0 && p > 0 {
		t.Measured, t.Met = fmt.Sprintf("%d vs %d MiB", a, p), a < p
	}
	return t
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
