package graph

import "time"

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

// begin counts a statement and returns what to call with its driver error when it ends;
// that returns the error classified by wrap.
func (db *DB) begin(kind string) func(error) error {
	db.statements.Add(1)
	p := db.observer.Load()
	if p == nil || *p == nil {
		return db.wrap
	}
	o, began := *p, time.Now()
	o.StatementBegin()
	return func(err error) error {
		err = db.wrap(err)
		o.StatementEnd(kind, time.Since(began), ErrorCode(err))
		return err
	}
}
