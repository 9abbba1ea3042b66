package server

import (
	"os"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"

	"github.com/accgraph/accgraph/schema"
)

// TestDirectBindingsCoverTheSchema: every field of every type the direct writer answers
// has an accessor, so no operation is left to the executor for want of one, and the
// fieldName overrides are schema/gqlgen.yml's, no more and no fewer.
func TestDirectBindingsCoverTheSchema(t *testing.T) {
	s := schema.NewExecutableSchema(schema.Config{}).Schema()
	b := bind(s)
	for name := range directTypes {
		def := s.Types[name]
		if def == nil {
			t.Errorf("directTypes names %s, which the schema does not have", name)
			continue
		}
		for _, f := range def.Fields {
			if _, ok := b[name+"."+f.Name]; !ok && !strings.HasPrefix(f.Name, "__") {
				t.Errorf("%s.%s binds to nothing in %s", name, f.Name, directTypes[name])
			}
		}
	}
	raw, err := os.ReadFile("../schema/gqlgen.yml")
	if err != nil {
		t.Fatal(err)
	}
	var cfg struct {
		Models map[string]struct {
			Fields map[string]struct {
				FieldName string `yaml:"fieldName"`
			}
		}
	}
	if err := yaml.Unmarshal(raw, &cfg); err != nil {
		t.Fatal(err)
	}
	want := map[string]string{}
	for typ, m := range cfg.Models {
		for field, f := range m.Fields {
			if _, answered := directTypes[typ]; answered && f.FieldName != "" {
				want[typ+"."+field] = f.FieldName
			}
		}
	}
	for k, v := range want {
		if fieldNames[k] != v {
			t.Errorf("gqlgen.yml binds %s to %s, fieldNames to %q", k, v, fieldNames[k])
		}
	}
	for k := range fieldNames {
		if _, ok := want[k]; !ok {
			t.Errorf("fieldNames has %s, which gqlgen.yml does not override", k)
		}
	}
}
