package graph

import (
	"errors"
	"maps"
	"slices"
	"strings"

	"github.com/k3a/html2text"
)

// The mutation inputs of schema/mutation.graphqls, bound by gqlgen (autobind: an input
// binds to the type of its name here, each field to the field of its name), so every
// value arrives typed — dates as Date, enums as their types — and reaches the model
// through the methods below, never through a map.
//
// To add a field to an input:
//  1. add it to the input in schema/mutation.graphqls;
//  2. add a field of the same name to the struct here, of the scalar's Go type (Date,
//     Confidence, string, int, []string, ...); an optional field is a plain value whose
//     zero means "not given" (use a pointer only where "not given" and "empty" differ,
//     as in EntityPatch);
//  3. carry it into the model in the struct's method below (and store it: the model's
//     properties and readProperties);
//  4. run `go generate ./schema`, and give it a read-back in server/input_test.go's table:
//     TestEveryInputFieldIsReadBack fails until it has one.

// CitationInput is a citation given with a write.
type CitationInput struct {
	Source     string
	Quote      string
	Locator    string
	ClaimedBy  string
	Confidence Confidence
	Stance     Stance
	Accessed   Date
}

// Citation is the citation the input gives.
func (in CitationInput) Citation() Citation {
	return Citation{Source: in.Source, Quote: in.Quote, Locator: in.Locator, ClaimedBy: in.ClaimedBy,
		Confidence: in.Confidence, Stance: in.Stance, Accessed: in.Accessed}
}

// Citations converts a list of citation inputs.
func Citations(in []*CitationInput) []Citation {
	out := make([]Citation, 0, len(in))
	for _, c := range in {
		if c != nil {
			out = append(out, c.Citation())
		}
	}
	return out
}

// EntityInput is a new entity; its kind comes from its id's prefix, and the fields of
// other kinds are refused.
type EntityInput struct {
	ID           string
	Name         string
	Aliases      []string
	AliasSources []*AliasInput
	Description  string
	Confidence   Confidence
	Citations    []*CitationInput
	Kind         string
	From         Date
	To           Date
	Victims      int
	Date         Date
	Text         string
	HTML         string
	Title        string
	Publisher    string
	Author       string
	URL          string
	Published    Date
	Stake        string
	Country      string
}

// kindFields are the fields of EntityInput that only some kinds take.
var kindFields = map[string][]EntityKind{
	"kind":    {KindOrganization, KindEvent, KindSource},
	"from":    {KindEvent},
	"to":      {KindEvent},
	"victims": {KindEvent},
	"date":    {KindVerdict, KindStatement},
	"text":    {KindStatement, KindSource},
	"html":    {KindSource},
	"title":   {KindSource}, "publisher": {KindSource}, "author": {KindSource}, "url": {KindSource},
	"published": {KindSource}, "stake": {KindSource},
	"country": {KindPlace},
}

// Entity builds the entity the input describes. Problems name the input's fields under
// arg ("input.from").
func (in *EntityInput) Entity(arg string) (Entity, error) {
	kind, ok := kindOfID(in.ID)
	if !ok {
		return nil, argError(arg+".id", "%q must start with person:, org:, position:, event:, verdict:, statement:, source: or place:", in.ID)
	}
	given := map[string]bool{"kind": in.Kind != "", "from": !in.From.IsZero(), "to": !in.To.IsZero(),
		"victims": in.Victims != 0, "date": !in.Date.IsZero(), "text": in.Text != "", "html": in.HTML != "",
		"title": in.Title != "", "publisher": in.Publisher != "", "author": in.Author != "", "url": in.URL != "",
		"published": !in.Published.IsZero(), "stake": in.Stake != "", "country": in.Country != ""}
	var p Problems
	for _, name := range slices.Sorted(maps.Keys(kindFields)) {
		if given[name] && !oneOf(kind, kindFields[name]) {
			p.Add(arg+"."+name, "%s does not apply to %s (it is for %s)", name, withArticle(kind.Label()), labelsOf(kindFields[name]))
		}
	}
	if in.Text != "" && in.HTML != "" {
		p.Add(arg+".html", "give the document as text or as html, not both")
	}
	if err := p.Err(); err != nil {
		return nil, err
	}
	base := Base{ID: in.ID, Name: in.Name, Aliases: in.Aliases, AliasSources: aliasSources(in.AliasSources), Description: in.Description,
		Confidence: in.Confidence, Citations: Citations(in.Citations)}
	switch kind {
	case KindPerson:
		return &Person{Base: base}, nil
	case KindOrganization:
		return &Organization{Base: base, OrgKind: OrgKind(in.Kind)}, nil
	case KindPosition:
		return &Position{Base: base}, nil
	case KindEvent:
		return &Event{Base: base, EventKind: EventKind(in.Kind), When: Interval{From: in.From, To: in.To}, Victims: in.Victims}, nil
	case KindVerdict:
		return &Verdict{Base: base, Date: in.Date}, nil
	case KindStatement:
		return &Statement{Base: base, Text: in.Text, Date: in.Date}, nil
	case KindSource:
		text := in.Text
		if in.HTML != "" {
			text = HTMLText(in.HTML)
		}
		return &Source{Base: base, SourceKind: SourceKind(in.Kind), Title: in.Title, Publisher: in.Publisher,
			Author: in.Author, URL: in.URL, Published: in.Published, Stake: in.Stake, Text: text}, nil
	}
	return &Place{Base: base, Country: in.Country}, nil
}

// HTMLText is the text of an HTML document as a reader sees it: tags dropped, entities
// decoded, scripts and styles left out, white space collapsed.
func HTMLText(html string) string {
	return normalizeSpace(html2text.HTML2TextWithOptions(html, html2text.WithUnixLineBreaks()))
}

// EntityPatch changes an entity's own fields; a field not given (nil) stays.
type EntityPatch struct {
	Name         *string
	Aliases      []string // nil: not given; empty: no aliases
	AliasSources []*AliasInput
	Description  *string
}

// AliasInput says where an alias given with a write comes from.
type AliasInput struct {
	Name      string
	Note      string
	Citations []*CitationInput
}

func aliasSources(in []*AliasInput) []Alias {
	out := make([]Alias, 0, len(in))
	for _, a := range in {
		if a != nil {
			out = append(out, Alias{Name: a.Name, Note: a.Note, Citations: Citations(a.Citations)})
		}
	}
	return out
}

// Apply changes e as the patch says.
func (in *EntityPatch) Apply(e Entity) {
	b := e.Common()
	if in.Name != nil {
		b.Name = *in.Name
	}
	if in.Aliases != nil {
		b.Aliases = in.Aliases
		b.AliasSources = aliasSources(in.AliasSources)
	} else if in.AliasSources != nil {
		b.AliasSources = aliasSources(in.AliasSources)
	}
	if in.Description != nil {
		b.Description = *in.Description
	}
}

// LinkInput is a relationship's properties.
type LinkInput struct {
	ID         string
	Role       string
	Outcome    string
	Sentence   string
	From       Date
	To         Date
	Attested   Date
	EndedBy    Date
	Confidence Confidence
	Inference  string
}

// Link builds the relationship from -t-> to with these properties (in may be nil).
func (in *LinkInput) Link(from string, t RelType, to string, cites []*CitationInput) *Link {
	if in == nil {
		in = &LinkInput{}
	}
	return &Link{ID: in.ID, Type: t, From: from, To: to, Role: in.Role, Outcome: in.Outcome, Sentence: in.Sentence,
		When: Interval{From: in.From, To: in.To}, Attested: in.Attested, EndedBy: in.EndedBy,
		Confidence: in.Confidence, Inference: in.Inference, Citations: Citations(cites)}
}

// argError is an EINVALID error about one argument of a mutation.
func argError(arg, format string, args ...any) error {
	var p Problems
	p.Add(arg, format, args...)
	return p.Err()
}

// RenameFields renames the fields of err's problems (a validation error of a write) with
// rename, so that they name a mutation's arguments: "link.to" becomes "properties.to".
func RenameFields(err error, rename func(field string) string) error {
	var invalid *ValidationError
	if !errors.As(err, &invalid) {
		return err
	}
	var p Problems
	for _, pr := range invalid.Problems {
		q := p.At(Origin{File: pr.File, Lines: map[string]int{"": pr.Line}})
		q.Add(rename(pr.Field), "%s", pr.Message)
	}
	return p.Err()
}

// firstWords is the start of a quote, for messages: its first six words.
func firstWords(s string) string {
	w := strings.Fields(s)
	if len(w) <= 6 {
		return strings.Join(w, " ")
	}
	return strings.Join(w[:6], " ") + "…"
}
