package seed

import (
	"context"
	"strings"

	"github.com/accgraph/accgraph/graph"
)

// mergeWritten merges into each entity of batch the fragments of it an earlier batch
// of this import wrote (a MOD replaces them instead). A fragment that makes an entity of
// another kind (a LegalEntity, then a Person) leaves the old node behind: its id is
// returned, old → new, to be retracted and redirected.
func (im *Importer) mergeWritten(ctx context.Context, batch []FtMEntity, m *FtMMapper, w *writer) (map[string]string, error) {
	var ids []string
	for _, e := range batch {
		if m.written(e.ID) && e.Op != "MOD" {
			ids = append(ids, ftmCandidates(e.ID, true)...)
		}
	}
	if len(ids) == 0 {
		return nil, nil
	}
	if err := w.wait(); err != nil { // the earlier fragment may be in the batch in flight
		return nil, err
	}
	stored, err := im.DB.FtMRecords(ctx, ids)
	if err != nil {
		return nil, err
	}
	retyped := map[string]string{}
	for i, e := range batch {
		if !m.written(e.ID) || e.Op == "MOD" {
			continue
		}
		for _, c := range ftmCandidates(e.ID, true) {
			raw, ok := stored[c]
			if !ok {
				continue
			}
			before, err := ReadFtMJSON(raw)
			if err != nil || before.ID != e.ID || before.Merge(e) != nil {
				continue
			}
			before.Line, before.Op = e.Line, e.Op
			batch[i] = before
			if now := AccgraphID(before.Schema, e.ID); now != c {
				retyped[c] = now
			}
			break
		}
	}
	return retyped, nil
}

// ftmCandidates are the ids an FtM id can have in accgraph, as an entity of any kind or a
// relationship of any type.
func ftmCandidates(id string, rels bool) []string {
	var out []string
	for _, k := range graph.EntityKinds {
		if k != graph.KindStatement && k != graph.KindSource {
			out = append(out, ftmID(k.IDPrefix(), id))
		}
	}
	if rels {
		for _, t := range graph.RelTypes {
			out = append(out, ftmID(strings.ToLower(string(t)), id))
		}
	}
	return out
}

// lookUp finds in the graph, with one statement, the entities the batch points at that
// the file has not brought: files build on each other.
func (im *Importer) lookUp(ctx context.Context, m *FtMMapper, entities []FtMEntity) error {
	var ids, unknown []string
	coming := map[string]bool{}
	for _, e := range entities {
		coming[e.ID] = true
	}
	for _, e := range entities {
		required, optional := ftmRefs(e)
		for _, id := range append(required, optional...) {
			if !coming[id] && m.askGraph(id) {
				unknown = append(unknown, id)
				ids = append(ids, ftmCandidates(id, false)...)
			}
		}
	}
	if len(ids) == 0 {
		return nil
	}
	found, err := im.DB.ExistingKinds(ctx, ids)
	if err != nil {
		return err
	}
	for _, id := range unknown {
		for _, c := range ftmCandidates(id, false) {
			if k, ok := found[c]; ok {
				m.Learn(id, k)
				break // a node a later fragment retyped comes after the one that replaced it
			}
		}
	}
	return nil
}
