package graph

import "testing"

// TestMatchName checks the tiers a name falls in for the query words, as search ranks.
func TestMatchName(t *testing.T) {
	for _, c := range []struct {
		query, name string
		tier        int // 0: no match
	}{
		{"Ministry of Foreign Affairs of Iran", "Ministry of Foreign Affairs of Iran", tierExact},
		{"the Iranian regime", "Iranian regime", tierExact}, // stop words aside
		{"People's Mojahedin", "People’s Mojahedin", tierExact},
		{"Ministry of Foreign Affairs", "Ministry of Foreign Affairs of Iran", tierWords},
		{"Ministry of Foreign Affairs", "Minister of Foreign Affairs of Iran", tierFuzzy}, // ministry ~ minister
		{"Ministry of Inteligence", "Ministry of Intelligence of Iran", tierFuzzy},
		{"Borr", "Josep Borrell", tierFuzzy},                            // a prefix
		{"Ministry of Agriculture", "Ministry of Justice of Iran", 0},   // every word counts
		{"Executions in Iran in 2020", "Executions in Iran in 2021", 0}, // numbers only exactly
		{"UN", "UNAMI", 0}, // no prefix of two letters
		{"ابراهيم رئيسي", "ابراهیم رئیسی", tierExact}, // Arabic yeh, Persian yeh
	} {
		q := parseSearch(c.query)
		r, ok := matchName(q.words, c.name)
		switch {
		case c.tier == 0 && ok:
			t.Errorf("%q matched %q (tier %d), want no match", c.query, c.name, r.tier)
		case c.tier != 0 && (!ok || r.tier != c.tier):
			t.Errorf("%q against %q: tier %d (matched %v), want %d", c.query, c.name, r.tier, ok, c.tier)
		}
	}
	// the entity that is the name before what is named after it
	words := parseSearch("Assadi").words
	person, _ := rankHit(&Person{Base: Base{ID: "person:a", Name: "Assadollah Assadi"}}, words, 1)
	trial, _ := rankHit(&Event{Base: Base{ID: "event:a", Name: "Trial of Assadollah Assadi", Aliases: []string{"Assadi trial"}}}, words, 5)
	if !person.better(trial) || person.score() <= trial.score() {
		t.Errorf("person %.3f, trial %.3f: want the person first", person.score(), trial.score())
	}
	if trial.matched != "Assadi trial" {
		t.Errorf("trial matched %q, want the alias with fewer other words", trial.matched)
	}
}
