package conformance

import (
	"encoding/json"
	"net/http"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/mattermost/mattermost/server/public/model"
	"github.com/mattermost/mattermost/server/public/plugin"

	"openclaw.test/conformance/harness"
)

// TestBundle loads the real, built OpenClaw bundle (CONFORMANCE_BUNDLE=<.tar.gz>,
// e.g. dist/openclaw-<version>-linux-amd64.tar.gz) the way Mattermost does:
// unpack, activate, serve a command and the health route, health check, deactivate.
func TestBundle(t *testing.T) {
	bundle := os.Getenv("CONFORMANCE_BUNDLE")
	if bundle == "" {
		t.Skip("CONFORMANCE_BUNDLE not set (npm run test:conformance sets it when dist/ has a bundle)")
	}
	host := newHost(t)
	t.Cleanup(host.Shutdown)
	manifest, err := host.InstallBundle(bundle)
	if err != nil {
		t.Fatal(err)
	}
	id := manifest.Id
	elapsed, err := host.Activate(id)
	if err != nil {
		t.Fatalf("Activate %s: %v", id, err)
	}
	t.Logf("%s %s activated in %v", id, manifest.Version, elapsed)

	store := host.Store(id)
	if store.Calls("EnsureBotUser") != 1 || store.Command("oc_help") == nil {
		t.Errorf("activation: EnsureBotUser calls %d, /oc_help registered %v", store.Calls("EnsureBotUser"), store.Command("oc_help") != nil)
	}

	hooks, err := host.Hooks(id)
	if err != nil {
		t.Fatal(err)
	}
	resp, appErr := hooks.ExecuteCommand(&plugin.Context{}, &model.CommandArgs{Command: "/oc_help", UserId: model.NewId()})
	if appErr != nil || resp == nil || !strings.Contains(resp.Text, "oc_help") {
		t.Errorf("/oc_help: %+v %v", resp, appErr)
	}

	req := request(http.MethodGet, "/api/v1/health", nil)
	req.Header.Set("Mattermost-User-Id", model.NewId())
	rec, err := host.ServeHTTP(id, req)
	if err != nil {
		t.Fatal(err)
	}
	var health struct {
		Status string `json:"status"`
		Plugin struct{ ID, Version string }
		Server struct{ Version string }
	}
	if rec.Code != http.StatusOK || json.Unmarshal(rec.Body.Bytes(), &health) != nil ||
		health.Plugin.ID != id || health.Server.Version != harness.ServerVersion {
		t.Errorf("GET /api/v1/health: %d %s", rec.Code, rec.Body.String())
	}

	if err := host.Env.PerformHealthCheck(id); err != nil {
		t.Errorf("PerformHealthCheck: %v", err)
	}
	pid := host.PID(id)
	start := time.Now()
	host.Env.Deactivate(id)
	if !harness.WaitGone(pid, time.Second) || time.Since(start) >= 1900*time.Millisecond {
		t.Errorf("Deactivate: process did not exit promptly on Control.Quit (%v)", time.Since(start))
	}
}
