// Package load drives a closed-loop load: a fixed number of workers, each sending its
// next request as soon as the last one answered, for a warm-up that is thrown away and
// then a measured window. Requests that end inside the window count; those still running
// when it closes are cancelled, and the ones among them that began before it opened
// (they outlived the whole window) are counted apart. It reports throughput, latency
// percentiles and errors.
package load

import (
	"context"
	"fmt"
	"slices"
	"sync"
	"time"
)

// Options say how hard and how long to push.
type Options struct {
	Concurrency int           // workers, each with one request in flight
	Warmup      time.Duration // run, then forget, before measuring
	Duration    time.Duration // the measured window
}

// Result is what one measured window saw.
type Result struct {
	Concurrency int     `json:"concurrency"`
	Requests    int     `json:"requests"`   // answered in the window, errors included
	Unfinished  int     `json:"unfinished"` // running through the whole window, cancelled at its end
	Errors      int     `json:"errors"`     // requests that failed
	FirstError  string  `json:"firstError"` // the first failure's message, if any
	Throughput  float64 `json:"throughput"` // successful requests per second
	P50         float64 `json:"p50Ms"`
	P95         float64 `json:"p95Ms"`
	P99         float64 `json:"p99Ms"`

	took   []time.Duration // the successful requests' latencies, sorted (for Merge)
	window time.Duration
}

// Run calls do from opts.Concurrency workers until the warm-up and the window have
// passed (or ctx ends) and measures the requests that ended inside the window. The
// context do gets is cancelled when the window closes.
func Run(ctx context.Context, opts Options, do func(context.Context) error) (Result, error) {
	if opts.Concurrency < 1 || opts.Duration <= 0 || opts.Warmup < 0 {
		return Result{}, fmt.Errorf("load: concurrency %d, duration %s, warm-up %s: want at least 1 worker and a positive window",
			opts.Concurrency, opts.Duration, opts.Warmup)
	}
	begin := time.Now().Add(opts.Warmup)
	end := begin.Add(opts.Duration)
	type sample struct {
		took time.Duration
		err  error
	}
	window, cancel := context.WithDeadline(ctx, end)
	defer cancel()
	perWorker := make([][]sample, opts.Concurrency)
	unfinished := make([]bool, opts.Concurrency)
	var wg sync.WaitGroup
	for w := range opts.Concurrency {
		wg.Go(func() {
			for window.Err() == nil {
				start := time.Now()
				err := do(window)
				switch done := time.Now(); {
				case done.After(end):
					unfinished[w] = start.Before(begin)
					return
				case !done.Before(begin):
					perWorker[w] = append(perWorker[w], sample{done.Sub(start), err})
				}
			}
		})
	}
	wg.Wait()
	if err := ctx.Err(); err != nil {
		return Result{}, err
	}
	res := Result{Concurrency: opts.Concurrency, window: opts.Duration}
	for _, u := range unfinished {
		if u {
			res.Unfinished++
		}
	}
	for _, samples := range perWorker {
		for _, s := range samples {
			res.Requests++
			if s.err != nil {
				if res.Errors == 0 {
					res.FirstError = s.err.Error()
				}
				res.Errors++
				continue
			}
			res.took = append(res.took, s.took)
		}
	}
	res.summarize()
	return res, nil
}

// Merge is the result of several windows of one load taken as one: their requests,
// errors and unfinished ones added up, the throughput over their total time and the
// percentiles of all their latencies (a run measured in rounds, so that no one way of
// asking always runs first, when the machine may still be busy with what came before).
func Merge(results ...Result) Result {
	var m Result
	for _, r := range results {
		m.Concurrency = r.Concurrency
		m.Requests += r.Requests
		m.Unfinished += r.Unfinished
		m.Errors += r.Errors
		if m.FirstError == "" {
			m.FirstError = r.FirstError
		}
		m.took = append(m.took, r.took...)
		m.window += r.window
	}
	m.summarize()
	return m
}

// summarize sorts the latencies and derives the throughput and percentiles from them.
func (r *Result) summarize() {
	slices.Sort(r.took)
	if r.window > 0 {
		r.Throughput = float64(len(r.took)) / r.window.Seconds()
	}
	r.P50, r.P95, r.P99 = percentile(r.took, 50), percentile(r.took, 95), percentile(r.took, 99)
}

// percentile is the nearest-rank percentile of sorted durations, in milliseconds.
func percentile(sorted []time.Duration, p int) float64 {
	if len(sorted) == 0 {
		return 0
	}
	rank := (p*len(sorted) + 99) / 100 // ceil(p/100 × n), 1-based
	return float64(sorted[max(rank, 1)-1].Microseconds()) / 1000
}
