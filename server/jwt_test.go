package server_test

import (
	"crypto/rand"
	"crypto/rsa"
	"encoding/base64"
	"encoding/json"
	"math/big"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/golang-jwt/jwt/v5"

	"github.com/accgraph/accgraph/server"
)

func TestJWTStandsInForAnAPIKey(t *testing.T) {
	a, _ := savedAPI(t)
	rsaKey, err := rsa.GenerateKey(rand.Reader, 2048)
	if err != nil {
		t.Fatal(err)
	}
	jwks := map[string]any{"keys": []map[string]string{{"kty": "RSA", "kid": "k1",
		"n": base64.RawURLEncoding.EncodeToString(rsaKey.N.Bytes()),
		"e": base64.RawURLEncoding.EncodeToString(big.NewInt(int64(rsaKey.E)).Bytes())}}}
	file := filepath.Join(t.TempDir(), "jwks.json")
	raw, _ := json.Marshal(jwks)
	if err := os.WriteFile(file, raw, 0o644); err != nil {
		t.Fatal(err)
	}
	srv := &server.Server{DB: a.db, Logger: quiet, JWT: server.JWTConfig{HS256Secret: "a-shared-secret", JWKSFile: file, Issuer: "newsroom-sso"}}
	if err := srv.Prepare(); err != nil {
		t.Fatal(err)
	}
	a.h = srv.Handler()

	hs := func(claims jwt.MapClaims, secret string) string {
		s, _ := jwt.NewWithClaims(jwt.SigningMethodHS256, claims).SignedString([]byte(secret))
		return s
	}
	rs := func(claims jwt.MapClaims) string {
		tok := jwt.NewWithClaims(jwt.SigningMethodRS256, claims)
		tok.Header["kid"] = "k1"
		s, _ := tok.SignedString(rsaKey)
		return s
	}
	future, past := time.Now().Add(time.Hour).Unix(), time.Now().Add(-time.Hour).Unix()
	create := map[string]any{"query": `mutation { createEntity(input: {id: "person:jwt-made", name: "Made by a token", citations: [` + articleCite + `]}) { id } }`}

	editor := hs(jwt.MapClaims{"sub": "alice", "role": "editor", "exp": future, "iss": "newsroom-sso"}, "a-shared-secret")
	if r := a.as(editor, create); len(r.Errors) > 0 {
		t.Fatalf("an editor token: %s", r.raw)
	}
	h := a.as(rs(jwt.MapClaims{"sub": "bob", "role": "reader", "exp": future, "iss": "newsroom-sso"}),
		map[string]any{"query": `{ history(id: "person:jwt-made") { by mutation } }`})
	if list, _ := h.Data["history"].([]any); len(list) != 1 || list[0].(map[string]any)["by"] != "jwt:alice" {
		t.Errorf("an RS256 reader reads the history = %s", h.raw)
	}
	for name, token := range map[string]string{
		"expired":      hs(jwt.MapClaims{"sub": "alice", "role": "editor", "exp": past, "iss": "newsroom-sso"}, "a-shared-secret"),
		"wrong secret": hs(jwt.MapClaims{"sub": "alice", "role": "editor", "exp": future, "iss": "newsroom-sso"}, "guess"),
		"no role":      hs(jwt.MapClaims{"sub": "alice", "exp": future, "iss": "newsroom-sso"}, "a-shared-secret"),
		"other issuer": hs(jwt.MapClaims{"sub": "alice", "role": "editor", "exp": future, "iss": "elsewhere"}, "a-shared-secret"),
		"no expiry":    hs(jwt.MapClaims{"sub": "alice", "role": "editor", "iss": "newsroom-sso"}, "a-shared-secret"),
	} {
		if r := a.as(token, create); r.Status != 401 || code(r) != "UNAUTHENTICATED" || !strings.Contains(r.Errors[0].Message, "token") {
			t.Errorf("%s token = %d %s", name, r.Status, r.raw)
		}
	}
	if err := (&server.Server{JWT: server.JWTConfig{JWKSFile: "/nonexistent.json"}}).Prepare(); err == nil {
		t.Error("a missing JWKS file was accepted")
	}
}
