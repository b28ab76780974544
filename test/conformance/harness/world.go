package harness

import (
	"strings"

	"github.com/mattermost/mattermost/server/public/model"
)

// fixedID pads a readable prefix to a 26-character Mattermost id, so that results
// naming ids are the same on every run and for every plugin.
func fixedID(prefix string) string {
	return prefix + strings.Repeat("0", 26-len(prefix))
}

// The ids of the fixed world every plugin's API answers from (newWorld). The
// plugins get them in the script request, never compiled in.
var (
	AliceID     = fixedID("alice")
	BobID       = fixedID("bob")
	TeamID      = fixedID("team")
	ChannelID   = fixedID("channel")
	GroupID     = fixedID("group")
	RootPostID  = fixedID("rootpost")
	Reply1ID    = fixedID("reply1")
	Reply2ID    = fixedID("reply2")
	RichPostID  = fixedID("richpost")
	FileID      = fixedID("file")
	MissingID   = fixedID("missing")
	TeamName    = "conformance"
	GroupName   = "developers"
	FileContent = []byte("conformance file ✓\n")
)

// StartMillis is the harness clock at the start (2026-01-01T00:00:00Z); it only
// moves when a test calls Store.Advance, so timestamps in results are fixed.
const StartMillis int64 = 1767225600000

// world is what the in-memory server knows besides the KV store.
type world struct {
	users    []*model.User
	bot      *model.User // set by EnsureBotUser
	team     *model.Team
	channel  *model.Channel
	members  []model.ChannelMember
	group    *model.Group
	posts    map[string]*model.Post
	files    map[string]*model.FileInfo
	content  map[string][]byte
	uploads  int
	sysPerms map[string][]string
	chanPerm map[string][]string // key: userID + "/" + channelID
}

func newWorld() *world {
	w := &world{
		users: []*model.User{
			{Id: AliceID, Username: "alice", Email: "alice@conformance.invalid", FirstName: "Alice", Roles: "system_user system_admin", Locale: "en"},
			{Id: BobID, Username: "bob", Email: "bob@conformance.invalid", FirstName: "Bob", Roles: "system_user", Locale: "de"},
		},
		team: &model.Team{Id: TeamID, Name: TeamName, DisplayName: "Conformance ✓", Type: model.TeamOpen, CreateAt: StartMillis - 1000},
		channel: &model.Channel{Id: ChannelID, TeamId: TeamID, Type: model.ChannelTypeOpen, Name: "town-square",
			DisplayName: "Town Square", CreateAt: StartMillis - 900},
		members: []model.ChannelMember{
			{ChannelId: ChannelID, UserId: AliceID, Roles: "channel_user channel_admin", SchemeUser: true, SchemeAdmin: true,
				NotifyProps: model.StringMap{"desktop": "all"}, MsgCount: 3},
			{ChannelId: ChannelID, UserId: BobID, Roles: "channel_user", SchemeUser: true,
				NotifyProps: model.StringMap{"desktop": "mention"}, MsgCount: 1},
		},
		group: &model.Group{Id: GroupID, Name: model.NewPointer(GroupName), DisplayName: "Developers",
			Source: model.GroupSourceCustom, MemberCount: model.NewPointer(2), AllowReference: true},
		posts:   map[string]*model.Post{},
		files:   map[string]*model.FileInfo{},
		content: map[string][]byte{},
		sysPerms: map[string][]string{
			AliceID: {model.PermissionManageSystem.Id, model.PermissionCreatePost.Id},
			BobID:   {model.PermissionCreatePost.Id},
		},
		chanPerm: map[string][]string{
			AliceID + "/" + ChannelID: {model.PermissionCreatePost.Id, model.PermissionManagePublicChannelMembers.Id},
			BobID + "/" + ChannelID:   {model.PermissionCreatePost.Id},
		},
	}
	thread := []*model.Post{
		{Id: RootPostID, ChannelId: ChannelID, UserId: AliceID, Message: "thread root", CreateAt: StartMillis - 300, ReplyCount: 2},
		{Id: Reply1ID, ChannelId: ChannelID, UserId: BobID, RootId: RootPostID, Message: "first reply", CreateAt: StartMillis - 200},
		{Id: Reply2ID, ChannelId: ChannelID, UserId: AliceID, RootId: RootPostID, Message: "second reply ✓", CreateAt: StartMillis - 100},
	}
	for _, p := range append(thread, RichPost()) {
		w.posts[p.Id] = p
	}
	w.files[FileID] = &model.FileInfo{Id: FileID, CreatorId: AliceID, ChannelId: ChannelID, PostId: RootPostID,
		CreateAt: StartMillis - 250, Path: "data/" + FileID + "/report.txt", Name: "report.txt", Extension: "txt",
		Size: int64(len(FileContent)), MimeType: "text/plain"}
	w.content[FileID] = FileContent
	return w
}

func (w *world) userByName(name string) *model.User {
	for _, u := range w.users {
		if u.Username == name {
			return u
		}
	}
	return nil
}

func (w *world) user(id string) *model.User {
	if w.bot != nil && w.bot.Id == id {
		return w.bot
	}
	for _, u := range w.users {
		if u.Id == id {
			return u
		}
	}
	return nil
}
