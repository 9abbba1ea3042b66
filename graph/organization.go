package graph

// Organization is a body: a ministry, an embassy, a court, a commission, a security
// force, a UN organ, an opposition group.
type Organization struct {
	Base
	OrgKind OrgKind
	Facts   Facts // OrganizationFacts
}

func (*Organization) Kind() EntityKind { return KindOrganization }

func (o *Organization) validate(p *Problems) {
	if !oneOf(o.OrgKind, OrgKinds) {
		p.Add("kind", "%s", unknownValue("organization kind", string(o.OrgKind), OrgKinds))
	}
}

func (o *Organization) properties(props map[string]any) {
	props["kind"] = string(o.OrgKind)
	o.Facts.store(props, OrganizationFacts)
}

func (o *Organization) readProperties(props record) {
	o.OrgKind = OrgKind(str(props.get("kind")))
	o.Facts = readFacts(props, OrganizationFacts)
}
