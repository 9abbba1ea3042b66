package graph

// Person is a human being: an official, a diplomat, a witness, an author.
type Person struct {
	Base
	Facts Facts // PersonFacts
}

func (*Person) Kind() EntityKind                  { return KindPerson }
func (*Person) validate(*Problems)                {}
func (p *Person) properties(props map[string]any) { p.Facts.store(props, PersonFacts) }
func (p *Person) readProperties(props record)     { p.Facts = readFacts(props, PersonFacts) }
