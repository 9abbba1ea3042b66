package graph

// Thing is an entity imported from FollowTheMoney that accgraph has no kind of its own
// for: a vessel, an aircraft, a bank account, a passport, a document... Schema names its
// FtM schema; its properties are kept in the FtM JSON it came as.
type Thing struct {
	Base
	Schema string
}

func (*Thing) Kind() EntityKind { return KindThing }

func (t *Thing) validate(p *Problems) {
	if t.Schema == "" {
		p.Add("schema", "missing schema: say what sort of thing this is")
	}
}

func (t *Thing) properties(props map[string]any)     { setIf(props, "schema", t.Schema) }
func (t *Thing) readProperties(props map[string]any) { t.Schema = str(props["schema"]) }
