package seed

import (
	"slices"

	"github.com/accgraph/accgraph/graph"
)

// ftmNumbers are a Thing's own identifiers, each once: the values of its schema's
// properties of FtM type identifier (a passport's number and passportNumber, a vessel's
// imoNumber, mmsi and callSign, a bank account's iban).
func ftmNumbers(e FtMEntity) []string {
	var out []string
	for _, p := range ftmModel.propsOfType(e.Schema, "identifier") {
		for _, v := range e.Properties[p] {
			if !slices.Contains(out, v) {
				out = append(out, v)
			}
		}
	}
	return out
}

// ftmHolders are the accgraph ids the holders of an Identification (or Passport) have
// as a person and as an organization (FtM's holder is a LegalEntity): known or not yet,
// so that a holder imported after its passport is found by its number all the same.
func ftmHolders(e FtMEntity) []string {
	if !ftmModel.isA(e.Schema, "Identification") {
		return nil
	}
	var out []string
	for _, h := range e.Properties["holder"] {
		out = append(out, ftmID(graph.KindPerson.IDPrefix(), h), ftmID(graph.KindOrganization.IDPrefix(), h))
	}
	return out
}
