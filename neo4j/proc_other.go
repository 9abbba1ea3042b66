//go:build !linux

package neo4j

import "syscall"

// sysProcAttr puts Neo4j in its own process group (see proc_linux.go); outside Linux a
// child is not signalled when its parent dies.
func sysProcAttr(mode Mode) *syscall.SysProcAttr {
	if mode == Child {
		return &syscall.SysProcAttr{Setpgid: true}
	}
	return &syscall.SysProcAttr{Setsid: true}
}
