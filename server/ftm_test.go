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
	if len(rows) != 1 || rows[0].Values[0] != "2015" || rows[0].Values[1] != nil || fmt.Sprint(rows[0].Values[2]) != "[51]" {
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

// ftmMoney is an owner, his company, its vessel and a second owner, with their shares,
// and a payment, as entities for followthemoney to write.
const ftmMoney = `{"id": "m-owner", "schema": "Person", "datasets": ["d"], "properties": {"name": ["Olga Owner"]}}
{"id": "m-co", "schema": "Company", "datasets": ["d"], "properties": {"name": ["Owner Holding Ltd"]}}
{"id": "m-fund", "schema": "Company", "datasets": ["d"], "properties": {"name": ["Minority Fund"]}}
{"id": "m-ship", "schema": "Vessel", "datasets": ["d"], "properties": {"name": ["MV Money"]}}
{"id": "m-own-1", "schema": "Ownership", "datasets": ["d"], "properties": {"owner": ["m-owner"], "asset": ["m-co"], "percentage": ["51%"], "sharesCount": ["1,000"], "sharesValue": ["1000"], "sharesCurrency": ["USD"], "sharesType": ["ordinary"], "ownershipType": ["direct"], "role": ["beneficial owner"], "startDate": ["2015"]}}
{"id": "m-own-2", "schema": "Ownership", "datasets": ["d"], "properties": {"owner": ["m-fund"], "asset": ["m-co"], "percentage": ["25-50%"]}}
{"id": "m-own-3", "schema": "Ownership", "datasets": ["d"], "properties": {"owner": ["m-co"], "asset": ["m-ship"], "percentage": ["100"]}}
{"id": "m-pay", "schema": "Payment", "datasets": ["d"], "properties": {"payer": ["m-co"], "beneficiary": ["m-owner"], "amount": ["1,250,000.50"], "amountEur": ["1250000.5"], "amountUsd": ["1400000"], "currency": ["EUR"], "date": ["2021-06-30"], "purpose": ["Dividend"]}}
`

// TestFtMRelationshipFactsAreFields: an ownership's share and a payment's amount, in a
// file followthemoney wrote, read back as fields of Ownership and Payment, from both ends,
// and filter through the relation filters.
func TestFtMRelationshipFactsAreFields(t *testing.T) {
	file := graphtest.FtMLibrary(t, strings.NewReader(ftmMoney), "write")
	db := graphtest.MustOpenDB(t)
	if _, problems, err := (&seed.Importer{DB: db, By: "test"}).FtM(context.Background(), "money.jsonl", strings.NewReader(string(file))); err != nil || len(problems) > 0 {
		t.Fatalf("import: %v %v", err, problems)
	}
	a := &api{t: t, db: db, h: (&server.Server{DB: db, Logger: quiet}).Handler()}
	owner, co, ship := seed.AccgraphID("Person", "m-owner"), seed.AccgraphID("Company", "m-co"), seed.AccgraphID("Vessel", "m-ship")
	data := a.ok(`query($o: ID!, $c: ID!, $s: ID!) {
	  owner: entity(id: $o) { ... on Person {
	    owns { percentage sharesCount sharesValue sharesCurrency sharesType ownershipType role from toKnown confidence owner { id } asset { id } citations { source { id } } }
	    paymentsReceived { amount amountUsd amountEur currency role from to payer { id } beneficiary { id } }
	    paymentsMade { id } } }
	  company: entity(id: $c) { ... on Organization {
	    owners { percentage owner { id } }
	    owns { percentage asset { id ... on Thing { schema } } }
	    paymentsMade { amount currency beneficiary { id } } } }
	  ship: entity(id: $s) { ... on Thing { owners { percentage owner { id } } } }
	  majority: organizations(where: {owners: {some: {percentage: {gt: 50}}}}) { edges { node { id } } }
	  band: organizations(where: {owners: {some: {percentage: {gte: 25, lte: 50}}}}) { totalCount }
	  bigPayers: organizations(where: {paymentsMade: {some: {amount: {gte: 1000000}, currency: {eq: "EUR"}}}}) { edges { node { id } } }
	  inDollars: organizations(where: {paymentsMade: {some: {currency: {eq: "USD"}}}}) { totalCount }
	  paid: people(where: {paymentsReceived: {some: {amountUsd: {in: [1400000]}}}, owns: {some: {sharesCount: {eq: 1000}, sharesType: {eq: "ordinary"}}}}) { edges { node { id } } }
	}`, map[string]any{"o": owner, "c": co, "s": ship})
	str := func(v any) string { return fmt.Sprint(v) }
	p := data["owner"].(map[string]any)
	owns := p["owns"].([]any)
	if len(owns) != 1 {
		t.Fatalf("owner.owns = %v", owns)
	}
	got := owns[0].(map[string]any)
	for f, w := range map[string]string{"percentage": "[51%]", "sharesCount": "[1,000]", "sharesValue": "[1000]", "sharesCurrency": "[USD]",
		"sharesType": "[ordinary]", "ownershipType": "[direct]", "role": "beneficial owner", "from": "2015", "toKnown": "false",
		"confidence": "REPORTED", "owner": "map[id:" + owner + "]", "asset": "map[id:" + co + "]", "citations": "[map[source:map[id:source:ftm-d]]]"} {
		if str(got[f]) != w {
			t.Errorf("ownership.%s = %v, want %s", f, got[f], w)
		}
	}
	pays := p["paymentsReceived"].([]any)
	if len(pays) != 1 || len(p["paymentsMade"].([]any)) != 0 {
		t.Fatalf("owner's payments = %v, made %v", pays, p["paymentsMade"])
	}
	pay := pays[0].(map[string]any)
	for f, w := range map[string]string{"amount": "[1,250,000.50]", "amountUsd": "[1400000]", "amountEur": "[1250000.5]", "currency": "[EUR]",
		"role": "Dividend", "from": "2021-06-30", "to": "<nil>", "payer": "map[id:" + co + "]", "beneficiary": "map[id:" + owner + "]"} {
		if str(pay[f]) != w {
			t.Errorf("payment.%s = %v, want %s", f, pay[f], w)
		}
	}
	c := data["company"].(map[string]any)
	wantOwners := "[map[owner:map[id:" + seed.AccgraphID("Company", "m-fund") + "] percentage:[25-50%]] map[owner:map[id:" + owner + "] percentage:[51%]]]"
	if str(c["owners"]) != wantOwners {
		t.Errorf("company.owners = %v, want %s", c["owners"], wantOwners)
	}
	if w := "[map[asset:map[id:" + ship + " schema:Vessel] percentage:[100]]]"; str(c["owns"]) != w {
		t.Errorf("company.owns = %v, want %s", c["owns"], w)
	}
	if w := "[map[amount:[1,250,000.50] beneficiary:map[id:" + owner + "] currency:[EUR]]]"; str(c["paymentsMade"]) != w {
		t.Errorf("company.paymentsMade = %v, want %s", c["paymentsMade"], w)
	}
	if w := "[map[owner:map[id:" + co + "] percentage:[100]]]"; str(data["ship"].(map[string]any)["owners"]) != w {
		t.Errorf("ship.owners = %v, want %s", data["ship"], w)
	}
	// "25-50%" is no number: only the 51% owner counts, for either band
	for name, w := range map[string]string{"majority": "[map[node:map[id:" + co + "]]]", "bigPayers": "[map[node:map[id:" + co + "]]]",
		"paid": "[map[node:map[id:" + owner + "]]]"} {
		if got := str(data[name].(map[string]any)["edges"]); got != w {
			t.Errorf("%s = %s, want %s", name, got, w)
		}
	}
	if n := data["band"].(map[string]any)["totalCount"]; n != 0.0 {
		t.Errorf("an owner of 25-50%% matched a numeric band: %v", n)
	}
	if n := data["inDollars"].(map[string]any)["totalCount"]; n != 0.0 {
		t.Errorf("a payment in EUR matched currency USD: %v", n)
	}
}

// TestMatchFindsByIdentifier: /match and /reconcile find a candidate by its passport
// number, typed otherwise, when no word of the name asked is one of its names.
func TestMatchFindsByIdentifier(t *testing.T) {
	db := graphtest.MustOpenDB(t)
	if _, problems, err := (&seed.Importer{DB: db, By: "test"}).FtM(context.Background(), "cluster.jsonl", strings.NewReader(ftmCluster)); err != nil || len(problems) > 0 {
		t.Fatalf("import: %v %v", err, problems)
	}
	a := &api{t: t, db: db, h: (&server.Server{DB: db, Logger: quiet}).Handler()}
	owner := seed.AccgraphID("Person", "NK-Owner")
	code, res, raw := a.match("/match/default", `{"queries": {
	  "q": {"schema": "Person", "properties": {"name": ["Vladimir Petrov"], "passportNumber": ["ab 123-456"]}},
	  "other": {"schema": "Person", "properties": {"name": ["Vladimir Petrov"], "passportNumber": ["ZZ 999"]}}}}`)
	if code != 200 {
		t.Fatalf("POST /match/default = %d %s", code, raw)
	}
	if r := res.Responses["q"].Results; len(r) != 1 || r[0].ID != owner || r[0].Features["identifier_match"] != 1 {
		t.Errorf("/match by passport number = %+v, want %s by identifier_match", r, owner)
	}
	if r := res.Responses["other"].Results; len(r) != 0 {
		t.Errorf("/match with another number = %+v, want nothing", r)
	}
	code, out, raw := a.reconcile(`{"q0": {"query": "Vladimir Petrov", "type": "Person", "properties": [{"pid": "passportNumber", "v": "AB123456"}]}}`)
	if r := out["q0"].Result; code != 200 || len(r) != 1 || r[0].ID != owner {
		t.Errorf("/reconcile by passport number = %d %s, want %s", code, raw, owner)
	}
}

// ftmListed is a person with an address, listed twice, as entities for followthemoney
// to write.
const ftmListed = `{"id": "l-p", "schema": "Person", "datasets": ["ua_gur"], "properties": {"name": ["Sergei Listed"], "addressEntity": ["l-addr"]}}
{"id": "l-addr", "schema": "Address", "datasets": ["ua_gur"], "properties": {"full": ["1 Main Street, Kyiv"], "country": ["ua"]}}
{"id": "l-s1", "schema": "Sanction", "datasets": ["ua_gur"], "properties": {"entity": ["l-p"], "authority": ["ГУР МО України"], "authorityId": ["GUR-77"], "program": ["UKRAINE-EO13660"], "programId": ["UKR-1"], "programUrl": ["https://example.org/programs/ukr-1"], "listingDate": ["2022-03-15"], "status": ["active"], "provisions": ["Asset freeze"], "unscId": ["UN-1"], "reason": ["Financing."]}}
{"id": "l-r", "schema": "Person", "datasets": ["ua_gur"], "properties": {"name": ["Svetlana Sister"]}}
{"id": "l-f", "schema": "Family", "datasets": ["ua_gur"], "properties": {"person": ["l-p"], "relative": ["l-r"], "relationship": ["sister"]}}
{"id": "l-s2", "schema": "Sanction", "datasets": ["ua_gur"], "properties": {"entity": ["l-p"], "program": ["SDN"], "startDate": ["2020-01-01"], "listingDate": ["2019-12-30"]}}
`

// TestFtMSanctionsAndAddressesAreQueryable: a sanction's program, authority, listing
// date and status are fields and filters of its event, its listing date its date when
// it gives no start; the address is linked to whom it is the address of.
func TestFtMSanctionsAndAddressesAreQueryable(t *testing.T) {
	file := graphtest.FtMLibrary(t, strings.NewReader(ftmListed), "write")
	db := graphtest.MustOpenDB(t)
	if _, problems, err := (&seed.Importer{DB: db, By: "test"}).FtM(context.Background(), "listed.jsonl", strings.NewReader(string(file))); err != nil || len(problems) > 0 {
		t.Fatalf("import: %v %v", err, problems)
	}
	a := &api{t: t, db: db, h: (&server.Server{DB: db, Logger: quiet}).Handler()}
	person, addr, sister := seed.AccgraphID("Person", "l-p"), seed.AccgraphID("Address", "l-addr"), seed.AccgraphID("Person", "l-r")
	s1, s2 := seed.AccgraphID("Sanction", "l-s1"), seed.AccgraphID("Sanction", "l-s2")
	data := a.ok(`query($p: ID!, $a: ID!, $r: ID!) {
	  byProgram: events(where: {programId: {eq: "UKR-1"}}) { edges { node { id kind from
	    program programId programUrl authority authorityId unscId listingDate status provisions } } }
	  listed2022: events(where: {kind: {eq: SANCTION}, listingDate: {startsWith: "2022"}}) { edges { node { id } } }
	  before2022: events(where: {when: {to: "2021-12-31"}}) { edges { node { id } } }
	  byAuthority: events(where: {authority: {eq: "ГУР МО України"}, status: {in: ["active"]}}) { totalCount }
	  sdn: events(where: {program: {eq: "SDN"}}) { edges { node { id from listingDate } } }
	  person: entity(id: $p) { ... on Person { participations { role event { id program } }
	    related { role target { id } } family { role target { id } } } }
	  address: entity(id: $a) { ... on Place { relatedFrom { role source { id } } } }
	  sister: entity(id: $r) { ... on Person { familyOf { role source { id } } } }
	  withSister: people(where: {family: {some: {role: {eq: "sister"}}}}) { edges { node { id } } }
	  atAddress: people(where: {related: {some: {role: {eq: "addressEntity"}, node: {name: {contains: "main street"}}}}}) { totalCount }
	  around: neighborhood(id: $p, relTypes: [RELATED_TO]) { nodes { id kind label } edges { type role source target } }
	}`, map[string]any{"p": person, "a": addr, "r": sister})
	str := func(v any) string { return fmt.Sprint(v) }
	nodes := data["byProgram"].(map[string]any)["edges"].([]any)
	if len(nodes) != 1 {
		t.Fatalf("by programId: %v", data["byProgram"])
	}
	got := nodes[0].(map[string]any)["node"].(map[string]any)
	for f, w := range map[string]string{"id": s1, "kind": "SANCTION", "from": "2022-03-15", "program": "[UKRAINE-EO13660]", "programId": "[UKR-1]",
		"programUrl": "[https://example.org/programs/ukr-1]", "authority": "[ГУР МО України]", "authorityId": "[GUR-77]", "unscId": "[UN-1]",
		"listingDate": "[2022-03-15]", "status": "[active]", "provisions": "[Asset freeze]"} {
		if str(got[f]) != w {
			t.Errorf("sanction.%s = %v, want %s", f, got[f], w)
		}
	}
	for name, w := range map[string]string{"listed2022": "[map[node:map[id:" + s1 + "]]]", "before2022": "[map[node:map[id:" + s2 + "]]]",
		"sdn": "[map[node:map[from:2020-01-01 id:" + s2 + " listingDate:[2019-12-30]]]]"} {
		if g := str(data[name].(map[string]any)["edges"]); g != w {
			t.Errorf("%s = %s, want %s", name, g, w)
		}
	}
	if n := data["byAuthority"].(map[string]any)["totalCount"]; n != 1.0 {
		t.Errorf("by authority and status: %v", n)
	}
	if g, w := str(data["person"].(map[string]any)["participations"]), "[map[event:map[id:"+s2+" program:[SDN]] role:sanctioned] map[event:map[id:"+s1+" program:[UKRAINE-EO13660]] role:sanctioned]]"; g != w {
		t.Errorf("the person's sanctions = %s, want %s", g, w)
	}
	p := data["person"].(map[string]any)
	for name, w := range map[string][2]string{
		"person.related":      {str(p["related"]), "[map[role:addressEntity target:map[id:" + addr + "]]]"},
		"person.family":       {str(p["family"]), "[map[role:sister target:map[id:" + sister + "]]]"},
		"address.relatedFrom": {str(data["address"].(map[string]any)["relatedFrom"]), "[map[role:addressEntity source:map[id:" + person + "]]]"},
		"sister.familyOf":     {str(data["sister"].(map[string]any)["familyOf"]), "[map[role:sister source:map[id:" + person + "]]]"},
		"withSister":          {str(data["withSister"].(map[string]any)["edges"]), "[map[node:map[id:" + person + "]]]"},
		"atAddress":           {str(data["atAddress"].(map[string]any)["totalCount"]), "1"},
	} {
		if w[0] != w[1] {
			t.Errorf("%s = %s, want %s", name, w[0], w[1])
		}
	}
	around := data["around"].(map[string]any)
	if g, w := str(around["edges"]), "[map[role:addressEntity source:"+person+" target:"+addr+" type:RELATED_TO]]"; g != w {
		t.Errorf("the person's address = %s, want %s", g, w)
	}
	if !strings.Contains(str(around["nodes"]), "map[id:"+addr+" kind:PLACE label:1 Main Street, Kyiv]") {
		t.Errorf("the address node = %v", around["nodes"])
	}
}

// TestFtMCitationsQuoteNothingInvented: an imported entity or relationship is cited by
// its locator, with no quote (null, not "" and not one of its values); a sanction's
// reason, the words the list publishes, is its quote.
func TestFtMCitationsQuoteNothingInvented(t *testing.T) {
	db := graphtest.MustOpenDB(t)
	for name, file := range map[string]string{"cluster.jsonl": ftmCluster, "listed.jsonl": ftmListed} {
		if _, problems, err := (&seed.Importer{DB: db, By: "test"}).FtM(context.Background(), name, strings.NewReader(file)); err != nil || len(problems) > 0 {
			t.Fatalf("import %s: %v %v", name, err, problems)
		}
	}
	a := &api{t: t, db: db, h: (&server.Server{DB: db, Logger: quiet}).Handler()}
	data := a.ok(`query($o: ID!, $c: ID!, $p: ID!) {
	  owner: entity(id: $o) { citations { quote locator } ... on Person { owns { role citations { quote locator } }
	    family { citations { quote locator } } related { role citations { quote locator } } relatedFrom { role citations { quote locator } } } }
	  company: entity(id: $c) { ... on Organization { paymentsMade { citations { quote locator } } } }
	  listed: entity(id: $p) { ... on Person { participations { event { program citations { quote locator } } } } }
	}`, map[string]any{"o": seed.AccgraphID("Person", "NK-Owner"), "c": seed.AccgraphID("Company", "co-1"), "p": seed.AccgraphID("Person", "l-p")})
	str := func(v any) string { return fmt.Sprint(v) }
	owner := data["owner"].(map[string]any)
	none := "[map[locator:FtM entity NK-Owner quote:<nil>]]"
	for name, w := range map[string][2]string{
		"person":    {str(owner["citations"]), none},
		"ownership": {str(owner["owns"]), "[map[citations:[map[locator:FtM entity own-1 quote:<nil>]] role:<nil>]]"},
		"family":    {str(owner["family"]), "[map[citations:[map[locator:FtM entity fam-1 quote:<nil>]]]]"},
		"passport":  {str(owner["relatedFrom"]), "[map[citations:[map[locator:FtM entity pass-1 quote:<nil>]] role:holder]]"},
		"payment":   {str(data["company"].(map[string]any)["paymentsMade"]), "[map[citations:[map[locator:FtM entity pay-1 quote:<nil>]]]]"},
		"sanctions": {str(data["listed"].(map[string]any)["participations"]), "[map[event:map[citations:[map[locator:FtM entity l-s2 quote:<nil>]] program:[SDN]]] map[event:map[citations:[map[locator:FtM entity l-s1 quote:Financing.]] program:[UKRAINE-EO13660]]]]"},
	} {
		if w[0] != w[1] {
			t.Errorf("%s = %s\nwant %s", name, w[0], w[1])
		}
	}
}

// TestFtMIDsAreTakenByEveryRoot: every argument that takes an entity id takes
// "ftm:<FtM id>" as entity(id:) does; an FtM id nothing was imported with is not found.
func TestFtMIDsAreTakenByEveryRoot(t *testing.T) {
	db := graphtest.MustOpenDB(t)
	if _, problems, err := (&seed.Importer{DB: db, By: "test"}).FtM(context.Background(), "cluster.jsonl", strings.NewReader(ftmCluster)); err != nil || len(problems) > 0 {
		t.Fatalf("import: %v %v", err, problems)
	}
	a := &api{t: t, db: db, h: (&server.Server{DB: db, Logger: quiet}).Handler()}
	owner, co := seed.AccgraphID("Person", "NK-Owner"), seed.AccgraphID("Company", "co-1")
	data := a.ok(`{
	  paths(from: "ftm:rel-1", to: "ftm:co-1") `+pathFields+`
	  neighborhood(id: "ftm:NK-Owner", relTypes: [OWNS]) { nodes { id } }
	  expandStats(id: "ftm:NK-Owner") { count }
	  timeline(id: "ftm:NK-Owner", undated: true) { date }
	}`, nil)
	if got, w := pathsOf(data["paths"]), []string{seed.AccgraphID("Person", "rel-1") + " <- " + owner + " -> " + co}; !slices.Equal(got, w) {
		t.Errorf("paths by FtM ids = %q, want %q", got, w)
	}
	if g := fmt.Sprint(data["neighborhood"]); !strings.Contains(g, co) || !strings.Contains(g, owner) {
		t.Errorf("neighborhood by FtM id = %s", g)
	}
	if len(data["expandStats"].([]any)) == 0 {
		t.Errorf("expandStats by FtM id = %v", data["expandStats"])
	}
	r := a.query(`{ paths(from: "ftm:nobody", to: "ftm:co-1") { length } }`, nil)
	if code(r) != "NOT_FOUND" {
		t.Errorf("paths from an unknown FtM id = %s, want NOT_FOUND", r.raw)
	}
}
