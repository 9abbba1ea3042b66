package graph

import "strconv"

// OrgKind is what sort of body an Organization is.
type OrgKind string

// OrgKinds lists the organization kinds.
var OrgKinds = []OrgKind{
	"MINISTRY", "EMBASSY", "JUDICIARY", "COURT", "COMMISSION", "SECURITY_FORCE", "INTELLIGENCE_AGENCY",
	"POLICE", "GOVERNMENT", "LEGISLATURE", "INTERGOVERNMENTAL", "NGO", "OPPOSITION_GROUP", "MEDIA", "OTHER",
}

// EventKind is what sort of thing an Event is.
type EventKind string

// EventKinds lists the event kinds.
var EventKinds = []EventKind{
	"MASSACRE", "EXECUTIONS", "ATTACK_PLOT", "ARREST", "TRIAL", "RESOLUTION", "REPORT", "SANCTION", "CRACKDOWN", "OTHER",
}

// SourceKind is what sort of document a Source is.
type SourceKind string

// SourceKinds lists the source kinds.
var SourceKinds = []SourceKind{"ARTICLE", "REPORT", "COURT_RECORD", "UN_DOCUMENT", "SANCTIONS_LIST", "STATEMENT", "DATASET"}

// ResponsibilityRole is what a person or organization RESPONSIBLE_FOR an event did.
type ResponsibilityRole string

// ResponsibilityRoles lists the roles. IMPLICATED is for a source that names someone as
// involved without saying how.
var ResponsibilityRoles = []ResponsibilityRole{
	"ORDERED", "PLANNED", "CARRIED_OUT", "APPROVED", "FACILITATED", "COVERED_UP", "IMPLICATED",
}

func oneOf[T ~string](v T, valid []T) bool {
	for _, x := range valid {
		if x == v {
			return true
		}
	}
	return false
}

func itoa(i int) string { return strconv.Itoa(i) }
