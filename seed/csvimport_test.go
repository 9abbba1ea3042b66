package seed_test

import (
	"context"
	"slices"
	"strings"
	"testing"

	"github.com/accgraph/accgraph/graph"
	"github.com/accgraph/accgraph/graph/graphtest"
	"github.com/accgraph/accgraph/seed"
)

const peopleMapping = `
entity: PERSON
id: {slug: Name}
name: Name
aliases: {column: Aliases, split: ";"}
description: Notes
citation:
  source: {value: "source:ncri-factions-collaborate"}
  quote: Quote
  claimedBy: {value: "person:mansoureh-galestan"}
  confidence: {value: ALLEGED}
`

const peopleCSV = "Name,Aliases,Notes,Quote\r\n" +
	"Alireza Avaei,\"Avaei, A.; علیرضا آوایی\",\"Justice minister, \"\"as named\"\"\",the Justice Minister Alireza Avaei\r\n" +
	"Lars Rise,,Former MP,As former Norwegian MP\r\n"

const membershipMapping = `
relationship: MEMBER_OF
from: {slug: Person, prefix: person}
to: {column: Body}
role: Role
start: Since
citation:
  source: {value: "source:ncri-factions-collaborate"}
  quote: Quote
  claimedBy: {value: "person:mansoureh-galestan"}
  confidence: {value: ALLEGED}
`

func TestImportCSV(t *testing.T) {
	ctx := context.Background()
	db := graphtest.MustOpenDB(t)
	mustSeed(t, db)
	m, err := seed.ParseCSVMapping(strings.NewReader(peopleMapping))
	if err != nil {
		t.Fatal(err)
	}
	ds, err := seed.ReadCSV("people.csv", m, strings.NewReader(peopleCSV))
	if err != nil {
		t.Fatal(err)
	}
	for run := 0; run < 2; run++ {
		if err := db.ApplyBulk(ctx, "test", "importCSV", ds); err != nil {
			t.Fatal(err)
		}
	}
	rows := graphtest.Exec(t, "MATCH (p:Person {id: 'person:alireza-avaei'}) RETURN p.aliases, p.description", nil)
	if len(rows) != 1 || !slices.Equal(toStrings(rows[0].Values[0]), []string{"Avaei, A.", "علیرضا آوایی"}) || rows[0].Values[1] != `Justice minister, "as named"` {
		t.Errorf("Avaei from the sheet = %v", rows)
	}

	mm, _ := seed.ParseCSVMapping(strings.NewReader(membershipMapping))
	links, err := seed.ReadCSV("members.csv", mm, strings.NewReader("Person,Body,Role,Since,Quote\nLars Rise,org:norwegian-parliament,member,,As former Norwegian MP\n"))
	if err != nil {
		t.Fatal(err)
	}
	if err := db.ApplyBulk(ctx, "test", "importCSV", links); err != nil {
		t.Fatal(err)
	}
	if rows := graphtest.Exec(t, "MATCH (:Person {id: 'person:lars-rise'})-[m:MEMBER_OF]->(:Organization {id: 'org:norwegian-parliament'}) RETURN m.role, m.confidence", nil); len(rows) != 1 || rows[0].Values[1] != "ALLEGED" {
		t.Errorf("membership from the sheet = %v", rows)
	}

	for name, tt := range map[string]struct{ mapping, csv, want string }{
		"unknown column":      {strings.Replace(peopleMapping, "name: Name", "name: Nme", 1), peopleCSV, `people.csv:1: name: no column "Nme" in the header`},
		"row without a quote": {peopleMapping, "Name,Aliases,Notes,Quote\nSomeone,,,\n", "people.csv:2: citations[0].quote: missing quote"},
		"bad date":            {membershipMapping, "Person,Body,Role,Since,Quote\nLars Rise,org:norwegian-parliament,member,1999-13,q\n", `members.csv:2: start: bad date "1999-13"`},
	} {
		m, err := seed.ParseCSVMapping(strings.NewReader(tt.mapping))
		if err != nil {
			t.Fatal(err)
		}
		ds, err := seed.ReadCSV(strings.SplitN(tt.want, ":", 2)[0], m, strings.NewReader(tt.csv))
		if err == nil {
			err = ds.Validate()
		}
		if graph.ErrorCode(err) != graph.EINVALID || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: %v, want %q", name, err, tt.want)
		}
	}
	if _, err := seed.ParseCSVMapping(strings.NewReader("entity: PERSON\nnmae: Name\n")); err == nil || !strings.Contains(err.Error(), "field nmae not found") {
		t.Errorf("a misspelt mapping key: %v", err)
	}
}
