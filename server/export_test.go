package server

// DirectStats tells how many queries the direct writer answered, how many it left to the
// executor up front (unsupported) and how many the executor answered after it (redone).
func (s *Server) DirectStats() (written, unsupported, redone int64) {
	return s.direct.written.Load(), s.direct.unsupported.Load(), s.direct.redone.Load()
}
