package conformance

import (
	"encoding/json"
	"net/http"
	"os"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/mattermost/mattermost/server/public/model"
	"github.com/mattermost/mattermost/server/public/plugin"

	"openclaw.test/conformance/harness"
)

// bundleBaseHooks are what the OpenClaw plugin implements whatever its features:
// lifecycle, settings, slash commands and its HTTP routes. Features may add more.
var bundleBaseHooks = []string{"OnActivate", "OnDeactivate", "OnConfigurationChange", "ExecuteCommand", "ServeHTTP"}

// TestBundle loads the real, built OpenClaw bundle (CONFORMANCE_BUNDLE=<.tar.gz>,
// e.g. dist/openclaw-<version>-linux-amd64.tar.gz) the way Mattermost does:
// unpack, activate, check the hooks it implements, serve a command and the health
// route, deliver the bot's own events to the notification hooks it implements,
// health check, deactivate.
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
	if n := logCount(store, "info", "plugin: OpenClaw plugin activated"); n != 1 {
		t.Errorf(`activation: "plugin: OpenClaw plugin activated" logged %d times, want 1`, n)
	}

	hooks, err := host.Hooks(id)
	if err != nil {
		t.Fatal(err)
	}
	implemented := bundleHooks(t, host, hooks)

	runOcHelp := func(when string) {
		t.Helper()
		resp, appErr := hooks.ExecuteCommand(&plugin.Context{}, &model.CommandArgs{Command: "/oc_help", UserId: model.NewId()})
		if appErr != nil || resp == nil || !strings.Contains(resp.Text, "oc_help") {
			t.Errorf("/oc_help %s: %+v %v", when, resp, appErr)
		}
	}
	runOcHelp("after activation")
	bundleHealthRoute(t, host, manifest)

	deliverOwnEvents(t, host, id, implemented)
	runOcHelp("after the bot's own events")
	for _, e := range store.Logs() {
		if e.Level == "error" {
			t.Errorf("the plugin logged an error: %s %v", e.Message, e.Fields)
		}
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

// bundleHooks checks Implemented against the base set and the supervisor's view
// (it reaches the plugin for exactly the implemented hooks), and returns the names.
func bundleHooks(t *testing.T, host *harness.Host, hooks plugin.Hooks) []string {
	t.Helper()
	names, err := hooks.Implemented()
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("implements %v", names)
	for _, base := range bundleBaseHooks {
		if !slices.Contains(names, base) {
			t.Errorf("Implemented() = %v lacks %s", names, base)
		}
	}
	reached := reachedHookIDs(host)
	for _, name := range names {
		if id, known := implementedHooks[name]; known && id != plugin.OnActivateID && !reached[id] {
			t.Errorf("implements %s, but the supervisor does not reach it (id %d)", name, id)
		}
	}
	// OnActivate has no id the supervisor dispatches on; every other name has one.
	want := len(names)
	if slices.Contains(names, "OnActivate") {
		want--
	}
	if len(reached) != want {
		t.Errorf("the supervisor reaches %d hook ids, want %d (one per implemented hook but OnActivate)", len(reached), want)
	}
	return names
}

func bundleHealthRoute(t *testing.T, host *harness.Host, manifest *model.Manifest) {
	t.Helper()
	req := request(http.MethodGet, "/api/v1/health", nil)
	req.Header.Set("Mattermost-User-Id", model.NewId())
	rec, err := host.ServeHTTP(manifest.Id, req)
	if err != nil {
		t.Fatal(err)
	}
	var health struct {
		Status      string `json:"status"`
		Plugin      struct{ ID, Version string }
		Server      struct{ Version string }
		Activations int `json:"activations"`
	}
	if rec.Code != http.StatusOK || json.Unmarshal(rec.Body.Bytes(), &health) != nil || health.Status != "ok" ||
		health.Plugin.ID != manifest.Id || health.Plugin.Version != manifest.Version ||
		health.Server.Version != harness.ServerVersion || health.Activations != 1 {
		t.Errorf("GET /api/v1/health: %d %s", rec.Code, rec.Body.String())
	}
}

// deliverOwnEvents sends the notification hooks the plugin implements an event the
// bot itself caused, through RunMultiPluginHook as the server does. Every plugin
// must take its own posts and reactions calmly (answering them would loop); the
// caller then checks that it still answers and logged no error.
func deliverOwnEvents(t *testing.T, host *harness.Host, id string, implemented []string) {
	t.Helper()
	ctx := &plugin.Context{RequestId: model.NewId()}
	post := &model.Post{Id: model.NewId(), ChannelId: harness.ChannelID, UserId: harness.BotUserID, Message: "the bot's own post",
		CreateAt: harness.StartMillis, Props: model.StringInterface{"from_bot": "true"}}
	edited := post.Clone()
	edited.Message, edited.EditAt = "the bot's own post, edited", harness.StartMillis+1
	reaction := &model.Reaction{UserId: harness.BotUserID, PostId: post.Id, EmojiName: "eyes", ChannelId: harness.ChannelID, CreateAt: harness.StartMillis}
	events := map[string]func(plugin.Hooks){
		"MessageHasBeenPosted":   func(h plugin.Hooks) { h.MessageHasBeenPosted(ctx, post) },
		"MessageHasBeenUpdated":  func(h plugin.Hooks) { h.MessageHasBeenUpdated(ctx, edited, post) },
		"MessageHasBeenDeleted":  func(h plugin.Hooks) { h.MessageHasBeenDeleted(ctx, edited) },
		"ReactionHasBeenAdded":   func(h plugin.Hooks) { h.ReactionHasBeenAdded(ctx, reaction) },
		"ReactionHasBeenRemoved": func(h plugin.Hooks) { h.ReactionHasBeenRemoved(ctx, reaction) },
	}
	for name, deliver := range events {
		if !slices.Contains(implemented, name) {
			continue
		}
		ran := false
		host.Env.RunMultiPluginHook(func(h plugin.Hooks, m *model.Manifest) bool {
			if m.Id == id {
				deliver(h)
				ran = true
			}
			return true
		}, implementedHooks[name])
		if !ran {
			t.Errorf("%s: RunMultiPluginHook did not reach the plugin", name)
		}
	}
}

func logCount(store *harness.Store, level, message string) int {
	n := 0
	for _, e := range store.Logs() {
		if e.Level == level && e.Message == message {
			n++
		}
	}
	return n
}
