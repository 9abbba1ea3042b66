package server

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/url"
	"time"

	"github.com/accgraph/accgraph/graph"
)

// Identity is who is calling: a key's name and role, or anonymous.
type Identity struct {
	Name string
	Role graph.Role
}

type identityKey struct{}

// identity returns the caller of a request (anonymous when no key was given).
func identity(ctx context.Context) Identity {
	if id, ok := ctx.Value(identityKey{}).(Identity); ok {
		return id
	}
	return Identity{Name: "anonymous", Role: graph.RoleAnonymous}
}

// authenticate reads `Authorization: Bearer <key>`: a valid key gives its name and role,
// an unknown or revoked one is refused with 401, none leaves the caller anonymous. Each
// refusal counts against the client's IP; an IP past AuthFailuresPerMinute is answered 429
// before its credential is looked at.
func (s *Server) authenticate(next http.Handler) http.Handler {
	failures := newFailureLimiter(s.AuthFailuresPerMinute)
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		header := r.Header.Get("Authorization")
		if header == "" {
			next.ServeHTTP(w, r)
			return
		}
		ip := clientIP(r)
		if blocked, wait := failures.blocked(ip); blocked {
			tooMany(w, wait, "too many failed authentications from this address")
			return
		}
		refuse := func(message string) {
			failures.failed(ip)
			writeGraphQLError(w, graph.EUNAUTHENTICATED, message)
		}
		key, ok := bearerToken(header)
		if !ok {
			refuse("the Authorization header must be `Bearer <API key>`")
			return
		}
		if s.jwt != nil && looksLikeJWT(key) {
			id, err := s.jwt.verify(key)
			if err != nil {
				refuse(graph.ErrorMessage(err))
				return
			}
			next.ServeHTTP(w, r.WithContext(context.WithValue(r.Context(), identityKey{}, id)))
			return
		}
		if id, ok := s.keys.get(key, time.Now()); ok {
			next.ServeHTTP(w, r.WithContext(context.WithValue(r.Context(), identityKey{}, id)))
			return
		}
		k, err := s.DB.Authenticate(r.Context(), key)
		switch graph.ErrorCode(err) {
		case "":
		case graph.ENOTFOUND:
			refuse("unknown or revoked API key")
			return
		default:
			if r.URL.Path == "/graphql" { // a GraphQL client reads errors in GraphQL's shape
				code := graph.ErrorCode(err)
				if code == graph.EINTERNAL {
					s.Logger.ErrorContext(r.Context(), "authenticate", "err", err)
				}
				writeGraphQLError(w, code, s.callerMessage(r.Context(), err))
				return
			}
			s.writeError(w, r, err)
			return
		}
		id := Identity{Name: k.Name, Role: k.Role}
		if recheck := s.keyRecheck(); recheck > 0 {
			s.keys.put(key, id, time.Now().Add(recheck))
		}
		next.ServeHTTP(w, r.WithContext(context.WithValue(r.Context(), identityKey{}, id)))
	})
}

func (s *Server) keyRecheck() time.Duration {
	if s.KeyRecheck == 0 {
		return DefaultKeyRecheck
	}
	return s.KeyRecheck
}

// requireRole refuses a caller weaker than min: UNAUTHENTICATED without a key, FORBIDDEN
// with one too weak.
func requireRole(ctx context.Context, min graph.Role) error {
	id := identity(ctx)
	switch {
	case id.Role.AtLeast(min):
		return nil
	case id.Role == graph.RoleAnonymous:
		return graph.Errorf(graph.EUNAUTHENTICATED, "this needs an API key with the %s role (Authorization: Bearer <key>)", min)
	}
	return graph.Errorf(graph.EFORBIDDEN, "the key %q is a %s; this needs %s", id.Name, id.Role, min)
}

// MaxBodyBytes bounds a GraphQL request body.
const MaxBodyBytes = 1 << 20

// trustedDocuments, in allow-list mode, lets anonymous callers run only saved queries:
// by {"documentId": "sha256:<hex>"} or by sending a saved document verbatim. Anything
// else needs an API key. Callers with a key pass untouched.
func (s *Server) trustedDocuments(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !s.TrustedDocuments || identity(r.Context()).Role != graph.RoleAnonymous || r.Method == http.MethodOptions {
			next.ServeHTTP(w, r)
			return
		}
		params := map[string]any{}
		if r.Method == http.MethodGet {
			for k, v := range r.URL.Query() {
				params[k] = v[0]
			}
			if vars, ok := params["variables"].(string); ok {
				var decoded any
				if json.Unmarshal([]byte(vars), &decoded) == nil {
					params["variables"] = decoded
				}
			}
		} else {
			body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, MaxBodyBytes))
			if err != nil || json.Unmarshal(body, &params) != nil {
				writeGraphQLError(w, graph.EBADREQUEST, "the body must be a GraphQL request in JSON, at most 1 MB")
				return
			}
		}
		id, _ := params["documentId"].(string)
		if id == "" {
			query, _ := params["query"].(string)
			id = graph.DocumentID(query)
		}
		doc, err := s.DB.SavedDocument(r.Context(), id)
		switch graph.ErrorCode(err) {
		case "":
		case graph.ENOTFOUND:
			writeGraphQLError(w, graph.EPERSISTEDONLY,
				"this server runs only saved queries for callers without an API key: send a saved query's documentId (GET /saved lists them) or a key")
			return
		default:
			s.writeError(w, r, err)
			return
		}
		// the request keeps its method: a GET stays a GET (which runs queries only)
		r2 := r.Clone(r.Context())
		if r.Method == http.MethodGet {
			query := r.URL.Query()
			query.Set("query", doc)
			query.Del("documentId")
			r2.URL = &url.URL{Path: r.URL.Path, RawQuery: query.Encode()}
			next.ServeHTTP(w, r2)
			return
		}
		params["query"] = doc
		delete(params, "documentId")
		body, _ := json.Marshal(params)
		r2.Header.Set("Content-Type", "application/json")
		r2.Body, r2.ContentLength = io.NopCloser(bytes.NewReader(body)), int64(len(body))
		next.ServeHTTP(w, r2)
	})
}

// graphqlMethods answers 405 to a /graphql request that is not GET, POST or OPTIONS (a CORS
// preflight), before anything reads it.
func graphqlMethods(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.Method {
		case http.MethodGet, http.MethodPost, http.MethodOptions:
			next.ServeHTTP(w, r)
			return
		}
		w.Header().Set("Allow", "GET, POST, OPTIONS")
		writeGraphQLError(w, graph.EMETHOD, "/graphql takes GET (queries) and POST, not "+r.Method)
	})
}
