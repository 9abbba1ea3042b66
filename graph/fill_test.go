package graph

import "testing"

// TestFill: every {{name}} with a slot is replaced wherever it stands, one without stays
// as written, and a map literal may open on a slot.
func TestFill(t *testing.T) {
	for _, c := range []struct {
		text string
		s    slots
		want string
	}{
		{"MATCH ({{n}}:{{label}}) RETURN {{n}}", slots{"n": "n1", "label": "Person"}, "MATCH (n1:Person) RETURN n1"},
		{"RETURN {{{k}}: 1, b: {{v}}}", slots{"k": "a", "v": 2}, "RETURN {a: 1, b: 2}"},
		{"{{missing}} and {{x}}", slots{"x": "y"}, "{{missing}} and y"},
		{"{{x}", slots{"x": "y"}, "{{x}"},
		{"{{x}}{{x}}", slots{"x": "ab"}, "abab"},
		{"no slots", nil, "no slots"},
		{"{{n}}", slots{"n": 50}, "50"},
	} {
		if got := fill(c.text, c.s); got != c.want {
			t.Errorf("fill(%q) = %q, want %q", c.text, got, c.want)
		}
	}
}
