package reliability

import (
	"bytes"
	"fmt"
	"log/slog"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/accgraph/accgraph/graph/graphtest"
	"github.com/accgraph/accgraph/server"
)

// syncBuffer is a log sink tests read while the server writes.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// TestUserInputIsNeverAnInternalError is issue 17, item 7: a search word of 1,001 letters,
// 1,100 search words and a cursor whose offset overflows were INTERNAL errors logged as
// ERROR. Each is BAD_USER_INPUT naming the argument, refused before Neo4j; and an argument
// out of range in one aliased field nulls that field only. (`link(from: "")` belongs to the
// mutation inputs' structure checks, step 11.)
func TestUserInputIsNeverAnInternalError(t *testing.T) {
	db := graphtest.MustOpenDB(t)
	seedWithKey(t, db, "desk")
	logs := &syncBuffer{}
	srv := serve(t, db, func(s *server.Server) { s.Logger = slog.New(slog.NewJSONHandler(logs, nil)) })
	client := &http.Client{Timeout: 30 * time.Second}
	var many []string
	for i := range 1100 {
		many = append(many, fmt.Sprintf("w%d", i))
	}
	cases := []struct {
		name, query, argument string
	}{
		{"a word of 1,001 letters", `{ search(text: "` + strings.Repeat("a", 1001) + `") { matched } }`, "search.text"},
		{"20 words of 900 letters", `{ search(text: "` + strings.TrimSpace(strings.Repeat(strings.Repeat("b", 900)+" ", 20)) + `") { matched } }`, "search.text"},
		{"1,100 words", `{ s: search(text: "` + strings.Join(many, " ") + `") { matched } }`, "s.text"},
		{"an offset that overflows", `{ people(after: "b2Zmc2V0OjkyMjMzNzIwMzY4NTQ3NzU4MDc") { totalCount } }`, "people.after"},
	}
	for _, c := range cases {
		before := db.Statements()
		a := post(t, client, srv.URL(), map[string]any{"query": c.query}, "")
		if a.code() != "BAD_USER_INPUT" || a.Errors[0].Extensions["argument"] != c.argument {
			t.Errorf("%s = %d %.300s, want BAD_USER_INPUT naming %s", c.name, a.Status, a.Raw, c.argument)
		}
		if n := db.Statements() - before; n != 0 {
			t.Errorf("%s: %d statements reached Neo4j", c.name, n)
		}
	}

	a := post(t, client, srv.URL(), map[string]any{"query": `{ a: people(first: 1000) { totalCount } b: people(first: 1) { totalCount }
		c: search(text: "` + strings.Repeat("c", 100) + `") { matched } d: search(text: "Raeesi") { matched } }`}, "")
	if a.Data == nil || a.Data["a"] != nil || a.Data["c"] != nil || a.Data["b"] == nil || a.Data["d"] == nil {
		t.Errorf("one aliased field out of range = %.500s, want a and c null, b and d answered", a.Raw)
	}
	if len(a.Errors) != 2 || a.code() != "BAD_USER_INPUT" {
		t.Errorf("errors = %.500s, want one BAD_USER_INPUT for each of a and c", a.Raw)
	}
	if strings.Contains(logs.String(), `"level":"ERROR"`) {
		t.Errorf("user input was logged as an ERROR:\n%.2000s", logs.String())
	}
}
