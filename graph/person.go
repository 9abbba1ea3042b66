package graph

// Person is a human being: an official, a diplomat, a witness, an author.
type Person struct {
	Base
}

func (*Person) Kind() EntityKind              { return KindPerson }
func (*Person) validate(*Problems)            {}
func (*Person) properties(map[string]any)     {}
func (*Person) readProperties(map[string]any) {}
