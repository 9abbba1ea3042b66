package graph

import (
	"testing"
)

func TestNameSimilarity(t *testing.T) {
	tests := []struct {
		a, b     string
		min, max float64
	}{
		{"Ebrahim Raisi", "Ebrahim Raisi", 1, 1},
		{"EBRAHIM RAÏSI", "Ebrahim Raisi", 1, 1},
		{"Raisi, Ebrahim", "Ebrahim Raisi", 1, 1},
		{"Ali Reza Avaei", "Alireza Avaei", 1, 1},
		{"the Ministry of Foreign Affairs", "Ministry of Foreign Affairs", 1, 1},
		{"Ministry of Foreign Affairs", "Ministry of Foreign Affairs of Iran", 0.85, 0.9},
		{"Mohamad Javad Zarif", "Mohammad Javad Zarif", 0.98, 0.999},
		{"Ebrahim Raisy", "Ebrahim Raisi", 0.95, 0.99},
		{"ابراهيم رئيسي", "ابراهیم رئیسی", 1, 1}, // Arabic yeh typed for the Persian one
		{"M. J. Zarif", "Mohammad Javad Zarif", 0.9, 0.95},
		{"Javad Zarif", "Mohammad Javad Zarif", 0.8, 0.85},
		{"Zarif", "Mohammad Javad Zarif", 0.6, 0.7},
		{"Raisi", "Ebrahim Raisi", 0.75, 0.75},
		{"Alireza Avaie", "Alireza Avaei", 0.95, 0.99}, // letters swapped
		{"Mohammad Reza Pahlavi", "Mohammad Javad Zarif", 0, 0.4},
		{"Ebrahim Rahimi", "Ebrahim Raisi", 0, 0.6},
		{"Angela Merkel", "Ebrahim Raisi", 0, 0},
		{"", "Ebrahim Raisi", 0, 0},
	}
	for _, tt := range tests {
		if got := nameSimilarity(tt.a, tt.b); got < tt.min || got > tt.max {
			t.Errorf("nameSimilarity(%q, %q) = %.3f, want %.2f..%.2f", tt.a, tt.b, got, tt.min, tt.max)
		}
	}
}

func TestScoreFeatures(t *testing.T) {
	card := Card{ID: "person:x", Name: "Ebrahim Raisi", Kind: KindPerson, Dates: []string{"1960-12-14"},
		Countries: []string{"ir"}, Identifiers: []string{"A-1234 567"}, Positions: []string{"Head of the Judiciary of Iran"}}
	tests := []struct {
		name  string
		q     MatchQuery
		score float64
		match bool
		feats []string
	}{
		{"name only", MatchQuery{Names: []string{"Ebrahim Raisi"}}, 1, true, []string{"name_match", "name_similarity"}},
		{"same year of birth, country by name", MatchQuery{Names: []string{"Ebrahim Raisi"}, Dates: []string{"1960"}, Countries: []string{"Iran"}},
			1, true, []string{"name_match", "name_similarity", "date_match", "country_match"}},
		{"another birth date", MatchQuery{Names: []string{"Ebrahim Raisi"}, Dates: []string{"1971-03-02"}},
			0.75, false, []string{"name_match", "name_similarity", "date_mismatch"}},
		{"another country", MatchQuery{Names: []string{"Ebrahim Raisi"}, Countries: []string{"DE"}},
			0.85, true, []string{"name_match", "name_similarity", "country_mismatch"}},
		{"identifier and a partial name", MatchQuery{Names: []string{"Raisi"}, Identifiers: []string{"a1234567"}},
			0.9, true, []string{"name_similarity", "identifier_match"}},
		{"post", MatchQuery{Names: []string{"Raisi"}, Positions: []string{"head of judiciary of iran"}},
			0.8, true, []string{"name_similarity", "position_match"}},
	}
	for _, tt := range tests {
		got := Score(tt.q, card, DefaultMatchThreshold)
		if got.Score != tt.score || got.Match != tt.match || len(got.Features) != len(tt.feats) {
			t.Errorf("%s: score %.3f match %v features %v, want %.3f %v %v", tt.name, got.Score, got.Match, got.Features, tt.score, tt.match, tt.feats)
			continue
		}
		for _, f := range tt.feats {
			if _, ok := got.Features[f]; !ok {
				t.Errorf("%s: no feature %s in %v", tt.name, f, got.Features)
			}
		}
	}
}

func TestCountryCode(t *testing.T) {
	for in, want := range map[string]string{"IR": "ir", "ir": "ir", "IRN": "ir", "Iran": "ir", "belgium": "be", "Persia": "", "": "", "XX": ""} {
		if got := CountryCode(in); got != want {
			t.Errorf("CountryCode(%q) = %q, want %q", in, got, want)
		}
	}
}
