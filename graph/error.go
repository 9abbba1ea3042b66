package graph

import (
	"errors"
	"fmt"
)

// Error codes: every code accgraph answers with is named here, once. server/error.go maps
// each to one GraphQL extensions.code and one HTTP status.
const (
	EINVALID         = "invalid"         // the caller's input is wrong; the message says which part
	ENOTFOUND        = "not_found"       // no entity with that id
	ECONFLICT        = "conflict"        // the write contradicts what is stored
	EUNAVAILABLE     = "unavailable"     // Neo4j cannot be reached or refused our credentials
	ETIMEOUT         = "timeout"         // the read took longer than its budget
	ECANCELED        = "canceled"        // the caller went away before the answer
	EUNAUTHENTICATED = "unauthenticated" // no valid credentials, and the operation needs them
	EFORBIDDEN       = "forbidden"       // the caller's role may not do this
	EINTERNAL        = "internal"        // a bug or an unexpected database error
)

// The codes of refusals made before a query runs: by the HTTP layer, before gqlgen reads
// the request, and by the document limits, before Neo4j is asked.
const (
	EBADREQUEST         = "bad_request"            // the body is not a GraphQL request
	EBODYTOOLARGE       = "body_too_large"         // the body is over 1 MB
	EBATCHING           = "batching"               // more than one operation in one request
	EMETHOD             = "method"                 // an HTTP method the route does not take
	ERATELIMITED        = "rate_limited"           // too many requests or failed authentications
	EPERSISTEDONLY      = "persisted_only"         // a caller without a key sent a document not saved
	EQUERYTOOLARGE      = "query_too_large"        // too many tokens
	EFIELDLIMIT         = "field_limit"            // too many selected fields
	EDEPTHLIMIT         = "depth_limit"            // nested too deep (selections or introspection)
	EINPUTDEPTHLIMIT    = "input_depth_limit"      // an argument or variable nested too deep
	EALIASLIMIT         = "alias_limit"            // too many aliased fields
	ECOMPLEXITYLIMIT    = "complexity_limit"       // the query would cost too much
	EINTROSPECTIONLIMIT = "introspection_limit"    // too many introspection fields
	EINTROSPECTIONOFF   = "introspection_disabled" // introspection asked of a server without it
)

// Codes lists every code, for the server's table and the test that holds it complete.
var Codes = []string{
	EINVALID, ENOTFOUND, ECONFLICT, EUNAVAILABLE, ETIMEOUT, ECANCELED, EUNAUTHENTICATED, EFORBIDDEN, EINTERNAL,
	EBADREQUEST, EBODYTOOLARGE, EBATCHING, EMETHOD, ERATELIMITED, EPERSISTEDONLY, EQUERYTOOLARGE,
	EFIELDLIMIT, EDEPTHLIMIT, EINPUTDEPTHLIMIT, EALIASLIMIT, ECOMPLEXITYLIMIT, EINTROSPECTIONLIMIT,
	EINTROSPECTIONOFF,
}

// Error is an error with a code that the API can show to its caller. Any other error is
// EINTERNAL and its text stays in the server's log.
type Error struct {
	Code    string
	Message string
	Err     error  // the underlying cause, for logs and errors.Is; never shown to callers
	Path    string // for EINVALID: the argument at fault, e.g. "people.first"
}

func (e *Error) Error() string {
	if e.Err != nil && e.Message == "" {
		return e.Err.Error()
	}
	return e.Message
}

func (e *Error) Unwrap() error { return e.Err }

// Errorf returns an *Error with code and a formatted message.
func Errorf(code, format string, args ...any) *Error {
	return &Error{Code: code, Message: fmt.Sprintf(format, args...)}
}

// ErrorCode returns the code of the first *Error in err's chain, EINTERNAL otherwise, and
// "" for nil.
func ErrorCode(err error) string {
	var e *Error
	switch {
	case err == nil:
		return ""
	case errors.As(err, &e):
		return e.Code
	default:
		return EINTERNAL
	}
}

// ErrorMessage returns the caller-safe message of err: the *Error's message, or
// "Internal error." for EINTERNAL, whose details belong in the log only.
func ErrorMessage(err error) string {
	var e *Error
	if errors.As(err, &e) && e.Code != EINTERNAL {
		return e.Error()
	}
	return "Internal error."
}
