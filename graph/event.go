package graph

// Event is something that happened: a massacre, executions, an attack plot, an arrest,
// a trial, a resolution, a report.
type Event struct {
	Base
	EventKind EventKind
	When      Interval // when it happened; From == To for a single date
	Victims   int      // the number of people killed or executed the sources give; 0 if none
	Facts     Facts    // SanctionFacts, for a SANCTION imported from FtM
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
	e.Facts.store(props, SanctionFacts)
}

func (e *Event) readProperties(props record) {
	e.EventKind = EventKind(str(props.get("kind")))
	e.When = Interval{From: readDate(props.get("from")), To: readDate(props.get("to"))}
	n, _ := props.get("victims").(int64)
	e.Victims = int(n)
	e.Facts = readFacts(props, SanctionFacts)
}

// From is when the event began, as the sources give it.
func (e *Event) From() Date { return e.When.From }

// To is when it ended.
func (e *Event) To() Date { return e.When.To }

// VictimCount is Victims, or nil when the sources give no number.
func (e *Event) VictimCount() *int {
	if e.Victims == 0 {
		return nil
	}
	return &e.Victims
}
