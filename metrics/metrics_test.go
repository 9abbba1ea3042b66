package metrics

import (
	"fmt"
	"strings"
	"testing"

	"github.com/prometheus/client_golang/prometheus/testutil"
)

func TestOperationNamesAreBounded(t *testing.T) {
	m := New()
	for i := range MaxOperationNames + 50 {
		m.Operation(fmt.Sprintf("Op%d", i), "query", "ok", 0)
	}
	m.Operation("", "query", "ok", 0)
	m.Operation("bad name\n{", "query", "ok", 0)
	m.Operation(strings.Repeat("x", 65), "query", "ok", 0)
	if n := testutil.CollectAndCount(m.operations); n != MaxOperationNames+2 {
		t.Errorf("%d operation series, want %d named + other + anonymous", n, MaxOperationNames+2)
	}
	if v := testutil.ToFloat64(m.operations.WithLabelValues("other", "query", "ok")); v != 52 {
		t.Errorf("other = %v, want 50 past the bound + 2 unusable names", v)
	}
	if v := testutil.ToFloat64(m.operations.WithLabelValues("Op0", "query", "ok")); v != 1 {
		t.Errorf("Op0 = %v, want 1", v)
	}
}

func TestStatementsInFlightReturnToZero(t *testing.T) {
	m := New()
	m.StatementBegin()
	m.StatementBegin()
	if v := testutil.ToFloat64(m.inFlight); v != 2 {
		t.Fatalf("in flight = %v, want 2", v)
	}
	m.StatementEnd("read", 0, "")
	m.StatementEnd("write", 0, "unavailable")
	if v := testutil.ToFloat64(m.inFlight); v != 0 {
		t.Errorf("in flight = %v, want 0", v)
	}
	if v := testutil.ToFloat64(m.statementErrors.WithLabelValues("write", "unavailable")); v != 1 {
		t.Errorf("write errors = %v, want 1", v)
	}
}
