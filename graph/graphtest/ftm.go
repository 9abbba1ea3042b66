package graphtest

import (
	"bytes"
	"io"
	"os/exec"
	"path/filepath"
	"runtime"
	"testing"
)

// FtMLibrary runs seed/ftmtool/ftm.py with followthemoney, the reference implementation
// (`make ftm-tools` installs it; `make test` does), with stdin as its input, and gives
// what it wrote. Any failure fails the test.
func FtMLibrary(tb testing.TB, stdin io.Reader, args ...string) []byte {
	tb.Helper()
	_, here, _, _ := runtime.Caller(0)
	script := filepath.Join(filepath.Dir(here), "..", "..", "seed", "ftmtool", "ftm.py")
	cmd := exec.Command("python3", append([]string{script}, args...)...)
	var stderr bytes.Buffer
	cmd.Stdin, cmd.Stderr = stdin, &stderr
	out, err := cmd.Output()
	if err != nil {
		tb.Fatalf("python3 seed/ftmtool/ftm.py %v: %v\n%s%s(the FtM tests need followthemoney: make ftm-tools)", args, err, out, stderr.String())
	}
	return out
}
