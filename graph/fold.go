package graph

import (
	"strings"
	"unicode"

	"github.com/gosimple/unidecode"
	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"
)

// FoldName reduces a name to the form in which names are compared, so that two spellings a
// reader would call the same name fold alike:
//   - lower case, accents and other marks removed (Unicode NFKD, then the marks dropped:
//     "Raïsi" → "raisi"; Arabic short vowels and hamza/madda on alef go the same way);
//   - apostrophes dropped, both ' and ’ ("People’s" → "peoples"); every other character that
//     is not a letter or a digit separates words, and words are joined by one space
//     ("Mojahedin-e  Khalq" → "mojahedin e khalq");
//   - letters of scripts other than Arabic transliterated to ASCII by unidecode ("Łódź" →
//     "lodz", "Ясин" → "iasin");
//   - Arabic script kept, with the letters Arabic and Persian spell differently made one, as
//     Lucene's Persian analyzer does (Arabic yeh and alef maksura → Persian yeh, Arabic kaf →
//     keheh, teh marbuta and heh with yeh → heh, alef wasla → alef, tatweel dropped), and the
//     zero-width non-joiner a word break, as that analyzer tokenizes.
//
// Search ranks its hits with it and reconciliation compares names with it.
func FoldName(s string) string {
	s, _, err := transform.String(transform.Chain(norm.NFKD, runes.Remove(runes.In(unicode.Mn)), norm.NFC), s)
	if err != nil {
		return ""
	}
	s = arabicVariants.Replace(s)
	var b strings.Builder
	space := false
	for _, r := range s {
		switch {
		case apostrophe(r):
			continue
		case unicode.In(r, unicode.Arabic) && unicode.IsLetter(r):
			// kept as it is
		case r < unicode.MaxASCII && (unicode.IsLetter(r) || unicode.IsDigit(r)):
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			t := strings.ToLower(unidecode.Unidecode(string(r)))
			if t == "" || strings.IndexFunc(t, func(c rune) bool { return !unicode.IsLetter(c) && !unicode.IsDigit(c) }) >= 0 {
				space = true // a letter unidecode cannot spell as letters breaks the word
				continue
			}
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			space = false
			b.WriteString(t)
			continue
		default:
			space = true
			continue
		}
		if space && b.Len() > 0 {
			b.WriteByte(' ')
		}
		space = false
		b.WriteRune(unicode.ToLower(r))
	}
	return b.String()
}

// FoldWords is FoldName split into its words.
func FoldWords(s string) []string { return strings.Fields(FoldName(s)) }

// arabicVariants are the letter variants Lucene's PersianNormalizer and ArabicNormalizer
// make one (the marks they also remove are gone by NFKD already); no Go library offers them.
var arabicVariants = strings.NewReplacer(
	"\u064A", "\u06CC", // Arabic yeh → Farsi yeh
	"\u0649", "\u06CC", // alef maksura → Farsi yeh
	"\u06D2", "\u06CC", // yeh barree → Farsi yeh
	"\u0643", "\u06A9", // Arabic kaf → keheh
	"\u0629", "\u0647", // teh marbuta → heh
	"\u06C0", "\u0647", // heh with yeh above → heh
	"\u06C1", "\u0647", // heh goal → heh
	"\u0671", "\u0627", // alef wasla → alef
	"\u0640", "", // tatweel
	"\u200C", " ", // zero-width non-joiner: a word break, as the Persian analyzer tokenizes
)

// apostrophe reports the characters that join a word rather than split it: ' ’ ‘ ʼ ʻ ` ´.
func apostrophe(r rune) bool {
	switch r {
	case '\'', '\u2019', '\u2018', '\u02BC', '\u02BB', '`', '\u00B4':
		return true
	}
	return false
}
