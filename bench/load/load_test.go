package load

import (
	"context"
	"errors"
	"sync/atomic"
	"testing"
	"time"
)

func TestPercentileIsNearestRank(t *testing.T) {
	var d []time.Duration
	for i := 1; i <= 100; i++ {
		d = append(d, time.Duration(i)*time.Millisecond)
	}
	for _, c := range []struct {
		p    int
		want float64
	}{{50, 50}, {95, 95}, {99, 99}, {100, 100}, {1, 1}} {
		if got := percentile(d, c.p); got != c.want {
			t.Errorf("p%d = %v ms, want %v", c.p, got, c.want)
		}
	}
	if got := percentile(d[:1], 99); got != 1 {
		t.Errorf("p99 of one sample = %v, want it", got)
	}
	if got := percentile(nil, 50); got != 0 {
		t.Errorf("p50 of nothing = %v, want 0", got)
	}
}

// A fake request that takes 2 ms and fails every tenth time: the run must keep its
// workers busy, drop the warm-up, count the failures and measure the latency.
func TestRunMeasuresAClosedLoop(t *testing.T) {
	var calls, inFlight, most atomic.Int64
	do := func(context.Context) error {
		n := inFlight.Add(1)
		defer inFlight.Add(-1)
		for m := most.Load(); n > m && !most.CompareAndSwap(m, n); m = most.Load() {
		}
		time.Sleep(2 * time.Millisecond)
		if calls.Add(1)%10 == 0 {
			return errors.New("boom")
		}
		return nil
	}
	res, err := Run(context.Background(), Options{Concurrency: 4, Warmup: 100 * time.Millisecond, Duration: 400 * time.Millisecond}, do)
	if err != nil {
		t.Fatal(err)
	}
	if most.Load() != 4 {
		t.Errorf("at most %d requests in flight, want 4", most.Load())
	}
	if res.Requests >= int(calls.Load()) {
		t.Errorf("measured %d of %d requests: the warm-up was not dropped", res.Requests, calls.Load())
	}
	// 4 workers × 400 ms / ~2 ms: a few hundred requests, a tenth of them failed
	if res.Requests < 100 || res.Errors < res.Requests/20 || res.Errors > res.Requests/5 {
		t.Errorf("requests %d, errors %d: want hundreds with about a tenth failed", res.Requests, res.Errors)
	}
	if res.Unfinished != 0 {
		t.Errorf("%d unfinished: a request in flight at the close is not one that outlived the window", res.Unfinished)
	}
	if res.FirstError != "boom" {
		t.Errorf("first error %q, want boom", res.FirstError)
	}
	if res.P50 < 2 || res.P99 < res.P50 || res.P95 < res.P50 {
		t.Errorf("p50 %v p95 %v p99 %v ms: want ≥ 2 ms and ordered", res.P50, res.P95, res.P99)
	}
	if want := float64(res.Requests-res.Errors) / 0.4; res.Throughput != want {
		t.Errorf("throughput %v, want %v", res.Throughput, want)
	}
}

func TestRunRefusesAnEmptyPlan(t *testing.T) {
	if _, err := Run(context.Background(), Options{Concurrency: 0, Duration: time.Second}, nil); err == nil {
		t.Error("no workers: want an error")
	}
	if _, err := Run(context.Background(), Options{Concurrency: 1}, nil); err == nil {
		t.Error("no window: want an error")
	}
}

// Requests longer than the window are cancelled when it closes and counted apart, not
// reported as a throughput of zero with no latency.
func TestRunCancelsWhatOutlivesTheWindow(t *testing.T) {
	slow := func(ctx context.Context) error {
		select {
		case <-time.After(5 * time.Second):
			return nil
		case <-ctx.Done():
			return ctx.Err()
		}
	}
	began := time.Now()
	res, err := Run(context.Background(), Options{Concurrency: 3, Warmup: 50 * time.Millisecond, Duration: 100 * time.Millisecond}, slow)
	if err != nil {
		t.Fatal(err)
	}
	if took := time.Since(began); took > time.Second {
		t.Errorf("Run took %s: the slow requests were waited for", took)
	}
	if res.Requests != 0 || res.Unfinished != 3 || res.Errors != 0 || res.Throughput != 0 {
		t.Errorf("got %+v; want no requests, 3 unfinished", res)
	}
}

// Two windows merged read as one: 10 requests at 1 ms over one second and 30 at 3 ms
// over another, one failed, are 39 successes in 2 s with their percentiles together.
func TestMergeReadsRoundsAsOneWindow(t *testing.T) {
	window := func(n int, took time.Duration, errs int, first string) Result {
		r := Result{Concurrency: 8, Requests: n + errs, Errors: errs, FirstError: first, window: time.Second}
		for range n {
			r.took = append(r.took, took)
		}
		r.summarize()
		return r
	}
	a, b := window(10, time.Millisecond, 0, ""), window(29, 3*time.Millisecond, 1, "boom")
	b.Unfinished = 1
	m := Merge(a, b)
	if m.Concurrency != 8 || m.Requests != 40 || m.Errors != 1 || m.FirstError != "boom" || m.Unfinished != 1 {
		t.Errorf("merged %+v: want 8 workers, 40 requests, 1 error (boom), 1 unfinished", m)
	}
	if m.Throughput != 19.5 {
		t.Errorf("throughput %v, want 39 successes / 2 s = 19.5", m.Throughput)
	}
	if m.P50 != 3 || m.P95 != 3 || a.P50 != 1 {
		t.Errorf("p50 %v, p95 %v (a alone: %v): want 3, 3 (1)", m.P50, m.P95, a.P50)
	}
	if p25 := percentile(m.took, 25); p25 != 1 {
		t.Errorf("p25 %v: want the first window's 1 ms among the merged latencies", p25)
	}
}
