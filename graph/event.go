package graph

// Event is something that happened: a massacre, executions, an attack plot, an arrest,
// a trial, a resolution, a report.
type Event struct {
	Base
	EventKind EventKind
	When      Interval // when it happened; From == To for a single date
	Victims   int      // the number of people killed or executed the sources give; 0 if none
}

func (*Event) Kind() EntityKind { return KindEvent }

func (e *Event) validate(p *Problems) {
	if !oneOf(e.EventKind, EventKinds) {
		p.Add("kind", "%s", unknownValue("event kind", string(e.EventKind), EventKinds))
	}
	if err := e.When.Validate(); err != nil {
		p.Add("to", "%s", ErrorMessage(err))
	}
	if e.Victims < 0 {
		p.Add("victims", "victims must not be negative")
	}
}

func (e *Event) properties(props map[string]any) {
	props["kind"] = string(e.EventKind)
	setIf(props, "from", e.When.From.String())
	setIf(props, "to", e.When.To.String())
	setInterval(props, e.When)
	if e.Victims > 0 {
		props["victims"] = e.Victims
	}
}
