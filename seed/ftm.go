package seed

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"slices"
	"unicode/utf8"

	"github.com/accgraph/accgraph/graph"
)

// FtMEntity is one FollowTheMoney entity as OpenSanctions and Aleph write it: every
// property a list of strings. Op is the delta operation of the line it came from (ADD,
// MOD or DEL; "" for a plain entity line).
type FtMEntity struct {
	ID         string
	Schema     string
	Properties map[string][]string
	Caption    string
	Datasets   []string
	Referents  []string
	FirstSeen  string
	LastSeen   string
	LastChange string
	Target     bool
	Op         string
	Line       int // where it stood in its file (the first line, for fragments)
}

// FtMProblem is a line that could not be read, mapped or written.
type FtMProblem struct {
	Line   int
	Reason string
}

func (p FtMProblem) String() string { return fmt.Sprintf("line %d: %s", p.Line, p.Reason) }

// MaxFtMLine bounds a line: a longer one is rejected, and reading goes on after it.
const MaxFtMLine = 16 << 20

// ftmLine is the JSON of an entity line; a delta line wraps it in {"op", "entity"}.
type ftmLine struct {
	ID         string                     `json:"id"`
	Schema     string                     `json:"schema"`
	Properties map[string]json.RawMessage `json:"properties"`
	Caption    string                     `json:"caption"`
	Datasets   []string                   `json:"datasets"`
	Referents  []string                   `json:"referents"`
	FirstSeen  string                     `json:"first_seen"`
	LastSeen   string                     `json:"last_seen"`
	LastChange string                     `json:"last_change"`
	Target     bool                       `json:"target"`
	Op         string                     `json:"op"`
	Entity     json.RawMessage            `json:"entity"`
}

// ParseFtM reads FtM JSON lines (entities, or OpenSanctions delta lines {"op": "ADD" |
// "MOD" | "DEL", "entity": {...}}, a DEL carrying only an id) and calls add for each
// entity, and bad for each line that cannot be read (invalid JSON or UTF-8, a line over
// MaxFtMLine, an unknown schema or property); either stops the reading by returning an
// error.
func ParseFtM(r io.Reader, add func(FtMEntity) error, bad func(FtMProblem) error) error {
	br := bufio.NewReaderSize(r, 64*1024)
	for line := 1; ; line++ {
		text, long, err := readLine(br)
		if err != nil && !errors.Is(err, io.EOF) {
			return err
		}
		var cerr error
		text = bytes.TrimSpace(text)
		switch {
		case long:
			cerr = bad(FtMProblem{line, fmt.Sprintf("line is over %d MB", MaxFtMLine>>20)})
		case len(text) == 0:
		case !utf8.Valid(text):
			cerr = bad(FtMProblem{line, fmt.Sprintf("invalid UTF-8 at byte %d", validPrefix(text))})
		default:
			e, reason := decodeFtM(text)
			e.Line = line
			if reason != "" {
				cerr = bad(FtMProblem{line, reason})
			} else {
				cerr = add(e)
			}
		}
		if cerr != nil {
			return cerr
		}
		if errors.Is(err, io.EOF) {
			return nil
		}
	}
}

// readLine reads one line without its newline; a line over MaxFtMLine is read to its end
// and dropped (long is true).
func readLine(br *bufio.Reader) (line []byte, long bool, err error) {
	for {
		chunk, err := br.ReadSlice('\n')
		if !long {
			if len(line)+len(chunk) > MaxFtMLine+1 {
				long, line = true, nil
			} else {
				line = append(line, chunk...)
			}
		}
		if errors.Is(err, bufio.ErrBufferFull) {
			continue
		}
		return line, long, err
	}
}

func validPrefix(b []byte) int {
	for i := 0; i < len(b); {
		r, n := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && n <= 1 {
			return i
		}
		i += n
	}
	return len(b)
}

func decodeFtM(text []byte) (FtMEntity, string) {
	var l ftmLine
	if err := json.Unmarshal(text, &l); err != nil {
		return FtMEntity{}, "invalid JSON: " + err.Error()
	}
	op := l.Op
	if op != "" {
		raw := l.Entity
		if len(raw) == 0 || string(raw) == "null" {
			return FtMEntity{}, "entity: delta line without an entity object"
		}
		l = ftmLine{}
		if err := json.Unmarshal(raw, &l); err != nil {
			return FtMEntity{}, "entity: " + err.Error()
		}
	}
	e := FtMEntity{ID: l.ID, Schema: l.Schema, Caption: l.Caption, Datasets: l.Datasets, Referents: l.Referents,
		FirstSeen: l.FirstSeen, LastSeen: l.LastSeen, LastChange: l.LastChange, Target: l.Target, Op: op,
		Properties: map[string][]string{}}
	switch {
	case op != "" && op != "ADD" && op != "MOD" && op != "DEL":
		return e, fmt.Sprintf("op: unknown op %q: want ADD, MOD or DEL", op)
	case e.ID == "":
		return e, "id: missing id"
	case op == "DEL":
		return e, "" // an OpenSanctions DEL names the id alone
	}
	schema := ftmModel.Schemata[e.Schema]
	if schema == nil {
		return e, fmt.Sprintf("schema: unknown schema %q", e.Schema)
	}
	if schema.Abstract {
		return e, fmt.Sprintf("schema: %s is abstract: no entity is of it", e.Schema)
	}
	names := make([]string, 0, len(l.Properties))
	for name := range l.Properties {
		names = append(names, name)
	}
	slices.Sort(names)
	for _, name := range names {
		var list []string
		if err := json.Unmarshal(l.Properties[name], &list); err != nil {
			return e, fmt.Sprintf("properties.%s: not a list of strings", name)
		}
		prop := ftmModel.property(e.Schema, name)
		if prop == nil {
			return e, fmt.Sprintf("properties.%s: %s has no property %q", name, e.Schema, name)
		}
		if prop.Type == "url" { // only web links are stored: a javascript: URL would run where it is shown
			for _, u := range list {
				if !graph.WebURL(u) {
					return e, fmt.Sprintf("properties.%s: %q is not an http or https URL", name, u)
				}
			}
		}
		e.Properties[name] = list
	}
	return e, ""
}

// JSON is the entity as one FtM JSON line (without a trailing newline), with everything
// the importer reads.
func (e FtMEntity) JSON() string {
	m := map[string]any{"id": e.ID, "schema": e.Schema, "properties": e.Properties}
	for k, v := range map[string]string{"caption": e.Caption, "first_seen": e.FirstSeen, "last_seen": e.LastSeen, "last_change": e.LastChange} {
		if v != "" {
			m[k] = v
		}
	}
	if len(e.Datasets) > 0 {
		m["datasets"] = e.Datasets
	}
	if len(e.Referents) > 0 {
		m["referents"] = e.Referents
	}
	if e.Target {
		m["target"] = true
	}
	b, _ := json.Marshal(m)
	return string(b)
}

// ReadFtMJSON reads back what JSON wrote.
func ReadFtMJSON(s string) (FtMEntity, error) {
	e, reason := decodeFtM([]byte(s))
	if reason != "" {
		return e, errors.New(reason)
	}
	return e, nil
}

// Merge adds a fragment of the same entity, as FtM merges fragments: the more specific
// schema, every value of both (in order, once), the datasets and referents of both, the
// first first_seen and the last last_seen.
func (e *FtMEntity) Merge(o FtMEntity) error {
	schema, err := ftmModel.commonSchema(e.Schema, o.Schema)
	if err != nil {
		return fmt.Errorf("cannot merge fragments of %s: %w", e.ID, err)
	}
	e.Schema = schema
	props := map[string][]string{}
	for k, v := range e.Properties {
		props[k] = slices.Clone(v)
	}
	for k, vs := range o.Properties {
		for _, v := range vs {
			if !slices.Contains(props[k], v) {
				props[k] = append(props[k], v)
			}
		}
	}
	e.Properties = props
	e.Datasets = union(e.Datasets, o.Datasets)
	e.Referents = union(e.Referents, o.Referents)
	if e.Caption == "" {
		e.Caption = o.Caption
	}
	if o.FirstSeen != "" && (e.FirstSeen == "" || o.FirstSeen < e.FirstSeen) {
		e.FirstSeen = o.FirstSeen
	}
	e.LastSeen = max(e.LastSeen, o.LastSeen)
	e.LastChange = max(e.LastChange, o.LastChange)
	e.Target = e.Target || o.Target
	return nil
}

func union(a, b []string) []string {
	out := slices.Clone(a)
	for _, x := range b {
		if !slices.Contains(out, x) {
			out = append(out, x)
		}
	}
	return out
}

func first(e FtMEntity, prop string) string {
	if v := e.Properties[prop]; len(v) > 0 {
		return v[0]
	}
	return ""
}
