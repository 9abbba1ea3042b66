package neo4j

import "syscall"

// sysProcAttr puts Neo4j in its own process group, so that Ctrl-C in a terminal reaches
// accgraph (which stops Neo4j in order) and not Neo4j directly. A child also gets SIGTERM
// when its parent dies, so `accgraph serve` never leaves an orphan behind.
func sysProcAttr(mode Mode) *syscall.SysProcAttr {
	if mode == Child {
		return &syscall.SysProcAttr{Setpgid: true, Pdeathsig: syscall.SIGTERM}
	}
	return &syscall.SysProcAttr{Setsid: true}
}
