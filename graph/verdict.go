package graph

// Verdict is what a court decided: recorded as the court's decision, ISSUED_BY the court,
// AGAINST each party (with outcome and sentence), CONCERNS the events it judged.
type Verdict struct {
	Base
	Date Date
}

func (*Verdict) Kind() EntityKind   { return KindVerdict }
func (*Verdict) validate(*Problems) {}
func (v *Verdict) properties(props map[string]any) {
	setIf(props, "date", v.Date.String())
	setInterval(props, At(v.Date))
}

func (v *Verdict) readProperties(props record) { v.Date = readDate(props.get("date")) }
