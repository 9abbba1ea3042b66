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
	res := Result{Concurrency: opts.Concurrency}
	for _, u := range unfinished {
		if u {
			res.Unfinished++
		}
	}
	var took []time.Duration
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
			took = append(took, s.took)
		}
	}
	slices.Sort(took)
	res.Throughput = float64(len(took)) / opts.Duration.Seconds()
	res.P50, res.P95, res.P99 = percentile(took, 50), percentile(took, 95), percentile(took, 99)
	return res, nil
}

// percentile is the nearest-rank percentile of sorted durations, in milliseconds.
func percentile(sorted []time.Duration, p int) float64 {
	if len(sorted) == 0 {
		return 0
	}
	rank := (p*len(sorted) + 99) / 100 // ceil(p/100 × n), 1-based
	return float64(sorted[max(rank, 1)-1].Microseconds()) / 1000
}
