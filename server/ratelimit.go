package server

import (
	"crypto/sha256"
	"encoding/hex"
	"math"
	"net"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/accgraph/accgraph/graph"
	"golang.org/x/time/rate"
)

// Default rate limits, per API key and, for callers without one, per client IP, and of
// failed authentications (an unknown, revoked or malformed key or token) per client IP.
const (
	DefaultRatePerKey         = 50.0 // requests per second
	DefaultRatePerIP          = 20.0
	DefaultAuthFailuresPerMin = 10.0 // failed authentications per minute per IP (burst: the same)
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
	now := time.Now()
	r := rl.bucket(caller, limit, int(math.Max(1, math.Ceil(float64(limit)*2))), now).ReserveN(now, 1)
	if delay := r.DelayFrom(now); delay > 0 {
		r.CancelAt(now)
		return false, delay
	}
	return true, 0
}

// bucket returns caller's token bucket, made with limit and burst when it has none, and
// drops the buckets idle for ten minutes once a minute.
func (rl *rateLimiter) bucket(caller string, limit rate.Limit, burst int, now time.Time) *rate.Limiter {
	rl.mu.Lock()
	defer rl.mu.Unlock()
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
	return b.limiter
}

// failureLimiter counts failed authentications per client IP: once an address has used
// its burst, it is refused with 429 before its credential is looked at, until its
// bucket refills.
type failureLimiter struct {
	rl    *rateLimiter
	burst int
}

func newFailureLimiter(perMinute float64) *failureLimiter {
	if perMinute <= 0 {
		perMinute = DefaultAuthFailuresPerMin
	}
	return &failureLimiter{rl: newRateLimiter(0, perMinute/60), burst: int(math.Max(1, math.Ceil(perMinute)))}
}

// blocked says whether ip has no failure left, and how long until it has one.
func (f *failureLimiter) blocked(ip string) (bool, time.Duration) {
	now := time.Now()
	lim := f.rl.bucket(ip, f.rl.perIP, f.burst, now)
	if tokens := lim.TokensAt(now); tokens < 1 {
		return true, time.Duration((1 - tokens) / float64(f.rl.perIP) * float64(time.Second))
	}
	return false, 0
}

// failed counts one failed authentication from ip.
func (f *failureLimiter) failed(ip string) {
	now := time.Now()
	f.rl.bucket(ip, f.rl.perIP, f.burst, now).AllowN(now, 1)
}

// bearerToken reads `Authorization: Bearer <token>` as RFC 7235 allows it to be written:
// the scheme in any case, any white space around and between, so that spelling one key
// differently never makes it a different caller.
func bearerToken(header string) (string, bool) {
	fields := strings.Fields(header)
	if len(fields) != 2 || !strings.EqualFold(fields[0], "Bearer") {
		return "", false
	}
	return fields[1], true
}

// clientIP is the address a request came from, without its port.
func clientIP(r *http.Request) string {
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		return r.RemoteAddr
	}
	return host
}

// tooMany answers 429 with Retry-After.
func tooMany(w http.ResponseWriter, wait time.Duration, message string) {
	w.Header().Set("Retry-After", strconv.Itoa(int(math.Max(1, math.Ceil(wait.Seconds())))))
	writeGraphQLError(w, graph.ERATELIMITED, message+"; retry after "+wait.Round(time.Millisecond).String())
}

// limitRate answers 429 with Retry-After when a caller exceeds its rate: a caller is the
// bearer token it presents (checked or not, however the header spells it), else its IP.
// A flood of made-up keys is stopped by the failed-authentication limit (authenticate).
// Health probes are never limited.
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
		caller, keyed := "ip:"+clientIP(r), false
		if token, ok := bearerToken(r.Header.Get("Authorization")); ok {
			sum := sha256.Sum256([]byte(token))
			caller, keyed = "key:"+hex.EncodeToString(sum[:8]), true
		}
		if ok, wait := rl.allow(caller, keyed); !ok {
			tooMany(w, wait, "too many requests")
			return
		}
		next.ServeHTTP(w, r)
	})
}
