package graph

import (
	"context"
	"errors"
	"net"
	"testing"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

// TestBreakerToleratesSlowProbes: against a server that accepts connections and never
// answers, every probe times out inside the driver; the breaker stays closed for the
// first slow probes and opens at the third, as a Neo4j that is merely busy must not fail
// requests it would have answered.
func TestBreakerToleratesSlowProbes(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			defer c.Close() // held open, never answered
		}
	}()
	uri := "bolt://" + ln.Addr().String()
	driver, err := neo4j.NewDriverWithContext(uri, neo4j.NoAuth())
	if err != nil {
		t.Fatal(err)
	}
	defer driver.Close(context.Background())

	ctx, cancel := context.WithTimeout(context.Background(), 100*time.Millisecond)
	probeErr := asTimeout(ctx, driver.VerifyConnectivity(ctx))
	cancel()
	if !errors.Is(probeErr, context.DeadlineExceeded) {
		t.Fatalf("the driver's timeout %v (%T) does not unwrap to context.DeadlineExceeded", probeErr, probeErr)
	}
	if asTimeout(context.Background(), errors.New("connection refused")) == nil ||
		errors.Is(asTimeout(context.Background(), errors.New("connection refused")), context.DeadlineExceeded) {
		t.Error("a refused connection was taken for a timeout")
	}

	db := &DB{driver: driver, uri: uri}
	db.watch()
	defer db.unwatch()
	time.Sleep(probeEvery + 2*probeTimeout - 200*time.Millisecond) // two probes timed out
	if e := db.breaker.down.Load(); e != nil {
		t.Fatalf("the breaker opened after fewer than %d slow probes: %v", slowProbes, e)
	}
	deadline := time.Now().Add(3 * probeTimeout)
	for db.breaker.down.Load() == nil && time.Now().Before(deadline) {
		time.Sleep(50 * time.Millisecond)
	}
	if db.breaker.down.Load() == nil {
		t.Errorf("the breaker stayed closed after %d slow probes", slowProbes+2)
	}
}
