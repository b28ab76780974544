// The Go twin of test/conformance/plugin/main.ts: the same hooks, the same API
// calls, the same HTTP routes. The conformance suite and the RPC bench run both.
package main

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"io"
	"net/http"
	"sort"
	"strconv"
	"time"

	"github.com/mattermost/mattermost/server/public/model"
	"github.com/mattermost/mattermost/server/public/plugin"
)

type confPlugin struct {
	plugin.MattermostPlugin
}

func main() {
	plugin.ClientMain(&confPlugin{})
}

// hook logs LogDebug("hook", "name", name, key, value, ...); all values are strings.
func (p *confPlugin) hook(name string, kv ...string) {
	args := []any{"name", name}
	for _, s := range kv {
		args = append(args, s)
	}
	p.API.LogDebug("hook", args...)
}

func (p *confPlugin) OnActivate() error {
	p.hook("OnActivate")
	version := p.API.GetServerVersion()
	if err := p.API.KVSet("conformance", []byte("activated")); err != nil {
		return err
	}
	err := p.API.RegisterCommand(&model.Command{
		Trigger: "conf", DisplayName: "Conformance", Description: "Conformance test command", AutoComplete: true,
	})
	if err != nil {
		return err
	}
	p.API.LogInfo("conformance plugin activated", "server_version", version)
	return nil
}

func (p *confPlugin) OnDeactivate() error {
	p.hook("OnDeactivate")
	return nil
}

func (p *confPlugin) OnConfigurationChange() error {
	p.hook("OnConfigurationChange")
	return nil
}

func (p *confPlugin) ExecuteCommand(_ *plugin.Context, args *model.CommandArgs) (*model.CommandResponse, *model.AppError) {
	p.hook("ExecuteCommand", "command", args.Command)
	return &model.CommandResponse{ResponseType: model.CommandResponseTypeEphemeral, Text: "conf:" + args.Command}, nil
}

func (p *confPlugin) MessageHasBeenPosted(_ *plugin.Context, post *model.Post) {
	p.hook("MessageHasBeenPosted", "post_id", post.Id, "message", post.Message)
}

func (p *confPlugin) MessageHasBeenUpdated(_ *plugin.Context, newPost, oldPost *model.Post) {
	p.hook("MessageHasBeenUpdated", "post_id", newPost.Id, "message", newPost.Message, "old_message", oldPost.Message)
}

func (p *confPlugin) MessageHasBeenDeleted(_ *plugin.Context, post *model.Post) {
	p.hook("MessageHasBeenDeleted", "post_id", post.Id, "delete_at", strconv.FormatInt(post.DeleteAt, 10))
}

func (p *confPlugin) ReactionHasBeenAdded(_ *plugin.Context, r *model.Reaction) {
	p.hook("ReactionHasBeenAdded", reactionFields(r)...)
}

func (p *confPlugin) ReactionHasBeenRemoved(_ *plugin.Context, r *model.Reaction) {
	p.hook("ReactionHasBeenRemoved", reactionFields(r)...)
}

// reactionFields lists every Reaction field, so the suite sees that ChannelId, UpdateAt and RemoteId arrived.
func reactionFields(r *model.Reaction) []string {
	return []string{"user_id", r.UserId, "post_id", r.PostId, "emoji_name", r.EmojiName, "channel_id", r.ChannelId,
		"remote_id", deref(r.RemoteId), "create_at", strconv.FormatInt(r.CreateAt, 10), "update_at", strconv.FormatInt(r.UpdateAt, 10)}
}

func (p *confPlugin) OnPluginClusterEvent(_ *plugin.Context, ev model.PluginClusterEvent) {
	p.hook("OnPluginClusterEvent", "event_id", ev.Id, "data", string(ev.Data))
}

func (p *confPlugin) UserHasJoinedChannel(_ *plugin.Context, member *model.ChannelMember, actor *model.User) {
	actorID := ""
	if actor != nil {
		actorID = actor.Id
	}
	p.hook("UserHasJoinedChannel", "channel_id", member.ChannelId, "user_id", member.UserId, "actor_id", actorID)
}

func (p *confPlugin) ServeHTTP(_ *plugin.Context, w http.ResponseWriter, r *http.Request) {
	p.hook("ServeHTTP", "method", r.Method, "path", r.URL.Path)
	route := r.Method + " " + r.URL.Path
	switch route {
	case "POST /echo":
		body, err := io.ReadAll(r.Body)
		if err != nil {
			http.Error(w, err.Error(), http.StatusBadRequest)
			return
		}
		sum := sha256.Sum256(body)
		w.Header().Set("Content-Type", "application/octet-stream")
		w.Header().Set("X-Body-Sha256", hex.EncodeToString(sum[:]))
		_, _ = w.Write(body)
	case "GET /blob":
		n, err := strconv.Atoi(r.URL.Query().Get("size"))
		if err != nil || n < 0 {
			http.Error(w, "bad size", http.StatusBadRequest)
			return
		}
		w.Header().Set("Content-Type", "application/octet-stream")
		_, _ = w.Write(blob(n))
	case "GET /kvbench":
		n, err := strconv.Atoi(r.URL.Query().Get("n"))
		if err != nil || n < 1 {
			http.Error(w, "bad n", http.StatusBadRequest)
			return
		}
		p.kvbench(w, n)
	case "POST /api-script":
		p.apiScript(w, r)
	case "GET /kv-expiry":
		p.kvExpiry(w)
	case "GET /ping":
		w.Header().Set("Content-Type", "application/octet-stream")
		_, _ = w.Write(blob(1024))
	default:
		http.NotFound(w, r)
	}
}

// blob is n bytes of the pattern byte(i % 251), which the harness verifies.
func blob(n int) []byte {
	b := make([]byte, n)
	for i := range b {
		b[i] = byte(i % 251)
	}
	return b
}

// kvbench times n sequential KVGet("conformance") calls inside the plugin.
func (p *confPlugin) kvbench(w http.ResponseWriter, n int) {
	samples := make([]float64, n)
	for i := range samples {
		start := time.Now()
		if _, err := p.API.KVGet("conformance"); err != nil {
			http.Error(w, err.Error(), http.StatusInternalServerError)
			return
		}
		samples[i] = float64(time.Since(start).Nanoseconds()) / 1000
	}
	sort.Float64s(samples)
	w.Header().Set("Content-Type", "application/json")
	_ = json.NewEncoder(w).Encode(map[string]any{
		"n": n, "p50Us": percentile(samples, 50), "p99Us": percentile(samples, 99),
	})
}

// percentile of sorted samples, nearest rank.
func percentile(sorted []float64, pct int) float64 {
	rank := (pct*len(sorted) + 99) / 100
	if rank < 1 {
		rank = 1
	}
	return sorted[rank-1]
}
