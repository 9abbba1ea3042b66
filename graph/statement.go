package graph

// Statement is something someone said, verbatim: STATED by its speaker, ABOUT what it
// concerns. Its name is a short summary; Text is the quote.
type Statement struct {
	Base
	Text string
	Date Date
}

func (*Statement) Kind() EntityKind { return KindStatement }

func (s *Statement) validate(p *Problems) {
	if s.Text == "" {
		p.Add("text", "missing text: a statement is a verbatim quote")
	}
}

func (s *Statement) properties(props map[string]any) {
	props["text"] = s.Text
	setIf(props, "date", s.Date.String())
	setInterval(props, At(s.Date))
}

func (s *Statement) readProperties(props record) {
	s.Text = str(props.get("text"))
	s.Date = readDate(props.get("date"))
}
