package graph

import "testing"

func TestFoldName(t *testing.T) {
	for in, want := range map[string]string{
		"Ebrahim Raïsi":                          "ebrahim raisi",
		"  MINISTRY of Foreign-Affairs, (Iran) ": "ministry of foreign affairs iran",
		"People’s Mojahedin":                     "peoples mojahedin",
		"People's Mojahedin":                     "peoples mojahedin",
		"Łódź Straße":                            "lodz strasse",
		"Ясин":                                   "iasin",
		"1988 massacre":                          "1988 massacre",
		"ابراهيم رئيسي":                          "ابراهیم رییسی", // Arabic yeh → Persian yeh, hamza dropped
		"كاظم":                                   "کاظم",          // Arabic kaf → keheh
		"أحمد إمامي":                             "احمد امامی",    // alef with hamza → alef
		"مُحَمَّد":                               "محمد",          // short vowels dropped
		"می\u200cخواهم":                          "می خواهم",      // ZWNJ breaks the word
		"شـيـراز":                                "شیراز",         // tatweel dropped
		"":                                       "",
		"!!! ???":                                "",
	} {
		if got := FoldName(in); got != want {
			t.Errorf("FoldName(%q) = %q, want %q", in, got, want)
		}
	}
	if FoldName("ابراهیم رئیسی") != FoldName("ابراهيم رئيسي") {
		t.Error("Persian and Arabic spellings of one name fold differently")
	}
}
