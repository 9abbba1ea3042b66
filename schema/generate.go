// Package schema is accgraph's GraphQL contract: the SDL files beside this one, one per
// area, and the executor gqlgen generates from them (generated.go). Run `go generate
// ./schema` after changing a .graphqls file.
package schema

//go:generate go tool gqlgen generate
