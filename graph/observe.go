package graph

import (
	"context"
	"errors"
	"time"
)

// Observer is told of every Cypher statement the DB sends, e.g. to count and time them
// (package metrics implements it). Its methods must be safe for concurrent use.
type Observer interface {
	StatementBegin()
	// StatementEnd reports a statement's kind ("read" or "write"), how long it took and,
	// when it failed, its error code (EUNAVAILABLE, ...); "" when it succeeded.
	StatementEnd(kind string, took time.Duration, code string)
}

// SetObserver sets who is told of statements; nil stops telling.
func (db *DB) SetObserver(o Observer) { db.observer.Store(&o) }

// begin counts a statement about to be sent and returns the context to send it with and
// what to call with its driver error when it ends, which returns the error classified.
// While Neo4j is known to be unreachable it returns that error instead (see breaker).
func (db *DB) begin(caller context.Context, kind string) (context.Context, func(error) error, error) {
	ctx, release, err := db.guard(caller)
	if err != nil {
		return nil, nil, err
	}
	db.statements.Add(1)
	var o Observer
	if p := db.observer.Load(); p != nil {
		o = *p
	}
	began := time.Now()
	if o != nil {
		o.StatementBegin()
	}
	return ctx, func(err error) error {
		err = db.wrap(db.outage(caller, ctx, asTimeout(ctx, err)))
		release()
		if ErrorCode(err) == EUNAVAILABLE && !isTimeout(err) {
			db.trip(err)
		}
		if o != nil {
			o.StatementEnd(kind, time.Since(began), ErrorCode(err))
		}
		return err
	}, nil
}

func isTimeout(err error) bool { return errors.Is(err, context.DeadlineExceeded) }
