package seed

import (
	"regexp"
	"slices"
	"strings"

	"github.com/accgraph/accgraph/graph"
)

var notSlug = regexp.MustCompile(`[^a-z0-9]+`)

// ftmID is the accgraph id of an FtM id under a prefix (see graph.FtMID).
func ftmID(prefix, id string) string { return graph.FtMID(prefix, id) }

// AccgraphID is the id an FtM entity of schema has in accgraph: an entity's, or, for
// the schemata that become relationships, the relationship's.
func AccgraphID(schema, id string) string {
	if k := ftmKind(schema); k != "" {
		return ftmID(k.IDPrefix(), id)
	}
	return ftmID(strings.ToLower(string(ftmRel(schema).typ)), id)
}

// ftmSeen is all an import keeps of one FtM id for the rest of its file (a 1M-line file
// has up to a million of them): the kind of entity it is (its accgraph id follows from
// it), whether the import wrote it, whether the graph was asked for it in vain, and the
// name a sanction pointing at it is named after.
type ftmSeen struct {
	kind    uint8 // 1 + the kind's place in graph.EntityKinds; 0: not an entity (yet)
	written bool  // written by this import (or the one it resumes): a later fragment merges into it
	absent  bool  // looked for in the graph and not found
	caption string
}

// entityKind is the kind of entity the FtM id is, if the mapper knows it as one.
func (m *FtMMapper) entityKind(id string) (graph.EntityKind, bool) {
	s := m.seen[id]
	if s.kind == 0 {
		return "", false
	}
	return graph.EntityKinds[s.kind-1], true
}

// accID is the accgraph id of an FtM id the mapper knows as an entity, and its kind,
// which the checks of this batch then know too.
func (m *FtMMapper) accID(id string) (string, graph.EntityKind, bool) {
	k, ok := m.entityKind(id)
	if !ok {
		return "", "", false
	}
	acc := ftmID(k.IDPrefix(), id)
	m.batch[acc] = k
	return acc, k, true
}

// Learn records that the FtM id is an entity of kind k (one seen, or found in the graph).
func (m *FtMMapper) Learn(id string, k graph.EntityKind) {
	s := m.seen[id]
	s.kind, s.absent = uint8(slices.Index(graph.EntityKinds, k)+1), false
	m.seen[id] = s
}

// forget drops an entity whose line was rejected: what points at it must wait for it.
func (m *FtMMapper) forget(id string) {
	if acc, _, ok := m.accID(id); ok {
		delete(m.batch, acc)
	}
	if s, ok := m.seen[id]; ok {
		s.kind = 0
		m.seen[id] = s
	}
}

// Knows reports whether id is an entity the mapper has seen.
func (m *FtMMapper) Knows(id string) bool { return m.seen[id].kind != 0 }

// wrote records that the import wrote id (or skipped it as written before).
func (m *FtMMapper) wrote(id string) {
	s := m.seen[id]
	s.written = true
	m.seen[id] = s
}

// written reports whether the import wrote id.
func (m *FtMMapper) written(id string) bool { return m.seen[id].written }

// askGraph reports whether the graph has not been asked for id yet, and records that it
// is being asked: until found, or this import brings it, it is asked once.
func (m *FtMMapper) askGraph(id string) bool {
	s := m.seen[id]
	if s.kind != 0 || s.absent {
		return false
	}
	s.absent = true
	m.seen[id] = s
	return true
}
