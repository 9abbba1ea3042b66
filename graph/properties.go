package graph

// record is stored properties as the decoders read them: a list a compiled read
// projected, with the keys of its values in order (its shape), or a node's or a
// relationship's property map (recordOf). A compiled read decodes hundreds of records
// per answer, so a projected list is read in place, by a scan of its few keys, rather
// than copied into a map.
type record struct {
	keys shape
	vals []any
}

// record reads a projected list by s (no values for null).
func (s shape) record(v any) record {
	list, _ := v.([]any)
	return record{s, list}
}

// recordOf is the record of a property map, as properties(n) returns it.
func recordOf(m map[string]any) record {
	r := record{make(shape, 0, len(m)), make([]any, 0, len(m))}
	for k, v := range m {
		r.keys = append(r.keys, k)
		r.vals = append(r.vals, v)
	}
	return r
}

// get is the value under key (nil when the record has none).
func (r record) get(key string) any {
	for i, k := range r.keys {
		if k == key && i < len(r.vals) {
			return r.vals[i]
		}
	}
	return nil
}

// has reports whether key was read, projected or stored, even as null.
func (r record) has(key string) bool {
	for i, k := range r.keys {
		if k == key {
			return i < len(r.vals)
		}
	}
	return false
}
