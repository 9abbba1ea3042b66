package graph

// intArg reads an integer argument within [1, max].
func intArg(args map[string]any, name string, def, max int, path string) (int, error) {
	v, ok := args[name]
	if !ok || v == nil {
		return def, nil
	}
	n, ok := toInt(v)
	if !ok || n < 1 || n > max {
		return 0, badArg(path+"."+name, "%s must be between 1 and %d, got %v", name, max, v)
	}
	return n, nil
}

func firstArg(args map[string]any, def int, path string) (int, error) {
	v, ok := args["first"]
	if !ok || v == nil {
		return def, nil
	}
	n, ok := toInt(v)
	if !ok || n < 0 || n > MaxFirst {
		return 0, badArg(path+".first", "first must be between 0 and %d, got %v", MaxFirst, v)
	}
	return n, nil
}

func toInt(v any) (int, bool) {
	switch n := v.(type) {
	case int:
		return n, true
	case int64:
		return int(n), true
	case float64:
		return int(n), n == float64(int(n))
	case interface{ Int64() (int64, error) }: // json.Number
		i, err := n.Int64()
		return int(i), err == nil
	}
	return 0, false
}
