package seed

import "github.com/accgraph/accgraph/graph"

// What each FollowTheMoney schema becomes. TestFtMCoverage checks that every concrete
// schema of the installed followthemoney model is in exactly one of ftmKinds, ftmRels
// and ftmThings, and that every property is in ftmFields or has its type in ftmKept.

// ftmKinds are the schemata that become entities of one of accgraph's own kinds.
var ftmKinds = map[string]graph.EntityKind{
	"Person": graph.KindPerson, "Organization": graph.KindOrganization, "Company": graph.KindOrganization,
	"PublicBody": graph.KindOrganization, "LegalEntity": graph.KindOrganization, "Position": graph.KindPosition,
	"CourtCase": graph.KindVerdict, "Event": graph.KindEvent, "Trip": graph.KindEvent, "Sanction": graph.KindEvent,
	"Address": graph.KindPlace, "Territory": graph.KindPlace,
}

// ftmThings are kept as Things (graph.Thing, their schema named): accgraph has no kind
// for vessels, assets, accounts, documents, identifications or what else they describe.
var ftmThings = []string{
	"Airplane", "Article", "Asset", "Audio", "BankAccount", "Call", "CallForTenders", "Contract", "CryptoWallet",
	"Document", "EconomicActivity", "Email", "Folder", "HyperText", "Identification", "Image", "License", "Mention",
	"Message", "Note", "Package", "Page", "Pages", "Passport", "PlainText", "Project", "RealEstate", "Risk",
	"Security", "Similar", "Table", "TaxRoll", "UserAccount", "Vehicle", "Vessel", "Video", "Workbook",
}

// ftmRelSpec is what an edge schema becomes: a relationship of typ from the edge's
// source to its target (reverse: the other way), its role read from role (or def).
type ftmRelSpec struct {
	typ       graph.RelType
	reverse   bool
	role, def string
}

// ftmRels are the edge schemata, each a relationship.
var ftmRels = map[string]ftmRelSpec{
	"Occupancy":          {typ: graph.RelHolds},
	"Membership":         {typ: graph.RelMemberOf, role: "role"},
	"Employment":         {typ: graph.RelMemberOf, role: "role", def: "employee"},
	"Directorship":       {typ: graph.RelMemberOf, role: "role", def: "director"},
	"CourtCaseParty":     {typ: graph.RelAgainst, reverse: true, role: "role"},
	"Ownership":          {typ: graph.RelOwns, role: "role"},
	"Family":             {typ: graph.RelFamilyOf, role: "relationship"},
	"Associate":          {typ: graph.RelAssociateOf, role: "relationship"},
	"Representation":     {typ: graph.RelRepresents, role: "role"},
	"Succession":         {typ: graph.RelSucceededBy, role: "role"},
	"Payment":            {typ: graph.RelPaid, role: "purpose"},
	"UnknownLink":        {typ: graph.RelRelatedTo, role: "role", def: "UnknownLink"},
	"Control":            {typ: graph.RelRelatedTo, role: "role", def: "Control"},
	"Debt":               {typ: graph.RelRelatedTo, def: "Debt"},
	"ContractAward":      {typ: graph.RelRelatedTo, role: "role", def: "ContractAward"},
	"Documentation":      {typ: graph.RelRelatedTo, role: "role", def: "Documentation"},
	"ProjectParticipant": {typ: graph.RelRelatedTo, role: "role", def: "ProjectParticipant"},
}

// ftmKind is the kind of entity an FtM schema becomes; "" for an edge schema.
func ftmKind(schema string) graph.EntityKind {
	if k, ok := ftmKinds[schema]; ok {
		return k
	}
	for _, t := range ftmThings {
		if t == schema {
			return graph.KindThing
		}
	}
	return ""
}

func ftmRel(schema string) ftmRelSpec { return ftmRels[schema] }

// ftmFields are the properties read into a field of their own ("Schema:property", the
// schema that defines it).
var ftmFields = map[string]string{
	"Thing:name": "name", "Thing:alias": "aliases", "Thing:previousName": "aliases", "Thing:description": "description",
	"Thing:country": "a place's country; an organization's country", "Thing:topics": "topics (people, organizations); a public body's kind", "Thing:sourceUrl": "the citation's locator",
	"Address:full": "name (an Address has no name)", "Interval:startDate": "when.from", "Interval:endDate": "when.to",
	"Interval:date": "when (for a payment, a sanction, an ownership without a start)", "Interval:sourceUrl": "the citation's locator",
	"Interval:description": "description",
	"Sanction:entity":      "PARTICIPATED_IN from the sanctioned entity", "Sanction:authority": "the citation's claimant; authority",
	"Sanction:program": "name; program", "Sanction:reason": "the citation's quote", "Sanction:listingDate": "listingDate; when.from without a start",
	"Sanction:programId": "programId", "Sanction:programUrl": "programUrl", "Sanction:authorityId": "authorityId",
	"Sanction:unscId": "unscId", "Sanction:status": "status", "Sanction:provisions": "provisions",
	"CourtCase:closeDate": "date", "CourtCase:fileDate": "date", "Position:organization": "POSITION_IN",
	"Person:birthDate": "birthDate", "Person:deathDate": "deathDate", "Person:nationality": "nationality",
	"Person:gender": "gender", "Person:position": "positionTitles", "Thing:notes": "notes (people, organizations)",
	"LegalEntity:idNumber": "idNumber (people, organizations)", "Person:passportNumber": "passportNumber",
	"LegalEntity:taxNumber": "taxNumber (people, organizations)", "Thing:wikidataId": "wikidataId (people, organizations)",
	"LegalEntity:registrationNumber": "registrationNumber (organizations)", "LegalEntity:innCode": "innCode (organizations)",
	"Ownership:percentage": "percentage", "Ownership:sharesCount": "sharesCount", "Ownership:sharesValue": "sharesValue",
	"Ownership:sharesCurrency": "sharesCurrency", "Ownership:sharesType": "sharesType", "Ownership:ownershipType": "ownershipType",
	"Value:amount": "amount (payments, debts, contract awards)", "Value:amountUsd": "amountUsd", "Value:amountEur": "amountEur",
	"Value:currency": "currency",
	"Interest:role":  "role", "Family:relationship": "role", "Associate:relationship": "role", "Payment:purpose": "role",
}

// ftmKept says where the other properties are kept, by their FtM type.
var ftmKept = map[string]string{
	"entity": "an entity's: a RELATED_TO relationship to the entity named, its role the property; an edge's ends: the relationship; " +
		"other references from an edge: its FtM JSON",
}

func init() {
	for _, t := range []string{"address", "checksum", "country", "date", "email", "gender", "html", "identifier", "ip",
		"json", "language", "mimetype", "name", "number", "phone", "string", "text", "topic", "url"} {
		ftmKept[t] = "the FtM JSON of the node or relationship (its ftm property), given back by export --format ftm"
	}
}
