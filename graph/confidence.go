package graph

// Confidence says how well a fact is established, Wikidata-rank style: a court's
// decision, independent agreement, one credible source, a party's claim, a conflict
// between sources, or a withdrawn fact.
type Confidence string

// The confidences, strongest first. RETRACTED facts are kept but drop out of answers.
const (
	Adjudicated Confidence = "ADJUDICATED" // a court or tribunal decided it
	Confirmed   Confidence = "CONFIRMED"   // independent sources agree
	Reported    Confidence = "REPORTED"    // one credible source reports it
	Alleged     Confidence = "ALLEGED"     // a party claims it
	Disputed    Confidence = "DISPUTED"    // sources conflict; both are kept
	Retracted   Confidence = "RETRACTED"   // withdrawn; never deleted
)

// Confidences lists every confidence, strongest first.
var Confidences = []Confidence{Adjudicated, Confirmed, Reported, Alleged, Disputed, Retracted}

// Rank orders confidences: 5 for ADJUDICATED down to 0 for RETRACTED, -1 when unknown.
func (c Confidence) Rank() int {
	switch c {
	case Adjudicated:
		return 5
	case Confirmed:
		return 4
	case Reported:
		return 3
	case Alleged:
		return 2
	case Disputed:
		return 1
	case Retracted:
		return 0
	}
	return -1
}

// IsValid reports whether c is one of Confidences.
func (c Confidence) IsValid() bool { return c.Rank() >= 0 }

// AtLeast reports whether c is as strong as min.
func (c Confidence) AtLeast(min Confidence) bool { return c.Rank() >= min.Rank() }

// KeptBy reports whether a minConfidence of min keeps a fact of confidence c: those at
// least as strong, and a DISPUTED fact wherever an allegation is kept, so that a denial
// never hides what it denies (a disputed report stays in a "minConfidence: ALLEGED" view,
// its supporting and disputing citations side by side).
func (c Confidence) KeptBy(min Confidence) bool {
	return c.AtLeast(min) || c == Disputed && Alleged.AtLeast(min)
}

// Weakest returns the weaker of a and b: a chain of facts is as strong as its weakest step.
func Weakest(a, b Confidence) Confidence {
	if b.Rank() < a.Rank() {
		return b
	}
	return a
}
