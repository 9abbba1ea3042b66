package sidebyside

import (
	"context"
	"fmt"
	"slices"
)

// Check is what the correctness check found for one question.
type Check struct {
	Question string   `json:"question"`
	Rows     int      `json:"rows"`    // rows of accgraph's result set
	Targets  []string `json:"targets"` // who answered and agreed
	Sample   []string `json:"sample"`  // the first rows, for the reader
}

// Compare asks q of every asker (keyed by the Ways; the peer is skipped where
// it has no form of the question) and returns an error naming the first difference
// when their result sets are not the same, or when accgraph's is empty (a question
// that finds nothing measures nothing).
func Compare(ctx context.Context, q *Question, p Params, askers map[string]Asker) (Check, error) {
	check := Check{Question: q.ID}
	var want []string
	for _, name := range []string{Accgraph, Raw, RawHTTP, Peer} {
		a, ok := askers[name]
		if !ok || (name == Peer && q.Peer == "") {
			continue
		}
		data, err := a.Ask(ctx, q, p)
		if err != nil {
			return check, err
		}
		if data, err = asJSON(data); err != nil {
			return check, err
		}
		got := q.Read(data, name == Peer || (name != Accgraph && q.Peer != ""))
		if name == Accgraph {
			want = got
			if len(want) == 0 || want[0] == "hits|0" || want[0] == "totalCount|0" {
				return check, fmt.Errorf("%s: accgraph found nothing for %+v; pick other parameters", q.ID, p)
			}
			check.Rows, check.Sample = len(want), want[:min(len(want), 3)]
		} else if d := diff(want, got); d != "" {
			return check, fmt.Errorf("%s: %s and %s differ: %s", q.ID, Accgraph, name, d)
		}
		check.Targets = append(check.Targets, name)
	}
	return check, nil
}

// diff names the first row in which two result sets differ; empty when they are equal.
func diff(want, got []string) string {
	if slices.Equal(want, got) {
		return ""
	}
	for i := range max(len(want), len(got)) {
		switch {
		case i >= len(want):
			return fmt.Sprintf("extra row %q (%d rows, want %d)", got[i], len(got), len(want))
		case i >= len(got):
			return fmt.Sprintf("missing row %q (%d rows, want %d)", want[i], len(got), len(want))
		case want[i] != got[i]:
			return fmt.Sprintf("row %d is %q, want %q (%d rows, want %d)", i, got[i], want[i], len(got), len(want))
		}
	}
	return ""
}
