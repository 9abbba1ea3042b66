package seed

import (
	"bufio"
	"embed"
	"fmt"
	"io/fs"
	"path"
	"sort"
	"strings"

	"github.com/accgraph/accgraph/graph"
)

//go:embed queries
var queries embed.FS

// Queries returns the built-in library of saved queries (queries/*.graphql).
func Queries() fs.FS { return embedded(queries, "queries") }

// LoadQueries reads every NAME.graphql of fsys into a saved query named NAME. A file
// starts with a header of comment lines:
//
//	# title: Who held a post on a date
//	# description: ...
//	# tags: posts, time travel
//	# rows: holders                     (dot path to the list of rows)
//	# column: Person = person.name      (one per column, in order)
//	# citations: Sources = citations    (a column gathering the citations at a path)
//	# column: Date = date | undated     (the text of a cell the path leaves empty)
//	# column: Confidence = citation.confidence, statement.confidence  (several paths: the values at each)
//
// and the rest is the GraphQL document. Errors name the file and line.
func LoadQueries(fsys fs.FS) ([]*graph.SavedQuery, error) {
	names, err := fs.Glob(fsys, "*.graphql")
	if err != nil {
		return nil, err
	}
	sort.Strings(names)
	var all graph.Problems
	var out []*graph.SavedQuery
	for _, name := range names {
		data, err := fs.ReadFile(fsys, name)
		if err != nil {
			return nil, err
		}
		q, problems := parseQuery(name, string(data))
		for _, p := range problems {
			all.At(graph.Origin{File: name, Lines: map[string]int{"": p.line}}).Add(p.field, "%s", p.msg)
		}
		out = append(out, q)
	}
	if err := all.Err(); err != nil {
		return nil, err
	}
	return out, nil
}

type headerProblem struct {
	line       int
	field, msg string
}

// ParseQuery reads one saved query file (see LoadQueries) named name.
func ParseQuery(name, text string) (*graph.SavedQuery, error) {
	q, problems := parseQuery(name, text)
	var all graph.Problems
	for _, p := range problems {
		all.At(graph.Origin{File: name, Lines: map[string]int{"": p.line}}).Add(p.field, "%s", p.msg)
	}
	return q, all.Err()
}

func parseQuery(name, text string) (*graph.SavedQuery, []headerProblem) {
	q := &graph.SavedQuery{Name: strings.TrimSuffix(path.Base(name), ".graphql"), CreatedBy: "accgraph seed"}
	var problems []headerProblem
	sc := bufio.NewScanner(strings.NewReader(text))
	line := 0
	var doc []string
	for sc.Scan() {
		line++
		l := sc.Text()
		rest, isHeader := strings.CutPrefix(strings.TrimSpace(l), "#")
		if !isHeader || len(doc) > 0 {
			doc = append(doc, l)
			continue
		}
		key, value, ok := strings.Cut(rest, ":")
		key, value = strings.TrimSpace(key), strings.TrimSpace(value)
		if !ok {
			continue // a plain comment
		}
		switch key {
		case "title":
			q.Title = value
		case "description":
			q.Description = strings.TrimSpace(q.Description + " " + value)
		case "tags":
			for _, t := range strings.Split(value, ",") {
				if t = strings.TrimSpace(t); t != "" {
					q.Tags = append(q.Tags, t)
				}
			}
		case "rows":
			q.Rows = value
		case "column", "citations":
			colName, colPath, ok := strings.Cut(value, "=")
			if !ok {
				problems = append(problems, headerProblem{line, key, "want NAME = path.to.field"})
				continue
			}
			colPath, empty, _ := strings.Cut(colPath, "|")
			q.Columns = append(q.Columns, graph.Column{Name: strings.TrimSpace(colName), Path: strings.TrimSpace(colPath),
				Citations: key == "citations", Empty: strings.TrimSpace(empty)})
		default:
			problems = append(problems, headerProblem{line, key, fmt.Sprintf("unknown header %q: want title, description, tags, rows, column or citations", key)})
		}
	}
	q.Document = strings.TrimSpace(strings.Join(doc, "\n"))
	for field, missing := range map[string]bool{"title": q.Title == "", "rows": q.Rows == "", "column": len(q.Columns) == 0, "document": q.Document == ""} {
		if missing {
			problems = append(problems, headerProblem{1, field, "missing " + field})
		}
	}
	sort.Slice(problems, func(i, j int) bool { return problems[i].field < problems[j].field })
	return q, problems
}
