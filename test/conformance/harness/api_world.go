package harness

import (
	"net/http"
	"slices"

	"github.com/mattermost/mattermost/server/public/model"
)

// Users, teams, groups, channels and permissions of the fixed world (world.go),
// answered with the AppError ids and statuses Mattermost uses.

func notFound(where, id string) *model.AppError {
	return model.NewAppError(where, id, nil, "", http.StatusNotFound)
}

func (a *API) GetUser(userID string) (*model.User, *model.AppError) {
	a.store.count("GetUser")
	a.store.mu.Lock()
	defer a.store.mu.Unlock()
	if u := a.store.world.user(userID); u != nil {
		return u, nil
	}
	return nil, notFound("GetUser", "app.user.missing_account.const")
}

// GetUsersByUsernames answers the users found, in the order asked; unknown names are left out.
func (a *API) GetUsersByUsernames(usernames []string) ([]*model.User, *model.AppError) {
	a.store.count("GetUsersByUsernames")
	var out []*model.User
	for _, name := range usernames {
		if u := a.store.world.userByName(name); u != nil {
			out = append(out, u)
		}
	}
	return out, nil
}

func (a *API) GetTeam(teamID string) (*model.Team, *model.AppError) {
	a.store.count("GetTeam")
	if t := a.store.world.team; t.Id == teamID {
		return t, nil
	}
	return nil, notFound("GetTeam", "app.team.get.find.app_error")
}

func (a *API) GetTeamByName(name string) (*model.Team, *model.AppError) {
	a.store.count("GetTeamByName")
	if t := a.store.world.team; t.Name == name {
		return t, nil
	}
	return nil, notFound("GetTeamByName", "app.team.get_by_name.missing.app_error")
}

func (a *API) GetGroup(groupID string) (*model.Group, *model.AppError) {
	a.store.count("GetGroup")
	if g := a.store.world.group; g.Id == groupID {
		return g, nil
	}
	return nil, notFound("GetGroup", "app.group.no_rows")
}

func (a *API) GetGroupByName(name string) (*model.Group, *model.AppError) {
	a.store.count("GetGroupByName")
	if g := a.store.world.group; g.Name != nil && *g.Name == name {
		return g, nil
	}
	return nil, notFound("GetGroupByName", "app.group.no_rows")
}

// GetGroupMemberUsers pages the group's members (alice, bob); an unknown group has none.
func (a *API) GetGroupMemberUsers(groupID string, page, perPage int) ([]*model.User, *model.AppError) {
	a.store.count("GetGroupMemberUsers")
	if groupID != a.store.world.group.Id {
		return nil, nil
	}
	return pageOf(a.store.world.users, page, perPage), nil
}

func (a *API) GetChannel(channelID string) (*model.Channel, *model.AppError) {
	a.store.count("GetChannel")
	if c := a.store.world.channel; c.Id == channelID {
		return c, nil
	}
	return nil, notFound("GetChannel", "app.channel.get.existing.app_error")
}

func (a *API) GetChannelMember(channelID, userID string) (*model.ChannelMember, *model.AppError) {
	a.store.count("GetChannelMember")
	for _, m := range a.store.world.members {
		if m.ChannelId == channelID && m.UserId == userID {
			return &m, nil
		}
	}
	return nil, notFound("GetChannelMember", "app.channel.get_member.missing.app_error")
}

func (a *API) GetChannelMembers(channelID string, page, perPage int) (model.ChannelMembers, *model.AppError) {
	a.store.count("GetChannelMembers")
	var in model.ChannelMembers
	for _, m := range a.store.world.members {
		if m.ChannelId == channelID {
			in = append(in, m)
		}
	}
	return pageOf(in, page, perPage), nil
}

func pageOf[S ~[]E, E any](all S, page, perPage int) S {
	start := page * perPage
	if page < 0 || perPage <= 0 || start >= len(all) {
		return nil
	}
	return all[start:min(start+perPage, len(all))]
}

// HasPermissionTo answers from a fixed table: alice may manage the system, both may post.
func (a *API) HasPermissionTo(userID string, permission *model.Permission) bool {
	a.store.count("HasPermissionTo")
	return permission != nil && slices.Contains(a.store.world.sysPerms[userID], permission.Id)
}

func (a *API) HasPermissionToChannel(userID, channelID string, permission *model.Permission) bool {
	a.store.count("HasPermissionToChannel")
	return permission != nil && slices.Contains(a.store.world.chanPerm[userID+"/"+channelID], permission.Id)
}
