package sidebyside

import (
	"strings"
	"testing"

	"github.com/accgraph/accgraph/bench/load"
)

func TestTargetsJudgeTheMeasures(t *testing.T) {
	m := func(q, target string, c int, rps, p50, p95 float64) Measure {
		return Measure{Question: q, Target: target, Result: load.Result{Concurrency: c, Requests: 100, Throughput: rps, P50: p50, P95: p95}}
	}
	r := &Report{People: 100000, Statements: map[string]int{"Q1": 1, "Q2": 1, "Q3": 2},
		Measures: []Measure{
			m("Q2", Accgraph, 8, 300, 5, 9), m("Q2", Peer, 8, 100, 20, 30), // 3×: met
			m("Q3", Accgraph, 8, 150, 5, 9), m("Q3", Peer, 8, 100, 20, 30), // 1.5×: missed
			m("Q1", Accgraph, 1, 100, 2.4, 3), m("Q1", Raw, 1, 300, 2, 3), // p50 1.2×: met
			m("Q5", Accgraph, 32, 10, 50, 90),
		}}
	got := map[string]Target{}
	for _, tg := range r.Targets() {
		got[tg.Goal] = tg
	}
	for goal, want := range map[string]struct {
		met      bool
		measured string
	}{
		"Q2 c=8: accgraph throughput ≥ 2× @neo4j/graphql":        {true, "3.00× (300 vs 100 req/s)"},
		"Q3 c=8: accgraph throughput ≥ 2× @neo4j/graphql":        {false, "1.50× (150 vs 100 req/s)"},
		"Q2 c=32: accgraph throughput ≥ 2× @neo4j/graphql":       {false, "not measured"},
		"Q1 c=1: accgraph p50 ≤ 1.2× raw Cypher":                 {true, "1.20× (2.4 vs 2.0 ms)"},
		"Q3: exactly 1 Cypher statement per request":             {false, "2"},
		"Q4: exactly 1 Cypher statement per request":             {false, "not measured"},
		"Q5 p95 < 100 ms at 1M people (this run: 100000 people)": {false, "90.0 ms (worst concurrency)"},
		"zero errors everywhere":                                 {true, "0 errors, 0 requests outlived a whole window"},
	} {
		tg, ok := got[goal]
		if !ok || tg.Met != want.met || tg.Measured != want.measured {
			t.Errorf("%s: got %+v (found %v), want met=%v measured %q", goal, tg, ok, want.met, want.measured)
		}
	}
	var b strings.Builder
	if err := r.WriteMarkdown(&b); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"| Q2 | 8 | accgraph | 300.0 | 5.0 | 9.0 |", "| Q5 | 32 | @neo4j/graphql | n/a: ", "| Q3 c=8: accgraph throughput ≥ 2× @neo4j/graphql | 1.50× (150 vs 100 req/s) | **no** |"} {
		if !strings.Contains(b.String(), want) {
			t.Errorf("the Markdown lacks %q", want)
		}
	}
}
