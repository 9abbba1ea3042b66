package graph

import (
	"bytes"
	"encoding/json"
	"strings"
)

// Alias says where one of an entity's other names comes from: a citation of a source that
// uses it, or an editorial note saying what it is ("standard Persian spelling",
// "transliteration"; whose usage a politically loaded name is). An alias with neither is
// refused.
type Alias struct {
	Name      string
	Note      string
	Citations []Citation
}

// NotedAliases gives each of names the same note: an importer's record of where it read
// them.
func NotedAliases(names []string, note string) []Alias {
	out := make([]Alias, len(names))
	for i, n := range names {
		out[i] = Alias{Name: n, Note: note}
	}
	return out
}

// validateAliases checks that every alias has a provenance, and every provenance an alias.
func validateAliases(b *Base, p *Problems) {
	byName := map[string]*Alias{}
	for i := range b.AliasSources {
		a := &b.AliasSources[i]
		f := field("aliases", i)
		if !containsString(b.Aliases, a.Name) {
			p.Add(f+".name", "provenance for %q, which is not among the aliases", a.Name)
		}
		byName[a.Name] = a
		for j := range a.Citations {
			a.Citations[j].Validate(f+"."+field("citations", j), p)
		}
	}
	for i, name := range b.Aliases {
		if a := byName[name]; strings.TrimSpace(name) != "" && (a == nil || strings.TrimSpace(a.Note) == "" && len(a.Citations) == 0) {
			p.Add(field("aliases", i), "alias %q says nowhere where it comes from: give it a citation, or a note saying what it is (\"standard Persian spelling\")", name)
		}
	}
}

func containsString(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// aliasCitation is how an alias's citation is stored: one JSON string per citation, in
// the node's aliasCitations list, so that a merge can append them in Cypher.
type aliasCitation struct {
	Alias      string     `json:"alias"`
	Source     string     `json:"source"`
	Quote      string     `json:"quote"`
	Locator    string     `json:"locator,omitempty"`
	ClaimedBy  string     `json:"claimedBy"`
	Confidence Confidence `json:"confidence"`
	Stance     Stance     `json:"stance,omitempty"`
	Accessed   string     `json:"accessed,omitempty"`
}

// aliasProperties stores the provenance beside the aliases: aliasNotes in step with
// aliases ("" for a cited one), aliasCitations as JSON strings.
func aliasProperties(b *Base, props map[string]any) {
	notes := make([]string, len(b.Aliases))
	var cites []string
	for i, name := range b.Aliases {
		for _, a := range b.AliasSources {
			if a.Name != name {
				continue
			}
			notes[i] = strings.TrimSpace(a.Note)
			for _, c := range a.Citations {
				cites = append(cites, marshalAlias(aliasCitation{Alias: name, Source: c.Source, Quote: c.Quote, Locator: c.Locator,
					ClaimedBy: c.ClaimedBy, Confidence: c.Confidence, Stance: c.Stance, Accessed: c.Accessed.String()}))
			}
		}
	}
	props["aliasNotes"] = notes
	if len(cites) > 0 {
		props["aliasCitations"] = cites
	}
}

// readAliases is the reverse of aliasProperties.
func readAliases(props record) []Alias {
	names, notes := strs(props.get("aliases")), strs(props.get("aliasNotes"))
	out := make([]Alias, len(names))
	index := map[string]int{}
	for i, n := range names {
		out[i].Name = n
		if i < len(notes) {
			out[i].Note = notes[i]
		}
		index[n] = i
	}
	for _, raw := range strs(props.get("aliasCitations")) {
		var c aliasCitation
		if json.Unmarshal([]byte(raw), &c) != nil {
			continue
		}
		if i, ok := index[c.Alias]; ok {
			out[i].Citations = append(out[i].Citations, Citation{Source: c.Source, Quote: c.Quote, Locator: c.Locator,
				ClaimedBy: c.ClaimedBy, Confidence: c.Confidence, Stance: stanceOf(string(c.Stance)), Accessed: readDate(c.Accessed)})
		}
	}
	return out
}

// marshalAlias writes a stored alias citation: JSON without HTML escapes, so that its
// start, {"alias":"<name>", escapes only quotes and backslashes (merge.go builds it in Cypher).
func marshalAlias(c aliasCitation) string {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	_ = enc.Encode(c)
	return strings.TrimSuffix(buf.String(), "\n")
}

// aliasCitationPrefixes are how the stored citations of names begin, to find them in Cypher.
func aliasCitationPrefixes(names []string) []string {
	out := make([]string, len(names))
	for i, n := range names {
		raw := marshalAlias(aliasCitation{Alias: n})
		out[i] = raw[:strings.Index(raw, `,"source":`)+1]
	}
	return out
}
