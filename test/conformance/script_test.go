package conformance

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"mime"
	"net/http"
	"reflect"
	"sync"
	"testing"
	"time"

	"github.com/mattermost/mattermost/server/public/model"

	"openclaw.test/conformance/harness"
)

// The API script (plugin/api-script.ts, goplugin/script*.go): a fixed sequence of calls
// to the API methods features use. Each plugin's results must be what the harness
// answers (expectedScript), and what it wrote must have arrived intact.

type step = map[string]any

func ok(name string, v any) step { return step{"step": name, "ok": v} }
func appErr(name, id string, status int) step {
	return step{"step": name, "error": map[string]any{"id": id, "status": status}}
}

func hashOf(b []byte) map[string]any {
	sum := sha256.Sum256(b)
	return map[string]any{"size": len(b), "sha256": hex.EncodeToString(sum[:])}
}

const editedMessage = "edited ✓ by conformance"

func expectedScript() []step {
	a, b, ch := harness.AliceID, harness.BobID, harness.ChannelID
	uploaded := []byte("uploaded by conformance ✓\n")
	r := harness.RichReaction()
	return []step{
		ok("GetUsersByUsernames", []string{"alice", "bob"}),
		ok("GetTeam", map[string]any{"id": harness.TeamID, "name": harness.TeamName, "display_name": "Conformance ✓"}),
		appErr("GetTeam missing", "app.team.get.find.app_error", 404),
		ok("GetTeamByName", map[string]any{"id": harness.TeamID, "name": harness.TeamName}),
		ok("GetGroup", map[string]any{"id": harness.GroupID, "name": harness.GroupName, "display_name": "Developers", "source": "custom", "member_count": 2}),
		ok("GetGroupByName", map[string]any{"id": harness.GroupID, "name": harness.GroupName}),
		appErr("GetGroup missing", "app.group.no_rows", 404),
		ok("GetGroupMemberUsers page 0", []string{"alice"}),
		ok("GetGroupMemberUsers page 1", []string{"bob"}),
		ok("GetGroupMemberUsers page 2", []string{}),
		ok("GetChannelMembers", []any{
			map[string]any{"user_id": a, "roles": "channel_user channel_admin", "scheme_admin": true, "desktop": "all", "msg_count": 3},
			map[string]any{"user_id": b, "roles": "channel_user", "scheme_admin": false, "desktop": "mention", "msg_count": 1},
		}),
		ok("GetChannelMembers page 1", 0),
		ok("GetChannelMember", map[string]any{"channel_id": ch, "user_id": b, "roles": "channel_user"}),
		appErr("GetChannelMember missing", "app.channel.get_member.missing.app_error", 404),
		ok("HasPermissionTo alice manage_system", true),
		ok("HasPermissionTo bob manage_system", false),
		ok("HasPermissionToChannel bob create_post", true),
		ok("HasPermissionToChannel bob manage_public_channel_members", false),
		ok("HasPermissionToChannel alice elsewhere", false),

		ok("GetPost", map[string]any{"id": harness.RootPostID, "message": "thread root", "root_id": "", "reply_count": 2}),
		appErr("GetPost missing", "app.post.get.app_error", 404),
		ok("GetPostThread", map[string]any{
			"order":    []string{harness.Reply2ID, harness.Reply1ID, harness.RootPostID},
			"messages": []string{"second reply ✓", "first reply", "thread root"},
		}),
		appErr("GetPostThread missing", "app.post.get.app_error", 404),
		ok("GetPost rich", map[string]any{"id": harness.RichPostID, "props": len(harness.RichPost().Props)}),
		ok("UpdatePost rich", map[string]any{"id": harness.RichPostID, "message": editedMessage, "edit_at": harness.StartMillis}),
		ok("AddReaction", map[string]any{"user_id": r.UserId, "emoji_name": r.EmojiName, "channel_id": r.ChannelId,
			"remote_id": *r.RemoteId, "create_at": r.CreateAt, "update_at": harness.StartMillis}),
		ok("RemoveReaction", nil),
		appErr("UpdatePost missing", "app.post.get.app_error", 404),
		appErr("RemoveReaction missing", "app.post.get.app_error", 404),

		ok("GetFileInfo", map[string]any{"id": harness.FileID, "name": "report.txt", "extension": "txt",
			"size": len(harness.FileContent), "mime_type": "text/plain", "channel_id": ch}),
		appErr("GetFileInfo missing", "app.file_info.get.app_error", 404),
		ok("GetFile", hashOf(harness.FileContent)),
		appErr("GetFile missing", "app.file_info.get.app_error", 404),
		ok("UploadFile", map[string]any{"name": "Notes.TXT", "extension": "txt", "size": len(uploaded),
			"mime_type": mime.TypeByExtension(".txt"), "channel_id": ch, "creator_id": "nouser", "create_at": harness.StartMillis}),
		ok("GetFileInfo uploaded", map[string]any{"same_id": true, "name": "Notes.TXT"}),
		ok("GetFile uploaded", hashOf(uploaded)),
		appErr("UploadFile missing channel", "api.file.upload_file.incorrect_channelId.app_error", 400),

		ok("PublishUserTyping", nil),
		ok("PublishPluginClusterEvent reliable", nil),
		ok("PublishPluginClusterEvent best effort", nil),
		ok("RegisterCommand confauto", nil),
		ok("RegisterCommand confgone", nil),
		ok("UnregisterCommand confgone", nil),

		ok("KVCompareAndSet absent", true),
		ok("KVCompareAndSet present", false),
		ok("KVCompareAndSet wrong old", false),
		ok("KVCompareAndSet", true),
		ok("KVGet cas", "v2"),
		ok("KVSetWithOptions plain", true),
		ok("KVSetWithOptions atomic wrong old", false),
		ok("KVSetWithOptions atomic", true),
		ok("KVGet opt", "b"),
		appErr("KVSetWithOptions old value without atomic", "model.plugin_kvset_options.is_valid.old_value.app_error", 400),
		appErr("KVSetWithOptions empty key", "model.plugin_key_value.is_valid.key.app_error", 400),
		ok("KVSetWithOptions expiring", true),
		ok("KVGet expiring", "soon"),
		ok("KVSetWithOptions nil deletes", true),
		ok("KVGet deleted", nil),
	}
}

// After the clock moved past the expiry of "exp": gone, and absent for compare-and-set too.
func expectedExpiry() []step {
	return []step{
		ok("KVGet expired", nil),
		ok("KVCompareAndSet expired is absent", true),
		ok("KVSetWithOptions atomic on expired", false),
		ok("KVGet exp", "again"),
	}
}

var (
	scriptMu      sync.Mutex
	scriptResults = map[string][]any{}
)

func (s *suite) apiScript(t *testing.T, plugin string) {
	world, _ := json.Marshal(map[string]string{
		"alice": harness.AliceID, "bob": harness.BobID, "team": harness.TeamID, "teamName": harness.TeamName,
		"group": harness.GroupID, "groupName": harness.GroupName, "channel": harness.ChannelID, "root": harness.RootPostID,
		"reply": harness.Reply1ID, "rich": harness.RichPostID, "file": harness.FileID, "missing": harness.MissingID,
	})
	got := s.runScript(t, request(http.MethodPost, "/api-script", world))
	compareSteps(t, got, expectedScript())
	s.store.Advance(61 * time.Second)
	expiry := s.runScript(t, request(http.MethodGet, "/kv-expiry", nil))
	compareSteps(t, expiry, expectedExpiry())
	scriptMu.Lock()
	scriptResults[plugin] = append(got, expiry...)
	scriptMu.Unlock()

	t.Run("UpdatePostKeepsEveryField", func(t *testing.T) { s.updatePostKeepsEveryField(t) })
	t.Run("ReactionWrittenBackIntact", func(t *testing.T) {
		added, removed := s.store.AddedReactions(), s.store.RemovedReactions()
		if len(added) != 1 || len(removed) != 2 {
			t.Fatalf("AddReaction calls %d, RemoveReaction calls %d, want 1 and 2", len(added), len(removed))
		}
		for what, r := range map[string]*model.Reaction{"AddReaction": added[0], "RemoveReaction": removed[0]} {
			if d := harness.Diff(harness.RichReaction(), r); d != "" {
				t.Errorf("%s of the reaction read from the post's metadata:\n%s", what, d)
			}
		}
	})
	t.Run("CommandAutocompleteIntact", func(t *testing.T) {
		if d := harness.Diff(harness.AutocompleteCommand(), s.store.Command("confauto")); d != "" {
			t.Errorf("registered /confauto differs:\n%s", d)
		}
		if s.store.Command("confgone") != nil {
			t.Errorf("/confgone is still registered after UnregisterCommand")
		}
	})
	t.Run("Realtime", func(t *testing.T) {
		typing := []harness.Typing{{UserID: harness.AliceID, ChannelID: harness.ChannelID, ParentID: harness.RootPostID}}
		if got := s.store.TypingEvents(); !reflect.DeepEqual(got, typing) {
			t.Errorf("PublishUserTyping calls = %+v, want %+v", got, typing)
		}
		cluster := []harness.ClusterSend{
			{Event: model.PluginClusterEvent{Id: "conf-event", Data: []byte("cluster ✓")},
				Options: model.PluginClusterEventSendOptions{SendType: model.PluginClusterEventSendTypeReliable}},
			{Event: model.PluginClusterEvent{Id: "conf-event-2", Data: []byte{0, 255}},
				Options: model.PluginClusterEventSendOptions{SendType: model.PluginClusterEventSendTypeBestEffort}},
		}
		if d := harness.Diff(cluster, s.store.ClusterSends()); d != "" {
			t.Errorf("PublishPluginClusterEvent calls differ:\n%s", d)
		}
	})
}

// A post with button attachments, metadata and props of many kinds, read with GetPost
// and written back with UpdatePost after changing Message, keeps every other field.
func (s *suite) updatePostKeepsEveryField(t *testing.T) {
	posts := s.store.UpdatedPosts()
	if len(posts) != 2 {
		t.Fatalf("UpdatePost calls = %d, want 2 (the rich post, the missing one)", len(posts))
	}
	want := harness.RichPost()
	want.Message = editedMessage
	if d := harness.Diff(want, posts[0]); d != "" {
		t.Errorf("UpdatePost of the post read with GetPost lost or changed fields:\n%s", d)
	}
}

func (s *suite) runScript(t *testing.T, req *http.Request) []any {
	t.Helper()
	rec, err := s.host.ServeHTTP(pluginID, req)
	if err != nil {
		t.Fatal(err)
	}
	if rec.Code != http.StatusOK {
		t.Fatalf("%s %s: status %d: %s", req.Method, req.URL.Path, rec.Code, rec.Body.String())
	}
	var steps []any
	if err := json.Unmarshal(rec.Body.Bytes(), &steps); err != nil {
		t.Fatalf("%s %s: %v: %s", req.Method, req.URL.Path, err, rec.Body.String())
	}
	return steps
}

// compareSteps compares step by step, after a JSON round trip of the expectation so
// numbers and lists compare as the plugin's JSON does.
func compareSteps(t *testing.T, got []any, want []step) {
	t.Helper()
	raw, err := json.Marshal(want)
	if err != nil {
		t.Fatal(err)
	}
	var norm []any
	if err := json.Unmarshal(raw, &norm); err != nil {
		t.Fatal(err)
	}
	for i := range max(len(got), len(norm)) {
		var g, w any
		if i < len(got) {
			g = got[i]
		}
		if i < len(norm) {
			w = norm[i]
		}
		if !reflect.DeepEqual(g, w) {
			t.Errorf("step %d:\n got %s\nwant %s", i, compact(g), compact(w))
		}
	}
}

func compact(v any) string {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	_ = enc.Encode(v)
	return buf.String()
}

// sameScriptResults: when both plugins ran, their script results are identical.
func sameScriptResults(t *testing.T) {
	scriptMu.Lock()
	defer scriptMu.Unlock()
	goSteps, okGo := scriptResults["go"]
	tsSteps, okTS := scriptResults["ts"]
	if !okGo || !okTS {
		t.Skip("needs both the go and the ts plugin")
	}
	if !reflect.DeepEqual(goSteps, tsSteps) {
		t.Errorf("the TS plugin's script results differ from the Go twin's:\n go %s\n ts %s", compact(goSteps), compact(tsSteps))
	}
}
