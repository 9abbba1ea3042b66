package server_test

import (
	"fmt"
	"slices"
	"strings"
	"testing"
)

// TestClaimsListWhatAnEntityAsserts: claims(by:) gives the statements the NCRI made and
// every citation whose claimant it is, one for each fact (its tallies of the executions,
// the events' own citations), statements first; an id of no entity has none; first bounds it.
func TestClaimsListWhatAnEntityAsserts(t *testing.T) {
	a := seededAPI(t)
	q := `query($by: ID!, $first: Int) { claims(by: $by, first: $first) {
	  quote relationship
	  statement { id }
	  citation { confidence claimedBy { id } source { id } }
	  saidBy { id }
	  about { id }
	} }`
	var facts []string
	for i, m := range a.ok(q, map[string]any{"by": "org:ncri"})["claims"].([]any) {
		m := m.(map[string]any)
		var about []string
		for _, e := range m["about"].([]any) {
			about = append(about, e.(map[string]any)["id"].(string))
		}
		slices.Sort(about)
		if said := m["saidBy"].([]any); !slices.ContainsFunc(said, func(e any) bool { return e.(map[string]any)["id"] == "org:ncri" }) {
			t.Errorf("claim %d said by %v, want the NCRI among them", i, said)
		}
		if st, _ := m["statement"].(map[string]any); st != nil {
			facts = append(facts, "statement "+st["id"].(string))
			if i != 0 {
				t.Errorf("statement at %d, want statements first", i)
			}
			continue
		}
		c := m["citation"].(map[string]any)
		if c["claimedBy"].(map[string]any)["id"] != "org:ncri" || c["confidence"] != "ALLEGED" || c["source"].(map[string]any)["id"] != "source:ncri-factions-collaborate" {
			t.Errorf("claim %d: citation %v, want the NCRI's ALLEGED tally in the article", i, c)
		}
		rel, _ := m["relationship"].(string)
		facts = append(facts, strings.TrimSpace(rel+" "+strings.Join(about, " ")))
		if m["quote"] == "" {
			t.Errorf("claim %d has no quote", i)
		}
	}
	slices.Sort(facts)
	want := []string{
		"OCCURRED_IN event:executions-2020 place:iran",
		"OCCURRED_IN event:executions-2021-01 place:iran",
		"RESPONSIBLE_FOR event:executions-2020 org:islamic-republic-of-iran",
		"RESPONSIBLE_FOR event:executions-2021-01 org:islamic-republic-of-iran",
		"event:executions-2020",
		"event:executions-2021-01",
		"statement statement:ncri-pmoi-execution-tally",
	}
	if !slices.Equal(facts, want) {
		t.Errorf("the NCRI's claims:\n%q\nwant\n%q", facts, want)
	}
	if got := a.ok(q, map[string]any{"by": "org:ncri", "first": 2})["claims"].([]any); len(got) != 2 {
		t.Errorf("first: 2 gave %d claims", len(got))
	}
	for _, by := range []string{"org:no-such-body", "nonsense"} {
		if got := a.ok(q, map[string]any{"by": by})["claims"].([]any); len(got) != 0 {
			t.Errorf("claims(by: %q) = %v, want none", by, got)
		}
	}
}

// TestClaimsByOrganizationTable: the saved query gives every claim the NCRI makes, one row
// each, with its confidence and citation: its statement and its tallies, which a source
// attributes to it as claimant; a relationship's ends in its direction.
func TestClaimsByOrganizationTable(t *testing.T) {
	a, _ := savedAPI(t)
	tb := a.table("/saved/claims-by-organization.json")
	if want := []string{"Claim", "Statement", "Relationship", "About", "Confidence", "Sources"}; !slices.Equal(tb.Columns, want) {
		t.Fatalf("columns %q, want %q", tb.Columns, want)
	}
	var rows []string
	for i := range tb.Rows {
		rel, about, stmt := column(tb, "Relationship")[i], column(tb, "About")[i], column(tb, "Statement")[i]
		rows = append(rows, strings.TrimSpace(stmt+" "+rel+" "+about))
		if column(tb, "Confidence")[i] != "ALLEGED" || column(tb, "Claim")[i] == "" {
			t.Errorf("row %d: confidence %q, claim %q; want ALLEGED and the words", i, column(tb, "Confidence")[i], column(tb, "Claim")[i])
		}
		sources := column(tb, "Sources")[i]
		claimant := "— National Council of Resistance of Iran, The Iranian Regime’s Factions Collaborate"
		if stmt != "" {
			claimant = "— Mansoureh Galestan, The Iranian Regime’s Factions Collaborate" // who reports that it said so
		}
		if !strings.Contains(sources, claimant) {
			t.Errorf("row %d (%s): sources %q, want %q", i, rows[i], sources, claimant)
		}
	}
	want := []string{
		"NCRI and PMOI tally (as the article reports it): 27 executed in January, 225 last year  Executions in Iran in 2020 | Executions in Iran in January 2021",
		"Executions in Iran in 2020",
		"Executions in Iran in January 2021",
		"OCCURRED_IN Executions in Iran in 2020 | Iran",
		"OCCURRED_IN Executions in Iran in January 2021 | Iran",
		"RESPONSIBLE_FOR Government of the Islamic Republic of Iran | Executions in Iran in 2020",
		"RESPONSIBLE_FOR Government of the Islamic Republic of Iran | Executions in Iran in January 2021",
	}
	if !slices.Equal(rows, want) {
		t.Errorf("rows:\n%q\nwant\n%q", rows, want)
	}
	// the organization by its name or alias: the same table
	for _, name := range []string{"NCRI", "National%20Council%20of%20Resistance%20of%20Iran"} {
		if got := a.table("/saved/claims-by-organization.json?organization=" + name); !slices.EqualFunc(got.Rows, tb.Rows, func(x, y []any) bool { return fmt.Sprint(x) == fmt.Sprint(y) }) {
			t.Errorf("organization=%s: %d rows, not the NCRI's %d", name, len(got.Rows), len(tb.Rows))
		}
	}
}
