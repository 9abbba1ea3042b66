package reliability

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/accgraph/accgraph/graph/graphtest"
)

// hostile is a request built to exhaust the server, and what its refusal must say.
type hostile struct {
	name string
	body []byte
	want string // a fragment of the refusal's code or message
}

// nested returns open + inner + close, with open and close repeated n times.
func nested(open, inner, close string, n int) string {
	return strings.Repeat(open, n) + inner + strings.Repeat(close, n)
}

func gql(query string, vars any) []byte {
	return encode(map[string]any{"query": query, "variables": vars})
}

// hostileCorpus is the corpus of issue 11; every entry must be refused before Neo4j.
func hostileCorpus() []hostile {
	many := func(n int, f func(i int) string) string {
		var b strings.Builder
		for i := range n {
			b.WriteString(f(i))
			b.WriteByte(' ')
		}
		return b.String()
	}
	deepFilter := func(n int) any {
		f := any(map[string]any{"name": map[string]any{"eq": "x"}})
		for range n {
			f = map[string]any{"AND": []any{f}}
		}
		return f
	}
	batch := make([]any, 1000)
	for i := range batch {
		batch[i] = map[string]any{"query": "{ people { totalCount } }"}
	}
	return []hostile{
		// tenures { position { holders { person { ... } } } } is 4 levels a turn
		{"depth 100", gql("{ people { edges { node { "+nested("tenures { position { holders { person { ", "id", " } } } } ", 24)+" } } } }", nil),
			"DEPTH_LIMIT_EXCEEDED"},
		{"10k aliases", gql("{ "+many(10000, func(i int) string { return fmt.Sprintf("a%d: people { totalCount }", i) })+" }", nil),
			"QUERY_TOO_LARGE"},
		{"60 aliases", gql("{ "+many(60, func(i int) string { return fmt.Sprintf("a%d: people { totalCount }", i) })+" }", nil),
			"ALIAS_LIMIT_EXCEEDED"},
		{"10k repeated fields", gql("{ "+many(10000, func(int) string { return "people { totalCount }" })+" }", nil),
			"QUERY_TOO_LARGE"},
		{"2k repeated fields", gql("{ "+many(2000, func(int) string { return "people { totalCount }" })+" }", nil),
			"FIELD_LIMIT_EXCEEDED"},
		{"100k tokens", gql("{ people(where: {id: {in: ["+strings.Repeat(`"x",`, 50000)+"]}}) { totalCount } }", nil),
			"QUERY_TOO_LARGE"},
		{"fragment cycle", gql("query { ...A } fragment A on Query { people { totalCount } ...B } fragment B on Query { ...A }", nil),
			"Cannot spread fragment"},
		{"fragments spreading twice, 30 levels", gql("query { ...F0 } "+many(30, func(i int) string {
			return fmt.Sprintf("fragment F%d on Query { ...F%d ...F%d }", i, i+1, i+1)
		})+" fragment F30 on Query { people { totalCount } }", nil), "FIELD_LIMIT_EXCEEDED"},
		{"variables nested 100 deep", gql("query($w: PersonWhere) { people(where: $w) { totalCount } }", map[string]any{"w": deepFilter(100)}),
			"INPUT_DEPTH_LIMIT_EXCEEDED"},
		{"variables nested 10k deep", gql("query($w: PersonWhere) { people(where: $w) { totalCount } }", map[string]any{"w": deepFilter(5000)}),
			"exceeded max depth"},
		{"argument nested 100 deep", gql("{ people(where: "+nested("{AND: [", `{name: {eq: "x"}}`, "]}", 100)+") { totalCount } }", nil),
			"INPUT_DEPTH_LIMIT_EXCEEDED"},
		{"introspection flood", gql("{ "+many(100, func(i int) string { return fmt.Sprintf("s%d: __schema { queryType { name } }", i) })+" }", nil),
			"INTROSPECTION_LIMIT_EXCEEDED"},
		{"deep introspection", gql("{ __schema { types { fields { type { "+nested("ofType { ", "name", " } ", 60)+" } } } } }", nil),
			"DEPTH_LIMIT_EXCEEDED"},
		{"batch of 1000 operations", encode(batch), "batched requests"},
		{"not JSON", []byte(`{"query": "{ people { totalCount } }"` + strings.Repeat(" ", 100_000)), "not valid JSON"},
	}
}

func encode(v any) []byte {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	if err := enc.Encode(v); err != nil {
		panic(err)
	}
	return b.Bytes()
}

// TestHostileRequestsAreRefusedBeforeNeo4j sends the hostile corpus over loopback: each
// request is refused with a 4xx that says why, no statement reaches Neo4j, and the server
// answers normally afterwards. The time of each refusal is logged; BenchmarkHostile
// measures it against the 50 ms target.
func TestHostileRequestsAreRefusedBeforeNeo4j(t *testing.T) {
	db := graphtest.MustOpenDB(t)
	srv := serve(t, db, nil)
	client := &http.Client{Timeout: 30 * time.Second}
	for _, h := range hostileCorpus() {
		t.Run(h.name, func(t *testing.T) {
			before := db.Statements()
			a := post(t, client, srv.URL(), h.body, "")
			t.Logf("%d bytes refused in %s: %d %.200s", len(h.body), a.Took, a.Status, a.Raw)
			// application/json answers a well-formed request with 200, the rest with 4xx
			if (a.Status != 200 && (a.Status < 400 || a.Status > 499)) || len(a.Errors) == 0 || a.Data != nil {
				t.Fatalf("status %d, want 200 or a 4xx with errors and no data: %.500s", a.Status, a.Raw)
			}
			if !strings.Contains(a.Raw, h.want) {
				t.Errorf("refusal does not say %q: %.500s", h.want, a.Raw)
			}
			if len(a.Raw) > 4096 || strings.Contains(a.Raw, "goroutine") {
				t.Errorf("refusal is %d bytes or carries a stack trace: %.300s", len(a.Raw), a.Raw)
			}
			if n := db.Statements() - before; n != 0 {
				t.Errorf("%d statements reached Neo4j", n)
			}
		})
	}

	t.Run("10 MB body", func(t *testing.T) {
		for _, chunked := range []bool{false, true} {
			var body io.Reader = bytes.NewReader(make([]byte, 10<<20))
			if chunked { // no Content-Length: refused while reading
				body = io.MultiReader(body)
			}
			req, _ := http.NewRequest("POST", srv.URL()+"/graphql", body)
			req.Header.Set("Content-Type", "application/json")
			resp, err := client.Do(req)
			if err != nil {
				t.Fatalf("chunked=%v: %v", chunked, err)
			}
			raw, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			if resp.StatusCode != http.StatusRequestEntityTooLarge || !strings.Contains(string(raw), "1 MB") {
				t.Errorf("chunked=%v: %d %.300s, want 413 naming the 1 MB limit", chunked, resp.StatusCode, raw)
			}
		}
	})

	t.Run("still healthy", func(t *testing.T) {
		a := post(t, client, srv.URL(), map[string]any{"query": "{ people { totalCount } }"}, "")
		if a.Status != 200 || a.code() != "" {
			t.Fatalf("a plain query after the corpus = %d %s", a.Status, a.Raw)
		}
		resp, err := client.Get(srv.URL() + "/healthz")
		if err != nil || resp.StatusCode != 200 {
			t.Fatalf("healthz after the corpus: %v %v", resp, err)
		}
		resp.Body.Close()
	})
}

// BenchmarkHostile times the refusal of each request of the corpus, end to end over
// loopback; the target is under 50 ms each.
func BenchmarkHostile(b *testing.B) {
	db := graphtest.MustOpenDB(b)
	srv := serve(b, db, nil)
	client := &http.Client{Timeout: 30 * time.Second}
	for _, h := range hostileCorpus() {
		b.Run(strings.ReplaceAll(h.name, " ", "_"), func(b *testing.B) {
			for b.Loop() {
				if a := post(b, client, srv.URL(), h.body, ""); len(a.Errors) == 0 || a.Data != nil {
					b.Fatalf("not refused: %d %.200s", a.Status, a.Raw)
				}
			}
		})
	}
}
