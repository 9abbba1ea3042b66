package server

import (
	"fmt"
	"io"
	"net/http"
	"strconv"
	"strings"

	"github.com/accgraph/accgraph/csvout"
	"github.com/accgraph/accgraph/graph"
)

// handleSavedList answers GET /saved: the saved queries, their variables and URLs.
func (s *Server) handleSavedList(w http.ResponseWriter, r *http.Request) {
	list, err := s.DB.SavedQueries(r.Context(), r.URL.Query().Get("tag"))
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	out := make([]map[string]any, 0, len(list))
	for _, q := range list {
		out = append(out, map[string]any{"name": q.Name, "version": q.Version, "title": q.Title,
			"description": q.Description, "tags": q.Tags, "variables": q.Variables,
			"url": savedURL(q.Name, ""), "json": savedURL(q.Name, ".json"), "csv": savedURL(q.Name, ".csv")})
	}
	writeJSON(w, http.StatusOK, out)
}

func savedURL(name, suffix string) string { return "/saved/" + name + suffix }

// handleSavedRun answers GET /saved/{name}[.json|.csv]?var=value&version=N&bom=0: the
// table as JSON (typed values) or as RFC 4180 CSV (UTF-8 with a byte-order mark unless
// bom=0, so that Excel reads it as UTF-8; a header row; one physical line per record;
// formulas neutralised).
func (s *Server) handleSavedRun(w http.ResponseWriter, r *http.Request) {
	name, asCSV := strings.CutSuffix(r.PathValue("name"), ".csv")
	if !asCSV {
		name = strings.TrimSuffix(name, ".json")
	}
	query := r.URL.Query()
	version := 0
	if v := query.Get("version"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 {
			s.writeError(w, r, graph.Errorf(graph.EINVALID, "version must be a positive integer, got %q", v))
			return
		}
		version = n
	}
	q, err := s.DB.SavedQueryVersion(r.Context(), name, version)
	if err != nil {
		if graph.ErrorCode(err) == graph.ENOTFOUND {
			writeJSON(w, http.StatusNotFound, map[string]string{"error": graph.ErrorMessage(err), "code": gqlCode(graph.ENOTFOUND), "list": "/saved"})
			return
		}
		s.writeError(w, r, err)
		return
	}
	bom := true
	if b := query.Get("bom"); b != "" {
		if bom, err = strconv.ParseBool(b); err != nil {
			s.writeError(w, r, graph.Errorf(graph.EINVALID, "bom must be 1 or 0, got %q", b))
			return
		}
	}
	query.Del("bom")
	vars, err := SavedQueryVariables(q, query)
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	res, err := s.RunSavedQuery(r.Context(), q, vars)
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	if !asCSV {
		writeJSON(w, http.StatusOK, res.JSON())
		return
	}
	w.Header().Set("Content-Type", "text/csv; charset=utf-8")
	w.Header().Set("Content-Disposition", fmt.Sprintf(`attachment; filename="%s.csv"`, q.Name))
	if bom {
		_, _ = io.WriteString(w, utf8BOM)
	}
	cw := csvout.NewWriter(w)
	_ = cw.Write(res.Columns)
	_ = cw.WriteAll(oneLine(res.Rows))
}

// utf8BOM starts a CSV so that Excel reads it as UTF-8 (“ ” ’ and Persian intact);
// other readers take it as the encoding's signature.
const utf8BOM = "\uFEFF"

// oneLine puts each record on one physical line: a line break inside a cell (a
// statement's paragraphs) becomes a space.
func oneLine(rows [][]string) [][]string {
	out := make([][]string, len(rows))
	for i, r := range rows {
		out[i] = make([]string, len(r))
		for j, c := range r {
			if strings.ContainsAny(c, "\r\n") {
				c = strings.Join(strings.Fields(c), " ")
			}
			out[i][j] = c
		}
	}
	return out
}
