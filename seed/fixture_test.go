package seed_test

import (
	"io/fs"
	"os"
	"path/filepath"
	"testing"
	"testing/fstest"
)

// fixture is testdata/base with the files of testdata/NAME added or replacing its own.
func fixture(t *testing.T, name string) fs.FS {
	t.Helper()
	out := fstest.MapFS{}
	for _, dir := range []string{"base", name} {
		root := filepath.Join("testdata", dir)
		err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			data, err := os.ReadFile(path)
			if err != nil {
				return err
			}
			rel, _ := filepath.Rel(root, path)
			out[filepath.ToSlash(rel)] = &fstest.MapFile{Data: data}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	return out
}
