package graph

import (
	"fmt"
	"io"
	"strconv"
)

// The methods below let gqlgen bind accgraph's scalars and enums directly (it looks for
// MarshalGQL and UnmarshalGQL): graph needs no import of gqlgen for them.

// MarshalGQL writes the partial ISO form, or null for an unknown date.
func (d Date) MarshalGQL(w io.Writer) {
	if d.IsZero() {
		io.WriteString(w, "null")
		return
	}
	io.WriteString(w, strconv.Quote(d.String()))
}

// UnmarshalGQL reads "YYYY", "YYYY-MM" or "YYYY-MM-DD".
func (d *Date) UnmarshalGQL(v any) error {
	s, ok := v.(string)
	if !ok {
		return Errorf(EINVALID, "a Date is a string like \"1988\", \"1988-07\" or \"1988-07-19\", not %v", v)
	}
	parsed, err := ParseDate(s)
	if err != nil {
		return err
	}
	*d = parsed
	return nil
}

func marshalEnum[T ~string](w io.Writer, v T) { io.WriteString(w, strconv.Quote(string(v))) }

func unmarshalEnum[T ~string](p *T, v any, valid []T, what string) error {
	s, ok := v.(string)
	if !ok || !oneOf(T(s), valid) {
		return Errorf(EINVALID, "%s", unknownValue(what, fmt.Sprint(v), valid))
	}
	*p = T(s)
	return nil
}

func (c Confidence) MarshalGQL(w io.Writer) { marshalEnum(w, c) }
func (c *Confidence) UnmarshalGQL(v any) error {
	return unmarshalEnum(c, v, Confidences, "confidence")
}
func (k EntityKind) MarshalGQL(w io.Writer) { marshalEnum(w, k) }
func (k *EntityKind) UnmarshalGQL(v any) error {
	return unmarshalEnum(k, v, EntityKinds, "entity kind")
}
func (k OrgKind) MarshalGQL(w io.Writer) { marshalEnum(w, k) }
func (k *OrgKind) UnmarshalGQL(v any) error {
	return unmarshalEnum(k, v, OrgKinds, "organization kind")
}
func (k EventKind) MarshalGQL(w io.Writer) { marshalEnum(w, k) }
func (k *EventKind) UnmarshalGQL(v any) error {
	return unmarshalEnum(k, v, EventKinds, "event kind")
}
func (k SourceKind) MarshalGQL(w io.Writer) { marshalEnum(w, k) }
func (k *SourceKind) UnmarshalGQL(v any) error {
	return unmarshalEnum(k, v, SourceKinds, "source kind")
}
func (t RelType) MarshalGQL(w io.Writer) { marshalEnum(w, t) }
func (t *RelType) UnmarshalGQL(v any) error {
	return unmarshalEnum(t, v, RelTypes, "relationship type")
}
