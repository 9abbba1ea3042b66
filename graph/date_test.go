package graph_test

import (
	"testing"

	"github.com/accgraph/accgraph/graph"
)

func date(t *testing.T, s string) graph.Date {
	t.Helper()
	d, err := graph.ParseDate(s)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func iv(t *testing.T, from, to string) graph.Interval {
	return graph.Interval{From: date(t, from), To: date(t, to)}
}

func TestParseDate(t *testing.T) {
	for _, s := range []string{"", "1988", "1988-07", "1988-07-19", "2020-02-29"} {
		if got := date(t, s).String(); got != s {
			t.Errorf("ParseDate(%q).String() = %q", s, got)
		}
	}
	for in, want := range map[string]string{
		"88":         `bad date "88": wrong length`,
		"1988-7":     `bad date "1988-7": wrong length`,
		"1988-13":    `bad date "1988-13": month is not 01-12`,
		"1988-00":    `bad date "1988-00": month is not 01-12`,
		"2021-02-29": `bad date "2021-02-29": day is not 01-28`,
		"1988-07-32": `bad date "1988-07-32": day is not 01-31`,
		"19a8":       `bad date "19a8": year is not 4 digits`,
		"1988/07":    `bad date "1988/07": no '-' after the year`,
		"0000":       `bad date "0000": year is not 4 digits`,
	} {
		_, err := graph.ParseDate(in)
		if err == nil || err.Error() != want+" (want YYYY, YYYY-MM or YYYY-MM-DD)" {
			t.Errorf("ParseDate(%q) = %v, want %q", in, err, want)
		}
	}
}

func TestDateBounds(t *testing.T) {
	for s, want := range map[string][2]string{
		"1988":       {"1988-01-01", "1988-12-31"},
		"1988-02":    {"1988-02-01", "1988-02-29"},
		"1989-02":    {"1989-02-01", "1989-02-28"},
		"1988-07-19": {"1988-07-19", "1988-07-19"},
	} {
		d := date(t, s)
		if got := [2]string{d.First().Format("2006-01-02"), d.Last().Format("2006-01-02")}; got != want {
			t.Errorf("%s covers %v, want %v", s, got, want)
		}
	}
}

func TestIntervalOverlaps(t *testing.T) {
	tests := []struct {
		name     string
		a, b     graph.Interval
		overlaps bool
	}{
		{"year contains month", iv(t, "1988", "1988"), iv(t, "1988-08", "1988-08"), true},
		{"tenure covers a month", iv(t, "1984", "1989-06"), graph.At(date(t, "1988-08")), true},
		{"ends the month before", iv(t, "1984", "1988-07"), graph.At(date(t, "1988-08")), false},
		{"ends on the first day", iv(t, "1984", "1988-08-01"), graph.At(date(t, "1988-08")), true},
		{"starts the day after", iv(t, "1988-09-01", ""), graph.At(date(t, "1988-08")), false},
		{"starts within the month", iv(t, "1988-08-31", ""), graph.At(date(t, "1988-08")), true},
		{"open start", iv(t, "", "1990"), graph.At(date(t, "1988-07-19")), true},
		{"open end", iv(t, "2019-03", ""), graph.At(date(t, "2021-02")), true},
		{"open end, asked before it began", iv(t, "2019-03", ""), graph.At(date(t, "2018")), false},
		{"both open", graph.Interval{}, graph.At(date(t, "1900")), true},
		{"year and the next year", iv(t, "1988", "1988"), iv(t, "1989", "1990"), false},
		{"partial years touch", iv(t, "1988", "1989"), iv(t, "1989-12", "1991"), true},
	}
	for _, tt := range tests {
		if got := tt.a.Overlaps(tt.b); got != tt.overlaps {
			t.Errorf("%s: %v overlaps %v = %v, want %v", tt.name, tt.a, tt.b, got, tt.overlaps)
		}
		if got := tt.b.Overlaps(tt.a); got != tt.overlaps {
			t.Errorf("%s (swapped): = %v, want %v", tt.name, got, tt.overlaps)
		}
	}
}

func TestIntervalContains(t *testing.T) {
	tests := []struct {
		iv       graph.Interval
		d        string
		contains bool
	}{
		{iv(t, "1988", "1988"), "1988-07-19", true},
		{iv(t, "1988-07", "1988-08"), "1988", false}, // the year reaches past the interval
		{iv(t, "1988-07", ""), "2030", true},
		{iv(t, "", "1988-07"), "1988-07-31", true},
		{iv(t, "", "1988-07"), "1988-08-01", false},
		{iv(t, "1988-07-19", "1988-07-19"), "1988-07", false},
		{graph.Interval{}, "", false},
	}
	for _, tt := range tests {
		if got := tt.iv.Contains(date(t, tt.d)); got != tt.contains {
			t.Errorf("%v contains %q = %v, want %v", tt.iv, tt.d, got, tt.contains)
		}
	}
}

func TestIntervalValidate(t *testing.T) {
	for _, ok := range []graph.Interval{iv(t, "1988", "1988"), iv(t, "1988-07", "1988"), iv(t, "", "1988"), iv(t, "1988", "")} {
		if err := ok.Validate(); err != nil {
			t.Errorf("%v: %v", ok, err)
		}
	}
	if err := iv(t, "1989", "1988-12-31").Validate(); err == nil || err.Error() != "to 1988-12-31 is before from 1989" {
		t.Errorf("to before from: %v", err)
	}
}
