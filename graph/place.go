package graph

// Place is a country, a city or a site.
type Place struct {
	Base
	Country string // ISO 3166-1 alpha-2 code, when the place is in one country
}

func (*Place) Kind() EntityKind                   { return KindPlace }
func (*Place) validate(*Problems)                 {}
func (pl *Place) properties(props map[string]any) { setIf(props, "country", pl.Country) }
func (pl *Place) readProperties(props record)     { pl.Country = str(props.get("country")) }
