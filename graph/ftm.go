package graph

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"maps"
	"regexp"
	"strings"
)

var notSlug = regexp.MustCompile(`[^a-z0-9]+`)

// FtMID is the accgraph id of a FollowTheMoney id under a kind's or relationship type's
// prefix. An FtM id that is already a slug is kept as it is (`person:ftm-q7747` for
// `q7747`); any other gets its slug and a hash of the exact id, so that `OFAC_1234`,
// `ofac-1234` and two Cyrillic names that slug to nothing never become one entity. The
// exact FtM id stays in the FtM JSON of what it names, and entity(id: "ftm:<FtM id>")
// finds it.
func FtMID(prefix, id string) string {
	if slug, ok := strings.CutPrefix(id, ftmExportPrefix(prefix)); ok && accSlug.MatchString(slug) {
		return prefix + ":" + slug // an id accgraph gave, written out by ExportFtMID
	}
	s := strings.Trim(notSlug.ReplaceAllString(strings.ToLower(id), "-"), "-")
	if s != id {
		h := sha256.Sum256([]byte(id))
		s = strings.Trim(s+"-"+hex.EncodeToString(h[:5]), "-")
	}
	return prefix + ":ftm-" + s
}

// accSlug is the part after the prefix of an id accgraph gives (`person:ebrahim-raisi`),
// in the characters an FtM id may have and starting and ending with one of its letters.
var accSlug = regexp.MustCompile(`^[a-z0-9](?:[a-z0-9.-]*[a-z0-9])?$`)

// ftmExportPrefix begins the FtM id ExportFtMID writes for an id under prefix: FtM ids
// may not hold ':' or '_' (followthemoney's entity type refuses them).
func ftmExportPrefix(prefix string) string {
	return "accgraph." + strings.ReplaceAll(prefix, "_", "-") + "."
}

// ExportFtMID is the FtM id an accgraph id is exported as (`person:ebrahim-raisi` →
// `accgraph.person.ebrahim-raisi`), which FtMID maps back to it on import; false for an
// id that cannot be written so.
func ExportFtMID(id string) (string, bool) {
	prefix, slug, ok := strings.Cut(id, ":")
	if !ok || !accSlug.MatchString(slug) || strings.Trim(prefix, "abcdefghijklmnopqrstuvwxyz_") != "" || prefix == "" {
		return "", false
	}
	return ftmExportPrefix(prefix) + slug, true
}

// ftmKinds are the kinds an imported FtM entity can be.
var ftmKinds = []EntityKind{KindPerson, KindOrganization, KindPosition, KindEvent, KindVerdict, KindPlace, KindThing}

// ftmEntity compiles entity(id: "ftm:<FtM id>"): the entity imported with that FtM id,
// of whichever kind (one not retracted first: a node a later fragment retyped is).
func (c *compiler) ftmEntity(f Selection, ftmID string) (rootPlan, string, error) {
	plan := rootPlan{alias: f.Alias}
	n := c.newVar("n")
	proj, np, err := c.node(n, ftmKinds, f.Sub, f.Alias)
	if err != nil {
		return plan, "", err
	}
	plan.decode = func(v any) (any, error) { return np.decode(v), nil }
	parts := make([]string, len(ftmKinds))
	for i, k := range ftmKinds {
		parts[i] = fmt.Sprintf("MATCH (%s:%s {id: %s}) RETURN %s", n, k.Label(), c.param(FtMID(k.IDPrefix(), ftmID)), n)
	}
	return plan, fill(`OPTIONAL CALL () {
{{union}}
}
WITH {{n}} ORDER BY {{n}}.confidence = 'RETRACTED' LIMIT 1
RETURN {{node}}`, slots{"union": strings.Join(parts, "\nUNION\n"), "n": n, "node": proj}), nil
}

// ftmIDArgs are the arguments of the read roots that take an entity id (entity's own is
// ftmEntity's).
var ftmIDArgs = map[string][]string{"paths": {"from", "to"}, "accountability": {"subject"}, "timeline": {"id"},
	"holders": {"position"}, "neighborhood": {"id"}, "expandStats": {"id"}, "claims": {"by"}}

// resolveFtMArgs gives every argument of ftmIDArgs written "ftm:<FtM id>" the accgraph id
// of the entity imported with that FtM id (one not retracted first), so that every root
// takes an FtM id as entity(id:) does: one statement for all of them, none when no
// argument is one. An FtM id nothing was imported with stays as it is, an id of no kind:
// not found, as any unknown id.
func (db *DB) resolveFtMArgs(ctx context.Context, roots []Selection) ([]Selection, error) {
	var asked []string
	for _, f := range roots {
		for _, a := range ftmIDArgs[f.Name] {
			if id, ok := strings.CutPrefix(str(f.Args[a]), "ftm:"); ok {
				asked = append(asked, id)
			}
		}
	}
	if len(asked) == 0 {
		return roots, nil
	}
	params := map[string]any{}
	parts := make([]string, len(ftmKinds))
	named := map[string][]string{} // each accgraph id looked up, with the arguments that name it
	for i, k := range ftmKinds {
		ids := make([]string, len(asked))
		for j, id := range asked {
			ids[j] = FtMID(k.IDPrefix(), id)
			named[ids[j]] = append(named[ids[j]], "ftm:"+id)
		}
		params[fmt.Sprint("ids", i)] = ids
		parts[i] = fmt.Sprintf("MATCH (n:%s) WHERE n.id IN $ids%d RETURN n.id AS id, n.confidence = 'RETRACTED' AS gone", k.Label(), i)
	}
	res, err := db.read(ctx, "CALL () { "+strings.Join(parts, " UNION ")+" } RETURN id, gone ORDER BY gone DESC", params)
	if err != nil {
		return nil, err
	}
	found := map[string]string{}
	for _, r := range res.Records { // retracted first, so that a live one overwrites it
		acc := str(r.Values[0])
		for _, arg := range named[acc] {
			found[arg] = acc
		}
	}
	out := make([]Selection, len(roots))
	for i, f := range roots {
		out[i] = f
		for _, a := range ftmIDArgs[f.Name] {
			if acc, ok := found[str(f.Args[a])]; ok {
				args := maps.Clone(out[i].Args)
				args[a] = acc
				out[i].Args = args
			}
		}
	}
	return out, nil
}

// FtMRecords returns, for those of ids that are nodes or relationships of the graph, the
// FollowTheMoney JSON they were imported from ("" for one not imported from FtM): an
// FtM import looks up what a DEL line, a fragment or a reference names with it. One
// statement for all of ids, through the id constraints.
func (db *DB) FtMRecords(ctx context.Context, ids []string) (map[string]string, error) {
	parts, params := idLookups(ids, "n.id AS id, n.ftm AS ftm", "r.id AS id, r.ftm AS ftm")
	out := map[string]string{}
	if len(parts) == 0 {
		return out, nil
	}
	res, err := db.read(ctx, "CALL () { "+strings.Join(parts, " UNION ")+" } RETURN id, ftm", params)
	if err != nil {
		return nil, err
	}
	for _, r := range res.Records {
		out[str(r.Values[0])] = str(r.Values[1])
	}
	return out, nil
}
