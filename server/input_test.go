package server_test

import (
	"slices"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/vektah/gqlparser/v2/ast"

	"github.com/accgraph/accgraph/schema"
)

// roundTrip is one write of a mutation and the read that gives its values back: back
// maps each input field it writes ("EntityInput.victims") to where the read's answer
// holds it. A write that must be refused (a field of another kind) has refused set to
// the message, and back lists the fields it tries.
type roundTrip struct {
	mutation string
	write    string
	read     string
	back     map[string]readBack
	refused  string
}

// readBack is a dot path into the read's data ("*" for every item of a list) and the
// value one of the items there must equal.
type readBack struct {
	path string
	want any
}

const (
	fullCite = `{source: "source:ncri-factions-collaborate", quote: "the Justice Minister Alireza Avaei", locator: "paragraph 3",
		claimedBy: "person:mansoureh-galestan", confidence: ALLEGED, stance: SUPPORTS, accessed: "2021-02-20"}`
	citeFields  = `citations { source { id } quote locator claimedBy { id } confidence stance accessed checked }`
	aliasCite   = `{source: "source:ncri-factions-collaborate", quote: "the Justice Minister Alireza Avaei", claimedBy: "person:mansoureh-galestan", confidence: ALLEGED}`
	aliasFields = `aliasSources { name note citations { source quote locator claimedBy confidence stance accessed } }`
)

// aliasBack is the read-back of an alias written with a note and a citation.
func aliasBack(input, name, note string) map[string]readBack {
	return map[string]readBack{
		input + ".aliasSources": {"entity.aliasSources.*.name", name},
		"AliasInput.name":       {"entity.aliasSources.*.name", name},
		"AliasInput.note":       {"entity.aliasSources.*.note", note},
		"AliasInput.citations":  {"entity.aliasSources.*.citations.*.quote", "the Justice Minister Alireza Avaei"},
	}
}

// citationBack is the read-back of fullCite under the citations at path.
func citationBack(path string) map[string]readBack {
	return map[string]readBack{
		"CitationInput.source":     {path + ".*.source.id", "source:ncri-factions-collaborate"},
		"CitationInput.quote":      {path + ".*.quote", "the Justice Minister Alireza Avaei"},
		"CitationInput.locator":    {path + ".*.locator", "paragraph 3"},
		"CitationInput.claimedBy":  {path + ".*.claimedBy.id", "person:mansoureh-galestan"},
		"CitationInput.confidence": {path + ".*.confidence", "ALLEGED"},
		"CitationInput.stance":     {path + ".*.stance", "SUPPORTS"},
		"CitationInput.accessed":   {path + ".*.accessed", "2021-02-20"},
	}
}

func with(m map[string]readBack, more map[string]readBack) map[string]readBack {
	out := map[string]readBack{}
	for _, src := range []map[string]readBack{m, more} {
		for k, v := range src {
			out[k] = v
		}
	}
	return out
}

func roundTrips() []roundTrip {
	entity := func(id, fields string) string {
		return `{ entity(id: "` + id + `") { id name aliases ` + aliasFields + ` description confidence ` + citeFields + ` ` + fields + ` } }`
	}
	base := func(id string) map[string]readBack {
		return with(with(citationBack("entity.citations"), aliasBack("EntityInput", "alias of "+id, "a test alias")), map[string]readBack{
			"EntityInput.id":          {"entity.id", id},
			"EntityInput.name":        {"entity.name", "Input " + id},
			"EntityInput.aliases":     {"entity.aliases.*", "alias of " + id},
			"EntityInput.description": {"entity.description", "described " + id},
			"EntityInput.confidence":  {"entity.confidence", "ALLEGED"},
			"EntityInput.citations":   {"entity.citations.*.locator", "paragraph 3"},
		})
	}
	input := func(id, more string) string {
		return `{id: "` + id + `", name: "Input ` + id + `", aliases: ["alias of ` + id + `"],
			aliasSources: [{name: "alias of ` + id + `", note: "a test alias", citations: [` + aliasCite + `]}], description: "described ` + id + `",
			confidence: ALLEGED, citations: [` + fullCite + `]` + more + `}`
	}
	sourceFields := `, kind: "REPORT", title: "A title", publisher: "A publisher", author: "An author", url: "https://example.org/r",
		published: "2021-03", stake: "a party's own report"`
	sourceBack := map[string]readBack{
		"EntityInput.kind":      {"entity.kind", "REPORT"},
		"EntityInput.title":     {"entity.title", "A title"},
		"EntityInput.publisher": {"entity.publisher", "A publisher"},
		"EntityInput.author":    {"entity.author", "An author"},
		"EntityInput.url":       {"entity.url", "https://example.org/r"},
		"EntityInput.published": {"entity.published", "2021-03"},
		"EntityInput.stake":     {"entity.stake", "a party's own report"},
	}
	sourceRead := `... on Source { kind title publisher author url published stake text }`
	html := `, html: "<html><head><style>p {}</style></head><body><p>The court &amp; the <b>minister</b>.</p><script>x()</script></body></html>"`
	htmlBack := map[string]readBack{"EntityInput.html": {"entity.text", "The court & the minister."}}

	trips := []roundTrip{
		{mutation: "createEntity", write: `mutation { createEntity(input: ` + input("event:input-event", `, kind: "MASSACRE", from: "1988-07", to: "1988-09-15", victims: 300`) + `) { id } }`,
			read: entity("event:input-event", `... on Event { kind from to victims }`),
			back: with(base("event:input-event"), map[string]readBack{
				"EntityInput.kind": {"entity.kind", "MASSACRE"}, "EntityInput.from": {"entity.from", "1988-07"},
				"EntityInput.to": {"entity.to", "1988-09-15"}, "EntityInput.victims": {"entity.victims", 300.0}})},
		{mutation: "createEntity", write: `mutation { createEntity(input: ` + input("verdict:input-verdict", `, date: "2021-02-04"`) + `) { id } }`,
			read: entity("verdict:input-verdict", `... on Verdict { date }`),
			back: map[string]readBack{"EntityInput.date": {"entity.date", "2021-02-04"}}},
		{mutation: "createEntity", write: `mutation { createEntity(input: ` + input("statement:input-statement", `, text: "Said so.", date: "2020"`) + `) { id } }`,
			read: entity("statement:input-statement", `... on Statement { text date }`),
			back: map[string]readBack{"EntityInput.text": {"entity.text", "Said so."}, "EntityInput.date": {"entity.date", "2020"}}},
		{mutation: "createEntity", write: `mutation { createEntity(input: ` + input("place:input-place", `, country: "NO"`) + `) { id } }`,
			read: entity("place:input-place", `... on Place { country }`),
			back: map[string]readBack{"EntityInput.country": {"entity.country", "NO"}}},
		{mutation: "createEntity", write: `mutation { createEntity(input: ` + input("source:input-source", sourceFields+`, text: "The whole report."`) + `) { id } }`,
			read: entity("source:input-source", sourceRead),
			back: with(sourceBack, map[string]readBack{"EntityInput.text": {"entity.text", "The whole report."}})},
		{mutation: "createEntity", write: `mutation { createEntity(input: ` + input("source:input-html", sourceFields+html) + `) { id } }`,
			read: entity("source:input-html", sourceRead), back: htmlBack},
		{mutation: "addSource", write: `mutation { addSource(input: ` + input("source:added", sourceFields+`, text: "The added report."`) + `) { id } }`,
			read: entity("source:added", sourceRead),
			back: with(with(base("source:added"), sourceBack), map[string]readBack{"EntityInput.text": {"entity.text", "The added report."}})},
		{mutation: "addSource", write: `mutation { addSource(input: ` + input("source:added-html", sourceFields+html) + `) { id } }`,
			read: entity("source:added-html", sourceRead), back: htmlBack},
		{mutation: "updateEntity", write: `mutation { updateEntity(id: "place:input-place", input: {name: "Renamed", aliases: ["Other name"],
			aliasSources: [{name: "Other name", note: "a test note", citations: [` + fullCite + `]}], description: "Changed."}) { id } }`,
			read: entity("place:input-place", ""),
			back: with(with(aliasBack("EntityPatch", "Other name", "a test note"), citationBack("entity.aliasSources.*.citations")), map[string]readBack{"EntityPatch.name": {"entity.name", "Renamed"},
				"EntityPatch.aliases": {"entity.aliases.*", "Other name"}, "EntityPatch.description": {"entity.description", "Changed."},
				// an alias's citation names its source and claimant by id
				"CitationInput.source":    {"entity.aliasSources.*.citations.*.source", "source:ncri-factions-collaborate"},
				"CitationInput.claimedBy": {"entity.aliasSources.*.citations.*.claimedBy", "person:mansoureh-galestan"}})},
		{mutation: "link", write: `mutation { link(from: "person:lars-rise", type: MEMBER_OF, to: "org:norwegian-parliament",
			properties: {id: "member_of:rise-in-parliament", role: "member", from: "2001", to: "2005-06", attested: "2003-02", endedBy: "2006", confidence: ALLEGED,
				inference: "read from the quote"},
			citations: [` + fullCite + `]) }`,
			read: `{ entity(id: "person:lars-rise") { ... on Person { memberships { id role from to attested endedBy confidence inference ` + citeFields + ` } } } }`,
			back: with(citationBack("entity.memberships.*.citations"), map[string]readBack{
				"LinkInput.id": {"entity.memberships.*.id", "member_of:rise-in-parliament"}, "LinkInput.role": {"entity.memberships.*.role", "member"},
				"LinkInput.from": {"entity.memberships.*.from", "2001"}, "LinkInput.to": {"entity.memberships.*.to", "2005-06"},
				"LinkInput.attested": {"entity.memberships.*.attested", "2003-02"}, "LinkInput.endedBy": {"entity.memberships.*.endedBy", "2006"},
				"LinkInput.confidence": {"entity.memberships.*.confidence", "ALLEGED"},
				"LinkInput.inference":  {"entity.memberships.*.inference", "read from the quote"}})},
		{mutation: "link", write: `mutation { link(from: "verdict:input-verdict", type: AGAINST, to: "person:lars-rise",
			properties: {outcome: "acquitted", sentence: "none"}, citations: [` + fullCite + `]) }`,
			read: `{ entity(id: "verdict:input-verdict") { ... on Verdict { parties { outcome sentence } } } }`,
			back: map[string]readBack{"LinkInput.outcome": {"entity.parties.*.outcome", "acquitted"}, "LinkInput.sentence": {"entity.parties.*.sentence", "none"}}},
		{mutation: "addCitation", write: `mutation { addCitation(id: "person:lars-rise", citation: ` + fullCite + `) }`,
			read: entity("person:lars-rise", ""), back: citationBack("entity.citations")},
		{mutation: "saveQuery", write: `mutation { saveQuery(input: {name: "input-query", title: "Input query", description: "Reads back.",
			document: "query { people { edges { node { name citations { quote } } } } }", tags: ["input-tag"], rows: "people.edges",
			columns: [{name: "Name", path: "node.name", empty: "unnamed"}, {name: "Quotes", path: "node.citations", citations: true}]}) { name } }`,
			read: `{ savedQuery(name: "input-query") { name title description document tags rows columns { name path citations empty } } }`,
			back: map[string]readBack{"SavedQueryInput.name": {"savedQuery.name", "input-query"}, "SavedQueryInput.title": {"savedQuery.title", "Input query"},
				"SavedQueryInput.description": {"savedQuery.description", "Reads back."},
				"SavedQueryInput.document":    {"savedQuery.document", "query { people { edges { node { name citations { quote } } } } }"},
				"SavedQueryInput.tags":        {"savedQuery.tags.*", "input-tag"}, "SavedQueryInput.rows": {"savedQuery.rows", "people.edges"},
				"SavedQueryInput.columns": {"savedQuery.columns.*.name", "Quotes"}, "SavedColumnInput.name": {"savedQuery.columns.*.name", "Name"},
				"SavedColumnInput.path": {"savedQuery.columns.*.path", "node.citations"}, "SavedColumnInput.citations": {"savedQuery.columns.*.citations", true},
				"SavedColumnInput.empty": {"savedQuery.columns.*.empty", "unnamed"}}},
	}
	// addSource refuses what a source does not have, each field naming itself
	for _, f := range []string{`from: "1988"`, `to: "1988"`, `victims: 3`, `date: "1988"`, `country: "NO"`} {
		name, _, _ := strings.Cut(f, ":")
		trips = append(trips, roundTrip{mutation: "addSource", write: `mutation { addSource(input: ` + input("source:refused", sourceFields+", "+f) + `) { id } }`,
			refused: "input." + name + ": " + name + " does not apply to a Source", back: map[string]readBack{"EntityInput." + name: {}}})
	}
	return trips
}

// TestEveryInputFieldIsReadBack writes every field of every mutation input (as the
// schema has them) and reads each back through GraphQL: a new input field without a
// read-back in roundTrips fails here.
func TestEveryInputFieldIsReadBack(t *testing.T) {
	a, editor, _ := editorAPI(t)
	want := mutationInputFields(t)
	covered := map[string]bool{}
	for _, rt := range roundTrips() {
		r := a.as(editor, map[string]any{"query": rt.write})
		if rt.refused != "" {
			if len(r.Errors) == 0 || !strings.Contains(r.Errors[0].Message, rt.refused) || code(r) != "BAD_USER_INPUT" {
				t.Errorf("%s = %s, want BAD_USER_INPUT saying %q", rt.write, r.raw, rt.refused)
			}
		} else if len(r.Errors) > 0 {
			t.Errorf("%s: %s", rt.write, r.raw)
			continue
		}
		var data map[string]any
		if rt.read != "" {
			data = a.ok(rt.read, nil)
		}
		for field, back := range rt.back {
			covered[rt.mutation+" "+field] = true
			if rt.refused != "" {
				continue
			}
			if got := valuesAt(data, back.path); !slices.Contains(got, back.want) {
				t.Errorf("%s %s: wrote %v, read back %v at %s", rt.mutation, field, back.want, got, back.path)
			}
		}
	}
	var missing []string
	for _, f := range want {
		if !covered[f] {
			missing = append(missing, f)
		}
	}
	if len(missing) > 0 {
		t.Errorf("input fields written by no round trip (add one to roundTrips):\n%s", strings.Join(missing, "\n"))
	}
}

// mutationInputFields lists "mutation InputType.field" for every field of every input
// object a mutation takes, nested inputs included, from schema/*.graphqls (as the
// executor parsed them; make check keeps it in step with the files).
func mutationInputFields(t *testing.T) []string {
	sdl := schema.NewExecutableSchema(schema.Config{}).Schema()
	var out []string
	var walk func(mutation string, def *ast.Definition, seen map[string]bool)
	walk = func(mutation string, def *ast.Definition, seen map[string]bool) {
		if def == nil || def.Kind != ast.InputObject || seen[def.Name] {
			return
		}
		seen[def.Name] = true
		for _, f := range def.Fields {
			out = append(out, mutation+" "+def.Name+"."+f.Name)
			walk(mutation, sdl.Types[f.Type.Name()], seen)
		}
	}
	for _, m := range sdl.Mutation.Fields {
		for _, arg := range m.Arguments {
			walk(m.Name, sdl.Types[arg.Type.Name()], map[string]bool{})
		}
	}
	sort.Strings(out)
	if len(out) < 40 {
		t.Fatalf("only %d mutation input fields in the schema: %v", len(out), out)
	}
	return out
}

// valuesAt collects the values at a dot path; "*" steps into every item of a list.
func valuesAt(v any, path string) []any {
	if path == "" {
		return []any{v}
	}
	step, rest, _ := strings.Cut(path, ".")
	var out []any
	switch x := v.(type) {
	case map[string]any:
		out = valuesAt(x[step], rest)
	case []any:
		if step == "*" {
			for _, item := range x {
				out = append(out, valuesAt(item, rest)...)
			}
		} else if i, err := strconv.Atoi(step); err == nil && i < len(x) {
			out = valuesAt(x[i], rest)
		}
	}
	return out
}
