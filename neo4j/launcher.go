// Package neo4j runs the embedded Neo4j 5.26 LTS Community server on machines without
// Docker: the real engine, resolved from Maven Central by the small Maven project beside
// this file (pom.xml), started with Java 17 as the official bin/neo4j script starts it
// (org.neo4j.server.CommunityEntryPoint), with Bolt bound to 127.0.0.1.
//
// A home directory holds one server's data/, logs/ and run/ (with the launcher's state
// file). Start, Stop and ReadStatus all take that directory as the server's identity, so a
// second Start on the same directory returns the running server instead of a new one, and
// Stop ends only the process recorded there.
package neo4j

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"time"

	bolt "github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

// Config says where and how the embedded Neo4j runs. A zero field takes its default.
type Config struct {
	Dir          string        // home: data/, logs/, run/ (default "data/neo4j")
	CacheDir     string        // where the built classpath is kept (default: the user cache dir + "/accgraph")
	Port         int           // Bolt port on 127.0.0.1; 0 picks a free port
	Heap         string        // JVM heap, e.g. "1g" (default "1g")
	PageCache    string        // page cache, e.g. "512m" (default "512m")
	Password     string        // "" runs with auth off; otherwise auth on, user "neo4j" with this password
	StartTimeout time.Duration // how long to wait for Bolt to answer (default 2m)
	MavenArgs    []string      // extra Maven arguments for the first build, e.g. "-s", "settings.xml" for a mirror
	Logger       *slog.Logger  // progress messages (default: discarded)
}

// Mode says who owns a started server.
type Mode int

const (
	// Detached servers outlive the process that started them (`accgraph neo4j start`).
	Detached Mode = iota
	// Child servers are stopped by their parent and get SIGTERM if the parent dies (`accgraph serve`).
	Child
)

// User is the Neo4j user the launcher sets the password of.
const User = "neo4j"

func (c Config) withDefaults() (Config, error) {
	if c.Dir == "" {
		c.Dir = filepath.Join("data", "neo4j")
	}
	dir, err := filepath.Abs(c.Dir)
	if err != nil {
		return c, fmt.Errorf("neo4j dir %q: %w", c.Dir, err)
	}
	c.Dir = dir
	if c.CacheDir == "" {
		base, err := os.UserCacheDir()
		if err != nil {
			return c, fmt.Errorf("no cache dir for the Neo4j classpath (set ACCGRAPH_CACHE): %w", err)
		}
		c.CacheDir = filepath.Join(base, "accgraph")
	}
	if c.Heap == "" {
		c.Heap = "1g"
	}
	if c.PageCache == "" {
		c.PageCache = "512m"
	}
	if c.StartTimeout == 0 {
		c.StartTimeout = 2 * time.Minute
	}
	if c.Logger == nil {
		c.Logger = slog.New(slog.DiscardHandler)
	}
	if c.Port < 0 || c.Port > 65535 {
		return c, fmt.Errorf("neo4j port %d is out of range", c.Port)
	}
	return c, nil
}

// Server is a running embedded Neo4j.
type Server struct {
	URI     string // neo4j://127.0.0.1:PORT
	Port    int
	PID     int
	Dir     string
	Started bool // false when Start found the server already running and reused it

	done <-chan struct{} // closed when the process exits; nil when this process did not start it
}

// Start starts Neo4j in cfg.Dir and waits until Bolt answers. When a server recorded in
// that directory is already running, Start returns it with Started false.
func Start(ctx context.Context, cfg Config, mode Mode) (*Server, error) {
	cfg, err := cfg.withDefaults()
	if err != nil {
		return nil, err
	}
	if err := prepareDir(cfg.Dir); err != nil {
		return nil, err
	}
	if st, ok := readState(cfg.Dir); ok && recorded(st, cfg.Dir) {
		cfg.Logger.Info("neo4j already running", "dir", cfg.Dir, "pid", st.PID, "uri", st.URI)
		return &Server{URI: st.URI, Port: st.Port, PID: st.PID, Dir: cfg.Dir}, nil
	}
	java, err := findJava(ctx)
	if err != nil {
		return nil, err
	}
	lib, err := ensureClasspath(ctx, cfg)
	if err != nil {
		return nil, err
	}
	port, err := choosePort(cfg.Port)
	if err != nil {
		return nil, err
	}
	if err := setInitialPassword(ctx, cfg, java, lib); err != nil {
		return nil, err
	}

	console, err := os.OpenFile(filepath.Join(cfg.Dir, "logs", "console.log"), os.O_CREATE|os.O_WRONLY|os.O_APPEND, 0o644)
	if err != nil {
		return nil, fmt.Errorf("neo4j console log: %w", err)
	}
	defer console.Close()
	cmd := exec.Command(java, javaArgs(cfg, lib, port)...)
	cmd.Dir = cfg.Dir
	cmd.Stdout, cmd.Stderr = console, console
	cmd.SysProcAttr = sysProcAttr(mode)
	began := time.Now()
	if err := cmd.Start(); err != nil {
		return nil, fmt.Errorf("start neo4j (%s): %w", java, err)
	}
	done := make(chan struct{})
	go func() { _ = cmd.Wait(); close(done) }() // reaps the process whoever stops it

	srv := &Server{URI: fmt.Sprintf("neo4j://127.0.0.1:%d", port), Port: port, PID: cmd.Process.Pid, Dir: cfg.Dir, Started: true, done: done}
	if err := writeState(cfg.Dir, state{PID: srv.PID, Port: port, URI: srv.URI, Auth: cfg.Password != ""}); err != nil {
		_ = srv.kill()
		return nil, err
	}
	cfg.Logger.Info("neo4j starting", "version", Version, "dir", cfg.Dir, "pid", srv.PID, "port", port)
	if err := waitForBolt(ctx, cfg, srv); err != nil {
		_ = srv.kill()
		removeState(cfg.Dir)
		return nil, err
	}
	cfg.Logger.Info("neo4j ready", "uri", srv.URI, "took", time.Since(began).Round(time.Millisecond).String())
	return srv, nil
}

// javaArgs are the JVM flags the shipped neo4j.conf adds, the memory settings and the
// server settings that keep the embedded server private to this machine.
func javaArgs(cfg Config, lib string, port int) []string {
	addr := fmt.Sprintf("127.0.0.1:%d", port)
	args := []string{
		"-Xms" + cfg.Heap, "-Xmx" + cfg.Heap,
		"-XX:+UseG1GC", "-XX:-OmitStackTraceInFastThrow", "-XX:+DisableExplicitGC",
		"-Djdk.nio.maxCachedBufferSize=1024", "-Dio.netty.tryReflectionSetAccessible=true",
		"-Dfile.encoding=UTF-8", "-Djdk.tls.ephemeralDHKeySize=2048",
		"--add-opens=java.base/java.nio=ALL-UNNAMED",
		"--add-opens=java.base/java.io=ALL-UNNAMED",
		"--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
		"--add-opens=java.base/java.lang=ALL-UNNAMED",
		"--enable-native-access=ALL-UNNAMED",
		"-cp", filepath.Join(lib, "*"),
		"org.neo4j.server.CommunityEntryPoint",
		"--home-dir=" + cfg.Dir,
	}
	settings := []string{
		"server.bolt.listen_address=" + addr,
		"server.bolt.advertised_address=" + addr,
		"server.http.enabled=false",
		"server.https.enabled=false",
		"server.memory.pagecache.size=" + cfg.PageCache,
		"dbms.usage_report.enabled=false",
		// Bolt waits 5s twice for idle connections on shutdown; a local server need not.
		"internal.server.bolt.connection_shutdown_wait_time=1s",
		"internal.server.bolt.thread_pool_shutdown_wait_time=1s",
		"dbms.security.auth_enabled=" + strconv.FormatBool(cfg.Password != ""),
	}
	for _, s := range settings {
		args = append(args, "-c", s)
	}
	return args
}

// waitForBolt polls Bolt until it answers, the process dies or the timeout passes.
func waitForBolt(ctx context.Context, cfg Config, srv *Server) error {
	ctx, cancel := context.WithTimeout(ctx, cfg.StartTimeout)
	defer cancel()
	var last error
	for {
		pctx, pcancel := context.WithTimeout(ctx, 2*time.Second)
		_, last = serverAgent(pctx, srv.URI, cfg.Password)
		pcancel()
		if last == nil {
			return nil
		}
		select {
		case <-srv.done:
			return fmt.Errorf("neo4j exited during start-up: %s", lastLogLine(cfg.Dir))
		case <-ctx.Done():
			if ctx.Err() == context.DeadlineExceeded {
				return fmt.Errorf("neo4j did not answer on %s within %s: %v (see %s)", srv.URI, cfg.StartTimeout, last, filepath.Join(cfg.Dir, "logs"))
			}
			return ctx.Err()
		case <-time.After(250 * time.Millisecond):
		}
	}
}

// serverAgent connects to uri and returns the server's agent string, e.g. "Neo4j/5.26.30".
func serverAgent(ctx context.Context, uri, password string) (string, error) {
	auth := bolt.NoAuth()
	if password != "" {
		auth = bolt.BasicAuth(User, password, "")
	}
	driver, err := bolt.NewDriverWithContext(uri, auth, func(c *bolt.Config) {
		c.SocketConnectTimeout = time.Second
		c.MaxConnectionPoolSize = 1
	})
	if err != nil {
		return "", err
	}
	defer driver.Close(context.WithoutCancel(ctx))
	info, err := driver.GetServerInfo(ctx)
	if err != nil {
		return "", err
	}
	return info.Agent(), nil
}

// Stop ends the server this process started and waits until it has exited.
func (s *Server) Stop(ctx context.Context) error {
	if !s.Started {
		return nil // not ours to stop
	}
	if err := syscall.Kill(s.PID, syscall.SIGTERM); err != nil && !errors.Is(err, syscall.ESRCH) {
		return fmt.Errorf("stop neo4j pid %d: %w", s.PID, err)
	}
	err := waitExit(ctx, s.PID, s.Dir, s.done)
	removeState(s.Dir)
	return err
}

// Done is closed when a server this process started has exited.
func (s *Server) Done() <-chan struct{} { return s.done }

func (s *Server) kill() error {
	err := syscall.Kill(s.PID, syscall.SIGKILL)
	if s.done != nil {
		<-s.done
	}
	return err
}

// Stop ends the server recorded in cfg.Dir, whoever started it. It reports whether a
// server was running; it never signals a process that is not that server.
func Stop(ctx context.Context, cfg Config) (bool, error) {
	cfg, err := cfg.withDefaults()
	if err != nil {
		return false, err
	}
	st, ok := readState(cfg.Dir)
	if !ok || !recorded(st, cfg.Dir) {
		removeState(cfg.Dir)
		return false, nil
	}
	if err := syscall.Kill(st.PID, syscall.SIGTERM); err != nil && !errors.Is(err, syscall.ESRCH) {
		return true, fmt.Errorf("stop neo4j pid %d: %w", st.PID, err)
	}
	err = waitExit(ctx, st.PID, cfg.Dir, nil)
	removeState(cfg.Dir)
	return true, err
}

// waitExit waits for pid to exit, escalating to SIGKILL after 60 seconds.
func waitExit(ctx context.Context, pid int, dir string, done <-chan struct{}) error {
	deadline := time.After(60 * time.Second)
	tick := time.NewTicker(100 * time.Millisecond)
	defer tick.Stop()
	for {
		select {
		case <-done: // nil for servers started elsewhere: never ready
			return nil
		case <-tick.C:
			if done == nil && !processAlive(pid, dir) {
				return nil
			}
		case <-deadline:
			_ = syscall.Kill(pid, syscall.SIGKILL)
			deadline = nil
		case <-ctx.Done():
			return ctx.Err()
		}
	}
}

// Status is what ReadStatus found.
type Status struct {
	Running bool
	PID     int
	URI     string
	Version string // the server's agent, e.g. "Neo4j/5.26.30"; empty when Bolt did not answer
	Err     error  // why Bolt did not answer, when the process is up
}

// ReadStatus reports whether the server recorded in cfg.Dir is up, and its version.
func ReadStatus(ctx context.Context, cfg Config) (Status, error) {
	cfg, err := cfg.withDefaults()
	if err != nil {
		return Status{}, err
	}
	st, ok := readState(cfg.Dir)
	if !ok || !recorded(st, cfg.Dir) {
		return Status{}, nil
	}
	s := Status{Running: true, PID: st.PID, URI: st.URI}
	ctx, cancel := context.WithTimeout(ctx, 5*time.Second)
	defer cancel()
	password := ""
	if st.Auth {
		password = cfg.Password
	}
	s.Version, s.Err = serverAgent(ctx, st.URI, password)
	return s, nil
}

// lastLogLine returns the last ERROR line of the server's logs, for start-up failures.
func lastLogLine(dir string) string {
	for _, name := range []string{"neo4j.log", "console.log"} {
		data, err := os.ReadFile(filepath.Join(dir, "logs", name))
		if err != nil {
			continue
		}
		lines := strings.Split(strings.TrimSpace(string(data)), "\n")
		for i := len(lines) - 1; i >= 0; i-- {
			if strings.Contains(lines[i], "ERROR") || strings.Contains(lines[i], "Exception") {
				return strings.TrimSpace(lines[i])
			}
		}
	}
	return "see " + filepath.Join(dir, "logs")
}
