package graph

// Thing is an entity imported from FollowTheMoney that accgraph has no kind of its own
// for: a vessel, an aircraft, a bank account, a passport, a document... Schema names its
// FtM schema; its properties are kept in the FtM JSON it came as. Numbers are its own
// identifiers as the source wrote them (a passport's number, a vessel's IMO number):
// search finds it by them (kept as identifier makes them in identifiers). Holders are
// the ids of the people or organizations it identifies (a passport's holder), whether
// or not they are in the graph yet: search finds them by its numbers.
type Thing struct {
	Base
	Schema  string
	Numbers []string
	Holders []string
}

func (*Thing) Kind() EntityKind { return KindThing }

func (t *Thing) validate(p *Problems) {
	if t.Schema == "" {
		p.Add("schema", "missing schema: say what sort of thing this is")
	}
}

func (t *Thing) properties(props map[string]any) {
	setIf(props, "schema", t.Schema)
	if len(t.Numbers) > 0 {
		props["numbers"] = t.Numbers
		storeIdentifiers(props, t.Numbers)
	}
	if len(t.Holders) > 0 {
		props["holders"] = t.Holders
	}
}

func (t *Thing) readProperties(props record) {
	t.Schema = str(props.get("schema"))
	t.Numbers, t.Holders = nilIfEmpty(strs(props.get("numbers"))), nilIfEmpty(strs(props.get("holders")))
}

func nilIfEmpty(s []string) []string {
	if len(s) == 0 {
		return nil
	}
	return s
}
