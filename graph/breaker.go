package graph

import (
	"context"
	"errors"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

// breaker keeps a DB from waiting on a Neo4j it knows is gone. The driver retries a
// failed statement with a back-off that starts near two seconds, so without it every
// request during an outage would hang that long. Once a statement fails to reach Neo4j,
// or a probe does, the breaker opens: statements in flight are cancelled and new ones fail
// at once with the same EUNAVAILABLE error, until a probe (every probeEvery) reaches Neo4j
// again. A statement or probe that merely times out does not open it (see slowProbes). A probe also runs while Neo4j is up, so an outage is seen before a request has to
// wait for it.
type breaker struct {
	down     atomic.Pointer[Error] // the outage's error while open, nil while closed
	mu       sync.Mutex
	inflight map[*context.CancelCauseFunc]struct{}
	stop     chan struct{}
	done     chan struct{}
}

const (
	probeEvery   = 250 * time.Millisecond
	probeTimeout = time.Second
	// slowProbes probes timing out in a row open the breaker: a Neo4j that is merely
	// busy (a GC pause, a restart recovering its store) must not fail requests it would
	// have answered.
	slowProbes = 3
)

// errOutage is the cause given to statements cancelled when the breaker opens.
var errOutage = errors.New("neo4j became unreachable")

// watch probes Neo4j until db is closed.
func (db *DB) watch() {
	b := &db.breaker
	b.inflight = map[*context.CancelCauseFunc]struct{}{}
	b.stop, b.done = make(chan struct{}), make(chan struct{})
	go func() {
		defer close(b.done)
		t := time.NewTicker(probeEvery)
		defer t.Stop()
		slow := 0 // probes in a row that timed out
		for {
			select {
			case <-b.stop:
				return
			case <-t.C:
			}
			ctx, cancel := context.WithTimeout(context.Background(), probeTimeout)
			err := asTimeout(ctx, db.driver.VerifyConnectivity(ctx))
			cancel()
			switch {
			case err == nil:
				slow = 0
				b.down.Store(nil)
			case errors.Is(err, context.DeadlineExceeded): // busy, or gone without a word
				if slow++; slow >= slowProbes {
					db.trip(unavailable(db.uri, err))
				}
			default: // refused, reset, or refusing our credentials
				db.trip(unavailable(db.uri, err))
			}
		}
	}()
}

// unwatch stops the probe.
func (db *DB) unwatch() {
	if db.breaker.stop != nil {
		close(db.breaker.stop)
		<-db.breaker.done
	}
}

// trip opens the breaker with err and cancels the statements in flight.
func (db *DB) trip(err error) {
	var e *Error
	if !errors.As(err, &e) {
		return
	}
	b := &db.breaker
	if b.down.Swap(e) != nil {
		return // already open
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	for cancel := range b.inflight {
		(*cancel)(errOutage)
	}
}

// guard returns a context for one statement that the breaker can cancel, and what to
// call when it ends; or, while the breaker is open, the outage's error.
func (db *DB) guard(ctx context.Context) (context.Context, func(), error) {
	b := &db.breaker
	if e := b.down.Load(); e != nil {
		return nil, nil, e
	}
	if b.inflight == nil { // not watched: a DB made in a test without Open
		return ctx, func() {}, nil
	}
	ctx, cancel := context.WithCancelCause(ctx)
	b.mu.Lock()
	b.inflight[&cancel] = struct{}{}
	b.mu.Unlock()
	return ctx, func() {
		b.mu.Lock()
		delete(b.inflight, &cancel)
		b.mu.Unlock()
		cancel(nil)
	}, nil
}

// guarded runs f, a transaction of several statements, with a context the breaker
// cancels when Neo4j goes away (the driver would otherwise sleep before retrying it), and
// returns the outage's error, or the caller's cancellation, rather than the driver's.
func (db *DB) guarded(caller context.Context, f func(context.Context) error) error {
	ctx, release, err := db.guard(caller)
	if err != nil {
		return err
	}
	defer release()
	return db.outage(caller, ctx, f(ctx))
}

// outage returns, in place of the driver's err, what ended ctx (guard's context for the
// caller's): the breaker's error when the breaker cut it off; the caller's cancellation
// when the caller went away — whatever the driver made of that (a write it could not
// finish, a routing table it could not fetch), Neo4j is not unreachable, and the breaker
// must not fail every other request for it.
func (db *DB) outage(caller, ctx context.Context, err error) error {
	if err == nil {
		return nil
	}
	if e := db.breaker.down.Load(); e != nil && cutOff(ctx) {
		return e
	}
	if errors.Is(caller.Err(), context.Canceled) {
		return &Error{Code: ECANCELED, Err: err, Message: "the request was cancelled before Neo4j answered"}
	}
	return err
}

// cutOff reports whether the breaker cancelled ctx.
func cutOff(ctx context.Context) bool { return errors.Is(context.Cause(ctx), errOutage) }

// driverTimeout is a driver error that is a timeout. The driver's own timeouts (a
// ConnectivityError around a pool or read timeout) do not unwrap to
// context.DeadlineExceeded, so errors.Is missed them and one slow probe opened the
// breaker; this one unwraps to both the driver's error and context.DeadlineExceeded.
type driverTimeout struct{ err error }

func (t driverTimeout) Error() string   { return t.err.Error() }
func (t driverTimeout) Unwrap() []error { return []error{t.err, context.DeadlineExceeded} }

// asTimeout marks err as a timeout when ctx ran out of time or the driver says it
// timed out; other errors are returned as they are.
func asTimeout(ctx context.Context, err error) error {
	if err == nil || errors.Is(err, context.DeadlineExceeded) {
		return err
	}
	if errors.Is(ctx.Err(), context.DeadlineExceeded) || strings.Contains(err.Error(), "Timeout while") {
		return driverTimeout{err}
	}
	return err
}
