package graph

import (
	"fmt"
	"sort"
	"strings"
)

// Origin says where a record came from, so that a problem can name the file, line and
// field: File is "" for records that came from the API.
type Origin struct {
	File  string
	Lines map[string]int // field path ("holds[0].from"; "" for the record itself) → line
}

// line returns the line of field, or of its nearest enclosing field that has one.
func (o Origin) line(field string) int {
	for {
		if l, ok := o.Lines[field]; ok {
			return l
		}
		i := strings.LastIndexAny(field, ".[")
		if i < 0 {
			return o.Lines[""]
		}
		field = field[:i]
	}
}

// Problem is one thing wrong with the input.
type Problem struct {
	File    string
	Line    int
	Field   string
	Message string
}

func (p Problem) String() string {
	var b strings.Builder
	if p.File != "" {
		b.WriteString(p.File)
		if p.Line > 0 {
			fmt.Fprintf(&b, ":%d", p.Line)
		}
		b.WriteString(": ")
	}
	if p.Field != "" {
		b.WriteString(p.Field + ": ")
	}
	b.WriteString(p.Message)
	return b.String()
}

// Problems collects every problem of an input, so that all are reported at once. The
// zero value is ready to use; At gives a view that adds problems for one record.
type Problems struct {
	list   *[]Problem
	origin Origin
	prefix string // prepended to every field, for nested records
}

// At returns a collector for the record at origin that adds to the same list.
func (p *Problems) At(origin Origin) *Problems {
	if p.list == nil {
		p.list = new([]Problem)
	}
	return &Problems{list: p.list, origin: origin}
}

// Under returns a view that adds problems of a nested record: its fields get prefix.
func (p *Problems) Under(prefix string) *Problems {
	if p.list == nil {
		p.list = new([]Problem)
	}
	return &Problems{list: p.list, origin: p.origin, prefix: p.prefix + prefix}
}

// Add records a problem with field of the current record.
func (p *Problems) Add(field, format string, args ...any) {
	if p.list == nil {
		p.list = new([]Problem)
	}
	field = p.prefix + field
	*p.list = append(*p.list, Problem{File: p.origin.File, Line: p.origin.line(field), Field: field, Message: fmt.Sprintf(format, args...)})
}

// List returns the problems so far, sorted by file and line.
func (p *Problems) List() []Problem {
	if p.list == nil {
		return nil
	}
	out := append([]Problem(nil), *p.list...)
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].File != out[j].File {
			return out[i].File < out[j].File
		}
		return out[i].Line < out[j].Line
	})
	return out
}

// Err returns nil when there are no problems, or an EINVALID error whose message lists
// every problem, one per line; errors.As finds the *ValidationError with the list.
func (p *Problems) Err() error {
	list := p.List()
	if len(list) == 0 {
		return nil
	}
	lines := make([]string, len(list))
	for i, pr := range list {
		lines[i] = pr.String()
	}
	e := &Error{Code: EINVALID, Err: &ValidationError{Problems: list},
		Message: fmt.Sprintf("%d problem(s):\n%s", len(list), strings.Join(lines, "\n"))}
	if list[0].File == "" {
		e.Path = list[0].Field // an API input's: the argument at fault
	}
	return e
}

// ValidationError carries the problems of a rejected input.
type ValidationError struct {
	Problems []Problem
}

func (e *ValidationError) Error() string { return fmt.Sprintf("%d problem(s)", len(e.Problems)) }

func unknownValue[T ~string](what, got string, valid []T) string {
	names := make([]string, len(valid))
	for i, v := range valid {
		names[i] = string(v)
	}
	if got == "" {
		return fmt.Sprintf("missing %s: want one of %s", what, strings.Join(names, ", "))
	}
	return fmt.Sprintf("unknown %s %q: want one of %s", what, got, strings.Join(names, ", "))
}
