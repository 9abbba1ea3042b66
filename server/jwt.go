package server

import (
	"crypto/rsa"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"math/big"
	"os"
	"strings"
	"time"

	"github.com/golang-jwt/jwt/v5"

	"github.com/accgraph/accgraph/graph"
)

// JWTConfig lets bearer tokens from an identity provider stand in for API keys: HS256
// with a shared secret, or RS256 with the provider's keys (a JWKS file). The subject
// becomes the caller's name in the audit; RoleClaim names the claim that holds the role.
type JWTConfig struct {
	HS256Secret string
	JWKSFile    string
	RoleClaim   string // default "role"
	Issuer      string // required issuer, when set
	Audience    string // required audience, when set
	// Leeway is the clock skew allowed on exp, nbf and iat (DefaultJWTLeeway when 0;
	// negative: none).
	Leeway time.Duration
}

// DefaultJWTLeeway allows for clocks a few seconds apart, not for expired tokens.
const DefaultJWTLeeway = 5 * time.Second

func (c *JWTConfig) leeway() time.Duration {
	switch {
	case c.Leeway < 0:
		return 0
	case c.Leeway == 0:
		return DefaultJWTLeeway
	}
	return c.Leeway
}

// Enabled reports whether tokens are accepted at all.
func (c *JWTConfig) Enabled() bool { return c != nil && (c.HS256Secret != "" || c.JWKSFile != "") }

// jwtVerifier checks tokens against the configured keys.
type jwtVerifier struct {
	cfg     JWTConfig
	rsaKeys map[string]*rsa.PublicKey // by kid
}

func newJWTVerifier(cfg JWTConfig) (*jwtVerifier, error) {
	v := &jwtVerifier{cfg: cfg, rsaKeys: map[string]*rsa.PublicKey{}}
	if v.cfg.RoleClaim == "" {
		v.cfg.RoleClaim = "role"
	}
	if cfg.JWKSFile == "" {
		return v, nil
	}
	data, err := os.ReadFile(cfg.JWKSFile)
	if err != nil {
		return nil, fmt.Errorf("JWKS file: %w", err)
	}
	var set struct {
		Keys []struct{ Kty, Kid, N, E string }
	}
	if err := json.Unmarshal(data, &set); err != nil {
		return nil, fmt.Errorf("JWKS file %s: %w", cfg.JWKSFile, err)
	}
	for _, k := range set.Keys {
		if k.Kty != "RSA" {
			continue
		}
		n, errN := base64.RawURLEncoding.DecodeString(k.N)
		e, errE := base64.RawURLEncoding.DecodeString(k.E)
		if errN != nil || errE != nil {
			return nil, fmt.Errorf("JWKS file %s: key %q is not base64url", cfg.JWKSFile, k.Kid)
		}
		v.rsaKeys[k.Kid] = &rsa.PublicKey{N: new(big.Int).SetBytes(n), E: int(new(big.Int).SetBytes(e).Int64())}
	}
	if len(v.rsaKeys) == 0 {
		return nil, fmt.Errorf("JWKS file %s holds no RSA key", cfg.JWKSFile)
	}
	return v, nil
}

// looksLikeJWT tells a token from an API key: three base64url parts.
func looksLikeJWT(token string) bool {
	return strings.Count(token, ".") == 2 && !strings.HasPrefix(token, "acg_")
}

// verify checks the token's signature, time, issuer and audience, and returns who it
// names and the role it grants.
func (v *jwtVerifier) verify(token string) (Identity, error) {
	opts := []jwt.ParserOption{jwt.WithValidMethods([]string{"HS256", "RS256"}), jwt.WithExpirationRequired(), jwt.WithLeeway(v.cfg.leeway())}
	if v.cfg.Issuer != "" {
		opts = append(opts, jwt.WithIssuer(v.cfg.Issuer))
	}
	if v.cfg.Audience != "" {
		opts = append(opts, jwt.WithAudience(v.cfg.Audience))
	}
	claims := jwt.MapClaims{}
	_, err := jwt.ParseWithClaims(token, claims, func(t *jwt.Token) (any, error) {
		switch t.Method.Alg() {
		case "HS256":
			if v.cfg.HS256Secret == "" {
				return nil, fmt.Errorf("HS256 tokens are not accepted")
			}
			return []byte(v.cfg.HS256Secret), nil
		case "RS256":
			kid, _ := t.Header["kid"].(string)
			if key, ok := v.rsaKeys[kid]; ok {
				return key, nil
			}
			return nil, fmt.Errorf("no key %q in the JWKS", kid)
		}
		return nil, fmt.Errorf("unexpected signing method %s", t.Method.Alg())
	}, opts...)
	if err != nil {
		return Identity{}, graph.Errorf(graph.EUNAUTHENTICATED, "invalid token: %v", err)
	}
	sub, _ := claims.GetSubject()
	role, _ := claims[v.cfg.RoleClaim].(string)
	if sub == "" || !graph.Role(role).AtLeast(graph.RoleReader) {
		return Identity{}, graph.Errorf(graph.EUNAUTHENTICATED, "the token needs a subject and a %q claim of reader, editor or admin", v.cfg.RoleClaim)
	}
	return Identity{Name: "jwt:" + sub, Role: graph.Role(role)}, nil
}
