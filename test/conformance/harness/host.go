package harness

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"runtime"
	"sync"
	"time"

	"github.com/mattermost/mattermost/server/public/model"
	"github.com/mattermost/mattermost/server/public/plugin"
	"github.com/mattermost/mattermost/server/public/shared/mlog"
)

// Host is a plugin.Environment over a temporary plugin directory, with one
// in-memory API Store per plugin id and the process id of each running plugin.
type Host struct {
	Env    *plugin.Environment
	Dir    string
	logger *mlog.Logger

	mu     sync.Mutex
	stores map[string]*Store
	pids   map[string]int
}

// NewHost creates an environment rooted at dir (plugins under dir/plugins).
// With CONFORMANCE_VERBOSE=1 the supervisor's log (including the plugin's
// stderr) goes to our stderr.
func NewHost(dir string) (*Host, error) {
	logger, err := mlog.NewLogger()
	if err != nil {
		return nil, err
	}
	if os.Getenv("CONFORMANCE_VERBOSE") == "1" {
		cfg := mlog.LoggerConfiguration{"console": {
			Type: "console", Format: "plain", Options: json.RawMessage(`{"out":"stderr"}`),
			Levels: []mlog.Level{mlog.LvlError, mlog.LvlWarn, mlog.LvlInfo, mlog.LvlDebug},
		}}
		if err := logger.ConfigureTargets(cfg, nil); err != nil {
			return nil, err
		}
	}
	// The environment also logs through mlog's global logger (stdout by default).
	mlog.InitGlobalLogger(logger)
	h := &Host{Dir: dir, logger: logger, stores: map[string]*Store{}, pids: map[string]int{}}
	pluginDir, webappDir := filepath.Join(dir, "plugins"), filepath.Join(dir, "webapp")
	for _, d := range []string{pluginDir, webappDir} {
		if err := os.MkdirAll(d, 0o755); err != nil {
			return nil, err
		}
	}
	h.Env, err = plugin.NewEnvironment(h.newAPI, nil, pluginDir, webappDir, logger, nil)
	return h, err
}

func (h *Host) newAPI(m *model.Manifest) plugin.API {
	return &API{store: h.Store(m.Id)}
}

// Store returns the API state of plugin id (created on first use).
func (h *Host) Store(id string) *Store {
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.stores[id] == nil {
		h.stores[id] = newStore()
	}
	return h.stores[id]
}

// Install writes a plugin directory for id whose server executable is a
// symlink to executable (an absolute path).
func (h *Host) Install(id, executable string) error {
	abs, err := filepath.Abs(executable)
	if err != nil {
		return err
	}
	if _, err := os.Stat(abs); err != nil {
		return err
	}
	root := filepath.Join(h.Dir, "plugins", id)
	if err := os.MkdirAll(filepath.Join(root, "server"), 0o755); err != nil {
		return err
	}
	link := filepath.Join(root, "server", "plugin")
	_ = os.Remove(link)
	if err := os.Symlink(abs, link); err != nil {
		return err
	}
	manifest := model.Manifest{
		Id: id, Name: id, Version: "0.0.1",
		Server: &model.ManifestServer{Executables: map[string]string{
			runtime.GOOS + "-" + runtime.GOARCH: "server/plugin",
		}},
	}
	data, err := json.Marshal(manifest)
	if err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(root, "plugin.json"), data, 0o644)
}

// Activate activates plugin id, records its process id and returns how long
// activation took (exec, handshake, Dispense, Implemented, OnActivate).
func (h *Host) Activate(id string) (time.Duration, error) {
	before := childPIDs()
	start := time.Now()
	_, ok, err := h.Env.Activate(id)
	elapsed := time.Since(start)
	if err != nil {
		return elapsed, err
	}
	if !ok {
		return elapsed, fmt.Errorf("plugin %s was not activated", id)
	}
	return elapsed, h.recordChild(id, before)
}

// recordChild remembers the plugin process that appeared since before.
func (h *Host) recordChild(id string, before map[int]bool) error {
	pid, err := newChild(before)
	if err != nil {
		return err
	}
	h.mu.Lock()
	h.pids[id] = pid
	h.mu.Unlock()
	return nil
}

// PID returns the process id recorded at the last activation of id.
func (h *Host) PID(id string) int {
	h.mu.Lock()
	defer h.mu.Unlock()
	return h.pids[id]
}

// Hooks returns the supervisor's hooks client of an active plugin.
func (h *Host) Hooks(id string) (plugin.Hooks, error) {
	return h.Env.HooksForPlugin(id)
}

// ServeHTTP sends req to plugin id the way the server's /plugins/{id} route does.
func (h *Host) ServeHTTP(id string, req *http.Request) (*httptest.ResponseRecorder, error) {
	hooks, err := h.Hooks(id)
	if err != nil {
		return nil, err
	}
	rec := httptest.NewRecorder()
	hooks.ServeHTTP(&plugin.Context{RequestId: model.NewId()}, rec, req)
	return rec, nil
}

// Shutdown deactivates every plugin.
func (h *Host) Shutdown() {
	h.Env.Shutdown()
}

// Restart runs the environment's RestartPlugin (Deactivate, then Activate) and
// records the new process id.
func (h *Host) Restart(id string) (time.Duration, error) {
	before := childPIDs()
	start := time.Now()
	err := h.Env.RestartPlugin(id)
	elapsed := time.Since(start)
	if err != nil {
		return elapsed, err
	}
	return elapsed, h.recordChild(id, before)
}
