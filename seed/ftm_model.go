package seed

import (
	_ "embed"
	"encoding/json"
	"fmt"
	"slices"
)

// ftm_model.json is the FollowTheMoney model as the reference implementation defines it
// (`python3 seed/ftmtool/ftm.py model`; TestFtMModelIsTheLibrarys checks that it
// still is): every schema, what it extends, its edge and its own properties.
//
//go:embed ftm_model.json
var ftmModelJSON []byte

type ftmSchemaDef struct {
	Extends    []string                  `json:"extends"`
	Abstract   bool                      `json:"abstract"`
	Edge       []string                  `json:"edge"`    // source and target properties
	Caption    []string                  `json:"caption"` // the properties that name it, in order
	Properties map[string]ftmPropertyDef `json:"properties"`
}

type ftmPropertyDef struct {
	Type  string `json:"type"`
	Range string `json:"range"` // the schema an entity-valued property points at
}

type ftmModelDef struct {
	Schemata map[string]*ftmSchemaDef
}

var ftmModel = func() ftmModelDef {
	m := ftmModelDef{}
	if err := json.Unmarshal(ftmModelJSON, &m.Schemata); err != nil {
		panic("seed/ftm_model.json: " + err.Error())
	}
	return m
}()

// property finds a property of schema, its own or inherited, and the schema defining it.
func (m ftmModelDef) property(schema, name string) *ftmPropertyDef {
	s := m.Schemata[schema]
	if s == nil {
		return nil
	}
	if p, ok := s.Properties[name]; ok {
		return &p
	}
	for _, parent := range s.Extends {
		if p := m.property(parent, name); p != nil {
			return p
		}
	}
	return nil
}

// isA reports whether schema is other or descends from it.
func (m ftmModelDef) isA(schema, other string) bool {
	if schema == other {
		return true
	}
	s := m.Schemata[schema]
	if s == nil {
		return false
	}
	return slices.ContainsFunc(s.Extends, func(parent string) bool { return m.isA(parent, other) })
}

// commonSchema is the more specific of two schemata, as FtM merges fragments.
func (m ftmModelDef) commonSchema(a, b string) (string, error) {
	switch {
	case m.isA(a, b):
		return a, nil
	case m.isA(b, a):
		return b, nil
	}
	return "", fmt.Errorf("no common schema: %s and %s", a, b)
}

// edge is the source and target property of an edge schema (Ownership: owner, asset).
func (m ftmModelDef) edge(schema string) (source, target string, ok bool) {
	s := m.Schemata[schema]
	if s == nil {
		return "", "", false
	}
	if len(s.Edge) == 2 {
		return s.Edge[0], s.Edge[1], true
	}
	for _, parent := range s.Extends {
		if src, tgt, ok := m.edge(parent); ok {
			return src, tgt, true
		}
	}
	return "", "", false
}

// captionProps are the properties an entity of schema takes its name from.
func (m ftmModelDef) captionProps(schema string) []string {
	if s := m.Schemata[schema]; s != nil {
		return s.Caption
	}
	return nil
}

// entityProps are the entity-valued properties of schema, in order.
func (m ftmModelDef) entityProps(schema string) []string { return m.propsOfType(schema, "entity") }

// propsOfType are the properties of schema, its own and inherited, of an FtM type, in order.
func (m ftmModelDef) propsOfType(schema, typ string) []string {
	var out []string
	var walk func(string)
	seen := map[string]bool{}
	walk = func(name string) {
		s := m.Schemata[name]
		if s == nil || seen[name] {
			return
		}
		seen[name] = true
		for prop, def := range s.Properties {
			if def.Type == typ && !slices.Contains(out, prop) {
				out = append(out, prop)
			}
		}
		for _, parent := range s.Extends {
			walk(parent)
		}
	}
	walk(schema)
	slices.Sort(out)
	return out
}
