// The conformance suite: the TS plugin (and its Go twin, as the reference) run
// under Mattermost's own plugin.Environment and supervisor.
package conformance

import (
	"bytes"
	"encoding/json"
	"fmt"
	"maps"
	"net/http"
	"slices"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/mattermost/mattermost/server/public/model"
	"github.com/mattermost/mattermost/server/public/plugin"

	"openclaw.test/conformance/harness"
)

const pluginID = "conformance"

// implementedHooks is exactly what both conformance plugins implement.
var implementedHooks = map[string]int{
	"OnActivate":             plugin.OnActivateID,
	"OnDeactivate":           plugin.OnDeactivateID,
	"OnConfigurationChange":  plugin.OnConfigurationChangeID,
	"ExecuteCommand":         plugin.ExecuteCommandID,
	"MessageHasBeenPosted":   plugin.MessageHasBeenPostedID,
	"MessageHasBeenUpdated":  plugin.MessageHasBeenUpdatedID,
	"MessageHasBeenDeleted":  plugin.MessageHasBeenDeletedID,
	"ReactionHasBeenAdded":   plugin.ReactionHasBeenAddedID,
	"ReactionHasBeenRemoved": plugin.ReactionHasBeenRemovedID,
	"ServeHTTP":              plugin.ServeHTTPID,
	"OnPluginClusterEvent":   plugin.OnPluginClusterEventID,
	"UserHasJoinedChannel":   plugin.UserHasJoinedChannelID,
}

func TestConformance(t *testing.T) {
	for _, p := range pluginsUnderTest(t) {
		t.Run(p.name, func(t *testing.T) {
			s := &suite{host: newHost(t)}
			if err := s.host.Install(pluginID, p.exe); err != nil {
				t.Fatal(err)
			}
			s.store = s.host.Store(pluginID)
			t.Cleanup(s.host.Shutdown)
			if !t.Run("Activation", s.activation) {
				return
			}
			t.Run("Implemented", s.implemented)
			t.Run("Hooks", s.hooks)
			t.Run("APIScript", func(t *testing.T) { s.apiScript(t, p.name) })
			t.Run("ServeHTTP1MiB", s.serveHTTP1MiB)
			t.Run("KVBenchRoute", s.kvbenchRoute)
			t.Run("Concurrent", s.concurrent)
			t.Run("HealthCheck", s.healthCheck)
			t.Run("RestartAfterKill", s.restartAfterKill)
			t.Run("Deactivate", s.deactivate)
		})
	}
	t.Run("SameScriptResults", sameScriptResults)
}

func newHost(t *testing.T) *harness.Host {
	t.Helper()
	h, err := harness.NewHost(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	return h
}

type suite struct {
	host  *harness.Host
	store *harness.Store
}

func (s *suite) hooksClient(t *testing.T) plugin.Hooks {
	t.Helper()
	hooks, err := s.host.Hooks(pluginID)
	if err != nil {
		t.Fatal(err)
	}
	return hooks
}

func (s *suite) activation(t *testing.T) {
	elapsed, err := s.host.Activate(pluginID)
	if err != nil {
		t.Fatalf("Activate: %v", err)
	}
	t.Logf("activated in %v (pid %d)", elapsed, s.host.PID(pluginID))
	if state := s.host.Env.GetPluginState(pluginID); state != model.PluginStateRunning {
		t.Errorf("plugin state %d, want running (%d)", state, model.PluginStateRunning)
	}
	if !s.host.Env.IsActive(pluginID) {
		t.Error("plugin not active")
	}
	if n := s.store.Calls("GetServerVersion"); n < 1 {
		t.Error("OnActivate did not call GetServerVersion")
	}
	if got := string(s.store.KV("conformance")); got != "activated" {
		t.Errorf(`KV "conformance" = %q, want "activated"`, got)
	}
	if cmd := s.store.Command("conf"); cmd == nil {
		t.Error(`command "conf" not registered`)
	}
	infos := 0
	for _, e := range s.store.Logs() {
		if e.Level == "info" && e.Message == "conformance plugin activated" {
			infos++
		}
	}
	if infos != 1 {
		t.Errorf("LogInfo(\"conformance plugin activated\") seen %d times, want 1", infos)
	}
	waitHookLog(t, s.store, "OnActivate", 1)
	// Go plugins run OnConfigurationChange just before OnActivate (plugin side of
	// Plugin.OnActivate); plugins rely on it to have their configuration loaded.
	var order []string
	for _, e := range s.store.Logs() {
		if e.Message == "hook" {
			order = append(order, e.Fields["name"])
		}
	}
	if !slices.Equal(order, []string{"OnConfigurationChange", "OnActivate"}) {
		t.Errorf("hooks during activation = %v, want [OnConfigurationChange OnActivate]", order)
	}
}

func (s *suite) implemented(t *testing.T) {
	names, err := s.hooksClient(t).Implemented()
	if err != nil {
		t.Fatal(err)
	}
	var want []string
	for name := range implementedHooks {
		want = append(want, name)
	}
	slices.Sort(want)
	got := slices.Sorted(slices.Values(names))
	if !slices.Equal(got, want) {
		t.Errorf("Implemented() = %v, want %v", got, want)
	}
	// The supervisor's own view: RunMultiPluginHook reaches the plugin exactly
	// for the implemented hook ids. OnActivate is not among them: the supervisor
	// calls it on every plugin and never maps its name to an id.
	reached := reachedHookIDs(s.host)
	for id := 0; id < plugin.TotalHooksID; id++ {
		want := id != plugin.OnActivateID && slices.Contains(slices.Collect(maps.Values(implementedHooks)), id)
		if reached[id] != want {
			t.Errorf("hook id %d: supervisor implements=%v, want %v", id, reached[id], want)
		}
	}
}

// reachedHookIDs probes every hook id with RunMultiPluginHook: the ids for which
// the supervisor calls into the (only) plugin, i.e. what it learned from Implemented.
func reachedHookIDs(host *harness.Host) map[int]bool {
	reached := map[int]bool{}
	for id := 0; id < plugin.TotalHooksID; id++ {
		host.Env.RunMultiPluginHook(func(plugin.Hooks, *model.Manifest) bool {
			reached[id] = true
			return true
		}, id)
	}
	return reached
}

// runHook runs fn through RunMultiPluginHook for hookID, as the server does.
func (s *suite) runHook(t *testing.T, hookID int, fn func(plugin.Hooks)) {
	t.Helper()
	ran := false
	s.host.Env.RunMultiPluginHook(func(h plugin.Hooks, m *model.Manifest) bool {
		if m.Id == pluginID {
			fn(h)
			ran = true
		}
		return true
	}, hookID)
	if !ran {
		t.Fatalf("RunMultiPluginHook(%d) did not reach the plugin", hookID)
	}
}

func (s *suite) hooks(t *testing.T) {
	ctx := &plugin.Context{RequestId: model.NewId(), UserAgent: "conformance"}

	t.Run("OnConfigurationChange", func(t *testing.T) {
		before := len(s.store.HookLogs("OnConfigurationChange"))
		if err := s.hooksClient(t).OnConfigurationChange(); err != nil {
			t.Fatal(err)
		}
		waitHookLog(t, s.store, "OnConfigurationChange", before+1)
	})

	t.Run("ExecuteCommand", func(t *testing.T) {
		args := &model.CommandArgs{Command: "/conf hello wörld", UserId: model.NewId(), ChannelId: model.NewId()}
		resp, appErr := s.hooksClient(t).ExecuteCommand(ctx, args)
		if appErr != nil {
			t.Fatal(appErr)
		}
		if resp == nil || resp.Text != "conf:/conf hello wörld" || resp.ResponseType != model.CommandResponseTypeEphemeral {
			t.Fatalf("ExecuteCommand response = %+v", resp)
		}
		e := waitHookLog(t, s.store, "ExecuteCommand", 1)
		wantFields(t, e, map[string]string{"command": args.Command})
	})

	post := &model.Post{Id: model.NewId(), ChannelId: model.NewId(), UserId: model.NewId(), Message: "héllo ✓",
		Props: model.StringInterface{"from_bot": "true"}}
	t.Run("MessageHasBeenPosted", func(t *testing.T) {
		s.runHook(t, plugin.MessageHasBeenPostedID, func(h plugin.Hooks) { h.MessageHasBeenPosted(ctx, post) })
		e := waitHookLog(t, s.store, "MessageHasBeenPosted", 1)
		wantFields(t, e, map[string]string{"post_id": post.Id, "message": post.Message})
	})

	t.Run("MessageHasBeenUpdated", func(t *testing.T) {
		updated := post.Clone()
		updated.Message = "edited"
		s.runHook(t, plugin.MessageHasBeenUpdatedID, func(h plugin.Hooks) { h.MessageHasBeenUpdated(ctx, updated, post) })
		e := waitHookLog(t, s.store, "MessageHasBeenUpdated", 1)
		wantFields(t, e, map[string]string{"post_id": post.Id, "message": "edited", "old_message": post.Message})
	})

	t.Run("MessageHasBeenDeleted", func(t *testing.T) {
		deleted := post.Clone()
		deleted.DeleteAt = harness.StartMillis + 123
		s.runHook(t, plugin.MessageHasBeenDeletedID, func(h plugin.Hooks) { h.MessageHasBeenDeleted(ctx, deleted) })
		e := waitHookLog(t, s.store, "MessageHasBeenDeleted", 1)
		wantFields(t, e, map[string]string{"post_id": post.Id, "delete_at": fmt.Sprint(deleted.DeleteAt)})
	})

	// Every Reaction field must arrive, ChannelId, UpdateAt and RemoteId included.
	reaction := harness.RichReaction()
	reactionFields := map[string]string{
		"user_id": reaction.UserId, "post_id": reaction.PostId, "emoji_name": reaction.EmojiName, "channel_id": reaction.ChannelId,
		"remote_id": *reaction.RemoteId, "create_at": fmt.Sprint(reaction.CreateAt), "update_at": fmt.Sprint(reaction.UpdateAt),
	}
	t.Run("ReactionHasBeenAdded", func(t *testing.T) {
		s.runHook(t, plugin.ReactionHasBeenAddedID, func(h plugin.Hooks) { h.ReactionHasBeenAdded(ctx, reaction) })
		wantFields(t, waitHookLog(t, s.store, "ReactionHasBeenAdded", 1), reactionFields)
	})
	t.Run("ReactionHasBeenRemoved", func(t *testing.T) {
		s.runHook(t, plugin.ReactionHasBeenRemovedID, func(h plugin.Hooks) { h.ReactionHasBeenRemoved(ctx, reaction) })
		wantFields(t, waitHookLog(t, s.store, "ReactionHasBeenRemoved", 1), reactionFields)
	})

	t.Run("OnPluginClusterEvent", func(t *testing.T) {
		ev := model.PluginClusterEvent{Id: "conformance-event", Data: []byte("payload-1")}
		s.runHook(t, plugin.OnPluginClusterEventID, func(h plugin.Hooks) { h.OnPluginClusterEvent(ctx, ev) })
		e := waitHookLog(t, s.store, "OnPluginClusterEvent", 1)
		wantFields(t, e, map[string]string{"event_id": ev.Id, "data": "payload-1"})
	})

	t.Run("UserHasJoinedChannel", func(t *testing.T) {
		member := &model.ChannelMember{ChannelId: model.NewId(), UserId: model.NewId(), Roles: "channel_user"}
		actor := &model.User{Id: model.NewId(), Username: "actor"}
		s.runHook(t, plugin.UserHasJoinedChannelID, func(h plugin.Hooks) { h.UserHasJoinedChannel(ctx, member, actor) })
		e := waitHookLog(t, s.store, "UserHasJoinedChannel", 1)
		wantFields(t, e, map[string]string{"channel_id": member.ChannelId, "user_id": member.UserId, "actor_id": actor.Id})
	})

	t.Run("ServeHTTP", func(t *testing.T) {
		rec, err := s.host.ServeHTTP(pluginID, request(http.MethodGet, "/ping", nil))
		if err != nil {
			t.Fatal(err)
		}
		if rec.Code != http.StatusOK || !bytes.Equal(rec.Body.Bytes(), pattern(1024)) {
			t.Fatalf("GET /ping: status %d, %d bytes", rec.Code, rec.Body.Len())
		}
		e := waitHookLog(t, s.store, "ServeHTTP", 1)
		wantFields(t, e, map[string]string{"method": "GET", "path": "/ping"})

		rec, err = s.host.ServeHTTP(pluginID, request(http.MethodGet, "/nowhere", nil))
		if err != nil {
			t.Fatal(err)
		}
		if rec.Code != http.StatusNotFound {
			t.Errorf("GET /nowhere: status %d, want 404", rec.Code)
		}
	})
}

func (s *suite) serveHTTP1MiB(t *testing.T) {
	const size = 1 << 20
	body := randomBytes(t, size)
	rec, err := s.host.ServeHTTP(pluginID, request(http.MethodPost, "/echo", body))
	if err != nil {
		t.Fatal(err)
	}
	if rec.Code != http.StatusOK {
		t.Fatalf("POST /echo: status %d", rec.Code)
	}
	if got := rec.Header().Get("X-Body-Sha256"); got != sha256Hex(body) {
		t.Errorf("X-Body-Sha256 = %q, want %q", got, sha256Hex(body))
	}
	if sha256Hex(rec.Body.Bytes()) != sha256Hex(body) {
		t.Errorf("echoed body differs: %d bytes back, want %d", rec.Body.Len(), size)
	}

	rec, err = s.host.ServeHTTP(pluginID, request(http.MethodGet, fmt.Sprintf("/blob?size=%d", size), nil))
	if err != nil {
		t.Fatal(err)
	}
	if rec.Code != http.StatusOK || rec.Body.Len() != size {
		t.Fatalf("GET /blob: status %d, %d bytes, want 200 and %d", rec.Code, rec.Body.Len(), size)
	}
	if sha256Hex(rec.Body.Bytes()) != sha256Hex(pattern(size)) {
		t.Error("GET /blob: content differs from the i%251 pattern")
	}
}

func (s *suite) kvbenchRoute(t *testing.T) {
	rec, err := s.host.ServeHTTP(pluginID, request(http.MethodGet, "/kvbench?n=50", nil))
	if err != nil {
		t.Fatal(err)
	}
	var res struct {
		N     int     `json:"n"`
		P50Us float64 `json:"p50Us"`
		P99Us float64 `json:"p99Us"`
	}
	if rec.Code != http.StatusOK {
		t.Fatalf("GET /kvbench: status %d: %s", rec.Code, rec.Body.String())
	}
	if err := json.Unmarshal(rec.Body.Bytes(), &res); err != nil {
		t.Fatalf("GET /kvbench: %v: %s", err, rec.Body.String())
	}
	if res.N != 50 || res.P50Us <= 0 || res.P99Us < res.P50Us {
		t.Errorf("GET /kvbench = %+v", res)
	}
	if n := s.store.Calls("KVGet"); n < 50 {
		t.Errorf("KVGet reached the API %d times, want >= 50", n)
	}
}

func (s *suite) concurrent(t *testing.T) {
	const workers, rounds = 50, 4
	hooks := s.hooksClient(t)
	var wg sync.WaitGroup
	errs := make(chan error, workers*rounds)
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for r := range rounds {
				if (w+r)%2 == 0 {
					cmd := fmt.Sprintf("/conf w%d r%d", w, r)
					resp, appErr := hooks.ExecuteCommand(&plugin.Context{}, &model.CommandArgs{Command: cmd})
					if appErr != nil || resp == nil || resp.Text != "conf:"+cmd {
						errs <- fmt.Errorf("ExecuteCommand %q: %+v %v", cmd, resp, appErr)
					}
					continue
				}
				body := []byte(fmt.Sprintf("worker %d round %d %s", w, r, bytes.Repeat([]byte{'x'}, 4096*(w%5))))
				rec, err := s.host.ServeHTTP(pluginID, request(http.MethodPost, "/echo", body))
				if err != nil || rec.Code != http.StatusOK || !bytes.Equal(rec.Body.Bytes(), body) ||
					rec.Header().Get("X-Body-Sha256") != sha256Hex(body) {
					errs <- fmt.Errorf("POST /echo worker %d round %d: err %v, status %d", w, r, err, rec.Code)
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
}

func (s *suite) healthCheck(t *testing.T) {
	if err := s.host.Env.PerformHealthCheck(pluginID); err != nil {
		t.Fatalf("PerformHealthCheck: %v", err)
	}
}

func (s *suite) restartAfterKill(t *testing.T) {
	pid := s.host.PID(pluginID)
	if err := syscall.Kill(pid, syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	if !harness.WaitGone(pid, 5*time.Second) {
		t.Fatalf("pid %d still alive after SIGKILL", pid)
	}
	if err := s.host.Env.PerformHealthCheck(pluginID); err == nil {
		t.Fatal("PerformHealthCheck succeeded on a killed plugin")
	}
	elapsed, err := s.host.Restart(pluginID)
	if err != nil {
		t.Fatalf("RestartPlugin: %v", err)
	}
	t.Logf("restarted in %v (pid %d)", elapsed, s.host.PID(pluginID))
	if err := s.host.Env.PerformHealthCheck(pluginID); err != nil {
		t.Fatalf("PerformHealthCheck after restart: %v", err)
	}
	resp, appErr := s.hooksClient(t).ExecuteCommand(&plugin.Context{}, &model.CommandArgs{Command: "/conf again"})
	if appErr != nil || resp == nil || resp.Text != "conf:/conf again" {
		t.Fatalf("ExecuteCommand after restart: %+v %v", resp, appErr)
	}
	waitHookLog(t, s.store, "OnActivate", 2)
}

func (s *suite) deactivate(t *testing.T) {
	pid := s.host.PID(pluginID)
	before := len(s.store.HookLogs("OnDeactivate"))
	start := time.Now()
	if !s.host.Env.Deactivate(pluginID) {
		t.Fatal("Deactivate returned false")
	}
	elapsed := time.Since(start)
	waitHookLog(t, s.store, "OnDeactivate", before+1)
	if !harness.WaitGone(pid, time.Second) {
		t.Fatalf("plugin process %d still running after Deactivate", pid)
	}
	// go-plugin sends Control.Quit, waits 2 s for the process to exit on its
	// own, then SIGKILLs it: a clean exit on Quit returns well before that.
	if elapsed >= 1900*time.Millisecond {
		t.Errorf("Deactivate took %v: the plugin did not exit on Control.Quit", elapsed)
	}
	if s.host.Env.IsActive(pluginID) {
		t.Error("plugin still active after Deactivate")
	}
}
