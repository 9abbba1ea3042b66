package server_test

import "testing"

// The API layer against the seeded Neo4j: gqlgen parsing and validation (cached), the
// read-ahead compile, one Cypher statement, decoding and JSON. Run with
//
//	make bench   (or: accgraph neo4j exec -- go test -run '^$' -bench . -benchmem ./server)
func BenchmarkAPI(b *testing.B) {
	a := seededAPI(b)
	for _, bm := range []struct{ name, query string }{
		{"EntityByID", `{ entity(id: "person:ebrahim-raisi") { id name aliases citations { quote confidence source { title } claimedBy { name } } } }`},
		{"FilteredPage", `{ organizations(where: {kind: {in: [MINISTRY, COURT, COMMISSION, INTERGOVERNMENTAL]}}, orderBy: [{field: NAME}], first: 10) {
			totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id name kind } } } }`},
		{"Nested3Levels", `{ organizations(first: 20) { edges { node { name
			members(first: 10) { person { name tenures(first: 10) { position { name holders(first: 10) { person { name } } } } } }
			positions(first: 10) { source { ... on Position { name holders(first: 10) { person { name responsibilities { role event { name } } } } } } } } } } }`},
	} {
		b.Run(bm.name, func(b *testing.B) {
			a.ok(bm.query, nil) // warm the query caches
			b.ReportAllocs()
			b.ResetTimer()
			for b.Loop() {
				a.ok(bm.query, nil)
			}
		})
	}
}
