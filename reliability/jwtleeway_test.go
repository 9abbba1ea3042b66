package reliability

import (
	"net/http"
	"testing"
	"time"

	"github.com/golang-jwt/jwt/v5"

	"github.com/accgraph/accgraph/graph/graphtest"
	"github.com/accgraph/accgraph/server"
)

// TestExpiredTokensAreRefused is issue 17, item 9: JWTs that expired 20 s ago were
// accepted (an undocumented 30 s leeway). The leeway is a setting, 5 s by default.
func TestExpiredTokensAreRefused(t *testing.T) {
	db := graphtest.MustOpenDB(t)
	const secret = "a-shared-secret"
	token := func(expiredAgo time.Duration) string {
		s, err := jwt.NewWithClaims(jwt.SigningMethodHS256, jwt.MapClaims{"sub": "jane", "role": "reader",
			"exp": time.Now().Add(-expiredAgo).Unix()}).SignedString([]byte(secret))
		if err != nil {
			t.Fatal(err)
		}
		return s
	}
	client := &http.Client{Timeout: 10 * time.Second}
	read := map[string]any{"query": "{ __typename }"}

	byDefault := serve(t, db, func(s *server.Server) { s.JWT = server.JWTConfig{HS256Secret: secret} })
	for ago, want := range map[time.Duration]int{-time.Minute: 200, 2 * time.Second: 200, 20 * time.Second: 401, time.Hour: 401} {
		if a := post(t, client, byDefault.URL(), read, token(ago)); a.Status != want {
			t.Errorf("a token expired %s ago, default leeway = %d %.200s, want %d", ago, a.Status, a.Raw, want)
		}
	}
	lenient := serve(t, db, func(s *server.Server) { s.JWT = server.JWTConfig{HS256Secret: secret, Leeway: time.Minute} })
	if a := post(t, client, lenient.URL(), read, token(20*time.Second)); a.Status != 200 {
		t.Errorf("a token expired 20s ago with a 1m leeway = %d %.200s, want 200", a.Status, a.Raw)
	}
	strict := serve(t, db, func(s *server.Server) { s.JWT = server.JWTConfig{HS256Secret: secret, Leeway: -1} })
	if a := post(t, client, strict.URL(), read, token(2*time.Second)); a.Status != 401 {
		t.Errorf("a token expired 2s ago with no leeway = %d %.200s, want 401", a.Status, a.Raw)
	}
}
