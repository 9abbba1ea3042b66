package graph

import "strings"

// relSpec describes a relation list field of the schema: the relationship it follows,
// which way, and the edge type it yields.
type relSpec struct {
	typ   RelType
	out   bool // the entity the field is read from is the relationship's start
	shape edgeShape
}

// relFields lists, per kind, the relation fields of the schema (schema/entity.graphqls).
// Filters and projections take relationship types only from here.
var relFields = map[EntityKind]map[string]relSpec{
	KindPerson: {
		"tenures":          {RelHolds, true, tenureShape},
		"memberships":      {RelMemberOf, true, membershipShape},
		"responsibilities": {RelResponsibleFor, true, responsibilityShape},
		"participations":   {RelParticipatedIn, true, participationShape},
		"statements":       {RelStated, true, relationShape},
		"verdicts":         {RelAgainst, false, verdictPartyShape},
		"mentionedIn":      {RelAbout, false, relationShape},
		"owns":             {RelOwns, true, ownershipShape},
		"paymentsMade":     {RelPaid, true, paymentShape},
		"paymentsReceived": {RelPaid, false, paymentShape},
		"family":           {RelFamilyOf, true, relationShape},
		"familyOf":         {RelFamilyOf, false, relationShape},
		"associates":       {RelAssociateOf, true, relationShape},
		"associateOf":      {RelAssociateOf, false, relationShape},
		"related":          {RelRelatedTo, true, relationShape},
		"relatedFrom":      {RelRelatedTo, false, relationShape},
	},
	KindOrganization: {
		"positions":        {RelPositionIn, false, relationShape},
		"members":          {RelMemberOf, false, membershipShape},
		"parts":            {RelPartOf, false, partOfShape},
		"partOf":           {RelPartOf, true, partOfShape},
		"responsibilities": {RelResponsibleFor, true, responsibilityShape},
		"participations":   {RelParticipatedIn, true, participationShape},
		"locatedIn":        {RelLocatedIn, true, relationShape},
		"verdictsIssued":   {RelIssuedBy, false, relationShape},
		"verdicts":         {RelAgainst, false, verdictPartyShape},
		"statements":       {RelStated, true, relationShape},
		"mentionedIn":      {RelAbout, false, relationShape},
		"owns":             {RelOwns, true, ownershipShape},
		"owners":           {RelOwns, false, ownershipShape},
		"paymentsMade":     {RelPaid, true, paymentShape},
		"paymentsReceived": {RelPaid, false, paymentShape},
		"related":          {RelRelatedTo, true, relationShape},
		"relatedFrom":      {RelRelatedTo, false, relationShape},
	},
	KindPosition: {
		"organizations": {RelPositionIn, true, relationShape},
		"holders":       {RelHolds, false, tenureShape},
		"mentionedIn":   {RelAbout, false, relationShape},
	},
	KindEvent: {
		"responsible":  {RelResponsibleFor, false, responsibilityShape},
		"participants": {RelParticipatedIn, false, participationShape},
		"verdicts":     {RelConcerns, false, relationShape},
		"parts":        {RelPartOf, false, partOfShape},
		"partOf":       {RelPartOf, true, partOfShape},
		"places":       {RelOccurredIn, true, relationShape},
		"mentionedIn":  {RelAbout, false, relationShape},
		"related":      {RelRelatedTo, true, relationShape},
		"relatedFrom":  {RelRelatedTo, false, relationShape},
	},
	KindVerdict: {
		"issuedBy":    {RelIssuedBy, true, relationShape},
		"parties":     {RelAgainst, true, verdictPartyShape},
		"concerns":    {RelConcerns, true, relationShape},
		"mentionedIn": {RelAbout, false, relationShape},
	},
	KindStatement: {
		"speakers": {RelStated, false, relationShape},
		"about":    {RelAbout, true, relationShape},
	},
	KindSource: {},
	KindThing: {
		"owners":      {RelOwns, false, ownershipShape},
		"related":     {RelRelatedTo, true, relationShape},
		"relatedFrom": {RelRelatedTo, false, relationShape},
	},
	KindPlace: {
		"locatedIn":   {RelLocatedIn, true, relationShape},
		"contains":    {RelLocatedIn, false, relationShape},
		"events":      {RelOccurredIn, false, relationShape},
		"owners":      {RelOwns, false, ownershipShape},
		"related":     {RelRelatedTo, true, relationShape},
		"relatedFrom": {RelRelatedTo, false, relationShape},
	},
}

// farKinds are the kinds that can stand at the other end of spec, seen from near.
func (spec relSpec) farKinds(near EntityKind) []EntityKind {
	var out []EntityKind
	for _, e := range endpoints[spec.typ] {
		nearSide, farSide := e[0], e[1]
		if !spec.out {
			nearSide, farSide = farSide, nearSide
		}
		if !oneOf(near, nearSide) {
			continue
		}
		for _, k := range farSide {
			if !oneOf(k, out) {
				out = append(out, k)
			}
		}
	}
	return out
}

// KindOfID reads an entity's kind from its id prefix (`person:…` is a PERSON).
func KindOfID(id string) (EntityKind, bool) { return kindOfID(id) }

func kindOfID(id string) (EntityKind, bool) {
	prefix, _, ok := strings.Cut(id, ":")
	if !ok {
		return "", false
	}
	k, ok := kindsByPrefix[prefix]
	return k, ok
}

// kindsByPrefix is idPrefixes the other way round: every read decodes ids by it.
var kindsByPrefix = func() map[string]EntityKind {
	m := make(map[string]EntityKind, len(idPrefixes))
	for k, prefix := range idPrefixes {
		m[prefix] = k
	}
	return m
}()

// newEntity returns an empty entity of kind k.
func newEntity(k EntityKind) Entity {
	switch k {
	case KindPerson:
		return &Person{}
	case KindOrganization:
		return &Organization{}
	case KindPosition:
		return &Position{}
	case KindEvent:
		return &Event{}
	case KindVerdict:
		return &Verdict{}
	case KindStatement:
		return &Statement{}
	case KindSource:
		return &Source{}
	case KindPlace:
		return &Place{}
	case KindThing:
		return &Thing{}
	}
	return nil
}
