package graph

// Position is a post that people hold, in an organization: "Minister of Foreign Affairs".
type Position struct {
	Base
}

func (*Position) Kind() EntityKind          { return KindPosition }
func (*Position) validate(*Problems)        {}
func (*Position) properties(map[string]any) {}
func (*Position) readProperties(record)     {}
