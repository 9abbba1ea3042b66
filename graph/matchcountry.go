package graph

import (
	"strings"
	"sync"

	"golang.org/x/text/language"
	"golang.org/x/text/language/display"
)

// CountryCode turns what a spreadsheet or an FtM entity says of a country — an ISO 3166-1
// alpha-2 or alpha-3 code in any case, or its English name ("Iran", "Belgium") — into the
// lower-case alpha-2 code; "" when it is none of those. Codes and names come from
// golang.org/x/text (CLDR).
func CountryCode(s string) string {
	s = strings.TrimSpace(s)
	if n := len(s); n == 2 || n == 3 {
		if r, err := language.ParseRegion(s); err == nil && r.IsCountry() {
			return strings.ToLower(r.String())
		}
	}
	return countryNames()[FoldName(s)]
}

// countryNames maps the folded English name of every country to its code.
var countryNames = sync.OnceValue(func() map[string]string {
	names := display.English.Regions()
	out := map[string]string{}
	for a := 'A'; a <= 'Z'; a++ {
		for b := 'A'; b <= 'Z'; b++ {
			r, err := language.ParseRegion(string([]rune{a, b}))
			if err != nil || !r.IsCountry() || r.String() != string([]rune{a, b}) {
				continue
			}
			if name := names.Name(r); name != "" {
				out[FoldName(name)] = strings.ToLower(r.String())
			}
		}
	}
	return out
})
