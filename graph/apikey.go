package graph

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"io"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

// Role is what a caller may do.
type Role string

// The roles, weakest first: anonymous may read (and, in allow-list mode, only run saved
// queries); readers may read anything; editors may change the graph; admins may also
// manage keys and read every change.
const (
	RoleAnonymous Role = "anonymous"
	RoleReader    Role = "reader"
	RoleEditor    Role = "editor"
	RoleAdmin     Role = "admin"
)

// Roles lists the roles a key may have.
var Roles = []Role{RoleReader, RoleEditor, RoleAdmin}

// AtLeast reports whether r is as strong as min.
func (r Role) AtLeast(min Role) bool { return roleRank(r) >= roleRank(min) }

func roleRank(r Role) int {
	switch r {
	case RoleReader:
		return 1
	case RoleEditor:
		return 2
	case RoleAdmin:
		return 3
	}
	return 0
}

func (r Role) MarshalGQL(w io.Writer)    { marshalEnum(w, r) }
func (r *Role) UnmarshalGQL(v any) error { return unmarshalEnum(r, v, Roles, "role") }

// APIKey is a caller's credential. Only its SHA-256 is stored; the key itself is shown
// once, when it is created.
type APIKey struct {
	Name     string
	Role     Role
	Created  time.Time
	LastUsed time.Time
	Revoked  bool
}

// keyHash is how a key is stored and looked up.
func keyHash(key string) string {
	sum := sha256.Sum256([]byte(key))
	return hex.EncodeToString(sum[:])
}

// CreateAPIKey makes a key named name with role and returns it: the only time the key
// is ever seen. Names are unique among keys not revoked.
func (db *DB) CreateAPIKey(ctx context.Context, name string, role Role) (string, error) {
	if !slugPattern.MatchString(name) {
		return "", Errorf(EINVALID, "key name %q must be lowercase words with hyphens", name)
	}
	if !oneOf(role, Roles) {
		return "", Errorf(EINVALID, "%s", unknownValue("role", string(role), Roles))
	}
	secret := make([]byte, 24)
	if _, err := rand.Read(secret); err != nil {
		return "", err
	}
	key := "acg_" + hex.EncodeToString(secret)
	res, err := db.write(ctx, `
		OPTIONAL MATCH (k:APIKey {name: $name, revoked: false})
		WITH count(k) AS taken WHERE taken = 0
		CREATE (:APIKey {hash: $hash, name: $name, role: $role, created: datetime(), revoked: false})
		RETURN true`, map[string]any{"name": name, "role": string(role), "hash": keyHash(key)})
	if err != nil {
		return "", err
	}
	if len(res.Records) == 0 {
		return "", Errorf(ECONFLICT, "a key named %q exists; revoke it first", name)
	}
	return key, nil
}

// Authenticate returns the key's name and role and records its use; ENOTFOUND for a key
// that does not exist or was revoked. It looks the key up with a read, and writes (its
// lastUsed) only for a key that exists, so that a flood of made-up keys writes nothing.
func (db *DB) Authenticate(ctx context.Context, key string) (*APIKey, error) {
	hash := map[string]any{"hash": keyHash(key)}
	res, err := db.read(ctx, `MATCH (k:APIKey {hash: $hash}) WHERE NOT k.revoked RETURN k`, hash)
	if err != nil {
		return nil, err
	}
	keys := apiKeys(res.Records)
	if len(keys) == 0 {
		return nil, Errorf(ENOTFOUND, "unknown or revoked API key")
	}
	if _, err := db.write(ctx, `MATCH (k:APIKey {hash: $hash}) SET k.lastUsed = datetime()`, hash); err != nil {
		return nil, err
	}
	return keys[0], nil
}

// APIKeys lists every key, revoked ones too, by name.
func (db *DB) APIKeys(ctx context.Context) ([]*APIKey, error) {
	res, err := db.read(ctx, `MATCH (k:APIKey) RETURN k ORDER BY k.name, k.created`, nil)
	if err != nil {
		return nil, err
	}
	return apiKeys(res.Records), nil
}

// RevokeAPIKey revokes the key named name; it is kept, refused from now on.
func (db *DB) RevokeAPIKey(ctx context.Context, name string) error {
	res, err := db.write(ctx, `MATCH (k:APIKey {name: $name, revoked: false}) SET k.revoked = true RETURN count(k)`,
		map[string]any{"name": name})
	if err != nil {
		return err
	}
	if n, _ := res.Records[0].Values[0].(int64); n == 0 {
		return Errorf(ENOTFOUND, "no active key named %q", name)
	}
	return nil
}

func apiKeys(records []*neo4j.Record) []*APIKey {
	out := make([]*APIKey, 0, len(records))
	for _, r := range records {
		node, _ := r.Values[0].(neo4j.Node)
		p := node.Props
		k := &APIKey{Name: str(p["name"]), Role: Role(str(p["role"])), Revoked: p["revoked"] == true}
		k.Created, _ = p["created"].(time.Time)
		k.LastUsed, _ = p["lastUsed"].(time.Time)
		out = append(out, k)
	}
	return out
}
