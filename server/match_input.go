package server

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"regexp"
	"sort"
	"strings"

	"github.com/accgraph/accgraph/graph"
)

// What /reconcile and /match share: the types a query may ask for, the properties they
// compare, the caps on a batch, and reading the request body.

// ftmSchemas maps FollowTheMoney schema names (as /match and yente's reconciliation take
// them) to accgraph kinds; a kind's own name (PERSON) is accepted too.
var ftmSchemas = map[string][]graph.EntityKind{
	"Thing":        nil, // any kind
	"LegalEntity":  {graph.KindPerson, graph.KindOrganization},
	"Person":       {graph.KindPerson},
	"Organization": {graph.KindOrganization},
	"PublicBody":   {graph.KindOrganization},
	"Company":      {graph.KindOrganization},
	"Position":     {graph.KindPosition},
	"Event":        {graph.KindEvent},
	"CourtCase":    {graph.KindVerdict},
	"Address":      {graph.KindPlace},
	"Document":     {graph.KindSource},
}

// kindSchema is the FtM schema an accgraph kind is shown as in /match results.
var kindSchema = map[graph.EntityKind]string{
	graph.KindPerson: "Person", graph.KindOrganization: "Organization", graph.KindPosition: "Position",
	graph.KindEvent: "Event", graph.KindVerdict: "CourtCase", graph.KindStatement: "Note",
	graph.KindSource: "Document", graph.KindPlace: "Address",
}

// kindsOf reads a type: an accgraph kind in any case (PERSON, person) or an FtM schema.
func kindsOf(t string) ([]graph.EntityKind, error) {
	if k := graph.EntityKind(strings.ToUpper(t)); k.IsValid() {
		return []graph.EntityKind{k}, nil
	}
	if kinds, ok := ftmSchemas[t]; ok {
		return kinds, nil
	}
	return nil, fmt.Errorf("unknown type %.60q: want one of %s, or an FtM schema (%s)", t, kindList(), strings.Join(sortedKeys(ftmSchemas), ", "))
}

func kindList() string {
	names := make([]string, len(graph.EntityKinds))
	for i, k := range graph.EntityKinds {
		names[i] = string(k)
	}
	return strings.Join(names, ", ")
}

func sortedKeys[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// matchProperties are the properties a query may give, by the field of MatchQuery they
// fill. /reconcile refuses any other pid; /match ignores other FtM properties.
var matchProperties = map[string]string{
	"name": "names", "alias": "names", "weakAlias": "names", "previousName": "names",
	"birthDate": "dates", "incorporationDate": "dates", "date": "dates",
	"country": "countries", "nationality": "countries", "citizenship": "countries", "jurisdiction": "countries",
	"idNumber": "identifiers", "passportNumber": "identifiers", "registrationNumber": "identifiers",
	"taxNumber": "identifiers", "leiCode": "identifiers", "innCode": "identifiers", "wikidataId": "identifiers",
	"position": "positions", "organization": "organizations",
}

// addProperty checks the values of one property and adds them to q. It returns EINVALID
// naming the query, the property and the value at fault.
func addProperty(q *graph.MatchQuery, prop string, values []string) error {
	bad := func(format string, args ...any) error {
		return graph.Errorf(graph.EINVALID, "query %.60q: property %.60s: %s", q.Key, prop, fmt.Sprintf(format, args...))
	}
	if len(values) > graph.MaxMatchValues {
		return bad("%d values, at most %d are accepted", len(values), graph.MaxMatchValues)
	}
	for _, v := range values {
		if len(v) > graph.MaxMatchValueBytes {
			return bad("a value of %d bytes, at most %d are accepted", len(v), graph.MaxMatchValueBytes)
		}
		v = strings.TrimSpace(v)
		if v == "" {
			continue
		}
		switch matchProperties[prop] {
		case "names":
			if len(q.Names) >= graph.MaxMatchNames {
				return bad("more than %d names", graph.MaxMatchNames)
			}
			q.Names = append(q.Names, v)
		case "dates":
			d := v[:min(len(v), 10)] // a timestamp compares as its date
			if _, err := graph.ParseDate(d); err != nil {
				return bad("%.60q is not a date: want YYYY, YYYY-MM or YYYY-MM-DD", v)
			}
			q.Dates = append(q.Dates, d)
		case "countries":
			if graph.CountryCode(v) == "" {
				return bad("%.60q is not a country: want an ISO 3166 code (IR, IRN) or an English country name (Iran)", v)
			}
			q.Countries = append(q.Countries, v)
		case "identifiers":
			q.Identifiers = append(q.Identifiers, v)
		case "positions":
			q.Positions = append(q.Positions, v)
		case "organizations":
			q.Organizations = append(q.Organizations, v)
		}
	}
	return nil
}

// checkQueries applies the caps that hold for a whole batch.
func checkQueries(n int) error {
	switch {
	case n == 0:
		return graph.Errorf(graph.EINVALID, "no queries: send at least one")
	case n > graph.MaxMatchQueries:
		return graph.Errorf(graph.EINVALID, "%d queries in one batch, at most %d are accepted: split the batch", n, graph.MaxMatchQueries)
	}
	return nil
}

// readJSON decodes a JSON request body of at most MaxBodyBytes into v, with a message
// that says what is wrong and where.
func readJSON(w http.ResponseWriter, r *http.Request, v any) error {
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, MaxBodyBytes))
	if err != nil {
		return bodyError(err)
	}
	return decodeJSON(body, "the request body", v)
}

// decodeJSON decodes one JSON value, naming what it is (the body, the queries field) and
// the byte offset or field of a mistake.
func decodeJSON(data []byte, what string, v any) error {
	if err := checkJSON(data); err != nil {
		return graph.Errorf(graph.EINVALID, "%s is not valid JSON: %v", what, err)
	}
	if err := json.Unmarshal(data, v); err != nil {
		var typeErr *json.UnmarshalTypeError
		if errors.As(err, &typeErr) {
			return graph.Errorf(graph.EINVALID, "%s: %s must be %s, not a JSON %s", what, orRoot(typeErr.Field), typeName(typeErr.Type.Kind().String()), typeErr.Value)
		}
		return graph.Errorf(graph.EINVALID, "%s: %v", what, err)
	}
	return nil
}

func orRoot(field string) string {
	if field == "" {
		return "the value"
	}
	return field
}

func typeName(kind string) string {
	switch kind {
	case "map", "struct":
		return "an object"
	case "slice":
		return "an array"
	case "float64", "int":
		return "a number"
	}
	return "a " + kind
}

// bodyError is the error for a body that could not be read: too large or cut short.
func bodyError(err error) error {
	var tooLarge *http.MaxBytesError
	if errors.As(err, &tooLarge) {
		return errBodyTooLarge
	}
	return graph.Errorf(graph.EINVALID, "the request body could not be read")
}

// errBodyTooLarge is answered 413 by writeMatchError.
var errBodyTooLarge = errors.New("the request body exceeds 1 MB: split the batch")

// writeMatchError answers a reconciliation or match request that failed.
func (s *Server) writeMatchError(w http.ResponseWriter, r *http.Request, err error) {
	if errors.Is(err, errBodyTooLarge) {
		writeJSON(w, httpStatus(graph.EBODYTOOLARGE), map[string]string{"error": err.Error(), "code": gqlCode(graph.EBODYTOOLARGE)})
		return
	}
	s.writeError(w, r, err)
}

// baseURL is the scheme and host the caller reached this server by, for the absolute
// URLs of the manifest. A Host header that is not a host[:port] gives the listen address.
func baseURL(r *http.Request) string {
	scheme := "http"
	if r.TLS != nil || r.Header.Get("X-Forwarded-Proto") == "https" {
		scheme = "https"
	}
	host := r.Host
	if !hostPattern.MatchString(host) {
		host = "localhost"
	}
	return scheme + "://" + host
}

var hostPattern = regexp.MustCompile(`^(\[[0-9a-fA-F:.]+\]|[A-Za-z0-9.-]+)(:[0-9]{1,5})?$`)

// callbackPattern is what a JSONP callback may be: a JavaScript name, dotted.
var callbackPattern = regexp.MustCompile(`^[A-Za-z_$][A-Za-z0-9_$]*(\.[A-Za-z_$][A-Za-z0-9_$]*)*$`)

// writeJSONP answers v as JSON, or, with a `callback` parameter (the reconciliation
// API's JSONP, for browsers that cannot use CORS), as a call of that function.
func (s *Server) writeJSONP(w http.ResponseWriter, r *http.Request, v any) {
	cb := r.URL.Query().Get("callback")
	if cb == "" {
		writeJSON(w, http.StatusOK, v)
		return
	}
	if len(cb) > 100 || !callbackPattern.MatchString(cb) {
		s.writeError(w, r, graph.Errorf(graph.EINVALID, "callback %.100q is not a JavaScript function name", cb))
		return
	}
	body, err := json.Marshal(v)
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	w.Header().Set("Content-Type", "application/javascript; charset=utf-8")
	w.Header().Set("X-Content-Type-Options", "nosniff")
	fmt.Fprintf(w, "/**/%s(%s);", cb, body)
}
