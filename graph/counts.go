package graph

import "context"

// Counts is how many nodes of each label and relationships of each type the graph holds.
type Counts struct {
	Labels map[string]int
	Types  map[string]int
}

// ReadCounts counts nodes by label and relationships by type.
func (db *DB) ReadCounts(ctx context.Context) (Counts, error) {
	c := Counts{Labels: map[string]int{}, Types: map[string]int{}}
	res, err := db.read(ctx, `
		CALL () { MATCH (n) UNWIND labels(n) AS name RETURN 'label' AS what, name, count(*) AS n
		       UNION ALL
		       MATCH ()-[r]->() RETURN 'type' AS what, type(r) AS name, count(*) AS n }
		RETURN what, name, n`, nil)
	if err != nil {
		return c, err
	}
	for _, r := range res.Records {
		what, name, n := r.Values[0].(string), r.Values[1].(string), int(r.Values[2].(int64))
		if what == "label" {
			c.Labels[name] = n
		} else {
			c.Types[name] = n
		}
	}
	return c, nil
}

// IsEmpty reports whether the graph holds no entity yet.
func (db *DB) IsEmpty(ctx context.Context) (bool, error) {
	res, err := db.read(ctx, `RETURN NOT EXISTS {
		MATCH (n) WHERE n:Person OR n:Organization OR n:Position OR n:Event
		             OR n:Verdict OR n:Statement OR n:Source OR n:Place } AS empty`, nil)
	if err != nil {
		return false, err
	}
	empty, _ := res.Records[0].Values[0].(bool)
	return empty, nil
}
