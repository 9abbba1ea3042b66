package seed

import (
	"errors"
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/accgraph/accgraph/graph"
)

// files maps each seed file to the kind of entity it lists. Every other .yaml file in
// a seed directory is an error, so that a misnamed file is not silently skipped.
var files = map[string]graph.EntityKind{
	"sources.yaml":       graph.KindSource,
	"people.yaml":        graph.KindPerson,
	"organizations.yaml": graph.KindOrganization,
	"positions.yaml":     graph.KindPosition,
	"events.yaml":        graph.KindEvent,
	"verdicts.yaml":      graph.KindVerdict,
	"statements.yaml":    graph.KindStatement,
	"places.yaml":        graph.KindPlace,
}

// record is one entry of a seed file. Which of its fields apply depends on the file's
// kind (fieldsOf); the others are refused.
type record struct {
	ID          string         `yaml:"id"`
	Name        string         `yaml:"name"`
	Aliases     []aliasYAML    `yaml:"aliases"`
	Description string         `yaml:"description"`
	Kind        string         `yaml:"kind"`
	Confidence  string         `yaml:"confidence"`
	Retraction  string         `yaml:"retraction"`
	Citations   []citationYAML `yaml:"citations"`
	Links       []linkYAML     `yaml:"links"`

	From    string `yaml:"from"`    // events
	To      string `yaml:"to"`      // events
	Date    string `yaml:"date"`    // verdicts, statements
	Victims int    `yaml:"victims"` // events
	Text    string `yaml:"text"`    // statements
	Country string `yaml:"country"` // places

	Title     string `yaml:"title"` // sources
	Publisher string `yaml:"publisher"`
	Author    string `yaml:"author"`
	URL       string `yaml:"url"`
	Published string `yaml:"published"`
	Stake     string `yaml:"stake"`
	File      string `yaml:"file"`
}

// aliasYAML is an alias with where it comes from: {name: Raeesi, note: "transliteration"}
// or {name: …, citations: [...]}. A bare name is read too, and refused by validation.
type aliasYAML struct {
	Name      string         `yaml:"name"`
	Note      string         `yaml:"note"`
	Citations []citationYAML `yaml:"citations"`
}

func (a *aliasYAML) UnmarshalYAML(n *yaml.Node) error {
	if n.Kind == yaml.ScalarNode {
		a.Name = n.Value
		return nil
	}
	type plain aliasYAML
	return n.Decode((*plain)(a))
}

type citationYAML struct {
	Source     string `yaml:"source"`
	Quote      string `yaml:"quote"`
	Locator    string `yaml:"locator"`
	ClaimedBy  string `yaml:"claimedBy"`
	Confidence string `yaml:"confidence"`
	Stance     string `yaml:"stance"`
	Accessed   string `yaml:"accessed"`
}

type linkYAML struct {
	ID         string         `yaml:"id"`
	Type       string         `yaml:"type"`
	Target     string         `yaml:"target"`
	Role       string         `yaml:"role"`
	Outcome    string         `yaml:"outcome"`
	Sentence   string         `yaml:"sentence"`
	From       string         `yaml:"from"`
	To         string         `yaml:"to"`
	Attested   string         `yaml:"attested"`
	EndedBy    string         `yaml:"endedBy"`
	Confidence string         `yaml:"confidence"`
	Retraction string         `yaml:"retraction"`
	Inference  string         `yaml:"inference"`
	Citations  []citationYAML `yaml:"citations"`
}

var (
	commonFields   = []string{"id", "name", "aliases", "description", "confidence", "retraction", "citations", "links"}
	aliasFields    = []string{"name", "note", "citations"}
	citationFields = []string{"source", "quote", "locator", "claimedBy", "confidence", "stance", "accessed"}
	linkFields     = []string{"id", "type", "target", "role", "outcome", "sentence", "from", "to", "attested", "endedBy", "confidence", "retraction", "inference", "citations"}
)

// fieldsOf lists the fields an entry of kind k may have.
func fieldsOf(k graph.EntityKind) []string {
	extra := map[graph.EntityKind][]string{
		graph.KindOrganization: {"kind"},
		graph.KindEvent:        {"kind", "from", "to", "victims"},
		graph.KindVerdict:      {"date"},
		graph.KindStatement:    {"text", "date"},
		graph.KindSource:       {"kind", "title", "publisher", "author", "url", "published", "stake", "file"},
		graph.KindPlace:        {"country"},
	}[k]
	return append(slices.Clone(commonFields), extra...)
}

var yamlLine = regexp.MustCompile(`line (\d+): `)

// parseFile reads the entries of one seed file. It reports YAML syntax errors, unknown
// fields and wrongly typed values as problems with their lines, and returns the entries
// it could read, each with the lines of its fields.
func parseFile(name string, data []byte, kind graph.EntityKind, p *graph.Problems) ([]record, []graph.Origin) {
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		line := 0
		msg := strings.TrimPrefix(err.Error(), "yaml: ")
		if m := yamlLine.FindStringSubmatch(msg); m != nil {
			line, _ = strconv.Atoi(m[1])
			msg = strings.Replace(msg, m[0], "", 1)
		}
		p.At(graph.Origin{File: name, Lines: map[string]int{"": line}}).Add("", "invalid YAML: %s", msg)
		return nil, nil
	}
	if len(doc.Content) == 0 {
		return nil, nil // an empty file lists nothing
	}
	root := doc.Content[0]
	if root.Kind != yaml.SequenceNode {
		p.At(graph.Origin{File: name, Lines: map[string]int{"": root.Line}}).Add("", "want a list of entries (- id: ...)")
		return nil, nil
	}
	var recs []record
	var origins []graph.Origin
	for _, entry := range root.Content {
		origin := graph.Origin{File: name, Lines: map[string]int{"": entry.Line}}
		ep := p.At(origin)
		if entry.Kind != yaml.MappingNode {
			ep.Add("", "want an entry with fields (id: ..., name: ...)")
			continue
		}
		checkFields(entry, "", fieldsOf(kind), kind, origin.Lines, ep)
		var r record
		if err := entry.Decode(&r); err != nil {
			addDecodeError(err, origin, ep)
			continue
		}
		recs = append(recs, r)
		origins = append(origins, origin)
	}
	return recs, origins
}

// checkFields walks an entry, records the line of every field path and refuses fields
// the entry's kind does not have.
func checkFields(n *yaml.Node, path string, allowed []string, kind graph.EntityKind, lines map[string]int, p *graph.Problems) {
	for i := 0; i+1 < len(n.Content); i += 2 {
		key, val := n.Content[i], n.Content[i+1]
		f := key.Value
		if path != "" {
			f = path + "." + key.Value
		}
		lines[f] = key.Line
		if !slices.Contains(allowed, key.Value) {
			what := "a " + kind.Label()
			if path != "" { // "links[0]" → "a link", "links[0].citations[1]" → "a citation"
				what = "a " + strings.TrimSuffix(strings.TrimRight(path[strings.LastIndexAny(path, ".")+1:], "[]0123456789"), "s")
				if strings.HasSuffix(strings.TrimRight(path, "[]0123456789"), "aliases") {
					what = "an alias"
				}
			}
			p.Add(f, "unknown field %q for %s (allowed: %s)", key.Value, what, strings.Join(allowed, ", "))
			continue
		}
		nested := map[string][]string{"citations": citationFields, "links": linkFields, "aliases": aliasFields}[key.Value]
		if nested == nil || val.Kind != yaml.SequenceNode {
			continue
		}
		for j, item := range val.Content {
			ip := fmt.Sprintf("%s[%d]", f, j)
			lines[ip] = item.Line
			if item.Kind == yaml.MappingNode {
				checkFields(item, ip, nested, kind, lines, p)
			}
		}
	}
}

// addDecodeError turns yaml's "line N: cannot unmarshal ..." errors into problems.
func addDecodeError(err error, origin graph.Origin, p *graph.Problems) {
	var te *yaml.TypeError
	msgs := []string{err.Error()}
	if errors.As(err, &te) {
		msgs = te.Errors
	}
	for _, msg := range msgs {
		line := origin.Lines[""]
		if m := yamlLine.FindStringSubmatch(msg); m != nil {
			line, _ = strconv.Atoi(m[1])
			msg = strings.Replace(msg, m[0], "", 1)
		}
		p.At(graph.Origin{File: origin.File, Lines: map[string]int{"": line}}).Add("", "%s", strings.TrimPrefix(msg, "yaml: "))
	}
}
