package conformance

import (
	"bytes"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"sync"
	"testing"
	"time"

	"openclaw.test/conformance/harness"
)

// pluginUnderTest is one executable the suite runs against.
type pluginUnderTest struct {
	name string
	exe  string
}

var (
	buildMu  sync.Mutex
	buildDir string
	built    = map[string]string{}
	builders = map[string]func(outDir string) (string, error){"go": harness.GoTwin, "ts": harness.TSPlugin}
)

// pluginsUnderTest builds (once per process) the plugins selected by
// CONFORMANCE_PLUGINS (comma list of "go", "ts"; default both).
func pluginsUnderTest(t *testing.T) []pluginUnderTest {
	t.Helper()
	selected := os.Getenv("CONFORMANCE_PLUGINS")
	if selected == "" {
		selected = "go,ts"
	}
	buildMu.Lock()
	defer buildMu.Unlock()
	if buildDir == "" {
		dir, err := os.MkdirTemp("", "conformance-build-")
		if err != nil {
			t.Fatal(err)
		}
		buildDir = dir
	}
	var out []pluginUnderTest
	for _, name := range strings.Split(selected, ",") {
		name = strings.TrimSpace(name)
		build := builders[name]
		if build == nil {
			t.Fatalf("unknown plugin %q in CONFORMANCE_PLUGINS", name)
		}
		if built[name] == "" {
			exe, err := build(buildDir)
			if err != nil {
				t.Fatalf("%s plugin: %v", name, err)
			}
			built[name] = exe
		}
		out = append(out, pluginUnderTest{name: name, exe: built[name]})
	}
	return out
}

func TestMain(m *testing.M) {
	code := m.Run()
	if buildDir != "" {
		os.RemoveAll(buildDir)
	}
	os.Exit(code)
}

// randomBytes returns n random bytes.
func randomBytes(t *testing.T, n int) []byte {
	t.Helper()
	b := make([]byte, n)
	if _, err := rand.Read(b); err != nil {
		t.Fatal(err)
	}
	return b
}

func sha256Hex(b []byte) string {
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:])
}

// pattern is what GET /blob?size=n must answer: byte(i % 251).
func pattern(n int) []byte {
	b := make([]byte, n)
	for i := range b {
		b[i] = byte(i % 251)
	}
	return b
}

// request builds a plugin HTTP request as the server forwards it (path
// already stripped of /plugins/{id}).
func request(method, target string, body []byte) *http.Request {
	var r *http.Request
	if body == nil {
		r = httptest.NewRequest(method, target, nil)
	} else {
		r = httptest.NewRequest(method, target, bytes.NewReader(body))
		r.Header.Set("Content-Type", "application/octet-stream")
	}
	return r
}

// waitHookLog waits briefly for the count-th LogDebug("hook", "name", hook)
// entry and returns the latest one.
func waitHookLog(t *testing.T, store *harness.Store, hook string, count int) harness.LogEntry {
	t.Helper()
	deadline := time.Now().Add(2 * time.Second)
	for {
		logs := store.HookLogs(hook)
		if len(logs) >= count {
			return logs[len(logs)-1]
		}
		if time.Now().After(deadline) {
			t.Fatalf("hook %s: %d LogDebug(\"hook\") entries, want %d", hook, len(logs), count)
		}
		time.Sleep(5 * time.Millisecond)
	}
}

// wantFields checks the fields of a log entry.
func wantFields(t *testing.T, e harness.LogEntry, want map[string]string) {
	t.Helper()
	for k, v := range want {
		if e.Fields[k] != v {
			t.Errorf("log %q field %s = %q, want %q (all fields %v)", e.Message, k, e.Fields[k], v, e.Fields)
		}
	}
}
