package main

import (
	"bytes"
	"context"
	"testing"
)

// TestFlagHelpExitsQuietly: `import ftm --help` prints the flags and exits 0, with no
// "flag: help requested" after them.
func TestFlagHelpExitsQuietly(t *testing.T) {
	var out, errs bytes.Buffer
	err := Run(context.Background(), []string{"import", "ftm", "--help"}, func(string) string { return "" }, &out, &errs)
	if code := exitCode(err, &errs); code != 0 || bytes.Contains(errs.Bytes(), []byte("help requested")) || !bytes.Contains(errs.Bytes(), []byte("-strict")) {
		t.Errorf("import ftm --help = exit %d, stderr %q", code, errs.String())
	}
}
