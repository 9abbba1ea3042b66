package server

import (
	"crypto/sha256"
	"encoding/hex"
	"math"
	"net"
	"net/http"
	"strconv"
	"sync"
	"time"

	"golang.org/x/time/rate"
)

// Default rate limits, per API key and, for callers without one, per client IP.
const (
	DefaultRatePerKey = 50.0 // requests per second
	DefaultRatePerIP  = 20.0
)

// rateLimiter keeps one token bucket per caller; buckets idle for ten minutes are
// dropped, so the map stays as large as the set of recent callers.
type rateLimiter struct {
	perKey, perIP rate.Limit
	mu            sync.Mutex
	buckets       map[string]*bucket
	lastSweep     time.Time
}

type bucket struct {
	limiter *rate.Limiter
	seen    time.Time
}

func newRateLimiter(perKey, perIP float64) *rateLimiter {
	return &rateLimiter{perKey: rate.Limit(perKey), perIP: rate.Limit(perIP), buckets: map[string]*bucket{}}
}

// allow takes a token for caller, or says how long to wait for one.
func (rl *rateLimiter) allow(caller string, keyed bool) (bool, time.Duration) {
	limit := rl.perIP
	if keyed {
		limit = rl.perKey
	}
	burst := int(math.Max(1, math.Ceil(float64(limit)*2)))
	now := time.Now()
	rl.mu.Lock()
	if now.Sub(rl.lastSweep) > time.Minute {
		for k, b := range rl.buckets {
			if now.Sub(b.seen) > 10*time.Minute {
				delete(rl.buckets, k)
			}
		}
		rl.lastSweep = now
	}
	b, ok := rl.buckets[caller]
	if !ok {
		b = &bucket{limiter: rate.NewLimiter(limit, burst)}
		rl.buckets[caller] = b
	}
	b.seen = now
	rl.mu.Unlock()
	r := b.limiter.ReserveN(now, 1)
	if delay := r.DelayFrom(now); delay > 0 {
		r.CancelAt(now)
		return false, delay
	}
	return true, 0
}

// limitRate answers 429 with Retry-After when a caller exceeds its rate: a caller is the
// credential it presents (checked or not: a flood of bad keys is stopped before it costs a
// lookup), else its IP. Health probes are never limited.
func (s *Server) limitRate(next http.Handler) http.Handler {
	perKey, perIP := s.RatePerKey, s.RatePerIP
	if perKey <= 0 {
		perKey = DefaultRatePerKey
	}
	if perIP <= 0 {
		perIP = DefaultRatePerIP
	}
	rl := newRateLimiter(perKey, perIP)
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/healthz" || r.URL.Path == "/readyz" {
			next.ServeHTTP(w, r)
			return
		}
		caller, keyed := "", true
		if auth := r.Header.Get("Authorization"); auth != "" {
			sum := sha256.Sum256([]byte(auth))
			caller = "key:" + hex.EncodeToString(sum[:8])
		} else {
			host, _, err := net.SplitHostPort(r.RemoteAddr)
			if err != nil {
				host = r.RemoteAddr
			}
			caller, keyed = "ip:"+host, false
		}
		if ok, wait := rl.allow(caller, keyed); !ok {
			w.Header().Set("Retry-After", strconv.Itoa(int(math.Ceil(wait.Seconds()))))
			writeGraphQLError(w, http.StatusTooManyRequests, "RATE_LIMITED", "too many requests; retry after "+wait.Round(time.Millisecond).String())
			return
		}
		next.ServeHTTP(w, r)
	})
}
