package neo4j_test

import (
	"context"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/accgraph/accgraph/neo4j"
	"github.com/accgraph/accgraph/neo4j/neo4jtest"
)

func TestStartTwiceStartsOneServerAndStopLeavesNothing(t *testing.T) {
	ctx := context.Background()
	cfg := neo4jtest.Config(t)
	first, err := neo4j.Start(ctx, cfg, neo4j.Detached)
	if err != nil {
		t.Fatalf("start: %v", err)
	}
	t.Cleanup(func() { _, _ = neo4j.Stop(ctx, cfg) })
	if !first.Started || !strings.HasPrefix(first.URI, "neo4j://127.0.0.1:") {
		t.Fatalf("first start = %+v, want a started server on 127.0.0.1", first)
	}

	second, err := neo4j.Start(ctx, cfg, neo4j.Detached)
	if err != nil {
		t.Fatalf("second start: %v", err)
	}
	if second.Started || second.PID != first.PID || second.URI != first.URI {
		t.Fatalf("second start = %+v, want the running server %+v reused", second, first)
	}
	if n := len(neo4j.RunningIn(cfg.Dir)); n != 1 {
		t.Fatalf("%d Neo4j processes run in %s, want 1", n, cfg.Dir)
	}

	st, err := neo4j.ReadStatus(ctx, cfg)
	if err != nil || !st.Running || st.Version != "Neo4j/"+neo4j.Version {
		t.Fatalf("status = %+v, %v; want running Neo4j/%s", st, err, neo4j.Version)
	}

	stopped, err := neo4j.Stop(ctx, cfg)
	if err != nil || !stopped {
		t.Fatalf("stop = %v, %v; want true, nil", stopped, err)
	}
	if n := len(neo4j.RunningIn(cfg.Dir)); n != 0 {
		t.Fatalf("%d Neo4j processes still run in %s after stop", n, cfg.Dir)
	}
	if st, _ := neo4j.ReadStatus(ctx, cfg); st.Running {
		t.Fatalf("status after stop = %+v, want down", st)
	}
	if stopped, err := neo4j.Stop(ctx, cfg); stopped || err != nil {
		t.Fatalf("second stop = %v, %v; want false, nil", stopped, err)
	}
}

func TestStartFailsClearly(t *testing.T) {
	taken, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer taken.Close()
	takenPort := taken.Addr().(*net.TCPAddr).Port

	file := filepath.Join(t.TempDir(), "a-file")
	if err := os.WriteFile(file, nil, 0o644); err != nil {
		t.Fatal(err)
	}

	tests := []struct {
		name  string
		setup func(t *testing.T, cfg *neo4j.Config)
		want  string
	}{
		{"port taken", func(t *testing.T, cfg *neo4j.Config) { cfg.Port = takenPort },
			"port " + strconv.Itoa(takenPort) + " on 127.0.0.1 is taken"},
		{"data dir not writable", func(t *testing.T, cfg *neo4j.Config) { cfg.Dir = filepath.Join(file, "neo4j") },
			"neo4j data dir " + filepath.Join(file, "neo4j") + " is not writable"},
		{"no java", func(t *testing.T, cfg *neo4j.Config) {
			t.Setenv("JAVA_HOME", "")
			t.Setenv("PATH", t.TempDir())
		}, "java not found"},
		{"java home without java", func(t *testing.T, cfg *neo4j.Config) { t.Setenv("JAVA_HOME", t.TempDir()) },
			"has no bin/java"},
		{"maven cannot resolve", func(t *testing.T, cfg *neo4j.Config) {
			cfg.CacheDir = t.TempDir() // nothing built yet
			cfg.MavenArgs = []string{"--offline", "-Dmaven.repo.local=" + t.TempDir()}
		}, "maven could not resolve org.neo4j:neo4j:" + neo4j.Version},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cfg := neo4jtest.Config(t)
			tt.setup(t, &cfg)
			srv, err := neo4j.Start(context.Background(), cfg, neo4j.Child)
			if err == nil {
				_ = srv.Stop(context.Background())
				t.Fatalf("start succeeded, want an error containing %q", tt.want)
			}
			if !strings.Contains(err.Error(), tt.want) || strings.Contains(err.Error(), "\n") {
				t.Fatalf("error = %q, want one line containing %q", err, tt.want)
			}
		})
	}
}

func TestJavaMajor(t *testing.T) {
	for out, want := range map[string]int{
		`openjdk version "17.0.15" 2025-04-15`: 17,
		`openjdk version "21" 2023-09-19`:      21,
		`java version "1.8.0_401"`:             8,
	} {
		if got, ok := neo4j.JavaMajor(out); !ok || got != want {
			t.Errorf("JavaMajor(%q) = %d, %v; want %d", out, got, ok, want)
		}
	}
}

// TestSecondStartNeedsNoMaven: once the classpath is built, a start runs without Maven
// (and so without the network): here with no mvn on PATH at all.
func TestSecondStartNeedsNoMaven(t *testing.T) {
	cfg := neo4jtest.Config(t)
	srv := neo4jtest.Start(t, cfg) // builds the classpath if this cache has none yet
	if err := srv.Stop(context.Background()); err != nil {
		t.Fatal(err)
	}
	java, err := exec.LookPath("java")
	if err != nil {
		t.Fatal(err)
	}
	javaHome, _ := filepath.EvalSymlinks(java)
	t.Setenv("JAVA_HOME", filepath.Dir(filepath.Dir(javaHome)))
	t.Setenv("PATH", t.TempDir()) // no mvn, no java on PATH
	neo4jtest.Start(t, cfg)
}
