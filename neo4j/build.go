package neo4j

import (
	"bytes"
	"context"
	"crypto/sha256"
	_ "embed"
	"errors"
	"fmt"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
)

//go:embed pom.xml
var pom []byte

// Version is the Neo4j version the embedded pom.xml resolves.
var Version = string(regexp.MustCompile(`<neo4j.version>([^<]+)</neo4j.version>`).FindSubmatch(pom)[1])

// findJava returns the java binary (JAVA_HOME first, then PATH) after checking that it is a
// Java that Neo4j 5.26 runs on.
func findJava(ctx context.Context) (string, error) {
	java := ""
	if home := os.Getenv("JAVA_HOME"); home != "" {
		java = filepath.Join(home, "bin", "java")
		if _, err := os.Stat(java); err != nil {
			return "", fmt.Errorf("JAVA_HOME=%s has no bin/java: Neo4j 5.26 needs Java 17 or 21", home)
		}
	} else if p, err := exec.LookPath("java"); err == nil {
		java = p
	} else {
		return "", errors.New("java not found: Neo4j 5.26 needs Java 17 or 21 (apt-get install openjdk-17-jre-headless, or set JAVA_HOME)")
	}
	out, err := exec.CommandContext(ctx, java, "-version").CombinedOutput()
	if err != nil {
		return "", fmt.Errorf("java at %s does not run (%v): Neo4j 5.26 needs Java 17 or 21", java, err)
	}
	major, ok := javaMajor(string(out))
	if !ok || major < 17 || major > 21 {
		return "", fmt.Errorf("java at %s is %q: Neo4j 5.26 needs Java 17 or 21 (set JAVA_HOME)", java, firstLine(string(out)))
	}
	return java, nil
}

// javaMajor reads the major version from `java -version` output ("17.0.15", "21", "1.8.0").
func javaMajor(out string) (int, bool) {
	m := regexp.MustCompile(`version "(\d+)(?:\.(\d+))?`).FindStringSubmatch(out)
	if m == nil {
		return 0, false
	}
	major, _ := strconv.Atoi(m[1])
	if major == 1 && m[2] != "" { // 1.8 means Java 8
		major, _ = strconv.Atoi(m[2])
	}
	return major, true
}

// ensureClasspath returns the directory of the Neo4j server jars, building it with Maven the
// first time. The directory is keyed by the pom's hash and marked complete only after a
// successful build, so a second start needs no network and a failed build is never used.
func ensureClasspath(ctx context.Context, cfg Config) (string, error) {
	sum := sha256.Sum256(pom)
	dir := filepath.Join(cfg.CacheDir, fmt.Sprintf("neo4j-%s-%x", Version, sum[:6]))
	lib := filepath.Join(dir, "target", "lib")
	if _, err := os.Stat(filepath.Join(dir, "complete")); err == nil {
		return lib, nil
	}
	mvn, err := exec.LookPath("mvn")
	if err != nil {
		return "", fmt.Errorf("mvn not found: the embedded Neo4j %s is resolved from Maven Central with Maven (apt-get install maven)", Version)
	}
	if err := os.MkdirAll(cfg.CacheDir, 0o755); err != nil {
		return "", fmt.Errorf("neo4j classpath cache: %w", err)
	}
	tmp, err := os.MkdirTemp(cfg.CacheDir, "build-")
	if err != nil {
		return "", fmt.Errorf("neo4j classpath cache: %w", err)
	}
	defer os.RemoveAll(tmp)
	if err := os.WriteFile(filepath.Join(tmp, "pom.xml"), pom, 0o644); err != nil {
		return "", err
	}
	cfg.Logger.Info("resolving neo4j from Maven Central (first start only)", "version", Version, "cache", dir)
	args := append([]string{"-B", "-q", "-f", filepath.Join(tmp, "pom.xml")}, cfg.MavenArgs...)
	cmd := exec.CommandContext(ctx, mvn, append(args, "package")...)
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	if err := cmd.Run(); err != nil {
		return "", fmt.Errorf("maven could not resolve org.neo4j:neo4j:%s: %s", Version, mavenError(out.String(), err))
	}
	if err := os.WriteFile(filepath.Join(tmp, "complete"), []byte(Version+"\n"), 0o644); err != nil {
		return "", err
	}
	if err := os.Rename(tmp, dir); err != nil {
		if _, statErr := os.Stat(filepath.Join(dir, "complete")); statErr == nil {
			return lib, nil // another process built it first
		}
		return "", fmt.Errorf("neo4j classpath cache: %w", err)
	}
	return lib, nil
}

// mavenError picks the first [ERROR] line of Maven's output.
func mavenError(out string, err error) string {
	for _, line := range strings.Split(out, "\n") {
		if strings.HasPrefix(line, "[ERROR]") {
			return strings.TrimSpace(strings.TrimPrefix(line, "[ERROR]"))
		}
	}
	if s := strings.TrimSpace(out); s != "" {
		return firstLine(s)
	}
	return err.Error()
}

func firstLine(s string) string {
	line, _, _ := strings.Cut(strings.TrimSpace(s), "\n")
	return strings.TrimSpace(line)
}

// prepareDir creates the server's directories and proves they are writable.
func prepareDir(dir string) error {
	for _, sub := range []string{"data", "logs", "run"} {
		if err := os.MkdirAll(filepath.Join(dir, sub), 0o755); err != nil {
			return fmt.Errorf("neo4j data dir %s is not writable: %w", dir, err)
		}
	}
	probe, err := os.CreateTemp(filepath.Join(dir, "data"), ".write-test-")
	if err != nil {
		return fmt.Errorf("neo4j data dir %s is not writable: %w", dir, err)
	}
	probe.Close()
	return os.Remove(probe.Name())
}

// choosePort returns port when it is free on 127.0.0.1, or a free port when port is 0.
func choosePort(port int) (int, error) {
	l, err := net.Listen("tcp", fmt.Sprintf("127.0.0.1:%d", port))
	if err != nil {
		return 0, fmt.Errorf("port %d on 127.0.0.1 is taken (another Neo4j? choose another with --neo4j-port or ACCGRAPH_NEO4J_PORT): %w", port, err)
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port, nil
}

// setInitialPassword sets the neo4j user's password before the first start of a fresh
// data dir, as `neo4j-admin dbms set-initial-password` does. Later starts keep the
// password of the first.
func setInitialPassword(ctx context.Context, cfg Config, java, lib string) error {
	if cfg.Password == "" {
		return nil
	}
	if _, err := os.Stat(filepath.Join(cfg.Dir, "data", "dbms", "auth.ini")); err == nil {
		return nil
	}
	if _, err := os.Stat(filepath.Join(cfg.Dir, "data", "databases", "system")); err == nil {
		return nil // started before with auth off: the system database holds the users
	}
	cmd := exec.CommandContext(ctx, java, "-cp", filepath.Join(lib, "*"), "org.neo4j.cli.AdminTool",
		"dbms", "set-initial-password", cfg.Password)
	cmd.Env = append(os.Environ(), "NEO4J_HOME="+cfg.Dir, "NEO4J_CONF="+filepath.Join(cfg.Dir, "conf"))
	if out, err := cmd.CombinedOutput(); err != nil {
		return fmt.Errorf("set the neo4j password: %s", mavenError(string(out), err))
	}
	return nil
}
