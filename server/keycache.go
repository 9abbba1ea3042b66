package server

import (
	"crypto/sha256"
	"sync"
	"time"
)

// DefaultKeyRecheck is how long a confirmed API key is trusted before Neo4j is asked again.
const DefaultKeyRecheck = 10 * time.Second

// maxCachedKeys bounds the cache; past it, it starts again empty.
const maxCachedKeys = 10000

// keyCache remembers the API keys Neo4j confirmed, by their SHA-256, so that a keyed read
// costs one Cypher statement like any other instead of a second one writing lastUsed, and
// a busy key's lastUsed is written once per recheck. A revocation takes effect within a
// recheck. Unknown keys are not remembered: each costs a lookup, and the rate limit bounds them.
type keyCache struct {
	mu   sync.Mutex
	keys map[[sha256.Size]byte]cachedKey
}

type cachedKey struct {
	id    Identity
	until time.Time
}

func (c *keyCache) get(key string, now time.Time) (Identity, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	k, ok := c.keys[sha256.Sum256([]byte(key))]
	if !ok || !now.Before(k.until) {
		return Identity{}, false
	}
	return k.id, true
}

func (c *keyCache) put(key string, id Identity, until time.Time) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.keys == nil || len(c.keys) >= maxCachedKeys {
		c.keys = map[[sha256.Size]byte]cachedKey{}
	}
	c.keys[sha256.Sum256([]byte(key))] = cachedKey{id: id, until: until}
}
