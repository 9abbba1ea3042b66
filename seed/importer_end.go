package seed

import (
	"context"
	"fmt"
	"maps"
	"slices"

	"github.com/accgraph/accgraph/graph"
)

// What an import does once every batch is written: retype merged fragments, resolve
// referents, retract what DEL lines name.

// retype retracts the nodes a later fragment gave another kind, and makes their ids
// resolve to the new ones.
func (im *Importer) retype(ctx context.Context, retyped map[string]string) error {
	var redirects []graph.ExportNode
	for old, now := range retyped {
		if _, err := im.DB.UpdateEntity(ctx, im.By, "importFtM", old, func(x graph.Entity) error {
			b := x.Common()
			b.Confidence, b.Retraction = graph.Retracted, "a later fragment of the same FtM entity made it "+now
			return nil
		}); err != nil {
			return err
		}
		redirects = append(redirects, graph.ExportNode{Labels: []string{"Redirect"}, Properties: map[string]any{"from": old, "to": now}})
	}
	if len(redirects) == 0 {
		return nil
	}
	return im.DB.WriteRaw(ctx, redirects, nil)
}

// resolveReferents makes the older ids an entity lists as its referents resolve to it:
// one that is in the graph is merged into it, one that is not becomes a redirect. Which
// are in the graph is asked in one statement per 5,000.
func (im *Importer) resolveReferents(ctx context.Context, entities []FtMEntity) error {
	var old []string
	for _, e := range entities {
		for _, ref := range e.Referents {
			old = append(old, AccgraphID(e.Schema, ref))
		}
	}
	found := map[string]graph.EntityKind{}
	for chunk := range slices.Chunk(old, 5000) {
		more, err := im.DB.ExistingKinds(ctx, chunk)
		if err != nil {
			return err
		}
		maps.Copy(found, more)
	}
	var redirects []graph.ExportNode
	for _, e := range entities {
		keep := AccgraphID(e.Schema, e.ID)
		for _, ref := range e.Referents {
			id := AccgraphID(e.Schema, ref)
			if _, ok := found[id]; ok && id != keep {
				if err := im.DB.MergeEntities(ctx, im.By, keep, id); err != nil {
					return err
				}
				continue
			}
			if id != keep {
				redirects = append(redirects, graph.ExportNode{Labels: []string{"Redirect"}, Properties: map[string]any{"from": id, "to": keep}})
			}
		}
	}
	if len(redirects) == 0 {
		return nil
	}
	return im.DB.WriteRaw(ctx, redirects, nil)
}

// retract marks what DEL lines remove as RETRACTED: accgraph never deletes a fact, it
// says it was withdrawn, and why. A DEL names the id alone: the entity or relationship
// it is is looked up in the graph, for all DEL lines in one statement.
func (im *Importer) retract(ctx context.Context, file string, deleted []FtMEntity) []FtMProblem {
	if len(deleted) == 0 {
		return nil
	}
	var problems []FtMProblem
	var ids []string
	for _, e := range deleted {
		ids = append(ids, ftmCandidates(e.ID, true)...)
	}
	found, err := im.DB.FtMRecords(ctx, ids)
	if err != nil {
		return []FtMProblem{{deleted[0].Line, "DEL: " + graph.ErrorMessage(err)}}
	}
	reason := "removed from its FollowTheMoney dataset (a DEL line in " + file + ")"
	for _, e := range deleted {
		var id string
		for _, c := range ftmCandidates(e.ID, true) {
			if _, ok := found[c]; ok {
				id = c
				break
			}
		}
		var err error
		switch _, isEntity := graph.KindOfID(id); {
		case id == "":
			problems = append(problems, FtMProblem{e.Line, fmt.Sprintf("DEL %s: no entity or relationship imported with this FtM id", e.ID)})
			continue
		case isEntity:
			_, err = im.DB.UpdateEntity(ctx, im.By, "importFtM", id, func(x graph.Entity) error {
				b := x.Common()
				b.Confidence, b.Retraction = graph.Retracted, reason
				return nil
			})
		default:
			_, err = im.DB.UpdateLink(ctx, im.By, "importFtM", id, func(l *graph.Link) error {
				l.Confidence, l.Retraction = graph.Retracted, reason
				return nil
			})
		}
		if err != nil {
			problems = append(problems, FtMProblem{e.Line, fmt.Sprintf("DEL %s: %s", e.ID, graph.ErrorMessage(err))})
		}
	}
	return problems
}
