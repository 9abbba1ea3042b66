// Package reliability holds accgraph's fault and load tests, run against real servers on
// loopback: a hostile GraphQL corpus, Neo4j killed under load, an import killed midway,
// the graphql-http audit and a soak. It has no code of its own; `make reliability` runs
// it with the fuzz targets of the other packages, and `make soak` runs the long soak.
package reliability
