// Package bench holds accgraph's benchmarks that need a large graph: the exploring reads
// (paths, neighbourhood, accountability) through the API layer, over a generated graph
// of about 100k entities (package gen). Run them with `make bench`; the people count
// comes from ACCGRAPH_BENCH_PEOPLE (default 50000, which makes ~100k entities).
package bench
