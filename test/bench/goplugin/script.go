package main

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"net/http"
	"strconv"

	"github.com/mattermost/mattermost/server/public/model"
)

// The API script: the same fixed sequence of API calls as the TS plugin's
// (test/conformance/plugin/api-script.ts), with the same JSON summaries.

// world holds the fixed world's ids, sent by the suite (harness/world.go).
type world struct {
	Alice, Bob, Team, TeamName, Group, GroupName, Channel, Root, Reply, Rich, File, Missing string
}

type script struct{ steps []map[string]any }

// app records a call returning *model.AppError (typed: a nil *AppError is no error).
func (s *script) app(step string, ok any, err *model.AppError) bool {
	if err != nil {
		s.steps = append(s.steps, map[string]any{"step": step, "error": map[string]any{"id": err.Id, "status": err.StatusCode}})
		return false
	}
	s.steps = append(s.steps, map[string]any{"step": step, "ok": ok})
	return true
}

// plain records a call returning a plain error.
func (s *script) plain(step string, ok any, err error) {
	if err != nil {
		s.steps = append(s.steps, map[string]any{"step": step, "error": map[string]any{"message": err.Error()}})
		return
	}
	s.steps = append(s.steps, map[string]any{"step": step, "ok": ok})
}

func (s *script) write(w http.ResponseWriter) {
	w.Header().Set("Content-Type", "application/json")
	_ = json.NewEncoder(w).Encode(s.steps)
}

func (p *confPlugin) apiScript(w http.ResponseWriter, r *http.Request) {
	var wd world
	if err := json.NewDecoder(r.Body).Decode(&wd); err != nil || wd.Alice == "" {
		http.Error(w, "bad world", http.StatusBadRequest)
		return
	}
	s := &script{}
	p.dataSteps(s, wd)
	p.postSteps(s, wd)
	p.fileSteps(s, wd)
	s.app("PublishUserTyping", nil, p.API.PublishUserTyping(wd.Alice, wd.Channel, wd.Root))
	s.plain("PublishPluginClusterEvent reliable", nil, p.API.PublishPluginClusterEvent(
		model.PluginClusterEvent{Id: "conf-event", Data: []byte("cluster ✓")},
		model.PluginClusterEventSendOptions{SendType: model.PluginClusterEventSendTypeReliable}))
	s.plain("PublishPluginClusterEvent best effort", nil, p.API.PublishPluginClusterEvent(
		model.PluginClusterEvent{Id: "conf-event-2", Data: []byte{0, 255}},
		model.PluginClusterEventSendOptions{SendType: model.PluginClusterEventSendTypeBestEffort}))
	s.plain("RegisterCommand confauto", nil, p.API.RegisterCommand(autocompleteCommand()))
	s.plain("RegisterCommand confgone", nil, p.API.RegisterCommand(&model.Command{Trigger: "confgone", DisplayName: "Gone"}))
	s.plain("UnregisterCommand confgone", nil, p.API.UnregisterCommand("", "confgone"))
	p.kvScript(s)
	s.write(w)
}

func usernames(users []*model.User) []string {
	out := []string{}
	for _, u := range users {
		out = append(out, u.Username)
	}
	return out
}

func deref[T any](p *T) T {
	var zero T
	if p == nil {
		return zero
	}
	return *p
}

func (p *confPlugin) dataSteps(s *script, w world) {
	users, err := p.API.GetUsersByUsernames([]string{"alice", "nobody", "bob"})
	s.app("GetUsersByUsernames", usernames(users), err)
	t, err := p.API.GetTeam(w.Team)
	s.app("GetTeam", teamSummary(t, true), err)
	_, err = p.API.GetTeam(w.Missing)
	s.app("GetTeam missing", nil, err)
	t, err = p.API.GetTeamByName(w.TeamName)
	s.app("GetTeamByName", teamSummary(t, false), err)
	g, err := p.API.GetGroup(w.Group)
	var group any
	if g != nil {
		group = map[string]any{"id": g.Id, "name": deref(g.Name), "display_name": g.DisplayName, "source": g.Source, "member_count": deref(g.MemberCount)}
	}
	s.app("GetGroup", group, err)
	g, err = p.API.GetGroupByName(w.GroupName)
	group = nil
	if g != nil {
		group = map[string]any{"id": g.Id, "name": deref(g.Name)}
	}
	s.app("GetGroupByName", group, err)
	_, err = p.API.GetGroup(w.Missing)
	s.app("GetGroup missing", nil, err)
	for page := range 3 {
		users, err := p.API.GetGroupMemberUsers(w.Group, page, 1)
		s.app("GetGroupMemberUsers page "+strconv.Itoa(page), usernames(users), err)
	}

	members, err := p.API.GetChannelMembers(w.Channel, 0, 10)
	list := []any{}
	for _, m := range members {
		list = append(list, map[string]any{"user_id": m.UserId, "roles": m.Roles, "scheme_admin": m.SchemeAdmin,
			"desktop": m.NotifyProps["desktop"], "msg_count": m.MsgCount})
	}
	s.app("GetChannelMembers", list, err)
	members, err = p.API.GetChannelMembers(w.Channel, 1, 10)
	s.app("GetChannelMembers page 1", len(members), err)
	m, err := p.API.GetChannelMember(w.Channel, w.Bob)
	var member any
	if m != nil {
		member = map[string]any{"channel_id": m.ChannelId, "user_id": m.UserId, "roles": m.Roles}
	}
	s.app("GetChannelMember", member, err)
	_, err = p.API.GetChannelMember(w.Channel, w.Missing)
	s.app("GetChannelMember missing", nil, err)
	perm := func(id string) *model.Permission { return &model.Permission{Id: id} }
	s.app("HasPermissionTo alice manage_system", p.API.HasPermissionTo(w.Alice, perm("manage_system")), nil)
	s.app("HasPermissionTo bob manage_system", p.API.HasPermissionTo(w.Bob, perm("manage_system")), nil)
	s.app("HasPermissionToChannel bob create_post", p.API.HasPermissionToChannel(w.Bob, w.Channel, perm("create_post")), nil)
	s.app("HasPermissionToChannel bob manage_public_channel_members",
		p.API.HasPermissionToChannel(w.Bob, w.Channel, perm("manage_public_channel_members")), nil)
	s.app("HasPermissionToChannel alice elsewhere", p.API.HasPermissionToChannel(w.Alice, w.Missing, perm("create_post")), nil)
}

func teamSummary(t *model.Team, display bool) any {
	if t == nil {
		return nil
	}
	if display {
		return map[string]any{"id": t.Id, "name": t.Name, "display_name": t.DisplayName}
	}
	return map[string]any{"id": t.Id, "name": t.Name}
}

func sha(b []byte) map[string]any {
	sum := sha256.Sum256(b)
	return map[string]any{"size": len(b), "sha256": hex.EncodeToString(sum[:])}
}
