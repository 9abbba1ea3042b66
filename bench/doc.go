// Package bench holds accgraph's benchmarks that need a large graph. The Go benchmarks
// here measure the exploring reads (paths, neighbourhood, accountability) through the API
// layer and the FtM import, over a generated graph of about 100k entities (package gen):
// `make bench-go`; the people count comes from ACCGRAPH_BENCH_PEOPLE (default 50000).
// The side-by-side comparison with @neo4j/graphql and raw Cypher is bench/cmd/sidebyside
// (`make bench SIZE=100k`), with its parts in bench/load and bench/sidebyside and the
// peer server in bench/peer.
package bench
