package server

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"reflect"
	"sync"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"
)

// rootError is an error of one root field, reported once the whole answer is written.
type rootError struct {
	field graphql.CollectedField
	err   error
}

// redo aborts a direct write: the executor answers the operation instead.
type redo struct{ why string }

// writer walks the operation's selection set over the read-ahead's Go values and writes
// the JSON gqlgen's executor would: fields collected by graphql.CollectFields (so
// fragments, @skip/@include and variables are gqlgen's), in selection order, scalars and
// enums through their gqlgen marshalers.
type writer struct {
	d    *directSchema
	ctx  context.Context
	oc   *graphql.OperationContext
	buf  *bytes.Buffer
	sets map[setKey]*collected
}

// setKey names one selection set (by its first element and length, as gqlgen's own
// CollectFields cache does) collected for one object type.
type setKey struct {
	first *ast.Selection
	n     int
	typ   string
}

// collected is a selection set's fields on one object type, each with its key as
// written (`"alias":`, after a comma but for the first) and its accessor (nil for
// __typename and for a field without a binding).
type collected struct {
	fields []graphql.CollectedField
	keys   [][]byte
	accs   []*accessor
}

var (
	marshalerType = reflect.TypeOf((*graphql.Marshaler)(nil)).Elem()
	comma, colon  = []byte{','}, []byte{':'}
	openObject    = []byte{'{'}
	closeObject   = []byte{'}'}
	null          = []byte("null")
)

// buffers keeps the writer's buffers between requests: grown by doubling for every
// answer, they were a fifth of the bytes a large read allocated. The answer is copied
// out once, at its size; a buffer grown past maxPooledBuffer is left to the collector.
var buffers = sync.Pool{New: func() any { return new(bytes.Buffer) }}

const maxPooledBuffer = 1 << 20

// write answers the operation from rr; ok is false when the executor must answer instead.
func (d *directSchema) write(ctx context.Context, oc *graphql.OperationContext, rr *readResults) (data []byte, errs []rootError, ok bool) {
	w := &writer{d: d, ctx: ctx, oc: oc, buf: buffers.Get().(*bytes.Buffer)}
	defer func() {
		if w.buf.Cap() <= maxPooledBuffer {
			w.buf.Reset()
			buffers.Put(w.buf)
		}
	}()
	defer func() {
		if r := recover(); r != nil {
			if _, expected := r.(redo); !expected {
				d.s.Logger.ErrorContext(ctx, "direct write failed, answered by the executor", "panic", fmt.Sprint(r))
			}
			data, errs, ok = nil, nil, false
		}
	}()
	fields := graphql.CollectFields(oc, oc.Operation.SelectionSet, []string{"Query"})
	w.buf.Write(openObject)
	for i, f := range fields {
		w.buf.Write(fieldKey(i, f.Alias))
		if f.Name == "__typename" {
			graphql.MarshalString("Query").MarshalGQL(w.buf)
			continue
		}
		v, err := rr.root(f.Alias)
		if err != nil {
			if f.Definition.Type.NonNull {
				panic(redo{"error in a non-null root field"})
			}
			errs = append(errs, rootError{f, err})
			w.buf.Write(null)
			continue
		}
		w.value(f.Definition.Type, w.d.Schema().Types[f.Definition.Type.Name()], reflect.ValueOf(v), f.Selections)
	}
	w.buf.Write(closeObject)
	if w.buf.Cap() > maxPooledBuffer { // not pooled again: the answer is its bytes
		return w.buf.Bytes(), errs, true
	}
	return bytes.Clone(w.buf.Bytes()), errs, true
}

// root is what rootValue gives the executor's resolver for the root field under alias.
func (rr *readResults) root(alias string) (any, error) {
	if err, ok := rr.refused[alias]; ok {
		return nil, err
	}
	if rr.err != nil {
		return nil, rr.err
	}
	return rr.results.Get(alias)
}

// fieldKey is the key of the i-th field of an object as written: `"alias":`, after a comma
// but for the first.
func fieldKey(i int, alias string) []byte {
	var b bytes.Buffer
	if i > 0 {
		b.Write(comma)
	}
	graphql.MarshalString(alias).MarshalGQL(&b)
	b.Write(colon)
	return b.Bytes()
}

// null writes null where t allows it; a null where t forbids it is gqlgen's to report.
func (w *writer) null(t *ast.Type) {
	if t.NonNull {
		panic(redo{"null in a non-null position"})
	}
	w.buf.Write(null)
}

// indirect follows interfaces and pointers to the value; ok is false for a nil one.
func indirect(v reflect.Value) (reflect.Value, bool) {
	for v.IsValid() && (v.Kind() == reflect.Interface || v.Kind() == reflect.Pointer) {
		if v.IsNil() {
			return v, false
		}
		if v.Kind() == reflect.Pointer && v.Elem().Kind() == reflect.Struct {
			return v, true // objects stay pointers: their methods have pointer receivers
		}
		v = v.Elem()
	}
	return v, v.IsValid()
}

// value writes v as type t, whose named type is def.
func (w *writer) value(t *ast.Type, def *ast.Definition, v reflect.Value, sel ast.SelectionSet) {
	if t.Elem != nil {
		w.list(t, def, v, sel)
		return
	}
	if def.Kind == ast.Scalar || def.Kind == ast.Enum {
		w.scalar(t, v)
		return
	}
	v, ok := indirect(v)
	if !ok {
		w.null(t)
		return
	}
	if v.Kind() == reflect.Struct { // a list element held by value, e.g. a Citation
		if !v.CanAddr() {
			p := reflect.New(v.Type())
			p.Elem().Set(v)
			v = p.Elem()
		}
		v = v.Addr()
	}
	w.object(def, v, sel)
}

// list writes a slice; a nil one is [] in a non-null position (gqlgen's marshalN...
// functions do not test for nil) and null in a nullable one.
func (w *writer) list(t *ast.Type, def *ast.Definition, v reflect.Value, sel ast.SelectionSet) {
	v, ok := indirect(v)
	if ok && v.Kind() != reflect.Slice {
		panic(redo{"not a list: " + v.Type().String()})
	}
	if !ok || v.IsNil() {
		if !t.NonNull {
			w.buf.Write(null)
			return
		}
	}
	w.buf.WriteByte('[')
	for i := 0; ok && i < v.Len(); i++ {
		if i > 0 {
			w.buf.Write(comma)
		}
		w.value(t.Elem, def, v.Index(i), sel)
	}
	w.buf.WriteByte(']')
}

// scalar writes a scalar or enum as gqlgen's marshalers do: a type's own MarshalGQL
// (Date, the enums), else graphql.MarshalString, MarshalBoolean, MarshalInt64 (as
// MarshalInt writes it), MarshalMap and MarshalFloatContext.
func (w *writer) scalar(t *ast.Type, v reflect.Value) {
	v, ok := indirect(v)
	if !ok {
		w.null(t)
		return
	}
	if v.Type().Implements(marshalerType) {
		v.Interface().(graphql.Marshaler).MarshalGQL(w.buf)
		return
	}
	var m interface{ MarshalGQL(io.Writer) }
	switch v.Kind() {
	case reflect.String:
		m = graphql.MarshalString(v.String())
	case reflect.Bool:
		m = graphql.MarshalBoolean(v.Bool())
	case reflect.Int, reflect.Int32, reflect.Int64:
		m = graphql.MarshalInt64(v.Int())
	case reflect.Map: // JSON
		if v.IsNil() {
			w.null(t)
			return
		}
		m = graphql.MarshalMap(v.Interface().(map[string]any))
	case reflect.Float64:
		if err := graphql.MarshalFloatContext(v.Float()).MarshalGQLContext(w.ctx, w.buf); err != nil {
			panic(redo{err.Error()})
		}
		return
	default:
		panic(redo{"no marshaler for " + v.Type().String()})
	}
	m.MarshalGQL(w.buf)
}

// object writes the object v (a pointer to its Go struct) as the type def, or as the
// concrete type v is when def is an interface.
func (w *writer) object(def *ast.Definition, v reflect.Value, sel ast.SelectionSet) {
	name := def.Name
	if def.Kind != ast.Object {
		name = v.Type().Elem().Name() // graph's entity types are named as the schema's
		if !w.possible(def, name) {
			panic(redo{name + " does not implement " + def.Name})
		}
	}
	if v.Kind() != reflect.Pointer {
		panic(redo{"not an object: " + v.Type().String()})
	}
	if v.Type() != directTypes[name] { // e.g. a PersonEdge's node that is no Person: gqlgen's null
		panic(redo{v.Type().String() + " is not a " + name})
	}
	set := w.collect(sel, name)
	w.buf.Write(openObject)
	for i, f := range set.fields {
		w.buf.Write(set.keys[i])
		if f.Name == "__typename" {
			graphql.MarshalString(name).MarshalGQL(w.buf)
			continue
		}
		acc := set.accs[i]
		if acc == nil {
			panic(redo{"no binding for " + name + "." + f.Name})
		}
		w.value(acc.typ, acc.def, acc.get(v, f.Alias), f.Selections)
	}
	w.buf.Write(closeObject)
}

// collect is graphql.CollectFields for an object of type name, with each field's
// accessor, once per selection set and type in a request: gqlgen caches the fields too,
// but builds (and allocates) its key on every call, once per object written.
func (w *writer) collect(sel ast.SelectionSet, name string) *collected {
	var k setKey
	if len(sel) > 0 {
		k = setKey{&sel[0], len(sel), name}
		if set, ok := w.sets[k]; ok {
			return set
		}
	}
	set := &collected{fields: graphql.CollectFields(w.oc, sel, w.d.impls[name])}
	set.keys, set.accs = make([][]byte, len(set.fields)), make([]*accessor, len(set.fields))
	for i, f := range set.fields {
		set.keys[i] = fieldKey(i, f.Alias)
		if acc, ok := w.d.bindings[name+"."+f.Name]; ok {
			set.accs[i] = &acc
		}
	}
	if len(sel) > 0 {
		if w.sets == nil {
			w.sets = map[setKey]*collected{}
		}
		w.sets[k] = set
	}
	return set
}

func (w *writer) possible(def *ast.Definition, name string) bool {
	for _, t := range w.d.Schema().GetPossibleTypes(def) {
		if t.Name == name {
			return true
		}
	}
	return false
}
