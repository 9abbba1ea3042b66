package graph

import (
	"fmt"
	"strconv"
	"time"
)

// Date is a partial ISO date: a year ("1988"), a month ("1988-07") or a day ("1988-07-19").
// It stands for the whole interval it names: "1988" is 1988-01-01 through 1988-12-31. The
// zero Date is unknown (an open end of an interval).
type Date struct {
	Year, Month, Day int // Month and Day are 0 when not known
}

// ParseDate reads "YYYY", "YYYY-MM" or "YYYY-MM-DD"; "" gives the zero Date.
func ParseDate(s string) (Date, error) {
	if s == "" {
		return Date{}, nil
	}
	bad := func(why string) (Date, error) {
		return Date{}, Errorf(EINVALID, "bad date %q: %s (want YYYY, YYYY-MM or YYYY-MM-DD)", s, why)
	}
	var d Date
	var err error
	switch len(s) {
	case 4, 7, 10:
	default:
		return bad("wrong length")
	}
	if d.Year, err = digits(s[0:4]); err != nil || d.Year < 1 {
		return bad("year is not 4 digits")
	}
	if len(s) >= 7 {
		if s[4] != '-' {
			return bad("no '-' after the year")
		}
		if d.Month, err = digits(s[5:7]); err != nil || d.Month < 1 || d.Month > 12 {
			return bad("month is not 01-12")
		}
	}
	if len(s) == 10 {
		if s[7] != '-' {
			return bad("no '-' after the month")
		}
		if d.Day, err = digits(s[8:10]); err != nil || d.Day < 1 || d.Day > daysIn(d.Year, d.Month) {
			return bad(fmt.Sprintf("day is not 01-%02d", daysIn(d.Year, d.Month)))
		}
	}
	return d, nil
}

func digits(s string) (int, error) {
	for _, c := range s {
		if c < '0' || c > '9' {
			return 0, strconv.ErrSyntax
		}
	}
	return strconv.Atoi(s)
}

func daysIn(year, month int) int {
	return time.Date(year, time.Month(month)+1, 0, 0, 0, 0, 0, time.UTC).Day()
}

// IsZero reports whether d is unknown.
func (d Date) IsZero() bool { return d.Year == 0 }

// String gives the partial ISO form d was written in, "" when unknown.
func (d Date) String() string {
	switch {
	case d.IsZero():
		return ""
	case d.Month == 0:
		return fmt.Sprintf("%04d", d.Year)
	case d.Day == 0:
		return fmt.Sprintf("%04d-%02d", d.Year, d.Month)
	}
	return fmt.Sprintf("%04d-%02d-%02d", d.Year, d.Month, d.Day)
}

// First is the first day d covers.
func (d Date) First() time.Time {
	month, day := max(d.Month, 1), max(d.Day, 1)
	return time.Date(d.Year, time.Month(month), day, 0, 0, 0, 0, time.UTC)
}

// Last is the last day d covers.
func (d Date) Last() time.Time {
	switch {
	case d.Month == 0:
		return time.Date(d.Year, 12, 31, 0, 0, 0, 0, time.UTC)
	case d.Day == 0:
		return time.Date(d.Year, time.Month(d.Month), daysIn(d.Year, d.Month), 0, 0, 0, 0, time.UTC)
	}
	return d.First()
}

// Interval is a span of time from From to To, both inclusive of every day they cover; a
// zero end is open (unknown start, or still going on).
type Interval struct {
	From, To Date
}

// Validate reports an interval whose end comes before its start.
func (iv Interval) Validate() error {
	if !iv.From.IsZero() && !iv.To.IsZero() && iv.To.Last().Before(iv.From.First()) {
		return Errorf(EINVALID, "to %s is before from %s", iv.To, iv.From)
	}
	return nil
}

// Overlaps reports whether the two intervals share at least one day; an open end
// reaches forever. "Held on 1988-08" means the tenure overlaps At(1988-08).
func (iv Interval) Overlaps(other Interval) bool {
	return !endsBefore(iv, other) && !endsBefore(other, iv)
}

// endsBefore reports whether a ends before b begins.
func endsBefore(a, b Interval) bool {
	return !a.To.IsZero() && !b.From.IsZero() && a.To.Last().Before(b.From.First())
}

// Contains reports whether every day of d lies within the interval.
func (iv Interval) Contains(d Date) bool {
	if d.IsZero() {
		return false
	}
	return (iv.From.IsZero() || !d.First().Before(iv.From.First())) &&
		(iv.To.IsZero() || !d.Last().After(iv.To.Last()))
}

// At is the interval a single partial date covers: At("1988-08") is August 1988.
func At(d Date) Interval { return Interval{From: d, To: d} }
