package graph

import (
	"strings"
	"unicode"

	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"
)

// FoldName is a stand-in for s13-search's graph/fold.go, with the same name and job:
// compatibility-decomposed, marks (accents, hamza, harakat) removed, lower case, Arabic
// yeh and kaf as the Persian letters, zero-width non-joiners and tatweel dropped. It
// goes when that branch is merged.
func FoldName(s string) string {
	t := transform.Chain(norm.NFKD, runes.Remove(runes.In(unicode.Mn)), runes.Map(func(r rune) rune {
		switch r {
		case 'ي', 'ى':
			return 'ی'
		case 'ك':
			return 'ک'
		case '\u200c', '\u0640':
			return -1
		}
		return r
	}), norm.NFC)
	out, _, err := transform.String(t, strings.ToLower(s))
	if err != nil {
		return strings.ToLower(s)
	}
	return out
}
