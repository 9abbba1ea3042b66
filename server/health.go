package server

import (
	"context"
	"net/http"
	"time"
)

// handleHealthz answers 200 while the process is alive: it never touches Neo4j.
func (s *Server) handleHealthz(w http.ResponseWriter, r *http.Request) {
	writeJSON(w, http.StatusOK, map[string]string{"status": "ok"})
}

// handleReadyz answers 200 when Neo4j is reachable and the migrations are applied, and
// 503 otherwise (the reason, which names Neo4j's address, is in the log line). It asks Neo4j on every call, so it turns green again
// by itself when Neo4j comes back.
func (s *Server) handleReadyz(w http.ResponseWriter, r *http.Request) {
	ctx, cancel := context.WithTimeout(r.Context(), 2*time.Second)
	defer cancel()
	if err := s.DB.Ready(ctx); err != nil {
		writeJSON(w, http.StatusServiceUnavailable, map[string]string{"status": "unavailable", "reason": s.callerMessage(r.Context(), err)})
		return
	}
	writeJSON(w, http.StatusOK, map[string]string{"status": "ready"})
}
