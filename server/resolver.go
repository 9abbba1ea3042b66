package server

import "github.com/accgraph/accgraph/graph"

// Resolver carries the resolvers' dependencies: resolvers turn their arguments into one
// graph call and hold no Cypher.
type Resolver struct {
	DB     *graph.DB
	Server *Server // runs saved queries
}
