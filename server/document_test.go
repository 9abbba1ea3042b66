package server_test

import (
	"strings"
	"testing"
)

// TestDocumentLimitsHoldForARememberedDocument: the document limits remember the
// documents they accepted, but a variable nested too deep is still refused when the
// document was accepted before, and a document over a limit is refused every time.
func TestDocumentLimitsHoldForARememberedDocument(t *testing.T) {
	a := seededAPI(t)
	q := `query($w: PersonWhere) { people(where: $w) { totalCount } }`
	a.ok(q, map[string]any{"w": map[string]any{"name": map[string]any{"startsWith": "E"}}})
	deep := map[string]any{"name": map[string]any{"startsWith": "E"}}
	for range 40 {
		deep = map[string]any{"NOT": deep}
	}
	for i := range 2 {
		r := a.query(q, map[string]any{"w": deep})
		if len(r.Errors) != 1 || !strings.Contains(r.Errors[0].Message, "variable $w is nested more than 32 levels deep") {
			t.Errorf("ask %d with a variable 41 levels deep = %s, want it refused", i+1, r.raw)
		}
	}
	wide := "{" + strings.Repeat(" people { totalCount }", 501) + " }"
	for i := range 2 {
		r := a.query(wide, nil)
		if len(r.Errors) != 1 || !strings.Contains(r.Errors[0].Message, "selects more than 500 fields") {
			t.Errorf("ask %d of 501 fields = %.300s, want it refused", i+1, r.raw)
		}
	}
}
