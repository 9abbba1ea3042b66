package server_test

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/accgraph/accgraph/graph/graphtest"
	"github.com/accgraph/accgraph/seed"
	"github.com/accgraph/accgraph/server"
)

// ftmCluster is a sanctioned person, the company he owns half of, its vessel, his
// brother and his passport, as an OpenSanctions export writes them.
const ftmCluster = `{"id": "NK-Owner", "schema": "Person", "datasets": ["us_ofac_sdn"], "properties": {"name": ["Oleg Owner"], "birthDate": ["1965-04"], "deathDate": ["2024"], "nationality": ["ru", "cy"], "gender": ["male"], "position": ["Chairman"], "topics": ["sanction", "role.oligarch"], "notes": ["Listed in 2022."], "idNumber": ["ID-1"], "passportNumber": ["AB123456"], "taxNumber": ["TAX-1"], "wikidataId": ["Q1"]}}
{"id": "co-1", "schema": "Company", "datasets": ["us_ofac_sdn"], "properties": {"name": ["Owner Shipping LLC"], "country": ["cy"], "topics": ["sanction"], "notes": ["Shell."], "idNumber": ["C-1"], "taxNumber": ["CTAX-1"], "registrationNumber": ["HE123"], "innCode": ["7701234567"], "wikidataId": ["Q2"]}}
{"id": "own-1", "schema": "Ownership", "datasets": ["us_ofac_sdn"], "properties": {"owner": ["NK-Owner"], "asset": ["co-1"], "percentage": ["51"], "startDate": ["2015"]}}
{"id": "ship-1", "schema": "Vessel", "datasets": ["us_ofac_sdn"], "properties": {"name": ["MV Example"], "imoNumber": ["IMO9999999"]}}
{"id": "own-2", "schema": "Ownership", "datasets": ["us_ofac_sdn"], "properties": {"owner": ["co-1"], "asset": ["ship-1"]}}
{"id": "rel-1", "schema": "Person", "datasets": ["us_ofac_sdn"], "properties": {"name": ["Boris Brother"]}}
{"id": "fam-1", "schema": "Family", "datasets": ["us_ofac_sdn"], "properties": {"person": ["NK-Owner"], "relative": ["rel-1"], "relationship": ["brother"]}}
{"id": "payee", "schema": "Person", "datasets": ["us_ofac_sdn"], "properties": {"name": ["Pat Payee"]}}
{"id": "pay-1", "schema": "Payment", "datasets": ["us_ofac_sdn"], "properties": {"payer": ["co-1"], "beneficiary": ["payee"], "amount": ["250000"], "currency": ["EUR"], "date": ["2021-06-30"], "purpose": ["Consulting"]}}
{"id": "pass-1", "schema": "Passport", "datasets": ["us_ofac_sdn"], "properties": {"holder": ["NK-Owner"], "number": ["AB123456"], "country": ["ru"]}}
`

func TestFtMClusterIsConnected(t *testing.T) {
	db := graphtest.MustOpenDB(t)
	if _, problems, err := (&seed.Importer{DB: db, By: "test"}).FtM(context.Background(), "cluster.jsonl", strings.NewReader(ftmCluster)); err != nil || len(problems) > 0 {
		t.Fatalf("import: %v %v", err, problems)
	}
	a := &api{t: t, db: db, h: (&server.Server{DB: db, Logger: quiet}).Handler()}
	owner, brother, ship := seed.AccgraphID("Person", "NK-Owner"), seed.AccgraphID("Person", "rel-1"), seed.AccgraphID("Vessel", "ship-1")
	passport := seed.AccgraphID("Passport", "pass-1")
	data := a.ok(`query($b: ID!, $s: ID!, $o: ID!, $p: ID!) {
	  toShip: paths(from: $b, to: $s) `+pathFields+`
	  toPassport: paths(from: $o, to: $p) `+pathFields+`
	  byFtM: entity(id: "ftm:NK-Owner") { id name }
	  thing: entity(id: "ftm:ship-1") { id name ... on Thing { schema } }
	  none: entity(id: "ftm:nobody") { id }
	}`, map[string]any{"b": brother, "s": ship, "o": owner, "p": passport})
	want := []string{brother + " <- " + owner + " -> " + seed.AccgraphID("Company", "co-1") + " -> " + ship}
	if got := pathsOf(data["toShip"]); !slices.Equal(got, want) {
		t.Errorf("brother to vessel = %q, want %q", got, want)
	}
	steps := data["toShip"].([]any)[0].(map[string]any)["steps"].([]any)
	var types []string
	for _, s := range steps {
		types = append(types, s.(map[string]any)["edge"].(map[string]any)["type"].(string))
	}
	if !slices.Equal(types, []string{"FAMILY_OF", "OWNS", "OWNS"}) {
		t.Errorf("the steps' types = %v", types)
	}
	if got := pathsOf(data["toPassport"]); !slices.Equal(got, []string{passport + " -> " + owner}) && !slices.Equal(got, []string{owner + " <- " + passport}) {
		t.Errorf("owner to passport = %q", got)
	}
	if e := data["byFtM"].(map[string]any); e["id"] != owner || e["name"] != "Oleg Owner" {
		t.Errorf("entity by FtM id = %v", e)
	}
	if e := data["thing"].(map[string]any); e["id"] != ship || e["schema"] != "Vessel" || e["name"] != "MV Example" {
		t.Errorf("the vessel = %v", e)
	}
	if data["none"] != nil {
		t.Errorf("an unknown FtM id = %v", data["none"])
	}
	rows := graphtest.Exec(t, `MATCH (:Person {id: $o})-[r:OWNS]->(:Organization) RETURN r.from, r.role, r.percentage`, map[string]any{"o": owner})
	if len(rows) != 1 || rows[0].Values[0] != "2015" || rows[0].Values[1] != "owner" || fmt.Sprint(rows[0].Values[2]) != "[51]" {
		t.Errorf("the ownership = %v", rows[0].Values)
	}
	rows = graphtest.Exec(t, `MATCH (:Organization)-[r:PAID]->(p:Person) RETURN r.amount, r.currency, r.from, r.role, p.name`, nil)
	if len(rows) != 1 || fmt.Sprint(rows[0].Values[:4]) != "[[250000] [EUR] 2021-06-30 Consulting]" || rows[0].Values[4] != "Pat Payee" {
		t.Errorf("the payment = %v", rows)
	}
}

// TestFtMFactsAreFieldsAndFilters: every fact the importer keeps is a field, read back,
// and a where filter that finds the entity.
func TestFtMFactsAreFieldsAndFilters(t *testing.T) {
	db := graphtest.MustOpenDB(t)
	if _, problems, err := (&seed.Importer{DB: db, By: "test"}).FtM(context.Background(), "cluster.jsonl", strings.NewReader(ftmCluster)); err != nil || len(problems) > 0 {
		t.Fatalf("import: %v %v", err, problems)
	}
	a := &api{t: t, db: db, h: (&server.Server{DB: db, Logger: quiet}).Handler()}
	data := a.ok(`{
	  byPassport: people(where: {passportNumber: {eq: "AB123456"}}) { edges { node { id
	    birthDate deathDate nationality gender positionTitles topics notes idNumber passportNumber taxNumber wikidataId } } }
	  byTopic: people(where: {topics: {eq: "role.oligarch"}, nationality: {in: ["cy"]}, birthDate: {startsWith: "1965"}}) { totalCount }
	  none: people(where: {passportNumber: {eq: "XX"}}) { totalCount }
	  byInn: organizations(where: {innCode: {eq: "7701234567"}, registrationNumber: {eq: "HE123"}, country: {eq: "cy"}}) { edges { node { id
	    country topics notes idNumber taxNumber registrationNumber innCode wikidataId } } }
	}`, nil)
	people := data["byPassport"].(map[string]any)["edges"].([]any)
	if len(people) != 1 {
		t.Fatalf("by passport number: %v", data["byPassport"])
	}
	got := people[0].(map[string]any)["node"].(map[string]any)
	want := map[string][]any{"birthDate": {"1965-04"}, "deathDate": {"2024"}, "nationality": {"ru", "cy"}, "gender": {"male"},
		"positionTitles": {"Chairman"}, "topics": {"sanction", "role.oligarch"}, "notes": {"Listed in 2022."}, "idNumber": {"ID-1"},
		"passportNumber": {"AB123456"}, "taxNumber": {"TAX-1"}, "wikidataId": {"Q1"}}
	for f, w := range want {
		if !slices.Equal(got[f].([]any), w) {
			t.Errorf("person.%s = %v, want %v", f, got[f], w)
		}
	}
	if data["byTopic"].(map[string]any)["totalCount"] != 1.0 || data["none"].(map[string]any)["totalCount"] != 0.0 {
		t.Errorf("filters: %v, %v", data["byTopic"], data["none"])
	}
	orgs := data["byInn"].(map[string]any)["edges"].([]any)
	if len(orgs) != 1 {
		t.Fatalf("by INN: %v", data["byInn"])
	}
	gotOrg := orgs[0].(map[string]any)["node"].(map[string]any)
	wantOrg := map[string][]any{"country": {"cy"}, "topics": {"sanction"}, "notes": {"Shell."}, "idNumber": {"C-1"}, "taxNumber": {"CTAX-1"},
		"registrationNumber": {"HE123"}, "innCode": {"7701234567"}, "wikidataId": {"Q2"}}
	for f, w := range wantOrg {
		if !slices.Equal(gotOrg[f].([]any), w) {
			t.Errorf("organization.%s = %v, want %v", f, gotOrg[f], w)
		}
	}
}
