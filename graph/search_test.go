package graph_test

import (
	"testing"

	"github.com/accgraph/accgraph/graph"
	"github.com/accgraph/accgraph/graph/graphtest"
)

// TestStopWordsAreNeo4js checks that every word the entity_names index drops, as Neo4j
// reports its standard-folding analyzer's, is one search leaves optional.
func TestStopWordsAreNeo4js(t *testing.T) {
	graphtest.MustOpenDB(t)
	rows := graphtest.Exec(t, `CALL db.index.fulltext.listAvailableAnalyzers() YIELD analyzer, stopwords
		WHERE analyzer = 'standard-folding' RETURN stopwords`, nil)
	if len(rows) != 1 {
		t.Fatalf("no standard-folding analyzer: %v", rows)
	}
	words, _ := rows[0].Values[0].([]any)
	if len(words) == 0 {
		t.Fatal("Neo4j reports no stop words")
	}
	for _, w := range words {
		if !graph.StopWord(w.(string)) {
			t.Errorf("Neo4j drops %q; search does not treat it as a stop word", w)
		}
	}
	if graph.StopWord("ministry") {
		t.Error("ministry is a stop word")
	}
}
