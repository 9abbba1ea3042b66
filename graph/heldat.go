package graph

import (
	"fmt"
	"io"
)

// Held says whether a post or a membership is known to have held at a time.
type Held string

// The answers: YES when its dates as the sources give them reach that time, UNKNOWN when
// they cannot say, LATEST for "the latest the sources know" when no time was asked.
const (
	HeldYes     Held = "YES"
	HeldUnknown Held = "UNKNOWN"
	HeldLatest  Held = "LATEST"
)

// Dating says how the sources date a post or a membership.
type Dating string

// The datings: a start or an end (from, to), only a date on which it held (attested), or
// no date at which it held.
const (
	DatedInterval Dating = "INTERVAL"
	DatedAttested Dating = "ATTESTED"
	Undated       Dating = "UNDATED"
)

func (h Held) MarshalGQL(w io.Writer) { marshalEnum(w, h) }
func (h *Held) UnmarshalGQL(v any) error {
	return unmarshalEnum(h, v, []Held{HeldYes, HeldUnknown, HeldLatest}, "held")
}
func (d Dating) MarshalGQL(w io.Writer) { marshalEnum(w, d) }
func (d *Dating) UnmarshalGQL(v any) error {
	return unmarshalEnum(d, v, []Dating{DatedInterval, DatedAttested, Undated}, "dating")
}

// HeldAtTime is what the sources say about a post or membership at a time, in fields
// and in words.
type HeldAtTime struct {
	Held     Held
	Dating   Dating
	Attested Date
	Note     string
}

// PostAtTime is a post a person held, with what the sources say about when.
type PostAtTime struct {
	Tenure *Tenure
	HeldAtTime
}

// holding is the dates the sources give a post or membership, as stored on it.
type holding struct {
	When              Interval
	Attested, EndedBy Date
}

// holdingDates projects the stored dates readHolding reads from the relationship x.
func holdingDates(x string) string {
	return fmt.Sprintf("{from: %s.from, to: %s.to, attested: %s.attested, endedBy: %s.endedBy}", x, x, x, x)
}

func readHolding(v any) holding {
	m, _ := v.(map[string]any)
	return holding{When: Interval{From: readDate(m["from"]), To: readDate(m["to"])},
		Attested: readDate(m["attested"]), EndedBy: readDate(m["endedBy"])}
}

// at says whether h held at the time t: YES when the interval it is known to hold
// (Link.Valid) overlaps t; UNKNOWN when t is undated, or lies outside that interval
// without being ruled out; ok is false when h's own from, to or endedBy rule t out.
func (h holding) at(t Interval) (held Held, ok bool) {
	if t.From.IsZero() && t.To.IsZero() {
		return HeldUnknown, true
	}
	if valid := (&Link{When: h.When, Attested: h.Attested, EndedBy: h.EndedBy}).Valid(); (!valid.From.IsZero() || !valid.To.IsZero()) && valid.Overlaps(t) {
		return HeldYes, true
	}
	if endsBefore(t, Interval{From: h.When.From}) || endsBefore(Interval{To: h.When.To}, t) || endsBefore(Interval{To: h.EndedBy}, t) {
		return "", false
	}
	return HeldUnknown, true
}

// heldAtTime says in fields and words what the sources say of h at a time: when names
// that time ("then", "at 2021-02"), undated says the event asked about has no date.
func (h holding) heldAtTime(held Held, when string, undated bool) HeldAtTime {
	from, to := h.When.From, h.When.To
	out := HeldAtTime{Held: held, Dating: Undated}
	var dated string
	switch {
	case !from.IsZero() || !to.IsZero():
		out.Dating = DatedInterval
		switch {
		case from.IsZero():
			dated = "until " + to.String() + ", no start given"
		case !to.IsZero():
			dated = "from " + from.String() + " to " + to.String()
		case !h.EndedBy.IsZero():
			dated = "from " + from.String() + ", ended by " + h.EndedBy.String()
		default:
			dated = "from " + from.String() + ", no end given"
		}
	case !h.Attested.IsZero():
		out.Dating, out.Attested = DatedAttested, h.Attested
		dated = "attested " + h.Attested.String() + " only"
	case !h.EndedBy.IsZero():
		dated = "no date at which it held, ended by " + h.EndedBy.String()
	default:
		dated = "no date"
	}
	switch {
	case held == HeldLatest:
		out.Note = "the latest the sources date (" + dated + "), not known to hold today"
	case held == HeldYes:
		out.Note = "held " + when + " (" + dated + ")"
	case undated:
		out.Note = "unknown whether held " + when + ": the event has no date; the sources give " + dated
	default:
		out.Note = "unknown whether held " + when + ": the sources give " + dated
	}
	return out
}
